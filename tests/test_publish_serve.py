"""`publish` puts a built site on the Pages branch; `serve`'s watcher sees edits."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from csto_digest.publish import PublishError, publish_site
from csto_digest.serve import Watcher


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_publish_to_a_local_bare_repository(tmp_path, monkeypatch):
    bare = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(bare), cwd=tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    git("init", "-q", cwd=work)
    git("remote", "add", "origin", str(bare), cwd=work)
    site = work / "site"
    site.mkdir()
    (site / "index.html").write_text("<h1>digest</h1>", encoding="utf-8")
    (site / "CNAME").write_text("digest.example.org", encoding="utf-8")
    monkeypatch.chdir(work)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "t")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "t@example.org")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "t")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "t@example.org")
    publish_site(site, message="Publish test")
    files = git("ls-tree", "--name-only", "gh-pages", cwd=bare).split()
    assert sorted(files) == [".nojekyll", "CNAME", "index.html"]
    assert git("log", "-1", "--format=%s", "gh-pages", cwd=bare).strip() == "Publish test"


def test_publish_refuses_a_folder_that_is_not_a_site(tmp_path):
    with pytest.raises(PublishError, match=r"index\.html"):
        publish_site(tmp_path)


def test_watcher_rebuilds_when_a_file_changes(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("one", encoding="utf-8")
    builds: list[int] = []
    watcher = Watcher([tmp_path], lambda: builds.append(1))
    assert watcher.check_once() is False
    article.write_text("two, longer", encoding="utf-8")
    import os

    os.utime(article, (1, 1))
    assert watcher.check_once() is True
    assert watcher.build_number == 1 and builds == [1]
