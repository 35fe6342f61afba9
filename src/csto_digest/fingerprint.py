"""What a build was made from, so a rebuild with nothing changed can stop at once.

The fingerprint hashes every file under the inputs (articles and the
correction files beside them), the resolved configuration, the user's
templates, and our own package (code, templates and defaults). When it equals the
last successful build's, and that build's site is still in place, the build
has nothing to do: it writes no file and repeats the last build's report.

Reading ten thousand articles only to find them unchanged costs more than the
half second a no-change rebuild may take, so, as git's index does, a file whose
size, modification and change times and inode are those recorded at the last
build keeps its recorded hash unread. A file changed within `RACY_SECONDS` of the
recording is read again every time: a write in the same clock tick as the
recording could otherwise keep its old times.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__
from .config import Config
from .model import Problem
from .write import state_dir

RECORD = "last-build.json"
STATS = "file-hashes.json"
RACY_SECONDS = 2.0

Signature = tuple[int, int, int, int]  # size, modification and change times (ns), inode


def stat_signature(path: str) -> Signature | None:
    """What tells, without reading it, that a file may have changed; None if it cannot be looked at."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino


def _files_under(root: str) -> list[str]:
    """Every file under `root`, in a stable order (strings, not `Path`s: this runs on every rebuild)."""
    if os.path.isfile(root):
        return [root]
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        if "__pycache__" in dirs:
            dirs.remove("__pycache__")
        found.extend(os.path.join(folder, name) for name in sorted(files))
    return found


class FileHashes:
    """Content hashes of files, reusing the last build's for files whose stat is unchanged."""

    def __init__(self, recorded: dict[str, Any] | None = None):
        recorded = recorded or {}
        self.trusted_before = int(recorded.get("recorded_ns", 0) - RACY_SECONDS * 1e9)
        self.previous: dict[str, list] = recorded.get("files", {}) if isinstance(recorded.get("files"), dict) else {}
        self.current: dict[str, list] = {}
        self.recorded_ns = time.time_ns()
        self.read = 0  # files whose bytes had to be read

    def digest(self, path: str) -> bytes:
        found = stat_signature(path)
        if found is None:
            return b"\0unreadable"
        signature = list(found)
        known = self.previous.get(path)
        if known is not None and known[:4] == signature and max(found[1], found[2]) < self.trusted_before:
            self.current[path] = known
            return bytes.fromhex(known[4])
        try:
            with open(path, "rb") as handle:
                value = hashlib.sha256(handle.read()).digest()
        except OSError:
            return b"\0unreadable"
        self.read += 1
        self.current[path] = [*signature, value.hex()]
        return value

    def to_json(self) -> dict[str, Any]:
        return {"recorded_ns": self.recorded_ns, "files": self.current}


class Fingerprint(NamedTuple):
    whole: str  # everything a build reads
    code: str  # all but the articles: our code and templates, the user's templates and config


def fingerprint(config: Config) -> tuple[Fingerprint, FileHashes]:
    """The build's fingerprint, and the file hashes to record once the build has succeeded."""
    hashes = FileHashes(_read_json(_stats_path(config)))
    code = hashlib.sha256()
    code.update(f"{__version__}\0{config!r}\0".encode("utf-8", "surrogatepass"))
    package = Path(__file__).resolve().parent
    # Our own code, defaults and templates too: a new version must never serve a stale site.
    roots = [package, package.parents[1] / "templates"]
    roots += [p for p in (config.templates, config.config_path, config.theme_descriptions) if p]
    _add_files(code, roots, hashes)
    whole = code.copy()
    _add_files(whole, list(config.inputs), hashes)
    return Fingerprint(whole.hexdigest(), code.hexdigest()), hashes


def _add_files(digest: Any, roots: list[Path], hashes: FileHashes) -> None:
    for root in map(str, roots):
        for path in _files_under(root) if os.path.exists(root) else []:
            digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
            digest.update(hashes.digest(path))


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _stats_path(config: Config) -> Path:
    return state_dir(config.output) / STATS


def _record_path(config: Config) -> Path:
    return state_dir(config.output) / RECORD


def unchanged_report(config: Config, print_: Fingerprint) -> dict[str, Any] | None:
    """The last build's report if `print_` matches it and its site is still there."""
    if not (config.output / "index.html").is_file():
        return None
    record = _read_json(_record_path(config))
    return record if record is not None and record.get("fingerprint") == print_.whole else None


def remember(config: Config, print_: Fingerprint, report: dict[str, Any], hashes: FileHashes | None = None) -> None:
    """Record a successful build (written after the site is switched in)."""
    _write_json(_record_path(config), {"fingerprint": print_.whole, **report})
    if hashes is not None:
        remember_hashes(config, hashes)


def remember_hashes(config: Config, hashes: FileHashes) -> None:
    """Keep the file hashes for the next build, so that it need not read the files again."""
    _write_json(_stats_path(config), hashes.to_json())


def _write_json(path: Path, value: dict[str, Any]) -> None:
    try:
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(value, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # without the record the next build simply does the work


def problems_from(record: dict[str, Any]) -> tuple[Problem, ...]:
    return tuple(
        Problem(p["path"], p["message"], p.get("line"), p.get("severity", "warning")) for p in record["problems"]
    )
