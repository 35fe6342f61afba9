"""Find the article files under the inputs, saying what is passed over and why.

Hidden files and folders, editor backups and lock files (`.#x`, `x~`, `#x#`,
`.swp`) and system files (`.DS_Store`, `Thumbs.db`) are passed over with a
note naming each; files of other kinds (`.png`, `.pdf`) with a warning. The
correction files that sit beside articles (`NAME.yml` next to `NAME.txt`) are
read with their article, not here; one with no article beside it (the
article renamed, say) is named with a warning, since its corrections would
be lost without a word. The folder of scripts and images a browser saves
with a page (`Page_files/` beside `Page.html`) is passed over with a note. A
missing input, an unreadable folder, a broken symbolic link or a
symbolic-link loop is reported, never fatal. A
site csto-digest built (it holds `.csto-digest`) is passed over whole. The
order is sorted, so builds do not depend on the file system's.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from stat import S_ISREG

from ..model import Problem

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm", ""}  # `.html`: a page saved from the browser
CORRECTION_SUFFIXES = {".yml", ".yaml"}
SITE_MARKER = ".csto-digest"  # write.MARKER: the folder is a site we built
SYSTEM_FILES = {".DS_Store", "Thumbs.db", "desktop.ini", ".directory"}
CONFIG_NAMES = {"csto-digest.yml", "csto-digest.yaml"}  # a config kept with the articles is not a correction
_ORPHAN = "correction file with no article {stem}.txt or {stem}.md beside it; not read"


def ignored_because(name: str) -> str | None:
    """Why a file or folder of this name is not read, or None if it may be."""
    if name in SYSTEM_FILES:
        return "system file"
    if name.startswith(".#"):
        return "editor lock file"
    if name.startswith("#") or name.endswith("~") or name.endswith((".swp", ".swo", ".bak", ".tmp", ".orig")):
        return "editor backup"
    if name.startswith("."):
        return "hidden"
    return None


def is_ignored(name: str) -> bool:
    return ignored_because(name) is not None


def discover(inputs: tuple[Path, ...]) -> tuple[list[Path], tuple[Problem, ...]]:
    """The article files under `inputs`, sorted, and one Problem per file passed over."""
    found, problems = discover_paths(inputs)
    return [Path(path) for path in found], problems


def discover_paths(inputs: tuple[Path, ...]) -> tuple[list[str], tuple[Problem, ...]]:
    """`discover`, the paths as strings (as the loader wants them: ten thousand `Path`s take a tenth of a second)."""
    found: list[str] = []
    problems: list[Problem] = []
    for root in inputs:
        if root.is_file():
            found.append(str(root))
            continue
        if not root.is_dir():
            problems.append(Problem(str(root), _missing(root), severity="error"))
            continue
        seen_dirs: dict[tuple[int, int], str] = {}

        def unreadable(error: OSError) -> None:
            problems.append(Problem(str(error.filename), f"cannot read folder: {error.strerror}; skipped"))

        for folder, dirs, files in os.walk(root, followlinks=True, onerror=unreadable):
            try:
                stat = os.stat(folder)
            except OSError as error:
                problems.append(Problem(folder, f"cannot read folder: {error.strerror}; skipped"))
                dirs[:] = []
                continue
            key = (stat.st_dev, stat.st_ino)
            if key in seen_dirs:
                first = seen_dirs[key]
                if Path(first) in Path(folder).parents:
                    problems.append(Problem(folder, f"symbolic link loop (back to {first}); skipped"))
                else:
                    problems.append(Problem(folder, f"the same folder as {first} (a symbolic link); skipped"))
                dirs[:] = []
                continue
            seen_dirs[key] = folder
            if SITE_MARKER in files and folder != str(root):
                problems.append(Problem(folder, "a site built by csto-digest, not articles; skipped", severity="note"))
                dirs[:] = []
                continue
            kept_dirs = []
            for name in sorted(dirs):
                why = ignored_because(name) or _saved_page_files(name, files)
                if why:
                    problems.append(Problem(str(Path(folder) / name), f"{why} folder; skipped", severity="note"))
                else:
                    kept_dirs.append(name)
            dirs[:] = kept_dirs
            stems: set[str] | None = None  # of this folder's articles, made when a correction file is met
            base = str(Path(folder))  # as `Path` spells it ("./in" is "in"), for the paths reported
            for name in sorted(files):
                # Strings and one `stat` per file, not `Path`s and three: this runs on every rebuild.
                path = name if base == "." else os.path.join(base, name)
                why = ignored_because(name)
                if why:
                    problems.append(Problem(path, f"{why}; skipped", severity="note"))
                    continue
                suffix = _suffix(name).lower()
                if suffix in CORRECTION_SUFFIXES:
                    if stems is None:
                        stems = _article_stems(files)
                    if _stem(name) not in stems and name not in CONFIG_NAMES:
                        problems.append(Problem(path, _ORPHAN.format(stem=_stem(name))))
                    continue  # corrections are read with their article
                try:
                    mode: int | None = os.stat(path).st_mode
                except OSError:
                    mode = None
                if mode is None and os.path.islink(path):
                    problems.append(Problem(path, f"{_broken_link(Path(path))}; skipped"))
                    continue
                if suffix not in ARTICLE_SUFFIXES and not _looks_like_text_name(name):
                    problems.append(Problem(path, f"not an article ({suffix} file); skipped"))
                    continue
                if mode is None or not S_ISREG(mode):
                    problems.append(Problem(path, "not a regular file; skipped"))
                    continue
                found.append(path)
    return sorted(dict.fromkeys(found)), tuple(problems)


def _saved_page_files(name: str, files: list[str]) -> str | None:
    """`Page_files/`, beside `Page.html`: the scripts, styles and images a browser saves with a page
    ("Save Page As", complete), not articles (an advert's frame there is an `.html` of its own)."""
    page = name.removesuffix("_files")
    saved = next((f"{page}{suffix}" for suffix in (".html", ".htm") if f"{page}{suffix}" in files), None)
    return f"{saved}'s files" if page != name and saved else None  # "Page.html's files folder; skipped"


def _missing(root: Path) -> str:
    if root.is_symlink():
        return f"input is a {_broken_link(root)}"
    return "input folder does not exist"


def _broken_link(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
    return f"broken symbolic link (to {os.readlink(path)}, which does not exist)"


def _article_stems(names: list[str]) -> set[str]:
    """The stems of the articles among `names`: `NAME.yml` is the corrections of `NAME.txt` or `NAME.md`."""
    return {_stem(name) for name in names if _is_article_name(name) and not ignored_because(name)}


def _is_article_name(name: str) -> bool:
    return _suffix(name).lower() in ARTICLE_SUFFIXES or _looks_like_text_name(name)


def _suffix(name: str) -> str:
    """`Path(name).suffix`, without making a `Path`."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _stem(name: str) -> str:
    """`Path(name).stem`, without making a `Path`."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _looks_like_text_name(name: str) -> bool:
    return "." not in name
