"""Every article's list entries, rendered before the pages and kept from one build to the next.

An article is listed on a dozen pages or more. Rendered where it is listed,
its entry is made again whenever the bounded memo of a rendering process has
let it go, and the forked workers each start their own: at 10,000 articles a
build made 76,000 entries for 19,800 different ones. And a deletion or
addition that shifts every page of a long paged list (a place named in 3,000
articles) renders those pages again, entries and all.

So when many pages are to be rendered, this process makes both entries of
every article (with and without themes) before the workers are forked, into
one `bytes` that they read without copying it: a forked process copies a
page of memory when it writes an object's reference count, and slicing one
large bytes object touches only its header, where a dict of twenty thousand
small ones would be copied into every worker as it read them.

The entries are kept in the build cache under each article's key part (its
token, the file its page is written to, and how every name it carries
resolves: see `render_memo.PageKeys.article_part`) and the build's epoch, so
an entry found is the entry that would be made; a build makes only the
entries of new and changed articles. An entry template that reads the whole
site index (`site`) is not kept from one build to the next, only within one.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .cache_files import read_pickle
from .fragments import save
from .model import Article

if TYPE_CHECKING:
    from .render_items import ArticleItems

VERSION = 1


class ItemStore:
    """The two entries of every article of the site, one after another in one `bytes`."""

    def __init__(self, blob: bytes, ends: array, slots: dict[str, int]):
        self.blob = blob
        self.ends = ends  # ends[2 * slot + show_themes + 1]: where that entry ends; ends[0] == 0
        self.slots = slots  # article id -> slot

    def get(self, article_id: str, show_themes: bool) -> bytes | None:
        slot = self.slots.get(article_id)
        if slot is None:
            return None
        at = 2 * slot + show_themes
        return self.blob[self.ends[at] : self.ends[at + 1]]


def prepare_items(
    items: ArticleItems,
    articles: Sequence[Article],
    root: str,
    epoch: str,
    key_of: Callable[[Article], str] | None,
    file: Path | None,
    fresh: bool = False,
) -> ItemStore | None:
    """Both entries of every article, from the last build's where an article's key is unchanged.

    `key_of` gives an article's key part, or is `None` when entries must not
    outlive the build; `file` is where they are kept. `None` when entries
    cannot be kept without their root (see `ArticleItems.rootless`), or
    there is nothing to list.
    """
    if not articles:
        return None
    kept = _read(file, epoch) if key_of is not None and not fresh else None
    if kept is not None and items.rootless is None:
        items.mark = kept[0]  # before the first entry is made: the kept entries hold this mark
    elif kept is not None and kept[0] != items.mark:
        kept = None  # entries were made with this build's mark already
    if items.rootless is None:
        items.entry(items.links_from(root), articles[0], True)
    if not items.rootless:
        return None
    previous = kept[1] if kept is not None else {}
    entries: dict[str, tuple[bytes, bytes]] = {}
    parts: list[bytes] = []
    ends = array("q", [0])
    slots: dict[str, int] = {}
    made = 0
    for article in articles:
        key = key_of(article) if key_of is not None else article.id
        pair = previous.get(key)
        if pair is None:
            pair = (items.marked(article, False), items.marked(article, True))
            made += 1
        entries[key] = pair
        slots[article.id] = len(slots)
        for entry in pair:
            parts.append(entry)
            ends.append(ends[-1] + len(entry))
    if key_of is not None and (made or entries.keys() != previous.keys()):
        save(file, (VERSION, epoch, items.mark, entries))
    return ItemStore(b"".join(parts), ends, slots)


def _read(file: Path | None, epoch: str) -> tuple[str, dict[str, tuple[bytes, bytes]]] | None:
    """The mark and entries kept by the last build of this epoch, if any."""
    found = read_pickle(file) if file is not None else None
    if not (isinstance(found, tuple) and len(found) == 4 and found[0] == VERSION and found[1] == epoch):
        return None
    _, _, mark, entries = found
    return (mark, entries) if isinstance(mark, str) and isinstance(entries, dict) else None
