"""What the build caches share: shards of pickles written whole or not at all, and a paused collector.

The extraction cache and the grouper's feature cache both keep their entries in
numbered shards (`NN.pickle` in a folder named after the code that made them),
so that an edit rewrites one small file, not the whole cache.
"""

from __future__ import annotations

import gc
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


def write_shards(folder: Path, shards: Mapping[int, Any], stale: Iterable[Path] = ()) -> None:
    """Write each shard to `folder/NN.pickle`, whole or not at all, then delete `stale` caches (other folders).

    A cache that cannot be written only costs time, so a failure is not an error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for number, value in shards.items():
            target = folder / f"{number:02x}.pickle"
            temporary = target.with_suffix(".tmp")
            with temporary.open("wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        for path in stale:
            if path != folder:
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    except OSError:
        pass
