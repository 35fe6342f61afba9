"""The build keeps its records and groups out of the cyclic collector's sight, and leaves the collector as it was."""

from __future__ import annotations

import gc

import pytest

from csto_digest import render as render_module
from csto_digest.config import load_config
from csto_digest.pipeline import run_build
from test_fingerprint import SEEDS


def test_records_and_groups_are_out_of_the_collectors_sight_while_rendering_and_thawed_after(tmp_path, monkeypatch):
    """Planning runs with the collector paused; pages are written with it running, everything made
    before frozen out of its sight; the collector is as it was once the build is over."""
    from csto_digest import pipeline

    planning: list[bool] = []
    writing: list[tuple[bool, int]] = []
    original_render, original_write = render_module.render, pipeline.write_site

    def watching_render(articles, groups, *args, **kwargs):
        planning.append(gc.isenabled())
        return original_render(articles, groups, *args, **kwargs)

    def watching_write(*args, **kwargs):
        writing.append((gc.isenabled(), gc.get_freeze_count()))
        return original_write(*args, **kwargs)

    monkeypatch.setattr(render_module, "render", watching_render)
    monkeypatch.setattr(pipeline, "write_site", watching_write)
    config = load_config(None, inputs=(str(SEEDS),), output=tmp_path / "site")
    gc.unfreeze()  # from a thawed collector, whatever ran before in this process
    assert gc.isenabled()
    run_build(config, clean=True)
    assert planning == [False]
    assert len(writing) == 1 and writing[0][0] and writing[0][1] > 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0, "a long-lived process (serve) gets its collector back whole"


def test_a_failed_build_thaws_the_collector_too(tmp_path, monkeypatch):
    def failing(*args, **kwargs):
        raise RuntimeError("render failed")

    monkeypatch.setattr(render_module, "render", failing)
    config = load_config(None, inputs=(str(SEEDS),), output=tmp_path / "site")
    with pytest.raises(RuntimeError, match="render failed"):
        run_build(config, clean=True)
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_loading_leaves_no_garbage_for_the_cyclic_collector(tmp_path):
    """A build loads with the collector paused, its workers too (they are forked from it), and freezes
    what is left without collecting: garbage in a reference cycle made there would stay till the end."""
    from csto_digest.load.corpus import load_files

    config = load_config(None, inputs=(str(SEEDS),), output=tmp_path / "site")
    paths = sorted(SEEDS.glob("*.txt"))
    load_files(paths[:1], config)  # what is made once per process (compiled patterns) is not garbage
    gc.collect()
    gc.disable()
    try:
        loaded = load_files(paths, config)
        assert len(loaded.articles) == len(paths)
        left = gc.collect()
    finally:
        gc.enable()
    assert left == 0


def test_an_article_whose_extraction_raises_is_a_problem_naming_it_and_the_rest_still_build(tmp_path, monkeypatch):
    """A rule that raises on one article (a bug, or input no rule foresaw) costs that article only."""
    from csto_digest.load import corpus

    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    doomed = sorted(folder.iterdir())[1]
    real_extract = corpus.extract

    def extract(text, path, *args, **kwargs):
        if path == str(doomed):
            raise IndexError("list index out of range")
        return real_extract(text, path, *args, **kwargs)

    monkeypatch.setattr(corpus, "extract", extract)
    report = run_build(load_config(inputs=(folder,), output=tmp_path / "site"))
    assert report.articles == 2
    [problem] = [p for p in report.problems if p.severity == "error"]
    assert problem.path == str(doomed)
    assert problem.message == "could not be extracted (IndexError: list index out of range); skipped"
    assert (tmp_path / "site" / "index.html").is_file()
