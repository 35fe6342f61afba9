"""Pieces of output made from one article, kept from one build to the next in the build cache folder.

At ten thousand articles the search index and the data exports cost seconds
to make, though an edit changes one article's share of them. Each piece (an
article's search terms, the JSON text of its record) is kept under a digest of
exactly what it is made from, and the file under a digest of the code that
makes it, so a piece found is always the piece that would be made: a stale
one is never found, and a miss only costs time.

The memos live beside the extraction cache (`.NAME.cache` next to the
output), when the build keeps a cache (the pipeline's builds do; `render_site`
alone does not). Only the pieces a build used are saved, so a file holds one corpus,
however many builds ran before.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import pickle
import zlib
from collections import OrderedDict
from collections.abc import Callable, Hashable, KeysView
from pathlib import Path
from typing import Any, TypeVar

from .cache_files import collector_paused, read_pickle, remove_stale, source_digest, write_pickle, write_shards
from .model import Article

T = TypeVar("T")


def cache_file(folder: Path, name: str) -> Path:
    """Where the memo `name` lives in the build cache `folder`, under a digest of the code that makes its pieces."""
    return folder / f"{name}-{_code_digest()}.pickle"


def cache_folder(folder: Path, name: str) -> Path:
    """Where the sharded memo `name` (`ShardedMemo`) lives in the build cache `folder`."""
    return folder / f"{name}-{_code_digest()}"


@functools.cache
def _code_digest() -> str:
    """A digest of every module of the package: pieces made by another version are never found."""
    package = Path(__file__).resolve().parent
    return source_digest(package.rglob("*.py"), package)


def digest(*parts: str) -> str:
    """A key for a piece made from `parts`; each part is prefixed by its length, so no two lists share one."""
    made = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        made.update(b"%d\x1f" % len(data))
        made.update(data)
    return made.hexdigest()


def article_digest(article: Article) -> str:
    """A digest of the whole record: its `token` when the loader gives one, else of its pickle.

    The pickler runs without its memo (`fast`): with it, the bytes depend on
    which strings the record shares, which differs between an article just
    extracted and the same one read back from the extraction cache."""
    token = getattr(article, "token", None)
    if token:
        return str(token)
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # records are trees, never cycles, so no memo is needed
    pickler.dump(article)
    return hashlib.blake2b(out.getbuffer(), digest_size=16).hexdigest()


def load(file: Path | None) -> Any:
    """What `save` left in `file`, or `None` when there is none (or it cannot be read)."""
    return None if file is None else read_pickle(file)


def save(file: Path | None, value: Any) -> None:
    """Write `value` to `file` whole or not at all, and delete the memo's files from other versions of the code."""
    if file is None:
        return
    with contextlib.suppress(OSError):
        write_pickle(file, value)
        remove_stale(file.parent.glob(f"{file.name.rsplit('-', 1)[0]}-*.pickle"), file)


class FragmentMemo:
    """Pieces by key, read from `file` and saved back holding only the pieces this build asked for.

    After `save`, the pieces asked for are the ones found next, so one memo
    (with or without a file) also serves a long-lived process from one build
    to the next, holding one build's worth."""

    def __init__(self, file: Path | None = None, fresh: bool = False):
        """`fresh` (a `--clean` build): reuse no piece, but save this build's for the next."""
        self.file = file
        found = None if fresh else load(file)
        self.previous: dict[Hashable, Any] = found if isinstance(found, dict) else {}
        self.current: dict[Hashable, Any] = {}

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        found = self.current.get(key, self.previous.get(key))
        if found is None:
            found = make()
        self.current[key] = found
        return found

    def save(self) -> None:
        if self.current.keys() != self.previous.keys():
            save(self.file, self.current)
        self.previous, self.current = self.current, {}


class ShardedMemo(FragmentMemo):
    """A `FragmentMemo` kept in `shards` files by key, so that saving rewrites only the files whose keys changed.

    The data exports' memo holds a copy of every data file (67 MB at ten
    thousand articles, 700 MB at a hundred thousand). Kept in one file, every
    edit wrote all of it again. An edit changes a few pieces (the article's
    record and quote rows, its story's and statements' rows), so it now
    rewrites the few files holding them: at 100,000 articles, saving after six
    pieces changed took 0.89 s and now 0.25 s, and reading the memo 0.44 s and
    now 0.53 s. Pieces under a key never change (the key is a digest of what
    they are made of), so a file whose keys are the same holds the same."""

    def __init__(self, folder: Path | None = None, fresh: bool = False, shards: int = 256):
        """`folder` holds the files (see `cache_folder`); `fresh`: reuse nothing, but save this build's."""
        super().__init__(None)
        self.folder, self.shards = folder, shards
        self.stored: list[KeysView[Hashable] | None] = [None] * shards  # keys in each file; None: not known
        if folder is None or fresh:
            return
        with collector_paused():  # many small objects and no cycles: nothing for the collector to find
            for number in range(shards):
                found = read_pickle(folder / f"{number:02x}.pickle")
                if isinstance(found, dict):
                    self.previous.update(found)
                    self.stored[number] = found.keys()

    def save(self) -> None:
        if self.folder is not None:
            changed = self._changed_files()
            if changed:
                stale = self.folder.parent.glob(f"{self.folder.name.rsplit('-', 1)[0]}-*")
                write_shards(self.folder, changed, stale)
                for number, part in changed.items():
                    self.stored[number] = part.keys()
        self.previous, self.current = self.current, {}

    def _changed_files(self) -> dict[int, dict[Hashable, object]]:
        """The files to write, each whole: those holding a key asked for now and not before, or before and not now.

        Only those keys are placed (a digest each), not every key of the memo:
        at 100,000 articles placing all 286,000 of them cost more than the writing."""
        if any(keys is None for keys in self.stored):  # a fresh memo, or a file unread: every file is made
            split: list[dict[Hashable, object]] = [{} for _ in range(self.shards)]
            for key, value in self.current.items():
                split[_shard(key, self.shards)][key] = value
            return {n: part for n, part in enumerate(split) if part.keys() != self.stored[n]}
        current = self.current
        touched: dict[int, list[Hashable]] = {}
        for key in current.keys() ^ self.previous.keys():
            touched.setdefault(_shard(key, self.shards), []).append(key)
        changed = {}
        for number, keys in touched.items():
            part = {key: current[key] for key in self.stored[number] or () if key in current}
            part.update((key, current[key]) for key in keys if key in current)
            changed[number] = part
        return changed


def _shard(key: Hashable, shards: int) -> int:
    """The file a key's piece is kept in: the same in every process (`hash` of a string is not)."""
    text = key if isinstance(key, str) else repr(key)
    return zlib.crc32(text.encode("utf-8", "surrogatepass")) % shards


class BytesMemo:
    """Pieces of one build's output by key, the most recently used up to `budget` bytes in all.

    For pieces many pages share (an article's entry in a list, in a feed): each
    process that renders keeps its own, and a large site's build must fit in a
    few hundred megabytes, so the memo forgets the piece used longest ago
    rather than grow with the site.
    """

    def __init__(self, budget: int):
        self.budget = budget
        self.kept: OrderedDict[Hashable, bytes] = OrderedDict()
        self.size = 0

    def get(self, key: Hashable) -> bytes | None:
        found = self.kept.get(key)
        if found is not None:
            self.kept.move_to_end(key)
        return found

    def put(self, key: Hashable, data: bytes) -> None:
        if len(data) > self.budget:
            return
        old = self.kept.pop(key, None)
        self.size += len(data) - (len(old) if old is not None else 0)
        self.kept[key] = data
        while self.size > self.budget:
            _, dropped = self.kept.popitem(last=False)
            self.size -= len(dropped)
