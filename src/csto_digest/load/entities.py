"""Places and organisations an article names, by the registry's words for them.

The text is split into words once and runs of one to five words are looked
up in a table of every name and alias, which is much faster than one
case-blind regular expression per entity. Acronyms ("US", "UN") must match
in capitals, so "us" is never the United States.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from ..registry import Entity, Registry

_TOKEN = re.compile(r"\w+(?:[-.’']\w+)*\.?")
_INITIALS = re.compile(r"(?:\w\.)+")  # "U.S.": the final period is part of the word
MAX_WORDS = 5

Key = tuple[str, ...]


def _tokens(text: str) -> list[str]:
    return [t.rstrip(".") if t[-1] == "." and not _INITIALS.fullmatch(t) else t for t in _TOKEN.findall(text)]


@dataclass(frozen=True)
class _Table:
    """The names of a tuple of entities, ready for lookups."""

    names: dict[Key, tuple[str, bool, Key]]  # lower-cased words -> (canonical name, case matters, words as written)
    longest: dict[str, int]  # lower-cased first word -> most words of a name starting with it


_tables: dict[int, tuple[tuple[Entity, ...], _Table]] = {}  # id -> (the tuple itself, its table)


def _table(entities: tuple[Entity, ...]) -> _Table:
    """The lookup table of `entities`, built once per process.

    The same tuples come with every article, so they are recognised by
    identity before they are hashed (hashing a hundred entities for each
    article costs more than the lookups themselves). Keeping the tuple in
    the cache keeps its id from being reused."""
    cached = _tables.get(id(entities))
    if cached is not None and cached[0] is entities:
        return cached[1]
    table = _build_table(entities)
    if len(_tables) >= 16:
        _tables.clear()
    _tables[id(entities)] = (entities, table)
    return table


@lru_cache(maxsize=8)
def _build_table(entities: tuple[Entity, ...]) -> _Table:
    names: dict[Key, tuple[str, bool, Key]] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            words = tuple(_tokens(name))
            if not words or len(words) > MAX_WORDS:
                continue
            exact = name.isupper() or len(name) <= 3
            names.setdefault(tuple(w.lower() for w in words), (entity.name, exact, words))
    longest: dict[str, int] = {}
    for key in names:
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return _Table(names, longest)


@lru_cache(maxsize=2)
def _words_of(text: str) -> tuple[list[str], list[str]]:
    """The text's words as written and lower-cased; places and organisations share them.

    The words are lower-cased in one call, joined by spaces: no word holds a
    space, and lower-casing treats each word alike either way (the one rule that
    looks at neighbours, a final sigma, stops at a space as at the string's end)."""
    tokens = _tokens(text)
    return tokens, " ".join(tokens).lower().split(" ") if tokens else []


def named_entities(text: str, entities: tuple[Entity, ...]) -> tuple[str, ...]:
    """Canonical names of the entities `text` mentions, in order of first mention."""
    return tuple(name for name, _ in entity_mentions(text, entities))


def entity_mentions(text: str, entities: tuple[Entity, ...]) -> tuple[tuple[str, str], ...]:
    """(canonical name, the words that first named it, as written) for each entity `text` mentions,
    in order of first mention: "Almaty" is how the text named Kazakhstan, the evidence an analyst sees.

    The longest name starting at a word wins and the scan resumes after it.
    Only words that open some name are looked at: most words open none."""
    if not entities:
        return ()
    table = _table(entities)
    tokens, lowered = _words_of(text)
    longest = table.longest
    found: dict[str, tuple[int, str]] = {}
    resume = 0  # words before this are inside a name already found
    for i in compress(count(), map(longest.__contains__, lowered)):
        if i < resume:
            continue
        for n in range(min(longest[lowered[i]], len(tokens) - i), 0, -1):
            hit = table.names.get(tuple(lowered[i : i + n]))
            if hit is None:
                continue
            name, exact, written = hit
            if exact and tuple(tokens[i : i + n]) != written:
                continue
            after = tokens[i + n] if i + n < len(tokens) else ""
            if after.isdigit() and len(after) <= 2:  # "France 24", "Belarus 1": a channel's name, not the place
                resume = i + n + 1
                break
            if name not in found:
                words = " ".join(tokens[i : i + n])
                found[name] = (i, name if words == name else words)  # the name's own string when written so
            resume = i + n
            break
    return tuple((name, found[name][1]) for name in sorted(found, key=lambda name: (found[name][0], name)))


def places(text: str, registry: Registry) -> tuple[str, ...]:
    return named_entities(text, registry.places)


def organizations(text: str, registry: Registry) -> tuple[str, ...]:
    return named_entities(text, registry.organizations)
