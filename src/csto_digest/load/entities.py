"""Places and organisations an article names, by the registry's words for them.

The text is split into words once and runs of one to five words are looked
up in a table of every name and alias, which is much faster than one
case-blind regular expression per entity. Acronyms ("US", "UN") must match
in capitals, so "us" is never the United States.
"""

from __future__ import annotations

import re
from functools import cache

from ..registry import Entity, Registry

_TOKEN = re.compile(r"\w+(?:[-.’']\w+)*\.?")
MAX_WORDS = 5


def _tokens(text: str) -> list[str]:
    return [t.rstrip(".") if not re.fullmatch(r"(?:\w\.)+", t) else t for t in _TOKEN.findall(text)]


@cache
def _table(entities: tuple[Entity, ...]) -> dict[tuple[str, ...], tuple[str, bool, tuple[str, ...]]]:
    """Lower-cased word tuple -> (canonical name, case matters, words as written)."""
    table: dict[tuple[str, ...], tuple[str, bool, tuple[str, ...]]] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            words = tuple(_tokens(name))
            if not words or len(words) > MAX_WORDS:
                continue
            exact = name.isupper() or len(name) <= 3
            table.setdefault(tuple(w.lower() for w in words), (entity.name, exact, words))
    return table


def named_entities(text: str, entities: tuple[Entity, ...]) -> tuple[str, ...]:
    """Canonical names of the entities `text` mentions, in order of first mention."""
    if not entities:
        return ()
    table = _table(entities)
    tokens = _tokens(text)
    lowered = [t.lower() for t in tokens]
    found: dict[str, int] = {}
    i = 0
    while i < len(tokens):
        step = 1
        for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
            hit = table.get(tuple(lowered[i : i + n]))
            if hit is None:
                continue
            name, exact, written = hit
            if exact and tuple(tokens[i : i + n]) != written:
                continue
            found.setdefault(name, i)
            step = n
            break
        i += step
    return tuple(sorted(found, key=lambda name: (found[name], name)))


def places(text: str, registry: Registry) -> tuple[str, ...]:
    return named_entities(text, registry.places)


def organizations(text: str, registry: Registry) -> tuple[str, ...]:
    return named_entities(text, registry.organizations)
