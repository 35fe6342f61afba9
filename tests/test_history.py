"""'New since the previous build' moves only when the input changes, so a repeated build shows the same page."""

from __future__ import annotations

import shutil
from pathlib import Path

from csto_digest.config import load_config
from csto_digest.pipeline import run_build

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ADDED = (
    "date 2024-06-01 https://tass.com/politics/1\nCSTO adds a new article\n\n"
    "MOSCOW, June 1. /TASS/. The CSTO will hold drills in Belarus, Stanislav Zas said.\n"
)


def home(site: Path) -> str:
    return (site / "index.html").read_text(encoding="utf-8")


def test_news_name_what_was_added_and_survive_a_repeated_clean_build(tmp_path):
    articles = tmp_path / "in"
    shutil.copytree(SEEDS, articles)
    config = load_config(None, inputs=(str(articles),), output=tmp_path / "site")
    run_build(config)
    assert "New since the previous build" not in home(tmp_path / "site")  # a first build has nothing to compare

    (articles / "added.txt").write_text(ADDED, encoding="utf-8")
    run_build(config)
    first = home(tmp_path / "site")
    assert "New since the previous build" in first and "1 new article" in first

    run_build(config, clean=True)  # same input: the same news, byte for byte
    assert home(tmp_path / "site") == first
