"""An article's list entry, rendered once per build and reused: the same pages, and still the user's to change."""

from __future__ import annotations

import re

from csto_digest import render as render_module
from csto_digest.config import Config
from csto_digest.render import render, render_site
from csto_digest.render_env import environment, packaged_templates
from csto_digest.render_pages import untracked_templates
from factories import sample_corpus

OUR_ENTRY = re.compile(r'class="item-title" href="(\.\./)*articles/')  # an article's entry as ours writes it
LISTS = ("articles/index.html", "outlets/tass.html", "themes/armenia-membership.html", "index.html")


def test_kept_entries_give_the_pages_rendering_each_entry_gives(monkeypatch):
    articles, groups = sample_corpus()
    kept = render_site(articles, groups, Config())
    monkeypatch.setattr(render_module, "PIECES_BUDGET", 0)  # nothing kept: every entry rendered where it is listed
    assert render_site(articles, groups, Config()) == kept


def test_the_entry_is_the_users_to_change(tmp_path):
    (tmp_path / "_article_item.html").write_text(
        '<li class="mine"><a href="{{ links.article(article) }}">{{ article.title }}</a>'
        "{% if show_themes %} with themes{% endif %}</li>",
        encoding="utf-8",
    )
    articles, groups = sample_corpus()
    files = render_site(articles, groups, Config(templates=tmp_path))
    for path in LISTS:
        page = files[path].decode("utf-8")
        assert '<li class="mine">' in page and not OUR_ENTRY.search(page), path
    assert '<li class="mine"><a href="articles/' in files["index.html"].decode(), "links start from each page"
    assert "with themes" in files["articles/index.html"].decode()
    assert "with themes" not in files["themes/armenia-membership.html"].decode()


def test_macros_of_the_users_own_render_as_they_say(tmp_path):
    ours = (packaged_templates() / "_macros.html").read_text(encoding="utf-8")
    start = ours.index("{% macro article_list")
    end = ours.index("{%- endmacro %}", start)
    mine = '{% macro article_list(articles, show_themes=true) -%}<p class="mine">{{ articles | length }}</p>'
    (tmp_path / "_macros.html").write_text(ours[:start] + mine + ours[end:], encoding="utf-8")
    articles, groups = sample_corpus()
    files = render_site(articles, groups, Config(templates=tmp_path))
    page = files["articles/index.html"].decode("utf-8")
    assert '<p class="mine">' in page and not OUR_ENTRY.search(page)


def test_an_entry_that_reads_the_whole_index_makes_its_lists_render_every_time(tmp_path):
    (tmp_path / "_article_item.html").write_text(
        "<li>{{ article.title }}, one of {{ links.index.articles | length }}</li>", encoding="utf-8"
    )
    env = environment((tmp_path, packaged_templates()))
    untracked = untracked_templates(env)
    assert {"article.html", "articles.html", "theme.html", "_article_item.html"} <= untracked
    articles, groups = sample_corpus()
    config = Config(templates=tmp_path)
    first = render(articles, groups, config)
    again = render(articles, groups, config, live_keys=first.keys).collect()
    assert again["articles/index.html"] is not None, "rendered again, not carried over"
