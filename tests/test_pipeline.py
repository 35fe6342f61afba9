"""The build keeps its records and groups out of the cyclic collector's sight, and leaves the collector as it was."""

from __future__ import annotations

import gc

import pytest

from csto_digest import render as render_module
from csto_digest.config import load_config
from csto_digest.pipeline import run_build
from test_fingerprint import SEEDS


def test_records_and_groups_are_frozen_while_rendering_and_thawed_after(tmp_path, monkeypatch):
    original = render_module.render
    frozen_then: list[int] = []

    def watching(articles, groups, *args, **kwargs):
        frozen_then.append(gc.get_freeze_count())
        return original(articles, groups, *args, **kwargs)

    monkeypatch.setattr(render_module, "render", watching)
    config = load_config(None, inputs=(str(SEEDS),), output=tmp_path / "site")
    gc.unfreeze()  # from a thawed collector, whatever ran before in this process
    run_build(config, clean=True)
    assert frozen_then and frozen_then[0] > 0
    assert gc.get_freeze_count() == 0, "a long-lived process (serve) gets its collector back whole"


def test_a_failed_build_thaws_the_collector_too(tmp_path, monkeypatch):
    def failing(*args, **kwargs):
        raise RuntimeError("render failed")

    monkeypatch.setattr(render_module, "render", failing)
    config = load_config(None, inputs=(str(SEEDS),), output=tmp_path / "site")
    with pytest.raises(RuntimeError, match="render failed"):
        run_build(config, clean=True)
    assert gc.get_freeze_count() == 0
