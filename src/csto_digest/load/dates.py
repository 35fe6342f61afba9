"""Publication dates: where they may stand, and how they are written.

Only a header line, a byline under the title, a dateline, the article's URL
or a date alone on its last line may give the publication date. A date in the
running text or in a photo caption is an event's date, never the article's.

The formats are matched by explicit patterns rather than a general parser:
`dateutil` fills a missing year or day from today's date, which would invent
exactly the dates an analyst must not be shown. A date without a year gives
no date at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .guard import guarded

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
    # Russian, genitive and nominative
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"

# Each pattern yields named groups year, month (name or number) and maybe day.
DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (guarded(re.compile(p, re.IGNORECASE)), precision)
    for p, precision in (
        (r"(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)(?![\d])", "day"),
        (_WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, "day"),
        (_WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, "day"),
        # 28-Nov-2024, as CGTN and some Chinese and Indian sites print it
        (r"(?<![\w-])(?P<day>[0-3]?\d)-" + _MONTH + "-" + _YEAR + r"(?![\d])", "day"),
        (r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mnum>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d])", "day"),
        # 28/03/2024 and 28-03-2024 alike (a dash is as common as a slash on post-Soviet sites)
        (
            r"(?<![\d/-])(?P<day>[0-3]?\d)(?P<sep>[/-])(?P<mnum>[01]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?!\d|-\d)",
            "day-slash",
        ),
        (
            r"(?<![\d/-])(?P<mnum>[01]?\d)(?P<sep>[/-])(?P<day>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?!\d|-\d)",
            "month-slash",
        ),
        (_MONTH + r",?\s+" + _YEAR, "month"),
    )
)
_YEAR_ANYWHERE = re.compile(r"(?:19|20)\d\d")
_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)[/-]?(?P<mnum>[01]\d)[/-]?(?P<day>[0-3]\d)(?=[/\-_.]|\d{3,}|$)")


@dataclass(frozen=True)
class FoundDate:
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day, month, year
    words: str  # the words it was read from


def _valid(year: int, month: int, day: int | None) -> bool:
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return 1990 <= year <= 2100


def parse_date(text: str) -> FoundDate | None:
    """The first complete date written in `text`, or None.

    `12 March 2024`, `March 12, 2024`, `Wed 15th September 2021`, `2024-03-12`,
    `12.03.2024`, `12 марта 2024`, and `March 2024` (month precision). A slash
    date is read only when it cannot be read the other way: 28/03/2024 day-first,
    03/28/2024 month-first, 03/04/2024 not at all."""
    if not _YEAR_ANYWHERE.search(text):
        return None  # every format we read has a year
    best: tuple[int, FoundDate] | None = None
    invalid: list[tuple[int, int]] = []  # spans of impossible dates ("31 February 2024")
    for pattern, precision in DATE_PATTERNS:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e for s, e in invalid):
                continue
            found = _from_match(match, precision)
            if found is None and precision == "day":
                invalid.append(match.span())
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found)
                break
    return best[1] if best else None


def _from_match(match: re.Match[str], precision: str) -> FoundDate | None:
    groups = match.groupdict()
    year = int(groups["year"])
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower().rstrip(".")]
    day = int(groups["day"]) if groups.get("day") else None
    if precision == "day-slash":
        # 03/04/2024 is ambiguous between day- and month-first; read it only when it is not.
        if day is not None and day <= 12 and month <= 12 and day != month:
            return None
        precision = "day"
    elif precision == "month-slash":
        # 03/28/2024, as American pages write it: month-first only when the day cannot be a month.
        if day is None or day <= 12:
            return None
        precision = "day"
    if not _valid(year, month, day):
        return None
    words = match.group(0).strip()
    if precision == "day" and day is not None:
        return FoundDate(f"{year:04d}-{month:02d}-{day:02d}", "day", words)
    return FoundDate(f"{year:04d}-{month:02d}", "month", words)


def date_from_url(url: str) -> FoundDate | None:
    """A date written in the URL's path (`/20240328/`, `/2024/03/28/`)."""
    match = _URL_DATE.search(url)
    if not match:
        return None
    year, month, day = int(match["year"]), int(match["mnum"]), int(match["day"])
    if not _valid(year, month, day):
        return None
    return FoundDate(f"{year:04d}-{month:02d}-{day:02d}", "day", match.group(0).strip("/"))


_BYLINE_NOISE = guarded(
    re.compile(
        r"(\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?|\b(gmt|utc|msk|updated|published|posted|date|on|at)\b|[|•·,:\-–—/]"
        r"|\b(read|views?|просмотр\w*)\s*:?\s*\d[\d\s,.]*)",
        re.IGNORECASE,
    )
)


# "Updated 3 hours ago", "Posted: yesterday, 14:05", "5 минут назад": a time counted from when
# the page was read, which the saved text no longer knows. It gives no date, ever.
_RELATIVE_TIME = guarded(
    re.compile(
        r"(?:(?:updated|published|posted|edited|last updated)\s*:?\s*)?"
        r"(?:(?:\d+|an?|one)\s+(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?\s+ago"
        r"|\d+\s+\w+\s+назад|just now|yesterday|today|вчера|сегодня)"
        r"(?:\s*[,|·•]?\s*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?",
        re.IGNORECASE,
    )
)


def is_relative_time(line: str) -> bool:
    """True for a line that only says how long ago the page was published or updated.

    Such a line is page furniture; the date it implies depends on the day the
    page was saved, so it is never turned into a date."""
    return bool(_RELATIVE_TIME.fullmatch(line.strip()))


def byline_date(line: str, other_words: int = 3) -> FoundDate | None:
    """The date of a line that is mostly a date: `12 March 2024  Read: 487`,
    `Wed 15th September 2021 | 11:50 AM`, `Published: 2024-03-12 10:20`.

    Besides times, labels ("Published", "Updated") and view counts, the line
    may hold at most `other_words` words."""
    found = parse_date(line)
    if not found:
        return None
    rest = line.replace(found.words, " ")
    rest = _BYLINE_NOISE.sub(" ", rest)
    leftover = re.findall(r"[^\W\d_]{2,}", rest)
    return found if len(leftover) <= other_words else None
