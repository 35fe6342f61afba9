"""The layout of a raw article: header lines, title, byline, furniture, paragraphs.

This is where an article "as it comes off the web" becomes a title and a list
of clean paragraphs. Everything taken out is kept in `removed`, and the header
facts (URL, header date, byline date, author, disclaimer) keep the line they
came from as evidence. A Factiva export with every field tagged (`HD`, `PD`,
`LP`, ...) is read as its untagged form, line for line. A numeric date that
reads both ways, in the header or the dateline, is read only as the dateline
or the lead settles it. The lines are read once: what the header's rules ask of
all the lines above is kept up to date as they come in (`_Body`). A date line
that also names the site (`Daryo | 12.06.2024, 10:15`) gives its name as a
masthead, and a timestamp in brackets before the headline (`[12.06.2024 14:35]
Headline`) is the header's date.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Evidence
from .dates import (
    AmbiguousDate,
    FoundDate,
    ambiguous_byline_date,
    ambiguous_date,
    byline_date,
    describe_reading,
    describe_unread,
    is_relative_time,
    parse_date,
    settle_ambiguous,
)
from .furniture import folded_field_line, folded_is_furniture, is_label
from .outlets import Dateline, find_dateline
from .text import comparable, fold, is_mostly_latin, normalize_spaces, sentences, shingles, words

_DATE_HEADER = re.compile(
    r"^\s*(?:date|published|posted|updated|дата)\s*:?\s+(?P<date>[^h\n]*?\d[^h\n]*?)\s*(?P<url>https?://\S+)?\s*$",
    re.IGNORECASE,
)
# "Updated: 29 March 2024", "Last modified 29.03.2024": when the page changed, not when it was published.
_UPDATED = re.compile(r"\b(?:updated|modified|edited|обновлено|изменено)\b", re.IGNORECASE)
_URL_LINE = re.compile(r"^\s*(?:(?:url|link|source|original|источник)\s*:\s*)?(?P<url>https?://\S+)\s*$", re.IGNORECASE)
# "Link to the article: https://24.kg/english/313131/", "Direct link: kremlin.ru/d/75698": the page's own
# address, wherever it is printed (a scheme left off is put back: https://).
_SELF_LINK = re.compile(
    r"^\s*(?:permalink|short link|direct link|link to (?:the |this )?(?:article|story|material|news|publication)|"
    r"ссылка на (?:статью|материал|новость))\s*:\s*(?P<url>(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.[a-z]{2,6}(?:/\S*)?)\s*$",
    re.IGNORECASE,
)
# "By Anna Petrosyan", "By: Paul Goble", "By RFE/RL's Armenian Service" (a slash, as in a service's name, is kept),
# "By Steve Rosenberg, BBC Russia editor" (the role after a comma is not the name).
# A surname may open with a lower-case particle: "Thomas de Waal", "Ursula von der Leyen".
_NAME_PARTICLES = r"(?:(?:de|da|di|du|del|della|der|den|van|von|la|le|bin|ibn|al|el|ter|dos|das|zu)\s+)*"
_BYLINE_PERSON = r"[A-ZА-Я][\w.'’/-]+(?:\s+" + _NAME_PARTICLES + r"[A-ZА-Я][\w.'’/-]+){1,3}"
# Several authors: "By Mariano Zafra, Guy Faulconbridge and Felix Light", "By AVET DEMOURIAN and DASHA LITVINOVA".
_BY_LINE = re.compile(
    r"^\s*(?:[Bb]y:?|BY:?|[Аа]втор:?)\s+(?P<name>"
    + _BYLINE_PERSON
    + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
    + _BYLINE_PERSON
    + r")*)"
    r"(?:\s*,\s*[^,.!?\n]{2,60})?\s*$"
)
_SENTENCE_PUNCT = tuple('.!?…:;"”»)')
# The words of a site's sections and tags, printed under the headline where a byline stands
# (`Top Stories`, `World News`, `Opinion`, `Central Asia Analysis`): never a person's name.
SECTION_WORDS = frozenset(
    {
        "top", "stories", "story", "news", "latest", "breaking", "world", "opinion", "opinions", "analysis",
        "region", "regions", "regional", "politics", "economy", "business", "society", "culture", "sport",
        "sports", "interview", "interviews", "video", "videos", "photo", "photos", "features", "feature",
        "security", "defence", "defense", "military", "focus", "exclusive", "commentary", "comment", "blog",
        "blogs", "editorial", "editorials", "asia", "europe", "eurasia", "caucasus", "nation", "national",
        "international", "local", "home", "main", "press", "releases", "release", "events", "highlights",
    }
)  # fmt: skip
STANDFIRST_WORDS = 40  # a summary under the headline is a sentence or two; a lead paragraph runs longer


@dataclass
class Layout:
    title: str | None = None
    title_line: int | None = None
    url: str | None = None
    url_evidence: Evidence | None = None
    header_date: FoundDate | None = None
    header_date_evidence: Evidence | None = None
    byline_date: FoundDate | None = None
    byline_evidence: Evidence | None = None
    updated_date: FoundDate | None = None  # "Updated: ...": a date only when the page states no other
    updated_evidence: Evidence | None = None
    footer_date: FoundDate | None = None  # a date alone on the article's last line
    footer_evidence: Evidence | None = None
    # `Date: 03/10/2023`: a date that reads both ways, with the place it stands in (header, byline,
    # footer) and its line; the dateline or the lead may settle it (see `_settle_ambiguous_dates`)
    ambiguous_dates: list[tuple[str, AmbiguousDate, Evidence]] = field(default_factory=list)
    author: str | None = None
    author_evidence: Evidence | None = None
    disclaimer: str | None = None
    mastheads: list[tuple[str, int]] = field(default_factory=list)  # site names above the headline, with their lines
    paragraphs: list[str] = field(default_factory=list)
    paragraph_lines: list[int] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    raw_paragraphs: list[str] = field(default_factory=list)  # before de-duplication (datelines live here)


# `“The Alliance Was Never Meant for Us”: Former Deputy Minister on ...`: a headline may open with a
# quote that closes and is followed by more of the headline; `“We are ready,” he said` is speech.
_QUOTE_LED_HEADLINE = re.compile(r"^[\"“«„'‘][^\"“”«»„‘’,]{3,120}[^,\s][\"”»’'](?::\s|\s+)\S")


_BYLINE_SEPARATOR = re.compile(r"\s+[-–—|·•]\s*|\s*\|\s*")


# `By Aibarshyn Akhmetkali in Nation on 29 November 2024`, `By Anna Petrosyan on 12 March 2024`: a byline
# naming the site's section the article is filed in, then the day.
_BY_SECTION_DATE = re.compile(
    r"^\s*(?:[Bb]y:?|BY:?)\s+(?P<name>" + _BYLINE_PERSON + r")"
    r"(?:\s+in\s+(?P<section>[A-Z][\w&'’-]*(?:\s+(?:&|and|[A-Z][\w&'’-]*)){0,3}))?\s+on\s+(?P<date>\S.*)$"
)


def _signed_date_line(line: str) -> tuple[str, FoundDate] | None:
    """The author and the date of a byline that gives both: `By Stephen M. Bland & Aliya Haidar -
    2024-11-28T14:35:00+03:00`, `By Anna Petrosyan | 12 March 2024`, `By Anna Petrosyan in Region on
    12 March 2024` (the section is the site's, not the author's: it is dropped)."""
    for separator in _BYLINE_SEPARATOR.finditer(line):
        by = _BY_LINE.match(line[: separator.start()])
        if by:
            found = byline_date(line[separator.end() :])
            return (_written_name(by.group("name")), found) if found else None
    sectioned = _BY_SECTION_DATE.match(line)
    found = byline_date(sectioned["date"], other_words=0) if sectioned else None
    return (_written_name(sectioned["name"]), found) if sectioned and found else None


# `... according to the summit's decision. ■`: the glyph some agencies (Xinhua) print to end the story.
_END_GLYPHS = "■□▪◼∎◆♦●"
_END_MARK = re.compile(rf"(?<=[.!?\"”»])\s*[{_END_GLYPHS}]$")


def _written_name(name: str) -> str:
    """A byline's names as a reader writes them: `AVET DEMOURIAN and DASHA LITVINOVA` in capitals
    (as AP prints them) becomes `Avet Demourian and Dasha Litvinova`; mixed case is kept."""
    joiners = ("and", "&")
    if not any(c.islower() for w in name.split() if w not in joiners for c in w):
        return " ".join(w if w in joiners else w.capitalize() for w in name.split())
    return name


def looks_like_title(line: str) -> bool:
    text = fold(line)
    if not text or len(text) > 220 or len(text.split()) > 32:
        return False
    if text.endswith(tuple(".!:;,…")) or text.endswith(('."', ".”")):
        return False
    if text[0] in "—–-" or (text[0] in "\"“«„'‘" and not _QUOTE_LED_HEADLINE.match(text)):
        return False
    if find_dateline(text):
        return False
    first = text.lstrip("\"“«„'‘")[:1]
    return first.isupper() or first.isdigit()


def _no_outlet(name: str) -> bool:
    return False


def parse_layout(text: str, known_title: str | None = None, is_outlet: Callable[[str], bool] = _no_outlet) -> Layout:
    """The layout of `text`.

    `is_outlet` tells a known outlet's name, for the publication lines of a
    database export (`The Guardian (London)`, `Interfax: Russia & CIS General
    Newswire`) under the headline.

    `known_title` is a title stated outside the text (a Markdown file's front
    matter). The text then gives no title of its own: a line repeating the
    known title is taken out, and any other heading (`## Background`) stays as
    text, so that the front matter's title never silently replaces a line of
    the body."""
    layout = Layout(title=known_title)
    original = normalize_spaces(text).split("\n")
    tagged = _tagged_export(original)
    lines = _untagged(original) if tagged else original
    latin = is_mostly_latin(text[:5000])
    body = _Body()
    title_key = comparable(known_title) if known_title else ""
    headline_seen = False  # the text printed a headline: short labels under it are furniture
    in_header = True
    author_line = 0  # the line of a byline taken under a standfirst: a date line may follow it
    source_code_next = False  # a publication line was just read: Factiva prints its source code under it
    credit_line: tuple[int, str] | None = None  # the last credit line with a date ("Source: TASS, 15 October 2021")
    labels: set[int] = set()  # lines of furniture that introduce what follows ("Read more:")
    list_labels: set[int] = set()  # those that introduce a list of other articles ("Related news")
    notes_heading: int | None = None  # the line of a notes list's heading ("References"), where the text has ended
    for number, raw in enumerate(lines, start=1):
        line = fold(raw)
        if line and line[-1] in _END_GLYPHS:
            line = _END_MARK.sub("", line)
        if not line:
            body.add(number, "")
            continue
        if in_header and _header_line(layout, line, number):
            continue
        if (
            in_header
            and known_title is None
            and layout.title is None
            and _take_stamped_title(layout, body, line, number)
        ):
            title_key = comparable(layout.title or "")
            headline_seen = True
            continue
        if in_header and not body.texts and _take_publication_label(layout, line, number):
            continue
        if layout.title and abs(len(line) - len(layout.title)) < 12 and comparable(line) == title_key:
            layout.removed.append(line)  # the title again, under a byline
            headline_seen = True
            continue
        if in_header and body.only_short and is_relative_time(line):
            layout.removed.append(line)  # "Updated 3 hours ago": furniture, and no date
            continue
        if layout.byline_date is None and (
            (in_header and body.only_short)
            or (
                headline_seen
                and _standfirst_only(body, most=2 if author_line == number - 1 else 1)
                and _names_and_date(line)
            )
        ):
            signed = _signed_date_line(line)
            if signed:
                layout.author, found = signed
                layout.author_evidence = Evidence(line, "byline", 0.9, line=number)
            else:
                found = byline_date(line)
                ambiguous = ambiguous_byline_date(line) if found is None else None
                if _take_ambiguous(layout, ambiguous, Evidence(line, "byline", 0.8, line=number)):
                    layout.removed.append(line)
                    _take_dated_masthead(layout, line, number)
                    continue
            if found and _UPDATED.search(line.replace(found.words, " ")):
                _take_updated(layout, found, Evidence(line, "byline", 0.6, line=number))
                layout.removed.append(line)
                continue
            if found:
                layout.byline_date = found
                layout.byline_evidence = Evidence(line, "byline", 0.95, line=number)
                layout.removed.append(line)
                _take_dated_masthead(layout, line, number)
                continue
        if _repeats_byline_date(layout, line, number):
            layout.removed.append(line)  # "Published On 23 Feb 2024" then "23 Feb 2024": the date twice
            continue
        if in_header and known_title is None and _continues_heading(layout, body, line, number):
            layout.title = _joined_heading(layout.title or "", line)  # `INFORMATION MESSAGE` / `on the session ...`
            title_key = comparable(layout.title)
            continue
        if in_header and known_title is None and _may_take_title(layout, body, line, number) and _is_title_line(line):
            _take_title(layout, body, line, number)
            title_key = comparable(line)  # what a repeat of the title is told by
            headline_seen = True
            continue
        named = folded_field_line(line)
        if named:
            setattr(layout, named[0], named[1])
            if named[0] == "author":
                layout.author_evidence = Evidence(line, "byline", 0.9, line=number)
            continue
        if in_header and headline_seen and not body.texts:
            publication = _publication_line(line, is_outlet)
            if publication or (source_code_next and _SOURCE_CODE.fullmatch(line)):
                layout.removed.append(line)  # an export's publication line, and the source code under it
                if publication:
                    layout.mastheads.append((line, number))
                source_code_next = bool(publication)
                continue
        if in_header and headline_seen and not body.texts and _is_header_label(line):
            layout.removed.append(line)  # the site's name, a section, share buttons under the headline
            layout.mastheads.append((line, number))
            continue
        self_link = _SELF_LINK.match(line)
        if self_link:
            if not layout.url:
                found_url = self_link.group("url")
                layout.url = found_url if "://" in found_url else f"https://{found_url}"
                if in_header:
                    layout.url_evidence = Evidence(line, "header", 0.9, line=number)
                else:
                    layout.url_evidence = Evidence(line, "footer", 0.9, line=number)
            layout.removed.append(line)
            continue
        if folded_is_furniture(line, latin):
            layout.removed.append(line)
            if _DATED_CREDIT.match(line):
                credit_line = (number, line)
            if is_label(line):
                labels.add(number)
            if _LIST_LABEL.fullmatch(line):
                list_labels.add(number)
            if notes_heading is None and body.texts and _NOTES_HEADING.fullmatch(line):
                notes_heading = number
            continue
        by = _BY_LINE.match(line)
        if by and (in_header or (headline_seen and _standfirst_only(body, most=2))):
            layout.author = _written_name(by.group("name"))
            layout.author_evidence = Evidence(line, "byline", 0.9, line=number)
            author_line = number
            continue
        in_header = in_header and len(words(line)) < 4
        body.add(number, _FOOTNOTE_MARK.sub("", line))
    body_lines = body.lines
    _untitle_site_name(layout, body_lines, is_outlet)
    _drop_end_word(body_lines, layout)
    _drop_listed_headlines(body_lines, layout, list_labels)
    _drop_notes(body_lines, layout, notes_heading)
    _drop_trailing_headlines(body_lines, layout, labels)
    _take_signature(body_lines, layout, is_outlet)
    _take_footer_date(body_lines, layout)
    _take_credit_date(body_lines, layout, credit_line)
    _take_monitoring_date(layout)
    _drop_author_note(body_lines, layout)
    _take_wire_credit(layout)
    paragraphs = _paragraphs(body_lines)
    layout.raw_paragraphs = [p for _, p in paragraphs]
    _settle_ambiguous_dates(layout)
    kept, dropped = _dedupe([p for _, p in paragraphs])
    layout.removed.extend(dropped)
    layout.paragraphs = kept
    line_of = {p: n for n, p in paragraphs}
    layout.paragraph_lines = [line_of.get(p, 0) for p in kept]
    if tagged:
        _name_the_tags(layout, tagged, original)
    return layout


# Factiva's fully tagged export: every field on a line opening with its tag, `HD` the headline, `BY`
# the byline, `WC` the word count, `PD` the date, `ET` the time, `SN` the source, `SC` its code, `LA`
# the language, `CY` the copyright (and `CR` credit, `SE` section, `ED` edition, `PG` page, `VOL`);
# the text under `LP` (the lead) and `TD`; the indexing lines (`CO`, `IN`, `NS`, `RE`, `AN` ...) after it.
_TAG_LINE = re.compile(r"^(?P<tag>[A-Z]{2,3})(?:[ \t]+(?P<value>\S.*?))?[ \t]*$")
_HEADER_TAGS = frozenset({"HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "SE", "ED", "PG", "VOL", "LA", "CY"})
_TEXT_TAGS = frozenset({"LP", "TD"})
_TAG_NAMES = {"HD": "headline", "BY": "byline", "PD": "publication date", "SN": "source"}
_BY_WORD = re.compile(r"^by\b", re.IGNORECASE)


def _tagged_export(lines: list[str]) -> dict[int, str]:
    """The tagged lines of a Factiva export (line number: tag), or nothing when the text is not one.

    The text is one when it opens with its `HD` headline and tags its date or source and its text
    (`LP` or `TD`) too: a headline that opens with two capitals (`HD video shows ...`) over a story
    is no export."""
    first = next((line for line in lines if line.strip()), "")
    opening = _TAG_LINE.match(first)
    if opening is None or opening["tag"] != "HD" or not opening["value"]:
        return {}
    tags: dict[int, str] = {}
    in_text = False
    for number, line in enumerate(lines, start=1):
        match = _TAG_LINE.match(line)
        if match is None:
            continue
        tag = match["tag"]
        if tag in _TEXT_TAGS:
            in_text = True
            tags[number] = tag
        elif tag in _HEADER_TAGS and not in_text:
            tags[number] = tag
    found = set(tags.values())
    return tags if found & _TEXT_TAGS and found & {"PD", "SN"} else {}


def _untagged(lines: list[str]) -> list[str]:
    """The export's lines as the untagged export prints them, one for one (so that evidence keeps its
    line): each header field's value on its line (`By` before a byline without it), a field's
    continuation lines joined to it (a headline over two lines), `LP` and `TD` alone as the blank
    line before their paragraphs, or their first line when the text follows the tag. The indexing
    lines under the text are left to the furniture rules, which know them."""
    out = list(lines)
    in_text = False
    field_at: int | None = None  # the header field whose continuation lines are joined to it
    for i, line in enumerate(lines):
        match = _TAG_LINE.match(line) if not in_text or line[:2] in _TEXT_TAGS else None
        tag = match["tag"] if match else None
        if tag in _TEXT_TAGS:
            in_text, out[i] = True, match["value"] or ""
        elif tag in _HEADER_TAGS and not in_text:
            value = match["value"] or ""
            out[i] = f"By {value}" if tag == "BY" and value and not _BY_WORD.match(value) else value
            field_at = i
        elif not in_text and field_at is not None and line.strip():
            out[field_at] = f"{out[field_at]} {line.strip()}"
            out[i] = ""
    return out


def _name_the_tags(layout: Layout, tags: dict[int, str], lines: list[str]) -> None:
    """The evidence of the date and the author is the export's own line, its tag with it (`PD 14 May
    2024`), with a note naming the field: the analyst sees where in the export the value stood."""
    for slot in ("byline_evidence", "author_evidence", "header_date_evidence"):
        evidence = getattr(layout, slot)
        tag = tags.get(evidence.line) if evidence is not None and evidence.line is not None else None
        if tag is None:
            continue
        field_name = _TAG_NAMES.get(tag, tag)
        note = evidence.note or f"Factiva's {tag} ({field_name}) field"
        setattr(layout, slot, dataclasses.replace(evidence, text=fold(lines[evidence.line - 1]), note=note))


def is_masthead(line: str) -> bool:
    """A site's name as pages print it over the headline: `BelTA`, `РИА Новости`, `news.am`.

    One token, or up to three capitalised ones, and no sentence: a headline
    has words in lower case, a site's name has none."""
    tokens = line.split()
    if not tokens or len(tokens) > 3 or len(line) > 32 or line.endswith(_SENTENCE_PUNCT):
        return False
    return len(tokens) == 1 or all(token[0].isupper() or not token[0].isalpha() for token in tokens)


# `[12.06.2024 14:35] Armenian FM: ...`: a timestamp in brackets, then the headline on the same line.
_STAMPED_TITLE = re.compile(r"^\[(?P<stamp>[^\[\]\n]{6,40})\]\s*(?P<title>\S.*)$")


def _take_stamped_title(layout: Layout, body: _Body, line: str, number: int) -> bool:
    """A line opening with the publication time in brackets and then the headline, as agencies'
    feeds print it: the time is the header's date (one that reads both ways waits for the
    dateline or the lead to settle it), the rest of the line the title. Brackets holding
    anything but a date (`[Video]`, `[Updated]`) leave the line to the other rules."""
    match = _STAMPED_TITLE.match(line)
    if match is None:
        return False
    found = byline_date(match["stamp"], other_words=0)
    ambiguous = ambiguous_byline_date(match["stamp"], other_words=0) if found is None else None
    title = match["title"]
    if (found is None and ambiguous is None) or not (
        _may_take_title(layout, body, title, number) and _is_title_line(title)
    ):
        return False
    evidence = Evidence(line, "header", 0.95, line=number)
    if found is not None and layout.header_date is None:
        layout.header_date, layout.header_date_evidence = found, evidence
    elif found is None:
        _take_ambiguous(layout, ambiguous, evidence)
    layout.removed.append(f"[{match['stamp']}]")
    _take_title(layout, body, title, number)
    return True


# `Kaktus.media · 12 June 2024 · Politics`, `Daryo | 12.06.2024, 10:15`, `12.06.2024 | Vestnik Kavkaza`: a site's
# name, the date and a section on one line, between marks (a hyphen only with spaces, as `Asia-Plus` has one).
_MASTHEAD_JOIN = re.compile(r"\s*[|·•]\s*|\s+[-–—]\s+")


# A time of day alone between the joins of a date line: `09:45`, `9.45 am`, `14:35 GMT`.
_CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?", re.IGNORECASE)


# A wire's credit under the story: "(Reporting by Felix Light in Yerevan and Jane Roe; Editing by Toby Chopra)".
_WIRE_CREDIT = re.compile(r"\(?\s*(?:additional\s+)?reporting by (?P<names>[^;()]{3,160}?)\s*(?:[;)]|$)", re.IGNORECASE)
_CREDIT_NAME = re.compile(r"(?-i:[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|de|van|von|al|bin))*)")
_IN_PLACE = re.compile(r"\s+in\s+(?-i:[A-Z])[\w’'.-]+(?:\s+(?-i:[A-Z])[\w’'.-]+)*")


def _take_wire_credit(layout: Layout) -> None:
    """The reporters a wire's credit line names are the authors when no byline named any: Reuters
    prints its reporters only there. The line stays in `removed`; the evidence is the line."""
    if layout.author:
        return
    for line in layout.removed:
        match = _WIRE_CREDIT.match(line.strip())
        if not match:
            continue
        parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", _IN_PLACE.sub("", match.group("names")))
        names = [part.strip() for part in parts if _CREDIT_NAME.fullmatch(part.strip()) and len(part.split()) >= 2]
        if names:
            layout.author = ", ".join(names)
            layout.author_evidence = Evidence(line, "byline", 0.8, note="the wire's credit line under the story")
        return


def _take_dated_masthead(layout: Layout, line: str, number: int) -> None:
    """The name parts of a date line that joins the site's name and the date (and a section) with
    `|`, `·`, `•` or a spaced dash: mastheads, the source when one names an outlet (see
    `article._source`). The date is the line's, already taken; a part holding a number or a label
    (`Views: 487`, `10:15`) is no name, and a line with any part that is neither a name nor the date
    gives none."""
    parts = [part.strip() for part in _MASTHEAD_JOIN.split(line)]
    if len(parts) < 2 or not all(parts):
        return
    parts = [part for part in parts if not _CLOCK_TIME.fullmatch(part)]  # `12 March 2025 | 09:45 | Sputnik`
    dated = [part for part in parts if byline_date(part, other_words=0) or ambiguous_byline_date(part, 0)]
    names = [part for part in parts if part not in dated]
    if len(dated) != 1 or not names or not all(_is_masthead_part(part) for part in names):
        return
    layout.mastheads.extend((part, number) for part in names)


def _is_masthead_part(part: str) -> bool:
    """A part of a date line shaped like a site's name or a section, and no date, time, label or count."""
    if ":" in part or any(token.isdigit() for token in part.split()):
        return False
    return is_masthead(part) and not _BY_LINE.match(part) and not _UPDATED.search(part) and not is_relative_time(part)


def _is_header_label(line: str) -> bool:
    """A label between the headline and the text: `Kabar`, `Share`, `12 Comments`.

    Shaped like a site's name and not a dateline: it says nothing the
    article's text says."""
    return is_masthead(line) and not find_dateline(line) and parse_date(line) is None and not _BY_LINE.match(line)


def _is_title_line(line: str) -> bool:
    """A headline: shaped like one, and not a line of page furniture ("Read more", a login prompt).

    Only the furniture patterns rule a line out here, not the script: a
    headline in Russian over an English text is still the headline, and a
    site's name in another script over the headline gives way to it (see
    `_may_take_title`)."""
    return looks_like_title(line) and not folded_is_furniture(line, article_is_latin=False) and not _BY_LINE.match(line)


def _may_take_title(layout: Layout, body: _Body, line: str, number: int) -> bool:
    """Whether `line` may be the headline, given what stands above it.

    Only site names may stand above the headline. A site's name taken for the
    title gives way to the first longer headline-like line under it, so that
    `BelTA` over `Lukashenko: CSTO must respond to new threats` is furniture
    and the second line the title (and never a quote of Lukashenko's). So does
    an issuing body's name to a document's kind under it, and the kind to the
    heading under that (`Ministry of ...` / `Press release` / `Astana, 5 June
    2024` / `On the meeting of ...`): the heading is the title."""
    if body.unlike_mastheads:
        return False
    if layout.title is None:
        return True
    if _DOCUMENT_KIND.fullmatch(line) and _is_section_line(layout.title) and not _DOCUMENT_KIND.fullmatch(layout.title):
        return True  # `Press release` under `Ministry of Foreign Affairs of ...`: the issuing body's name gives way
    if is_masthead(line) or len(line.split()) < 4:
        return False
    if is_masthead(layout.title) or _DOCUMENT_KIND.fullmatch(layout.title):
        return True  # a document's kind alone (`Press release`) gives way to the heading under it
    # `President of Russia` / `Events › Transcripts` / (blank) / `Session of the CSTO Collective Security Council`:
    # a site's longer name, tagline or section over the headline, apart from it, gives way to a longer line.
    apart = layout.title_line is not None and number > layout.title_line + 1
    longer = len(line.split()) >= 5 and len(line) > len(layout.title)
    return apart and longer and _is_section_line(layout.title)


# A database export's publication line under the headline: LexisNexis' "The Guardian (London)",
# Factiva's "Interfax: Russia & CIS General Newswire" and, under it, its source code ("INTFAX").
_PUBLICATION_PLACE = re.compile(r"^(?P<name>[A-Z][\w.&'’ -]{1,60}?)\s*\([A-Z][\w .'’-]{1,30}\)$")
_PUBLICATION_PRODUCT = re.compile(r"^(?P<name>[A-Z][\w.&'’ -]{1,40}?):\s+[A-Z][\w.&'’ ,-]{2,80}$")
_SOURCE_CODE = re.compile(r"[A-Z]{3,8}")


# A journal's publication line over its article: "Publication: Eurasia Daily Monitor Volume: 21 Issue: 87".
_PUBLICATION_LABEL = re.compile(
    r"^publication\s*:\s*(?P<name>[^:]{2,60}?)(?:\s+vol(?:ume|\.)?\s*:?\s*\d+)?(?:\s+(?:issue|no\.)\s*:?\s*\d+)?$",
    re.IGNORECASE,
)


def _take_publication_label(layout: Layout, line: str, number: int) -> bool:
    """A journal's publication line (`Publication: Eurasia Daily Monitor Volume: 21 Issue: 87`) is
    furniture and never the title; the journal's name is a masthead, the source when the registry
    knows it (see `article._source`)."""
    label = _PUBLICATION_LABEL.match(line)
    if label is None:
        return False
    layout.removed.append(line)
    layout.mastheads.append((label["name"], number))
    return True


def _publication_line(line: str, is_outlet: Callable[[str], bool]) -> str | None:
    """The outlet a database export's publication line names, when `is_outlet` knows it."""
    for shape in (_PUBLICATION_PLACE, _PUBLICATION_PRODUCT):
        match = shape.match(line)
        if match and is_outlet(match.group("name")):
            return match.group("name")
    return None


def _is_code_line(line: str) -> bool:
    """A short line with no small letters over the headline: a document's number or a meeting's
    (`9586TH MEETING (AM)`, `SC/15641`), which a page prints the way it prints its sections."""
    return len(line.split()) <= 4 and not any(c.islower() for c in line)


_SECTION_SMALL_WORDS = frozenset({"of", "and", "the", "&", "for", "in", "on", "|", "-", "–", "—", "•", "·"})


def _is_section_line(line: str) -> bool:
    """A line shaped like a site's name, tagline or section rather than a headline: a few words,
    each capitalised (`Investigative Journalists of Armenia`, `Kyrgyzstan Tajikistan Central Asia`),
    or a name in capitals (`NATIONAL INFORMATION AGENCY OF TAJIKISTAN «KHOVAR»`)."""
    tokens = line.split()
    if not tokens or line.rstrip('"”»’)').endswith(_SENTENCE_PUNCT) or ":" in line:
        return False
    letters = [c for c in line if c.isalpha()]
    if len(tokens) <= 8 and letters and all(c.isupper() for c in letters):
        return True
    if not all(t.lower() in _SECTION_SMALL_WORDS or not t[0].isalpha() or t[0].isupper() for t in tokens):
        return False
    # a few capitalised words, or an institution's name (`Ministry of Defence of the Republic of Belarus`)
    return len(tokens) <= 6 or (len(tokens) <= 10 and bool(_INSTITUTION.search(line)))


_INSTITUTION = re.compile(
    r"\b(?:Ministry|Organi[sz]ation|Council|Committee|Agency|Service|Centre|Center|Institute|Office|Department|"
    r"Government|Parliament|Embassy|Secretariat|Press Releases|Federation|Republic)\b"
)


def _take_title(layout: Layout, body: _Body, line: str, number: int) -> None:
    """Make `line` the title; the site names above it (and a site name taken for the title) go."""
    if layout.title is not None:
        layout.removed.append(layout.title)
        if layout.title_line is not None:
            layout.mastheads.append((layout.title, layout.title_line))
    for at, text in body.blank_all():
        layout.removed.append(text)
        layout.mastheads.append((text, at))
    layout.title, layout.title_line = line, number


def _untitle_site_name(layout: Layout, body: list[tuple[int, str]], is_outlet: Callable[[str], bool]) -> None:
    """A site's name taken for the title when no headline stands under it (`Kazinform` over the
    text, as a copied page keeps the site's name): it is a masthead, and the title is made from
    the lead (`article._title`, rule `derived`).

    The name must be one: an outlet `is_outlet` knows, the agency the dateline under it names
    (`Regnum-Asia` over `MOSCOW, March 14 (Regnum-Asia) - ...`), or one word over the post's
    date and time and then the text, as a reposted Telegram channel's post is printed (`Rybar` /
    `12.06.2024 15:40` / `❗️ CSTO forces arrived ...`). A headline-like line between it and the
    text would have taken the title already (`_may_take_title`)."""
    if layout.title is None or layout.title_line is None or not is_masthead(layout.title):
        return
    first = next((text for _, text in body if text), None)
    if first is None:
        return
    dateline = find_dateline(first)
    tagged = dateline is not None and dateline.agency is not None
    if not (
        is_outlet(layout.title)
        or (tagged and comparable(dateline.agency) == comparable(layout.title))
        or _names_a_channel(layout, first)
    ):
        return
    layout.removed.append(layout.title)
    layout.mastheads.append((layout.title, layout.title_line))
    layout.title = layout.title_line = None


def _names_a_channel(layout: Layout, first: str) -> bool:
    """One word for the title, the byline's date right under it, and then a sentence: a channel's
    or a blog's name over a post, which has no headline of its own."""
    dated = layout.byline_evidence.line if layout.byline_date and layout.byline_evidence else None
    if dated is None or layout.title_line is None or not 0 < dated - layout.title_line <= 2:
        return False
    if layout.title is None or len(layout.title.split()) != 1:
        return False
    return first.endswith(_SENTENCE_PUNCT)


# `INFORMATION MESSAGE` / `on the session of the CSTO Collective Security Council`: an official
# document's kind over what it is about, which opens with "on", "of" or "by" and so is no headline
# of its own. The two lines are the title.
_DOCUMENT_KIND = re.compile(
    r"(?:joint\s+|final\s+)?(?:information(?:al)?\s+message|information|press\s+release|news\s+release|"
    r"communiq(?:u|ú)[eé]|statement|declaration|announcement|appeal|address|message|resolution|decision)"
    r"|(?:совместное\s+)?(?:информационное\s+сообщение|информация|пресс-релиз|коммюнике|заявление|декларация|обращение)",
    re.IGNORECASE,
)
# "by the CSTO Secretary General" continues the heading; "by Anna Petrosyan" is a byline.
_HEADING_TAIL = re.compile(
    r"(?:on|of|regarding|concerning|about|following|in connection with|by(?=\s+(?:the|its)\s)|о|об|по|от)\s+\S",
    re.IGNORECASE,
)


def _continues_heading(layout: Layout, body: _Body, line: str, number: int) -> bool:
    """Whether `line` is the second line of a two-line official heading taken for the title: right
    under a title that only names a document's kind, nothing but blank lines between, and itself
    shaped like the rest of a headline (`on the session of ...`, `by the CSTO Secretary General`)."""
    if layout.title is None or layout.title_line is None or not 0 < number - layout.title_line <= 2:
        return False
    if any(text for n, text in body.lines[-2:] if n > layout.title_line):  # lines come in order: the last two
        return False
    if not _DOCUMENT_KIND.fullmatch(layout.title) or not _HEADING_TAIL.match(line):
        return False
    return len(line.split()) <= 30 and not line.rstrip('"”»’)').endswith(tuple(".!?…:;,"))


def _joined_heading(kind: str, rest: str) -> str:
    """The two lines as one title, the kind in capitals written as a title opens (`Information message`)
    when the rest is not in capitals too."""
    if not any(c.islower() for c in kind) and any(c.islower() for c in rest):
        kind = kind[:1].upper() + kind[1:].lower()
    return f"{kind} {rest}"


# `... the treaty.[1]`, `"We are ready,"[12] he said`, `Zas[3][4]`: a note's marker printed right after a
# word or a mark, as wikis and think tanks print them. A number with a space before it (`article [5]`) or
# not a number (`[sic]`) is text.
_FOOTNOTE_MARK = re.compile(r"(?<=[^\s\[(])(?:\[\d{1,3}\])+")


class _Body:
    """The lines kept as text so far, with what the header's rules ask of all of them kept up to date
    line by line.

    The rules for the header ask, at every line, whether only short lines or only site names stand
    above it, or how many lines of text do. Asking that of every line above made a text of many short
    lines (a list of headlines, a page read from its <body>) quadratic; a count kept as lines come in
    and go (`blank_all`) answers it at once, the same way."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, str]] = []
        self.texts: list[str] = []  # the lines that are not blank, in order
        self._at: list[int] = []  # where each of them stands in `lines`
        self.long_lines = 0  # lines of four words or more
        self.unlike_mastheads = 0  # lines of text shaped like neither a site's name nor a code line

    def add(self, number: int, text: str) -> None:
        self.lines.append((number, text))
        if not text:
            return
        self.texts.append(text)
        self._at.append(len(self.lines) - 1)
        self.long_lines += len(text.split()) >= 4
        self.unlike_mastheads += not (is_masthead(text) or _is_code_line(text))

    @property
    def only_short(self) -> bool:
        """Nothing but short lines (a site name, a section) stands above: still the header."""
        return self.long_lines == 0

    def blank_all(self) -> list[tuple[int, str]]:
        """Blank every line of text (it was furniture over the headline) and give them with their lines."""
        taken = [self.lines[i] for i in self._at]
        for i in self._at:
            self.lines[i] = (self.lines[i][0], "")
        self.texts, self._at = [], []
        self.long_lines = self.unlike_mastheads = 0
        return taken


def _standfirst_only(body: _Body, most: int) -> bool:
    """A line of text under the headline no longer than a summary: a standfirst, which sites
    print between the headline and the byline (`Joshua Kucera Sep 25, 2023`). With `most=2`, the
    lead photo's caption may follow it (`By Al Jazeera Staff` / `Published On 14 Sep 2022`):
    a byline's own shape says it is one, and a date line right under it is the byline's."""
    texts = body.texts
    return 1 <= len(texts) <= most and all(len(t.split()) <= STANDFIRST_WORDS and not find_dateline(t) for t in texts)


def _repeats_byline_date(layout: Layout, line: str, number: int) -> bool:
    """A line right under the byline date that is that date again, and nothing more."""
    if layout.byline_date is None or layout.byline_evidence is None or layout.byline_evidence.line is None:
        return False
    if not 0 < number - layout.byline_evidence.line <= 2:
        return False
    again = byline_date(line)
    return again is not None and again.value == layout.byline_date.value


def _names_and_date(line: str) -> bool:
    """A byline of capitalised words and a date, with no sentence: `Joshua Kucera Sep 25, 2023`,
    never `The summit opened on 12 March 2024.`"""
    return not line.endswith(_SENTENCE_PUNCT) and all(
        w[0].isupper() or not w[0].isalpha() or w.lower() in _BYLINE_SMALL_WORDS for w in line.split()
    )


# "Published on 4 Dec 2024", "By Anna Petrosyan in Region on 4 Dec 2024"
_BYLINE_SMALL_WORDS = frozenset({"on", "at", "by", "in", "published", "updated", "posted"})


def _take_updated(layout: Layout, found: FoundDate, evidence: Evidence) -> None:
    if layout.updated_date is None:
        layout.updated_date, layout.updated_evidence = found, evidence


def _header_line(layout: Layout, line: str, number: int) -> bool:
    match = _DATE_HEADER.match(line)
    if match:
        found = parse_date(match.group("date"))
        if found and _UPDATED.search(line[: match.start("date")]):
            _take_updated(layout, found, Evidence(line, "header", 0.6, line=number))
            return True
        if found:
            if layout.header_date is None:
                layout.header_date = found
                layout.header_date_evidence = Evidence(line, "header", 1.0, line=number)
            if match.group("url") and not layout.url:
                layout.url = match.group("url")
                layout.url_evidence = Evidence(line, "header", 1.0, line=number)
            return True
        if _take_ambiguous(layout, ambiguous_date(match.group("date")), Evidence(line, "header", 0.8, line=number)):
            if match.group("url") and not layout.url:
                layout.url = match.group("url")
                layout.url_evidence = Evidence(line, "header", 1.0, line=number)
            layout.removed.append(line)
            return True
    match = _URL_LINE.match(line)
    if match:
        if not layout.url:
            layout.url = match.group("url")
            layout.url_evidence = Evidence(line, "header", 1.0, line=number)
        return True
    return False


def _take_ambiguous(layout: Layout, found: AmbiguousDate | None, evidence: Evidence) -> bool:
    """Keep a date that reads both ways (`03/10/2023`) for the text's words to settle, unless its
    line says it is when the page was updated. Its evidence is less sure than a date written one
    way: the words that settle it might name another day that is one of the two readings."""
    if found is None or _UPDATED.search(evidence.text.replace(found.words, " ")):
        return False
    layout.ambiguous_dates.append((evidence.rule, found, evidence))
    return True


_WHERE = {
    "header": "in the header line",
    "byline": "on the line under the headline",
    "footer": "on the last line",
    "dateline": "in the dateline",
}
_SLOTS = {
    "header": ("header_date", "header_date_evidence"),
    "byline": ("byline_date", "byline_evidence"),
    "footer": ("footer_date", "footer_evidence"),
    # A dateline's date, settled, stands where `article._date` ranks it: after the header's, before the
    # URL's and the footer's, as the byline's does. So it takes the byline's place when no byline dates the
    # page, and its evidence says it is the dateline's (rule `dateline`).
    "dateline": ("byline_date", "byline_evidence"),
}
# "On Oct. 3 the ministers met": a month's abbreviation does not end the lead's first sentence.
_MONTH_ABBREVIATION_END = re.compile(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.$", re.IGNORECASE)


def _settle_ambiguous_dates(layout: Layout) -> None:
    """A date that reads both ways becomes the one reading the dateline or the lead names in words
    (`Date: 03/10/2023` over `MOSCOW, October 3 (TASS) -` is 3 October 2023, and so is `MOSCOW,
    03/10/2023 (TASS) - On October 3 ...`), as the date of the place it stood in. Its note says
    where the numeric date was and what settled it. When nothing settles it, it stays no date, and
    its evidence in `ambiguous_dates` says why: never a guess."""
    _take_ambiguous_dateline(layout)
    if not layout.ambiguous_dates:
        return
    places = _dateline_and_lead(layout.raw_paragraphs)
    looked_in = [where for where, _ in places]
    for i, (place, found, evidence) in enumerate(layout.ambiguous_dates):
        date_slot, evidence_slot = _SLOTS[place]
        if getattr(layout, date_slot) is not None:
            continue  # a date written one way stands there
        settled = settle_ambiguous(found, places)
        if settled is None:
            note = describe_unread(found, _WHERE[place], looked_in)
            layout.ambiguous_dates[i] = (place, found, dataclasses.replace(evidence, note=note))
            continue
        reading, said = settled
        setattr(layout, date_slot, reading)
        note = describe_reading(found, reading, _WHERE[place], said)
        setattr(layout, evidence_slot, dataclasses.replace(evidence, note=note))


def _take_ambiguous_dateline(layout: Layout) -> None:
    """The dateline's date when it reads both ways (`MOSCOW, 03/04/2024 (TASS) -`), which the
    dateline itself leaves undated, for the lead's words to settle as a header's would be."""
    dateline = _opening_dateline(layout.raw_paragraphs)[1]
    if dateline is None or dateline.date is not None or not dateline.date_words:
        return
    found = ambiguous_date(dateline.date_words)
    if found is not None:
        layout.ambiguous_dates.append(("dateline", found, Evidence(dateline.words, "dateline", 0.8)))


def _opening_dateline(paragraphs: list[str]) -> tuple[int, Dateline | None]:
    """The dateline opening the story, among the first paragraphs (where `article` looks for it),
    and the paragraph it opens."""
    return next(((i, d) for i, p in enumerate(paragraphs[:8]) if (d := find_dateline(p))), (0, None))


def _dateline_and_lead(paragraphs: list[str]) -> list[tuple[str, str]]:
    """The dateline opening the story and the first sentence after it, or the first paragraph's
    first sentence when there is none."""
    if not paragraphs:
        return []
    at, dateline = _opening_dateline(paragraphs)
    lead = paragraphs[at][len(dateline.words) :] if dateline else paragraphs[at]
    parts = sentences(lead)
    first = parts[0] if parts else ""
    for part in parts[1:]:
        if not _MONTH_ABBREVIATION_END.search(first):
            break
        first = f"{first} {part}"
    places = [("the dateline", dateline.words)] if dateline else []
    return [*places, ("the lead", first)] if first else places


def _is_headline(line: str) -> bool:
    text = fold(line)
    return bool(text) and not text.endswith(_SENTENCE_PUNCT) and len(text.split()) <= 25


# The labels over a list of links to other articles, wherever the page puts it.
_LIST_LABEL = re.compile(
    r"(?:read (?:more|also)|see also|also read|related(?: news| articles| posts| stories| coverage| content)?|"
    r"keep reading|more (?:on|about) (?:this|the) (?:story|topic)|also on (?:this|the) (?:topic|subject|story)|"
    r"on the same (?:topic|subject)|more (?:stories|news)|suggested reading|"
    r"recommended(?: for you)?|you may also like|most read|latest news|top stories|читайте также|по теме)\s*:?",
    re.IGNORECASE,
)
_MOST_LISTED = 12


def _is_listed_headline(line: str) -> bool:
    """A headline in a list of links, which may ask a question (`What is the CSTO?`)."""
    text = fold(line)
    return bool(text) and not text.endswith(tuple(".!…:;,")) and len(text.split()) <= 25


# The heading over the notes a wiki or a think tank prints under its text.
_NOTES_HEADING = re.compile(
    r"(?:notes|footnotes|endnotes|references|notes and references|references and notes|sources and notes"
    r"|works cited|bibliography|sources|citations)\s*:?",
    re.IGNORECASE,
)
NOTE_MOST_WORDS = 60  # a note is a reference, not a paragraph of text...
# ...and names where its words come from: a year, an address, "Retrieved", "Ibid.", a page, a quoted title.
_REFERENCE = re.compile(
    r"\b(?:19|20)\d\d\b|https?://|www\.|\bretrieved\b|\bibid\b|\bop\. cit\b|\bpp?\. \d|[\"“][^\"“”]{3,200}[\"”]\.",
    re.IGNORECASE,
)


def _drop_notes(body: list[tuple[int, str]], layout: Layout, heading: int | None) -> None:
    """The notes under a `References` heading (`Reuters, 23 February 2024.`, `"About CSTO". CSTO.
    Retrieved 2024-02-01.`) are furniture even with no `[n]` before them, as a wiki saved from its
    page prints them: every line after the heading, when each reads as a reference (short, and naming
    a year, an address, a page or a quoted title). A subheading "Sources" over paragraphs of text
    drops nothing. A date in the notes is a source's, never the article's (so `_take_footer_date`
    never sees it)."""
    if heading is None:
        return
    after = [i for i, (number, text) in enumerate(body) if number > heading and text]
    if not after or not all(
        len(body[i][1].split()) <= NOTE_MOST_WORDS and _REFERENCE.search(body[i][1]) for i in after
    ):
        return
    for i in after:
        layout.removed.append(body[i][1])
        body[i] = (body[i][0], "")


def _drop_listed_headlines(body: list[tuple[int, str]], layout: Layout, list_labels: set[int]) -> None:
    """The headlines under a `Related news` or `READ MORE` label are links to other articles, in
    the middle of the page as often as at its end: every headline-like line after the label goes,
    up to the first line that is a sentence."""
    if not list_labels:
        return
    position = {number: i for i, (number, _) in enumerate(body)}
    for label in sorted(list_labels):
        start = next((position[n] for n in range(label + 1, label + 3) if n in position), None)
        if start is None:
            continue
        taken = 0
        for i in range(start, len(body)):
            number, text = body[i]
            if not text:
                continue
            if not _is_listed_headline(text) or taken == _MOST_LISTED:
                break
            layout.removed.append(text)
            body[i] = (number, "")
            taken += 1


def _drop_trailing_headlines(body: list[tuple[int, str]], layout: Layout, labels: set[int]) -> None:
    """A block of headline-like lines closing the page is a list of other articles,
    not part of this one: three or more of them, or any number under a label
    such as `Read more:` that was taken out as furniture."""
    content = [i for i, (_, text) in enumerate(body) if text]
    run: list[int] = []
    for i in reversed(content):
        if _is_headline(body[i][1]) and byline_date(body[i][1], other_words=1) is None:  # a date line is the footer's
            run.append(i)
        else:
            break
    if len(run) >= 3 or (run and _under_label(body, min(run), labels)):
        for i in sorted(run):
            layout.removed.append(body[i][1])
            body[i] = (body[i][0], "")


def _take_signature(body: list[tuple[int, str]], layout: Layout, is_outlet: Callable[[str], bool]) -> None:
    """A known outlet's name alone on one of the last two lines (`Minsk Herald`, `Kaktus.media`):
    the site signing its article, as regional sites do under the text. It is furniture, and a
    masthead for `article._source`."""
    content = [i for i, (_, text) in enumerate(body) if text]
    if len(content) < 3:
        return
    for i in reversed(content[-2:]):
        number, text = body[i]
        if len(text.split()) <= 4 and not text.endswith(_SENTENCE_PUNCT) and is_outlet(text):
            layout.removed.append(text)
            layout.mastheads.append((text, number))
            body[i] = (number, "")
            return


def _take_footer_date(body: list[tuple[int, str]], layout: Layout) -> None:
    """A full date alone on the last line of the text (`14:32, 21 November 2024`, `12.06.2024`).

    Many sites print the publication time under the article rather than over
    it. Such a line is furniture either way; it is the date only when nothing
    above gave one (see `article._date`), and it must name the day: a month
    alone at the foot of a page is as likely an issue or an archive as the
    article's date."""
    content = [i for i, (_, text) in enumerate(body) if text]
    if len(content) < 2:
        return  # a one-line text that is a date is not an article with a footer
    number, line = body[content[-1]]
    found = byline_date(line, other_words=1)
    if found is None and _take_ambiguous(
        layout, ambiguous_byline_date(line, other_words=1), Evidence(line, "footer", 0.7, line=number)
    ):
        layout.removed.append(line)
        body[content[-1]] = (number, "")
        return
    if found is None or found.precision != "day":
        return
    if _UPDATED.search(line.replace(found.words, " ")):
        _take_updated(layout, found, Evidence(line, "footer", 0.6, line=number))
    else:
        layout.footer_date, layout.footer_evidence = found, Evidence(line, "footer", 0.8, line=number)
    layout.removed.append(line)
    body[content[-1]] = (number, "")


# "Source: TASS, 15 October 2021": a credit line closing the text, with the day.
_DATED_CREDIT = re.compile(r"^sources?\s*:\s*(?P<credit>[^,:]{2,60}),\s*(?P<date>\S.{5,40})$", re.IGNORECASE)


def _take_credit_date(body: list[tuple[int, str]], layout: Layout, credit: tuple[int, str] | None) -> None:
    """The day a credit line under the whole text gives (`Source: TASS, 15 October 2021`): the
    footer's date, as a date alone on the last line is, when nothing above dates the article (see
    `article._date`). The credit stays in `removed`, where `credited_outlets` reads it. A credit
    with text under it is a source note inside the article, and its date an event's."""
    if credit is None or layout.footer_date is not None:
        return
    number, line = credit
    if any(text for n, text in body if n > number):
        return
    match = _DATED_CREDIT.match(line)
    found = byline_date(match["date"], other_words=0) if match else None
    if found is None or found.precision != "day":
        return
    note = f"date read from {found.words!r} on the credit line under the text"
    layout.footer_date, layout.footer_evidence = found, Evidence(line, "footer", 0.8, line=number, note=note)


# `... did not attend the summit. Enditem`, `... in Minsk. (END)`, `... -30-`: the word a wire prints where
# its story ends, left on the last paragraph (a glyph such as Xinhua's `■` is `_END_MARK`'s).
_END_WORD = re.compile(r"(?<=[.!?\"”»’])\s*(?P<mark>enditem|\(\s*end\s*\)|-\s*end\s*-|-\s*30\s*-)$", re.IGNORECASE)


def _drop_end_word(body: list[tuple[int, str]], layout: Layout) -> None:
    """A wire's end word glued to the last line of the text goes, into `removed`; the same words
    anywhere else are left as they are."""
    last = next((i for i in range(len(body) - 1, -1, -1) if body[i][1]), None)
    if last is None:
        return
    number, text = body[last]
    match = _END_WORD.search(text)
    if match is None or match.start() == 0:
        return
    layout.removed.append(match["mark"])
    body[last] = (number, text[: match.start()].rstrip())


_AUTHOR_NOTE_VERBS = re.compile(r"^\s+(?:is|was|covers|reports|writes|has covered|has reported|contributed)\b")


def _drop_author_note(body: list[tuple[int, str]], layout: Layout) -> None:
    """The lines closing the page about the byline's author: their name again (`AVET DEMOURIAN`)
    and a sentence on them (`Demourian covers Armenia for The Associated Press.`, `Stephen M.
    Bland is Editor-in-Chief of The Times of Central Asia.`). Only the named author's, so a last
    sentence about anyone else stays."""
    if not layout.author:
        return
    names = [n for n in re.split(r"\s*(?:,|&|\band\b)\s*", layout.author) if len(n.split()) >= 2]
    content = [i for i, (_, text) in enumerate(body) if text]
    for i in reversed(content[-3:]):
        text = body[i][1]
        if any(text.casefold() == name.casefold() for name in names):
            pass  # the author's name alone
        elif not (len(text.split()) <= 40 and text.endswith(".") and _is_note_on(text, names)):
            return
        layout.removed.append(text)
        body[i] = (body[i][0], "")


# BBC Monitoring's source line: "Source: Armenpress news agency, Yerevan, in Russian 0930 gmt 5 Mar 24".
_MONITORING_SOURCE = re.compile(
    r"^sources?\s*:.{3,200}?\bin [A-Z][a-z]+(?: [A-Z][a-z]+)?\s+\d{3,4}\s*gmt\s+"
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2})\s+(?P<year>\d{2})\s*$",
    re.IGNORECASE,
)


def _take_monitoring_date(layout: Layout) -> None:
    """The day a monitoring service's source line gives for the broadcast or article it translates:
    the text's own date, with the year in two digits as the service always writes it. Like a
    footer date, it dates the article only when nothing above does (see `article._date`)."""
    if layout.footer_date is not None:
        return
    for line in layout.removed:
        match = _MONITORING_SOURCE.match(line)
        found = parse_date(f"{match['day']} {match['month']} 20{match['year']}") if match else None
        if found is not None:
            words = f"{match['day']} {match['month']} {match['year']}"
            layout.footer_date = FoundDate(found.value, found.precision, words)
            layout.footer_evidence = Evidence(line, "footer", 0.8, note="the monitoring service's source line")
            return


def _is_note_on(text: str, names: list[str]) -> bool:
    """One sentence whose subject is one of `names` (or its surname) and whose verb says who they are."""
    for name in names:
        for form in (name, name.split()[-1]):
            rest = text[len(form) :]
            if text.startswith(form) and _AUTHOR_NOTE_VERBS.match(rest) and ". " not in rest:
                return True
    return False


def _under_label(body: list[tuple[int, str]], first: int, labels: set[int]) -> bool:
    """Whether the nearest line above body[first] that is not blank was a furniture label."""
    number = body[first][0] - 1
    blank = {n for n, text in body if not text}
    while number in blank:
        number -= 1
    return number in labels


def _paragraphs(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines become paragraphs. Hard-wrapped lines (one ending on a comma, or one
    not ending a sentence with the next starting in lower case) are joined back together; and in a text
    wrapped at a fixed width (a database export, an e-mail), so is every line
    under one that reached the margin."""
    width = _wrap_width([text for _, text in body if text])
    out: list[tuple[int, str]] = []
    previous_blank = True
    previous_length = 0
    for number, text in body:
        if not text:
            previous_blank = True
            continue
        wrapped = width is not None and previous_length >= width - WRAP_SLACK
        unfinished = bool(out) and out[-1][1].endswith(_UNFINISHED)  # no paragraph ends on a comma
        if (
            out
            and not previous_blank
            and (wrapped or unfinished or (not out[-1][1].endswith(_SENTENCE_PUNCT) and text[:1].islower()))
        ):
            out[-1] = (out[-1][0], out[-1][1] + " " + text)
        else:
            out.append((number, text))
        previous_blank = False
        previous_length = len(text)
    return out


# A line ending on a comma, also one closing a quote (`"... armed groups,"` over `a spokesman said.`).
_UNFINISHED = (",", ";", ',"', ",”", ",»", ",’")
WRAP_SLACK = 20  # a wrapped line ends within this many characters of the margin (the next word did not fit)


def _wrap_width(lines: list[str]) -> int | None:
    """The width a text was hard-wrapped at, or None when it was not.

    Wrapped text has a margin: no line is longer than it, and many lines end
    close to it. A text of one paragraph per line has lines of every length,
    most far longer than any margin a mail program or an export uses."""
    long = [line for line in lines if len(line) >= 40]
    if len(long) < 3:
        return None
    width = max(map(len, long))
    if width > WRAP_MAX:
        return None
    near = [line for line in long if len(line) >= width - WRAP_SLACK]
    # Most lines at the margin stop mid-sentence; short paragraphs one a line all end one.
    mid_sentence = sum(1 for line in near if not line.endswith(_SENTENCE_PUNCT))
    return width if len(near) >= 3 and len(near) >= 0.5 * len(long) and mid_sentence >= 0.5 * len(near) else None


WRAP_MAX = 100  # wider than any margin text is wrapped at (72 to 80 is usual)


def _dedupe(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Keep one copy of a repeated lead or section.

    First a paragraph that only collapses several later paragraphs into one
    (a page's summary block) goes; then a paragraph mostly covered by one kept
    before it is a repeat, and goes."""
    grams = [shingles(_without_dateline(p)) for p in paragraphs]
    seen: set[tuple[str, ...]] = set()
    repeated = False
    for own in grams:
        if own & seen:
            repeated = True
            break
        seen |= own
    if not repeated:  # the usual case: no paragraph shares a phrase with another
        pairs = list(zip(paragraphs, grams, strict=True))
        return [p for p, g in pairs if g], [p for p, g in pairs if not g]
    dropped = _summaries(grams)
    kept: list[int] = []
    kept_with: _Index = {}  # each phrase, and the kept paragraphs that have it
    for i, own in enumerate(grams):
        if i in dropped:
            continue
        if not own:
            dropped.add(i)
            continue
        if _sharing(own, grams, kept_with, 0.8 * len(own)):
            dropped.add(i)
            continue
        kept.append(i)
        for gram in own:
            kept_with.setdefault(gram, []).append(i)
    return [paragraphs[i] for i in kept], [paragraphs[i] for i in sorted(dropped)]


_Index = dict[tuple[str, ...], list[int]]


def _sharing(own: set[tuple[str, ...]], grams: list[set[tuple[str, ...]]], having: _Index, least: float) -> list[int]:
    """The paragraphs in the index `having` that share `least` or more of `own`'s phrases.

    A paragraph sharing that many misses at most `len(own) - least` of them, so it has one of any
    `len(own) - least + 1` of them: only the paragraphs under `own`'s rarest phrases are candidates,
    and each is then compared whole. So a long text's paragraphs are not each compared with all
    the others, and a stock phrase that every answer of a transcript repeats is not read through."""
    need = math.ceil(least)
    if need > len(own):
        return []
    rarest = sorted(own, key=lambda gram: len(having.get(gram, ())))[: len(own) - need + 1]
    candidates = sorted({j for gram in rarest for j in having.get(gram, ())})
    return [j for j in candidates if len(own & grams[j]) >= least]


def _summaries(grams: list[set[tuple[str, ...]]]) -> set[int]:
    """The paragraphs that only collapse several others into one: 80% of its phrases are in other
    paragraphs still kept, two or more of them share five phrases with it, and each of those is
    shorter than it."""
    having: _Index = {}
    for j, other in enumerate(grams):
        for gram in other:
            having.setdefault(gram, []).append(j)
    dropped: set[int] = set()
    for i, own in enumerate(grams):
        if len(own) < 12:
            continue
        covered = sum(1 for gram in own if any(j != i and j not in dropped for j in having[gram]))
        if covered < 0.8 * len(own):
            continue
        big_sources = [j for j in _sharing(own, grams, having, 5) if j != i and j not in dropped]
        if len(big_sources) >= 2 and all(len(grams[j]) < len(own) for j in big_sources):
            dropped.add(i)
    return dropped


def _without_dateline(paragraph: str) -> str:
    dateline = find_dateline(paragraph)
    return paragraph[len(dateline.words) :] if dateline else paragraph
