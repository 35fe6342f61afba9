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


def _keys(n: int, prefix: str = "a") -> list[str]:
    return [f"{prefix}{i}" for i in range(n)]


def test_a_list_is_split_into_pages_of_half_to_twice_per_page_every_item_once_in_order():
    for n in (1, 5, 99, 100, 101, 250, 1000):
        items = _keys(n)
        pages = paged("themes/armenia.html", items, str, per_page=10)
        assert [i for chunk, _ in pages for i in chunk] == items
        sizes = [len(chunk) for chunk, _ in pages]
        assert all(5 <= size <= 20 for size in sizes[:-1]) and sizes[-1] <= 20  # the last holds what is left
        pagers = [pager for _, pager in pages]
        assert [p.number for p in pagers] == list(range(1, len(pages) + 1)) and {p.paths for p in pagers} == {
            pagers[0].paths
        }
        assert pagers[0].path == "themes/armenia.html"
        assert all(re.fullmatch(r"themes/armenia/p-([0-9a-f]{10}|start)(-\d+)?\.html", p.path) for p in pagers[1:])
        assert len(set(pagers[0].paths)) == len(pages)
    assert 80 <= len(paged("t.html", _keys(10_000), str, per_page=100)) <= 125  # about per_page on average


def test_the_pages_link_to_each_other_in_order():
    pages = paged("themes/armenia.html", _keys(60), str, per_page=10)
    pager = pages[1][1]
    assert (pager.number, pager.count, pager.shown) == (2, len(pages), len(pages[1][0]))
    assert (pager.previous, pager.next) == (pages[0][1].path, pages[2][1].path)
    assert pages[0][1].previous is None and pages[-1][1].next is None
    assert pages_holding("themes/armenia.html", _keys(60), str, 10) == [p.path for c, p in pages for _ in c]


@pytest.mark.parametrize("per_page", [2, 3, 10])
def test_an_item_added_or_removed_anywhere_changes_its_own_page_and_seldom_the_next(per_page):
    """Cut every `per_page` items, every page after the item shifted and was rendered and written again."""
    items = _keys(30 * per_page)
    before = {pager.path: list(chunk) for chunk, pager in paged("t.html", items, str, per_page)}
    changed_counts = []
    for where in range(0, len(items) + 1, max(1, per_page // 2)):
        for after in ([*items[:where], "new", *items[where:]], items[:where] + items[where + 1 :]):
            pages = {pager.path: list(chunk) for chunk, pager in paged("t.html", after, str, per_page)}
            changed = [path for path, chunk in pages.items() if before.get(path) != chunk]
            changed_counts.append(len(changed))
            assert len(changed) <= 4, (where, changed)
    assert sum(changed_counts) / len(changed_counts) <= 2.2


@pytest.mark.parametrize(("per_page", "at_most"), [(10, 0.2), (100, 0.03)])
def test_the_pages_keep_their_paths_unless_a_break_item_comes_or_goes(per_page, at_most):
    """Every page links to every other, so one new path renders the whole list again. A page
    cut at twice `per_page` was named after its first item, which shifts with every item added
    before it: a third of the edits (10) or a sixth (100) changed the paths."""
    items = _keys(30 * per_page)
    before = paged("t.html", items, str, per_page)[0][1].paths
    edits = [
        after
        for where in range(0, len(items) + 1, max(1, per_page // 2))
        for new in ("new", "other", "x")
        for after in ([*items[:where], new, *items[where:]], items[:where] + items[where + 1 :])
    ]
    moved = sum(paged("t.html", after, str, per_page)[0][1].paths != before for after in edits)
    assert moved / len(edits) <= at_most  # a break item is one in per_page / 2: about 2 / per_page of the edits


def test_pages_whose_first_items_hash_alike_still_get_paths_of_their_own():
    for same in ("k0", "k1", "k2", "k3"):  # break items or not, every item named alike
        pages = paged("t.html", [same] * 60, lambda item: item, per_page=4)
        paths = pages[0][1].paths
        assert len(pages) > 5 and len(set(paths)) == len(paths)


def test_an_empty_list_is_one_empty_page():
    [(chunk, pager)] = paged("stories/index.html", [], str, per_page=3)
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
    listing = sorted(p for p in site if re.fullmatch(r"articles/index(/p-[0-9a-z-]+)?\.html", p))
    assert len(listing) > 1
    titles = {p: re.search(r"<title>(.*?)</title>", site[p].decode()).group(1) for p in listing}
    listing_order = sorted(
        listing, key=lambda p: int(m.group(1)) if (m := re.search(r"page (\d+) of", titles[p])) else 1
    )
    linked = []
    for path in listing:
        root = "../" * path.count("/")
        hrefs = _hrefs(site[path])
        linked += [
            h for h in hrefs if h.startswith(root + "articles/") and not re.search(r"index(/p-[0-9a-z-]+)?\.html$", h)
        ]
        pager = re.search(r'<nav class="pages".*?</nav>', site[path].decode(), re.S).group(0)
        position = listing_order.index(path)
        near = [*listing_order[max(0, position - 1) : position + 2], listing_order[0], listing_order[-1]]
        assert {root + other for other in near if other != path} <= _hrefs(pager.encode())  # the ends and neighbours
        assert 'aria-current="page"' in pager
    assert len(linked) == len(set(linked)) == len(articles)  # every article on exactly one page
    assert sum(b"(page 2 of" in site[path] for path in listing) == 1


def test_an_edit_re_renders_only_the_pages_of_a_list_that_hold_the_article(monkeypatch):
    monkeypatch.setattr(render_paging, "PER_PAGE", 1)
    articles, groups = sample_corpus()
    first = render(articles, groups, Config())
    target = articles[-1]
    edited = tuple(replace(a, title=a.title + " (updated)") if a is target else a for a in articles)
    second = render(edited, groups, Config(), live_keys=first.keys).collect()
    listing = [p for p in second if re.fullmatch(r"articles/index(/p-[0-9a-z-]+)?\.html", p)]
    redone = [p for p in listing if second[p] is not None]
    assert len(listing) > 2 and len(redone) == 1
    assert target.title.encode() + b" (updated)" in second[redone[0]]


@pytest.mark.parametrize("day", ["2024-04-30", "2024-03-15", "2023-01-01", None])
def test_adding_an_article_re_renders_only_the_page_it_joins_in_each_list_wherever_it_stands(monkeypatch, day):
    """Cut every so many items, every page after the new article shifted by one, and was rendered again.
    Now only the page it joins changes, and the first, which states the list's totals."""
    monkeypatch.setattr(render_paging, "PER_PAGE", 4)
    days = [f"2024-03-{n % 28 + 1:02d}" for n in range(40)]
    articles = tuple(
        make_article(id=f"a{n}", path=f"in/{n}.txt", title=f"Article {n}", date=day) for n, day in enumerate(days)
    )
    added = make_article(id="added", path="in/added.txt", title="The added article", date=day)
    first = render(articles, Groups({"armenia-membership": tuple(a.id for a in articles)}, (), ()), Config())
    grown = (*articles, added)
    groups = Groups({"armenia-membership": tuple(a.id for a in grown)}, (), ())
    second = render(grown, groups, Config(), live_keys=first.keys).collect()
    for folder in ("articles/index", "themes/armenia-membership", "places/armenia", "organizations/csto"):
        listing = [p for p in second if p == f"{folder}.html" or p.startswith(f"{folder}/")]
        assert len(listing) == len([p for p in first.keys if p == f"{folder}.html" or p.startswith(f"{folder}/")]) > 5
        joined = [p for p in listing if second[p] is not None and b"The added article" in second[p]]
        redone = {p for p in listing if second[p] is not None}
        assert len(joined) == 1 and redone <= {f"{folder}.html", *joined}, (folder, redone)  # the first counts them


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
