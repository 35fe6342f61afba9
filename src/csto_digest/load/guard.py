"""Regex searches that skip what cannot match: the same matches, found sooner.

`guarded`: a lookahead of the characters a match can start with.

Python's regex engine skips ahead to a possible first character only when a
pattern starts with a literal or a class and is not case-blind. A case-blind
pattern that opens with a long alternation ("january|february|...",
"reports|writes|according to|...") is instead tried in full at every
position of the text, each alternative in turn. `guarded` reads the
pattern's parse tree for the characters a match can open with and puts them
in front as one lookahead class, in the pattern's own case mode: a position
that cannot start a match now fails on one character test.

The lookahead only states what every match already satisfies, so the
matches, their groups and their order are those of the pattern itself. When
the parse tree holds anything not understood here (or a match can be empty),
the pattern is returned as it is. So is a pattern the engine already skips
ahead for (one opening with a literal or a class that case does not touch):
a lookahead in front would only hide that from it.

`tail_start`: for a pattern anchored at the end (`...$`) whose matches have a
longest length, where in a text a search need start.
"""

from __future__ import annotations

import re

try:  # the parser behind `re`; if it ever moves, patterns are simply left unguarded
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre = _sre_parse = None  # type: ignore[assignment]

_CATEGORIES = (
    {}
    if _sre is None
    else {
        _sre.CATEGORY_DIGIT: r"\d",
        _sre.CATEGORY_NOT_DIGIT: r"\D",
        _sre.CATEGORY_SPACE: r"\s",
        _sre.CATEGORY_NOT_SPACE: r"\S",
        _sre.CATEGORY_WORD: r"\w",
        _sre.CATEGORY_NOT_WORD: r"\W",
    }
)


class _Unknown(Exception):
    """A construct whose first characters are not worked out here."""


class _Firsts:
    """Class items a match can open with, kept apart by the case mode they are matched in."""

    def __init__(self) -> None:
        self.blind: set[str] = set()  # matched case-blind
        self.exact: set[str] = set()  # matched as written

    def add(self, item: str, ignore_case: bool) -> None:
        (self.blind if ignore_case else self.exact).add(item)

    def lookahead(self) -> str:
        parts = [
            f"(?{mode}:[{''.join(sorted(items))}])" for mode, items in (("i", self.blind), ("-i", self.exact)) if items
        ]
        return "(?=" + "|".join(parts) + ")"


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` with a lookahead of its possible first characters in front (see the module's doc)."""
    if _sre_parse is None or not isinstance(pattern.pattern, str):
        return pattern
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
        ignore_case = bool(tree.state.flags & re.IGNORECASE)
        if _engine_skips_ahead(tree.data, ignore_case):
            return pattern
        firsts = _Firsts()
        if _sequence(tree.data, ignore_case, firsts):
            return pattern  # a match can be empty: nothing to look ahead for
        return re.compile(firsts.lookahead() + f"(?:{pattern.pattern})", pattern.flags)
    except (_Unknown, re.error, RecursionError, AttributeError, TypeError, ValueError):
        return pattern


_reaches: dict[re.Pattern[str], tuple[int]] = {}  # pattern -> (longest match, or -1 when unbounded or unanchored)


def tail_start(pattern: re.Pattern[str], text: str) -> int:
    """Where a search for `pattern`, a pattern ending in `$`, need start in `text`.

    A match ends at the end of the text (or before a final newline), so it starts
    no further back than the longest match the pattern can make: the search skips
    the rest (lookbehinds and word boundaries still see the characters before)."""
    reach = _longest_match(pattern)
    return 0 if reach is None else max(0, len(text) - reach - 1)


def _longest_match(pattern: re.Pattern[str]) -> int | None:
    if _sre_parse is None:
        return None
    cached = _reaches.get(pattern)
    if cached is None:
        try:
            tree = _sre_parse.parse(pattern.pattern, pattern.flags)
            anchored = bool(tree.data) and tree.data[-1] == (_sre.AT, _sre.AT_END)
            longest = tree.getwidth()[1]
            cached = _reaches[pattern] = (longest if anchored and longest < _sre.MAXREPEAT else -1,)
        except (re.error, RecursionError, AttributeError, TypeError, ValueError):
            cached = _reaches[pattern] = (-1,)
    return None if cached[0] < 0 else cached[0]


def _engine_skips_ahead(items, ignore_case: bool) -> bool:
    """Whether the engine finds the pattern's possible starts itself: it opens with a
    literal, a class or an alternation of literals, none of them case-blind and cased."""
    while items and items[0][0] is _sre.SUBPATTERN:
        _group, add_flags, del_flags, body = items[0][1]
        ignore_case = bool(add_flags & re.IGNORECASE) or (ignore_case and not del_flags & re.IGNORECASE)
        items = body.data
    if not items:
        return False
    op, av = items[0]
    if op is _sre.LITERAL:
        return not (ignore_case and _cased(av))
    if op is _sre.IN:
        return not ignore_case or all(kind is _sre.CATEGORY or not _cased_item(kind, value) for kind, value in av)
    if op is _sre.BRANCH:
        return all(
            alternative.data
            and alternative.data[0][0] is _sre.LITERAL
            and not (ignore_case and _cased(alternative.data[0][1]))
            for alternative in av[1]
        )
    return False


def _cased(code: int) -> bool:
    char = chr(code)
    return char.lower() != char or char.upper() != char


def _cased_item(kind, value) -> bool:
    if kind is _sre.LITERAL:
        return _cased(value)
    if kind is _sre.RANGE:
        return any(_cased(code) for code in range(value[0], value[1] + 1))
    return True


def _sequence(items, ignore_case: bool, firsts: _Firsts) -> bool:
    """Add the first characters of a sequence; True if the whole sequence can match empty."""
    return all(_item(op, av, ignore_case, firsts) for op, av in items)


def _item(op, av, ignore_case: bool, firsts: _Firsts) -> bool:
    """Add the first characters of one item; True if it can match empty (then the next item counts too)."""
    if op is _sre.LITERAL:
        firsts.add(re.escape(chr(av)), ignore_case)
        return False
    if op is _sre.IN:
        for kind, value in av:
            firsts.add(_class_item(kind, value), ignore_case)
        return False
    if op is _sre.AT or op is _sre.ASSERT or op is _sre.ASSERT_NOT:
        return True  # zero width: the character comes from what follows
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, body = av
        if add_flags & re.IGNORECASE:
            ignore_case = True
        if del_flags & re.IGNORECASE:
            ignore_case = False
        return _sequence(body.data, ignore_case, firsts)
    if op is _sre.BRANCH:
        empty = False
        for alternative in av[1]:
            empty = _sequence(alternative.data, ignore_case, firsts) or empty
        return empty
    if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT or op is _sre.POSSESSIVE_REPEAT:
        least, _most, body = av
        return _sequence(body.data, ignore_case, firsts) or least == 0
    if op is _sre.ATOMIC_GROUP:
        return _sequence(av.data, ignore_case, firsts)
    raise _Unknown(op)  # any character, negated literals, backreferences, conditionals


def _class_item(kind, value) -> str:
    if kind is _sre.LITERAL:
        return re.escape(chr(value))
    if kind is _sre.RANGE:
        return f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}"
    if kind is _sre.CATEGORY and value in _CATEGORIES:
        return _CATEGORIES[value]
    raise _Unknown(kind)  # a negated class: its complement is not one class item
