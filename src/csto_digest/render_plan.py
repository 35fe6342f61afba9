"""Which pages a build renders: every page's spec and key, set against the live site's keys.

Listing the pages of a 10,000-article site and keying each costs about five
seconds of one process, and after one edit that is most of a rebuild: only a
handful of pages are rendered. So on a rebuild of a large site one forked
helper lists a share of the page kinds while this process lists the rest:

- the kinds set `apart` (statements, quotes, search), whose pages read across
  the whole corpus: it renders every one of their pages that changed, which
  this process would otherwise render alone, after its workers (see
  `render_pages`). It writes them to a spool file rather than sending them
  through a pipe, so neither process holds them all (after a template edit at
  100,000 articles they weigh hundreds of megabytes); this process reads each
  back as the writer asks for it;
- the kinds listed `there` (articles, feeds), whose changed pages it renders
  only when few (`HELPER_RENDERS_AT_MOST`). With more, it sends back their
  paths and this process makes their specs again for its own workers.

The helper shares this process's memory only until it reads it (reading an
object writes its reference count, and the memory page holding it is copied):
listing across the corpus, it comes to copy most of this process, about 170 MB
at 10,000 articles. A clean build, the one whose peak memory counts, lists its
pages in one process: with a helper its peak at 10,000 articles went from 354
MB to 390, 10 MB under the 400 MB bar, for a gain within the noise of one run,
and at 100,000 articles (3 GB without it, against a 4 GB bar) the copy would
be ten times larger. The files are the same whichever process made them.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import IO, TYPE_CHECKING

from .forked import Helper, can_fork, spool_read, spool_write
from .render_memo import LOOSE
from .render_paging import page_stem

if TYPE_CHECKING:
    from .render import Page, PageSpec, _Renderer
    from .render_memo import PageKeys
    from .render_reach import Reach, Reached

Family = Callable[["_Renderer"], Iterable["Page"]]  # one kind of page: yields its specs and other files

WIDE_SHARE = 0.5  # a page holding more than this share of the articles is rendered again, not keyed (`plan_again`)
SPLIT_MIN_ARTICLES = 400  # below this, forking the helper costs more than listing the pages saves
HELPER_RENDERS_AT_MOST = 64  # changed pages the helper renders itself; beyond, this process's workers do


@dataclass
class Plan:
    """The pages of some page kinds: made already, carried over, or to render."""

    made: dict[str, bytes | None] = field(default_factory=dict)  # None: the live file is kept
    keys: dict[str, str] = field(default_factory=dict)  # path -> key, for the next build
    todo: list[PageSpec] = field(default_factory=list)
    reused: int = 0
    rendered: int = 0  # pages in `made` or `spooled` that were rendered, not carried over
    paths: list[str] = field(default_factory=list)  # every path listed, in order, repeats included
    spooled: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> (offset, size) in `spool`
    spool: IO[bytes] | None = None  # the file the helper wrote its pages to
    reaches: dict[str, Reached] = field(default_factory=dict)  # path -> `PageKeys.reach`, for keyed pages
    files: set[str] = field(default_factory=set)  # paths of the files made while listing, not pages

    def absorb(self, other: Plan) -> None:
        """Take in another share's pages, after this one's."""
        self.made.update(other.made)
        self.keys.update(other.keys)
        self.todo.extend(other.todo)
        self.reused += other.reused
        self.rendered += other.rendered
        self.paths.extend(other.paths)
        self.spooled.update(other.spooled)
        self.reaches.update(other.reaches)
        self.files |= other.files

    def check_paths(self) -> None:
        """Two pages at one path would silently lose one of them."""
        if len(set(self.paths)) != len(self.paths):
            twice = sorted(path for path, count in Counter(self.paths).items() if count > 1)
            raise ValueError(f"two pages of the site have the same path: {', '.join(twice[:5])}")

    def spooled_files(self) -> Iterator[tuple[str, bytes]]:
        """The files the helper made, read back from the spool one at a time; the spool is closed after."""
        try:
            if self.spool is None:
                return
            for path, place in self.spooled.items():
                yield path, spool_read(self.spool, place, path)
        finally:
            self.close()

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()
            self.spool = None


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
                plan.files.add(item[0])
                continue
            plan.paths.append(item.path)
            _plan_page(plan, item, keys, untracked, live_keys)
    return plan


def _plan_page(
    plan: Plan, spec: PageSpec, keys: PageKeys, untracked: set[str], live_keys: Mapping[str, str] | None
) -> None:
    """Key one page: carried over when its key is the live one, else to render."""
    key = None if spec.template in untracked else keys.key(spec.path, spec.template, spec.values)
    if key is not None:
        plan.keys[spec.path] = key
        plan.reaches[spec.path] = keys.reach
    if key is not None and live_keys and live_keys.get(spec.path) == key:
        plan.made[spec.path] = None
        plan.reused += 1
    else:
        plan.todo.append(spec)


def plan_again(
    renderer: _Renderer,
    families: Sequence[Family],
    keys: PageKeys,
    untracked: set[str],
    live_keys: Mapping[str, str],
    before: Reach,
    wanted: set[str],
) -> Plan | None:
    """The previous build's plan `before`, with only the pages in `wanted` listed and keyed again
    (see `render_reach`); None when what was listed does not match it, and every page must be listed.

    The families make only the pages of the wanted stems; the files made while listing (the search
    shards) are made every time.

    A *wide* page, one whose values hold more than `WIDE_SHARE` of the articles (the lists of all
    themes, outlets, speakers, places, organisations and months), is rendered without a key. Its key
    would walk every article it holds, and any edit of one changes it, so it is rendered after every
    edit whatever its key: at 10,000 articles keying those six took 0.25 s of an edit's rebuild, and
    rendering them 0.03 s. It is recorded without a key, so the next rebuild lists it again, as an edit
    of any of its articles would; a build that lists every page keys it as usual."""
    from .render import PageSpec

    only = replace(renderer, only=frozenset(wanted) | {page_stem(path) for path in wanted})
    wide = len(renderer.index.articles) * WIDE_SHARE
    plan = Plan()
    listed: set[str] = set()
    for family in families:
        for item in family(only):
            if not isinstance(item, PageSpec):
                plan.made[item[0]] = item[1]
                plan.files.add(item[0])
                listed.add(item[0])
            elif item.path in wanted:
                listed.add(item.path)
                reach = before.reaches.get(item.path, ())
                if len(reach) > wide and LOOSE not in reach:
                    plan.todo.append(item)
                    plan.reaches[item.path] = reach  # the same articles: the shape is the one recorded
                else:
                    _plan_page(plan, item, keys, untracked, live_keys)
    known = set(before.paths)
    if plan.files != before.made or not listed <= known or not (wanted & known) <= listed:
        return None
    for path in before.paths:
        if path not in listed:
            plan.made[path] = None
            plan.keys[path] = before.keys[path]
            plan.reaches[path] = before.reaches.get(path, (LOOSE,))
            plan.reused += 1
    plan.paths = list(before.paths)
    return plan


def plan_site(
    renderer: _Renderer,
    here: Sequence[Family],
    there: Sequence[Family],
    apart: Sequence[Family],
    keys: PageKeys,
    untracked: set[str],
    live_keys: Mapping[str, str] | None,
    meanwhile: Callable[[Plan], None] | None = None,
) -> Plan:
    """The pages of `here`, `there` and `apart`; on a rebuild of a large site a forked helper
    lists `there` and `apart` (see the module's docstring).

    `meanwhile` is called with this process's share once it is listed, while the helper works."""
    if not _worth_splitting(renderer, live_keys):
        plan = plan_pages(renderer, [*here, *there, *apart], keys, untracked, live_keys)
        plan.check_paths()
        if meanwhile:
            meanwhile(plan)
        return plan
    spool = tempfile.TemporaryFile(prefix="csto-digest-pages-", dir=renderer.spool_folder)  # noqa: SIM115 (the plan's reader closes it)
    try:
        helper = Helper(lambda: _helper_share(renderer, apart, there, keys, untracked, live_keys, spool))
        try:
            plan = plan_pages(renderer, here, keys, untracked, live_keys)
            if meanwhile:
                meanwhile(plan)
            share = helper.result()
        finally:
            helper.dismiss()
        plan.absorb(share.plan)
        plan.spool = spool
        if share.listed:  # too many changed pages for the helper: their specs are made again here
            plan.todo.extend(_specs_at(renderer, there, share.listed))
        plan.check_paths()
    except BaseException:
        spool.close()
        raise
    return plan


def _worth_splitting(renderer: _Renderer, live_keys: Mapping[str, str] | None) -> bool:
    return bool(live_keys) and len(renderer.index.articles) >= SPLIT_MIN_ARTICLES and can_fork()


@dataclass
class _Share:
    """What the helper sends back: its plan, its pages spooled, and the paths of those it left to this process."""

    plan: Plan
    listed: set[str]


def _helper_share(
    renderer: _Renderer,
    apart: Sequence[Family],
    shared: Sequence[Family],
    keys: PageKeys,
    untracked: set[str],
    live_keys: Mapping[str, str] | None,
    spool: IO[bytes],
) -> _Share:
    plan = plan_pages(renderer, apart, keys, untracked, live_keys)
    rest = plan_pages(renderer, shared, keys, untracked, live_keys)
    listed: set[str] = set()
    if len(rest.todo) > HELPER_RENDERS_AT_MOST:
        listed, rest.todo = {spec.path for spec in rest.todo}, []
    plan.absorb(rest)
    made, plan.made = plan.made, {}
    for path, data in made.items():
        if data is None:
            plan.made[path] = None
        else:
            plan.spooled[path] = spool_write(spool, data)
    for spec in plan.todo:
        plan.spooled[spec.path] = spool_write(spool, renderer.render(spec))
    plan.rendered, plan.todo = len(plan.todo), []
    spool.flush()
    return _Share(plan, listed)


def _specs_at(renderer: _Renderer, families: Sequence[Family], paths: set[str]) -> Iterator[PageSpec]:
    """The specs of `families` at `paths`, in the order the families list them."""
    from .render import PageSpec

    for family in families:
        for item in family(renderer):
            if isinstance(item, PageSpec) and item.path in paths:
                yield item
