"""Long lists are split into pages: every item on exactly one page, the pages linked, an edit re-rendering its own page."""

from __future__ import annotations

import re

import pytest

from csto_digest import render_paging
from csto_digest.config import Config
from csto_digest.render import render, render_site
from csto_digest.render_paging import Pager, page_holding, page_path, paged
from factories import replace, sample_corpus


def test_a_list_is_split_into_pages_the_first_keeping_its_path():
    pages = paged("themes/armenia.html", list(range(7)), per_page=3)
    assert [list(chunk) for chunk, _ in pages] == [[0, 1, 2], [3, 4, 5], [6]]
    pager = pages[1][1]
    assert pager.paths == ("themes/armenia.html", "themes/armenia/2.html", "themes/armenia/3.html")
    assert (pager.number, pager.first, pager.last, pager.total) == (2, 4, 6, 7)
    assert (pager.previous, pager.next) == ("themes/armenia.html", "themes/armenia/3.html")
    assert pages[0][1].previous is None and pages[2][1].next is None
    assert page_holding("themes/armenia.html", 6, 3) == "themes/armenia/3.html" == page_path("themes/armenia.html", 3)


def test_an_empty_list_is_one_empty_page():
    [(chunk, pager)] = paged("stories/index.html", [], per_page=3)
    assert list(chunk) == [] and pager.count == 1 and pager.total == 0


@pytest.mark.parametrize(
    ("number", "count", "expected"),
    [(1, 1, [1]), (1, 9, [1, 2, 3, None, 9]), (5, 9, [1, None, 3, 4, 5, 6, 7, None, 9]), (9, 9, [1, None, 7, 8, 9])],
)
def test_the_navigation_shows_the_ends_and_the_pages_near_this_one(number, count, expected):
    pager = Pager(number, tuple(f"p{n}.html" for n in range(1, count + 1)), 1, 1, count)
    assert pager.window() == expected


def _hrefs(html: bytes) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html.decode()))


def test_long_lists_are_paged_every_article_once_and_the_pages_linked(monkeypatch):
    monkeypatch.setattr(render_paging, "PER_PAGE", 2)
    articles, groups = sample_corpus()
    site = render_site(articles, groups, Config())
    listing = sorted(p for p in site if re.fullmatch(r"articles/index(/\d+)?\.html", p))
    assert len(listing) == -(-len(articles) // 2) > 1
    linked = []
    for path in listing:
        root = "../" * path.count("/")
        hrefs = _hrefs(site[path])
        linked += [h for h in hrefs if h.startswith(root + "articles/") and not re.search(r"index(/\d+)?\.html$", h)]
        assert {root + other for other in listing if other != path} <= hrefs  # three pages or fewer: all linked
        assert b'aria-current="page"' in site[path]
    assert len(linked) == len(set(linked)) == len(articles)  # every article on exactly one page
    assert b"(page 2 of" in site["articles/index/2.html"]


def test_an_edit_re_renders_only_the_pages_of_a_list_that_hold_the_article(monkeypatch):
    monkeypatch.setattr(render_paging, "PER_PAGE", 1)
    articles, groups = sample_corpus()
    first = render(articles, groups, Config())
    target = articles[-1]
    edited = tuple(replace(a, title=a.title + " (updated)") if a is target else a for a in articles)
    second = render(edited, groups, Config(), live_keys=first.keys).collect()
    listing = [p for p in second if re.fullmatch(r"articles/index(/\d+)?\.html", p)]
    redone = [p for p in listing if second[p] is not None]
    assert len(listing) > 2 and len(redone) == 1
    assert target.title.encode() + b" (updated)" in second[redone[0]]


def test_statement_links_point_at_the_page_holding_the_statement(monkeypatch):
    monkeypatch.setattr(render_paging, "PER_STATEMENT_PAGE", 1)
    articles, groups = sample_corpus()
    site = render_site(articles, groups, Config())
    pages = sorted(p for p in site if p.startswith("statements/"))
    anchors = {p: set(re.findall(r'<section class="statement" id="([^"]+)"', site[p].decode())) for p in pages}
    assert len(pages) == len(groups.statements) and all(len(a) == 1 for a in anchors.values())
    for path, html in site.items():
        if path.endswith(".html"):
            root = "../" * path.count("/")
            for href in _hrefs(html):
                if href.startswith(root + "statements/") and "#" in href:
                    target, anchor = href[len(root) :].split("#")
                    assert anchor in anchors[target], (path, href)
