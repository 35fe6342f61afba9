"""The command line: `inspect` prints the stable record, `build` writes the site."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from csto_digest.cli import main

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
KEYS = {
    "id", "path", "title", "title_derived", "url", "source", "cited_sources", "date", "date_precision",
    "date_evidence", "speakers", "quotes", "themes", "places", "organizations", "body", "removed",
}  # fmt: skip


def test_inspect_prints_a_json_array_with_the_documented_keys():
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    result = CliRunner().invoke(main, ["inspect", *paths])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert len(records) == 5
    assert all(set(r) >= KEYS for r in records)
    assert sorted(r["path"] for r in records) == paths
    assert len({r["id"] for r in records}) == 5


def test_inspect_yaml_gives_the_same_records():
    path = str(SEEDS / "002_5d910aacae258540.txt")
    as_json = json.loads(CliRunner().invoke(main, ["inspect", path]).stdout)
    as_yaml = yaml.safe_load(CliRunner().invoke(main, ["inspect", "--format", "yaml", path]).stdout)
    assert as_json == as_yaml


def test_build_writes_the_site_and_the_data(tmp_path):
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--input", str(SEEDS), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 articles" in result.stdout
    articles = json.loads((out / "data" / "articles.json").read_text(encoding="utf-8"))
    groups = json.loads((out / "data" / "groups.json").read_text(encoding="utf-8"))
    assert len(articles) == 5
    assert set(groups) == {"themes", "stories", "statements"}
    by_path = {Path(a["path"]).name[:3]: a["id"] for a in articles}
    assert [sorted(s) for s in groups["stories"]] == [sorted([by_path["002"], by_path["004"]])]
    statement_articles = [{m["article"] for m in s} for s in groups["statements"]]
    assert sum(1 for s in statement_articles if s == {by_path["002"], by_path["004"]}) >= 2
    assert all(ids != set(by_path.values()) for ids in map(set, groups["themes"].values()))


def test_build_with_nothing_to_build_fails(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["build", "--input", str(empty), "--output", str(tmp_path / "o")])
    assert result.exit_code == 1


def _run_command(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The console script's entry point (`run`), in a process of its own: it leaves with `os._exit`."""
    code = "import sys; from csto_digest.cli import run; sys.argv[0] = 'csto-digest'; run()"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_the_command_prints_everything_and_keeps_the_exit_code_though_it_leaves_without_tearing_down(tmp_path):
    out = tmp_path / "site"
    done = _run_command("build", "--input", str(SEEDS), "--output", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("5 articles") and done.stdout.endswith("\n")  # the summary, flushed
    assert (out / "index.html").is_file()
    bad = _run_command("build", "--input", str(SEEDS), "--output", str(out), "--base-url", "ftp://x", cwd=tmp_path)
    assert bad.returncode == 2 and bad.stderr.startswith("error:")
    empty = tmp_path / "empty"
    empty.mkdir()
    none = _run_command("build", "--input", str(empty), "--output", str(tmp_path / "other"), "--quiet", cwd=tmp_path)
    assert none.returncode == 1  # no article: the build fails
    version = _run_command("--version", cwd=tmp_path)
    assert version.returncode == 0 and "version" in version.stdout
