"""The real loader and grouper against the hand-labelled corpus in tests/corpus/.

These are the bars of issue 3. A failure prints the whole report (the table
and every mistake), so it says which file and field to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent / "corpus" / "gold.yaml"


@pytest.fixture(scope="module")
def report():
    pytest.importorskip("csto_digest.load.corpus")
    pytest.importorskip("csto_digest.group")
    from csto_digest.config import load_config
    from csto_digest.evaluate import evaluate

    return evaluate(GOLD, load_config(None))


def test_every_labelled_file_loads(report) -> None:
    assert report.missing == [], report.explain()


@pytest.mark.parametrize(
    ("figure", "bar"),
    [
        ("quotes.precision", 0.90),
        ("quotes.recall", 0.90),
        ("attribution", 0.90),
        ("speakers.f1", 0.90),
        ("date", 0.95),
        ("source", 0.95),
        ("themes.armenia-membership.f1", 0.85),
        ("themes.tajik-afghan-border.f1", 0.85),
        ("themes.enlargement.f1", 0.85),
        ("stories.f1", 0.80),
        ("statements", 0.80),
    ],
)
def test_figure_meets_its_bar(report, figure: str, bar: float) -> None:
    assert report.figures()[figure] >= bar, f"{figure} below {bar}\n{report.explain()}"


def test_no_invented_dates(report) -> None:
    assert report.invented_dates == 0, report.explain()


def test_never_a_wrong_source(report) -> None:
    assert report.wrong_sources == 0, report.explain()
