"""Long lists split into pages of a readable size, cut so that a new item moves no page but one.

A theme, a country or the list of all articles grows with the archive: at ten
thousand articles a single page holding them all weighs megabytes, is slow to
open on a phone, and has to be rendered again whenever any article on it
changes. Split into pages of `PER_PAGE` items, an edit re-renders only the
page the article is on (and the first, which carries the summary).

An archive grows at one end: a newest-first list at its front, an
oldest-first one at its back. Pages cut from the front of a newest-first list
all shift by one item when an article is added, so adding one article wrote
every page of every list it is on again (393 files at ten thousand articles,
a place named in 5,500 articles alone 55 of them). So a list is cut from the
end that does not grow (`grows`): the full pages sit there, each holding the
same items from one build to the next, and the first page takes what is left
over, from `per_page` up to twice that less one item. Adding or removing an
item changes the pages from where it stands to the growing end, which for
the newest article is the first page alone. A page's path is numbered from
that fixed end too (`themes/armenia/1.html` holds the 100 oldest articles),
so a link to a page keeps showing the same items; and no page but the first
states a total or a position in the whole list, which would change with
every item added anywhere in it.

The first page keeps the list's own path; the others go in a folder named
after it (`themes/armenia.html`, then `themes/armenia/1.html`...), so no page
of a list can take the name of another page of the site.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeVar

PER_PAGE = 100  # items per page: a long scroll on a phone, a small fraction of a megabyte
PER_STATEMENT_PAGE = 50  # statements show every wording side by side, so fewer fit a page
PER_QUOTE_PAGE = 200  # rows of the quote index: a month's at ten thousand articles, about 140 kB
PER_SPEAKER_QUOTES = 100  # a speaker's quotes, each a block with its article, outlet and date

T = TypeVar("T")
Grows = Literal["front", "back"]  # the end of a list its new items join


@dataclass(frozen=True)
class Pager:
    """Where one page stands in its list, for the page's navigation and headings.

    It holds nothing that changes when an item is added to another page of
    the list (no total, no position of the page's items): the page's key is
    made of it (see `render_memo`)."""

    number: int  # 1 for the first page, in the order the list is read
    paths: tuple[str, ...]  # every page of the list, site-relative, in that order
    shown: int  # items on this page

    @property
    def path(self) -> str:
        """This page's path."""
        return self.paths[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def previous(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.number] if self.number < self.count else None

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link: the first, the last and those near this one; `None` marks a gap."""
        wanted = {1, self.count, *range(self.number - around, self.number + around + 1)}
        shown = sorted(n for n in wanted if 1 <= n <= self.count)
        out: list[int | None] = []
        for n in shown:
            if out and out[-1] is not None and n - out[-1] > 1:  # type: ignore[operator]
                out.append(None)
            out.append(n)
        return out

    def path_of(self, number: int) -> str:
        return self.paths[number - 1]


def page_path(path: str, number: int) -> str:
    """Page `number`, counted from the list's fixed end, of the list whose first page is `path`."""
    return f"{path.removesuffix('.html')}/{number}.html"


def paged(
    path: str, items: Sequence[T], per_page: int | None = None, grows: Grows = "front"
) -> list[tuple[Sequence[T], Pager]]:
    """The list split into pages, in reading order, each with its `Pager`; an empty list is one page.

    Full pages of `per_page` (or `PER_PAGE`) items are cut from the end the
    list does not grow at; the page at the end it grows at holds the rest,
    `per_page` items or more (all of them when there are fewer). The first
    page keeps `path`; the others are numbered from the fixed end."""
    per_page = per_page or PER_PAGE
    count = max(1, len(items) // per_page)
    rest = len(items) - (count - 1) * per_page
    if grows == "front":
        sizes = [rest] + [per_page] * (count - 1)
        numbers = [0] + [count - k + 1 for k in range(2, count + 1)]
    else:
        sizes = [per_page] * (count - 1) + [rest]
        numbers = list(range(1, count + 1))
    paths = tuple(path if k == 1 else page_path(path, number) for k, number in enumerate(numbers, 1))
    pages = []
    start = 0
    for k, size in enumerate(sizes, 1):
        pages.append((items[start : start + size], Pager(k, paths, size)))
        start += size
    return pages


def page_title(title: str, pager: Pager) -> str:
    """A page's title with its place in the list, past the first: "Armenia (page 2 of 5)"."""
    return title if pager.number == 1 else f"{title} (page {pager.number} of {pager.count})"


def page_description(description: str, title: str, pager: Pager) -> str:
    """The first page's description, which may count the whole list; a later page's names only the page.

    A count in every page's description would change every page of the list
    whenever an item is added to any of them."""
    return description if pager.number == 1 else f"{page_title(title, pager)}."


def pages_holding(path: str, count: int, per_page: int | None = None, grows: Grows = "front") -> list[str]:
    """The path of the page holding each of a list's `count` items, in the list's order."""
    return [pager.path for chunk, pager in paged(path, range(count), per_page, grows) for _ in chunk]
