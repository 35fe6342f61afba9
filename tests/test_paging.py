"""Long lists are split into pages: every item on exactly one page, the pages linked, an edit re-rendering its own page."""

from __future__ import annotations

import re

import pytest

from csto_digest import render_paging
from csto_digest.config import Config
from csto_digest.model import Groups
from csto_digest.render import render, render_site
from csto_digest.render_index import article_key, newest_first
from csto_digest.render_paging import paged, pages_holding
from factories import make_article, replace, sample_corpus


def _keys(n: int, prefix: str = "a") -> list[str]:
    return [f"{prefix}{i}" for i in range(n)]


def _paths(pages) -> list[str]:
    return [pager.path for _, pager in pages]


def test_a_list_is_split_into_pages_of_half_to_twice_per_page_every_item_once_in_order():
    for n in (1, 5, 99, 100, 101, 250, 1000):
        items = _keys(n)
        pages = paged("themes/armenia.html", items, str, per_page=10)
        assert [i for chunk, _ in pages for i in chunk] == items
        sizes = [len(chunk) for chunk, _ in pages]
        assert all(5 <= size <= 20 for size in sizes[:-1]) and sizes[-1] <= 20  # the last holds what is left
        pagers = [pager for _, pager in pages]
        assert [p.is_first for p in pagers] == [True] + [False] * (len(pages) - 1)
        assert {(p.start, p.end, p.several) for p in pagers} == {(pagers[0].path, pagers[-1].path, len(pages) > 1)}
        assert pagers[0].path == "themes/armenia.html"
        assert all(re.fullmatch(r"themes/armenia/p-([0-9a-f]{10}|start|end)(-\d+)?\.html", p.path) for p in pagers[1:])
        assert len(set(_paths(pages))) == len(pages)
    assert 80 <= len(paged("t.html", _keys(10_000), str, per_page=100)) <= 125  # about per_page on average


def test_the_pages_link_to_each_other_in_order_and_to_those_near_them_by_their_dates():
    days = {key: f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}" for n, key in enumerate(_keys(200))}
    pages = paged("themes/armenia.html", _keys(200), str, per_page=10, day=days.get)
    paths = _paths(pages)
    assert len(pages) >= 8
    for n, (chunk, pager) in enumerate(pages):
        assert pager.shown == len(chunk)
        assert (pager.previous, pager.next) == (
            paths[n - 1] if n else None,
            paths[n + 1] if n + 1 < len(paths) else None,
        )
        assert pager.label == render_paging.span_label([days[key] for key in chunk])
        near = [link.path for link in pager.nearby]
        assert [link.current for link in pager.nearby].count(True) == 1 and pager.path in near
        assert set(near) <= set(paths[max(0, n - 2) : n + 3])
        if 0 < n < len(pages) - 1:  # the ends, whose dates change with almost every new item, only as ends
            assert paths[0] not in near and paths[-1] not in near
        starts_on = {p.path: render_paging.span_label([days[c[0]]]) for c, p in pages}  # each its first item's date
        assert all(link.label == starts_on[link.path] for link in pager.nearby)
    assert pages_holding("themes/armenia.html", _keys(200), str, 10) == [p.path for c, p in pages for _ in c]


def test_a_page_is_named_by_the_dates_of_its_items():
    assert render_paging.span_label(["2024-03-28"]) == "28 Mar 2024"
    assert render_paging.span_label(["2024-03-28", "2024-03-12"]) == "12–28 Mar 2024"
    assert render_paging.span_label(["2024-02-28", "2024-03-12"]) == "28 Feb – 12 Mar 2024"
    assert render_paging.span_label(["2023-12-28", "2024-01-12"]) == "28 Dec 2023 – 12 Jan 2024"
    assert render_paging.span_label(["2024-03", "2025"]) == "Mar 2024 – 2025"
    assert render_paging.span_label(["2024-03-28", None]) == "28 Mar 2024 and undated"
    assert render_paging.span_label([None, None]) == "undated"
    pages = paged("t.html", _keys(60), str, per_page=10, day=lambda key: "2024-03-28")
    assert render_paging.page_title("Armenia", pages[1][1]) == "Armenia (28 Mar 2024)"
    assert render_paging.page_title("Armenia", pages[0][1]) == "Armenia"


@pytest.mark.parametrize(("per_page", "on_average"), [(2, 4.5), (3, 3.8), (10, 2.5)])
def test_an_item_added_or_removed_anywhere_changes_only_its_own_page_and_those_near_it(per_page, on_average):
    """Cut every `per_page` items, every page after the item shifted and was rendered and written again;
    numbered, every page of the list changed whenever a page came or went. Compared here is all a page is
    made of: its items and its `Pager` (paths, dates, neighbours)."""
    items = _keys(30 * per_page)
    days = {key: f"20{10 + n * 15 // len(items):02d}-0{1 + n % 9}-1{n % 10}" for n, key in enumerate(items)}
    days.update(new="2016-05-15")

    def made(keys):
        return {pager.path: (list(chunk), pager) for chunk, pager in paged("t.html", keys, str, per_page, days.get)}

    before = made(items)
    changed_counts = []
    for where in range(0, len(items) + 1, max(1, per_page // 2)):
        for after in ([*items[:where], "new", *items[where:]], items[:where] + items[where + 1 :]):
            changed = [path for path, page in made(after).items() if before.get(path) != page]
            changed_counts.append(len(changed))
            assert len(changed) <= 7, (where, changed)  # its page, the next, those naming them, the first
    assert sum(changed_counts) / len(changed_counts) <= on_average


@pytest.mark.parametrize(("per_page", "at_most"), [(10, 0.2), (100, 0.03)])
def test_the_pages_keep_their_paths_unless_a_break_item_comes_or_goes(per_page, at_most):
    """A page's path is in the navigation of the pages near it. A page cut at twice `per_page` was
    named after its first item, which shifts with every item added before it: a third of the edits
    (10) or a sixth (100) changed the paths."""
    items = _keys(30 * per_page)
    before = _paths(paged("t.html", items, str, per_page))
    edits = [
        after
        for where in range(0, len(items) + 1, max(1, per_page // 2))
        for new in ("new", "other", "x")
        for after in ([*items[:where], new, *items[where:]], items[:where] + items[where + 1 :])
    ]
    moved = sum(_paths(paged("t.html", after, str, per_page)) != before for after in edits)
    assert moved / len(edits) <= at_most  # a break item is one in per_page / 2: about 2 / per_page of the edits


def test_pages_whose_first_items_hash_alike_still_get_paths_of_their_own():
    for same in ("k0", "k1", "k2", "k3"):  # break items or not, every item named alike
        pages = paged("t.html", [same] * 60, lambda item: item, per_page=4)
        paths = _paths(pages)
        assert len(pages) > 5 and len(set(paths)) == len(paths)


def test_an_empty_list_is_one_empty_page():
    [(chunk, pager)] = paged("stories/index.html", [], str, per_page=3)
    assert list(chunk) == [] and not pager.several and pager.shown == 0


def _hrefs(html: bytes) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html.decode()))


def test_long_lists_are_paged_every_article_once_and_the_pages_linked(monkeypatch):
    monkeypatch.setattr(render_paging, "PER_PAGE", 2)
    articles, groups = sample_corpus()
    site = render_site(articles, groups, Config())
    listing = sorted(p for p in site if re.fullmatch(r"articles/index(/p-[0-9a-z-]+)?\.html", p))
    assert len(listing) > 1
    listing_order = ["articles/index.html"]  # the first page, then each page's rel="next"
    while following := re.search(r'<a href="([^"]+)" rel="next">', site[listing_order[-1]].decode()):
        root = "../" * listing_order[-1].count("/")
        listing_order.append(following.group(1).removeprefix(root))
    assert sorted(listing_order) == listing
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
    titles = [re.search(r"<title>(.*?)</title>", site[path].decode()).group(1) for path in listing_order]
    assert "(" not in titles[0] and all(re.search(r"\((\d+ )?\w+ \d{4}|\(undated", t) for t in titles[1:]), titles


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


def test_deleting_an_article_that_starts_a_page_re_renders_the_pages_near_it_not_the_whole_list(monkeypatch):
    """A page whose first article goes joins the page before it, and the list has a page fewer. Numbered
    ("page 7 of 15"), every page of the list changed with it: at 100,000 articles one deletion rendered all
    1,026 pages of the article list again."""
    monkeypatch.setattr(render_paging, "PER_PAGE", 4)
    articles = tuple(
        make_article(id=f"a{n:02d}", path=f"in/{n}.txt", title=f"Article {n}", date=f"2024-03-{n % 28 + 1:02d}")
        for n in range(80)
    )
    groups = Groups({}, (), ())
    first = render(articles, groups, Config())
    pages = render_paging.paged("articles/index.html", newest_first(articles), article_key, render_paging.PER_PAGE)
    assert len(pages) > 12
    starter = pages[len(pages) // 2][0][0]  # the article a page in the middle starts with
    kept = tuple(a for a in articles if a is not starter)
    second = render(kept, groups, Config(), live_keys=first.keys).collect()
    listing = [p for p in second if p == "articles/index.html" or p.startswith("articles/index/")]
    assert len(listing) == len(pages) - 1
    redone = [p for p in listing if second[p] is not None]
    assert len(redone) <= 6, redone  # the page it joined, those naming it or its neighbours by their dates, the first


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
