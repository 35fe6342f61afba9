"""Load a whole corpus: find the files, read them, extract each, apply corrections.

One bad article never stops the others: every failure becomes a `Problem`
naming the file (and line), and the rest load as usual. Extraction is cached
by content hash (and by the config that shapes it), and spread over the CPU
cores for large corpora.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import pickle
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..model import Article, Problem
from ..slug import unique_slugs
from .article import extract
from .frontmatter import FrontMatterError, markdown_to_text, split_front_matter
from .overrides import Listings, OverrideError, apply_overrides, find_corrections
from .text import comparable

PARALLEL_THRESHOLD = 200  # below this, starting worker processes costs more than it saves
MARKDOWN_SUFFIXES = {".md", ".markdown"}
DUPLICATE_MIN_WORDS = 8  # paragraphs shorter than this do not tell two articles apart


@dataclass(frozen=True)
class LoadResult:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def load_corpus(config: Config, use_cache: bool = True) -> LoadResult:
    """Every article under the config's inputs."""
    from .discover import discover

    paths, problems = discover(config.inputs)
    result = load_files(paths, config, use_cache=use_cache)
    return LoadResult(result.articles, tuple(problems) + result.problems)


def load_files(paths: Iterable[Path], config: Config, use_cache: bool = False) -> LoadResult:
    """Extract the given files. Paths are reported as given."""
    from .read import read_article_file

    problems: list[Problem] = []
    texts: list[tuple[str, str]] = []  # (path as given, text)
    for path in paths:
        text, read_problems = read_article_file(Path(path))
        problems.extend(read_problems)
        if text is not None:
            texts.append((str(path), text))
    cache = _Cache(config, read=use_cache)  # a clean build reads none, but leaves one for the next
    extracted = _extract_all(texts, config, cache)
    articles: list[tuple[Article, str]] = []  # with the key that tells copies apart
    for outcome, key in extracted:
        if isinstance(outcome, Problem):
            problems.append(outcome)
        else:
            articles.append((outcome, key or duplicate_key(outcome)))
    if cache:
        cache.save()
    kept, duplicate_problems = _drop_duplicates(articles)
    problems.extend(duplicate_problems)
    kept = _assign_ids(kept)
    kept, override_problems = _corrected(kept, config)
    problems.extend(override_problems)
    kept.sort(key=lambda a: a.id)
    return LoadResult(tuple(kept), tuple(problems))


def extract_one(path: str, text: str, config: Config) -> Article | Problem:
    """Extract one file's text; a failure is a Problem, never an exception."""
    try:
        if Path(path).suffix.lower() in MARKDOWN_SUFFIXES:
            front, body, _line = split_front_matter(text)
            article = extract(markdown_to_text(body), path, config, front)
            return dataclasses.replace(article, format="markdown", markdown=body)
        return extract(text, path, config)
    except FrontMatterError as error:
        return Problem(path, str(error), error.line, "error")
    except RecursionError:
        return Problem(path, "the text is nested too deeply to read", None, "error")


Outcome = tuple[Article | Problem, str | None]  # and the duplicate key of an article, where known


def _extract_all(texts: list[tuple[str, str]], config: Config, cache: _Cache | None) -> list[Outcome]:
    results: list[Outcome | None] = [None] * len(texts)
    todo: list[int] = []
    for i, (path, text) in enumerate(texts):
        hit = cache.get(path, text) if cache else None
        if hit is not None:
            results[i] = (hit, None)
        else:
            todo.append(i)
    workers = min(os.cpu_count() or 1, 8)
    if len(todo) >= PARALLEL_THRESHOLD and workers > 1:
        # The config goes to each worker once, not with every chunk of articles.
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(config,)) as pool:
            chunk = max(1, len(todo) // (workers * 8))
            outcomes = pool.map(_extract_in_worker, [texts[i] for i in todo], chunksize=chunk)
            for i, outcome in zip(todo, outcomes, strict=True):
                results[i] = outcome
    else:
        for i in todo:
            results[i] = (extract_one(texts[i][0], texts[i][1], config), None)
    if cache:
        for i in todo:
            cache.put(texts[i][0], texts[i][1], results[i][0])  # type: ignore[index]
    return [r for r in results if r is not None]


_worker_config: Config | None = None


def _start_worker(config: Config) -> None:
    global _worker_config
    _worker_config = config


def _extract_in_worker(item: tuple[str, str]) -> Outcome:
    """Extract in a worker process, and work out the duplicate key there too: the main
    process would otherwise do it for every article while the workers wait."""
    assert _worker_config is not None
    outcome = extract_one(item[0], item[1], _worker_config)
    return outcome, duplicate_key(outcome) if isinstance(outcome, Article) else None


def duplicate_key(article: Article) -> str:
    """What two copies of one article share: the same text, whatever furniture surrounds it.

    Short paragraphs are left out: furniture the patterns missed ("Share on
    Facebook") must not make a copy look like another article."""
    sentences = [p for p in article.body if len(p.split()) >= DUPLICATE_MIN_WORDS] or list(article.body)
    return hashlib.sha256(comparable(" ".join(sentences)).encode()).hexdigest()


def _drop_duplicates(articles: list[tuple[Article, str]]) -> tuple[list[Article], list[Problem]]:
    """The same article twice (byte-identical, or the same text under other
    furniture) is one record; the other is reported as its duplicate."""
    seen: dict[str, Article] = {}
    kept: list[Article] = []
    problems: list[Problem] = []
    for article, key in sorted(articles, key=lambda pair: pair[0].path):
        if key in seen and article.body:
            problems.append(Problem(article.path, f"duplicate of {seen[key].path}; skipped"))
            continue
        seen[key] = article
        kept.append(article)
    return kept, problems


def _assign_ids(articles: list[Article]) -> list[Article]:
    slugs = unique_slugs([(a.path, a.title) for a in articles])
    return [dataclasses.replace(a, id=slugs[a.path]) for a in articles]


def _corrected(articles: list[Article], config: Config) -> tuple[list[Article], list[Problem]]:
    out: list[Article] = []
    problems: list[Problem] = []
    listings: Listings = {}
    for article in articles:
        corrections = find_corrections(article, config, listings)
        if not corrections:
            out.append(article)
            continue
        try:
            out.append(apply_overrides(article, corrections, config))
        except OverrideError as error:
            problems.append(Problem(error.path, error.message, error.line, "error"))
            out.append(article)
    return out, problems


class _Cache:
    """Extraction results keyed by the text's hash, the path and the config.

    The config matters because themes and the registry change what is
    extracted; a changed config simply misses the cache."""

    VERSION = "1"

    def __init__(self, config: Config, read: bool = True):
        self.directory = config.output.parent / f".{config.output.name}.cache"
        fingerprint = pickle.dumps((self.VERSION, _code_digest(), config.themes, config.registry), protocol=4)
        self.config_key = hashlib.sha256(fingerprint).hexdigest()[:16]
        self.file = self.directory / f"extract-{self.config_key}.pickle"
        self.entries: dict[str, Article | Problem] = {}
        self.used: dict[str, Article | Problem] = {}
        if not read:
            return
        try:
            with self.file.open("rb") as handle:
                self.entries = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            self.entries = {}

    def _key(self, path: str, text: str) -> str:
        return hashlib.sha256(f"{path}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, path: str, text: str) -> Article | Problem | None:
        key = self._key(path, text)
        hit = self.entries.get(key)
        if hit is not None:
            self.used[key] = hit
        return hit

    def put(self, path: str, text: str, value: Article | Problem | None) -> None:
        if value is not None:
            self.used[self._key(path, text)] = value

    def save(self) -> None:
        if self.used.keys() == self.entries.keys():
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary = self.file.with_suffix(".tmp")
            with temporary.open("wb") as handle:
                pickle.dump(self.used, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.file)
        except OSError:
            pass  # a cache that cannot be written only costs time


@functools.cache
def _code_digest() -> str:
    """A digest of the code and defaults extraction runs on: a new version never reuses an old record."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted([*package.glob("load/*.py"), package / "model.py", *package.glob("defaults/*")]):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]
