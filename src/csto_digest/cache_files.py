"""What the build caches share: pickles read and written whole or not at all, a digest of
the code that makes what they hold, and a paused collector.

The extraction cache and the grouper's feature cache keep their entries in
numbered shards (`NN.pickle` in a folder named after the code that made them),
so that an edit rewrites one small file, not the whole cache; the output memos
keep one pickle each. A cache that cannot be read or written only costs time.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import shutil
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector.

    Loading a cache or grouping makes hundreds of thousands of small objects
    and no reference cycles: each full collection would walk every live object
    (the whole loaded corpus included), which grows faster than the corpus.
    Memory is still freed by reference counting."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def source_digest(files: Iterable[Path], root: Path, salt: str = "") -> str:
    """A short digest of the source `files` (named relative to `root`): a new version never reuses an old entry."""
    digest = hashlib.sha256(salt.encode())
    for path in sorted(files):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def read_pickle(path: Path) -> Any | None:
    """What `write_pickle` left at `path`, or `None` when there is none or it cannot be read."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def write_pickle(target: Path, value: Any) -> None:
    """Write `value` to `target` whole or not at all (raises `OSError` when it cannot)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, target)


def remove_stale(paths: Iterable[Path], keep: Path) -> None:
    """Delete caches made by another version of the code (files or folders), all but `keep`."""
    for path in paths:
        if path != keep:
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)


def write_shards(folder: Path, shards: Mapping[int, Any], stale: Iterable[Path] = ()) -> None:
    """Write each shard to `folder/NN.pickle`, then delete `stale` caches (other folders); failures are ignored."""
    try:
        for number, value in shards.items():
            write_pickle(folder / f"{number:02x}.pickle", value)
        remove_stale(stale, folder)
    except OSError:
        pass
