"""Places and organisations an article names, by the registry's words for them."""

from __future__ import annotations

import re
from functools import cache

from ..registry import Entity, Registry


@cache
def _pattern(entity: Entity) -> re.Pattern[str]:
    names = sorted({entity.name, *entity.aliases}, key=len, reverse=True)
    # Acronyms match case-sensitively ("US" is not "us"); other names case-blind.
    parts = [re.escape(n) if n.isupper() or len(n) <= 3 else f"(?i:{re.escape(n)})" for n in names]
    return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?![\w])")


def named_entities(text: str, entities: tuple[Entity, ...]) -> tuple[str, ...]:
    """Canonical names of the entities `text` mentions, in order of first mention."""
    found: list[tuple[int, str]] = []
    for entity in entities:
        match = _pattern(entity).search(text)
        if match:
            found.append((match.start(), entity.name))
    return tuple(name for _, name in sorted(found))


def places(text: str, registry: Registry) -> tuple[str, ...]:
    return named_entities(text, registry.places)


def organizations(text: str, registry: Registry) -> tuple[str, ...]:
    return named_entities(text, registry.organizations)
