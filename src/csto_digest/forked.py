"""Work done by one forked process while this one goes on: a result through a pipe, or files through a spool.

A rebuild after an edit runs on one core while the other idles: listing the
pages, rendering the few that changed and writing them is one line of work.
Some of it reads only what is already made (the site index, the groups), so a
forked copy of this process can do it meanwhile, with nothing pickled on the
way in. What it sends back is either a small result (`Helper`) or files,
which it writes to a spool file rather than through a pipe, so that neither
process holds them all (`SpooledFiles`).

A forked helper shares this process's memory only until it reads it (reading
an object writes its reference count, and the memory page holding it is
copied), so a helper that reads across the corpus copies part of this
process: callers fork one only on rebuilds, never on the clean build whose
peak memory counts.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .render_pages import portable_error


def can_fork() -> bool:
    """Whether a helper can run beside this process: a second core, and `fork` to start it."""
    return (os.cpu_count() or 1) >= 2 and "fork" in multiprocessing.get_all_start_methods()


class Helper:
    """One forked process computing `work()`, its result or error sent back through a pipe.

    The helper freezes its collector first thing: its collections then leave
    the inherited objects, and the memory pages they sit on, alone. Freezing
    in this process instead would cost it a full collection later: unfreezing
    hands every object back to the oldest generation.
    """

    def __init__(self, work: Callable[[], Any], what: str = "page-listing helper"):
        context = multiprocessing.get_context("fork")
        self.what = what
        self.receiving, sending = context.Pipe(duplex=False)
        self.process = context.Process(target=_run, args=(work, sending), daemon=True)
        self.process.start()
        sending.close()

    def result(self) -> Any:
        try:
            ok, payload = self.receiving.recv()
        except EOFError:
            self.process.join()
            raise RuntimeError(f"the {self.what} died (exit code {self.process.exitcode})") from None
        if not ok:
            raise payload
        return payload

    def dismiss(self) -> None:
        self.receiving.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


def _run(work: Callable[[], Any], sending: Any) -> None:
    gc.freeze()
    try:
        outcome = (True, work())
    except BaseException as error:  # every failure must reach the parent, which raises it
        outcome = (False, portable_error(error))
    sending.send(outcome)
    sending.close()


def spool_write(spool: IO[bytes], data: bytes) -> tuple[int, int]:
    """Append `data` to `spool`; where it stands, to read it back with `os.pread`."""
    offset = spool.tell()
    spool.write(data)
    return offset, len(data)


def spool_read(spool: IO[bytes], place: tuple[int, int], path: str) -> bytes:
    """The bytes `spool_write` put at `place`, which stand for the file at `path`."""
    offset, size = place
    data = os.pread(spool.fileno(), size, offset)
    if len(data) != size:
        raise OSError(f"the spool of made files is short at {path}")
    return data


class SpooledFiles:
    """The files `make()` yields, made by a forked helper from now on, and read back by `files()`.

    The spool lies in `folder` (the build cache) when given: a temporary folder
    in memory (tmpfs) would hold the files in memory.
    """

    def __init__(self, make: Callable[[], Iterable[tuple[str, bytes]]], what: str, folder: Path | None = None):
        self.spool = tempfile.TemporaryFile(prefix="csto-digest-files-", dir=folder)  # noqa: SIM115 (closed by files or close)
        try:
            self.helper: Helper | None = Helper(lambda: _spool_all(make(), self.spool), what)
        except BaseException:
            self.spool.close()
            raise

    def files(self) -> Iterator[tuple[str, bytes]]:
        """Each file, in the order `make` made them, once the helper is done; raises its error if it failed."""
        try:
            assert self.helper is not None, "files() reads the helper's files once"
            placed = self.helper.result()
            self._dismiss()
            for path, place in placed:
                yield path, spool_read(self.spool, place, path)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the helper if it still works, and let go of the spool (safe to call again)."""
        self._dismiss()
        self.spool.close()

    def _dismiss(self) -> None:
        if self.helper is not None:
            self.helper.dismiss()
            self.helper = None


def _spool_all(files: Iterable[tuple[str, bytes]], spool: IO[bytes]) -> list[tuple[str, tuple[int, int]]]:
    placed = [(path, spool_write(spool, data)) for path, data in files]
    spool.flush()
    return placed
