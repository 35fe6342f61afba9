"""Shared fixtures: the repository's seeds and a default config."""

from __future__ import annotations

from pathlib import Path

import pytest

from csto_digest.config import Config, load_config

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config(None)


@pytest.fixture(scope="session")
def extract_text(config):
    """Extract a record from text written in the test, as if read from `name`."""
    from csto_digest.load.corpus import extract_one

    def run(text: str, name: str = "article.txt"):
        record = extract_one(name, text, config)
        assert not hasattr(record, "message"), f"extraction failed: {record}"
        return record

    return run
