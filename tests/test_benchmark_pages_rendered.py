"""benchmarks/pages_rendered.py counts the pages a change renders again, and none when nothing changed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from csto_digest.config import load_config
from csto_digest.pipeline import run_build

ROOT = Path(__file__).resolve().parent.parent


def _generate(n: int, out: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--n", str(n), "--seed", "2", "--out", str(out)],
        check=True,
        capture_output=True,
    )


def _rendered(corpus: Path, site: Path) -> int:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "pages_rendered.py"), "--input", str(corpus), "--output", str(site)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(re.search(r"(\d+) pages rendered", done.stdout).group(1))


def test_it_counts_the_pages_an_added_article_renders_again_and_none_for_no_change(tmp_path):
    corpus, more, site = tmp_path / "corpus", tmp_path / "more", tmp_path / "site"
    _generate(40, corpus)
    _generate(41, more)
    run_build(load_config(None, inputs=(corpus,), output=site))
    # At most the home page: its "new since the previous build" panel is made against this build's
    # predecessor, which a real rebuild with nothing changed never gets as far as rendering.
    assert _rendered(corpus, site) <= 1
    [added] = sorted(set(p.name for p in more.iterdir()) - set(p.name for p in corpus.iterdir()))
    (corpus / added).write_bytes((more / added).read_bytes())
    pages = len([p for p in site.rglob("*.html")])
    assert 5 < _rendered(corpus, site) < pages / 2  # 49 of 168 here: its own, its lists', the indexes...
