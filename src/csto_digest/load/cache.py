"""The extraction cache: what each file gave at the last build, found without reading it again.

A rebuild after one edit must not read and extract ten thousand articles. For
each file the cache keeps what loading it gave (its read problems, its record
or problem, and what the corpus step needs from the record: its duplicate key,
the slug of its title, the digest of the record) under the file's stat signature and the hash
of its text. As git's index does (and `fingerprint.FileHashes`), a file whose
size, modification and change times and inode are the recorded ones is not
read at all; a file whose signature changed is read, and extracted again only
if its text changed. A file changed within `RACY_SECONDS` of the recording is
read every time: a write in the clock tick of the recording could keep its
times.

The entries are spread over `SHARDS` files by a hash of the path, so an edit
rewrites one small shard, not the whole cache. The cache is keyed by the config
and the extraction code (`code_digest`): a change to either starts a new one,
and the stale caches are deleted when it is saved.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import io
import pickle
import time
import zlib
from pathlib import Path
from typing import NamedTuple

from ..cache_files import collector_paused, read_pickle, source_digest, write_shards
from ..config import Config
from ..fingerprint import RACY_SECONDS, Signature
from ..model import Article, Problem

SHARDS = 64
VERSION = "2"


class Entry(NamedTuple):
    """What loading one file gave, and the signature and text it gave it for."""

    signature: Signature | None  # when the file was read; None until the caller fills it in
    text_key: str  # see `text_key`; "" when the file gave no text
    read_problems: tuple[Problem, ...]
    outcome: Article | Problem | None  # None: the file gave no text
    duplicate: str = ""  # the article's `duplicate_key`
    slug: str = ""  # `slugify(title)`: the id, unless another title makes the same slug
    base_token: str = ""  # `record_digest` of the record as extracted, before its id and corrections


def record_digest(record: object) -> str:
    """A digest of a whole record, for `Article.token`.

    Pickled without the pickler's memo, whose bytes depend on which strings
    the record happens to share: equal records give equal digests."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # records are trees, never cycles, so no memo is needed
    pickler.dump(record)
    return hashlib.blake2b(out.getbuffer(), digest_size=16).hexdigest()


def text_key(path: str, text: str) -> str:
    """What extraction reads: the path and the text (the config is the cache's own key)."""
    return hashlib.sha256(f"{path}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


class ExtractionCache:
    """The entries of the last build (read from the shards) and of this one (to be saved)."""

    def __init__(self, config: Config, read: bool = True):
        self.root = config.cache_dir
        # The repr, not a pickle: the registry keeps what it works out (`cached_property`)
        # in the record itself, so its pickle changes once extraction has used it.
        fingerprint = repr((VERSION, code_digest(), config.themes, config.registry)).encode("utf-8", "surrogatepass")
        self.folder = self.root / f"extract-{hashlib.sha256(fingerprint).hexdigest()[:16]}"
        self.recorded_ns = time.time_ns()  # before any file is looked at: see `fresh`
        self.read = read
        self.old: list[dict[str, Entry]] = [{} for _ in range(SHARDS)]
        self.trusted_before = [0] * SHARDS  # per old shard: files changed since are read again
        self.new: list[dict[str, Entry]] = [{} for _ in range(SHARDS)]
        self.dirty: set[int] = set()  # new shards that differ from the old by more than dropped entries
        if read:
            with collector_paused():
                for number in range(SHARDS):
                    self._read_shard(number)
                # The records live as long as the build and hold no reference cycles (reference
                # counting frees them): the collector need never walk them again.
                gc.freeze()

    def _read_shard(self, number: int) -> None:
        found = read_pickle(self.folder / f"{number:02x}.pickle")
        if not (isinstance(found, tuple) and len(found) == 2):
            return
        recorded_ns, entries = found
        self.old[number] = entries
        self.trusted_before[number] = int(recorded_ns - RACY_SECONDS * 1e9)

    def known(self, path: str) -> Entry | None:
        """The last build's entry of `path`, whatever its signature."""
        return self.old[_shard(path)].get(path)

    def fresh(self, path: str, signature: Signature | None) -> Entry | None:
        """The last build's entry of `path` if the file surely has not changed since (see the module's doc)."""
        number = _shard(path)
        entry = self.old[number].get(path)
        if (
            entry is None
            or signature is None
            or entry.signature != signature
            or max(signature[1], signature[2]) >= self.trusted_before[number]
        ):
            return None
        return entry

    def keep(self, path: str, entry: Entry, changed: bool = True) -> None:
        """Record `entry` for the next build; `changed` unless it is the last build's entry, as it was."""
        number = _shard(path)
        self.new[number][path] = entry
        if changed:
            self.dirty.add(number)

    def save(self) -> None:
        """Write the shards that changed (all of them, when none was read), and delete stale caches."""
        changed = [n for n in range(SHARDS) if not self.read or n in self.dirty or len(self.new[n]) != len(self.old[n])]
        self.old = []  # no longer needed: let it go before the shards are pickled
        if not changed:
            return
        shards = {n: (self.recorded_ns, self.new[n]) for n in changed}
        write_shards(self.folder, shards, self.root.glob("extract-*"))


def _shard(path: str) -> int:
    return zlib.crc32(path.encode("utf-8", "surrogateescape")) % SHARDS


@functools.cache
def code_digest() -> str:
    """A digest of the code and defaults extraction runs on: a new version never reuses an old record."""
    package = Path(__file__).resolve().parents[1]
    return source_digest([*package.glob("load/*.py"), package / "model.py", *package.glob("defaults/*")], package)
