"""Text helpers shared by the loader's rules: normalising, sentences, words.

Kept apart so that every rule sees the same notion of a "word", a "sentence"
and "the same text", which is what makes duplicate and quote matching agree.
"""

from __future__ import annotations

import re
import unicodedata

from .guard import tail_start

# Non-breaking and other odd spaces seen in pasted web text.
_SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]")
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
# The gap after a sentence's closing mark (group 1). The mark itself is matched, not looked
# behind for, so the regex engine skips from mark to mark instead of trying every position.
SENTENCE_END = re.compile(r"[.!?…]([\"”»’]?\s+)(?=[\"“«„‘(\[]?[A-ZА-ЯЁ0-9])")
# Abbreviations after which a period does not end a sentence.
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|St|Jr|Sr|No|Vol|vs|etc|U\.S|U\.N|[A-Z])\.$")


def normalize_spaces(text: str) -> str:
    """NBSPs and zero-width spaces become plain spaces; line ends become LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _SPACES.sub(" ", text)


def fold(text: str) -> str:
    """Whitespace folded to single spaces, trimmed.

    `str.split()` splits on exactly the characters the regex `\\s` matches
    (both ask `str.isspace`), and is several times faster."""
    return " ".join(text.split())


def words(text: str) -> list[str]:
    """Lower-cased words, apostrophes and hyphens kept inside a word."""
    return WORD.findall(text.lower().replace("’", "'"))


def comparable(text: str) -> str:
    """A form of `text` for equality tests across outlets: case, accents,
    punctuation and quote styles do not matter."""
    text = unicodedata.normalize("NFKD", text)
    return " ".join(words(text))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences in `text`.

    A regex splitter, not a model: good enough to decide which sentence an
    attribution or a theme keyword belongs to, and predictable."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        gap = match.start(1)
        before = text[start:gap].rstrip('"”»’')
        if _ABBREV.search(before, tail_start(_ABBREV, before)):
            continue
        spans.append((start, gap))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in split_sentences(text)]


_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f]")


def is_mostly_latin(text: str) -> bool:
    """At most half the letters are outside the Latin blocks.

    Text with no such letter at all (curly quotes and dashes make most English
    text non-ASCII) is answered without counting its letters."""
    if text.isascii() or not _NON_LATIN_LETTER.search(text):
        return True
    letters = sum(map(str.isalpha, text))
    if not letters:
        return True
    return len(_NON_LATIN_LETTER.findall(text)) / letters <= 0.5


def shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    """Word n-grams; a text shorter than `size` words is one shingle."""
    tokens = words(text)
    if len(tokens) < size:
        return {tuple(tokens)} if tokens else set()
    return set(zip(*(tokens[i:] for i in range(size)), strict=False))  # the shorter slices end it
