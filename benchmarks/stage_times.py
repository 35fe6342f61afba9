"""Where a real `csto-digest build` spends its wall time, stage by stage, without a profiler.

A profiler inflates Python-heavy stages by 1.5x or more and hides the forked
workers, so issue 5's question ("what is left of an edit rebuild's seconds?")
is answered here by wrapping the pipeline's stage functions with wall-clock
timers and running the real command in this process. Arguments are those of
`csto-digest build`:

    .venv/bin/python benchmarks/stage_times.py --input /tmp/corpus --output /tmp/site --quiet

Times nest (`render(plan)` holds `build_index` and `plan_again`; `write_site`
holds the rendering of the pages it is streamed), so they do not add up to the total.
"""

from __future__ import annotations

import functools
import importlib
import sys
import time
from collections.abc import Callable
from typing import Any

STARTED = time.perf_counter()

# (module the caller looks the name up in, function name, label)
STAGES = (
    ("csto_digest.pipeline", "fingerprint", "fingerprint"),
    ("csto_digest.load.corpus", "load_corpus", "load"),
    ("csto_digest.group", "group_articles", "group"),
    ("csto_digest.render", "render", "render(plan)"),
    ("csto_digest.render", "build_index", "  build_index"),
    ("csto_digest.render", "read_reach", "  read_reach"),
    ("csto_digest.render", "site_shape", "  site_shape"),
    ("csto_digest.render", "plan_again", "  plan_again"),
    ("csto_digest.render", "plan_site", "  plan_site"),
    ("csto_digest.render", "build_search_index", "  build_search_index"),
    ("csto_digest.pipeline", "live_page_keys", "live_page_keys"),
    ("csto_digest.pipeline", "baseline_for", "baseline_for"),
    ("csto_digest.pipeline", "write_site", "write_site (with page rendering)"),
    ("csto_digest.pipeline", "remember", "remember"),
    ("csto_digest.pipeline", "remember_snapshot", "remember_snapshot"),
)


def timed(seconds: dict[str, float], label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, adding its wall time to `seconds[label]` on every call."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - start

    return wrapper


def main(argv: list[str]) -> int:
    seconds: dict[str, float] = {}
    import csto_digest.cli as cli

    seconds["import cli"] = time.perf_counter() - STARTED
    start = time.perf_counter()
    for module_name, _, _ in STAGES:
        importlib.import_module(module_name)
    seconds["import stages"] = time.perf_counter() - start
    for module_name, name, label in STAGES:
        module = importlib.import_module(module_name)
        setattr(module, name, timed(seconds, label, getattr(module, name)))
    sys.argv = ["csto-digest", "build", *argv]
    code = 0
    try:
        cli.main()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 0
    seconds["total"] = time.perf_counter() - STARTED
    for label, value in seconds.items():
        print(f"{label:36s} {value:7.3f} s")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
