"""Finding article files: sorted, and every file passed over is named once with the reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from csto_digest.load.discover import discover


def touch(path: Path, text: str = "Title\n\nBody.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def messages(problems) -> dict[str, str]:
    out: dict[str, str] = {}
    for problem in problems:
        assert problem.path not in out, f"two messages for {problem.path}"
        out[problem.path] = f"{problem.severity}: {problem.message}"
    return out


def test_articles_are_found_in_sorted_order_whatever_the_creation_order(tmp_path):
    for name in ("c.txt", "a.md", "sub/b.txt", "README"):
        touch(tmp_path / name)
    found, problems = discover((tmp_path,))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["README", "a.md", "c.txt", "sub/b.txt"]
    assert problems == ()


def test_hidden_files_backups_and_system_files_are_named_once_each(tmp_path):
    touch(tmp_path / "good.txt")
    skipped = {
        ".DS_Store": "note: system file; skipped",
        ".#good.txt": "note: editor lock file; skipped",
        "good.txt~": "note: editor backup; skipped",
        "#good.txt#": "note: editor backup; skipped",
        ".good.txt.swp": "note: editor backup; skipped",
        "Thumbs.db": "note: system file; skipped",
        ".hidden.txt": "note: hidden; skipped",
        "photo.png": "warning: not an article (.png file); skipped",
        "scan.PDF": "warning: not an article (.pdf file); skipped",
    }
    for name in skipped:
        touch(tmp_path / name)
    touch(tmp_path / ".git" / "config")
    touch(tmp_path / "good.yml", "title: corrected\n")  # a correction, read with its article
    found, problems = discover((tmp_path,))
    assert found == [tmp_path / "good.txt"]
    expected = {str(tmp_path / name): why for name, why in skipped.items()}
    expected[str(tmp_path / ".git")] = "note: hidden folder; skipped"
    assert messages(problems) == expected


def test_symbolic_link_loops_and_broken_links_are_reported_not_followed_forever(tmp_path):
    touch(tmp_path / "a.txt")
    (tmp_path / "loop").symlink_to(tmp_path)  # a folder that holds itself
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a file link to itself
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    touch(tmp_path / "real" / "b.txt")
    (tmp_path / "alias").symlink_to(tmp_path / "real")  # the same folder twice, not a loop
    found, problems = discover((tmp_path,))
    assert found == [tmp_path / "a.txt", tmp_path / "alias" / "b.txt"] or found == [
        tmp_path / "a.txt",
        tmp_path / "real" / "b.txt",
    ]
    got = messages(problems)
    assert got[str(tmp_path / "loop")] == f"warning: symbolic link loop (back to {tmp_path}); skipped"
    assert got[str(tmp_path / "self.txt")] == "warning: symbolic link loop; skipped"
    assert got[str(tmp_path / "gone.txt")].startswith("warning: broken symbolic link")
    assert any("the same folder as" in m for m in got.values())
    assert len(got) == 4


def test_a_missing_input_is_an_error_not_a_crash(tmp_path):
    found, problems = discover((tmp_path / "nope",))
    assert found == []
    assert [str(p) for p in problems] == [f"error: {tmp_path / 'nope'}: input folder does not exist"]


def test_a_file_given_as_input_is_read_as_is(tmp_path):
    path = touch(tmp_path / "odd.name.html")
    assert discover((path,)) == ([path], ())


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_reported(tmp_path):
    touch(tmp_path / "locked" / "a.txt")
    (tmp_path / "locked").chmod(0)
    try:
        found, problems = discover((tmp_path,))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert found == []
    assert "cannot read folder" in problems[0].message


def test_a_site_we_built_inside_the_input_is_passed_over_whole(tmp_path):
    touch(tmp_path / "a.txt")
    touch(tmp_path / "site" / ".csto-digest", "written by csto-digest\n")
    touch(tmp_path / "site" / "index.html", "<html></html>")
    found, problems = discover((tmp_path,))
    assert found == [tmp_path / "a.txt"]
    assert messages(problems) == {str(tmp_path / "site"): "note: a site built by csto-digest, not articles; skipped"}


def test_a_correction_file_with_no_article_beside_it_is_named(tmp_path):
    touch(tmp_path / "kept.txt")
    touch(tmp_path / "kept.yml", "title: corrected\n")
    touch(tmp_path / "bare", "Title\n\nBody.\n")  # an article with no suffix takes bare.yaml
    touch(tmp_path / "bare.yaml", "title: corrected\n")
    touch(tmp_path / "renamed.yml", "title: lost\n")
    touch(tmp_path / "csto-digest.yml", "site_title: kept with the articles\n")
    found, problems = discover((tmp_path,))
    assert found == [tmp_path / "bare", tmp_path / "kept.txt"]
    assert messages(problems) == {
        str(tmp_path / "renamed.yml"): "warning: correction file with no article renamed.txt or renamed.md beside "
        "it; not read"
    }


def test_paths_are_spelled_as_path_spells_them(tmp_path, monkeypatch):
    """Found paths are reported and cached as given: "." and "./in/" must give what `Path` gives."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("A title\n\nSome text.\n", encoding="utf-8")
    (tmp_path / "in" / "sub" / "b.txt").write_text("B title\n\nSome text.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    expected = [Path("in/a.txt"), Path("in/sub/b.txt")]
    assert discover((Path("./in/"),))[0] == expected
    assert [str(p) for p in discover((Path("in"),))[0]] == ["in/a.txt", "in/sub/b.txt"]
    monkeypatch.chdir(tmp_path / "in")
    assert [str(p) for p in discover((Path("."),))[0]] == ["a.txt", "sub/b.txt"]
