"""The extraction cache: a rebuild reads only the files that changed, and loads what a clean load would."""

from __future__ import annotations

import dataclasses
import os
import shutil
import time
from pathlib import Path

import pytest

from csto_digest.config import load_config
from csto_digest.load import cache, corpus
from csto_digest.load.corpus import load_corpus

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def settled(monkeypatch):
    """Files written before a load count as settled at once (not only after `RACY_SECONDS`)."""
    monkeypatch.setattr(cache, "RACY_SECONDS", 0.0)
    time.sleep(0.01)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The paths whose files a load reads."""
    seen: list[str] = []
    real = corpus.read_article_file

    def counting(path, *args):
        seen.append(Path(path).name)
        return real(path, *args)

    monkeypatch.setattr(corpus, "read_article_file", counting)
    return seen


@pytest.fixture
def extractions(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = corpus.extract_one

    def counting(path, text, config):
        seen.append(Path(path).name)
        return real(path, text, config)

    monkeypatch.setattr(corpus, "extract_one", counting)
    return seen


def config_for(articles: Path, **options):
    return load_config(None, inputs=(str(articles),), output=articles.parent / "site", **options)


def clean_load(config):
    """What a load with no cache at all gives (the cache folder is moved aside and back)."""
    folder = config.output.parent / f".{config.output.name}.cache"
    aside = folder.with_name("aside")
    if folder.exists():
        folder.rename(aside)
    try:
        return load_corpus(config, use_cache=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if aside.exists():
            aside.rename(folder)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_rebuild_reads_no_unchanged_file(articles, settled, reads):
    config = config_for(articles)
    first = load_corpus(config)
    assert len(reads) == 5
    reads.clear()
    again = load_corpus(config)
    assert reads == []
    assert again == first


def test_an_edit_is_seen_even_when_size_and_modification_time_are_kept(articles, settled, reads):
    config = config_for(articles)
    load_corpus(config)
    target = sorted(articles.glob("*.txt"))[2]
    stat = target.stat()
    text = target.read_text(encoding="utf-8")
    first_word = text.split()[0]
    target.write_text(text.replace(first_word, first_word[::-1].upper(), 1), encoding="utf-8")
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # only the change time tells
    assert target.stat().st_size == stat.st_size
    reads.clear()
    after = load_corpus(config)
    assert reads == [target.name]
    assert after == clean_load(config)


def test_added_deleted_and_renamed_files_are_seen(articles, settled):
    config = config_for(articles)
    load_corpus(config)
    files = sorted(articles.glob("*.txt"))
    shutil.copy(files[0], articles / "copy-of-000.txt")  # reported as a duplicate
    files[1].unlink()
    files[2].rename(articles / "renamed.txt")
    after = load_corpus(config)
    assert after == clean_load(config)
    paths = {Path(a.path).name for a in after.articles}
    assert files[1].name not in paths and files[2].name not in paths and "renamed.txt" in paths
    assert any("copy-of-000.txt" in p.path and "duplicate" in p.message for p in after.problems)


def test_a_touched_file_is_read_but_not_extracted_again(articles, settled, reads, extractions):
    config = config_for(articles)
    first = load_corpus(config)
    extractions.clear()
    reads.clear()
    target = sorted(articles.glob("*.txt"))[3]
    os.utime(target)
    again = load_corpus(config)
    assert (reads, extractions) == ([target.name], [])
    assert again == first


def test_a_changed_line_ending_keeps_the_record_but_reports_the_new_note(articles, settled, extractions):
    config = config_for(articles)
    load_corpus(config)
    target = sorted(articles.glob("*.txt"))[1]
    target.write_bytes(target.read_bytes().replace(b"\n", b"\r\n"))
    extractions.clear()
    after = load_corpus(config)
    assert extractions == []  # the text read is the same
    assert any(p.path.endswith(target.name) and "CRLF" in p.message for p in after.problems)
    assert after == clean_load(config)


def test_a_file_changed_just_after_it_was_recorded_is_read_again(articles, monkeypatch, reads):
    """Times alone cannot tell a write in the clock tick of the recording: such a file is always read."""
    now = time.time_ns()
    monkeypatch.setattr(corpus, "stat_signature", lambda path: (1, now, now, 1))  # the same times whatever happens
    config = config_for(articles)
    load_corpus(config)
    target = sorted(articles.glob("*.txt"))[0]
    edit(target, "Tasmagambetov", "Tasmaganbetov")
    reads.clear()
    after = load_corpus(config)
    assert target.name in reads
    assert after == clean_load(config)


def test_a_file_recorded_long_ago_with_the_same_signature_is_trusted_unread(articles, monkeypatch, reads):
    """The other side of the test above: the signature is what is trusted, the text is not looked at."""
    monkeypatch.setattr(corpus, "stat_signature", lambda path: (1, 0, 0, 1))
    config = config_for(articles)
    first = load_corpus(config)
    edit(sorted(articles.glob("*.txt"))[0], "Tasmagambetov", "Tasmaganbetov")
    reads.clear()
    assert load_corpus(config) == first
    assert reads == []


def test_an_edit_rewrites_one_shard_only(articles, settled):
    config = config_for(articles)
    load_corpus(config)
    folder = cache.ExtractionCache(config, read=False).folder
    before = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pickle")}
    assert len(before) == 5  # one per file here: shards without entries are not written
    time.sleep(0.01)
    edit(sorted(articles.glob("*.txt"))[4], "CSTO", "C.S.T.O.")
    load_corpus(config)
    after = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.pickle")}
    assert sum(after[name] != before[name] for name in before) == 1


def test_a_config_change_misses_the_cache_and_the_stale_cache_is_deleted(articles, settled, extractions):
    config = config_for(articles)
    load_corpus(config)
    old = cache.ExtractionCache(config, read=False).folder
    changed = dataclasses.replace(config, themes=config.themes[1:])
    extractions.clear()
    after = load_corpus(changed)
    assert len(extractions) == 5
    assert not old.exists() and cache.ExtractionCache(changed, read=False).folder.exists()
    assert after == clean_load(changed)


def test_an_unreadable_cache_only_costs_time(articles, settled):
    config = config_for(articles)
    first = load_corpus(config)
    for shard in cache.ExtractionCache(config, read=False).folder.glob("*.pickle"):
        shard.write_bytes(b"not a pickle")
    assert load_corpus(config) == first


def test_worker_processes_load_what_one_process_loads(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, seed in enumerate(sorted(SEEDS.glob("*.txt")) * 3):
        text = seed.read_text(encoding="utf-8") + f"\nNote number {n} on the wording.\n"
        (folder / f"{n:02d}-{seed.name}").write_text(text, encoding="utf-8")
    config = config_for(folder)
    monkeypatch.setattr(corpus, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(corpus.os, "cpu_count", lambda: 2)
    parallel = load_corpus(config, use_cache=False)
    monkeypatch.setattr(corpus, "PARALLEL_THRESHOLD", 10**9)
    assert load_corpus(config, use_cache=False) == parallel


def test_the_cache_key_does_not_change_once_the_config_has_been_used(articles):
    """The registry caches what it works out inside itself; a long-lived process (`serve`) must still hit."""
    config = config_for(articles)
    before = cache.ExtractionCache(config, read=False).folder
    load_corpus(config)
    assert cache.ExtractionCache(config, read=False).folder == before
