"""Publication dates: where they may stand, and how they are written.

Only a header line, a byline under the title, a dateline, the article's URL,
a date alone on its last line or a credit line closing it (`Source: TASS,
15 October 2021`) may give the publication date. A date in the
running text or in a photo caption is an event's date, never the article's.

The formats are matched by explicit patterns rather than a general parser:
`dateutil` fills a missing year or day from today's date, which would invent
exactly the dates an analyst must not be shown. A date without a year gives
no date at all. A numeric date that reads both ways (`03/10/2023`, in a header,
under the headline, on the last line or in the dateline) gives one only when
the article's dateline or lead names one of its two days in words
(`settle_ambiguous`), and then with the numeric date's year; otherwise none,
with a note saying why (`describe_unread`). A dotted date (`05.06.2024`) is
read day first, as it is written wherever dots are used, and is not ambiguous.
"""

from __future__ import annotations

import calendar
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
        # 2024/06/12 and 2024.06.12, year first as East Asian and some regional sites print it: read one
        # way only (no one writes the day before the month after the year). Not in a URL's path.
        (
            r"(?<![\w/.])(?P<year>(?:19|20)\d\d)(?P<sep>[/.])(?P<mnum>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?![\d/]|\.\d)",
            "day",
        ),
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
    `2024/03/12`, `2024.03.12`, `12.03.2024`, `12 марта 2024`, and `March 2024` (month precision). A slash
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
        r"|\b(read|views?|просмотр\w*)\s*:?\s*\d[\d\s,.]*"
        # a journal's "Age: 1 year", how old the page was when it was saved
        r"|\bage\s*:\s*\d+\s+(?:year|month|week|day|hour)s?\b)",
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


# --- A numeric date that reads both ways, and the words that may settle it ---------------------

# 03/10/2023 or 03-10-2023: both numbers may be a month (and differ), so it is 3 October or 10 March.
_BOTH_WAYS = guarded(
    re.compile(
        r"(?<![\d/.-])(?P<first>0?[1-9]|1[0-2])(?P<sep>[/-])(?P<second>0?[1-9]|1[0-2])(?P=sep)"
        r"(?P<year>(?:19|20)\d\d)(?!\d|-\d)"
    )
)


@dataclass(frozen=True)
class AmbiguousDate:
    """A numeric date that reads as two days (`03/10/2023`: 3 October or 10 March 2023)."""

    words: str  # the numeric date as written
    day_first: FoundDate
    month_first: FoundDate

    def readings(self) -> tuple[FoundDate, FoundDate]:
        return self.day_first, self.month_first


def ambiguous_date(text: str) -> AmbiguousDate | None:
    """The first numeric date in `text` that `parse_date` refuses because it reads both ways.

    `03/10/2023` gives both readings; `28/03/2024` (only one) and `03/03/2024`
    (the same either way) are not ambiguous, and give None."""
    for match in _BOTH_WAYS.finditer(text):
        first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
        if first == second:
            continue
        words = match.group(0)
        return AmbiguousDate(
            words,
            FoundDate(f"{year:04d}-{second:02d}-{first:02d}", "day", words),
            FoundDate(f"{year:04d}-{first:02d}-{second:02d}", "day", words),
        )
    return None


def ambiguous_byline_date(line: str, other_words: int = 3) -> AmbiguousDate | None:
    """The ambiguous date of a line that is mostly a date, as `byline_date` reads one: `03/10/2023 10:20`."""
    if parse_date(line) is not None:
        return None
    found = ambiguous_date(line)
    if found is None:
        return None
    rest = _BYLINE_NOISE.sub(" ", line.replace(found.words, " "))
    return found if len(re.findall(r"[^\W\d_]{2,}", rest)) <= other_words else None


_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
_WORD_WEEKDAY = r"(?:(?P<weekday>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\b\.?,?\s+)?"
_WORD_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
# A day not inside a range or a number ("3-4 October", "October 3-4" and "October 2023" name no one day).
_WORD_DAY = r"(?<![\d./–-])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d.,]?\d|\s*[-–]\s*\d)"
_WORD_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"
_WORDED_DAYS = tuple(
    guarded(re.compile(p, re.IGNORECASE))
    for p in (
        r"\b" + _WORD_WEEKDAY + r"(?:the\s+)?" + _WORD_DAY + r"\s+(?:of\s+)?" + _WORD_MONTH + _WORD_YEAR,
        r"\b" + _WORD_WEEKDAY + _WORD_MONTH + r"\s+" + _WORD_DAY + r"\b" + _WORD_YEAR,
    )
)


@dataclass(frozen=True)
class WordedDay:
    """A day named with its month in words, with or without a weekday and a year (`on Tuesday, October 3`)."""

    month: int
    day: int
    year: int | None
    weekday: int | None  # Monday is 0
    words: str

    def agrees_with(self, found: FoundDate) -> bool:
        """Whether this is the day `found` gives: the same month and day, and the same year and
        weekday where the words give one."""
        day = dt.date.fromisoformat(found.value)
        if (self.month, self.day) != (day.month, day.day) or self.year not in (None, day.year):
            return False
        return self.weekday is None or self.weekday == day.weekday()


def worded_days(text: str) -> list[WordedDay]:
    """Every day `text` names with its month in words: `October 3`, `3 October`, `on Tuesday, Oct. 3`,
    `3 октября`. An English month in lower case is none (`officials may 3 ...` names no day)."""
    found: list[tuple[int, WordedDay]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _WORDED_DAYS:
        for match in pattern.finditer(text):
            month_word = match["month"]
            if month_word.isascii() and month_word[0].islower():
                continue
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            month, day = MONTHS[month_word.lower().rstrip(".")], int(match["day"])
            year = int(match["year"]) if match["year"] else None
            if not _valid(year or 2000, month, day):  # 2000 was a leap year: 29 February is a day
                continue
            weekday = _WEEKDAYS[match["weekday"].lower()] if match["weekday"] else None
            taken.append(match.span())
            found.append((match.start(), WordedDay(month, day, year, weekday, match.group(0).strip(" ,."))))
    return [day for _, day in sorted(found, key=lambda pair: pair[0])]


def settle_ambiguous(date: AmbiguousDate, places: list[tuple[str, str]]) -> tuple[FoundDate, str] | None:
    """The reading of an ambiguous numeric date that the words agree with, and which words they were.

    `places` are (where, text) pairs from the same article, such as its
    dateline and its lead, which may name the day in words ("MOSCOW, October 3
    (TASS) -", "On 3 October ..."). A reading is chosen only when the days so
    named agree with exactly one of the two: words agreeing with neither, or
    with both, settle nothing. The year is always the numeric date's: a day
    named without a year only tells which number is the month, and one named
    with another year agrees with no reading."""
    agreeing: dict[str, list[str]] = {}
    for where, text in places:
        for named in worded_days(text):
            for reading in date.readings():
                if named.agrees_with(reading):
                    agreeing.setdefault(reading.value, []).append(f"{where} ({named.words!r})")
    if len(agreeing) != 1:
        return None
    value, said = next(iter(agreeing.items()))
    reading = next(r for r in date.readings() if r.value == value)
    return reading, " and ".join(dict.fromkeys(said))


def _spoken(found: FoundDate) -> str:
    day = dt.date.fromisoformat(found.value)
    return f"{day.day} {calendar.month_name[day.month]}"


def describe_reading(date: AmbiguousDate, reading: FoundDate, where: str, settled_by: str) -> str:
    """The evidence note of a numeric date read one way: where it was, its two readings, what settled it."""
    other = date.month_first if reading is date.day_first else date.day_first
    year = reading.value[:4]
    return (
        f"{date.words!r} {where} reads as {_spoken(reading)} or {_spoken(other)} {year}; "
        f"{settled_by} names {_spoken(reading)}, so it is read as {_spoken(reading)} {year}"
    )


def describe_unread(date: AmbiguousDate, where: str, looked_in: list[str]) -> str:
    """The note of a numeric date nothing settled: where it was, its two readings, and where words
    were looked for that would have told which (`looked_in`: "the dateline", "the lead"). It gives
    no date, rather than a guess."""
    places = " or ".join(looked_in)
    told = f"no day named in words in {places} tells which" if places else "nothing tells which"
    return (
        f"{date.words!r} {where} reads as {_spoken(date.day_first)} or {_spoken(date.month_first)} "
        f"{date.day_first.value[:4]}; {told}, so it gives no date"
    )
