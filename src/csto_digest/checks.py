"""What in the extracted records deserves a human look (`csto-digest check`).

Extraction is a set of rules, and rules miss. These checks do not fix
anything; they point an analyst at the records most likely to be wrong, so a
correction file (`NAME.yml`) can be written where it matters:

- `undated`: no publication date was found (often right, sometimes a missed byline);
- `conflicting-dates`: the page gives two days (a header date and the URL's, say): the
  record took the more trustworthy one, and its evidence says which other day was given;
- `unattributed-quote`: a quote with no speaker;
- `lone-speaker`: a speaker with a single quote whose name appears nowhere else
  in the article, the typical trace of a name picked up from the wrong sentence;
- `no-theme`: an article in no theme at all;
- `possible-duplicate`: two articles with near-identical text the loader kept apart;
- `conflicting-attribution`: one statement attributed to different people.

`check()` takes records and groups and returns findings; it reads no files, so
it runs the same on a real corpus and on hand-built records in tests.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .model import Article, Groups

KINDS = (
    "undated",
    "conflicting-dates",
    "unattributed-quote",
    "lone-speaker",
    "no-theme",
    "possible-duplicate",
    "conflicting-attribution",
    "load-problem",
)
DUPLICATE_SIMILARITY = 0.8  # Jaccard similarity of word 5-shingles above which two texts look like one
SHINGLE = 5
COMMON_SHINGLE = 50  # a shingle in more articles than this is boilerplate, not evidence of copying
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_OTHER_DAY = re.compile(r"\bthe (\w+) says (\d{4}-\d{2}-\d{2})")  # as `load.article` notes a date that disagrees


@dataclass(frozen=True)
class Finding:
    """One thing to look at: what kind, which article, and why."""

    kind: str
    path: str | None
    message: str
    article: str | None = None  # article id
    related: tuple[str, ...] = ()  # other article ids involved

    def __str__(self) -> str:
        return f"{self.path or '-'}: {self.kind}: {self.message}"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "path": self.path,
            "article": self.article,
            "message": self.message,
            "related": list(self.related),
        }


def check(articles: Sequence[Article], groups: Groups) -> list[Finding]:
    """Every finding over the corpus, ordered by kind and then by article."""
    findings: list[Finding] = []
    in_theme = {article_id for ids in groups.themes.values() for article_id in ids}
    for article in sorted(articles, key=lambda a: a.id):
        findings.extend(_article_findings(article, in_theme))
    findings.extend(_duplicates(articles))
    findings.extend(_conflicts(articles, groups))
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(findings, key=lambda f: (order.get(f.kind, len(order)), f.article or "", f.message))


def problem_findings(problems: Iterable[Any]) -> list[Finding]:
    """The loader's problems as findings, so one report (and --strict) covers both.
    Notes (a byte-order mark, a hidden file passed over) are not worth a look."""
    return [
        Finding("load-problem", p.path, f"{p.severity}: {p.message}" + (f" (line {p.line})" if p.line else ""))
        for p in problems
        if p.severity != "note"
    ]


def _article_findings(article: Article, in_theme: set[str]) -> list[Finding]:
    out: list[Finding] = []

    def add(kind: str, message: str) -> None:
        out.append(Finding(kind, article.path, message, article.id))

    if not article.date:
        why = article.date_evidence.note if article.date_evidence and article.date_evidence.note else None
        add("undated", f"no publication date: {why}" if why else "no publication date found")
    elif article.date_evidence and article.date_evidence.note:
        others = _OTHER_DAY.findall(article.date_evidence.note)
        if others:
            said = ", ".join(f"the {rule} says {day}" for rule, day in others)
            add("conflicting-dates", f"dated {article.date} from the {article.date_evidence.rule}, but {said}")
    quotes = article.live_quotes
    for i, quote in enumerate(quotes):
        if not quote.speaker:
            add("unattributed-quote", f"quote {i + 1} has no speaker: {_short(quote.text)!r}")
    per_speaker = Counter(q.speaker for q in quotes if q.speaker)
    outside = _text_outside_quotes(article)
    for speaker in article.speakers:
        if per_speaker.get(speaker.name, 0) != 1:
            continue
        if _mentions(outside, speaker.name) <= 1:
            add("lone-speaker", f"{speaker.name} has one quote and is named nowhere else")
    if not article.themes and article.id not in in_theme:
        add("no-theme", "in no theme")
    return out


def _text_outside_quotes(article: Article) -> str:
    """Title and body with the quoted words taken out: where a speaker's name
    would appear if the article really introduces the person."""
    body = "\n".join(article.body)
    for quote in article.live_quotes:
        body = body.replace(quote.text, " ")
    return f"{article.title}\n{body}"


def _mentions(text: str, name: str) -> int:
    """How often the name (in full, or by surname) occurs; the surname count
    includes the full name, so it is the one that counts."""
    parts = [p for p in re.split(r"[\s.]+", name) if p]
    if not parts:
        return 0
    surname = parts[-1]
    return len(re.findall(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text))


def _duplicates(articles: Sequence[Article]) -> list[Finding]:
    """Pairs of articles whose word 5-shingles mostly coincide.

    An inverted index over shingles finds the candidate pairs, so the cost grows
    with the shared text rather than with the square of the corpus; shingles
    shared by many articles (boilerplate) are skipped."""
    shingles = {a.id: _shingles(" ".join(a.body)) for a in articles}
    index: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for article_id, grams in shingles.items():
        for gram in grams:
            index[gram].append(article_id)
    shared: Counter[tuple[str, str]] = Counter()
    for ids in index.values():
        if 1 < len(ids) <= COMMON_SHINGLE:
            for a, b in itertools.combinations(sorted(ids), 2):
                shared[(a, b)] += 1
    paths = {a.id: a.path for a in articles}
    out: list[Finding] = []
    for (a, b), count in sorted(shared.items()):
        union = len(shingles[a]) + len(shingles[b]) - count
        similarity = count / union if union else 0.0
        if similarity >= DUPLICATE_SIMILARITY:
            message = f"text {similarity:.0%} the same as {paths[b]} ({b})"
            out.append(Finding("possible-duplicate", paths[a], message, a, (b,)))
    return out


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _conflicts(articles: Sequence[Article], groups: Groups) -> list[Finding]:
    """A statement whose copies name different speakers: at least one is wrong."""
    paths = {a.id: a.path for a in articles}
    out: list[Finding] = []
    for statement in groups.statements:
        if len(set(statement.speakers)) <= 1:
            continue
        ids = tuple(dict.fromkeys(m.article for m in statement.members))
        first = ids[0] if ids else None
        message = f"statement {statement.id} attributed to {', '.join(statement.speakers)} across {', '.join(ids)}"
        out.append(Finding("conflicting-attribution", paths.get(first or ""), message, first, ids[1:]))
    return out


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per kind, for the summary line and the JSON report."""
    tally = Counter(f.kind for f in findings)
    return {kind: tally[kind] for kind in KINDS if tally[kind]}
