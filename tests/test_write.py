"""The writer: only changed files written, the site swapped in atomically, nothing lost, nothing outside."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from csto_digest.cli import main
from csto_digest.config import ConfigError
from csto_digest.write import MARKER, UnsafePathError, check_output, state_dir, write_site

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def site(version: str, count: int = 30) -> dict[str, bytes]:
    files = {f"articles/{i:03d}.html": f"<p>{version} {i}</p>".encode() for i in range(count)}
    files["index.html"] = f"<h1>{version}</h1>".encode()
    return files


def snapshot(output: Path) -> dict[str, bytes]:
    """Every file of the published site, as a reader of `output` sees it."""
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def _marker() -> bytes:
    return b"written by csto-digest; this folder is replaced on every build\n"


def expected(files: dict[str, bytes], **extra: bytes) -> dict[str, bytes]:
    return dict(sorted({**files, ".nojekyll": b"", MARKER: _marker(), **extra}.items()))


# --- incremental --------------------------------------------------------------------------------


def test_a_second_build_writes_nothing_and_an_edit_writes_only_its_file(tmp_path):
    out = tmp_path / "site"
    first = write_site(site("v1"), out)
    assert first.written == 33 and snapshot(out) == expected(site("v1"))
    assert out.is_symlink()

    link_before = os.readlink(out)
    again = write_site(site("v1"), out)
    assert (again.written, again.deleted) == (0, 0)
    assert os.readlink(out) == link_before  # nothing changed: not even the link swapped

    edited = site("v1")
    edited["articles/007.html"] = b"<p>edited</p>"
    report = write_site(edited, out)
    assert report.written == 1  # the other tree is filled with links to the live one, not rewritten
    assert report.linked == 33
    assert snapshot(out) == expected(edited)
    assert os.readlink(out) != link_before

    edited["articles/008.html"] = b"<p>edited too</p>"
    report = write_site(edited, out)
    assert report.written == 2  # this tree missed the first edit and gets both
    assert snapshot(out) == expected(edited)

    report = write_site(edited, out)
    assert report.written == 0


def test_writing_a_linked_tree_never_changes_the_live_one(tmp_path):
    out = tmp_path / "site"
    write_site(site("v1"), out)
    write_site({**site("v1"), "index.html": b"v2"}, out)  # tree b: links to a, index written anew
    live = out.resolve()
    other = state_dir(out) / ("a" if live.name == "b" else "b")
    assert os.stat(live / "articles/001.html").st_ino == os.stat(other / "articles/001.html").st_ino
    write_site({**site("v1"), "articles/001.html": b"v3", "index.html": b"v2"}, out)  # writes into tree a
    assert (other / "articles/001.html").read_bytes() == b"v3"
    assert (live / "articles/001.html").read_bytes() == b"<p>v1 1</p>"  # the link was broken, not written through


def test_deleted_pages_and_their_empty_folders_go(tmp_path):
    out = tmp_path / "site"
    files = {**site("v1"), "speakers/someone.html": b"x"}
    write_site(files, out)
    write_site(files, out)
    files.pop("speakers/someone.html")
    files.pop("articles/003.html")
    report = write_site(files, out)
    assert report.deleted == 2
    assert snapshot(out) == expected(files)
    assert not (out / "speakers").exists()
    files["index.html"] = b"edited"
    report = write_site(files, out)  # the other tree, one build behind, loses them too
    assert (report.written, report.deleted) == (1, 2)
    assert snapshot(out) == expected(files)


def test_clean_rewrites_everything(tmp_path):
    out = tmp_path / "site"
    write_site(site("v1"), out)
    report = write_site(site("v1"), out, clean=True)
    assert report.written == 33 and report.linked == 0
    assert snapshot(out) == expected(site("v1"))


def test_an_existing_folder_of_ours_or_an_empty_one_is_taken_over(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    write_site(site("v1"), out)
    assert out.is_symlink() and snapshot(out) == expected(site("v1"))


def test_an_old_site_of_ours_in_a_real_folder_is_taken_over_whole(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_bytes(b"")
    (out / "old.html").write_bytes(b"old")
    write_site(site("v1"), out)
    assert out.is_symlink() and snapshot(out) == expected(site("v1"))


def test_a_take_over_interrupted_between_move_and_link_is_finished_by_the_next_build(tmp_path, monkeypatch):
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_bytes(b"")
    (out / "index.html").write_bytes(b"the old site")

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("csto_digest.write.os.symlink", killed)
    with pytest.raises(KeyboardInterrupt):
        write_site(site("v1"), out)
    monkeypatch.undo()
    assert not out.exists()  # the two-call window: the folder moved, the link not yet made
    assert (state_dir(out) / "a" / "index.html").read_bytes() == b"the old site"

    def fail(_name: str) -> None:
        raise RuntimeError("and this build fails too")

    with pytest.raises(RuntimeError):
        write_site(site("v1"), out, on_file=fail)
    assert (out / "index.html").read_bytes() == b"the old site"  # the take-over was finished first
    write_site(site("v1"), out)
    assert snapshot(out) == expected(site("v1"))


def test_the_tree_is_on_disk_before_the_link_points_at_it(tmp_path, monkeypatch):
    out = tmp_path / "site"
    write_site(site("v1"), out)
    link = os.readlink(out)
    seen: list[tuple[str, bytes]] = []

    def flush() -> None:
        target = state_dir(out) / ("b" if link.endswith("a") else "a")
        seen.append((os.readlink(out), (target / "index.html").read_bytes()))

    monkeypatch.setattr("csto_digest.write._flush_tree", flush)
    write_site(site("v2"), out)
    assert seen == [(link, b"<h1>v2</h1>")]  # flushed complete, while the old tree was still live


def test_a_folder_in_the_tree_linking_outside_is_never_written_through(tmp_path):
    out = tmp_path / "site"
    files = {**site("v1"), "speakers/x.html": b"x"}
    write_site(files, out)
    write_site({**files, "index.html": b"v2"}, out)
    outside = tmp_path / "outside"
    outside.mkdir()
    other = state_dir(out) / ("b" if os.readlink(out).endswith("a") else "a")
    shutil.rmtree(other / "speakers")
    (other / "speakers").symlink_to(outside)  # planted by someone else
    with pytest.raises(UnsafePathError, match="resolves outside"):
        write_site({**files, "speakers/x.html": b"y", "index.html": b"v3"}, out)
    assert list(outside.iterdir()) == []
    assert (out / "index.html").read_bytes() == b"v2"


def test_a_folder_that_is_not_ours_is_refused(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "thesis.tex").write_text("years of work")
    with pytest.raises(ConfigError, match="not written by csto-digest") as caught:
        write_site(site("v1"), out)
    assert str(out) in caught.value.message
    assert (out / "thesis.tex").read_text() == "years of work"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "linked"
    link.symlink_to(elsewhere)
    with pytest.raises(ConfigError, match="not a site this tool wrote"):
        write_site(site("v1"), link)


def test_two_builds_at_once_take_turns(tmp_path, monkeypatch):
    import fcntl
    import threading

    out = tmp_path / "site"
    write_site(site("v1"), out)
    before = snapshot(out)
    with open(state_dir(out) / "lock", "a+b") as held:  # another build is writing
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        monkeypatch.setattr("csto_digest.write.LOCK_WAIT", 0.2)
        with pytest.raises(ConfigError, match="another csto-digest build is writing"):
            write_site(site("v2"), out)
        assert snapshot(out) == before
        monkeypatch.setattr("csto_digest.write.LOCK_WAIT", 30)
        threading.Timer(0.3, fcntl.flock, (held.fileno(), fcntl.LOCK_UN)).start()
        write_site(site("v2"), out)  # waits for the other, then writes
    assert snapshot(out) == expected(site("v2"))


# --- keep ---------------------------------------------------------------------------------------


def test_kept_files_are_carried_into_every_build(tmp_path):
    cname = tmp_path / "CNAME"
    cname.write_text("digest.example.org\n")
    robots = tmp_path / "robots.txt"
    robots.write_text("User-agent: *\n")
    out = tmp_path / "site"
    files = {**site("v1"), "robots.txt": b"ours"}
    for version in ("v1", "v2", "v3"):
        files["index.html"] = version.encode()
        report = write_site(files, out, keep=(str(cname), str(robots)))
        assert report.problems == ()
        assert (out / "CNAME").read_text() == "digest.example.org\n"
        assert (out / "robots.txt").read_text() == "User-agent: *\n"  # the user's file wins over ours


def test_a_kept_file_that_vanished_is_reported(tmp_path):
    report = write_site(site("v1"), tmp_path / "site", keep=(str(tmp_path / "CNAME"),))
    assert [p.message for p in report.problems] == [
        "cannot read the file to keep in the site: No such file or directory"
    ]


def test_keep_in_the_config_reaches_the_site(tmp_path):
    (tmp_path / "CNAME").write_text("digest.example.org\n")
    (tmp_path / "csto-digest.yml").write_text("keep: [CNAME]\n")
    out = tmp_path / "site"
    for _ in range(2):
        result = CliRunner().invoke(
            main, ["build", "--config", str(tmp_path / "csto-digest.yml"), "--input", str(SEEDS), "--output", str(out)]
        )
        assert result.exit_code == 0, result.output
        assert (out / "CNAME").read_text() == "digest.example.org\n"


# --- nothing outside the output ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../escape.html", "/etc/passwd", "a/../../escape.html", "a\\b.html", "", "a//b.html", "./a.html", "a/.", "x\0y",
     "C:/x.html", "~/x.html", "..", "a/.."],
)  # fmt: skip
def test_unsafe_file_names_are_refused_before_anything_is_written(tmp_path, name):
    out = tmp_path / "out" / "site"
    with pytest.raises(UnsafePathError, match="unsafe output path"):
        write_site({"index.html": b"x", name: b"evil"}, out)
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_names_differing_only_in_case_are_refused(tmp_path):
    with pytest.raises(UnsafePathError, match="only in case"):
        write_site({"articles/A.html": b"1", "articles/a.html": b"2"}, tmp_path / "site")
    assert list(tmp_path.iterdir()) == []


# --- refusals ------------------------------------------------------------------------------------


def test_dangerous_outputs_are_refused(tmp_path, monkeypatch):
    inputs = tmp_path / "articles"
    (inputs / "deep").mkdir(parents=True)
    cases = {
        inputs: "it is the input folder",
        tmp_path: "it holds the input",
        inputs / "site": "inside the input folder",
        Path("/"): "the root folder",
        Path.home(): "home folder",
    }
    for output, words in cases.items():
        with pytest.raises(ConfigError, match=words):
            check_output(output, (inputs,))
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    with pytest.raises(ConfigError, match="repository root"):
        check_output(repo, ())
    with pytest.raises(ConfigError, match="repository root"):
        check_output(Path(__file__).resolve().parents[1], ())
    fake_home = tmp_path / "home" / "me"
    fake_home.mkdir(parents=True)
    monkeypatch.setenv("HOME", str(fake_home))
    with pytest.raises(ConfigError, match="home folder"):
        check_output(tmp_path / "home", ())  # holds the home folder
    check_output(fake_home / "site", (inputs,))  # a folder in the home folder is fine


@pytest.mark.parametrize("where", ["input", "parent", "inside", "root", "home"])
def test_the_cli_refuses_a_dangerous_output_with_exit_2_and_writes_nothing(tmp_path, monkeypatch, where):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    inputs = tmp_path / "articles"
    inputs.mkdir()
    (inputs / "a.txt").write_bytes((SEEDS / "000_c9b3525981a185a9.txt").read_bytes())
    output = {
        "input": inputs,
        "parent": tmp_path,
        "inside": inputs / "site",
        "root": Path("/"),
        "home": tmp_path / "home",
    }[where]
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    result = CliRunner().invoke(main, ["build", "--input", str(inputs), "--output", str(output)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: --output: refusing to write the site to {output}: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before  # not even the cache


# --- failure, Ctrl-C and SIGKILL half-way ----------------------------------------------------------


def test_a_build_that_fails_half_way_leaves_the_site_as_it_was(tmp_path):
    out = tmp_path / "site"
    write_site(site("v1"), out)
    write_site({**site("v1"), "index.html": b"v1b"}, out)  # both trees exist now
    before, link = snapshot(out), os.readlink(out)
    written: list[str] = []

    def fail_after_five(name: str) -> None:
        written.append(name)
        if len(written) == 5:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_site(site("v2"), out, on_file=fail_after_five)
    assert snapshot(out) == before and os.readlink(out) == link
    report = write_site(site("v2"), out)  # the next build recovers from the half-written tree
    assert snapshot(out) == expected(site("v2"))
    assert report.written == 31


def test_a_failing_render_leaves_the_site_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "site"
    args = ["build", "--input", str(SEEDS), "--output", str(out)]
    assert CliRunner().invoke(main, args).exit_code == 0
    before = snapshot(out)

    def broken(*_args, **_kwargs):
        raise RuntimeError("template error")

    monkeypatch.setattr("csto_digest.render.render", broken)
    result = CliRunner().invoke(main, [*args, "--clean"])
    assert result.exit_code != 0 and isinstance(result.exception, RuntimeError)
    assert snapshot(out) == before


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from csto_digest.write import write_site

    def slowly(name):
        print(name, flush=True)
        time.sleep(0.002)

    files = {f"articles/{i:04d}.html": f"<p>v2 {i}</p>".encode() for i in range(1000)}
    write_site(files, Path(sys.argv[1]), on_file=slowly)
    print("finished", flush=True)
    """
)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "sigkill"])
def test_a_build_interrupted_half_way_leaves_the_site_as_it_was(tmp_path, sig):
    out = tmp_path / "site"
    old = {f"articles/{i:04d}.html": f"<p>v1 {i}</p>".encode() for i in range(1000)}
    write_site(old, out)
    before, link = snapshot(out), os.readlink(out)
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(out)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert child.stdout is not None
    for _ in range(50):  # well into the writing: the other tree is half new, half linked to the live one
        assert child.stdout.readline().startswith("articles/")
    child.send_signal(sig)
    rest = child.stdout.read()
    assert child.wait(timeout=30) != 0
    assert "finished" not in rest
    assert os.readlink(out) == link
    assert snapshot(out) == before
    target = state_dir(out) / ("b" if link.endswith("a") else "a")
    assert (target / "articles/0000.html").read_bytes() == b"<p>v2 0</p>"  # it was killed half-way indeed
    assert (target / "articles/0999.html").read_bytes() == b"<p>v1 999</p>"

    new = {f"articles/{i:04d}.html": f"<p>v2 {i}</p>".encode() for i in range(1000)}
    write_site(new, out)  # the next build finishes the job
    assert snapshot(out) == expected(new)


def test_an_unsafe_name_in_a_stream_leaves_the_live_site_as_it_was(tmp_path):
    out = tmp_path / "site"
    write_site(site("v1"), out)
    before = snapshot(out)

    def stream():
        yield "index.html", b"<p>new</p>"
        yield "../escape.html", b"evil"

    with pytest.raises(UnsafePathError, match="unsafe output path"):
        write_site(stream(), out)
    assert snapshot(out) == before
    assert not (tmp_path / "escape.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.csto", "site"]
