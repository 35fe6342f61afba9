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
the pages keep their paths: every page links to the others, and one page's
new path would render them all again. A link to a page keeps showing about
the same items. No page but the first states a total or a position in the
whole list, which would change with every item added anywhere in it.

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
class Pager:
    """Where one page stands in its list, for the page's navigation and headings.

    It holds no total and no position of the page's items, which would
    change with an item added to any other page: the page's key is made of
    it (see `render_memo`). Its number and the list's paths change only when
    a page comes or goes."""

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


Paged = tuple[Sequence[T], Pager]  # a page's items and where it stands


def paged(path: str, items: Sequence[T], key: Callable[[T], str], per_page: int | None = None) -> list[Paged[T]]:
    """The list split into pages, in its order, each with its `Pager`; an empty list is one page.

    `key` names an item, the same from one build to the next and unique in
    the list (an article's id): where the pages break, and their paths,
    depend on the keys alone."""
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
    ends, every_path = [*starts[1:], len(items)], tuple(paths)
    return [
        (items[start:end], Pager(n, every_path, end - start))
        for n, (start, end) in enumerate(zip(starts, ends, strict=True), 1)
    ]


@functools.lru_cache(maxsize=1 << 18)
def _mark(key: str) -> tuple[int, str]:
    """An item's key as a number (whether a page breaks at it) and a name (the page's, if one does).

    Kept across lists, as an article sits in a dozen of them. Hashing every
    item of every list of 70,000 items in 20 lists took 0.135 s; hashing
    each key once, and only items that may start a page, 0.034 s (0.018 s
    when the process has hashed them already; timed in one process)."""
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big"), digest.hex()[:10]


def page_title(title: str, pager: Pager) -> str:
    """A page's title with its place in the list, past the first: "Armenia (page 2 of 5)"."""
    return title if pager.number == 1 else f"{title} (page {pager.number} of {pager.count})"


def page_description(description: str, title: str, pager: Pager) -> str:
    """The first page's description, which may count the whole list; a later page's names only the page.

    A count in every page's description would change every page of the list
    whenever an item is added to any of them."""
    return description if pager.number == 1 else f"{page_title(title, pager)}."


def pages_holding(path: str, items: Sequence[T], key: Callable[[T], str], per_page: int | None = None) -> list[str]:
    """The path of the page holding each item of the list, in the list's order."""
    return [pager.path for chunk, pager in paged(path, items, key, per_page) for _ in chunk]
