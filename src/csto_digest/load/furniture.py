"""Page furniture: the lines a web page puts around an article.

The patterns are data (`defaults/furniture.yml`); this module compiles them
once and answers "is this line furniture, and if it holds a field, which?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from .clues import clues, lowered
from .text import fold, is_mostly_latin


@dataclass(frozen=True)
class FurniturePatterns:
    line: tuple[re.Pattern[str], ...]
    author: tuple[re.Pattern[str], ...]
    disclaimer: tuple[re.Pattern[str], ...]


@cache
def default_patterns() -> FurniturePatterns:
    text = resources.files("csto_digest").joinpath("defaults/furniture.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(rf"(?:{p})", re.IGNORECASE) for p in data.get(key) or ())

    return FurniturePatterns(compile_all("line"), compile_all("author"), compile_all("disclaimer"))


def _combined(patterns: FurniturePatterns) -> re.Pattern[str]:
    """All line patterns as one alternation: one match per line instead of one per pattern.

    The default patterns, asked for on every line, skip hashing the whole set."""
    if patterns is default_patterns():
        return _default_combined()
    return _combined_of(patterns)


@cache
def _default_combined() -> re.Pattern[str]:
    return _combined_of(default_patterns())


@cache
def _combined_of(patterns: FurniturePatterns) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns.line), re.IGNORECASE)


# A pattern opening with a wildcard (`.{0,400}purchase licensing rights`) costs as much to fail
# on a line as to match one: such a pattern is tried only on lines holding one of its clues.
_OPENS_WIDE = re.compile(r"^(?:\(\?:)?(?:\\\*\?|\()?\.")


@cache
def _split(patterns: FurniturePatterns) -> tuple[re.Pattern[str], tuple[tuple[frozenset[str], re.Pattern[str]], ...]]:
    """The line patterns as one alternation of those cheap to try on any line, and the wide ones
    with their clues (see `clues`): the same answer as the whole alternation, sooner."""
    plain: list[str] = []
    wide: list[tuple[frozenset[str], re.Pattern[str]]] = []
    for pattern in patterns.line:
        found = clues(pattern.pattern) if _OPENS_WIDE.match(pattern.pattern) else None
        if found:
            wide.append((found, pattern))
        else:
            plain.append(f"(?:{pattern.pattern})")
    return re.compile("|".join(plain) or "(?!)", re.IGNORECASE), tuple(wide)


@cache
def _default_split() -> tuple[re.Pattern[str], tuple[tuple[frozenset[str], re.Pattern[str]], ...]]:
    return _split(default_patterns())


def _fullmatches(folded: str, patterns: FurniturePatterns) -> bool:
    """Whether some line pattern matches the whole of `folded`."""
    plain, wide = _default_split() if patterns is default_patterns() else _split(patterns)  # no hashing the set
    if plain.fullmatch(folded):
        return True
    low = lowered(folded)
    for found, pattern in wide:
        for clue in found:
            if low is None or clue in low:  # None: the clues cannot be trusted on this text
                if pattern.fullmatch(folded):
                    return True
                break
    return False


def field_line(line: str, patterns: FurniturePatterns | None = None) -> tuple[str, str] | None:
    """("author" | "disclaimer", value) when the line states that field."""
    return folded_field_line(fold(line), patterns)


def folded_field_line(folded: str, patterns: FurniturePatterns | None = None) -> tuple[str, str] | None:
    """`field_line` of a line already folded (the layout folds each line once)."""
    patterns = patterns or default_patterns()
    low: str | None = None
    for name, pattern, found in _default_fields() if patterns is default_patterns() else _fields(patterns):
        if found is not None:
            low = low if low is not None else (lowered(folded) or "")
            if low and not any(clue in low for clue in found):
                continue  # it cannot match
        match = pattern.fullmatch(folded)
        if match:
            return name, fold(match.group(1))
    return None


@cache
def _fields(patterns: FurniturePatterns) -> tuple[tuple[str, re.Pattern[str], frozenset[str] | None], ...]:
    """Each field pattern with its clues when it opens with a wildcard (see `_OPENS_WIDE`)."""
    return tuple(
        (name, pattern, clues(pattern.pattern) if _OPENS_WIDE.match(pattern.pattern) else None)
        for name, group in (("author", patterns.author), ("disclaimer", patterns.disclaimer))
        for pattern in group
    )


@cache
def _default_fields() -> tuple[tuple[str, re.Pattern[str], frozenset[str] | None], ...]:
    return _fields(default_patterns())


def is_furniture(line: str, article_is_latin: bool = True, patterns: FurniturePatterns | None = None) -> bool:
    """True for a line that is page furniture, not article text.

    A short line in another script than the article's (a login prompt in
    Russian under an English article) is furniture too."""
    return folded_is_furniture(fold(line), article_is_latin, patterns)


def folded_is_furniture(folded: str, article_is_latin: bool = True, patterns: FurniturePatterns | None = None) -> bool:
    """`is_furniture` of a line already folded."""
    patterns = patterns or default_patterns()
    if not folded:
        return False
    if _fullmatches(folded, patterns) or _labelled_headline(folded, patterns):
        return True
    return article_is_latin and len(folded) < 120 and not is_mostly_latin(folded)


def _labelled_headline(folded: str, patterns: FurniturePatterns) -> bool:
    """`Read also: Pashinyan again refuses ...`, `Share: Facebook | Twitter`: a furniture
    label and, after its colon, a headline or a list of buttons rather than a sentence."""
    label, colon, rest = folded.partition(":")
    rest = rest.strip()
    if not colon or not rest or len(label) > 40 or rest.endswith(tuple('.!?…"”»')) or len(rest.split()) > 20:
        return False
    return _fullmatches(label.strip(), patterns)


def is_label(folded: str) -> bool:
    """A line that only introduces what follows it: `Read more:`, `Related`, `Читайте также`."""
    return folded.endswith(":") or len(folded.split()) <= 3
