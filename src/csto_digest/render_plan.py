"""Which pages a build renders: every page's spec and key, set against the live site's keys.

Listing the pages of a 10,000-article site and keying each costs about five
seconds, all of it in one process, and after one edit that is most of a
rebuild: only a handful of pages are rendered. So on a rebuild of a large
site the page kinds are shared between this process and one forked helper,
which lists and keys its share while this process does the rest, renders the
few of its pages that changed, and sends back the keys and those pages.

The helper shares this process's memory until it reads it (see
`render_pages`), and keying the article pages reads every article, so a
clean build, the one whose peak memory counts, lists its pages in one process.
When the helper finds more changed pages than it should render alone, it
sends back only their paths, and this process makes their specs again for
its own workers. The files are the same whichever process made them.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .render_pages import portable_error

if TYPE_CHECKING:
    from .render import Page, PageSpec, _Renderer
    from .render_memo import PageKeys

Family = Callable[["_Renderer"], Iterable["Page"]]  # one kind of page: yields its specs and other files

SPLIT_MIN_ARTICLES = 400  # below this, forking the helper costs more than listing the pages saves
HELPER_RENDERS_AT_MOST = 64  # changed pages the helper renders itself; beyond, this process's workers do


@dataclass
class Plan:
    """The pages of some page kinds: made already, carried over, or to render."""

    made: dict[str, bytes | None] = field(default_factory=dict)  # None: the live file is kept
    keys: dict[str, str] = field(default_factory=dict)  # path -> key, for the next build
    todo: list[PageSpec] = field(default_factory=list)
    reused: int = 0
    rendered: int = 0  # pages in `made` that were rendered, not carried over
    paths: list[str] = field(default_factory=list)  # every path listed, in order, repeats included

    def absorb(self, other: Plan) -> None:
        """Take in another share's pages, after this one's."""
        self.made.update(other.made)
        self.keys.update(other.keys)
        self.todo.extend(other.todo)
        self.reused += other.reused
        self.rendered += other.rendered
        self.paths.extend(other.paths)

    def check_paths(self) -> None:
        """Two pages at one path would silently lose one of them."""
        if len(set(self.paths)) != len(self.paths):
            twice = sorted(path for path, count in Counter(self.paths).items() if count > 1)
            raise ValueError(f"two pages of the site have the same path: {', '.join(twice[:5])}")


def plan_pages(
    renderer: _Renderer,
    families: Sequence[Family],
    keys: PageKeys,
    untracked: set[str],
    live_keys: Mapping[str, str] | None,
) -> Plan:
    """The pages of `families`: a page whose key equals the live one is carried over, not rendered."""
    from .render import PageSpec

    plan = Plan()
    for family in families:
        for item in family(renderer):
            if not isinstance(item, PageSpec):
                plan.made[item[0]] = item[1]
                plan.paths.append(item[0])
                continue
            plan.paths.append(item.path)
            key = None if item.template in untracked else keys.key(item.path, item.template, item.values)
            if key is not None:
                plan.keys[item.path] = key
            if key is not None and live_keys and live_keys.get(item.path) == key:
                plan.made[item.path] = None
                plan.reused += 1
            else:
                plan.todo.append(item)
    return plan


def plan_site(
    renderer: _Renderer,
    here: Sequence[Family],
    there: Sequence[Family],
    keys: PageKeys,
    untracked: set[str],
    live_keys: Mapping[str, str] | None,
) -> Plan:
    """The pages of `here` and `there`, the latter listed by a forked helper on a rebuild of a large site."""
    if not _worth_splitting(renderer, live_keys):
        plan = plan_pages(renderer, [*here, *there], keys, untracked, live_keys)
        plan.check_paths()
        return plan
    helper = _Helper(lambda: _helper_share(renderer, there, keys, untracked, live_keys))
    try:
        plan = plan_pages(renderer, here, keys, untracked, live_keys)
        share = helper.result()
    finally:
        helper.dismiss()
    plan.absorb(share.plan)
    if share.listed:  # too many changed pages for the helper: their specs are made again here
        plan.todo.extend(_specs_at(renderer, there, share.listed))
    plan.check_paths()
    return plan


def _worth_splitting(renderer: _Renderer, live_keys: Mapping[str, str] | None) -> bool:
    return (
        bool(live_keys)
        and len(renderer.index.articles) >= SPLIT_MIN_ARTICLES
        and (os.cpu_count() or 1) >= 2
        and "fork" in multiprocessing.get_all_start_methods()
    )


@dataclass
class _Share:
    """What the helper sends back: its plan, with its changed pages rendered, or their paths listed."""

    plan: Plan
    listed: set[str]


def _helper_share(
    renderer: _Renderer,
    families: Sequence[Family],
    keys: PageKeys,
    untracked: set[str],
    live_keys: Mapping[str, str] | None,
) -> _Share:
    plan = plan_pages(renderer, families, keys, untracked, live_keys)
    todo, plan.todo = plan.todo, []
    if len(todo) > HELPER_RENDERS_AT_MOST:
        return _Share(plan, {spec.path for spec in todo})
    for spec in todo:
        plan.made[spec.path] = renderer.render(spec)
    plan.rendered = len(todo)
    return _Share(plan, set())


def _specs_at(renderer: _Renderer, families: Sequence[Family], paths: set[str]) -> Iterator[PageSpec]:
    """The specs of `families` at `paths`, in the order the families list them."""
    from .render import PageSpec

    for family in families:
        for item in family(renderer):
            if isinstance(item, PageSpec) and item.path in paths:
                yield item


class _Helper:
    """One forked process computing `work()`, its result or error sent back through a pipe.

    The helper freezes its collector first thing: its collections then leave
    the inherited objects, and the memory pages they sit on, alone. Freezing
    in this process instead would cost it a full collection later: unfreezing
    hands every object back to the oldest generation.
    """

    def __init__(self, work: Callable[[], Any]):
        context = multiprocessing.get_context("fork")
        self.receiving, sending = context.Pipe(duplex=False)
        self.process = context.Process(target=_run, args=(work, sending), daemon=True)
        self.process.start()
        sending.close()

    def result(self) -> Any:
        try:
            ok, payload = self.receiving.recv()
        except EOFError:
            self.process.join()
            raise RuntimeError(f"the page-listing helper died (exit code {self.process.exitcode})") from None
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
