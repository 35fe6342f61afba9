"""Load a whole corpus: find the files, read them, extract each, apply corrections.

One bad article never stops the others: every failure becomes a `Problem`
naming the file (and line), and the rest load as usual. What each file gave is
cached (see `cache`): a rebuild reads and extracts only the files that changed.
Files are read and extracted in worker processes for large corpora.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..fingerprint import Signature, stat_signature
from ..model import Article, Problem, with_token
from ..slug import distinct_slugs, slugify
from .article import extract
from .cache import Entry, ExtractionCache, code_digest, record_digest, text_key
from .frontmatter import FrontMatterError, front_matter_problems, markdown_to_text, split_front_matter
from .html_page import HTML_SUFFIXES, page_problems, read_page, relined
from .overrides import Listings, OverrideError, apply_overrides, find_corrections
from .read import read_article_file
from .text import comparable

PARALLEL_THRESHOLD = 200  # below this, starting worker processes costs more than it saves
# Files per chunk sent to a worker, at most: the last chunks finish at about the same time (with
# a sixteenth of a 10,000-file corpus per chunk, one worker idled for a second or more at the end),
# and a chunk's results still come back in one message.
MAX_CHUNK = 48
MARKDOWN_SUFFIXES = {".md", ".markdown"}
DUPLICATE_MIN_WORDS = 8  # paragraphs shorter than this do not tell two articles apart


@dataclass(frozen=True)
class LoadResult:
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def load_corpus(config: Config, use_cache: bool = True) -> LoadResult:
    """Every article under the config's inputs."""
    from .discover import discover_paths

    paths, problems = discover_paths(config.inputs)
    result = load_files(paths, config, use_cache=use_cache, roots=config.inputs)
    return LoadResult(result.articles, tuple(problems) + result.problems)


def load_files(
    paths: Iterable[Path | str], config: Config, use_cache: bool = False, roots: Sequence[Path] = ()
) -> LoadResult:
    """Extract the given files. Paths are reported as given; `roots` are the inputs they were
    found under, which an article's id is made independent of (see `_names_for_ids`).

    With `use_cache`, a file unchanged since the last build is not even read
    (see `cache`); without, every file is extracted, and the cache is written
    for the next build."""
    cache = ExtractionCache(config, read=use_cache)
    entries = _entries([str(path) for path in paths], config, cache)
    problems: list[Problem] = [problem for entry in entries for problem in entry.read_problems]
    found: list[Entry] = []
    for entry in entries:
        if isinstance(entry.outcome, Problem):
            problems.append(entry.outcome)
        elif entry.outcome is not None:
            found.append(entry)
    del entries
    kept, duplicate_problems = _drop_duplicates(found)
    problems.extend(duplicate_problems)
    articles = _assign_ids(kept, cache, roots)
    cache.save()
    articles, override_problems = _corrected(articles, config)
    problems.extend(override_problems)
    articles.sort(key=lambda a: a.id)
    return LoadResult(tuple(articles), tuple(problems))


def extract_one(path: str, text: str, config: Config) -> Article | Problem:
    """Extract one file's text; a failure is a Problem, never an exception."""
    try:
        suffix = Path(path).suffix.lower()
        if suffix in MARKDOWN_SUFFIXES:
            front, body, _line = split_front_matter(text)
            article = extract(markdown_to_text(body), path, config, front)
            return dataclasses.replace(article, format="markdown", markdown=body)
        if suffix in HTML_SUFFIXES:  # the page's text is extracted as text, and shown as text: never as markup
            page = read_page(text, path, config.registry)
            if page.empty is not None:
                return Problem(path, page.empty)
            article = extract(page.text, path, config, page.meta)
            return dataclasses.replace(relined(article, page.lines), format="html")
        return extract(text, path, config)
    except FrontMatterError as error:
        return Problem(path, str(error), error.line, "error")
    except RecursionError:
        return Problem(path, "the text is nested too deeply to read", None, "error")
    except Exception as error:  # one article the rules cannot take must not stop the others
        return Problem(path, f"could not be extracted ({type(error).__name__}: {error}); skipped", None, "error")


def load_file(path: str, config: Config, known: str | None = None) -> Entry:
    """Read and extract one file, its signature left for the caller to fill in.

    `known` is the text key of the file's cached record: when the text still
    has it, nothing is extracted, and the entry comes back with that key and
    no outcome, for the caller to keep its record (with these read problems)."""
    text, read_problems = read_article_file(Path(path))
    if text is None:
        return Entry(None, "", read_problems, None)
    key = text_key(path, text)
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:  # fields dropped or guessed; the article is kept
        read_problems = (*read_problems, *front_matter_problems(path, text))
    elif suffix in HTML_SUFFIXES:  # the page's metadata dropped or passed over; the article is kept
        read_problems = (*read_problems, *page_problems(path, text, config.registry))
    if key == known:
        return Entry(None, key, read_problems, None)
    outcome = extract_one(path, text, config)
    if isinstance(outcome, Problem):
        return Entry(None, key, read_problems, outcome)
    return Entry(
        None, key, read_problems, outcome, duplicate_key(outcome), slugify(outcome.title), record_digest(outcome)
    )


def _entries(paths: list[str], config: Config, cache: ExtractionCache) -> list[Entry]:
    """Each file's entry, in order: from the cache when its signature says it is unchanged, else loaded."""
    entries: list[Entry | None] = []
    todo: list[tuple[int, Signature | None]] = []
    for position, path in enumerate(paths):
        signature = stat_signature(path)
        entry = cache.fresh(path, signature)
        if entry is not None:
            cache.keep(path, entry, changed=False)
        else:
            todo.append((position, signature))
        entries.append(entry)
    jobs = [(paths[i], _known_key(cache.known(paths[i]))) for i, _ in todo]
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) >= PARALLEL_THRESHOLD and workers > 1:
        # The config goes to each worker once, not with every chunk of files; the
        # workers read the files too, so their texts never all sit in this process.
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(config,)) as pool:
            chunk = max(1, min(MAX_CHUNK, len(jobs) // (workers * 8)))
            loaded = list(pool.map(_load_in_worker, jobs, chunksize=chunk))
    else:
        loaded = [load_file(path, config, known) for path, known in jobs]
    for (position, signature), entry in zip(todo, loaded, strict=True):
        path = paths[position]
        known = cache.known(path)
        if entry.outcome is None and entry.text_key and known is not None and entry.text_key == known.text_key:
            entry = known._replace(read_problems=entry.read_problems)  # touched, not changed
        entry = entry._replace(signature=signature)
        cache.keep(path, entry)
        entries[position] = entry
    return entries  # type: ignore[return-value]


def _known_key(entry: Entry | None) -> str | None:
    return entry.text_key if entry is not None and entry.outcome is not None else None


_worker_config: Config | None = None


def _start_worker(config: Config) -> None:
    global _worker_config
    _worker_config = config


def _load_in_worker(job: tuple[str, str | None]) -> Entry:
    assert _worker_config is not None
    return load_file(job[0], _worker_config, job[1])


def duplicate_key(article: Article) -> str:
    """What two copies of one article share: the same text, whatever furniture surrounds it.

    Short paragraphs are left out: furniture the patterns missed ("Share on
    Facebook") must not make a copy look like another article."""
    sentences = [p for p in article.body if len(p.split()) >= DUPLICATE_MIN_WORDS] or list(article.body)
    return hashlib.sha256(comparable(" ".join(sentences)).encode()).hexdigest()


def _drop_duplicates(entries: list[Entry]) -> tuple[list[Entry], list[Problem]]:
    """The same article twice (byte-identical, or the same text under other
    furniture) is one record; the other is reported as its duplicate."""
    seen: dict[str, Article] = {}
    kept: list[Entry] = []
    problems: list[Problem] = []
    for entry in sorted(entries, key=lambda e: e.outcome.path):  # type: ignore[union-attr]
        article = entry.outcome
        assert isinstance(article, Article)
        if entry.duplicate in seen and article.body:
            problems.append(Problem(article.path, f"duplicate of {seen[entry.duplicate].path}; skipped"))
            continue
        seen[entry.duplicate] = article
        kept.append(entry)
    return kept, problems


def _assign_ids(entries: list[Entry], cache: ExtractionCache, roots: Sequence[Path] = ()) -> list[Article]:
    """Each article under the slug of its title, made unique, with its token (see `_token`).

    A cached record keeps the id (and token) it had, and is copied only when
    the id changes (another title took its slug, say)."""
    paths = [entry.outcome.path for entry in entries]  # type: ignore[union-attr]
    names = _names_for_ids(paths, roots)
    by_name = distinct_slugs({names[path]: entry.slug for path, entry in zip(paths, entries, strict=True)})  # type: ignore[union-attr]
    ids = {path: by_name[names[path]] for path in paths}
    articles = []
    for entry in entries:
        article = entry.outcome
        assert isinstance(article, Article)
        wanted = ids[article.path]
        if article.id != wanted or not article.token:
            article = with_token(article, _token(entry.base_token, wanted), id=wanted)
            cache.keep(article.path, entry._replace(outcome=article))
        articles.append(article)
    return articles


def _names_for_ids(paths: list[str], roots: Sequence[Path]) -> dict[str, str]:
    """Each path as the article's id knows it: relative to the input it was found under.

    Two articles with one title are told apart by a hash of this name, so it must
    not depend on how the input was named: `--input articles` run from the
    project and `--input /home/me/project/articles` run from elsewhere (or on a
    CI machine) must give the same ids, or every such article's URL moves. A
    name two inputs share (`a/x.txt` and `b/x.txt` given as inputs `a` and `b`)
    falls back to the paths as given, which still differ.
    """
    bases = [(str(root), os.path.join(str(root), "")) for root in roots]
    names: dict[str, str] = {}
    for path in paths:
        name = path
        for root, prefix in bases:
            if path == root:
                name = os.path.basename(path)
                break
            if path.startswith(prefix):
                name = path[len(prefix) :]
                break
        names[path] = name.replace(os.sep, "/")
    shared = Counter(names.values())
    named = {path: name if shared[name] == 1 else path for path, name in names.items()}
    return named if len(set(named.values())) == len(named) else {path: path for path in paths}


def _token(*parts: str) -> str:
    """`Article.token`: the digest of the record as extracted (`record_digest`, made once, in the
    worker, and cached), with its id, and with the corrections applied to it (see `_corrected`).
    Each of those is all that can change a record, so the token changes whenever the record does."""
    return hashlib.blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _corrected(articles: list[Article], config: Config) -> tuple[list[Article], list[Problem]]:
    out: list[Article] = []
    problems: list[Problem] = []
    listings: Listings = {}
    for article in articles:
        try:  # a correction that cannot be read or applied is its file's problem; the article stays as extracted
            corrections = find_corrections(article, config, listings)
            if not corrections:
                out.append(article)
                continue
            corrected = apply_overrides(article, corrections, config)
        except OverrideError as error:
            problems.append(Problem(error.path, error.message, error.line, "error"))
            out.append(article)
            continue
        what = pickle.dumps([(c.path, c.data, c.lines) for c in corrections], protocol=pickle.HIGHEST_PROTOCOL)
        applied = hashlib.blake2b(what, digest_size=16).hexdigest()
        out.append(with_token(corrected, _token(article.token, code_digest(), applied)))  # the code that applied them
    return out, problems
