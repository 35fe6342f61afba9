"""Places and organisations an article names, by the registry's words for them."""

from __future__ import annotations

import re
from functools import cache

from ..registry import Entity, Registry


@cache
def _combined(entities: tuple[Entity, ...]) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Two alternations (case-sensitive acronyms, case-blind names) and word -> entity.

    One pass over the text for all entities, instead of one search per entity."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            # Acronyms match case-sensitively ("US" is not "us"); other names case-blind.
            if name.isupper() or len(name) <= 3:
                exact.setdefault(name, entity.name)
            else:
                folded.setdefault(name.lower(), entity.name)

    def alternation(names, flags=0) -> re.Pattern[str]:
        ordered = sorted(names, key=len, reverse=True) or ["(?!x)x"]
        body = "|".join(re.escape(n) for n in ordered) if names else ordered[0]
        return re.compile(r"(?<![\w.])(?:" + body + r")(?![\w])", flags)

    table = {**{k: v for k, v in folded.items()}, **exact}
    return alternation(exact), alternation(folded, re.IGNORECASE), table


def named_entities(text: str, entities: tuple[Entity, ...]) -> tuple[str, ...]:
    """Canonical names of the entities `text` mentions, in order of first mention."""
    if not entities:
        return ()
    exact, folded, table = _combined(entities)
    first: dict[str, int] = {}
    for match in exact.finditer(text):
        first.setdefault(table[match.group(0)], match.start())
    for match in folded.finditer(text):
        name = table.get(match.group(0).lower())
        if name and (name not in first or match.start() < first[name]):
            first[name] = match.start()
    return tuple(name for name, _ in sorted(first.items(), key=lambda item: (item[1], item[0])))


def places(text: str, registry: Registry) -> tuple[str, ...]:
    return named_entities(text, registry.places)


def organizations(text: str, registry: Registry) -> tuple[str, ...]:
    return named_entities(text, registry.organizations)
