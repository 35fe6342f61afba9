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


class _Forked:
    """One forked process running `target(*args, sending)`, which sends `(ok, payload)` messages through a pipe."""

    def __init__(self, target: Callable[..., None], args: tuple[Any, ...], what: str):
        context = multiprocessing.get_context("fork")
        self.what = what
        self.receiving, sending = context.Pipe(duplex=False)
        try:
            self.process: Any = context.Process(target=target, args=(*args, sending), daemon=True)
            self.process.start()
        finally:
            sending.close()

    def _receive(self) -> Any:
        """The next payload; the helper's error raised here, or its death reported with its exit code."""
        try:
            ok, payload = self.receiving.recv()
        except EOFError:
            self.process.join()
            raise RuntimeError(f"the {self.what} died (exit code {self.process.exitcode})") from None
        if not ok:
            raise payload
        return payload

    def _stop(self) -> None:
        """Stop the process if it still works (safe to call again)."""
        if self.process is not None:
            self.receiving.close()
            if self.process.is_alive():
                self.process.terminate()
            self.process.join()
            self.process = None


class Helper(_Forked):
    """One forked process computing `work()`, its result or error sent back through a pipe.

    The helper freezes its collector first thing: its collections then leave
    the inherited objects, and the memory pages they sit on, alone. Freezing
    in this process instead would cost it a full collection later: unfreezing
    hands every object back to the oldest generation.
    """

    def __init__(self, work: Callable[[], Any], what: str = "page-listing helper"):
        super().__init__(_run, (work,), what)

    def result(self) -> Any:
        return self._receive()

    def dismiss(self) -> None:
        self._stop()


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


class SpooledFiles(_Forked):
    """The files of each maker in `makers`, made in turn by a forked helper from now on, read back by `files`.

    The helper sends word as each maker's files are spooled, so the files of
    the first can be read while it makes the next. The spool lies in `folder`
    (the build cache) when given: a temporary folder in memory (tmpfs) would
    hold the files in memory.
    """

    def __init__(
        self, makers: dict[str, Callable[[], Iterable[tuple[str, bytes]]]], what: str, folder: Path | None = None
    ):
        self.names = frozenset(makers)
        self.placed: dict[str, list[tuple[str, tuple[int, int]]]] = {}
        self.spool = tempfile.TemporaryFile(prefix="csto-digest-files-", dir=folder)  # noqa: SIM115 (closed by close)
        try:
            super().__init__(_make_all, (makers, self.spool), what)
        except BaseException:
            self.spool.close()
            raise

    def files(self, name: str) -> Iterator[tuple[str, bytes]]:
        """The files of maker `name`, in the order it made them, once spooled; raises the helper's error if it
        failed. They can be read again until `close`."""
        if name not in self.names:
            raise KeyError(f"the {self.what} makes no {name}")
        while name not in self.placed:
            if self.process is None:
                raise RuntimeError(f"the {self.what} was stopped before it made {name}")
            made, placed = self._receive()
            self.placed[made] = placed
        for path, place in self.placed[name]:
            yield path, spool_read(self.spool, place, path)

    def close(self) -> None:
        """Stop the helper if it still works, and let go of the spool (safe to call again)."""
        self._stop()
        self.spool.close()


def _make_all(makers: dict[str, Callable[[], Iterable[tuple[str, bytes]]]], spool: IO[bytes], sending: Any) -> None:
    """The helper's life: each maker's files spooled in turn, word sent after each; an error ends it."""
    gc.freeze()
    for name, make in makers.items():
        try:
            placed = [(path, spool_write(spool, data)) for path, data in make()]
            spool.flush()
            outcome = (True, (name, placed))
        except BaseException as error:  # every failure must reach the parent, which raises it
            outcome = (False, portable_error(error))
        sending.send(outcome)
        if not outcome[0]:
            break
    sending.close()
