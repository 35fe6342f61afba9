"""The build's configuration: a typed, validated schema read before any work starts.

A bad config is refused with one message naming the key, the file and the line
(exit code 2), and nothing is written. Defaults (themes, the registry of known
people, outlets and places, page-furniture patterns) are data shipped in
`defaults/`, which a user's `csto-digest.yml` extends.

As in MkDocs' `config_options`, each key has one checker that knows what it
expects; `_Reader` walks the YAML's nodes so that every error can name the line
the offending key stands on. Paths in the file are relative to the file's
folder; paths given on the command line are relative to where the command runs.
Command-line options win over the file, the file over the defaults.

The keys of `csto-digest.yml` (all optional):

- `site_title` (text): the name in every page's header. Default "CSTO Digest".
- `base_url` (text): the absolute `http(s)://` address the site is published
  at; canonical links, feeds and the sitemap use it. Default: none, every link
  relative.
- `inputs` (a list of folders or files, or one): where the articles are.
  Default `seeds/`.
- `output` (a folder): where the site goes. Default `build/`. It may not be
  `/`, the home folder, a repository root, an input, or hold one.
- `templates` (a folder, which must exist): templates overriding ours by name.
- `keep` (a list of files, each of which must exist): files carried into every
  build at the top of the site under their own names (`CNAME`, a verification
  page); a kept file wins over one of ours of the same name.
- `timestamp` (true/false): print the build time in pages. Default false, so
  that two builds of the same input are byte-identical.
- `theme_descriptions` (a folder, which must exist): `SLUG.md` files giving a
  theme's longer description; each must name a theme.
- `themes` (a list): each `{slug, title, description, patterns, requires,
  excludes, min_sentences}`; `slug` (lower-case letters, digits, hyphens) and
  at least one pattern are required, and every pattern must compile as a
  Python regular expression. A theme with a default theme's slug replaces it
  in its place; new themes follow the defaults.
- `themes_replace` (true/false): drop the default themes and use only `themes`.
- `registry` (a mapping of `people`, `outlets`, `places`, `organizations`,
  each a list of `{name, ...}`): known names added to the default registry.
  People take `role` and `aliases`; outlets `aliases`, `domains` and `labels`
  (a mapping); places `aliases` and `kind`; organisations `aliases`.
- `overrides` (a mapping of article id or path to a mapping of fields):
  corrections, as in a `NAME.yml` beside the article; each entry's line is kept
  (`Config.overrides_lines`) so a bad field can be reported where it stands.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from .model import Theme
from .registry import Registry
from .user_yaml import NOT_A_DATE_ERRORS, impossible_date

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
    keep: tuple[str, ...] = ()  # files copied into every build (CNAME ...), resolved paths
    themes: tuple[Theme, ...] = ()
    theme_descriptions: Path | None = None  # folder of SLUG.md files
    registry: Registry = field(default_factory=Registry.empty)
    overrides: dict[str, dict[str, Any]] = field(default_factory=dict)  # article id or path -> fields
    overrides_lines: dict[str, int] = field(default_factory=dict)  # where each override stands
    config_path: Path | None = None
    timestamp: bool = False  # print the build time in pages; off so builds are reproducible

    @property
    def cache_dir(self) -> Path:
        """Where builds keep what the next build can reuse: beside the output, never inside it."""
        return self.output.parent / f".{self.output.name}.cache"


@functools.cache
def _defaults() -> tuple[tuple[Theme, ...], Registry]:
    """The packaged themes and registry, read once per process (both are immutable)."""
    from .themes import load_default_themes

    return load_default_themes(), Registry.default()


# --- reading the file with line numbers ------------------------------------------------------------

Where = tuple[str | int, ...]  # a key path: ("themes", 2, "patterns", 0)


def _dotted(where: Where) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class _Reader:
    """The parsed file plus the line of every key and list item in it."""

    def __init__(self, path: Path):
        self.path = path
        self.name = str(path)
        self.base = path.parent
        self.lines: dict[Where, int] = {}
        self.raw_keys: dict[Where, list[str]] = {}  # the keys of a mapping as written (`003`, not 3)
        self.walked: set[int] = set()  # ids of the nodes already walked
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise ConfigError("config file not found", self.name) from None
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"cannot read the config file: {error}", self.name) from None
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
            self.data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problem = getattr(error, "problem", None) or str(error)
            raise ConfigError(f"not valid YAML: {problem}", self.name, mark.line + 1 if mark else None) from None
        except NOT_A_DATE_ERRORS:  # `2024-13-45`, which YAML takes for a date and cannot make one
            found = impossible_date(node)
            raise ConfigError(found.message(), self.name, None if found.line is None else found.line + 1) from None
        if node is not None:
            self._walk(node, ())
        if self.data is None:
            self.data = {}
        if not isinstance(self.data, dict):
            raise ConfigError(f"the config must be a mapping of keys, not {_kind(self.data)}", self.name, 1)

    def _walk(self, node: yaml.Node, where: Where, depth: int = 0) -> None:
        if id(node) in self.walked:  # an alias (`*name`): its lines are the anchor's, and it may hold itself
            return
        self.walked.add(id(node))
        if depth > 50:  # nested far beyond any key we know
            raise ConfigError("nested too deeply", self.name, node.start_mark.line + 1, _dotted(where[:1]) or None)
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            keys: list[str] = []
            for key_node, value_node in node.value:
                key = str(key_node.value)
                line = key_node.start_mark.line + 1
                if key in seen:
                    raise ConfigError(
                        f"given twice (first on line {seen[key]})", self.name, line, _dotted((*where, key))
                    )
                seen[key] = line
                keys.append(key)
                self.lines[(*where, key)] = line
                self._walk(value_node, (*where, key), depth + 1)
            self.raw_keys[where] = keys
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.lines[(*where, index)] = item.start_mark.line + 1
                self._walk(item, (*where, index), depth + 1)

    def line(self, where: Where) -> int | None:
        while where:
            if where in self.lines:
                return self.lines[where]
            where = where[:-1]
        return None

    def fail(self, where: Where, message: str) -> ConfigError:
        return ConfigError(message, self.name, self.line(where), _dotted(where))

    def path_of(self, value: str) -> Path:
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.base / path


# --- one checker per kind of value -----------------------------------------------------------------


def _text(reader: _Reader, where: Where, value: Any) -> str:
    if not isinstance(value, str):
        hint = " (put it in quotes)" if isinstance(value, int | float | bool) else ""
        raise reader.fail(where, f"expected text, got {_kind(value)}{hint}")
    return value


def _flag(reader: _Reader, where: Where, value: Any) -> bool:
    if not isinstance(value, bool):
        raise reader.fail(where, f"expected true or false, got {_kind(value)}")
    return value


def _whole_number(reader: _Reader, where: Where, value: Any, least: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise reader.fail(where, f"expected a whole number, got {_kind(value)}")
    if value < least:
        raise reader.fail(where, f"must be at least {least}, got {value}")
    return value


def _texts(reader: _Reader, where: Where, value: Any, single_ok: bool = False) -> tuple[str, ...]:
    if single_ok and isinstance(value, str):
        return (value,)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise reader.fail(where, f"expected a list of text, got {_kind(value)}")
    return tuple(_text(reader, (*where, i), item) for i, item in enumerate(value))


def _mapping(reader: _Reader, where: Where, value: Any, allowed: tuple[str, ...] | None = None) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise reader.fail(where, f"expected a mapping, got {_kind(value)}")
    if allowed is not None:
        for key in value:
            if str(key) not in allowed:
                raise reader.fail((*where, str(key)), _unknown(str(key), allowed))
    return value


def _unknown(key: str, allowed: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(allowed)}"
    return f"unknown key {key!r}{hint}"


def _folder(reader: _Reader, where: Where, value: Any) -> Path:
    path = reader.path_of(_text(reader, where, value))
    if not path.is_dir():
        raise reader.fail(where, f"folder {path} does not exist")
    return path


def _base_url(reader: _Reader, where: Where, value: Any) -> str:
    return _checked_base_url(_text(reader, where, value), lambda message: reader.fail(where, message))


def _checked_base_url(url: str, fail: Callable[[str], ConfigError]) -> str:
    if url and not re.match(r"https?://[^/\s?#]+(/[^\s]*)?$", url):
        raise fail(f"expected an absolute http:// or https:// address, got {url!r}")
    return url


def _pattern(reader: _Reader, where: Where, value: Any) -> str:
    pattern = _text(reader, where, value)
    if not pattern:
        raise reader.fail(where, "an empty pattern matches every sentence")
    try:
        re.compile(f"(?:{pattern})", re.IGNORECASE)  # the form the classifier joins them in
    except re.error as error:
        raise reader.fail(where, f"pattern {pattern!r} does not compile: {error}") from None
    return pattern


THEME_KEYS = ("slug", "title", "description", "patterns", "requires", "excludes", "min_sentences")
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*$")


def _theme(reader: _Reader, where: Where, value: Any) -> Theme:
    item = _mapping(reader, where, value, THEME_KEYS)
    if "slug" not in item or item["slug"] in (None, ""):
        raise reader.fail(where, "a theme needs a slug (lower-case letters, digits and hyphens)")
    slug = _text(reader, (*where, "slug"), item["slug"])
    if not SLUG.match(slug):
        raise reader.fail((*where, "slug"), f"{slug!r} is not a slug: use lower-case letters, digits and hyphens")

    def patterns(key: str) -> tuple[str, ...]:
        raw = item.get(key)
        if raw is None:
            return ()
        if not isinstance(raw, list):
            raise reader.fail((*where, key), f"expected a list of patterns, got {_kind(raw)}")
        return tuple(_pattern(reader, (*where, key, i), p) for i, p in enumerate(raw))

    found = patterns("patterns")
    if not found:
        raise reader.fail(where, f"theme {slug!r} has no patterns, so no article could ever be in it")
    title = _text(reader, (*where, "title"), item["title"]) if item.get("title") is not None else slug
    description = item.get("description")
    return Theme(
        slug=slug,
        title=title,
        description=_text(reader, (*where, "description"), description) if description is not None else "",
        patterns=found,
        requires=patterns("requires"),
        excludes=patterns("excludes"),
        min_sentences=_whole_number(reader, (*where, "min_sentences"), item.get("min_sentences", 1), least=1),
    )


def _themes(reader: _Reader, where: Where, value: Any) -> tuple[Theme, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise reader.fail(where, f"expected a list of themes, got {_kind(value)}")
    themes: list[Theme] = []
    first_line: dict[str, int | None] = {}
    for index, item in enumerate(value):
        theme = _theme(reader, (*where, index), item)
        if theme.slug in first_line:
            raise reader.fail(
                (*where, index, "slug"),
                f"two themes with the slug {theme.slug!r} (first on line {first_line[theme.slug]})",
            )
        first_line[theme.slug] = reader.line((*where, index))
        themes.append(theme)
    return tuple(themes)


REGISTRY_KEYS: dict[str, tuple[str, ...]] = {
    "people": ("name", "role", "aliases"),
    "outlets": ("name", "aliases", "domains", "labels"),
    "places": ("name", "aliases", "kind"),
    "organizations": ("name", "aliases"),
}


def _registry(reader: _Reader, where: Where, value: Any) -> Registry:
    if value is None:
        return _defaults()[1]
    data = _mapping(reader, where, value, tuple(REGISTRY_KEYS))
    clean: dict[str, list[dict[str, Any]]] = {}
    for kind, allowed in REGISTRY_KEYS.items():
        items = data.get(kind)
        if items is None:
            continue
        if not isinstance(items, list):
            raise reader.fail((*where, kind), f"expected a list of {kind}, got {_kind(items)}")
        clean[kind] = []
        for index, item in enumerate(items):
            at = (*where, kind, index)
            entry = _mapping(reader, at, item, allowed)
            if not entry.get("name"):
                raise reader.fail(at, f"each of {kind} needs a name")
            checked: dict[str, Any] = {"name": _text(reader, (*at, "name"), entry["name"])}
            for key in ("role", "kind"):
                if entry.get(key) is not None:
                    checked[key] = _text(reader, (*at, key), entry[key])
            for key in ("aliases", "domains"):
                checked[key] = _texts(reader, (*at, key), entry.get(key))
            if entry.get("labels") is not None:
                labels = _mapping(reader, (*at, "labels"), entry["labels"])
                checked["labels"] = {str(k): _text(reader, (*at, "labels", str(k)), str(v)) for k, v in labels.items()}
            clean[kind].append(checked)
    return _defaults()[1].extended(Registry.from_data(clean))


def _overrides(reader: _Reader, where: Where, value: Any) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    """Corrections keyed by article id, path or file name; their fields are checked when applied."""
    if value is None:
        return {}, {}
    data = _mapping(reader, where, value)
    overrides: dict[str, dict[str, Any]] = {}
    lines: dict[str, int] = {}
    # The keys as written: YAML would read `003:` as the number 3.
    for raw, fields_ in zip(reader.raw_keys.get(where, [str(k) for k in data]), data.values(), strict=True):
        at = (*where, raw)
        overrides[raw] = dict(_mapping(reader, at, fields_))
        lines[raw] = reader.line(at) or 0
    return overrides, lines


def _keep(reader: _Reader, where: Where, value: Any) -> tuple[str, ...]:
    names = _texts(reader, where, value, single_ok=True)
    kept: dict[str, int] = {}
    out: list[str] = []
    for index, name in enumerate(names):
        at = (*where, index) if isinstance(value, list) else where
        path = reader.path_of(name)
        if not path.is_file():
            raise reader.fail(at, f"file {path} to keep in the site does not exist")
        if path.name in kept:
            raise reader.fail(at, f"two files named {path.name!r} to keep (the other is item {kept[path.name]})")
        kept[path.name] = index
        out.append(str(path))
    return tuple(out)


# The keys a config file may hold; `themes_replace` is read with `themes`.
KEYS = (
    "site_title", "base_url", "inputs", "output", "templates", "keep", "timestamp",
    "theme_descriptions", "themes", "themes_replace", "registry", "overrides",
)  # fmt: skip


def _read_file(path: Path) -> dict[str, Any]:
    """The config file's values, checked, as `Config` field values."""
    reader = _Reader(path)
    data = reader.data
    for key in data:
        if str(key) not in KEYS:
            raise reader.fail((str(key),), _unknown(str(key), KEYS))
    values: dict[str, Any] = {}
    if "site_title" in data:
        values["site_title"] = _text(reader, ("site_title",), data["site_title"])
    if "base_url" in data:
        values["base_url"] = _base_url(reader, ("base_url",), data["base_url"])
    if "inputs" in data:
        inputs = _texts(reader, ("inputs",), data["inputs"], single_ok=True)
        if not inputs:
            raise reader.fail(("inputs",), "expected at least one folder of articles")
        values["inputs"] = tuple(reader.path_of(p) for p in inputs)
    if "output" in data:
        values["output"] = reader.path_of(_text(reader, ("output",), data["output"]))
    if data.get("templates") is not None:
        values["templates"] = _folder(reader, ("templates",), data["templates"])
    if data.get("theme_descriptions") is not None:
        values["theme_descriptions"] = _folder(reader, ("theme_descriptions",), data["theme_descriptions"])
    if "keep" in data:
        values["keep"] = _keep(reader, ("keep",), data["keep"])
    if "timestamp" in data:
        values["timestamp"] = _flag(reader, ("timestamp",), data["timestamp"])
    replace = _flag(reader, ("themes_replace",), data["themes_replace"]) if "themes_replace" in data else False
    user_themes = _themes(reader, ("themes",), data.get("themes"))
    if replace and not user_themes:
        raise reader.fail(("themes_replace",), "drops the default themes, but `themes` declares none")
    values["themes"] = _merged_themes(() if replace else _defaults()[0], user_themes)
    if "theme_descriptions" in values:
        _check_descriptions(reader, values["theme_descriptions"], values["themes"])
    values["registry"] = _registry(reader, ("registry",), data.get("registry"))
    values["overrides"], values["overrides_lines"] = _overrides(reader, ("overrides",), data.get("overrides"))
    values["_lines"] = {key: reader.line((key,)) for key in KEYS}
    return values


def _check_descriptions(reader: _Reader, folder: Path, themes: tuple[Theme, ...]) -> None:
    """Every `SLUG.md` in the folder must describe a theme: a misspelt name would be ignored without a word."""
    slugs = tuple(theme.slug for theme in themes)
    for path in sorted(folder.glob("*.md")):
        if path.stem not in slugs:
            close = difflib.get_close_matches(path.stem, slugs, n=1)
            hint = f"; did you mean {close[0]}.md?" if close else ""
            raise reader.fail(("theme_descriptions",), f"{path.name} describes no theme (no theme has that slug){hint}")


def _merged_themes(defaults: tuple[Theme, ...], user: tuple[Theme, ...]) -> tuple[Theme, ...]:
    """A user's theme with a default's slug takes its place; new ones follow the defaults."""
    by_slug = {t.slug: t for t in user}
    merged = tuple(by_slug.pop(t.slug, t) for t in defaults)
    return merged + tuple(t for t in user if t.slug in by_slug)


def load_config(path: Path | None = None, **cli: Any) -> Config:
    """Read the defaults, then the user's config file (if any), then CLI options.

    CLI options win over the file, the file over the defaults. Raises
    `ConfigError` for anything invalid, before the build touches the disk.
    """
    from .write import check_output

    known = {f.name for f in fields(Config)}
    for key in cli:
        if key not in known:
            raise TypeError(f"load_config() got an unknown option {key!r}")
    cli_values = {k: v for k, v in cli.items() if v not in (None, (), [])}
    if path is None and Path(DEFAULT_CONFIG_NAME).is_file():
        path = Path(DEFAULT_CONFIG_NAME)
    default_themes, default_registry = _defaults()
    values: dict[str, Any] = {"themes": default_themes, "registry": default_registry}
    lines: dict[str, int | None] = {}
    if path is not None:
        values.update(_read_file(Path(path)))
        lines = values.pop("_lines")
    values["config_path"] = Path(path) if path is not None else None

    def cli_error(key: str, message: str) -> ConfigError:
        return ConfigError(message, key=f"--{key.replace('_', '-')}")

    if "inputs" in cli_values:
        cli_values["inputs"] = tuple(Path(p) for p in cli_values["inputs"])
    if "output" in cli_values:
        cli_values["output"] = Path(cli_values["output"])
    if "templates" in cli_values:
        cli_values["templates"] = Path(cli_values["templates"])
        if not cli_values["templates"].is_dir():
            raise cli_error("templates", f"folder {cli_values['templates']} does not exist")
    if "base_url" in cli_values:
        _checked_base_url(cli_values["base_url"], lambda message: cli_error("base_url", message))
    values.update(cli_values)
    config = Config(**values)
    if "output" in cli_values or lines.get("output") is not None:
        # An output someone asked for is checked now, naming its line; the default
        # one only when a build is about to write it (`run_build`), so that
        # `inspect` or `check` run inside a folder of articles still work.
        try:
            check_output(config.output, config.inputs)
        except ConfigError as error:
            if "output" in cli_values or path is None:
                raise ConfigError(error.message, key="--output") from None
            raise ConfigError(error.message, str(path), lines.get("output"), "output") from None
    return config
