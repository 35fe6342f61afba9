"""Turn page specs into HTML, on every core when there are many.

Rendering is pure Python (Jinja), so one process renders one page at a time.
With many pages to render, worker processes are forked (one fewer than the
cores): they inherit the site index and the compiled templates as they stand
(nothing is pickled on the way in) and send back only each page's bytes.

The pages are cut into chunks, and every process claims the next chunk from
one shared counter. This process also writes every page to disk, so it
claims a chunk only when no worker's pages are waiting to be written: the
work shares itself out, where a fixed split left this process (render and
write) the slowest and the workers' finished pages piling up in its memory.

A forked worker shares this process's memory only until it reads it (a
read writes the object's reference count, and the page holding it is
copied). Most pages read one article or a few; a page that reads across
the whole corpus (the quote index, the statements) would have a worker copy
most of the index. Those specs are marked `alone` and rendered here once
the workers are gone: at 10,000 articles that took the benchmark's peak
from 410 MB to 375.

Where `fork` is not available, or for a few pages, the pages are rendered in
this process, in order; the bytes are the same either way.

Also here: which templates read the whole site index (`site`, or
`links.index`) rather than the values they are given, or look up a name
written in the template itself (`links.speaker('…')`), which no value of the
page holds. A page made from one of those cannot be keyed by its values, so
it is rendered on every build.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import json
import multiprocessing
import os
import pickle
import queue
import re
import traceback
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.context import ForkContext, ForkProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import meta

from . import render_items

if TYPE_CHECKING:
    from .render import PageSpec, _Renderer

PARALLEL_PAGES = 400  # below this, forking workers costs more than it saves
CHUNK = 64  # pages per task: small enough to share the work evenly, large enough to cost little
RENEW = 16  # chunks a worker renders before a fresh one is forked in its place
POLL = 0.1  # seconds between looks at the workers while waiting for their pages
AHEAD = 2  # chunks per worker that may wait, rendered, for this process to take them

_work: tuple[_Renderer, Sequence[PageSpec]] | None = None  # what forked workers render from


def render_pages(
    renderer: _Renderer, specs: Sequence[PageSpec], on_done: Callable[[int], None] | None = None
) -> Iterator[tuple[int, bytes]]:
    """Each spec's position and page, as it is made; `on_done(n)` hears how many are rendered so far.

    Pages come one chunk at a time, so the caller can write each before the
    next is made and never holds the whole site. With workers they come in
    the order they are finished, not the order of `specs`, and the specs
    marked `alone` come last, rendered here after the workers have gone.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(specs) < PARALLEL_PAGES or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for done, spec in enumerate(specs, 1):
            yield done - 1, renderer.render(spec)
            if on_done:
                on_done(done)
        return
    shared = [position for position, spec in enumerate(specs) if not spec.alone]
    done = 0
    for done, (position, page) in enumerate(_render_forked(renderer, [specs[p] for p in shared], workers - 1), 1):
        yield shared[position], page
        if on_done:
            on_done(done)
    for position, spec in enumerate(specs):
        if spec.alone:
            yield position, renderer.render(spec)
            done += 1
            if on_done:
                on_done(done)


def _render_forked(renderer: _Renderer, specs: Sequence[PageSpec], helpers: int) -> Iterator[tuple[int, bytes]]:
    """`specs` rendered by this process and `helpers` forked workers, each page as it is finished."""
    if not specs:
        return
    for name in sorted({spec.template for spec in specs if spec.make is None}):
        renderer.env.get_template(name)  # compile once, before the fork, for every worker
    global _work
    _work = (renderer, specs)
    gc.collect()
    _return_free_memory()
    # A caller that froze its long-lived objects (the build, see `pipeline`) unfreezes them itself.
    thaw = gc.get_freeze_count() == 0
    gc.freeze()  # the workers' collector leaves the inherited objects alone, so their pages stay shared
    try:
        yield from _Crew(len(specs), helpers).pages()
    finally:
        if thaw:
            gc.unfreeze()
        _work = None


class _Crew:
    """This process and `helpers` forked workers, each claiming the next chunk from one shared counter.

    A worker is replaced every `RENEW` chunks: a fresh fork shares the pages
    the old one had come to copy (reading an object writes its refcount). A
    worker that fails sends its error, which is raised here; one that dies
    without a word (killed, out of memory) is reported by its exit code.
    """

    def __init__(self, pages: int, helpers: int):
        self.context: ForkContext = multiprocessing.get_context("fork")
        self.total = len(range(0, pages, CHUNK))
        self.next = self.context.Value("q", 0)  # the next chunk to claim, shared by every process
        self.results: Any = self.context.Queue()
        # A worker takes a place before it claims a chunk, and this process frees it on
        # taking the pages: workers faster than the writer wait instead of filling memory.
        self.room = self.context.Semaphore(AHEAD * helpers)
        self.helpers = helpers
        self.workers: list[ForkProcess] = []

    def pages(self) -> Iterator[tuple[int, bytes]]:
        """(position, page) for every page, as each is finished."""
        self.received = 0  # chunks handed over, whoever rendered them
        try:
            self._hire()
            while self.received < self.total:
                try:
                    item = self.results.get_nowait()
                except queue.Empty:
                    claimed = self._claim()
                    if claimed is not None:  # nothing to write: render a chunk here
                        yield from self._render_here(claimed)
                        continue
                    item = self._wait()
                yield from self._hand_over(item)
        finally:
            self._dismiss()

    def _render_here(self, claimed: int) -> Iterator[tuple[int, bytes]]:
        """This process's chunk, page by page, handing over between its pages the workers'
        chunks that came meanwhile: each frees a worker's place at once, so a chunk of slow
        pages here does not leave the workers waiting."""
        assert _work is not None, "runs only while render_pages has set the work"
        renderer, specs = _work
        for position in range(claimed * CHUNK, min((claimed + 1) * CHUNK, len(specs))):
            yield position, renderer.render(specs[position])
            with contextlib.suppress(queue.Empty):
                while True:
                    yield from self._hand_over(self.results.get_nowait())
        self.received += 1
        # A worker retires after sending its last chunk, which leaves only as this
        # process reads it: its replacement is hired here, or never.
        self._hire()

    def _hand_over(self, item: tuple[int, Any]) -> Iterator[tuple[int, bytes]]:
        """A worker's chunk, page by page; its place is free from now."""
        self.room.release()
        start, made = self._unpack(item)
        yield from enumerate(made, start)
        self.received += 1
        self._hire()

    def _claim(self) -> int | None:
        with self.next.get_lock():
            claimed = self.next.value
            if claimed >= self.total:
                return None
            self.next.value = claimed + 1
            return claimed

    def _work_loop(self) -> None:
        """A worker's life: up to `RENEW` chunks, each sent back as soon as it is rendered."""
        try:
            for _ in range(RENEW):
                self.room.acquire()
                claimed = self._claim()
                if claimed is None:
                    self.room.release()
                    break
                self.results.put((claimed, _render_range(claimed * CHUNK)))
        except BaseException as error:  # every failure must reach the parent, which raises it
            self.results.put((-1, portable_error(error)))
        finally:
            self.results.close()
            self.results.join_thread()  # everything sent is in the pipe before the worker exits

    def _hire(self) -> None:
        """Keep `helpers` workers alive while chunks are left to claim."""
        for worker in [w for w in self.workers if not w.is_alive()]:
            worker.join()
            self.workers.remove(worker)
            if worker.exitcode:
                raise RuntimeError(f"a page-rendering worker died (exit code {worker.exitcode})")
        with self.next.get_lock():
            left = self.total - self.next.value
        while len(self.workers) < min(self.helpers, left):
            worker = self.context.Process(target=self._work_loop, daemon=True)
            worker.start()
            self.workers.append(worker)

    def _wait(self) -> Any:
        """The next chunk a worker sends, checking meanwhile that the workers are still there."""
        while True:
            try:
                return self.results.get(timeout=POLL)
            except queue.Empty:
                self._hire()
                if not self.workers:
                    raise RuntimeError("the page-rendering workers stopped before every page was rendered") from None

    @staticmethod
    def _unpack(item: tuple[int, Any]) -> tuple[int, list[bytes]]:
        claimed, payload = item
        if claimed < 0:
            raise payload
        return claimed * CHUNK, payload

    def _dismiss(self) -> None:
        for worker in self.workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
        self.results.close()
        self.results.cancel_join_thread()


def portable_error(error: BaseException) -> BaseException:
    """The error itself if it survives pickling, else a RuntimeError with its traceback as text."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # any error that cannot cross a pipe is sent as text
        return RuntimeError("".join(traceback.format_exception(error)))
    return error


def _return_free_memory() -> None:
    """Hand memory freed by the earlier stages back to the system before forking, where the C library allows."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the workers inherit free pages, costing memory
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _render_range(start: int) -> list[bytes]:
    assert _work is not None, "runs only while render_pages has set the work"
    renderer, specs = _work
    return [renderer.render(spec) for spec in specs[start : start + CHUNK]]


_READS_INDEX = re.compile(r"\blinks\s*\.\s*index\b")
# A lookup of a name given as a literal: page keys count the lookups of the names a page's values hold.
_LOOKS_UP_A_LITERAL = re.compile(
    r"""(?:\blinks\s*\.\s*(?:outlet|speaker|theme|place|organization|statement)|\btheme_title)\s*\(\s*['"]"""
)
_CALLS_LIST_ITEM = re.compile(rf"\b{render_items.GLOBAL}\b")


def untracked_templates(env: jinja2.Environment, memo: Path | None = None, fresh: bool = False) -> set[str]:
    """Templates that read the whole site index, directly or through one they extend, include or import.

    Parsing every template costs a good part of a second; with `memo` (a file)
    the answer is kept under a digest of every template's name and source, and
    reused (unless `fresh`) while none of them changes.
    """
    names = [n for n in env.list_templates() if n.endswith((".html", ".xml", ".txt"))]
    sources = {name: env.loader.get_source(env, name)[0] if env.loader else "" for name in names}
    digest = hashlib.sha256(json.dumps(sorted(sources.items())).encode("utf-8", "surrogatepass")).hexdigest()
    if memo is not None and not fresh:
        with contextlib.suppress(OSError, ValueError, TypeError):
            kept = json.loads(memo.read_text(encoding="utf-8"))
            if kept.get("digest") == digest:
                return set(kept["untracked"])
    untracked = _reading_the_index(env, sources)
    if memo is not None:
        with contextlib.suppress(OSError):
            memo.write_text(json.dumps({"digest": digest, "untracked": sorted(untracked)}), encoding="utf-8")
    return untracked


def _reading_the_index(env: jinja2.Environment, sources: dict[str, str]) -> set[str]:
    reads: dict[str, bool] = {}
    uses: dict[str, set[str]] = {}
    for name, source in sources.items():
        try:
            tree = env.parse(source)
        except jinja2.TemplateSyntaxError:
            reads[name], uses[name] = True, set()  # rendering it will report the error
            continue
        reads[name] = "site" in meta.find_undeclared_variables(tree) or bool(
            _READS_INDEX.search(source) or _LOOKS_UP_A_LITERAL.search(source)
        )
        uses[name] = {n for n in meta.find_referenced_templates(tree) if n}
        if _CALLS_LIST_ITEM.search(source):  # renders the list entry template, which Jinja cannot see
            uses[name].add(render_items.TEMPLATE)
    names = list(sources)
    untracked: set[str] = set()
    for name in names:
        seen, stack = set(), [name]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            if reads.get(current):
                untracked.add(name)
                break
            stack.extend(uses.get(current, ()))
    return untracked
