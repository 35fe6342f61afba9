"""What the grouper compares: normalised word stems, sentences and shingles.

Outlets translate and reword the same interview, so exact text rarely
matches. Comparing crude stems of content words (the first six letters of
each word that is not a function word) makes "participated" meet
"participation" and "organisation" meet "organization", while the order of
the stems still separates different sentences built from the same words.

Hashes are CRC-32 rather than Python's `hash`, which is salted per process:
the grouper must give the same output on every run.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable
from datetime import date

from ..model import Article

STEM_LENGTH = 6
SHINGLE_SIZE = 3

COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff]")
WORD = re.compile(r"[^\W_]+")
SENTENCE_BREAK = re.compile(r"(?<=[.!?…;])[\"'”»’)\]]*\s+")

# Function words carry no evidence that two texts say the same thing.
_FUNCTION_WORDS = (
    "a about above after again against all also am an and any are as at be because been before being "
    "below between both but by can could did do does doing down during each either even ever every few "
    "for from further had has have having he her here hers him his how however i if in into is it its "
    "itself just let like may me might more most must my myself neither no nor not now of off on once one "
    "only or other our ours ourselves out over own per rather same shall she should so some such than "
    "that the their theirs them themselves then there these they this those through thus to too under "
    "until up upon us very was we were what when where whether which while who whom whose why will with "
    "within without would yet you your yours "
)
STOPWORDS = frozenset(_FUNCTION_WORDS.split())


def fold(text: str) -> str:
    """Lower case without accents: `É` and `e` are one letter to a comparison."""
    if text.isascii():
        return text.lower()
    return COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def stems(text: str) -> tuple[str, ...]:
    """The content words of `text`, each cut to its first letters."""
    return tuple(w[:STEM_LENGTH] for w in WORD.findall(fold(text)) if w not in STOPWORDS)


def sentences(text: str) -> tuple[tuple[str, ...], ...]:
    """The stems of each sentence of `text`, skipping sentences with no content word."""
    parts = (stems(part) for part in SENTENCE_BREAK.split(text))
    return tuple(part for part in parts if part)


_CODES: dict[str, int] = {}


def word_code(word: str) -> int:
    """A stable 32-bit code of one word, computed once per distinct word."""
    code = _CODES.get(word)
    if code is None:
        code = _CODES[word] = zlib.crc32(word.encode("utf-8"))
    return code


def key(words: Iterable[str]) -> int:
    """A stable 32-bit hash of a run of words."""
    value = 0
    for word in words:
        value = (value * 1000003 ^ word_code(word)) & 0xFFFFFFFF
    return value


def shingles(words: tuple[str, ...], size: int = SHINGLE_SIZE) -> frozenset[int]:
    """Hashes of every run of `size` consecutive words (the whole text if shorter)."""
    if len(words) < size:
        return frozenset((key(words),)) if words else frozenset()
    codes = [word_code(w) for w in words]
    if size != SHINGLE_SIZE:
        return frozenset(key(words[i : i + size]) for i in range(len(words) - size + 1))
    return frozenset(
        ((a * 1000003 ^ b) * 1000003 ^ c) & 0xFFFFFFFF for a, b, c in zip(codes, codes[1:], codes[2:], strict=False)
    )


def date_order(article: Article) -> tuple[bool, str, str]:
    """Earliest first, undated last, then by id: the order of a story's members."""
    return (article.date is None, article.date or "", article.id)


def day_number(article: Article) -> int | None:
    """The article's date as a day count, when it is known to the day."""
    if not article.date or article.date_precision not in ("day", None) or article.date.count("-") != 2:
        return None
    try:
        year, month, day = (int(part) for part in article.date.split("-"))
    except ValueError:
        return None
    try:
        return date(year, month, day).toordinal()
    except ValueError:
        return None
