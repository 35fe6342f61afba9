"""Strings a regular expression cannot match without: a cheap test before the regex.

Theme patterns are searched case-blind in every article and then in every
sentence, and most texts hold none of the words they need. `clues` reads a
pattern's parse tree and gives lower-case strings of which every match
contains at least one, or None when it cannot tell. A text holding none of
them cannot match, so the regex need not run; the answer is the same, only
sooner.

Case-blind matching equates an ASCII letter with its other case and with
four other characters (İ ı ſ K). `lowered` gives the lower-cased text only
when it has none of those four, and clues hold only ASCII, so for such a text
"the pattern matches" implies "a clue is a substring of the lowered text".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Clues = frozenset[str] | None

_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")  # non-ASCII, yet case-blind equal to an ASCII letter

try:  # the parser behind `re`; if it ever moves, patterns simply get no clues
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None  # type: ignore[assignment]


def lowered(text: str) -> str | None:
    """`text` lower-cased for `may_match`, or None if clues cannot be trusted on it."""
    return None if _ODD_CASE.search(text) else text.lower()


def may_match(clues: Clues, lowered_text: str | None) -> bool:
    """False only when the text surely holds none of the clues.

    `map` over the text's own `__contains__` runs the loop in C: this is asked
    for every sentence and theme."""
    return clues is None or lowered_text is None or any(map(lowered_text.__contains__, clues))


def clues(pattern: str) -> Clues:
    """Lower-case strings one of which every case-blind match of `pattern` contains."""
    if _sre_parse is None:
        return None
    try:
        found = _sequence(_sre_parse.parse(pattern, re.IGNORECASE).data)
    except Exception:  # an unknown construct: no clues, never a wrong answer
        return None
    if not found or not all(s.isascii() for s in found):
        return None
    return _minimal({s.lower() for s in found})


def clues_of_any(patterns: Iterable[str]) -> Clues:
    """Clues of an alternation of `patterns`: a match of any of them."""
    union: set[str] = set()
    for pattern in patterns:
        own = clues(pattern)
        if own is None:
            return None
        union |= own
    return _minimal(union) if union else None


def is_local(pattern: str) -> bool:
    """True when whether `pattern` matches a stretch of text depends only on that stretch
    and on whether its neighbours are word characters: no `^`, `$` or lookaround.

    Such a pattern that matches a sentence also matches any text the sentence
    stands in between spaces or punctuation, so that text need not be searched
    first to rule it out."""
    if _sre_parse is None:
        return False
    try:
        return _local(_sre_parse.parse(pattern, re.IGNORECASE).data)
    except Exception:
        return False


_PLAIN = () if _sre is None else (_sre.LITERAL, _sre.NOT_LITERAL, _sre.ANY, _sre.IN, _sre.GROUPREF)


def _local(items) -> bool:
    for op, av in items:
        if op is _sre.AT:
            if av is not _sre.AT_BOUNDARY and av is not _sre.AT_NON_BOUNDARY:
                return False
        elif op is _sre.SUBPATTERN:
            if not _local(av[-1].data):
                return False
        elif op is _sre.BRANCH:
            if not all(_local(alternative.data) for alternative in av[1]):
                return False
        elif op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT or op is _sre.POSSESSIVE_REPEAT:
            if not _local(av[2].data):
                return False
        elif op is _sre.ATOMIC_GROUP:
            if not _local(av.data):
                return False
        elif not any(op is safe for safe in _PLAIN):
            return False  # lookarounds, conditionals and anything unknown
    return True


def _minimal(found: set[str]) -> frozenset[str]:
    """Without strings that contain another clue: where they occur, so does it."""
    return frozenset(s for s in found if not any(o != s and o in s for o in found))


def required(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of lower-case strings, every case-blind match of `pattern` holding one of each set.

    Where `clues` keeps the most telling item of the pattern, this keeps every
    item that gives clues: a text must hold one string of each set."""
    if _sre_parse is None:
        return ()
    try:
        found = _candidates(_sre_parse.parse(pattern, re.IGNORECASE).data)
    except Exception:  # an unknown construct: no clues, never a wrong answer
        return ()
    return tuple(_minimal({s.lower() for s in own}) for own in found if all(s.isascii() for s in own))


def _sequence(items) -> set[str] | None:
    """Every item of a sequence must match, so the most telling item's clues do."""
    candidates = _candidates(items)
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(len, c)), -len(c)))


def _candidates(items) -> list[set[str]]:
    """The clues of each item of a sequence that has any: every match holds one string of each."""
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))  # consecutive literals are one string in every match
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        own = _item(op, av)
        if own:
            candidates.append(own)
    if run:
        candidates.append({"".join(run)})
    return candidates


def _item(op, av) -> set[str] | None:
    if op is _sre.SUBPATTERN:
        return _sequence(av[-1].data)
    if op is _sre.BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            own = _sequence(alternative.data)
            if not own:
                return None  # one alternative needs nothing: the branch needs nothing
            union |= own
        return union
    if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT or op is _sre.POSSESSIVE_REPEAT:
        least, _most, body = av
        return _sequence(body.data) if least >= 1 else None
    if op is _sre.ATOMIC_GROUP:
        return _sequence(av.data)
    if op is _sre.IN and 0 < len(av) <= 4 and all(kind is _sre.LITERAL for kind, _ in av):
        return {chr(code) for _, code in av}
    return None  # classes, anchors, lookarounds, backreferences: true of the match but no string
