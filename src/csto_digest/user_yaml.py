"""YAML a user wrote (the config, a correction, a Markdown file's front matter): the one value
PyYAML cannot read without raising outside its own errors, and the values that name nothing.

PyYAML takes any value shaped like a date (`2024-13-45`, `99999-01-01`) for one, and then
raises `ValueError` or `OverflowError` making it, not a `YAMLError` with a line. Once that
stopped a whole build with "month must be in 1..12" and no file named. Each reader catches
those two and asks `impossible_date` where the value stands, from the composed node tree
(composing does not make values, so it never raises there).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

NOT_A_DATE_ERRORS = (ValueError, OverflowError)  # what making an impossible date raises
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@dataclass(frozen=True)
class ImpossibleDate:
    """A value YAML reads as a date that is none: where it stands and how it is written."""

    field: str | None  # the top-level key it stands under, if any
    words: str
    line: int | None  # 0-based, in the YAML text

    def message(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{where}{self.words!r} is not a date (write YYYY-MM-DD)"


def impossible_date(node: yaml.Node | None) -> ImpossibleDate:
    """The first value under `node` that YAML takes for a date but cannot make one."""
    pairs = node.value if isinstance(node, yaml.MappingNode) else [(None, node)]
    for key, value in pairs:
        for scalar in [*_scalars(key), *_scalars(value)]:
            if scalar.tag == _TIMESTAMP and not _makes_a_date(scalar.value):
                field = str(key.value) if isinstance(key, yaml.ScalarNode) else None
                return ImpossibleDate(field, scalar.value, scalar.start_mark.line)
    return ImpossibleDate(None, "a value", None)


def _makes_a_date(text: str) -> bool:
    try:
        yaml.safe_load(text)
    except NOT_A_DATE_ERRORS:
        return False
    return True


def _scalars(node: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(key)
            yield from _scalars(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item)


def names_something(value: Any) -> bool:
    """Text (or a number) that is not blank: what a title, a name or a list item must be."""
    return isinstance(value, str | int) and not isinstance(value, bool) and bool(str(value).strip())


def unnamed_item(key: str, items: list[Any]) -> tuple[int, Any] | None:
    """The first item (counted from 1) of a list field that names nothing, and the item:
    `speakers: [{name: null}]` would make a speaker called "None", `themes: [""]` a nameless theme.
    A speaker may be given as a mapping with a `name`."""
    for number, item in enumerate(items, 1):
        name = item.get("name") if key == "speakers" and isinstance(item, dict) else item
        if not names_something(name):
            return number, item
    return None
