"""A rebuild with nothing changed does nothing; any change to an input rebuilds."""

from __future__ import annotations

import shutil
from pathlib import Path

from csto_digest.config import load_config
from csto_digest.pipeline import run_build

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_nothing_changed_writes_nothing_and_repeats_the_report(tmp_path):
    articles = tmp_path / "in"
    shutil.copytree(SEEDS, articles)
    config = load_config(None, inputs=(str(articles),), output=tmp_path / "site")
    first = run_build(config)
    again = run_build(config)
    assert again.pages_written == 0 and "load" not in again.stage_seconds
    assert (again.articles, again.quotes, again.problems) == (first.articles, first.quotes, first.problems)


def test_an_edit_or_a_correction_file_rebuilds(tmp_path):
    articles = tmp_path / "in"
    shutil.copytree(SEEDS, articles)
    config = load_config(None, inputs=(str(articles),), output=tmp_path / "site")
    run_build(config)
    target = next(iter(sorted(articles.glob("004*.txt"))))
    target.write_text(target.read_text(encoding="utf-8").replace("Read: 487", "Read: 488"), encoding="utf-8")
    assert "load" in run_build(config).stage_seconds
    target.with_suffix(".yml").write_text("title: A corrected title\n", encoding="utf-8")
    rebuilt = run_build(config)
    assert "load" in rebuilt.stage_seconds and rebuilt.pages_written > 0


def test_a_deleted_site_is_rebuilt(tmp_path):
    config = load_config(None, inputs=(str(SEEDS),), output=tmp_path / "site")
    run_build(config)
    (tmp_path / "site").unlink()
    assert "load" in run_build(config).stage_seconds
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_clean_build_reads_no_cache_but_leaves_one(tmp_path, monkeypatch):
    from csto_digest.load import corpus

    config = load_config(None, inputs=(str(SEEDS),), output=tmp_path / "site")
    run_build(config, clean=True)
    assert list((tmp_path / ".site.cache").glob("extract-*/*.pickle"))
    calls = []
    monkeypatch.setattr(corpus, "extract_one", lambda *args: calls.append(args))
    (tmp_path / "site").unlink()  # force a rebuild that may use the cache
    run_build(config)
    assert calls == []  # every article came from the cache


def test_the_extraction_cache_is_keyed_by_the_extraction_code(tmp_path, monkeypatch):
    from csto_digest.load import cache

    config = load_config(None, inputs=(str(SEEDS),), output=tmp_path / "site")
    first = cache.ExtractionCache(config).folder
    monkeypatch.setattr(cache, "code_digest", lambda: "another version")
    assert cache.ExtractionCache(config).folder != first
