"""Long lists split into pages of a readable size, the breaks set by the items themselves.

A theme, a country or the list of all articles grows with the archive: at ten
thousand articles a single page holding them all weighs megabytes, is slow to
open on a phone, and has to be rendered again whenever any article on it
changes. Split into pages of about `PER_PAGE` items, an edit re-renders only
the page the article is on (and the first, which carries the summary).

Pages cut every `PER_PAGE` items all shift by one item when an article is
added or removed before them: adding one article wrote every page of every
list it is on again (393 files at ten thousand articles, a place named in
5,500 articles alone 55 of them), and cutting from the oldest end only moved
the problem to undated articles (which sort last) and to articles dated in
the past. So a page ends where an item says so, whatever stands around it: a
new page starts at an item whose key hashes to a multiple of a number (one
item in `per_page / 2`), once the page holds at least half of `per_page`
items; and at the latest at twice `per_page`. Pages hold `per_page` items on
average. An item added or removed changes the page it is on (and, now and
then, the next one), wherever it stands. A page that starts at such an item
is named after it (`themes/armenia/p-3f9a1c2e0b.html`), and one cut at twice
`per_page` after the page before it (`themes/armenia/p-3f9a1c2e0b-2.html`), so
the pages keep their paths. A link to a page keeps showing about the same
items. The last page is always `p-end.html`: every page links to it, and
named after its first item, its path changed whenever a page was added at
the end (an undated article, a speaker's newest quote), and every page with it.

A page says nothing that changes when a page far from it does. It has no
number ("page 40 of 52" changes on every page after one that comes or
goes, and with it every page of a list of a thousand pages) and no total:
only the first page counts the list. Its title gives the dates of its items
("12–28 Mar 2024"). It links to the first and the last page, the one before
and after, and those within two of it, each named by the date of the item it
starts with: the item it breaks at, which stays while the page does (named
by all their dates, an item added at the edge of a page renamed it in the
four pages around it). An item added or removed renders again the page it
is on, the first page, which counts, and the pages around it only when a
page comes or goes.

The first page keeps the list's own path; the others go in a folder named
after it, so no page of a list can take the name of another page of the site.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

# Items per page, on average; a page holds from half to twice as many (see `paged`).
PER_PAGE = 100  # a long scroll on a phone, a small fraction of a megabyte
PER_STATEMENT_PAGE = 30  # statements show every wording side by side: 60 of them weigh about 130 kB
PER_QUOTE_PAGE = 100  # rows of the quote index: 200 rows weigh about 140 kB
PER_SPEAKER_QUOTES = 100  # a speaker's quotes, each a block with its article, outlet and date

T = TypeVar("T")


@dataclass(frozen=True)
class PageLink:
    """Another page of the list (or this one), as the navigation names it."""

    path: str  # site-relative
    label: str  # the date of its first item: the item it breaks at, which stays while the page does
    current: bool  # this page


@dataclass(frozen=True)
class Pager:
    """Where one page stands in its list, for the page's navigation and headings.

    Everything in it changes only with this page or a page within two of it
    (see the module's docstring): the page's key is made of it (see `render_memo`)."""

    path: str  # this page, site-relative
    label: str  # the dates of this page's items, `span_label`; "" when the list has no dates
    is_first: bool  # the page at the list's own path, which alone counts the list
    several: bool  # the list has more than one page
    previous: str | None  # the page before, in the order the list is read
    next: str | None
    start: str  # the first page
    end: str  # the last page
    nearby: tuple[PageLink, ...]  # this page and up to two on each side, in order
    shown: int  # items on this page


Paged = tuple[Sequence[T], Pager]  # a page's items and where it stands


def page_stem(path: str) -> str:
    """The path of a list's first page without its suffix, for any of the list's pages; a page's own otherwise.

    `themes/x.html` and `themes/x/p-end.html` both give `themes/x`; `places/p-x.html`
    (a place named P-x, not a later page) gives `places/p-x`."""
    base = path.rsplit(".", 1)[0]
    head, mark, _ = base.rpartition("/p-")
    return head if mark and "/" in head else base


def paged(
    path: str,
    items: Sequence[T],
    key: Callable[[T], str],
    per_page: int | None = None,
    day: Callable[[T], str | None] | None = None,
) -> list[Paged[T]]:
    """The list split into pages, in its order, each with its `Pager`; an empty list is one page.

    `key` names an item, the same from one build to the next and unique in
    the list (an article's id): where the pages break, and their paths,
    depend on the keys alone. `day` dates an item (`YYYY-MM-DD`, `YYYY-MM`,
    `YYYY` or None), for the pages' labels."""
    per_page = per_page or PER_PAGE
    least, most, every = max(1, per_page // 2), 2 * per_page, max(1, per_page - per_page // 2)
    starts: list[int] = [0]
    names: list[str] = [""]
    natural, forced = "start", 1  # the last page that began at a break item, and the pages since
    for position, item in enumerate(items):
        size = position - starts[-1]
        if size < least:
            continue
        number, name = _mark(key(item))
        if number % every == 0:
            natural, forced = name, 1
            starts.append(position)
            names.append(natural)
        elif size >= most:  # named after the last break item, not its own first item, which shifts
            forced += 1
            starts.append(position)
            names.append(f"{natural}-{forced}")
    seen: dict[str, int] = {}
    paths = [path]
    for name in names[1:]:  # `-xN` on the rare name taken already (two keys hashing alike)
        seen[name] = seen.get(name, 0) + 1
        paths.append(f"{path.removesuffix('.html')}/p-{name}{f'-x{seen[name]}' if seen[name] > 1 else ''}.html")
    if len(paths) > 1:  # the last page at one path, which every page links to: see the module's docstring
        paths[-1] = f"{path.removesuffix('.html')}/p-end.html"
    bounds = list(zip(starts, [*starts[1:], len(items)], strict=True))
    labels = [span_label([day(item) for item in items[a:b]]) if day else "" for a, b in bounds]
    starts_on = [span_label([day(items[a])]) if day and b > a else "" for a, b in bounds]
    last = len(paths) - 1
    return [
        (
            items[a:b],
            Pager(
                path=paths[n],
                label=labels[n],
                is_first=n == 0,
                several=last > 0,
                previous=paths[n - 1] if n > 0 else None,
                next=paths[n + 1] if n < last else None,
                start=paths[0],
                end=paths[last],
                nearby=tuple(PageLink(paths[m], starts_on[m], m == n) for m in _near(n, last)),
                shown=b - a,
            ),
        )
        for n, (a, b) in enumerate(bounds)
    ]


def _near(n: int, last: int) -> range:
    """The pages page `n` links to by their dates: those within two of it, but neither end past itself.

    New items go to one end of a list (the first page of the newest first,
    the last of the oldest first), so the dates of the end pages change with
    almost every build; other pages link to them as the start and the end of
    the list, which do not."""
    return range(max(0 if n == 0 else 1, n - 2), min(last if n == last else last - 1, n + 2) + 1)


@functools.lru_cache(maxsize=1 << 18)
def _mark(key: str) -> tuple[int, str]:
    """An item's key as a number (whether a page breaks at it) and a name (the page's, if one does).

    Kept across lists, as an article sits in a dozen of them. Hashing every
    item of every list of 70,000 items in 20 lists took 0.135 s; hashing
    each key once, and only items that may start a page, 0.034 s (0.018 s
    when the process has hashed them already; timed in one process)."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big"), digest.hex()[:10]


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def span_label(days: Sequence[str | None]) -> str:
    """The dates of a page's items as people write a span: "28 Mar 2024", "12–28 Mar 2024",
    "28 Feb – 12 Mar 2024", "Mar 2024 – 2025"; "undated" for items with no date."""
    dated = sorted(d for d in days if d)
    undated = len(dated) < len(days)
    if not dated:
        return "undated" if undated else ""
    low, high = dated[0], dated[-1]
    if low == high:
        text = _day_text(low)
    elif len(low) == len(high) == 10 and low[:7] == high[:7]:
        text = f"{int(low[8:])}–{_day_text(high)}"
    elif len(low) == len(high) == 10 and low[:4] == high[:4]:
        text = f"{_day_text(low)[:-5]} – {_day_text(high)}"
    else:
        text = f"{_day_text(low)} – {_day_text(high)}"
    return f"{text} and undated" if undated else text


def _day_text(date: str) -> str:
    """ "2024-03-28" as "28 Mar 2024", "2024-03" as "Mar 2024", "2024" as it is (anything else as it is too)."""
    parts = date.split("-")
    try:
        month = _MONTHS[int(parts[1]) - 1] if len(parts) > 1 else ""
        if len(parts) == 3:
            return f"{int(parts[2])} {month} {parts[0]}"
        return f"{month} {parts[0]}" if month else parts[0]
    except (ValueError, IndexError):
        return date


def page_title(title: str, pager: Pager) -> str:
    """A page's title with the dates of its items, past the first: "Armenia (12–28 Mar 2024)"."""
    if pager.is_first or not pager.label:
        return title
    return f"{title} ({pager.label})"


def page_description(description: str, title: str, pager: Pager) -> str:
    """The first page's description, which may count the whole list; a later page's names only the page.

    A count in every page's description would change every page of the list
    whenever an item is added to any of them."""
    return description if pager.is_first else f"{page_title(title, pager)}."


def pages_holding(path: str, items: Sequence[T], key: Callable[[T], str], per_page: int | None = None) -> list[str]:
    """The path of the page holding each item of the list, in the list's order."""
    return [pager.path for chunk, pager in paged(path, items, key, per_page) for _ in chunk]
