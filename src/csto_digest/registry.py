"""The registry of known people, outlets, places and organisations.

It gives canonical names and roles; extraction must still work for names it
does not list. The default ships in `defaults/registry.yml`; a user's config
adds entries under `registry:` (same shape), which win over the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from typing import Any

import yaml

# libyaml's loader when PyYAML was built with it: the defaults are read on every build,
# and the pure-Python loader spends a fifth of a second on them.
FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutletInfo:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)  # country, ownership, language...


@dataclass(frozen=True)
class Entity:
    """A place or an organisation, with the words that name it."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "country"


@dataclass(frozen=True)
class Registry:
    people: tuple[Person, ...] = ()
    outlets: tuple[OutletInfo, ...] = ()
    places: tuple[Entity, ...] = ()
    organizations: tuple[Entity, ...] = ()

    @classmethod
    def empty(cls) -> Registry:
        return cls()

    @classmethod
    def default(cls) -> Registry:
        text = resources.files("csto_digest").joinpath("defaults/registry.yml").read_text(encoding="utf-8")
        return cls.from_data(yaml.load(text, Loader=FAST_SAFE_LOADER) or {})

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Registry:
        def tup(value: Any) -> tuple[str, ...]:
            return tuple(str(v) for v in (value or ()))

        return cls(
            people=tuple(
                Person(str(p["name"]), p.get("role"), tup(p.get("aliases"))) for p in data.get("people") or ()
            ),
            outlets=tuple(
                OutletInfo(
                    str(o["name"]),
                    tup(o.get("aliases")),
                    tup(o.get("domains")),
                    {str(k): str(v) for k, v in (o.get("labels") or {}).items()},
                )
                for o in data.get("outlets") or ()
            ),
            places=tuple(
                Entity(str(p["name"]), tup(p.get("aliases")), str(p.get("kind", "country")))
                for p in data.get("places") or ()
            ),
            organizations=tuple(
                Entity(str(o["name"]), tup(o.get("aliases")), "organization") for o in data.get("organizations") or ()
            ),
        )

    def extended(self, other: Registry) -> Registry:
        """This registry with `other`'s entries added; `other` wins on a name clash."""

        def merge(mine: tuple[Any, ...], theirs: tuple[Any, ...]) -> tuple[Any, ...]:
            names = {x.name for x in theirs}
            return tuple(x for x in mine if x.name not in names) + theirs

        return Registry(
            merge(self.people, other.people),
            merge(self.outlets, other.outlets),
            merge(self.places, other.places),
            merge(self.organizations, other.organizations),
        )

    @cached_property
    def outlet_by_alias(self) -> dict[str, OutletInfo]:
        """Lower-cased name, alias and domain -> outlet."""
        table: dict[str, OutletInfo] = {}
        for outlet in self.outlets:
            for key in (outlet.name, *outlet.aliases, *outlet.domains):
                table[key.lower()] = outlet
        return table

    @cached_property
    def person_by_alias(self) -> dict[str, Person]:
        table: dict[str, Person] = {}
        for person in self.people:
            for key in (person.name, *person.aliases):
                table[key.lower()] = person
        return table

    @cached_property
    def non_person_words(self) -> frozenset[str]:
        """Lower-cased words of place, organisation and outlet names: never part of a person's name."""
        words: set[str] = set()
        for entity in (*self.places, *self.organizations):
            for name in (entity.name, *entity.aliases):
                words.update(w.lower() for w in name.split())
        for outlet in self.outlets:
            for name in (outlet.name, *outlet.aliases):
                words.update(w.lower() for w in name.split())
        return frozenset(words)

    @cached_property
    def name_parts(self) -> frozenset[str]:
        """First names and surnames of the people listed."""
        parts: set[str] = set()
        for person in self.people:
            words = person.name.split()
            parts.update((words[0], words[-1]))
        return frozenset(parts)
