"""The build's configuration: a typed, validated schema read before any work starts.

A bad config is refused with one message naming the key, the file and the line
(exit code 2), and nothing is written. Defaults (themes, the registry of known
people, outlets and places, page-furniture patterns) are data shipped in
`defaults/`, which a user's `csto-digest.yml` extends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Theme
from .registry import Registry

DEFAULT_CONFIG_NAME = "csto-digest.yml"


class ConfigError(Exception):
    """A configuration the build refuses; `str()` names the file, line and key."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None, key: str | None = None):
        self.message = message
        self.path = path
        self.line = line
        self.key = key
        where = ""
        if path:
            where = f"{path}:{line}: " if line else f"{path}: "
        what = f"{key}: " if key else ""
        super().__init__(f"{where}{what}{message}")


@dataclass(frozen=True)
class Config:
    """Everything a build needs to know, resolved and validated."""

    inputs: tuple[Path, ...] = (Path("seeds"),)
    output: Path = Path("build")
    base_url: str = ""
    site_title: str = "CSTO Digest"
    templates: Path | None = None  # a user's folder whose files override ours by name
    keep: tuple[str, ...] = ()  # files in the output a user keeps (CNAME ...)
    themes: tuple[Theme, ...] = ()
    theme_descriptions: Path | None = None  # folder of SLUG.md files
    registry: Registry = field(default_factory=Registry.empty)
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)  # article id or path -> fields
    overrides_lines: dict[str, int] = field(default_factory=dict)  # where each override stands
    config_path: Path | None = None
    timestamp: bool = False  # print the build time in pages; off so builds are reproducible



def load_config(path: Path | None = None, **cli: Any) -> Config:
    """Read the defaults, then the user's config file (if any), then CLI options.

    CLI options win over the file, the file over the defaults. Raises
    `ConfigError` for anything invalid, before the build touches the disk.
    """
    from .themes import load_default_themes

    cli_values = {k: v for k, v in cli.items() if v not in (None, (), [])}
    if path is None and Path(DEFAULT_CONFIG_NAME).is_file():
        path = Path(DEFAULT_CONFIG_NAME)
    registry = Registry.default()
    themes = load_default_themes()
    values: dict[str, Any] = {"themes": themes, "registry": registry, "config_path": path}
    values.update(cli_values)
    if "inputs" in values:
        values["inputs"] = tuple(Path(p) for p in values["inputs"])
    if "output" in values:
        values["output"] = Path(values["output"])
    return Config(**values)
