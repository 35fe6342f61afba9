"""Outlets: the one that published the article, and those it cites.

The publisher is known only from the article itself: its URL, a dateline or
agency tag (`MOSCOW (Sputnik) -`, `YEREVAN, March 5. /ARKA/`, also from two
cities: `SEOUL/MOSCOW, Oct. 5 (Yonhap) --`), or front
matter. It is never guessed from what the text talks about. Cited outlets
are those the text credits with a verb of reporting ("reports Orda.kz",
"told TASS", "Sputnik Tajikistan reports", "wrote in Vestnik Kavkaza"), not
every outlet it names; a name the registry does not list counts when it looks
like an outlet's (a domain, "agency", a newspaper's title word such as Pravda
or Herald). `copyright_outlet` reads the publisher from a copyright line at
the top or the bottom of the text, with weaker evidence, for a caller that has
no better source. `site_address` tells a site's address printed as its name
(`Tolkun.kg`), which is an outlet's name whether the registry knows it or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from urllib.parse import urlsplit

from ..model import Evidence, Outlet
from ..registry import Registry
from .clues import lowered, required
from .dates import FoundDate, parse_date
from .entities import named_entities
from .gender import gender_of
from .guard import guarded
from .people import NEWSPAPER_WORDS, ROLE_WORDS, TITLE_ADJECTIVE

# One city, or two where a story was filed from both: "SEOUL/MOSCOW, Oct. 5 (Yonhap) --", "LONDON/MOSCOW (AP) —",
# "WASHINGTON and MOSCOW, May 2 (AFP) -". Each must read as a city (see `_looks_like_city`).
_ONE_CITY = r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’.\- ]{1,30}?"
_ONE_CITY_ANY = r"[A-ZА-ЯЁ][\w'’.\- ]{1,30}?"
_CITY = rf"(?P<city>{_ONE_CITY}(?:\s*/\s*{_ONE_CITY}|\s+and\s+{_ONE_CITY})?)"
_CITY_ANY = rf"(?P<city>{_ONE_CITY_ANY}(?:\s*/\s*{_ONE_CITY_ANY})?)"
_TWO_CITIES = re.compile(r"\s*/\s*|\s+and\s+")
_AGENCY = r"(?P<agency>[A-Za-zА-Яа-яЁё][\w.&'’\- ]{0,38}?)"
_DASH = r"\s*(?:--|[-–—:])+\s*"
_SITE_AGENCY = r"(?P<agency>[A-Z0-9][\w-]{1,30}\.(?:kz|kg|uz|am|tj|by|az|ru|ge|md|media|info|news|com|org|net))"
_DATEPART = r"(?P<date>[^/()\n]{3,40}?)"

DATELINES: tuple[re.Pattern[str], ...] = (
    # MOSCOW (Sputnik) -   ALMATY, Kazakhstan (Reuters) -
    # BEIJING, Nov. 23 (Xinhua) --   MINSK, 23 November (BelTA) -
    # BEIJING, June 5, 2025 (Reuters) -   (the year after its own comma)
    re.compile(rf"^{_CITY_ANY}(?:,\s*(?P<date>[^,()\n]{{2,30}}?(?:,\s*\d{{4}})?))?\s*\({_AGENCY}\)" + _DASH),
    # MOSCOW, January 29. /TASS/.   YEREVAN, March 5 /ARKA/ -   DUSHANBE, 14.03.2025 /NIAT "Khovar"/.
    # (an agency's kind before its quoted name, as NIAT, NIA or IA, is not its name)
    re.compile(rf"^{_CITY_ANY},\s*{_DATEPART}\.?\s*/(?:[A-ZА-Я]{{2,5}}\s+)?[\"“«]?{_AGENCY}[\"”»]?/\.?(?:{_DASH})?"),
    # /TASS/ -   at the very start
    re.compile(rf"^/{_AGENCY}/\.?{_DASH}"),
    # Yerevan /Mediamax/.   (a city and the agency's tag, no date)
    re.compile(rf"^{_CITY_ANY}\s*/{_AGENCY}/(?:\.|{_DASH})\s*"),
    # ASTANA, Zakon.kz –   Vesti.kg –   BISHKEK, 24.kg -   (a site's address as the tag, with or without a city)
    re.compile(rf"^(?:{_CITY},\s*)?{_SITE_AGENCY}\s*(?:--|[–—]|\s-)\s+"),
    # DUSHANBE, June 22, 2012, Asia-Plus --
    re.compile(
        rf"^{_CITY},\s*(?P<date>(?:[A-Za-z]+\.?\s+\d{{1,2}}|\d{{1,2}}\s+[A-Za-z]+),?\s*(?:\d{{4}})?),\s*{_AGENCY}\s*(?:--|[–—])\s*"
    ),
    # ASTANA. KAZINFORM -
    re.compile(rf"^{_CITY}\.\s+(?P<agency>[A-Z][A-Z0-9.\-]{{2,20}})\s*(?:--|[-–—])\s*"),
    # BAKU – APA.   MOSCOW - TASS.   (a city in capitals, a dash and the agency's initials, no date: "Tokayev – NATO."
    # in mixed case opens a sentence)
    re.compile(rf"^{_CITY}\s*(?:--|[–—-])\s*(?P<agency>[A-Z][A-Z0-9\-]{{1,9}})\.\s+"),
    # YEREVAN, NOVEMBER 23, ARMENPRESS.   YEREVAN, NOVEMBER 23, 2023, ARMENPRESS.
    re.compile(
        rf"^{_CITY},\s*(?P<date>[A-Z]+\s+\d{{1,2}}(?:,\s*\d{{4}})?),\s*(?P<agency>[A-Z][A-Z0-9.\-]{{2,20}})\.\s*"
    ),
    # BAKU, Azerbaijan, Nov. 23. Trend:   Baku, Azerbaijan, June 12. By Leyla Hasanova – Trend:
    re.compile(
        rf"^{_CITY_ANY},(?:\s*[A-Z][a-z]+,)?\s*(?P<date>[A-Za-z]{{3,9}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)\.?\s+"
        rf"(?:By\s+(?P<author>[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){{0,3}})\s*(?:--|[–—-])\s*)?{_AGENCY}:\s*"
    ),
    # ASTANA, 18 April 2025 – Kazinform.   Tashkent, 10 May 2023 – Kun.uz
    re.compile(
        rf"^{_CITY_ANY},\s*(?P<date>[^\n–—]{{3,30}}?\d{{4}})\s*(?:--|[–—-])\s*"
        r"(?P<agency>[A-Z][\w\-]*(?:\.[a-z]{2,4})?(?:[ ][A-Z][\w\-]*(?:\.[a-z]{2,4})?){0,2}?)(?:\.(?:\s|$)|:\s|\s*$)"
    ),
    # MOSCOW, 23 Nov - RIA Novosti.   BISHKEK, November 23 - Kabar.   (no year: an outlet, but no date)
    re.compile(
        rf"^{_CITY},\s*(?P<date>\d{{1,2}}\s+[A-Za-z]{{3,9}}\.?|[A-Za-z]{{3,9}}\.?\s+\d{{1,2}})\s*(?:--|[–—-])\s*"
        r"(?P<agency>[A-Z][\w\-]*(?:\.[a-z]{2,4})?(?:[ ][A-Z][\w\-]*(?:\.[a-z]{2,4})?){0,2}?)\.(?:\s|$)"
    ),
    # BISHKEK -24.kg news agency, Anna Kapushenko.   ALMATY - KazTAG news agency.   (no date; the author follows)
    re.compile(
        rf"^{_CITY}\s*(?:--|[-–—])\s*(?P<agency>\w[\w.&'’\-]{{1,30}}?)\s+news\s+agency"
        r"(?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})?[.:]\s+"
    ),
    # ASTANA, 12 March 2024 -   (a date but no agency)
    re.compile(rf"^{_CITY},\s*(?P<date>[^\n]{{3,30}}?\d{{4}})\s*(?:--|[–—-])\s*"),
)


@dataclass(frozen=True)
class Dateline:
    words: str
    city: str
    agency: str | None
    date: FoundDate | None
    date_words: str | None  # the date as written, even when it has no year
    author: str | None = None  # the byline some agencies print inside it (`June 12. By Leyla Hasanova – Trend:`)


# What each dateline cannot match without ("(" for `MOSCOW (Sputnik) -`, "/" for `/TASS/`):
# most paragraphs lack some, and are not tried against those patterns' lazy searches at all.
_DATELINE_NEEDS = tuple(required(pattern.pattern) for pattern in DATELINES)
_DATELINE_CLUES = tuple(sorted({clue for needs in _DATELINE_NEEDS for own in needs for clue in own}))


@lru_cache(maxsize=64)
def _datelines_with(present: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """The datelines a text holding these of `_DATELINE_CLUES` (and no others) may match."""
    return tuple(p for p, needs in zip(DATELINES, _DATELINE_NEEDS, strict=True) if all(own & present for own in needs))


# `Baku – APA.`: a city in mixed case, a dash and an agency's initials. "Tokayev – NATO." has the same shape,
# so this is a dateline only when the registry knows the city as a place and the initials as an outlet.
_CITY_DASH_INITIALS = re.compile(
    r"^(?P<city>[A-ZА-Я][a-zа-я'’-]+(?: [A-ZА-Я][a-zа-я'’-]+)?)\s*(?:--|[–—-])\s*(?P<agency>[A-Z][A-Z0-9\-]{1,9})\.\s+"
)


def known_agency_dateline(paragraph: str, registry: Registry) -> Dateline | None:
    """`find_dateline`, or a mixed-case city and a dash before the initials of an outlet the registry
    knows (`Baku – APA.`), which `find_dateline` alone cannot tell from a sentence."""
    found = find_dateline(paragraph)
    if found is not None:
        return found
    match = _CITY_DASH_INITIALS.match(paragraph)
    if match is None or known_outlet(match.group("agency"), registry) is None:
        return None
    city = match.group("city")
    if not named_entities(city, registry.places):
        return None
    return Dateline(match.group(0).strip(), city, match.group("agency"), None, None, None)


@lru_cache(maxsize=64)
def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, if it has one.

    Remembered for the last few paragraphs: the layout, the title and the
    publisher each ask about the same opening paragraphs."""
    lower = lowered(paragraph)
    patterns = DATELINES if lower is None else _datelines_with(frozenset(filter(lower.__contains__, _DATELINE_CLUES)))
    for pattern in patterns:
        match = pattern.match(paragraph)
        if not match:
            continue
        groups = match.groupdict()
        city = (groups.get("city") or "").strip()
        if city and not _looks_like_city(city, bool(groups.get("agency"))):
            continue
        if (city and city.split()[0].lower() in {"the", "a", "an", "in", "on", "at", "as", "for"}) or any(
            w.lower() in ROLE_WORDS for w in city.split()
        ):
            continue
        agency = (groups.get("agency") or "").strip() or None
        if agency and not _looks_like_agency(agency):
            continue
        date_words = (groups.get("date") or "").strip(" ,.") or None
        date = parse_date(date_words) if date_words else None
        if date_words and not date and not re.search(r"\d", date_words):
            date_words = None  # "ALMATY, Kazakhstan (Reuters)": a region, not a date
        author = (groups.get("author") or "").strip() or None
        return Dateline(match.group(0).strip(), city, agency, date, date_words, author)
    return None


def _looks_like_city(city: str, tagged: bool) -> bool:
    """Whether the words before a dateline's date or tag read as a city, or as each of two cities."""
    return all(_looks_like_one_city(part, tagged) for part in _TWO_CITIES.split(city))


def _looks_like_one_city(city: str, tagged: bool) -> bool:
    letters = [c for c in city if c.isalpha()]
    if not letters or len(city.split()) > 4:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    # Without an agency tag only an all-caps city makes a dateline.
    return upper >= 0.8 or (tagged and city[0].isupper())


# In brackets after a heading's first words, as an agency's tag stands after a city: a picture's credit, or
# the kind of piece ("ARMENIA/AZERBAIJAN (Analysis) —", "NATO (Opinion) -"), which no agency is called.
_NOT_AGENCIES = frozenset({
    "photo", "video", "updated", "ap photo", "file", "analysis", "opinion", "explainer", "commentary", "interview",
    "editorial", "feature", "update", "live", "exclusive", "op-ed", "column", "review", "podcast", "factbox",
})  # fmt: skip


def _looks_like_agency(agency: str) -> bool:
    words = agency.split()
    if not words or len(words) > 4:
        return False
    if agency.lower() in _NOT_AGENCIES:
        return False
    return agency[0].isupper() or agency[0].isdigit()


def canonical_outlet(name: str, registry: Registry) -> str:
    """The registry's name for an outlet, trying the name, then shorter prefixes
    ("Cronos.Asia Analytical Center" -> "Cronos.Asia"), then a known suffix
    ("STV TV channel" -> "STV")."""
    clean = name.strip(" .,;:'\"“”«»")
    table = registry.outlet_by_alias
    if clean.lower() in table:
        return table[clean.lower()].name
    tokens = clean.split()
    for end in range(len(tokens) - 1, 0, -1):
        prefix = " ".join(tokens[:end])
        if prefix.lower() in table:
            return table[prefix.lower()].name
    return clean


def outlet_from_url(url: str, registry: Registry) -> Outlet | None:
    """The outlet a URL belongs to: the registry's name for its domain, or the domain itself."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.removeprefix("www.").removeprefix("m.")
    table = registry.outlet_by_alias
    parts = host.split(".")
    for i in range(len(parts) - 1):
        candidate = ".".join(parts[i:])
        if candidate in table:
            return Outlet(table[candidate].name, Evidence(url, "url", 0.95))
    return Outlet(host, Evidence(url, "url", 0.8, note="domain not in the registry"))


# "reports Orda.kz", "told the X magazine", "according to TASS", "X reports",
# "cited as saying by RIA Novosti", "in an interview with TASS".
_NAME = (
    r"(?P<name>(?:the\s+)?(?:[A-Z](?:[\w&'’\-]|\.(?=\w))*|[0-9][\w.]*\.[a-z]{2,})"
    r"(?:[ ]+(?:[A-Z](?:[\w&'’\-]|\.(?=\w))*|[0-9]{1,3}(?!\w)|of|de|al|i(?=[ ][A-Z])|\([^)\n]{2,40}\)))*"
    r"(?:[ ]+(?:magazine|newspaper|news agency|agency|television channel|television|TV channel|TV station|TV|"
    r"broadcaster|news channel|channel|radio|portal|website|daily|weekly|"
    r"news website|news portal|outlet|service|Analytical Center))?)"
)
# The name may stand in quote marks, as translations from Russian print it: `as reported by "Sputnik Armenia"`.
_CITING_BEFORE = guarded(
    re.compile(
        r"\b(?i:reports?|reported|writes|wrote|according to|told|telling|cited as saying by|quoted by|"
        r"as quoted by|(?:in|during) (?:an?|his|her|their) (?:interview|talk|conversation) with|"
        r"(?:in|during) (?:an?|his|her) (?:recent |exclusive )?(?:interview|talk|conversation) (?:to|with)|"
        r"(?:talk|interview|conversation) with|spoken? with|spoke to|citing|cites|informs|announced by|"
        r"(?:first |originally )?(?:reported|published|broadcast|aired) by|"
        r"confirmed (?:this |it |the (?:report|information|news) )?to|"
        # "wrote in Vestnik Kavkaza", "Writing in Zerkalo Nedeli,": no person is written in
        r"(?:wrote|writes|writing|written|published|printed) in)\s+[\"“«„]?" + _NAME
    )
)
_AFTER_VERB = re.compile(
    r"[ ](?:reports|reported|writes|wrote|informs|quoted|cited|says|said|notes|noted|learned|has learned)\b"
)
# A name running to the end of the text, starting at a capital or digit that opens a word.
_NAME_AT_END = re.compile(r"(?<![\w.&'’\-])(?=[A-Z0-9])" + _NAME + r"$")
_DESCRIPTOR = re.compile(
    r"[A-Z][a-z]+(?:-[a-z]+)?\s+(?:channel|TV channel|television|television channel|newspaper|news agency|agency|"
    r"magazine|outlet|broadcaster|portal|website|radio|daily)"
)
_NAME_AT_START = re.compile(_NAME)
_OUTLET_WORDS = guarded(
    re.compile(
        r"\b(news|agency|magazine|newspaper|channel|tv|radio|portal|times|post|press|daily|weekly|novosti|"
        r"sputnik|tass|interfax|reuters|center|centre|media|\.[a-z]{2,4}|" + "|".join(sorted(NEWSPAPER_WORDS)) + r")\b",
        # the head words of the region's newspaper titles, as transliterated ("Golos Armenii", "Vestnik Kavkaza")
        re.IGNORECASE,
    )
)


def cited_outlets(text: str, registry: Registry, people: set[str], exclude: set[str]) -> list[Outlet]:
    """Outlets the text credits, in order of first mention, canonical names.

    A name counts when it is a known outlet, or when it looks like one (a
    domain, or words such as "agency", "magazine", "TV channel") and is not
    a person or an organisation the article names."""
    found: dict[str, Outlet] = {}
    for start, end, raw in chain(_citations(text), _source_notes(text, registry)):
        raw = _strip_article(raw).rstrip(".")
        named_after = (
            _DESCRIPTOR.fullmatch(raw) and _NAME_AT_START.match(text, end + 1) if text[end : end + 1] == " " else None
        )
        if named_after:  # "the French channel France 24": the name follows its description
            raw, end = _strip_article(named_after.group("name")).rstrip("."), named_after.end()
        name = _outlet_name(raw, registry)
        if not name or name in exclude or name in found:
            continue
        if any(name == p or name in p.split() for p in people):
            continue
        sentence_start = text.rfind(".", 0, start) + 1
        found[name] = Outlet(name, Evidence(_last_words(text[sentence_start:end].strip(), 160), "text", 0.85))
    return sorted(found.values(), key=lambda o: text.find(o.evidence.text))


# "(TASS, March 13)", "(Azatutyun, March 12; Kommersant, March 13, 2024)": the source notes that
# analysis pieces put after a claim. "(Moscow, March 13)" has the same shape; the registry,
# which knows no outlet called Moscow, tells the two apart.
_NOTE_DATE = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,\s*\d{4})?"
_DATED_NOTE = rf"(?:see\s+)?[A-Z][\w.&'’/\- ]{{0,38}}?,\s*{_NOTE_DATE}"
_SOURCE_NOTES = guarded(re.compile(rf"\((?P<notes>{_DATED_NOTE}(?:\s*;\s*{_DATED_NOTE})*)\)"))
_ONE_NOTE = re.compile(r"(?:see\s+)?(?P<name>[A-Z][\w.&'’/\- ]{0,38}?),")


def _source_notes(text: str, registry: Registry) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each outlet a bracketed source note names, when the registry knows it.

    A bracket of a name and a date is a citation in analysts' prose, but the
    name might as well be a place or a ministry, so only a known outlet counts."""
    for match in _SOURCE_NOTES.finditer(text):
        for note in match.group("notes").split(";"):
            named = _ONE_NOTE.match(note.strip())
            if named and known_outlet(named.group("name"), registry):
                yield match.start(), match.end(), named.group("name")


# "Source: TASS", "Sources: Reuters, AFP and Azatutyun", "(With input from Xinhua)": the page's credit
# line, taken out of the body as furniture, still says whose text this is.
_CREDIT_LINES = (
    re.compile(r"^\s*sources?\s*:\s*(?P<names>.+?)\s*\.?\s*$", re.IGNORECASE),
    re.compile(
        r"^\s*\(?with (?:inputs?|reporting|additional reporting) from (?P<names>[^()]+?)\)?\.?\s*$", re.IGNORECASE
    ),
    # a reference to another article: '"Putin: Armenia not ready ..." — TASS, November 28, 2024'
    re.compile(r"^(?:[^\"“”]{1,60}\.\s+)?[\"“][^\"“”]{8,200}[\"”]\s*[—–-]\s*(?P<names>[^,]{2,40}),\s*[^\"“”]{3,30}$"),
)
_CREDIT_SPLIT = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*")


def credited_outlets(lines: tuple[str, ...] | list[str], registry: Registry, exclude: set[str]) -> list[Outlet]:
    """Outlets that a credit line among `lines` (the furniture taken out of the body) names.

    Only outlets the registry knows count: "Source: press service of the
    ministry" names no outlet."""
    found: dict[str, Outlet] = {}
    for line in lines:
        credit = next(filter(None, (shape.match(line) for shape in _CREDIT_LINES)), None)
        if not credit:
            continue
        for raw in _CREDIT_SPLIT.split(credit.group("names")):
            name = known_outlet(_strip_article(raw), registry)
            if name and name not in exclude and name not in found:
                found[name] = Outlet(name, Evidence(line.strip(), "credit", 0.8))
    return list(found.values())


def _citations(text: str):
    """(start, end, name) of each "told NAME" and "NAME reports". The second kind is
    found from its verb, looking back a short way, so the text is not scanned
    for a name at every capital letter."""
    for match in _CITING_BEFORE.finditer(text):
        end = match.end() + (text[match.end() : match.end() + 1] in ('"', "”", "»", "“"))  # the closing mark too
        yield match.start(), end, match.group("name")
    for verb in _AFTER_VERB.finditer(text):
        window_start = max(0, verb.start() - 90)
        window = text[window_start : verb.start()]
        named = _NAME_AT_END.search(window.rstrip('"”»'))  # the first such name; `"Kommersant" writes` is quoted
        if named:
            yield window_start + named.start(), verb.end(), named.group("name")


def _last_words(text: str, limit: int) -> str:
    """The end of `text`, at most `limit` characters, starting at a whole word."""
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    space = cut.find(" ")
    return cut[space + 1 :] if 0 <= space < limit // 2 else cut


# `Report.az`, `CALIBER.AZ`, `www.kaktus.media`: a site's address printed as its name, on one of the region's
# or the web's common top-level domains (`U.S.` or `Ph.D.` is on none).
_SITE_ADDRESS = re.compile(
    r"(?:www\.)?(?P<site>[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:kz|kg|uz|tj|tm|am|az|ge|by|ru|ua|md|mn|af|cn|ir|"
    r"tr|pk|in|eu|uk|de|fr|pl|lt|lv|ee|us|asia|media|info|news|online|press|today|tv|io|com|org|net))",
    re.IGNORECASE,
)


def site_address(name: str) -> str | None:
    """The site `name` is the address of (`Tolkun.kg`), or None when it is not one: a masthead that
    names its site so need not be in the registry to be an outlet's. Written as the page writes
    it, or in small letters as a URL writes it when the page prints it in capitals (`BALTNEWS.TJ`)."""
    match = _SITE_ADDRESS.fullmatch(name.strip())
    if match is None:
        return None
    site = match["site"]
    return site if any(c.islower() for c in site) else site.lower()


def _is_known(name: str, registry: Registry) -> bool:
    return name.lower() in registry.outlet_by_alias


def known_outlet(name: str, registry: Registry) -> str | None:
    """The registry's name for `name` ("Trend News Agency" -> "Trend"), or None when it knows no such outlet."""
    canonical = canonical_outlet(name, registry)
    return canonical if _is_known(canonical, registry) else None


def _strip_article(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE).strip(" .,;:")


# "Russia's TASS news agency", "Kazakhstan's state-run Khabar": the country's name is not the outlet's.
_POSSESSIVE_LEAD = re.compile(r"^[A-Z][\w-]+['’]s\s+(?:(?:state|state-run|state-owned|official|leading|main)\s+)*")


def _outlet_name(raw: str, registry: Registry) -> str | None:
    owned = _POSSESSIVE_LEAD.sub("", raw)
    if owned != raw and owned:
        name = _outlet_name(owned, registry)
        if name:
            return name
    # "Natsionalnaya Oborona (National Defense) magazine" -> "National Defense magazine"
    paren = re.match(r"^(?P<orig>[^()]+?)\s*\((?P<tr>[^)]+)\)\s*(?P<kind>.*)$", raw)
    if paren:
        raw = f"{paren['tr']} {paren['kind']}".strip()
    canonical = canonical_outlet(raw, registry)
    if _is_known(canonical, registry) or canonical != raw.strip(" .,;:'\"“”«»"):
        return canonical
    if re.search(
        r"\b(the\s+)?(csto|organi[sz]ation|ministry|government|council|secretariat|press (center|service))\b",
        raw,
        re.IGNORECASE,
    ):
        return None
    if _OUTLET_WORDS.search(raw) or _is_adjectival_title(raw):
        return raw
    return None


def _is_adjectival_title(raw: str) -> bool:
    """A title of two or three capitalised words opening with a Russian adjective ("Sovetskaya
    Belorussiya", "Literaturnaya Rossiya"), which no person's name does. Only asked of a name
    a verb of reporting credits, and one the people rules did not take for a person."""
    words = raw.split()
    return 2 <= len(words) <= 3 and bool(TITLE_ADJECTIVE.match(words[0])) and all(w[0].isupper() for w in words)


# "© 2024 Kazinform", "Copyright © Trend News Agency. All rights reserved", "(c) AKIpress 2023",
# "All rights reserved. © Mediamax": the holder, with the years and the reservation around it.
_YEARS = r"(?:(?:19|20)\d\d(?:\s*[-–—]\s*(?:19|20)\d\d)?)"
_COPYRIGHT_LINE = re.compile(
    r"^(?:all rights (?:are )?reserved\s*[.,]?\s*)?"
    r"(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:" + _YEARS + r"\s*,?\s*)?"
    r"(?P<holder>[^\s©,.;:()|][^©;:()|\n]{0,58}?)"
    r"\s*,?\s*(?:" + _YEARS + r")?\s*(?:[.,|]\s*(?:all rights (?:are )?reserved\s*\.?\s*)?)?$",
    re.IGNORECASE,
)
# A holder that is no publisher: the reservation itself, or the site speaking of itself.
_GENERIC_HOLDER = frozenset({
    "all rights reserved", "all rights are reserved", "rights reserved", "copyright", "the site", "site", "website",
    "the website", "the editors", "editors", "editorial board", "the editorial board", "staff", "the authors",
    "authors", "the author", "author", "photo", "image", "video", "all", "us",
})  # fmt: skip
_EDGE_LINES = 3  # how many lines at the top and at the bottom of the text a copyright line may stand on


def copyright_outlet(text: str, registry: Registry, people: set[str]) -> Outlet | None:
    """The publisher a copyright line at the top or the bottom of the text names, or None.

    For an article that names its publisher nowhere else: a caller asks this only when no URL,
    dateline, masthead, byline or front matter does, and its evidence is weaker than theirs. A
    holder counts when the registry knows it as an outlet or its name looks like one (a domain, or
    a word such as "Agency", "Times", "Pravda"), and it is no person's name: a photographer or
    an author holds the rights of their own work, and "All rights reserved" alone names no one."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    edges = lines[:_EDGE_LINES] + lines[_EDGE_LINES:][-_EDGE_LINES:]
    for line in edges:
        match = _COPYRIGHT_LINE.match(line)
        if not match:
            continue
        holder = _strip_article(match.group("holder"))
        name = _copyright_holder(holder, registry, people)
        if name:
            known = _is_known(name, registry)
            return Outlet(
                name,
                Evidence(line, "copyright-line", 0.6 if known else 0.5, note="the holder of the page's copyright"),
            )
    return None


def _copyright_holder(holder: str, registry: Registry, people: set[str]) -> str | None:
    """The outlet's name for a copyright holder, or None when the holder is no outlet."""
    if not holder or holder.lower() in _GENERIC_HOLDER or holder in people or gender_of(holder) is not None:
        return None
    known = known_outlet(holder, registry)
    if known:
        return known
    if not holder[0].isupper() and not holder[0].isdigit():
        return None
    return holder if (_OUTLET_WORDS.search(holder) or _is_adjectival_title(holder)) else None
