"""Write the rendered site: incremental and atomic together.

The output path is a symbolic link to one of two trees kept beside it
(`.NAME.csto/a` and `.NAME.csto/b`). A build brings the tree that is *not*
live up to date, writing only the files whose bytes differ from what that
tree holds (its manifest says), and then swaps the link in one `os.replace`.
A build that fails, is interrupted or killed at any point leaves the live
tree, and so the published site, exactly as it was. A rebuild in which
nothing changed writes nothing at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .config import ConfigError
from .model import Problem

MARKER = ".csto-digest"
TREES = ("a", "b")


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    deleted: int
    problems: tuple[Problem, ...] = ()


def state_dir(output: Path) -> Path:
    return output.parent / f".{output.name}.csto"


def check_output(output: Path, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse an output folder that could destroy something that is not ours."""
    resolved = output.resolve() if not output.is_symlink() else output.parent.resolve() / output.name
    forbidden = {Path("/").resolve(), Path.home().resolve()}
    if resolved in forbidden or resolved.parent == resolved:
        raise ConfigError(f"refusing to write the site to {output}: that is / or the home folder", key="output")
    if (resolved / ".git").exists() or (resolved / "pyproject.toml").exists():
        raise ConfigError(f"refusing to write the site to {output}: it is a repository root", key="output")
    for source in inputs:
        source = source.resolve()
        if source == resolved or resolved in source.parents:
            raise ConfigError(f"refusing to write the site to {output}: it holds the input {source}", key="output")


def _safe_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(p in ("..", "", ".") for p in path.parts) or "\\" in name:
        raise ValueError(f"unsafe output path {name!r}")
    return path


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(path: Path) -> dict[str, str] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _take_over(output: Path, state: Path) -> None:
    """An existing real folder at the output: adopt it if it is ours or empty."""
    if not output.exists() and not output.is_symlink():
        return
    if output.is_symlink():
        target = Path(os.readlink(output))
        if not target.is_absolute():
            target = output.parent / target
        if target.resolve().parent == state.resolve():
            return
        raise ConfigError(f"{output} is a link to {target}, not a site this tool wrote; remove it first", key="output")
    if output.is_dir() and (not any(output.iterdir()) or (output / MARKER).exists()):
        state.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(state / "a", ignore_errors=True)
        os.replace(output, state / "a")
        (state / "a.json").unlink(missing_ok=True)  # unknown content: rewrite it fully next time
        os.symlink(Path(state.name) / "a", output)
        return
    raise ConfigError(f"{output} exists and was not written by csto-digest; refusing to replace it", key="output")


def write_site(
    files: dict[str, bytes],
    output: Path,
    inputs: tuple[Path, ...] = (),
    keep: tuple[str, ...] = (),
    clean: bool = False,
) -> WriteReport:
    """Bring the output up to date with `files` (relative POSIX path -> bytes)."""
    check_output(output, inputs)
    files = dict(files)
    files.setdefault(".nojekyll", b"")
    files[MARKER] = b"written by csto-digest; this folder is replaced on every build\n"
    for name in keep:
        source = Path(name)
        if source.is_file():
            files[source.name] = source.read_bytes()
    wanted = {str(_safe_relative(name)): data for name, data in files.items()}
    hashes = {name: _digest(data) for name, data in wanted.items()}

    state = state_dir(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    _take_over(output, state)
    state.mkdir(parents=True, exist_ok=True)

    live = Path(os.readlink(output)).name if output.is_symlink() else None
    if live in TREES and not clean and _read_manifest(state / f"{live}.json") == hashes:
        return WriteReport(0, len(wanted), 0)  # nothing changed: write nothing, swap nothing
    target_name = "b" if live == "a" else "a"
    target = state / target_name
    manifest_path = state / f"{target_name}.json"
    old = None if clean else _read_manifest(manifest_path)
    manifest_path.unlink(missing_ok=True)  # the tree is dirty until the new manifest is written
    if old is None:
        shutil.rmtree(target, ignore_errors=True)
        old = {}
    target.mkdir(parents=True, exist_ok=True)

    written = unchanged = deleted = 0
    made_dirs: set[Path] = set()
    for name, data in wanted.items():
        if old.get(name) == hashes[name]:
            unchanged += 1
            continue
        path = target / name
        if path.parent not in made_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(path.parent)
        if path.is_symlink():
            path.unlink()
        path.write_bytes(data)
        written += 1
    for name in old.keys() - wanted.keys():
        (target / name).unlink(missing_ok=True)
        deleted += 1
    manifest_path.write_text(json.dumps(hashes, sort_keys=True), encoding="utf-8")

    link = output.parent / f".{output.name}.csto-link"
    link.unlink(missing_ok=True)
    os.symlink(Path(state.name) / target_name, link)
    os.replace(link, output)
    return WriteReport(written, unchanged, deleted)
