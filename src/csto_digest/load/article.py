"""One article: raw text in, a frozen `Article` record out.

The rules run in a fixed order, each in its own module: layout (header,
title, furniture, paragraphs), then date, outlets, people, quotes, places
and organisations, themes. Front matter, where there is any, wins over
what the rules extract, and says so in the evidence.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from typing import Any

from ..config import Config
from ..model import Article, Evidence, Outlet, Speaker
from ..registry import Registry
from .classify import classify
from .dates import FoundDate, date_from_url, parse_date
from .entities import entity_mentions
from .frontmatter import FrontMatter
from .gender import gender_of
from .layout import SECTION_WORDS, Layout, parse_layout
from .outlets import (
    Dateline,
    canonical_outlet,
    cited_outlets,
    copyright_outlet,
    credited_outlets,
    find_dateline,
    known_agency_dateline,
    known_outlet,
    outlet_from_url,
    site_address,
)
from .people import NOT_NAME_WORDS, ROLE_WORDS, build_index
from .quotes import QuoteFinder
from .text import fold, sentences


def extract(text: str, path: str, config: Config, front: FrontMatter | None = None) -> Article:
    """Extract the record of one article from its text (for Markdown: its body)."""
    registry = config.registry
    # a site's address (`Tolkun.kg`) names an outlet as a known outlet's name does, over the text or under it
    layout = parse_layout(
        text, _front_title(front), lambda name: known_outlet(name, registry) is not None or bool(site_address(name))
    )
    _take_bare_byline(layout, registry)
    byline = [layout.byline_evidence.text] if layout.byline_evidence else []
    dateline = _first_dateline(byline + layout.raw_paragraphs, registry)
    _take_dateline_byline(layout, dateline)
    _take_author_bio(layout)
    paragraphs = layout.paragraphs
    title, title_derived, title_evidence = _title(layout, paragraphs)

    url = layout.url
    source = _source(layout, dateline, config)
    date, precision, date_evidence = _date(layout, dateline)

    joined = "\n".join(paragraphs)
    offsets = _offsets(paragraphs)
    people = build_index(joined, registry, registry.non_person_words)  # a frozenset: asked, never changed
    # The headline may say who an interview is with ("...: an interview with X"); a derived one says nothing new.
    quotes = QuoteFinder(paragraphs, people, offsets, joined, None if title_derived else title).run()
    if source is None:  # a publisher named only by a copyright line: weaker than every other place
        source = copyright_outlet(text, registry, people.names())
    speakers = _speakers(quotes, people)

    exclude = {source.name} if source else set()
    in_text = cited_outlets(joined, registry, people.names(), exclude)
    credited = credited_outlets(layout.removed, registry, exclude | {o.name for o in in_text})
    cited = tuple(in_text + credited)
    full_text = f"{title}\n{joined}"
    named_places = entity_mentions(full_text, registry.places)
    named_organizations = entity_mentions(full_text, registry.organizations)
    author = _author(layout.author, registry)
    record = Article(
        id=path,  # replaced by a unique slug in corpus.py, once all titles are known
        path=path,
        title=title,
        title_derived=title_derived,
        title_evidence=title_evidence,
        url=url,
        source=source,
        cited_sources=cited,
        date=date,
        date_precision=precision,  # type: ignore[arg-type]
        date_evidence=date_evidence,
        author=author,
        author_evidence=layout.author_evidence if author else None,
        disclaimer=layout.disclaimer,
        speakers=speakers,
        quotes=tuple(quotes),
        themes=classify(title if not title_derived else "", paragraphs, config.themes),
        places=tuple(name for name, _ in named_places),
        organizations=tuple(name for name, _ in named_organizations),
        mentions=named_places + named_organizations,
        body=tuple(paragraphs),
        removed=tuple(layout.removed),
        content_hash=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    )
    if front is not None:
        record = front.apply(record, config)
    return record


# "Joshua Kucera is the Turkey/Caucasus editor at Eurasianet.", "Catherine Putz is the managing editor of
# The Diplomat.", "Aigerim Toleukhanova is a journalist based in Almaty and a contributor to Eurasianet."
_BIO = re.compile(
    r"(?P<name>[A-ZÀ-ÖØ-ÞА-Я][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞА-Я][\w'’.-]*){1,3})\s+(?:is|was|serves as|works as)\s+"
    r"(?:a|an|the)?\s*(?:[\w/,-]+\s+){0,8}?"
    r"(?:editor|correspondent|reporter|journalist|columnist|writer|contributor|producer|freelancer|bureau chief)s?"
    r"(?:\s+[\w/-]+){0,4}?\s+(?:at|of|for|with|to)\s+"
    r"(?P<outlet>(?:the\s+)?[A-Z][\w.&'’/-]*(?:\s+[A-Z][\w.&'’/-]*){0,4})\s*[.,;]"
)


def _take_author_bio(layout: Layout) -> None:
    """The author from the note about them that closes an analysis or a feature, when no byline named one.

    Analysis sites print the author's name only there ("Joshua Kucera is the Turkey/Caucasus
    editor at Eurasianet."). Only a journalist's note counts: an op-ed's "X is director of an
    institute" names no outlet and is left alone, as is a name the story itself speaks of
    (a reporter quoted in it). The outlet the note names is not taken as the publisher: a
    piece reposted elsewhere keeps its author's note, so it says who employs the author,
    not who published this copy."""
    if layout.author or not layout.paragraphs:
        return
    for offset, paragraph in enumerate(reversed(layout.paragraphs[-2:])):
        match = _BIO.match(paragraph) if len(paragraph.split()) <= 40 else None
        if not match:
            continue
        name = match.group("name")
        others = "\n".join(p for p in layout.paragraphs if p is not paragraph)
        words = [w.lower() for w in name.split()]
        if name.split()[-1] in others or any(w in NOT_NAME_WORDS or w in ROLE_WORDS for w in words):
            return
        line = layout.paragraph_lines[len(layout.paragraphs) - 1 - offset]
        layout.author = name
        layout.author_evidence = Evidence(paragraph, "author-bio", 0.7, line=line, note="the note about the author")
        return


def _front_title(front: FrontMatter | None) -> str | None:
    """The title the front matter states, if any: the body's headings are then
    body text, not candidates for a title the front matter will replace."""
    if front is None or not front.fields.get("title"):
        return None
    return fold(str(front.fields["title"]))


# A byline that names nobody: "By Staff Writer", "By Our Correspondent", "Posted by admin", "By Web Desk".
_NO_ONE = re.compile(
    r"(?:(?:our|a|the)\s+)?(?:(?:staff|special|own|senior|news|web|online|editorial|foreign)\s+)?"
    r"(?:writer|reporter|correspondent|desk|editor|team|admin|administrator|staff|contributor|author|guest)s?",
    re.IGNORECASE,
)


def _author(name: str | None, registry: Registry) -> str | None:
    """The byline's name without an outlet printed after it ("By JANE DOE Associated Press"), and
    no author for a byline that names a post, not a person ("By Staff Writer", "By Our Correspondent").

    The outlet is the publisher, known from the URL or dateline if at all; it
    is not part of the author's name. A byline that is only an outlet's name
    ("By RFE/RL's Armenian Service") is kept as it is."""
    if not name or _NO_ONE.fullmatch(name):
        return None
    tokens = name.split()
    for cut in range(1, len(tokens)):
        if " ".join(tokens[cut:]).lower() in registry.outlet_by_alias:
            return " ".join(tokens[:cut])
    return name


def _offsets(paragraphs: list[str]) -> list[int]:
    offsets, position = [], 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + 1
    return offsets


def _first_dateline(paragraphs: list[str], registry: Registry) -> Dateline | None:
    """The dateline opening the story. A copied page may put a caption, a summary's bullets and
    credits above it (Reuters, AFP), so the first few paragraphs are looked at, not only the first;
    a dateline only the registry can tell from a sentence (`Baku – APA.`) counts there too."""
    for paragraph in paragraphs[:8]:
        found = known_agency_dateline(paragraph, registry)
        if found:
            return found
    return None


def _title(layout: Layout, paragraphs: list[str]) -> tuple[str, bool, Evidence]:
    if layout.title:
        return layout.title, False, Evidence(layout.title, "title", 1.0, line=layout.title_line)
    first = paragraphs[0] if paragraphs else ""
    dateline = find_dateline(first)
    if dateline:
        first = first[len(dateline.words) :]
    lead = sentences(first)[0] if first else "Untitled article"
    derived = _shorten(_LEADING_SYMBOLS.sub("", fold(lead)), 110) or "Untitled article"
    return derived, True, Evidence(lead[:300], "derived", 0.5, note="no title line: made from the first sentence")


# "❗️ CSTO forces arrived ...", "⚡️BREAKING: ...": a channel's marks before its first sentence are no part of a title.
_LEADING_SYMBOLS = re.compile(r"^[^\w\"“«‘'(\[]+")


def _shorten(text: str, limit: int) -> str:
    text = text.rstrip(" .")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _source(layout: Layout, dateline: Dateline | None, config: Config) -> Outlet | None:
    if layout.url:
        outlet = outlet_from_url(layout.url, config.registry)
        if outlet:
            return outlet
    if dateline and dateline.agency:
        name = canonical_outlet(dateline.agency, config.registry)
        return Outlet(name, Evidence(dateline.words, "dateline", 0.9))
    for words, line in layout.mastheads:  # `Kommersant` over the headline, as a copied page keeps the site's name
        # "Trend News Agency" and "Hetq Online" are known by their first words, as `canonical_outlet` reads them
        known = known_outlet(_PUBLICATION_DETAIL.sub("", words), config.registry)
        if known is not None:
            evidence = Evidence(
                words, "masthead", 0.75, line=line, note="the site's or publication's name printed with the article"
            )
            return Outlet(known, evidence)
    return _byline_outlet(layout.author, config) or _site_address(layout)


def _site_address(layout: Layout) -> Outlet | None:
    """The first masthead that is a site's address the registry does not know (`Tolkun.kg` over the
    headline): the site printing its own name, so the source, with less confidence than a known
    outlet's masthead. Written as the page writes it; an address in capitals as a URL writes it."""
    for words, line in layout.mastheads:
        name = site_address(words)
        if name is None:
            continue
        note = "the site's address printed with the article; the registry does not know it"
        return Outlet(name, Evidence(words, "masthead", 0.6, line=line, note=note))
    return None


# "The Guardian (London)", "Interfax: Russia & CIS General Newswire": a database export's publication line.
_PUBLICATION_DETAIL = re.compile(r"\s*\([^()]*\)$|:\s.*$")

# "By Al Jazeera Staff", "By RFE/RL's Kyrgyz Service", "By Reuters Staff": the newsroom signs the article.
_NEWSROOM = re.compile(
    r"(?:['’]s)?\s+(?:staff|service|desk|newsroom|bureau|team|correspondents?|reporters?|editorial(?: team| staff)?)$",
    re.IGNORECASE,
)


# Surname endings of the region that tell no gender (see `gender_of` for those that do).
_SURNAME_ENDINGS = ("yan", "ian", "enko", "dze", "shvili", "uulu", "cki", "ski", "zade", "kyzy")
_NAME_JOINERS = frozenset({"de", "van", "von", "der", "bin", "al", "kyzy", "uulu", "uly", "ogly", "qizi"})
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞА-Я][a-zß-öø-ÿа-я'’-]+")


# "Temur Umarov is a fellow at the Carnegie Russia Eurasia Center.": the note about the author closing a piece.
_ABOUT_THE_AUTHOR = re.compile(
    r"[A-ZÀ-ÖØ-ÞА-Я][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-ÞА-Я][\w'’.-]*){1,3}\s+(?:is|was)\s+(?:a|an|the)\b"
)


def _take_bare_byline(layout: Layout, registry: Registry) -> None:
    """A name alone on the line under the headline (`Lusine Avetisyan`, `Makhabat Tazhibek kyzy`)
    is the author, as analysis sites and regional agencies print it without "By".

    A section or a tag has the same shape ("Central Asia", "Top Stories"), so the line must
    read as a person's name: a common first name or a surname ending of the region, and no
    word of a place, an outlet, a role or a section. A name the text speaks of (a photo's
    caption under the headline: `Vladimir Putin`) is the article's subject, not its author."""
    if layout.author or not layout.title or layout.title_line is None:
        return

    def named_in_text(name: str, paragraphs: list[str]) -> bool:
        # The note about the author closing the piece ("Temur Umarov is a fellow at ...") names them
        # as its author, not as someone the story speaks of.
        text = "\n".join(p for p in paragraphs if not _ABOUT_THE_AUTHOR.match(p) or not p.startswith(name))
        return name.split()[-1] in text or name.split()[0] in text

    under = [(w, n) for w, n in layout.mastheads if 0 < n - layout.title_line <= 4]
    for words, number in under:
        dated = _over_byline_date(layout, number)
        if _reads_as_person(words, registry, dated) and not named_in_text(words, layout.paragraphs):
            layout.author, layout.author_evidence = words, Evidence(words, "byline", 0.7, line=number)
            return
    if len(layout.paragraphs) >= 2 and 0 < layout.paragraph_lines[0] - layout.title_line <= 4:
        first = layout.paragraphs[0]
        if _reads_as_person(first, registry) and not named_in_text(first, layout.paragraphs[1:]):
            layout.author = first
            layout.author_evidence = Evidence(first, "byline", 0.7, line=layout.paragraph_lines[0])
            layout.removed.append(first)
            del layout.paragraphs[0], layout.paragraph_lines[0]


def _take_dateline_byline(layout: Layout, dateline: Dateline | None) -> None:
    """The byline an agency prints inside its dateline (`Baku, Azerbaijan, June 12. By Leyla Hasanova
    – Trend:`) is the author when no byline of the page's own names one: it is the same line a
    byline is, written into the story's first words."""
    if layout.author or dateline is None or not dateline.author:
        return
    line = next(
        (n for p, n in zip(layout.paragraphs, layout.paragraph_lines, strict=True) if p.startswith(dateline.words)),
        None,
    )
    note = "the byline inside the dateline"
    layout.author = dateline.author
    layout.author_evidence = Evidence(dateline.words, "byline", 0.85, line=line or None, note=note)


def _over_byline_date(layout: Layout, number: int) -> bool:
    """Whether line `number` stands right over the byline's date (`Joshua Kucera` / `Jun 14, 2024`):
    where a byline is printed, so a name there need not be one `_reads_as_person` knows."""
    evidence = layout.byline_evidence if layout.byline_date else None
    return evidence is not None and evidence.line is not None and 0 < evidence.line - number <= 2


def _reads_as_person(line: str, registry: Registry, over_date: bool = False) -> bool:
    tokens = line.split()
    if not 2 <= len(tokens) <= 4 or not _NAME_WORD.fullmatch(tokens[0]):
        return False
    for token in tokens:
        low = token.lower()
        if not (_NAME_WORD.fullmatch(token) or low in _NAME_JOINERS):
            return False
        if low in NOT_NAME_WORDS or low in ROLE_WORDS or low in registry.non_person_words or low in SECTION_WORDS:
            return False
    if known_outlet(line, registry) is not None:
        return False
    return (
        over_date
        or gender_of(line) is not None
        or tokens[-1].lower().endswith(_SURNAME_ENDINGS)
        or line.lower() in registry.person_by_alias
    )


def _byline_outlet(author: str | None, config: Config) -> Outlet | None:
    """The outlet a byline names as the author, when the registry knows it: only a newsroom
    signs with the outlet's name, so it is the outlet that published the article."""
    if not author:
        return None
    table = config.registry.outlet_by_alias
    known = table.get(author.lower()) or table.get(_NEWSROOM.sub("", author).lower())
    if known is None:
        return None
    return Outlet(known.name, Evidence(f"By {author}", "byline", 0.8, note="the byline names the outlet"))


def _date(layout: Layout, dateline: Dateline | None) -> tuple[str | None, str | None, Evidence | None]:
    """The publication date, from the most trustworthy place that states one."""
    candidates: list[tuple[FoundDate, Evidence]] = []
    if layout.header_date and layout.header_date_evidence:
        candidates.append((layout.header_date, layout.header_date_evidence))
    if layout.byline_date and layout.byline_evidence:
        candidates.append((layout.byline_date, layout.byline_evidence))
    if dateline and dateline.date:
        candidates.append((dateline.date, Evidence(dateline.words, "dateline", 0.9)))
    if layout.url:
        from_url = date_from_url(layout.url)
        if from_url:
            candidates.append((from_url, Evidence(layout.url, "url", 0.85, note=f"read from {from_url.words!r}")))
    if layout.footer_date and layout.footer_evidence:
        candidates.append((layout.footer_date, layout.footer_evidence))
    for found, evidence in candidates:
        if found.precision == "day":
            return found.value, "day", _disagreeing(_with_words(evidence, found), found, candidates)
    for found, evidence in candidates:
        return found.value, found.precision, _with_words(evidence, found)
    if layout.updated_date and layout.updated_evidence:  # the page states no other date: say what this one is
        found, evidence = layout.updated_date, layout.updated_evidence
        note = f"read from {found.words!r}, when the page says it was updated: the article may be older"
        return found.value, found.precision, dataclasses.replace(evidence, note=note)
    unread = next((evidence for _, _, evidence in layout.ambiguous_dates if evidence.note), None)
    if unread is not None:  # no date, and the analyst is shown the one that reads both ways, and why
        return None, None, dataclasses.replace(unread, confidence=0.0)
    return None, None, None


def _disagreeing(evidence: Evidence, found: FoundDate, candidates: list[tuple[FoundDate, Evidence]]) -> Evidence:
    """The chosen date's evidence, saying so when another place on the page gives another day
    (a header date against the URL's): the analyst sees the conflict instead of a silent pick."""
    others = sorted(
        {(other.value, ev.rule) for other, ev in candidates if other.precision == "day" and other.value != found.value}
    )
    if not others:
        return evidence
    said = "; ".join(f"the {rule} says {value}" for value, rule in others)
    return dataclasses.replace(evidence, note=f"{evidence.note}; but {said}" if evidence.note else f"but {said}")


def _with_words(evidence: Evidence, found: FoundDate) -> Evidence:
    return Evidence(
        evidence.text,
        evidence.rule,
        evidence.confidence,
        evidence.line,
        evidence.note or f"date read from {found.words!r}",
    )


def _speakers(quotes: list, people) -> tuple[Speaker, ...]:
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    evidence: dict[str, Evidence] = {}
    for position, quote in enumerate(quotes):
        if not quote.speaker:
            continue
        counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
        first.setdefault(quote.speaker, position)
        evidence.setdefault(quote.speaker, quote.evidence)
    ordered = sorted(counts, key=lambda name: (-counts[name], first[name]))
    result = []
    for name in ordered:
        role = people.roles.get(name)
        result.append(
            Speaker(
                name=name,
                role=role[0] if role else None,
                quote_count=counts[name],
                evidence=role[1] if role else evidence[name],
            )
        )
    return tuple(result)


def parse_front_date(value: Any) -> FoundDate | None:
    """A front-matter date: a YAML date, or a string in a format we read."""
    import datetime as dt

    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return FoundDate(value.isoformat(), "day", str(value))
    if isinstance(value, int) and 1990 <= value <= 2100:
        return FoundDate(f"{value:04d}", "year", str(value))
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"(19|20)\d\d", text):
            return FoundDate(text, "year", text)
        if re.fullmatch(r"(19|20)\d\d-[01]\d", text):
            return FoundDate(text, "month", text)
        return parse_date(text)
    return None
