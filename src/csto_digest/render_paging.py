"""Long lists split into pages of a readable size.

A theme, a country or the list of all articles grows with the archive: at ten
thousand articles a single page holding them all weighs megabytes, is slow to
open on a phone, and has to be rendered again whenever any article on it
changes. Split into pages of `PER_PAGE` items, an edit re-renders only the
page the article is on (and the first, which carries the summary).

The first page keeps the list's own path; the others go in a folder named
after it (`themes/armenia.html`, then `themes/armenia/2.html`), so no page of a
list can take the name of another page of the site.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

PER_PAGE = 100  # items per page: a long scroll on a phone, a small fraction of a megabyte
PER_STATEMENT_PAGE = 50  # statements show every wording side by side, so fewer fit a page
PER_QUOTE_PAGE = 200  # rows of the quote index: a month's at ten thousand articles, about 140 kB
PER_SPEAKER_QUOTES = 100  # a speaker's quotes, each a block with its article, outlet and date

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    """Where one page stands in its list, for the page's navigation and headings."""

    number: int  # 1 for the first page
    paths: tuple[str, ...]  # every page of the list, site-relative, in order
    first: int  # the position in the whole list of this page's first item, from 1
    shown: int  # items on this page
    total: int  # items in the whole list

    @property
    def path(self) -> str:
        """This page's path."""
        return self.paths[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def last(self) -> int:
        """The position in the whole list of this page's last item."""
        return self.first + self.shown - 1

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


def page_holding(path: str, position: int, per_page: int) -> str:
    """The page of the list at `path` that holds the item at `position` (from 0)."""
    return page_path(path, position // per_page + 1)


def page_path(path: str, number: int) -> str:
    """Page `number` of the list whose first page is `path`."""
    return path if number == 1 else f"{path.removesuffix('.html')}/{number}.html"


def paged(path: str, items: Sequence[T], per_page: int | None = None) -> list[tuple[Sequence[T], Pager]]:
    """The list split into pages of `per_page` (or `PER_PAGE`), each with its `Pager`; an empty list is one page."""
    per_page = per_page or PER_PAGE
    count = max(1, -(-len(items) // per_page))
    paths = tuple(page_path(path, n) for n in range(1, count + 1))
    pages = []
    for n in range(1, count + 1):
        chunk = items[(n - 1) * per_page : n * per_page]
        pages.append((chunk, Pager(n, paths, (n - 1) * per_page + 1, len(chunk), len(items))))
    return pages


def page_title(title: str, pager: Pager) -> str:
    """A page's title with its place in the list, past the first: "Armenia (page 2 of 5)"."""
    return title if pager.number == 1 else f"{title} (page {pager.number} of {pager.count})"
