"""Score the loader and grouper against hand labels, field by field.

A heuristic without a score is a guess (trafilatura and htmldate ship their
evaluation next to their code for this reason). `evaluate()` loads the files a
gold YAML lists through the real loader and grouper, compares every field with
the labels, and returns an `EvalReport` of precision, recall and F1 per field,
plus the individual mistakes so a failing figure can be traced to a file.

The matching rules are deliberately simple and independent of the loader's own
text helpers, so the code under test does not grade itself:

- a quote is found when its first words (up to six) match a gold quote's,
  after folding case, quote marks, punctuation and whitespace;
- a speaker matches on the full name or on the surname (`Bordyuzha` is
  `Nikolai N. Bordyuzha`);
- an outlet matches one of the gold spellings, ignoring case and punctuation.

A file the loader reports as a duplicate of another (`duplicate of PATH`) is
scored with that other file's record: the loader decided they are one article,
so the fields are the same, and the copy counts as grouped with its original.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

import yaml

from .model import Article, Groups
from .user_yaml import NOT_A_DATE_ERRORS, impossible_date

KEY_THEMES = ("armenia-membership", "tajik-afghan-border", "enlargement")
QUOTE_PREFIX_WORDS = 6

# The bars of issue 3. `EvalReport.failures()` names every one not met.
BARS: dict[str, tuple[str, float]] = {
    "quotes.precision": (">=", 0.90),
    "quotes.recall": (">=", 0.90),
    "attribution": (">=", 0.90),
    "speakers.f1": (">=", 0.90),
    "date": (">=", 0.95),
    "invented_dates": ("==", 0),
    "source": (">=", 0.95),
    "wrong_sources": ("==", 0),
    **{f"themes.{slug}.f1": (">=", 0.85) for slug in KEY_THEMES},
    "stories.f1": (">=", 0.80),
    "statements": (">=", 0.80),
}

LoadFunction = Callable[[list[Path], Any], Any]  # (paths, config) -> object with .articles, .problems
GroupFunction = Callable[[Sequence[Article], Any], Groups]

_QUOTE_MARKS = re.compile(r"[\"“”«»„‟‘’‚‛`´]")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_DUPLICATE = re.compile(r"duplicate of (?P<other>.+?)(?:;|$)")


# --- gold labels -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    start: str  # the quote's first words
    speaker: str | None


@dataclass(frozen=True)
class GoldArticle:
    file: str  # relative to the gold file's folder
    title: str | None
    sources: tuple[str, ...]  # acceptable spellings of the publisher; empty when the text shows none
    cited_sources: tuple[str, ...]
    date: str | None
    speakers: tuple[str, ...]
    quotes: tuple[GoldQuote, ...]
    themes: tuple[str, ...]


@dataclass(frozen=True)
class Gold:
    folder: Path
    articles: dict[str, GoldArticle]
    stories: tuple[tuple[str, ...], ...]
    statements: tuple[tuple[tuple[str, str], ...], ...]


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file and entry."""


def load_gold(path: Path) -> Gold:
    """Read a gold YAML (see tests/corpus/gold.yaml for the layout)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:  # UnicodeDecodeError is a ValueError too
        raise GoldError(f"{path}: {error}") from error
    except NOT_A_DATE_ERRORS:  # `date: 2024-13-45`: YAML's date, and no date
        found = impossible_date(yaml.compose(text))
        line = "" if found.line is None else f"{found.line + 1}:"
        raise GoldError(f"{path}:{line} {found.message()}") from None
    files = data.get("files")
    if not isinstance(files, dict) or not files:
        raise GoldError(f"{path}: needs a `files:` mapping of file name -> labels")
    articles: dict[str, GoldArticle] = {}
    for name, labels in files.items():
        labels = labels or {}
        source = labels.get("source")
        sources = tuple(str(s) for s in source) if isinstance(source, list) else ((str(source),) if source else ())
        quotes = []
        for item in labels.get("quotes") or []:
            if not isinstance(item, dict) or "start" not in item:
                raise GoldError(f"{path}: {name}: each quote needs `start` (and `speaker`)")
            quotes.append(GoldQuote(str(item["start"]), item.get("speaker")))
        articles[str(name)] = GoldArticle(
            file=str(name),
            title=labels.get("title"),
            sources=sources,
            cited_sources=tuple(str(s) for s in labels.get("cited_sources") or ()),
            date=_date_text(labels.get("date")),
            speakers=tuple(str(s) for s in labels.get("speakers") or ()),
            quotes=tuple(quotes),
            themes=tuple(str(t) for t in labels.get("themes") or ()),
        )
    stories = tuple(tuple(str(f) for f in group) for group in data.get("stories") or ())
    statements = tuple(tuple((str(f), str(s)) for f, s in group) for group in data.get("statements") or ())
    for name in [f for group in stories for f in group] + [f for group in statements for f, _ in group]:
        if name not in articles:
            raise GoldError(f"{path}: stories/statements name {name!r}, which is not under `files:`")
    return Gold(Path(path).parent, articles, stories, statements)


def _date_text(value: Any) -> str | None:
    """YAML reads an unquoted 2024-03-28 as a date; labels compare as text."""
    if value is None:
        return None
    if isinstance(value, Date):
        return value.isoformat()
    return str(value)


# --- matching --------------------------------------------------------------------------------------------------


def quote_words(text: str) -> list[str]:
    """Lower-cased words with quote marks, accents and punctuation folded away."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _QUOTE_MARKS.sub("'", text).lower()
    return [w.strip("'") for w in _WORD.findall(text) if w.strip("'")]


def quote_starts_with(text: str, start: str) -> bool:
    """Whether a quote's first words are the gold start's (up to six words)."""
    wanted = quote_words(start)[:QUOTE_PREFIX_WORDS]
    return bool(wanted) and quote_words(text)[: len(wanted)] == wanted


def _name_words(name: str) -> list[str]:
    return quote_words(name.replace(".", " "))


def same_person(gold: str | None, found: str | None) -> bool:
    """Full name or surname match; two nulls agree (nobody is named)."""
    if gold is None or found is None:
        return gold is None and found is None
    a, b = _name_words(gold), _name_words(found)
    return bool(a and b) and (a == b or a[-1] == b[-1])


def same_outlet(names: Iterable[str], found: str | None) -> bool:
    """Whether `found` is one of the gold spellings, ignoring case and punctuation."""
    key = _outlet_key(found) if found else ""
    return bool(key) and any(_outlet_key(n) == key for n in names)


def _outlet_key(name: str) -> str:
    return "".join(quote_words(name))


def _match_names(gold: Sequence[str], found: Sequence[str], same: Callable[[str, str], bool]) -> int:
    """How many gold names find a distinct found name (greedy, in order)."""
    left = list(found)
    hits = 0
    for name in gold:
        for i, other in enumerate(left):
            if same(name, other):
                hits += 1
                del left[i]
                break
    return hits


# --- scores ----------------------------------------------------------------------------------------------------


@dataclass
class Score:
    """Counts for precision, recall and F1. Nothing to find and nothing found is perfect."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Ratio:
    """Right out of total; with nothing to judge it is 1.0 (no evidence of error)."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(ok)

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def to_json(self) -> dict[str, Any]:
        return {"value": round(self.value, 4), "right": self.right, "total": self.total}


@dataclass
class EvalReport:
    """Every figure of one evaluation run, and the mistakes behind them."""

    gold: str
    files: int = 0
    missing: list[str] = field(default_factory=list)  # gold files the loader returned nothing for
    aliased: dict[str, str] = field(default_factory=dict)  # file -> file it was merged into as a duplicate
    quotes: Score = field(default_factory=Score)
    attribution: Ratio = field(default_factory=Ratio)
    speakers: Score = field(default_factory=Score)
    date: Ratio = field(default_factory=Ratio)  # where gold has a full date
    invented_dates: int = 0
    source: Ratio = field(default_factory=Ratio)  # where the text shows the outlet
    wrong_sources: int = 0
    cited_sources: Score = field(default_factory=Score)
    title: Ratio = field(default_factory=Ratio)
    themes: dict[str, Score] = field(default_factory=lambda: {slug: Score() for slug in KEY_THEMES})
    stories: Score = field(default_factory=Score)
    statements: Ratio = field(default_factory=Ratio)
    mistakes: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        """The barred figures by name (the keys of `BARS`)."""
        values: dict[str, float] = {
            "quotes.precision": self.quotes.precision,
            "quotes.recall": self.quotes.recall,
            "attribution": self.attribution.value,
            "speakers.f1": self.speakers.f1,
            "date": self.date.value,
            "invented_dates": self.invented_dates,
            "source": self.source.value,
            "wrong_sources": self.wrong_sources,
            "stories.f1": self.stories.f1,
            "statements": self.statements.value,
        }
        for slug, score in self.themes.items():
            values[f"themes.{slug}.f1"] = score.f1
        return values

    def failures(self) -> list[str]:
        """Each bar of issue 3 this run does not meet, as `name: value (bar)`."""
        out = []
        figures = self.figures()
        for name, (op, bar) in BARS.items():
            value = figures[name]
            ok = value >= bar if op == ">=" else value == bar
            if not ok:
                out.append(f"{name}: {_fmt(value)} (bar {op} {_fmt(bar)})")
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "files": self.files,
            "missing": self.missing,
            "aliased": self.aliased,
            "quotes": self.quotes.to_json(),
            "attribution": self.attribution.to_json(),
            "speakers": self.speakers.to_json(),
            "date": self.date.to_json(),
            "invented_dates": self.invented_dates,
            "source": self.source.to_json(),
            "wrong_sources": self.wrong_sources,
            "cited_sources": self.cited_sources.to_json(),
            "title": self.title.to_json(),
            "themes": {slug: score.to_json() for slug, score in self.themes.items()},
            "stories": self.stories.to_json(),
            "statements": self.statements.to_json(),
            "failures": self.failures(),
            "mistakes": self.mistakes,
        }

    def to_json_text(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)

    def table(self) -> str:
        """A plain-text table in the shape trafilatura and htmldate publish."""
        rows: list[tuple[str, str, str, str, str, str]] = [("field", "precision", "recall", "F1", "right/total", "bar")]

        def score_row(name: str, score: Score, bar: str = "") -> None:
            counts = f"tp {score.tp} fp {score.fp} fn {score.fn}"
            rows.append((name, _fmt(score.precision), _fmt(score.recall), _fmt(score.f1), counts, bar))

        def ratio_row(name: str, ratio: Ratio, bar: str = "") -> None:
            rows.append((name, "", "", "", f"{_fmt(ratio.value)} ({ratio.right}/{ratio.total})", bar))

        score_row("quotes", self.quotes, "P,R >= 0.90")
        ratio_row("attribution", self.attribution, ">= 0.90")
        score_row("speakers", self.speakers, "F1 >= 0.90")
        ratio_row("date (full dates)", self.date, ">= 0.95")
        rows.append(("invented dates", "", "", "", str(self.invented_dates), "== 0"))
        ratio_row("source (when shown)", self.source, ">= 0.95")
        rows.append(("wrong sources", "", "", "", str(self.wrong_sources), "== 0"))
        score_row("cited sources", self.cited_sources)
        ratio_row("title", self.title)
        for slug, score in self.themes.items():
            score_row(f"theme {slug}", score, "F1 >= 0.85")
        score_row("stories (pairs)", self.stories, "F1 >= 0.80")
        ratio_row("statements matched", self.statements, ">= 0.80")
        widths = [max(len(row[i]) for row in rows) for i in range(6)]
        lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        head = [f"{self.gold}: {self.files} files"]
        if self.missing:
            head.append(f"not loaded: {', '.join(self.missing)}")
        if self.aliased:
            head.append("merged as duplicates: " + ", ".join(f"{a} -> {b}" for a, b in self.aliased.items()))
        failures = self.failures()
        tail = ["", "bars not met: " + ("; ".join(failures) if failures else "none")]
        return "\n".join([*head, "", *lines, *tail])

    def explain(self) -> str:
        """The table followed by every mistake: what a failing test prints."""
        return self.table() + "\n\nmistakes:\n" + "\n".join(f"  {m}" for m in self.mistakes)


def _fmt(value: float) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


# --- the evaluation --------------------------------------------------------------------------------------------


def evaluate(
    gold_path: Path,
    config: Any,
    load: LoadFunction | None = None,
    group: GroupFunction | None = None,
) -> EvalReport:
    """Load and group the files `gold_path` lists, then score every field.

    `load` and `group` default to the real loader and grouper (imported here,
    not at module level, so this module imports while they are being written);
    tests pass their own to check the scoring on its own.
    """
    if load is None:
        from .load.corpus import load_files

        load = load_files
    if group is None:
        from .group import group_articles

        group = group_articles
    gold = load_gold(Path(gold_path))
    paths = {name: gold.folder / name for name in gold.articles}
    loaded = load(list(paths.values()), config)
    groups = group(loaded.articles, config)
    return score(gold, loaded.articles, loaded.problems, groups, paths, str(gold_path))


def score(
    gold: Gold,
    articles: Sequence[Article],
    problems: Sequence[Any],
    groups: Groups,
    paths: dict[str, Path],
    label: str = "gold",
) -> EvalReport:
    """Compare loaded records with the gold labels (the pure part of `evaluate`)."""
    report = EvalReport(gold=label, files=len(gold.articles))
    by_path = {str(Path(a.path)): a for a in articles}
    file_of_path = {str(Path(p)): name for name, p in paths.items()}
    records: dict[str, Article] = {}
    for name, path in paths.items():
        article = by_path.get(str(Path(path)))
        if article is not None:
            records[name] = article
    for problem in problems:  # copies the loader merged into another file
        match = _DUPLICATE.search(getattr(problem, "message", ""))
        name = file_of_path.get(str(Path(getattr(problem, "path", ""))))
        if match and name and name not in records:
            other = file_of_path.get(str(Path(match.group("other").strip())))
            if other and other in records:
                records[name] = records[other]
                report.aliased[name] = other
    report.missing = [name for name in gold.articles if name not in records]

    for name, labels in gold.articles.items():
        _score_article(report, labels, records.get(name))
    _score_stories(report, gold, records, groups)
    _score_statements(report, gold, records, groups)
    return report


def _score_article(report: EvalReport, gold: GoldArticle, article: Article | None) -> None:
    name = gold.file
    if article is None:
        report.mistakes.append(f"{name}: not loaded")
    quotes = article.live_quotes if article else ()

    # Quotes and who said them: each gold quote takes the first unmatched quote with its first words.
    left = list(range(len(quotes)))
    for item in gold.quotes:
        hit = next((i for i in left if quote_starts_with(quotes[i].text, item.start)), None)
        if hit is None:
            report.quotes.add(0, 0, 1)
            report.mistakes.append(f"{name}: quote missed: {item.start!r} ({item.speaker})")
            continue
        left.remove(hit)
        report.quotes.add(1, 0, 0)
        found = quotes[hit].speaker
        ok = same_person(item.speaker, found)
        report.attribution.add(ok)
        if not ok:
            report.mistakes.append(f"{name}: quote {item.start!r}: speaker {found!r}, gold {item.speaker!r}")
    for i in left:
        report.quotes.add(0, 1, 0)
        report.mistakes.append(f"{name}: not a gold quote: {_short(quotes[i].text)!r} ({quotes[i].speaker})")

    # Speakers.
    found_speakers = [s.name for s in article.speakers] if article else []
    hits = _match_names(gold.speakers, found_speakers, same_person)
    report.speakers.add(hits, len(found_speakers) - hits, len(gold.speakers) - hits)
    if hits < max(len(gold.speakers), len(found_speakers)):
        report.mistakes.append(f"{name}: speakers {found_speakers}, gold {list(gold.speakers)}")

    # Date: right where the text states a full date; a day-precision date where it states none is invented.
    found_date = article.date if article else None
    if gold.date and len(gold.date) == 10:
        report.date.add(found_date == gold.date)
    if gold.date is None and found_date and len(found_date) >= 10:
        report.invented_dates += 1
        report.mistakes.append(f"{name}: invented date {found_date} (gold null)")
    elif found_date != gold.date:
        report.mistakes.append(f"{name}: date {found_date}, gold {gold.date}")

    # Source: right when shown and named; any outlet that is not the gold one is wrong.
    found_source = article.source.name if article and article.source else None
    if gold.sources:
        report.source.add(same_outlet(gold.sources, found_source))
    if found_source and not same_outlet(gold.sources, found_source):
        report.wrong_sources += 1
        report.mistakes.append(f"{name}: wrong source {found_source!r}, gold {list(gold.sources) or None}")
    elif gold.sources and not found_source:
        report.mistakes.append(f"{name}: source missed, gold {gold.sources[0]!r}")

    cited = [o.name for o in article.cited_sources] if article else []
    cited_hits = _match_names(gold.cited_sources, cited, lambda g, f: same_outlet([g], f))
    report.cited_sources.add(cited_hits, len(cited) - cited_hits, len(gold.cited_sources) - cited_hits)
    if cited_hits < max(len(cited), len(gold.cited_sources)):
        report.mistakes.append(f"{name}: cited sources {cited}, gold {list(gold.cited_sources)}")

    if article:
        if gold.title is None:
            title_ok = article.title_derived
        else:
            title_ok = quote_words(article.title) == quote_words(gold.title)
        report.title.add(title_ok)
        if not title_ok:
            report.mistakes.append(f"{name}: title {article.title!r}, gold {gold.title!r}")
    else:
        report.title.add(False)

    found_themes = {t.slug for t in article.themes} if article else set()
    for slug, theme_score in report.themes.items():
        wanted, got = slug in gold.themes, slug in found_themes
        theme_score.add(int(wanted and got), int(got and not wanted), int(wanted and not got))
        if wanted != got:
            report.mistakes.append(f"{name}: theme {slug} {'missed' if wanted else 'not in gold'}")


def _score_stories(report: EvalReport, gold: Gold, records: dict[str, Article], groups: Groups) -> None:
    """Pairs of files: a pair is found when one story holds both (or the loader merged them)."""
    gold_pairs = {frozenset(p) for story in gold.stories for p in itertools.combinations(story, 2)}
    story_of: dict[str, set[int]] = {}
    for i, story in enumerate(groups.stories):
        for article_id in story.articles:
            story_of.setdefault(article_id, set()).add(i)
    for a, b in itertools.combinations(gold.articles, 2):
        ra, rb = records.get(a), records.get(b)
        found = bool(ra and rb and (ra.id == rb.id or story_of.get(ra.id, set()) & story_of.get(rb.id, set())))
        wanted = frozenset((a, b)) in gold_pairs
        report.stories.add(int(found and wanted), int(found and not wanted), int(wanted and not found))
        if found != wanted:
            report.mistakes.append(f"stories: {a} + {b} {'missed' if wanted else 'grouped, not in gold'}")


def _score_statements(report: EvalReport, gold: Gold, records: dict[str, Article], groups: Groups) -> None:
    """A gold statement is matched when one grouper statement holds all its quotes."""
    members_of = [{(m.article, m.quote) for m in s.members} for s in groups.statements]
    for statement in gold.statements:
        wanted: set[tuple[str, int]] = set()
        resolved = True
        for file, start in statement:
            article = records.get(file)
            index = _quote_index(article, start) if article else None
            if article is None or index is None:
                resolved = False
                break
            wanted.add((article.id, index))
        ok = resolved and (len(wanted) <= 1 or any(wanted <= members for members in members_of))
        report.statements.add(ok)
        if not ok:
            shown = "; ".join(f"{f}: {s!r}" for f, s in statement)
            why = "a quote was not found" if not resolved else "not grouped together"
            report.mistakes.append(f"statement missed ({why}): {shown}")


def _quote_index(article: Article, start: str) -> int | None:
    for i, quote in enumerate(article.live_quotes):
        if quote_starts_with(quote.text, start):
            return i
    return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
