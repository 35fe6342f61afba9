"""Same input, same output: byte-identical trees whatever the file order, the clock or the hash seed,
and an incremental rebuild equal to a clean build of the same input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = sorted(
    [
        *(REPO / "seeds").glob("*.txt"),
        *(REPO / "tests" / "corpus").glob("*.txt"),
        *(REPO / "tests" / "corpus").glob("*.md"),
    ]
)
MARKDOWN = """---
title: A hand-written note on the CSTO
date: 2024-05-01
source: Analyst Notes
themes: [peacekeeping]
---
The CSTO discussed *peacekeeping* in Minsk. "We are ready," Imangali Tasmagambetov said.
"""


def make_input(folder: Path, reverse: bool, mtime: float) -> None:
    """Copy the sources into `folder`, in the given order, all stamped with `mtime`."""
    folder.mkdir(parents=True)
    names = [*SOURCES, None]
    for source in reversed(names) if reverse else names:
        target = folder / (source.name if source else "note.md")
        if source:
            shutil.copyfile(source, target)
        else:
            target.write_text(MARKDOWN, encoding="utf-8")
        os.utime(target, (mtime, mtime))


def build(root: Path, *args: str, tz: str = "UTC", seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TZ": tz, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from csto_digest.cli import main; main()",
            "build",
            "--input",
            "in",
            "--output",
            "out",
            "--quiet",
            *args,
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done


def tree(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def assert_same_trees(first: dict[str, bytes], second: dict[str, bytes]) -> None:
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == [], f"{len(different)} files differ, first {different[:5]}"


def test_two_builds_in_different_orders_times_zones_and_seeds_are_identical(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    make_input(one / "in", reverse=False, mtime=1_000_000_000)
    make_input(two / "in", reverse=True, mtime=1_700_000_000)
    build(one, tz="UTC", seed="1")
    build(two, tz="Asia/Almaty", seed="2")
    first, second = tree(one / "out"), tree(two / "out")
    assert len(first) > 50
    assert_same_trees(first, second)


def reworded(folder: Path) -> None:
    """A word added to the longest line of four seeds, none of it quoted: their text and evidence
    change, and nothing else, so the rebuild lists again only the pages that reach them."""
    for path in sorted(folder.glob("00[1-4]_*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        longest = max(range(len(lines)), key=lambda n: (len(lines[n]), -n))
        lines[longest] = lines[longest].replace(" the ", " the very ", 1)
        path.write_text("\n".join(lines), encoding="utf-8")


def test_an_incremental_rebuild_after_edits_equals_a_clean_build(tmp_path):
    incremental, clean = tmp_path / "incremental", tmp_path / "clean"
    make_input(incremental / "in", reverse=False, mtime=1_000_000_000)
    build(incremental)

    def edit(folder: Path) -> None:
        first = sorted(folder.glob("c0*.txt"))[0]
        first.write_text(
            first.read_text(encoding="utf-8").replace("CSTO", "Collective Security Treaty Organization", 1)
        )
        sorted(folder.glob("c1*.txt"))[-1].unlink()
        (folder / "added.txt").write_text(
            "date 2024-06-01 https://tass.com/politics/1\nCSTO adds a new article\n\n"
            "MOSCOW, June 1. /TASS/. The CSTO will hold drills in Belarus, Stanislav Zas said.\n",
            encoding="utf-8",
        )

    edit(incremental / "in")
    build(incremental)  # through the cache and the other tree, writing only what changed
    edit_again = incremental / "in" / "note.md"
    edit_again.write_text(MARKDOWN.replace("Minsk", "Yerevan"), encoding="utf-8")
    done = build(incremental)
    assert done.stdout == ""  # --quiet
    reworded(incremental / "in")  # the text alone: only the pages reaching the article are listed again
    build(incremental)

    # The same history, each build from nothing: the home page's news are counted
    # against the previous input's build, so both sides must have seen the same inputs.
    make_input(clean / "in", reverse=True, mtime=1_700_000_000)
    build(clean, "--clean")
    edit(clean / "in")
    build(clean, "--clean")
    (clean / "in" / "note.md").write_text(MARKDOWN.replace("Minsk", "Yerevan"), encoding="utf-8")
    build(clean, "--clean")
    reworded(clean / "in")
    build(clean, "--clean")
    assert_same_trees(tree(incremental / "out"), tree(clean / "out"))
    assert "New since the previous build" in (clean / "out" / "index.html").read_text(encoding="utf-8")
