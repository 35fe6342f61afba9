"""Turn page specs into HTML, on every core when there are many.

Rendering is pure Python (Jinja), so one process renders one page at a time.
With many pages to render, worker processes are forked (one fewer than the
cores: this process renders its share too): they inherit the site index and the
compiled templates as they stand (nothing is pickled on the way in) and send
back only each page's bytes. Where `fork` is not available, or
for a few pages, the pages are rendered in this process; the bytes are the
same either way.

Also here: which templates read the whole site index (`site`, or
`links.index`) rather than the values they are given. A page made from one of
those cannot be keyed by its values, so it is rendered on every build.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import json
import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
from jinja2 import meta

from . import render_items

if TYPE_CHECKING:
    from .render import PageSpec, _Renderer

PARALLEL_PAGES = 400  # below this, forking workers costs more than it saves
CHUNK = 64  # pages per task: small enough to share the work evenly, large enough to cost little
RENEW = 16  # chunks a worker renders before a fresh one is forked in its place
AHEAD = 2  # chunks a worker may have rendered, or have waiting, that this process has not taken yet

_work: tuple[_Renderer, Sequence[PageSpec]] | None = None  # what forked workers render from


def render_pages(
    renderer: _Renderer, specs: Sequence[PageSpec], on_done: Callable[[int], None] | None = None
) -> Iterator[bytes]:
    """Each spec's page, in order, as it is made; `on_done(n)` hears how many are rendered so far.

    Pages come one chunk at a time, so the caller can write each before the
    next is made and never holds the whole site.
    """
    workers = min(os.cpu_count() or 1, 8)
    if len(specs) < PARALLEL_PAGES or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        for done, spec in enumerate(specs, 1):
            yield renderer.render(spec)
            if on_done:
                on_done(done)
        return
    for name in sorted({spec.template for spec in specs if spec.make is None}):
        renderer.env.get_template(name)  # compile once, before the fork, for every worker
    global _work
    _work = (renderer, specs)
    gc.collect()
    _return_free_memory()
    gc.freeze()  # the workers' collector leaves the inherited objects alone, so their pages stay shared
    try:
        # This process renders too, every `workers`-th chunk, while the workers
        # render the rest: one process fewer holding a copy of the site index.
        helpers = workers - 1
        starts = range(0, len(specs), CHUNK)
        # A worker is replaced every `RENEW` chunks: a fresh fork shares the pages
        # the old one had come to copy (reading an object writes its refcount).
        with multiprocessing.get_context("fork").Pool(helpers, maxtasksperchild=RENEW) as pool:
            # Only `AHEAD` chunks per worker are handed out beyond what this process has taken
            # back: a worker that ran ahead would fill this process with pages waiting to be written.
            theirs = iter([s for n, s in enumerate(starts) if n % workers])
            queued: deque[AsyncResult[list[bytes]]] = deque()
            for done, (n, start) in enumerate(enumerate(starts), 1):
                while len(queued) < AHEAD * helpers and (next_start := next(theirs, None)) is not None:
                    queued.append(pool.apply_async(_render_range, (next_start,)))
                yield from _render_range(start) if n % workers == 0 else queued.popleft().get()
                if on_done:
                    on_done(min(done * CHUNK, len(specs)))
    finally:
        gc.unfreeze()
        _work = None


def _return_free_memory() -> None:
    """Hand memory freed by the earlier stages back to the system before forking, where the C library allows."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the workers inherit free pages, costing memory
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _render_range(start: int) -> list[bytes]:
    assert _work is not None, "runs only while render_pages has set the work"
    renderer, specs = _work
    return [renderer.render(spec) for spec in specs[start : start + CHUNK]]


_READS_INDEX = re.compile(r"\blinks\s*\.\s*index\b")
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
        reads[name] = "site" in meta.find_undeclared_variables(tree) or bool(_READS_INDEX.search(source))
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
