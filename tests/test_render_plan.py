"""A rebuild of a large site lists its pages in two processes: the same files and keys as one, and its errors."""

from __future__ import annotations

import os

import jinja2
import pytest

from csto_digest import render as render_module
from csto_digest import render_plan
from csto_digest.config import Config
from csto_digest.render import render
from factories import replace, sample_corpus


def _edited():
    articles, groups = sample_corpus()
    target = articles[0]
    edited = tuple(replace(a, title="A title changed by hand") if a is target else a for a in articles)
    return articles, edited, groups


def _plans(monkeypatch) -> list[render_plan.Plan]:
    """The plans `render` gets from now on."""
    plans: list[render_plan.Plan] = []
    original = render_plan.plan_site

    def keeping(*args, **kwargs):
        plans.append(original(*args, **kwargs))
        return plans[-1]

    monkeypatch.setattr(render_module, "plan_site", keeping)
    return plans


def _is_apart(path: str) -> bool:
    """A page of the kinds the helper always lists and renders (statements, quotes, search)."""
    return path.startswith(("statements/", "quotes/", "search"))


@pytest.mark.parametrize("helper_renders_at_most", [1000, 0])
def test_a_rebuild_listed_by_two_processes_gives_the_files_and_keys_of_one(monkeypatch, helper_renders_at_most):
    articles, edited, groups = _edited()
    first = render(articles, groups, Config(), epoch="e")
    first.collect()
    one = render(edited, groups, Config(), live_keys=first.keys, epoch="e")
    expected = one.collect()
    assert sum(data is not None for data in expected.values()) < len(expected), "some pages carried over"

    monkeypatch.setattr(render_plan, "SPLIT_MIN_ARTICLES", 1)
    monkeypatch.setattr(render_plan, "HELPER_RENDERS_AT_MOST", helper_renders_at_most)
    plans = _plans(monkeypatch)
    two = render(edited, groups, Config(), live_keys=first.keys, epoch="e")
    [plan] = plans
    spooled = set(plan.spooled)
    assert two.collect() == expected
    assert (two.keys, two.rendered, two.reused) == (one.keys, one.rendered, one.reused)
    edited_page = f"articles/{edited[0].id}.html"
    assert (edited_page in spooled) == (helper_renders_at_most > 0), "the helper renders article pages only when few"
    assert any(_is_apart(path) for path in spooled), "the helper renders the changed statement and quote pages"
    assert plan.spool is None, "the spool is closed once read"


def test_a_clean_build_lists_its_pages_in_one_process(monkeypatch):
    monkeypatch.setattr(render_plan, "SPLIT_MIN_ARTICLES", 1)
    forks: list[object] = []
    monkeypatch.setattr(render_plan, "Helper", lambda work: forks.append(work))
    articles, groups = sample_corpus()
    render(articles, groups, Config(), epoch="e").collect()
    assert forks == []


def test_the_helper_renders_the_corpus_wide_pages_even_when_many_changed(monkeypatch, tmp_path):
    """After a template edit every statement and quote page changes: the helper renders them all, spooled."""
    articles, groups = sample_corpus()
    first = render(articles, groups, Config(), epoch="e")
    first.collect()
    monkeypatch.setattr(render_plan, "SPLIT_MIN_ARTICLES", 1)
    monkeypatch.setattr(render_plan, "HELPER_RENDERS_AT_MOST", 0)
    plans = _plans(monkeypatch)
    again = render(articles, groups, Config(), epoch="other", live_keys=first.keys)
    [plan] = plans
    files = again.collect()
    apart = {path for path in files if _is_apart(path) and path.endswith(".html")}
    assert apart and apart <= set(plan.spooled)
    assert all(files[path] is not None for path in plan.spooled)
    assert not any(spec.path in plan.spooled for spec in plan.todo)


def test_a_template_error_in_the_helper_stops_the_build(monkeypatch, tmp_path):
    articles, edited, groups = _edited()
    first = render(articles, groups, Config(), epoch="e")
    first.collect()
    (tmp_path / "article.html").write_text("<p>{{ no_such_value.title }}</p>", encoding="utf-8")
    monkeypatch.setattr(render_plan, "SPLIT_MIN_ARTICLES", 1)
    monkeypatch.setattr(render_plan, "HELPER_RENDERS_AT_MOST", 1000)
    plans = _plans(monkeypatch)
    with pytest.raises(jinja2.UndefinedError, match="no_such_value"):
        render(edited, groups, Config(templates=tmp_path), live_keys=first.keys, epoch="e")
    assert plans == []


def test_a_helper_that_dies_is_reported(monkeypatch):
    articles, edited, groups = _edited()
    first = render(articles, groups, Config(), epoch="e")
    first.collect()
    monkeypatch.setattr(render_plan, "SPLIT_MIN_ARTICLES", 1)
    monkeypatch.setattr(render_plan, "_helper_share", lambda *args: os._exit(3))
    with pytest.raises(RuntimeError, match="exit code 3"):
        render(edited, groups, Config(), live_keys=first.keys, epoch="e")
