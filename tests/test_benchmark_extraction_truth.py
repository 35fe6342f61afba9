"""benchmarks/extraction_truth.py scores the loader against the generator's truth, and the loader holds its bars there."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "extraction_truth.py"


def _script():
    spec = importlib.util.spec_from_file_location("bench_extraction_truth", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_loader_names_the_speakers_and_invents_no_date_on_generated_articles() -> None:
    counts = _script().score(300, 3)
    assert counts["articles"] == 300 and counts["articles failed"] == 0
    right, wrong, missed = counts["speakers right"], counts["speakers wrong"], counts["speakers missed"]
    assert right / (right + wrong) >= 0.97  # was 0.960 before newspapers and institutes stopped being people
    assert right / (right + missed) >= 0.97
    assert counts["quotes given to someone else"] <= 0.02 * counts["quotes"]
    assert counts["dates invented"] == 0 and counts["dates wrong"] == 0
    assert counts["sources wrong"] == 0


def test_the_script_prints_every_figure() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--n", "40", "--every", "2"], check=True, capture_output=True, text=True
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("articles             20 (0 failed)")
    assert [line.split()[0] for line in lines] == ["articles", "speakers", "quotes", "dates", "sources"]
