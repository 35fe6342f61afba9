"""Find the article files under the inputs, skipping what is not an article.

Hidden files, editor backups (`.#x`, `x~`, `#x#`, `.swp`), `.DS_Store` and the
correction files that sit beside articles (`NAME.yml` next to `NAME.txt`)
are passed over; a missing input or a symbolic-link loop is reported, never
fatal. The order is sorted, so builds do not depend on the file system's.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import Problem

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
CORRECTION_SUFFIXES = {".yml", ".yaml"}


def is_ignored(name: str) -> bool:
    return (
        name.startswith(".")
        or name.startswith("#")
        or name.endswith("~")
        or name.endswith((".swp", ".swo", ".bak", ".tmp"))
        or name in {"Thumbs.db", "desktop.ini"}
    )


def discover(inputs: tuple[Path, ...]) -> tuple[list[Path], tuple[Problem, ...]]:
    found: list[Path] = []
    problems: list[Problem] = []
    for root in inputs:
        if root.is_file():
            found.append(root)
            continue
        if not root.is_dir():
            problems.append(Problem(str(root), "input folder does not exist", severity="error"))
            continue
        seen_dirs: set[tuple[int, int]] = set()
        for folder, dirs, files in os.walk(root, followlinks=True, onerror=None):
            try:
                stat = os.stat(folder)
            except OSError as error:
                problems.append(Problem(folder, f"cannot read folder: {error.strerror}"))
                dirs[:] = []
                continue
            key = (stat.st_dev, stat.st_ino)
            if key in seen_dirs:
                problems.append(Problem(folder, "symbolic link loop; skipped"))
                dirs[:] = []
                continue
            seen_dirs.add(key)
            dirs[:] = sorted(d for d in dirs if not is_ignored(d))
            for name in sorted(files):
                if is_ignored(name):
                    continue
                path = Path(folder) / name
                suffix = path.suffix.lower()
                if suffix in CORRECTION_SUFFIXES:
                    continue  # corrections and configs are read with their article
                if suffix not in ARTICLE_SUFFIXES and not _looks_like_text_name(name):
                    problems.append(Problem(str(path), f"not an article ({suffix} file); skipped"))
                    continue
                if path.is_symlink() and not path.exists():
                    problems.append(Problem(str(path), "broken or looping symbolic link; skipped"))
                    continue
                found.append(path)
    unique = sorted(dict.fromkeys(found), key=lambda p: str(p))
    return unique, tuple(problems)


def _looks_like_text_name(name: str) -> bool:
    return "." not in name
