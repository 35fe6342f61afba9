"""Write the rendered site: incremental and atomic together.

The output path is a symbolic link to one of two trees kept beside it
(`.NAME.csto/a` and `.NAME.csto/b`). A build brings the tree that is *not*
live up to date, writing only the files whose bytes differ from what that
tree holds (its manifest says), and then swaps the link in one `os.replace`.
A build that fails, is interrupted or killed at any point leaves the live
tree, and so the published site, exactly as it was. A rebuild in which
nothing changed writes nothing at all.

The first rebuild after a tree is lost (a fresh output, a killed build) fills
the other tree with hard links to the live one, so that it too writes only
what changed; a file is never written in place while it is linked.

File names come from the renderer, which makes them from untrusted titles;
any that is not a plain relative path (`..`, absolute, backslashes, NUL) is
refused before anything is written, and so are two that differ only in case.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
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
    linked: int = 0  # files carried over from the live tree as hard links, not written


def state_dir(output: Path) -> Path:
    return output.parent / f".{output.name}.csto"


def check_output(output: Path, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse an output folder that could destroy something that is not ours.

    The output is replaced on every build, so it may not be `/`, the home
    folder (or a folder holding it), a repository's root, an input folder, a
    folder holding an input, or a folder inside an input (the next build would
    read the site as articles).
    """
    resolved = output.resolve() if not output.is_symlink() else output.parent.resolve() / output.name
    if resolved.parent == resolved:
        raise ConfigError(f"refusing to write the site to {output}: that is the root folder /", key="output")
    home = Path.home().resolve()
    if resolved == home or resolved in home.parents:
        raise ConfigError(
            f"refusing to write the site to {output}: that is or holds the home folder {home}", key="output"
        )
    for marker in (".git", "pyproject.toml", ".hg"):
        if (resolved / marker).exists():
            raise ConfigError(
                f"refusing to write the site to {output}: it is a repository root (it holds {marker})", key="output"
            )
    for source in inputs:
        source = source.resolve()
        if source == resolved:
            raise ConfigError(f"refusing to write the site to {output}: it is the input folder {source}", key="output")
        if resolved in source.parents:
            raise ConfigError(f"refusing to write the site to {output}: it holds the input {source}", key="output")
        if source in resolved.parents:
            raise ConfigError(
                f"refusing to write the site to {output}: it is inside the input folder {source}, "
                "so the next build would read the site as articles",
                key="output",
            )


class UnsafePathError(ValueError):
    """A file name that would land outside the output folder, or is not a plain relative path."""


def _safe_relative(name: str) -> PurePosixPath:
    parts = name.split("/")
    if (
        not name
        or name.startswith(("/", "~"))
        or any(part in ("", ".", "..") for part in parts)
        or any(c in name for c in "\\\0:")
    ):
        raise UnsafePathError(f"unsafe output path {name!r}: not a plain path inside the site")
    return PurePosixPath(name)


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


def _wanted_files(files: dict[str, bytes], keep: tuple[str, ...]) -> tuple[dict[str, bytes], list[Problem]]:
    """The rendered files, our marker, and the files a user keeps (which win over ours)."""
    problems: list[Problem] = []
    wanted = dict(files)
    wanted.setdefault(".nojekyll", b"")
    wanted[MARKER] = b"written by csto-digest; this folder is replaced on every build\n"
    for name in keep:
        source = Path(name)
        try:
            wanted[source.name] = source.read_bytes()
        except OSError as error:
            problems.append(Problem(name, f"cannot read the file to keep in the site: {error.strerror or error}"))
    folded: dict[str, str] = {}
    for name in wanted:
        _safe_relative(name)
        other = folded.setdefault(name.casefold(), name)
        if other != name:  # one file on a case-blind disk (macOS, Windows, GitHub Pages checkouts)
            raise UnsafePathError(f"output paths {other!r} and {name!r} differ only in case")
    return dict(sorted(wanted.items())), problems


def _seed_from(live: Path, manifest: dict[str, str], target: Path) -> int:
    """Fill an empty `target` with hard links to the live tree's files.

    Links cost a third of writing, and afterwards only what changed is
    written. Files are never overwritten in place while linked (see
    `_write_file`), so the live tree is never touched through a link.
    """
    linked = 0
    made_dirs: set[Path] = set()
    for name in manifest:
        path = target / name
        if path.parent not in made_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(path.parent)
        try:
            os.link(live / name, path, follow_symlinks=False)
        except OSError:
            return -1  # no hard links here (another disk, a file system without them): write everything
        linked += 1
    return linked


def _write_file(path: Path, data: bytes) -> None:
    """Write `data` at `path` without writing through a link into the other tree."""
    try:
        stat = path.lstat()
    except FileNotFoundError:
        pass
    else:
        if stat.st_nlink > 1 or not path.is_file() or path.is_symlink():
            path.unlink()
    path.write_bytes(data)


def write_site(
    files: dict[str, bytes],
    output: Path,
    inputs: tuple[Path, ...] = (),
    keep: tuple[str, ...] = (),
    clean: bool = False,
    on_file: Callable[[str], None] | None = None,
) -> WriteReport:
    """Bring the output up to date with `files` (relative POSIX path -> bytes).

    `on_file` is called with each name after it is written (progress, and the
    tests' way to interrupt a build half-way). Nothing outside the state
    folder beside `output` is touched until the final link swap.
    """
    check_output(output, inputs)
    wanted, problems = _wanted_files(files, keep)
    hashes = {name: _digest(data) for name, data in wanted.items()}

    state = state_dir(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    _take_over(output, state)
    state.mkdir(parents=True, exist_ok=True)

    live = Path(os.readlink(output)).name if output.is_symlink() else None
    live_manifest = _read_manifest(state / f"{live}.json") if live in TREES else None
    if live_manifest == hashes and not clean:
        return WriteReport(0, len(wanted), 0, problems=tuple(problems))  # nothing changed: write nothing
    target_name = "b" if live == "a" else "a"
    target = state / target_name
    manifest_path = state / f"{target_name}.json"
    old = None if clean else _read_manifest(manifest_path)
    manifest_path.unlink(missing_ok=True)  # the tree is dirty until the new manifest is written
    linked = 0
    if old is None:
        shutil.rmtree(target, ignore_errors=True)
        old = {}
        if live_manifest and not clean:
            linked = _seed_from(state / str(live), live_manifest, target)
            if linked < 0:
                shutil.rmtree(target, ignore_errors=True)
                linked = 0
            else:
                old = live_manifest
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
        _write_file(path, data)
        written += 1
        if on_file:
            on_file(name)
    for name in sorted(old.keys() - wanted.keys()):
        (target / name).unlink(missing_ok=True)
        deleted += 1
    _remove_empty_folders(target, {PurePosixPath(n).parent for n in old.keys() - wanted.keys()})
    temporary = manifest_path.with_suffix(".tmp")
    temporary.write_text(json.dumps(hashes, sort_keys=True), encoding="utf-8")
    os.replace(temporary, manifest_path)

    link = output.parent / f".{output.name}.csto-link"
    link.unlink(missing_ok=True)
    os.symlink(Path(state.name) / target_name, link)
    os.replace(link, output)
    return WriteReport(written, unchanged, deleted, tuple(problems), linked)


def _remove_empty_folders(tree: Path, folders: set[PurePosixPath]) -> None:
    """Folders left empty by deleted files go too, deepest first."""
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        while folder.parts:
            try:
                (tree / folder).rmdir()
            except OSError:
                break  # not empty, or already gone
            folder = folder.parent
