"""The records that pass between the stages: load -> group -> render -> write.

Every record is a frozen dataclass. A stage receives records and returns new
ones; nothing downstream mutates what an earlier stage produced, so a reader can
tell who made a value by looking at which stage returns the type.

Every extracted value carries `Evidence`: the words it came from and the rule
or source that produced it. Analysts must be able to see why the tool believes
what it shows, so evidence is part of the data, not a log line.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# Where a value came from. Kept as plain strings so that JSON stays readable.
Rule = Literal[
    "header",  # a `date 2024-03-28 URL` line or similar header line
    "dateline",  # `MOSCOW (Sputnik) -`, `YEREVAN, March 5. /ARKA/`
    "byline",  # a date line under the title, `12 March 2024  Read: 487`
    "url",  # the article's own URL
    "front-matter",  # YAML front matter of a Markdown article
    "registry",  # the registry of known people, outlets and places
    "override",  # a user's correction file or config entry
    "title",  # the article's first line
    "derived",  # made from the text because the text did not state it
    "text",  # found in the running text by a pattern
    "inferred",  # reasoned from other evidence; says how in the note (no loader rule writes it today)
    # How a quote's speaker was found (README, the `evidence` row, says each; a test checks the list there):
    "after",  # a name and a reporting verb after the quote, or a `— Name` line under it
    "before",  # a name and a reporting verb before the quote
    "after-unnamed",  # credited to a body ("the ministry"), not a person: no speaker
    "before-unnamed",
    "context",  # the speaker of the quote just before
    "transcript",  # a paragraph opening `Name:`
    "interview",  # an answer in a question-and-answer interview
    "unmarked",  # speech without quote marks ending in ", said NAME"
    "unattributed",  # nothing found: no speaker
]

DatePrecision = Literal["day", "month", "year"]
QuoteKind = Literal["quoted", "unmarked"]


@dataclass(frozen=True)
class Evidence:
    """Why a field holds its value: the words, the rule, and how sure we are."""

    text: str
    rule: str
    confidence: float = 1.0
    line: int | None = None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "rule": self.rule, "confidence": self.confidence}
        if self.line is not None:
            data["line"] = self.line
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True)
class Outlet:
    """A news outlet, either the publisher of an article or one it cites."""

    name: str
    evidence: Evidence


@dataclass(frozen=True)
class Quote:
    """One direct quotation: the exact words from the article and who said them.

    `text` is always a span of the article's own cleaned text (whitespace
    folded); `paragraph` indexes `Article.body`.
    """

    text: str
    speaker: str | None
    kind: QuoteKind
    paragraph: int
    evidence: Evidence  # the attribution words ("Tasmagambetov told ...") and rule
    struck: bool = False  # a user marked it as not a quote
    corrected: bool = False  # a user changed it (speaker, text)


@dataclass(frozen=True)
class Speaker:
    """A person quoted directly in an article, under the fullest name it gives."""

    name: str
    role: str | None
    quote_count: int
    evidence: Evidence


@dataclass(frozen=True)
class ThemeHit:
    """An article's membership in a theme, with the sentence that put it there."""

    slug: str
    evidence: Evidence


@dataclass(frozen=True)
class Correction:
    """A user's correction of an extracted field, shown on the page as such."""

    field: str
    old: Any
    new: Any
    source: str  # the correction file and line, e.g. "seeds/003.yml:4"


@dataclass(frozen=True)
class Problem:
    """Something the build met and reports: one line naming the file (and line)."""

    path: str
    message: str
    line: int | None = None
    severity: Literal["error", "warning", "note"] = "warning"  # notes never fail --strict

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{self.severity}: {where}: {self.message}"


@dataclass(frozen=True)
class Article:
    """One article as the loader understood it. The stable JSON interface of
    `csto-digest inspect` is `to_json()`; keep its keys backward compatible."""

    id: str
    path: str
    title: str
    title_derived: bool
    title_evidence: Evidence
    url: str | None
    source: Outlet | None
    cited_sources: tuple[Outlet, ...]
    date: str | None
    date_precision: DatePrecision | None
    date_evidence: Evidence | None
    author: str | None
    disclaimer: str | None
    speakers: tuple[Speaker, ...]
    quotes: tuple[Quote, ...]
    themes: tuple[ThemeHit, ...]
    places: tuple[str, ...]
    organizations: tuple[str, ...]
    body: tuple[str, ...]
    removed: tuple[str, ...]
    content_hash: str
    format: Literal["text", "markdown", "html"] = "text"
    markdown: str | None = None  # the original Markdown body, rendered safely
    author_evidence: Evidence | None = None  # the byline, front matter or correction that named the author
    corrections: tuple[Correction, ...] = field(default_factory=tuple)
    # (name, the words of the text that named it: "Almaty" for Kazakhstan) for each place and organisation,
    # as two strings, and the evidence of those the front matter or a correction listed (`mention_of`):
    # `places` and `organizations` stay plain names for every reader of them. An Evidence per mention
    # cost 36 MB at 10,000 articles; two strings (one shared with the name, mostly) cost a tenth of it.
    mentions: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    listed: tuple[tuple[str, Evidence], ...] = field(default_factory=tuple)
    # A digest of the whole record (every field above), set by the loader (see
    # `with_token`): a later stage can tell a changed article without hashing it.
    # It is not an init field, so `dataclasses.replace` leaves it empty rather
    # than stale: "" means unknown, and a reader must then digest the record itself.
    token: str = field(default="", init=False, compare=False, repr=False)

    @property
    def live_quotes(self) -> tuple[Quote, ...]:
        """Quotes a user has not struck out.

        Worked out on each read, on purpose. Its reads took about 0.4 s of a
        build of ten thousand articles (sampled), but a field holding the
        quotes tuple (or a property returning it) raised that build's peak
        memory by 25 to 35 MB (391 against 366, sampled with smaps): the forked
        render workers came to copy more of the memory they share with this
        process. With no quote struck out (nearly always) it is the quotes
        tuple itself, so a read makes nothing."""
        for quote in self.quotes:
            if quote.struck:
                return tuple(q for q in self.quotes if not q.struck)
        return self.quotes

    def to_json(self, entity_evidence: bool = True) -> dict[str, Any]:
        """The stable record. `entity_evidence=False` leaves out the places' and organisations' evidence,
        as the site's data/articles.json does (its article pages show it): at 10,000 articles it held 7 MB
        more in memory while the site was written, which the build's memory bar cannot spare."""
        quotes = [{"text": q.text, "speaker": q.speaker, "kind": q.kind} for q in self.quotes if not q.struck]
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "title_derived": self.title_derived,
            "url": self.url,
            "source": ({"name": self.source.name, "evidence": self.source.evidence.text} if self.source else None),
            "cited_sources": [o.name for o in self.cited_sources],
            "date": self.date,
            "date_precision": self.date_precision,
            "date_evidence": self.date_evidence.text if self.date_evidence else None,
            "author": self.author,
            "disclaimer": self.disclaimer,
            "speakers": [{"name": s.name, "role": s.role} for s in self.speakers],
            "quotes": quotes,
            "themes": [t.slug for t in self.themes],
            "places": list(self.places),
            "organizations": list(self.organizations),
            "body": list(self.body),
            "removed": list(self.removed),
            "evidence": self.evidence_json(entity_evidence),
            "corrections": [asdict(c) for c in self.corrections],
        }

    def evidence_json(self, entity_evidence: bool = True) -> dict[str, Any]:
        """Per-field evidence: rule, words and confidence for each value."""
        fields = {
            "title": self.title_evidence.to_json(),
            "source": self.source.evidence.to_json() if self.source else None,
            "cited_sources": {o.name: o.evidence.to_json() for o in self.cited_sources},
            "date": self.date_evidence.to_json() if self.date_evidence else None,
            "author": self.author_evidence.to_json() if self.author_evidence else None,
            "speakers": {s.name: s.evidence.to_json() for s in self.speakers},
            "quotes": [q.evidence.to_json() for q in self.quotes if not q.struck],
            "themes": {t.slug: t.evidence.to_json() for t in self.themes},
        }
        if entity_evidence:
            fields["places"] = {n: e.to_json() for n, e in self._mentioned(self.places)}
            fields["organizations"] = {n: e.to_json() for n, e in self._mentioned(self.organizations)}
        return fields

    def _mentioned(self, names: tuple[str, ...]) -> list[tuple[str, Evidence]]:
        found = [(name, self.mention_of(name)) for name in dict.fromkeys(names)]
        return [(name, evidence) for name, evidence in found if evidence is not None]

    def mention_of(self, name: str) -> Evidence | None:
        """The evidence for a place or organisation the record lists: the front matter's or
        correction's that listed it, else the words of the text that named it, if any."""
        for named, evidence in self.listed:
            if named == name:
                return evidence
        for named, words in self.mentions:
            if named == name:
                note = None if words == name else f"{words!r} is the registry's {name}"
                return Evidence(words, "text", 0.9, note=note)
        return None


def with_token(article: Article, token: str, **changes: Any) -> Article:
    """A copy of `article` with `changes`, carrying `token` as the digest of what it now holds.

    The one way a record gets its token: only the loader knows what a token
    stands for (see `load.corpus`), so only it calls this."""
    updated = dataclasses.replace(article, **changes)
    object.__setattr__(updated, "token", token)  # a new record nobody else holds yet
    return updated


@dataclass(frozen=True)
class Theme:
    """A theme declared in YAML: what it is and the patterns that put an article in it."""

    slug: str
    title: str
    description: str
    patterns: tuple[str, ...]  # regular expressions matched against one sentence
    requires: tuple[str, ...] = ()  # each must also match the same sentence
    excludes: tuple[str, ...] = ()  # a sentence matching any of these does not count
    min_sentences: int = 1


@dataclass(frozen=True)
class StatementMember:
    article: str
    quote: int  # index into that article's live quotes


@dataclass(frozen=True)
class Statement:
    """The same words carried by several articles, in wordings or translations."""

    id: str
    members: tuple[StatementMember, ...]
    speakers: tuple[str, ...]  # distinct attributions; more than one is a conflict
    similarity: float


@dataclass(frozen=True)
class Story:
    """Articles reporting one interview or event, with why they were grouped."""

    id: str
    articles: tuple[str, ...]  # article ids, earliest first
    reasons: tuple[str, ...]
    copies: tuple[tuple[str, str], ...] = ()  # (copy id, original id): syndicated copies


@dataclass(frozen=True)
class Groups:
    """What the grouper found over the whole corpus."""

    themes: dict[str, tuple[str, ...]]  # slug -> article ids
    stories: tuple[Story, ...]
    statements: tuple[Statement, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "themes": {slug: list(ids) for slug, ids in sorted(self.themes.items())},
            "stories": [list(s.articles) for s in self.stories],
            "statements": [[{"article": m.article, "quote": m.quote} for m in s.members] for s in self.statements],
        }
