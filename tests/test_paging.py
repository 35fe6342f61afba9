"""Long lists are split into pages: every item on exactly one page, the pages linked, an edit re-rendering its own page."""

from __future__ import annotations

import re

import pytest

from csto_digest import render_paging
from csto_digest.config import Config
from csto_digest.model import Groups
from csto_digest.render import render, render_site
from csto_digest.render_paging import Pager, paged, pages_holding
from factories import make_article, replace, sample_corpus


def test_a_newest_first_list_is_cut_from_its_oldest_end_the_first_page_taking_the_rest():
    pages = paged("themes/armenia.html", list(range(10)), per_page=3)
    assert [list(chunk) for chunk, _ in pages] == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    pager = pages[1][1]
    assert pager.paths == ("themes/armenia.html", "themes/armenia/2.html", "themes/armenia/1.html")
    assert (pager.number, pager.count, pager.shown) == (2, 3, 3)
    assert (pager.previous, pager.next) == ("themes/armenia.html", "themes/armenia/1.html")
    assert pages[0][1].previous is None and pages[2][1].next is None
    assert pages_holding("themes/armenia.html", 10, 3) == [pager.path for chunk, pager in pages for _ in chunk]


def test_an_oldest_first_list_is_cut_from_its_oldest_end_the_last_page_taking_the_rest():
    pages = paged("speakers/zas.html", list(range(10)), per_page=3, grows="back")
    assert [list(chunk) for chunk, _ in pages] == [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]
    assert pages[0][1].paths == ("speakers/zas.html", "speakers/zas/2.html", "speakers/zas/3.html")


@pytest.mark.parametrize("grows", ["front", "back"])
@pytest.mark.parametrize("per_page", [1, 2, 3, 5])
def test_an_item_added_at_the_growing_end_changes_one_page_until_a_new_page_is_made(grows, per_page):
    for n in range(0, 4 * per_page + 2):
        before = paged("t.html", list(range(n)), per_page, grows)
        items = list(range(-1, n)) if grows == "front" else list(range(n + 1))
        after = paged("t.html", items, per_page, grows)
        assert [i for chunk, _ in after for i in chunk] == items  # every item once, in order
        assert all(per_page <= len(chunk) < 2 * per_page for chunk, _ in after if len(items) >= per_page)
        moved = {pager.path for chunk, pager in after} ^ {pager.path for chunk, pager in before}
        assert len(moved) <= 1  # a page appears only when the growing end's page had filled up
        if not moved:
            same = {p.path: (list(c), p) for c, p in before}
            changed = [p.path for c, p in after if same[p.path] != (list(c), p)]
            assert len(changed) == 1, (n, changed)


def test_an_empty_list_is_one_empty_page():
    [(chunk, pager)] = paged("stories/index.html", [], per_page=3)
    assert list(chunk) == [] and pager.count == 1 and pager.shown == 0


@pytest.mark.parametrize(
    ("number", "count", "expected"),
    [(1, 1, [1]), (1, 9, [1, 2, 3, None, 9]), (5, 9, [1, None, 3, 4, 5, 6, 7, None, 9]), (9, 9, [1, None, 7, 8, 9])],
)
def test_the_navigation_shows_the_ends_and_the_pages_near_this_one(number, count, expected):
    pager = Pager(number, tuple(f"p{n}.html" for n in range(1, count + 1)), 1)
    assert pager.window() == expected


def _hrefs(html: bytes) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html.decode()))


def test_long_lists_are_paged_every_article_once_and_the_pages_linked(monkeypatch):
    monkeypatch.setattr(render_paging, "PER_PAGE", 2)
    articles, groups = sample_corpus()
    site = render_site(articles, groups, Config())
    listing = sorted(p for p in site if re.fullmatch(r"articles/index(/\d+)?\.html", p))
    assert len(listing) == len(articles) // 2 > 1
    linked = []
    for path in listing:
        root = "../" * path.count("/")
        hrefs = _hrefs(site[path])
        linked += [h for h in hrefs if h.startswith(root + "articles/") and not re.search(r"index(/\d+)?\.html$", h)]
        assert {root + other for other in listing if other != path} <= hrefs  # three pages or fewer: all linked
        assert b'aria-current="page"' in site[path]
    assert len(linked) == len(set(linked)) == len(articles)  # every article on exactly one page
    assert b"(page 2 of" in site["articles/index/1.html"]


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


def test_adding_the_newest_article_re_renders_only_the_first_page_of_each_list_it_is_on(monkeypatch):
    """Cut from the front, every page of a list shifted by one article, and was rendered and written again."""
    monkeypatch.setattr(render_paging, "PER_PAGE", 2)
    days = [f"2024-03-{day:02d}" for day in range(1, 12)]
    articles = tuple(
        make_article(id=f"a{n}", path=f"in/{n}.txt", title=f"Article {n}", date=day) for n, day in enumerate(days)
    )
    groups = Groups(themes={"armenia-membership": tuple(a.id for a in articles[:-1])}, stories=(), statements=())
    first = render(articles[:-1], groups, Config())
    grown = Groups(themes={"armenia-membership": tuple(a.id for a in articles)}, stories=(), statements=())
    second = render(articles, grown, Config(), live_keys=first.keys).collect()
    for folder in ("articles/index", "themes/armenia-membership", "places/armenia", "organizations/csto"):
        listing = sorted(p for p in second if p == f"{folder}.html" or p.startswith(f"{folder}/"))
        redone = [p for p in listing if second[p] is not None]
        assert len(listing) == 5 and redone == [f"{folder}.html"], (folder, redone)
        assert b"Article 10" in second[f"{folder}.html"]


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
