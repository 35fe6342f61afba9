"""On the fast path of a rebuild (an edit that leaves the site's shape alone), a forked helper makes the search
shards and the data exports while this process lists and renders the pages: the same files as making them
here, and its errors."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from csto_digest import exports as exports_module
from csto_digest import forked, pipeline, render_plan
from csto_digest import render as render_module
from csto_digest.config import Config, load_config
from csto_digest.pipeline import run_build
from csto_digest.render import render
from test_fingerprint import SEEDS
from test_group_cache import tokened
from test_render_reach import _corpus, _text_edited

pids: list[int] = []  # of the helpers started, in order


@pytest.fixture
def helpers(monkeypatch) -> list[str]:
    """What each exports helper was started for; helpers start at any corpus size."""
    started: list[str] = []
    original = forked.SpooledFiles.__init__
    pids.clear()

    def starting(self, makers, what, folder=None):
        started.append(f"{what}: {', '.join(makers)}")
        original(self, makers, what, folder)
        pids.append(self.process.pid)

    monkeypatch.setattr(render_plan, "SPLIT_MIN_ARTICLES", 1)
    monkeypatch.setattr(forked.SpooledFiles, "__init__", starting)
    return started


def _raising(message: str):
    """A stand-in that fails with `message`."""

    def failing(*args, **kwargs):
        raise ValueError(message)

    return failing


def _slow(*args):
    """A stand-in for the exports still at work when the build stops."""
    time.sleep(60)
    return iter(())


def _first_and_edited(tmp_path):
    articles, groups = _corpus()
    config = Config(output=tmp_path / "site")
    first = render(articles, groups, config, cache=True)
    first.collect()
    target = next(a for a in articles if a.quotes and a.source)
    edited = tuple(tokened([_text_edited(a, "Analysts noted it.") if a is target else a for a in articles]))
    return config, first, edited, groups


def test_the_files_made_by_the_helper_are_the_ones_made_here(tmp_path, monkeypatch, helpers):
    config, first, edited, groups = _first_and_edited(tmp_path)
    again = render(edited, groups, config, live_keys=first.keys, cache=True).collect()
    assert helpers == ["search and exports helper: search, exports"], (
        "the edit took the fast path, and the exports were made by a helper"
    )

    monkeypatch.setattr(render_module, "can_fork", lambda: False)
    here = render(edited, groups, Config(output=tmp_path / "other"), live_keys=first.keys).collect()
    assert helpers == ["search and exports helper: search, exports"]
    data = sorted(path for path in again if path.startswith("data/"))
    assert data == ["data/articles.json", "data/groups.json", "data/quotes.csv", "data/quotes.json",
                    "data/statements.json", "data/stories.json"]  # fmt: skip
    shards = sorted(path for path in again if path.startswith("search/"))
    assert "search/meta.js" in shards and any(path.startswith("search/index-") for path in shards)
    assert again == here, "every file, the search page and its shards among them"
    assert b"Analysts noted it." in again["data/articles.json"]
    assert any(b"analysts" in again[path] for path in shards if path.startswith("search/index-"))


def test_a_clean_build_makes_its_search_shards_and_exports_here(tmp_path, helpers):
    articles, groups = _corpus()
    render(articles, groups, Config(output=tmp_path / "site"), cache=True).collect()
    assert helpers == []


def test_an_error_in_the_helper_stops_the_build(tmp_path, monkeypatch, helpers):
    config, first, edited, groups = _first_and_edited(tmp_path)
    monkeypatch.setattr(render_module, "export_files", _raising("no export today"))
    with pytest.raises(ValueError, match="no export today"):
        render(edited, groups, config, live_keys=first.keys, cache=True).collect()
    assert helpers == ["search and exports helper: search, exports"]


def test_a_helper_that_dies_is_reported(tmp_path, monkeypatch, helpers):
    config, first, edited, groups = _first_and_edited(tmp_path)
    monkeypatch.setattr(exports_module, "quote_rows", lambda *args: os._exit(3))
    monkeypatch.setattr(render_module, "export_files", lambda *args: exports_module.quote_rows())
    with pytest.raises(RuntimeError, match=r"search and exports helper died \(exit code 3\)"):
        render(edited, groups, config, live_keys=first.keys, cache=True).collect()


def test_a_build_stopped_before_the_exports_stops_the_helper(tmp_path, monkeypatch, helpers):
    config, first, edited, groups = _first_and_edited(tmp_path)
    monkeypatch.setattr(render_module, "export_files", _slow)
    before = {child.pid for child in forked.multiprocessing.active_children()}
    result = render(edited, groups, config, live_keys=first.keys, cache=True)
    next(result.files)
    result.files.close()  # as the writer's failure closes the stream
    assert {child.pid for child in forked.multiprocessing.active_children()} == before
    assert helpers == ["search and exports helper: search, exports"]


def test_an_error_making_the_search_shards_in_the_helper_stops_the_build(tmp_path, monkeypatch, helpers):
    config, first, edited, groups = _first_and_edited(tmp_path)
    monkeypatch.setattr(render_module, "search_files", _raising("no search today"))
    with pytest.raises(ValueError, match="no search today"):
        render(edited, groups, config, live_keys=first.keys, cache=True)
    assert helpers == ["search and exports helper: search, exports"]


def test_when_the_pages_are_listed_all_over_again_the_helper_goes_and_its_files_are_made_here(
    tmp_path, monkeypatch, helpers
):
    config, first, edited, groups = _first_and_edited(tmp_path)
    expected = render(edited, groups, Config(output=tmp_path / "other"), live_keys=first.keys).collect()
    made_here = tmp_path / "made-here"  # a file: the listing helper (a forked process) may make them
    shards = render_module.search_shards

    def counting(r):
        with made_here.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return shards(r)

    monkeypatch.setattr(render_module, "search_shards", counting)
    monkeypatch.setattr(render_module, "plan_again", lambda *args: None)  # what was listed did not match
    again = render(edited, groups, config, live_keys=first.keys, cache=True).collect()
    assert helpers == ["search and exports helper: search, exports"]
    makers = [int(pid) for pid in made_here.read_text().split()]
    assert makers and makers[-1] != pids[0], "made again once the helper was dismissed (which may have made them)"
    assert again == expected


def test_a_build_whose_writer_fails_at_once_stops_the_helper(tmp_path, monkeypatch, helpers):
    """The writer may fail before it reads a single file (another build holds the output, say): the
    stream never started, so only the pipeline can stop the helper, which is still at work."""
    corpus = tmp_path / "articles"
    shutil.copytree(SEEDS, corpus)
    config = load_config(None, inputs=(str(corpus),), output=tmp_path / "site")
    run_build(config)
    edited = sorted(corpus.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAnalysts noted it.\n", encoding="utf-8")

    def failing(*args, **kwargs):
        raise OSError("the output is busy")

    monkeypatch.setattr(render_module, "export_files", _slow)
    monkeypatch.setattr(pipeline, "write_site", failing)
    before = {child.pid for child in forked.multiprocessing.active_children()}
    with pytest.raises(OSError, match="busy"):
        run_build(config)
    assert helpers == ["search and exports helper: search, exports"], "the edit took the fast path"
    assert {child.pid for child in forked.multiprocessing.active_children()} == before
