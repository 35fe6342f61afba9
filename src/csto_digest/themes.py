"""Theme definitions: loaded from YAML, shipped as a default, overridable.

A theme holds an article when at least `min_sentences` of its sentences match
one of the theme's patterns and every one of its `requires` patterns.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from .model import Theme
from .registry import FAST_SAFE_LOADER


def themes_from_data(items: list[dict[str, Any]]) -> tuple[Theme, ...]:
    return tuple(
        Theme(
            slug=str(item["slug"]),
            title=str(item.get("title") or item["slug"]),
            description=str(item.get("description") or ""),
            patterns=tuple(str(p) for p in item.get("patterns") or ()),
            requires=tuple(str(p) for p in item.get("requires") or ()),
            excludes=tuple(str(p) for p in item.get("excludes") or ()),
            min_sentences=int(item.get("min_sentences", 1)),
        )
        for item in items
    )


def load_default_themes() -> tuple[Theme, ...]:
    text = resources.files("csto_digest").joinpath("defaults/themes.yml").read_text(encoding="utf-8")
    return themes_from_data((yaml.load(text, Loader=FAST_SAFE_LOADER) or {}).get("themes") or [])
