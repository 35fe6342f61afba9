"""Trying a wide furniture pattern only on lines holding one of its clues must never change
the answer: every line is furniture exactly when the whole alternation matches it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from csto_digest.load import furniture
from csto_digest.load.text import fold

# Lines that each of the wide patterns matches, and near misses, as seeds for the strategy.
SAMPLES = [
    "Leaders attend the summit in Astana. (Sputnik/Pool via AP, File)",
    "Soldiers walk near the border [File: Karen Minasyan/AFP]",
    "Border guards on the Panj river; image: TCA",
    "Leaders in Astana. Sputnik/Pool via REUTERS Purchase Licensing Rights, opens new tab",
    "We use cookies to improve your experience on our site.",
    "Jim Heintz in Tallinn contributed to this report.",
    "2024 Kazinform. All rights reserved.",
    "The views expressed herein are those of the author and do not necessarily reflect ours.",
    "The ministry confirmed the deployment (TASS).",
    "Photo: Akorda press service",
]


@settings(max_examples=300, deadline=None)
@given(
    base=st.sampled_from(SAMPLES),
    cut=st.integers(min_value=0, max_value=40),
    noise=st.text(alphabet=st.sampled_from(list("abcKİıſ (/[]).,;:")), max_size=12),
)
def test_the_clue_shortcut_gives_the_whole_alternations_answer(base, cut, noise):
    line = fold(noise + base[cut:] + noise)
    patterns = furniture.default_patterns()
    expected = bool(furniture._combined(patterns).fullmatch(line))
    assert furniture._fullmatches(line, patterns) is expected


def test_every_sample_of_a_wide_pattern_is_still_furniture():
    assert [furniture.is_furniture(line) for line in SAMPLES[:7]] == [True] * 7
    assert furniture.field_line(SAMPLES[7]) == ("disclaimer", SAMPLES[7])
    assert not furniture.is_furniture(SAMPLES[8])
