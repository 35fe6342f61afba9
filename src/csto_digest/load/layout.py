"""The layout of a raw article: header lines, title, byline, furniture, paragraphs.

This is where an article "as it comes off the web" becomes a title and a list
of clean paragraphs. Everything taken out is kept in `removed`, and the header
facts (URL, header date, byline date, author, disclaimer) keep the line they
came from as evidence.
"""

from __future__ import annotations

import dataclasses
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
    is_relative_time,
    parse_date,
    settle_ambiguous,
)
from .furniture import folded_field_line, folded_is_furniture, is_label
from .outlets import find_dateline
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


def _signed_date_line(line: str) -> tuple[str, FoundDate] | None:
    """The author and the date of a byline that gives both: `By Stephen M. Bland & Aliya Haidar -
    2024-11-28T14:35:00+03:00`, `By Anna Petrosyan | 12 March 2024`."""
    for separator in _BYLINE_SEPARATOR.finditer(line):
        by = _BY_LINE.match(line[: separator.start()])
        if by:
            found = byline_date(line[separator.end() :])
            return (_written_name(by.group("name")), found) if found else None
    return None


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
    lines = normalize_spaces(text).split("\n")
    latin = is_mostly_latin(text[:5000])
    body_lines: list[tuple[int, str]] = []
    title_key = comparable(known_title) if known_title else ""
    headline_seen = False  # the text printed a headline: short labels under it are furniture
    in_header = True
    author_line = 0  # the line of a byline taken under a standfirst: a date line may follow it
    source_code_next = False  # a publication line was just read: Factiva prints its source code under it
    labels: set[int] = set()  # lines of furniture that introduce what follows ("Read more:")
    list_labels: set[int] = set()  # those that introduce a list of other articles ("Related news")
    for number, raw in enumerate(lines, start=1):
        line = fold(raw)
        if line and line[-1] in _END_GLYPHS:
            line = _END_MARK.sub("", line)
        if not line:
            body_lines.append((number, ""))
            continue
        if in_header and _header_line(layout, line, number):
            continue
        if layout.title and abs(len(line) - len(layout.title)) < 12 and comparable(line) == title_key:
            layout.removed.append(line)  # the title again, under a byline
            headline_seen = True
            continue
        if in_header and _only_short_lines(body_lines) and is_relative_time(line):
            layout.removed.append(line)  # "Updated 3 hours ago": furniture, and no date
            continue
        if layout.byline_date is None and (
            (in_header and _only_short_lines(body_lines))
            or (
                headline_seen
                and _standfirst_only(body_lines, most=2 if author_line == number - 1 else 1)
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
                    continue
            if found and _UPDATED.search(line.replace(found.words, " ")):
                _take_updated(layout, found, Evidence(line, "byline", 0.6, line=number))
                layout.removed.append(line)
                continue
            if found:
                layout.byline_date = found
                layout.byline_evidence = Evidence(line, "byline", 0.95, line=number)
                layout.removed.append(line)
                continue
        if _repeats_byline_date(layout, line, number):
            layout.removed.append(line)  # "Published On 23 Feb 2024" then "23 Feb 2024": the date twice
            continue
        if in_header and known_title is None and _continues_heading(layout, body_lines, line, number):
            layout.title = _joined_heading(layout.title or "", line)  # `INFORMATION MESSAGE` / `on the session ...`
            title_key = comparable(layout.title)
            continue
        if (
            in_header
            and known_title is None
            and _may_take_title(layout, body_lines, line, number)
            and _is_title_line(line)
        ):
            _take_title(layout, body_lines, line, number)
            title_key = comparable(line)  # what a repeat of the title is told by
            headline_seen = True
            continue
        named = folded_field_line(line)
        if named:
            setattr(layout, named[0], named[1])
            if named[0] == "author":
                layout.author_evidence = Evidence(line, "byline", 0.9, line=number)
            continue
        if in_header and headline_seen and not body_lines_have_text(body_lines):
            publication = _publication_line(line, is_outlet)
            if publication or (source_code_next and _SOURCE_CODE.fullmatch(line)):
                layout.removed.append(line)  # an export's publication line, and the source code under it
                if publication:
                    layout.mastheads.append((line, number))
                source_code_next = bool(publication)
                continue
        if in_header and headline_seen and not body_lines_have_text(body_lines) and _is_header_label(line):
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
            if is_label(line):
                labels.add(number)
            if _LIST_LABEL.fullmatch(line):
                list_labels.add(number)
            continue
        by = _BY_LINE.match(line)
        if by and (in_header or (headline_seen and _standfirst_only(body_lines, most=2))):
            layout.author = _written_name(by.group("name"))
            layout.author_evidence = Evidence(line, "byline", 0.9, line=number)
            author_line = number
            continue
        in_header = in_header and len(words(line)) < 4
        body_lines.append((number, _FOOTNOTE_MARK.sub("", line)))
    _drop_listed_headlines(body_lines, layout, list_labels)
    _drop_trailing_headlines(body_lines, layout, labels)
    _take_signature(body_lines, layout, is_outlet)
    _take_footer_date(body_lines, layout)
    _take_monitoring_date(layout)
    _drop_author_note(body_lines, layout)
    paragraphs = _paragraphs(body_lines)
    layout.raw_paragraphs = [p for _, p in paragraphs]
    _settle_ambiguous_dates(layout)
    kept, dropped = _dedupe([p for _, p in paragraphs])
    layout.removed.extend(dropped)
    layout.paragraphs = kept
    line_of = {p: n for n, p in paragraphs}
    layout.paragraph_lines = [line_of.get(p, 0) for p in kept]
    return layout


def is_masthead(line: str) -> bool:
    """A site's name as pages print it over the headline: `BelTA`, `РИА Новости`, `news.am`.

    One token, or up to three capitalised ones, and no sentence: a headline
    has words in lower case, a site's name has none."""
    tokens = line.split()
    if not tokens or len(tokens) > 3 or len(line) > 32 or line.endswith(_SENTENCE_PUNCT):
        return False
    return len(tokens) == 1 or all(token[0].isupper() or not token[0].isalpha() for token in tokens)


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


def _may_take_title(layout: Layout, body: list[tuple[int, str]], line: str, number: int) -> bool:
    """Whether `line` may be the headline, given what stands above it.

    Only site names may stand above the headline. A site's name taken for the
    title gives way to the first longer headline-like line under it, so that
    `BelTA` over `Lukashenko: CSTO must respond to new threats` is furniture
    and the second line the title (and never a quote of Lukashenko's)."""
    if not all(is_masthead(text) or _is_code_line(text) for text in body_lines_text(body)):
        return False
    if layout.title is None:
        return True
    if is_masthead(line) or len(line.split()) < 4:
        return False
    if is_masthead(layout.title):
        return True
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


def _take_title(layout: Layout, body: list[tuple[int, str]], line: str, number: int) -> None:
    """Make `line` the title; the site names above it (and a site name taken for the title) go."""
    if layout.title is not None:
        layout.removed.append(layout.title)
        if layout.title_line is not None:
            layout.mastheads.append((layout.title, layout.title_line))
    for i, (at, text) in enumerate(body):
        if text:
            layout.removed.append(text)
            layout.mastheads.append((text, at))
            body[i] = (at, "")
    layout.title, layout.title_line = line, number


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


def _continues_heading(layout: Layout, body: list[tuple[int, str]], line: str, number: int) -> bool:
    """Whether `line` is the second line of a two-line official heading taken for the title: right
    under a title that only names a document's kind, nothing but blank lines between, and itself
    shaped like the rest of a headline (`on the session of ...`, `by the CSTO Secretary General`)."""
    if layout.title is None or layout.title_line is None or not 0 < number - layout.title_line <= 2:
        return False
    if body_lines_have_text([(n, t) for n, t in body if n > layout.title_line]):
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


def _only_short_lines(body: list[tuple[int, str]]) -> bool:
    """Nothing but short lines (a site name, a section) stands above: still the header."""
    return all(len(text.split()) < 4 for _, text in body)


def _standfirst_only(body: list[tuple[int, str]], most: int) -> bool:
    """A line of text under the headline no longer than a summary: a standfirst, which sites
    print between the headline and the byline (`Joshua Kucera Sep 25, 2023`). With `most=2`, the
    lead photo's caption may follow it (`By Al Jazeera Staff` / `Published On 14 Sep 2022`):
    a byline's own shape says it is one, and a date line right under it is the byline's."""
    texts = body_lines_text(body)
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


_BYLINE_SMALL_WORDS = frozenset({"on", "at", "by", "published", "updated", "posted"})  # "Published on 4 Dec 2024"


def body_lines_have_text(body: list[tuple[int, str]]) -> bool:
    return any(text for _, text in body)


def body_lines_text(body: list[tuple[int, str]]) -> list[str]:
    return [text for _, text in body if text]


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


_WHERE = {"header": "in the header line", "byline": "on the line under the headline", "footer": "on the last line"}
_SLOTS = {
    "header": ("header_date", "header_date_evidence"),
    "byline": ("byline_date", "byline_evidence"),
    "footer": ("footer_date", "footer_evidence"),
}
# "On Oct. 3 the ministers met": a month's abbreviation does not end the lead's first sentence.
_MONTH_ABBREVIATION_END = re.compile(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.$", re.IGNORECASE)


def _settle_ambiguous_dates(layout: Layout) -> None:
    """A date that reads both ways becomes the one reading the dateline or the lead names in words
    (`Date: 03/10/2023` over `MOSCOW, October 3 (TASS) -` is 3 October 2023), as the date of the
    place it stood in. Its note says where the numeric date was and what settled it. When nothing
    settles it, it stays no date."""
    if not layout.ambiguous_dates:
        return
    places = _dateline_and_lead(layout.raw_paragraphs)
    for place, found, evidence in layout.ambiguous_dates:
        date_slot, evidence_slot = _SLOTS[place]
        settled = settle_ambiguous(found, places) if getattr(layout, date_slot) is None else None
        if settled is None:
            continue
        reading, said = settled
        setattr(layout, date_slot, reading)
        note = describe_reading(found, reading, _WHERE[place], said)
        setattr(layout, evidence_slot, dataclasses.replace(evidence, note=note))


def _dateline_and_lead(paragraphs: list[str]) -> list[tuple[str, str]]:
    """The dateline opening the story (among the first paragraphs, where `article` looks for it)
    and the first sentence after it, or the first paragraph's first sentence when there is none."""
    if not paragraphs:
        return []
    at, dateline = next(((i, d) for i, p in enumerate(paragraphs[:8]) if (d := find_dateline(p))), (0, None))
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
        unfinished = bool(out) and out[-1][1].endswith((",", ";"))  # no paragraph ends on a comma
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
    dropped: set[int] = set()
    for i, own in enumerate(grams):
        if len(own) < 12:
            continue
        sources = [j for j, other in enumerate(grams) if j != i and j not in dropped and own & other]
        union = set().union(*(grams[j] for j in sources)) if sources else set()
        big_sources = [j for j in sources if len(own & grams[j]) >= 5]
        if (
            len(own & union) >= 0.8 * len(own)
            and len(big_sources) >= 2
            and all(len(grams[j]) < len(own) for j in big_sources)
        ):
            dropped.add(i)
    kept: list[int] = []
    for i, own in enumerate(grams):
        if i in dropped:
            continue
        if not own:
            dropped.add(i)
            continue
        if any(len(own & grams[j]) >= 0.8 * len(own) for j in kept):
            dropped.add(i)
            continue
        kept.append(i)
    return [paragraphs[i] for i in kept], [paragraphs[i] for i in sorted(dropped)]


def _without_dateline(paragraph: str) -> str:
    dateline = find_dateline(paragraph)
    return paragraph[len(dateline.words) :] if dateline else paragraph
