"""Where templates and static files come from, and the one Jinja environment.

Lookup order, like MkDocs' `custom_dir`: a user's folder (`config.templates`)
first, file by file, then ours. Ours sit in the package when installed from a
wheel and at the repository's top level in a source checkout.

The environment always autoescapes (article text is untrusted) and uses
`StrictUndefined`, so a template naming a value the renderer did not pass fails
the build instead of printing an empty string.
"""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path
from typing import Any

import jinja2
from jinja2.runtime import new_context

import csto_digest

STATIC_DIR = "static"
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def packaged_templates() -> Path:
    """Our templates: inside the installed package, else the checkout's top level."""
    package = Path(csto_digest.__file__).parent
    inside = package / "templates"
    return inside if inside.is_dir() else package.parents[1] / "templates"


def template_dirs(user: Path | None) -> tuple[Path, ...]:
    """The folders searched for a template or static file, first match wins."""
    return (Path(user), packaged_templates()) if user else (packaged_templates(),)


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept for the next build; a `--clean` build (`fresh`) keeps them but reuses none.

    Like the extraction cache, one that cannot be written only costs time.
    """

    def __init__(self, directory: str, fresh: bool):
        super().__init__(directory)
        self.fresh = fresh

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if not self.fresh:
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


@functools.lru_cache(maxsize=4)
def environment(dirs: tuple[Path, ...], compiled: Path | None = None, clean: bool = False) -> jinja2.Environment:
    """The compiled environment, made once per set of folders.

    Jinja checks a template file's modification time before reusing it, so
    `serve` still sees a template edited between builds. With `compiled`, a
    folder, templates compiled by an earlier build are loaded from there
    (Jinja checks each against a digest of its source): compiling our twenty
    templates costs more than rendering the pages an edit changes.
    """
    bytecode = None
    if compiled is not None:
        with contextlib.suppress(OSError):
            compiled.mkdir(parents=True, exist_ok=True)
            bytecode = _BytecodeCache(str(compiled), fresh=clean)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        bytecode_cache=bytecode,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["human_date"] = human_date
    env.filters["percent"] = percent
    return env


def render(template: jinja2.Template, values: dict[str, Any]) -> str:
    """`template.render(**values)`, with the template's globals read once rather than per call.

    Jinja keeps a template's globals as a `ChainMap` and copies it into every
    new context (`dict(globals, **values)`, and a `set` of its keys). A list
    entry is rendered tens of thousands of times a build, and that copying was
    a quarter of its cost. Here the globals are copied to a plain dict once per
    template, and the context is made from it as `Template.render` would make
    it: the values over the globals.
    """
    globals_ = _plain_globals(template)
    context = new_context(template.environment, template.name, template.blocks, {**globals_, **values}, True, globals_)
    try:
        return template.environment.concat(template.root_render_func(context))  # type: ignore[attr-defined]
    except Exception:
        return template.environment.handle_exception()


def _plain_globals(template: jinja2.Template) -> dict[str, Any]:
    """The template's globals as one dict, made at the template's first render.

    A template's globals are fixed once it is loaded (we never change the
    environment's afterwards); a template loaded again is a new object."""
    found = getattr(template, "_csto_plain_globals", None)
    if found is None:
        found = dict(template.globals)
        template._csto_plain_globals = found  # type: ignore[attr-defined]
    return found


def static_files(dirs: tuple[Path, ...]) -> dict[str, bytes]:
    """Every file under each folder's `static/`, the first folder winning by name."""
    files: dict[str, bytes] = {}
    for folder in reversed(dirs):  # ours first, then the user's over them
        root = folder / STATIC_DIR
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                files[f"{STATIC_DIR}/{path.relative_to(root).as_posix()}"] = path.read_bytes()
    return dict(sorted(files.items()))


def human_date(value: str | None) -> str:
    """`2024-03-28` as `28 March 2024`; a month or a year as far as it is known."""
    if not value:
        return "undated"
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return value
    return value


def percent(value: float) -> str:
    return f"{round(value * 100)}%"
