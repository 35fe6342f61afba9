"""The benchmark's corpus generator: deterministic, and what it writes is what the loader meets.

A benchmark is only worth its numbers if the corpus makes the pipeline do its
real work, so besides determinism these tests run the loader over a small
generated sample and check that it finds dates, quotes with speakers and
syndicated copies there.
"""

from __future__ import annotations

import hashlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from csto_digest.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "generate.py"


def _generator():
    """benchmarks/ is a folder of scripts, not a package: load the module by path."""
    spec = importlib.util.spec_from_file_location("bench_generate", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


gen = _generator()


def _write(tmp_path: Path, name: str, n: int, seed: int, fmt: str = "text") -> Path:
    out = tmp_path / name
    subprocess.run(
        [sys.executable, str(SCRIPT), "--n", str(n), "--seed", str(seed), "--out", str(out), "--format", fmt],
        check=True,
        capture_output=True,
    )
    return out


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_same_seed_same_bytes_and_n_files(tmp_path):
    first = _write(tmp_path, "a", 30, seed=7)
    second = _write(tmp_path, "b", 30, seed=7)
    other = _write(tmp_path, "c", 30, seed=8)
    assert len(list(first.glob("*.txt"))) == 30
    assert _digest(first) == _digest(second)
    assert _digest(first) != _digest(other)


def test_first_n_articles_do_not_depend_on_n():
    """The runner adds article N+1 to a corpus of N; that only works if N+1's prefix is N."""
    short = [gen.file_text(d, "text", 3) for d in gen.generate(25, 3)]
    longer = [gen.file_text(d, "text", 3) for d in gen.generate(40, 3)]
    assert longer[:25] == short


@pytest.mark.parametrize("fmt", ["hugo", "pelican"])
def test_peer_formats_carry_the_same_articles(tmp_path, fmt):
    site = _write(tmp_path, fmt, 10, seed=1, fmt=fmt)
    pages = sorted((site / gen.CONTENT_FOLDER[fmt]).glob("*.md"))
    assert len(pages) == 10
    docs = list(gen.generate(10, 1))
    for doc, page in zip(docs, pages, strict=True):
        text = page.read_text(encoding="utf-8")
        assert doc.title in text
        assert doc.true_date.isoformat() in text
    config = "hugo.toml" if fmt == "hugo" else "pelicanconf.py"
    assert (site / config).is_file()


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """20 generated articles as the loader reads them, with the generator's truth."""
    from csto_digest.load.corpus import extract_one

    folder = tmp_path_factory.mktemp("corpus")
    docs = list(gen.generate(20, 1))
    config = load_config()
    records = {}
    for doc in docs:
        path = folder / gen.relative_path(doc, "text")
        path.write_text(gen.file_text(doc, "text", 1), encoding="utf-8")
        records[doc.index] = extract_one(str(path), path.read_text(encoding="utf-8"), config)
    return folder, docs, records


def test_loader_finds_dates_quotes_and_speakers(sample):
    _, docs, records = sample
    dated = [d for d in docs if d.date is not None]
    assert sum(records[d.index].date == d.date.isoformat() for d in dated) >= 0.8 * len(dated)
    with_speaker = [d for d in docs if any(q.speaker for q in records[d.index].quotes)]
    assert len(with_speaker) > len(docs) / 2
    # The speaker found is the one who spoke, not just any name.
    right = [d for d in with_speaker if d.speakers[0] in {q.speaker for q in records[d.index].quotes}]
    assert len(right) > len(docs) / 2


def test_sample_has_syndicated_copies_the_loader_sees_as_the_same_text(sample):
    _, docs, records = sample
    pairs = [(d, d.copy_of) for d in docs if d.copy_of is not None and d.copy_of < len(docs)]
    assert pairs, "the sample should hold a syndicated copy of an article it also holds"
    for copy, original in pairs:
        assert docs[original].outlet != copy.outlet
        copy_quotes = {q.text for q in records[copy.index].quotes}
        original_quotes = {q.text for q in records[original].quotes}
        assert copy_quotes and copy_quotes == original_quotes


def test_sample_has_one_statement_in_several_outlets(sample):
    _, docs, _ = sample
    outlets_by_statement: dict[int, set[str]] = {}
    for d in docs:
        if d.copy_of is None:
            outlets_by_statement.setdefault(d.statement, set()).add(d.outlet)
    assert any(len(outlets) > 1 for outlets in outlets_by_statement.values())


def test_load_files_reads_the_generated_corpus(sample):
    from csto_digest.load.corpus import load_files

    folder, docs, _ = sample
    result = load_files(sorted(folder.glob("*.txt")), load_config())
    # A syndicated copy with byte-identical body text is reported as a duplicate; the rest load.
    assert len(result.articles) + sum("duplicate" in p.message for p in result.problems) == len(docs)
    assert sum(any(q.speaker for q in a.quotes) for a in result.articles) > len(result.articles) / 2


def test_every_new_statement_has_its_own_number(monkeypatch):
    """Past 600 statements the recent list is cut; numbers taken from its length came round again."""
    made = []
    real = gen.Statement

    def recording(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(gen, "Statement", recording)
    generator = iter(gen.Generator(7))
    for _ in range(2500):
        next(generator)
    assert len(made) > 900
    assert len({s.id for s in made}) == len(made)
