"""What a build was made from, so a rebuild with nothing changed can stop at once.

The fingerprint hashes every file under the inputs (articles and the
correction files beside them), the resolved configuration, the user's
templates, and our own package (code, templates and defaults). When it equals the
last successful build's, and that build's site is still in place, the build
has nothing to do: it writes no file and repeats the last build's report.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from . import __version__
from .config import Config
from .model import Problem
from .write import state_dir

RECORD = "last-build.json"


def _files_under(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        found.extend(Path(folder) / name for name in sorted(files))
    return found


def fingerprint(config: Config) -> str:
    digest = hashlib.sha256()
    digest.update(f"{__version__}\0{config!r}\0".encode("utf-8", "surrogatepass"))
    package = Path(__file__).resolve().parent
    # Our own code, defaults and templates too: a new version must never serve a stale site.
    roots = [*config.inputs, package, package.parents[1] / "templates"]
    roots += [p for p in (config.templates, config.config_path, config.theme_descriptions) if p]
    for root in roots:
        for path in _files_under(Path(root)) if Path(root).exists() else []:
            if "__pycache__" in path.parts:
                continue
            try:
                data = path.read_bytes()
            except OSError:
                data = b"\0unreadable"
            digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _record_path(config: Config) -> Path:
    return state_dir(config.output) / RECORD


def unchanged_report(config: Config, print_: str) -> dict[str, Any] | None:
    """The last build's report if `print_` matches it and its site is still there."""
    if not (config.output / "index.html").is_file():
        return None
    try:
        record = json.loads(_record_path(config).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if record.get("fingerprint") == print_ else None


def remember(config: Config, print_: str, report: dict[str, Any]) -> None:
    """Record a successful build (written after the site is switched in)."""
    path = _record_path(config)
    try:
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"fingerprint": print_, **report}, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # without the record the next build simply does the work


def problems_from(record: dict[str, Any]) -> tuple[Problem, ...]:
    return tuple(
        Problem(p["path"], p["message"], p.get("line"), p.get("severity", "warning")) for p in record["problems"]
    )
