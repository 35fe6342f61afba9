"""The build as four stages, each one call: load, group, render, write.

Data flows one way. `load_corpus` returns frozen `Article` records, `group_articles`
returns `Groups`, `render` lists the pages and returns the stream of output
files, which `write_site` reads one file at a time into the output's spare tree.
"""

from __future__ import annotations

import dataclasses
import gc
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .cache_files import collector_paused
from .config import Config
from .fingerprint import (
    FileHashes,
    Fingerprint,
    fingerprint,
    problems_from,
    remember,
    remember_hashes,
    unchanged_report,
)
from .history import baseline_for, remember_snapshot
from .model import Problem
from .progress import Progress
from .write import check_output, live_page_keys, write_site

T = TypeVar("T")


@dataclass(frozen=True)
class BuildReport:
    articles: int
    themes: int
    stories: int
    quotes: int
    pages_written: int
    pages_unchanged: int
    problems: tuple[Problem, ...]
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def summary(self, seconds: float) -> str:
        stages = ", ".join(f"{name} {secs:.2f}s" for name, secs in self.stage_seconds.items())
        notes = sum(1 for p in self.problems if p.severity == "note")  # what was done to files read fine
        noted = f" ({notes} notes)" if notes else ""
        return (
            f"{self.articles} articles, {self.themes} themes, {self.stories} stories, {self.quotes} quotes; "
            f"{self.pages_written} files written, {self.pages_unchanged} unchanged; "
            f"{len(self.problems) - notes} problems{noted}; {seconds:.2f}s ({stages})"
        )


def run_build(config: Config, clean: bool = False, progress: Progress | None = None) -> BuildReport:
    """Build the whole site. Nothing is switched in until every page is written."""
    progress = progress or Progress(enabled=False)

    check_output(config.output, config.inputs)  # refuse a dangerous output before the cache is written beside it
    timings: dict[str, float] = {}
    start = time.perf_counter()
    print_, file_hashes = fingerprint(config)
    last = None if clean else unchanged_report(config, print_)
    timings["check"] = time.perf_counter() - start
    if last is not None:  # nothing changed since the last build: write nothing
        if file_hashes.read:
            remember_hashes(config, file_hashes)  # files read again now need not be next time
        return BuildReport(
            articles=last["articles"],
            themes=last["themes"],
            stories=last["stories"],
            quotes=last["quotes"],
            pages_written=0,
            pages_unchanged=last["pages"],
            problems=problems_from(last),
            stage_seconds=timings,
        )
    try:
        return _run_stages(config, clean, progress, print_, file_hashes, timings)
    finally:
        gc.unfreeze()  # a long-lived process (`serve`) lets the collector see this build's objects again


def _run_stages(
    config: Config,
    clean: bool,
    progress: Progress,
    print_: Fingerprint,
    file_hashes: FileHashes,
    timings: dict[str, float],
) -> BuildReport:
    """Load, group, render and write.

    Loading, grouping and planning the pages run with the cyclic collector
    paused, and what they made is frozen out of its sight before it starts
    again, with no collection first. What they make lives until the build
    ends, and their garbage is freed by reference counting: the loader and
    the grouper make no reference cycles (tests check both), and the plan
    few (about a thousand objects at 1,000 articles, from the Markdown
    converter), which stay frozen until the build ends. Each full collection walks
    every object not frozen, and one comes each time the heap grows by a
    quarter: at 100,000 articles a rebuild after one edit spent 5.7 s of 46 s
    in 18 of them, walking the site index, the page keys and the search
    index as they grew, and a clean build at 10,000 articles 0.7 s while it
    took in the loader's records. Pages are rendered and written with the
    collector running, since rendering does make cycles.
    """
    # The stages are imported only now: a rebuild with nothing to do never pays for
    # loading Jinja, rapidfuzz and the rest.
    from .group import FeatureCache, QuoteStageFile, group_articles
    from .load.corpus import load_corpus
    from .render import render

    with collector_paused():
        start = time.perf_counter()
        progress.start("load")
        loaded = load_corpus(config, use_cache=not clean)
        timings["load"] = time.perf_counter() - start

        start = time.perf_counter()
        progress.start(f"group {len(loaded.articles)} articles")
        groups = group_articles(
            loaded.articles,
            config,
            FeatureCache(config.cache_dir, read=not clean),  # dropped once grouped: 190 MB at 10,000 articles
            QuoteStageFile(config.cache_dir, read=not clean),
        )
        timings["group"] = time.perf_counter() - start

        start = time.perf_counter()
        live_keys = None if clean else live_page_keys(config.output)
        baseline = baseline_for(config.output, print_.whole)  # not a cache: --clean shows the same news
        rendered = render(
            loaded.articles,
            groups,
            config,
            live_keys,
            epoch=print_.code,
            progress=progress,
            baseline=baseline,
            cache=True,
            clean=clean,
        )
        planned = time.perf_counter() - start
        gc.freeze()

    # Pages are rendered as the writer asks for them, so each is on disk before
    # the next is made; the time spent making them counts as render, the rest as write.
    start = time.perf_counter()
    making = _Timed(rendered.files)
    try:
        written = write_site(
            making,
            config.output,
            inputs=config.inputs,
            keep=config.keep,
            clean=clean,
            page_keys=rendered.keys,
        )
    finally:
        rendered.stop()
    timings["render"] = planned + making.seconds
    timings["write"] = time.perf_counter() - start - making.seconds

    report = BuildReport(
        articles=len(loaded.articles),
        themes=sum(1 for ids in groups.themes.values() if ids),
        stories=len(groups.stories),
        quotes=sum(len(a.live_quotes) for a in loaded.articles),
        pages_written=written.written,
        pages_unchanged=written.unchanged,
        problems=loaded.problems + written.problems,
        stage_seconds=timings,
    )
    remember(
        config,
        print_,
        {
            "articles": report.articles,
            "themes": report.themes,
            "stories": report.stories,
            "quotes": report.quotes,
            "pages": report.pages_written + report.pages_unchanged,
            "problems": [dataclasses.asdict(p) for p in report.problems],
        },
        file_hashes,
    )
    remember_snapshot(config.output, print_.whole, baseline, rendered.snapshot)
    return report


class _Timed(Generic[T]):
    """A stream that adds up the time spent making its items (not the time its reader spends on them)."""

    def __init__(self, items: Iterator[T]):
        self.items = items
        self.seconds = 0.0

    def __iter__(self) -> Iterator[T]:
        while True:
            start = time.perf_counter()
            try:
                item = next(self.items)
            except StopIteration:
                self.seconds += time.perf_counter() - start
                return
            self.seconds += time.perf_counter() - start
            yield item
