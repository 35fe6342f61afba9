"""The benchmark's memory sampler: a sample read across a fork or an exit is dropped, never summed."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def _runner():
    """benchmarks/ is a folder of scripts, not a package: load the module by path."""
    spec = importlib.util.spec_from_file_location("bench_run", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


run = _runner()


def test_a_steady_tree_is_summed(monkeypatch):
    monkeypatch.setattr(run, "_tree_pids", lambda root: {1, 2})
    monkeypatch.setattr(run, "_memory_kb", {1: 300, 2: 100}.get)
    assert run._tree_pss_kb(1) == 400


def test_a_fork_while_reading_drops_the_sample(monkeypatch):
    """The parent read whole before the fork and the child's half after it would make 1.5 times the truth."""
    listings = iter([{1}, {1, 2}])
    monkeypatch.setattr(run, "_tree_pids", lambda root: next(listings))
    monkeypatch.setattr(run, "_memory_kb", {1: 300, 2: 150}.get)
    assert run._tree_pss_kb(1) is None


def test_a_process_that_cannot_be_read_drops_the_sample(monkeypatch):
    monkeypatch.setattr(run, "_tree_pids", lambda root: {1, 2})
    monkeypatch.setattr(run, "_memory_kb", {1: 300, 2: None}.get)
    assert run._tree_pss_kb(1) is None


@pytest.mark.skipif(not os.path.exists("/proc/self/smaps_rollup"), reason="needs Linux's /proc")
def test_a_real_process_tree_is_read():
    code = "import os, time\nif os.fork() == 0:\n    time.sleep(30)\nelse:\n    time.sleep(30)\n"
    proc = subprocess.Popen([sys.executable, "-c", code])
    try:
        for _ in range(100):  # until the child is there
            if len(run._tree_pids(proc.pid)) == 2:
                break
            time.sleep(0.05)
        assert len(run._tree_pids(proc.pid)) == 2
        total = run._tree_pss_kb(proc.pid)
        assert total is not None and total > run._memory_kb(proc.pid) > 0
    finally:
        for pid in run._tree_pids(proc.pid):
            os.kill(pid, 9)
        proc.wait()
