"""benchmarks/stage_times.py runs a real build and times each stage it names."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_stage_times_builds_the_site_and_times_every_stage_it_ran(tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "stage_times.py"),
            "--input",
            str(ROOT / "seeds"),
            "--output",
            str(site),
            "--quiet",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    assert (site / "index.html").is_file()  # the real build ran
    figures = dict(re.findall(r"^\s*(\S.*?)\s+([\d.]+) s$", done.stdout, re.M))
    for stage in ("load", "group", "render(plan)", "write_site (with page rendering)", "total"):
        assert float(figures[stage]) > 0, stage
    assert float(figures["total"]) >= float(figures["load"]) + float(figures["group"])


def test_quote_stage_times_both_ways_and_finds_them_equal(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "quote_stage.py"),
            "--input",
            str(ROOT / "seeds"),
            "--output",
            str(tmp_path / "site"),
            "--runs",
            "1",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    figures = dict(re.findall(r"^(\S.*?)\s+([\d.]+) s$", done.stdout, re.M))
    assert float(figures["worked out afresh"]) > 0
    assert float(figures["brought up to date, one added"]) > 0
