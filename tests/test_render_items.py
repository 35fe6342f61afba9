"""An article's list entry, rendered once per build and reused: the same pages, and still the user's to change."""

from __future__ import annotations

import re

from csto_digest import render as render_module
from csto_digest.config import Config
from csto_digest.render import render, render_site
from csto_digest.render_env import environment, packaged_templates
from csto_digest.render_items import ArticleItems
from csto_digest.render_pages import untracked_templates
from factories import replace, sample_corpus

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


def test_an_entry_is_rendered_once_whatever_the_depth_of_the_pages_listing_it(monkeypatch):
    articles, groups = sample_corpus()
    rendered: list[tuple[str, bool]] = []
    original = ArticleItems._render

    def counting(self, links, article, show_themes):
        rendered.append((article.id, show_themes))
        return original(self, links, article, show_themes)

    monkeypatch.setattr(ArticleItems, "_render", counting)
    files = render_site(articles, groups, Config())
    roots = {
        "index.html": "",
        "articles/index.html": "../",
        "themes/armenia-membership.html": "../",
    }
    for path, root in roots.items():
        assert f'class="item-title" href="{root}articles/' in files[path].decode(), path
    # Listed at two depths at least (the home page, the list of articles), yet made once;
    # the first entry of the build is made twice, to check that the root can be left out.
    assert len(rendered) == len(set(rendered)) + 1


def test_an_entry_template_that_measures_its_root_keeps_each_depth_apart(tmp_path):
    (tmp_path / "_article_item.html").write_text(
        '<li data-depth="{{ links.root | length }}"><a href="{{ links.article(article) }}">{{ article.title }}</a></li>',
        encoding="utf-8",
    )
    articles, groups = sample_corpus()
    files = render_site(articles, groups, Config(templates=tmp_path))
    top, down = files["index.html"].decode(), files["articles/index.html"].decode()
    assert '<li data-depth="0"><a href="articles/' in top
    assert '<li data-depth="3"><a href="../articles/' in down
    assert "data-depth" in top and 'data-depth="3"' not in top and 'data-depth="0"' not in down


def _count_made(monkeypatch) -> list[tuple[str, bool]]:
    """The entries made from now on, by article id and `show_themes`."""
    made: list[tuple[str, bool]] = []
    original = ArticleItems.marked

    def counting(self, article, show_themes):
        made.append((article.id, show_themes))
        return original(self, article, show_themes)

    monkeypatch.setattr(ArticleItems, "marked", counting)
    return made


def _merged(previous: dict[str, bytes | None], current: dict[str, bytes | None]) -> dict[str, bytes]:
    return {path: data if data is not None else previous[path] for path, data in current.items()}  # type: ignore[misc]


def test_entries_are_made_before_the_pages_and_the_next_build_makes_only_the_changed_ones(tmp_path, monkeypatch):
    articles, groups = sample_corpus()
    plain = render_site(articles, groups, Config())  # entries made where they are listed
    monkeypatch.setattr(render_module, "PARALLEL_PAGES", 1)  # as for a large site: every entry made first
    made = _count_made(monkeypatch)
    config = Config(output=tmp_path / "site")
    built = render(articles, groups, config, cache=True, epoch="e")
    first = built.collect()
    assert first == plain
    assert len(made) == 2 * len(articles) + 1  # both of each article's, and one to check the root can be left out
    assert list(config.cache_dir.glob("items-*.pickle"))

    target = articles[0]
    edited = tuple(replace(a, title="A title changed by hand") if a is target else a for a in articles)
    expected = render_site(edited, groups, Config())
    made.clear()
    second = render(edited, groups, config, live_keys=built.keys, cache=True, epoch="e")
    assert _merged(first, second.collect()) == expected
    assert set(made) == {(target.id, False), (target.id, True)}, "the others came from the last build"


def test_entries_that_read_the_whole_index_are_not_kept_from_one_build_to_the_next(tmp_path, monkeypatch):
    (tmp_path / "_article_item.html").write_text(
        "<li>{{ article.title }}, one of {{ site.articles | length }}</li>", encoding="utf-8"
    )
    monkeypatch.setattr(render_module, "PARALLEL_PAGES", 1)
    made = _count_made(monkeypatch)
    articles, groups = sample_corpus()
    config = Config(templates=tmp_path, output=tmp_path / "site")
    render(articles, groups, config, cache=True, epoch="e").collect()
    made.clear()
    fewer = articles[1:]
    again = render(fewer, groups, config, cache=True, epoch="e").collect()
    assert f"one of {len(fewer)}</li>".encode() in again["articles/index.html"]
    assert len(made) >= 2 * len(fewer)
    assert not list(config.cache_dir.glob("items-*.pickle"))


def test_a_damaged_file_of_entries_is_made_again(tmp_path, monkeypatch):
    articles, groups = sample_corpus()
    plain = render_site(articles, groups, Config())
    monkeypatch.setattr(render_module, "PARALLEL_PAGES", 1)
    config = Config(output=tmp_path / "site")
    render(articles, groups, config, cache=True, epoch="e").collect()
    [kept] = config.cache_dir.glob("items-*.pickle")
    kept.write_bytes(b"not a pickle")
    assert render(articles, groups, config, cache=True, epoch="e").collect() == plain
