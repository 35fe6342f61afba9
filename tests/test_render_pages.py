"""Pages rendered in forked workers (and by this process, its share) equal pages rendered one by one."""

from __future__ import annotations

import multiprocessing

import pytest

from csto_digest import render_pages
from csto_digest.config import Config
from csto_digest.render import render_site
from factories import sample_corpus


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="forked workers need fork")
@pytest.mark.parametrize("cores", [2, 3])
def test_forked_render_gives_the_same_site_in_the_same_order(monkeypatch, cores):
    articles, groups = sample_corpus()
    one_by_one = render_site(articles, groups, Config())
    monkeypatch.setattr(render_pages, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(render_pages, "CHUNK", 2)
    monkeypatch.setattr(render_pages.os, "cpu_count", lambda: cores)
    forked = render_site(articles, groups, Config())
    assert list(forked) == list(one_by_one)
    assert forked == one_by_one
