"""The shortcuts that make theme matching fast must never change its answer.

`clues` may only rule out texts a pattern cannot match, and `is_local` may
only vouch for patterns whose match in a sentence implies one in the text
around it.
"""

from __future__ import annotations

import re
import string
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csto_digest.config import load_config
from csto_digest.load.classify import classify
from csto_digest.load.clues import clues, clues_of_any, is_local, lowered, may_match
from csto_digest.model import Theme

DEFAULT_PATTERNS = [p for t in load_config(None).themes for p in (*t.patterns, *t.requires, *t.excludes)]
ODD_PATTERNS = [
    r"foo|bar",
    r"(?:ab|)c",
    r"x*",
    r"[^a]bc",
    r"(?>abc)d",
    r"a++bc",
    r"(a)\1",
    r"(?x) s t a t e",
    r"(?-i:Kel)vin",
    r"\u212aelvin",
    r"straße",
    r"\bIS\b",
    r"a(?=b)",
    r"^a",
]


def test_only_four_non_ascii_characters_match_an_ascii_letter_case_blind():
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    letters = "|".join(string.ascii_letters)
    odd = {c for c in re.findall(letters, everything, re.IGNORECASE) if not c.isascii()}
    assert odd == {"\u0130", "\u0131", "\u017f", "\u212a"}
    assert all(lowered(c) is None for c in odd)


def test_clues_of_the_default_themes():
    assert clues(r"\b(armenia|armenian|armenians|yerevan)\b") == {"armenia", "yerevan"}
    assert clues(r"\bpeace[\s-]?keep\w*") == {"peace"}
    assert clues(r"x*") is None
    assert clues(r"(?:ab|)c") == {"c"}
    assert clues(r"\u212aelvin") is None  # the Kelvin sign: not ASCII
    assert clues_of_any([r"foo", r"x*"]) is None


@pytest.mark.parametrize("pattern", DEFAULT_PATTERNS + ODD_PATTERNS)
@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("abcdefghiklmnoprstuvwxyzKIS -,.\u0130\u0131\u017f\u212a")), max_size=60
    ),
    data=st.data(),
)
def test_a_text_without_clues_never_matches(pattern, text, data):
    found = clues(pattern)
    # Plant a piece of the pattern's own words now and then, so matches happen.
    if found and data.draw(st.booleans()):
        clue = data.draw(st.sampled_from(sorted(found)))
        text = text + data.draw(st.sampled_from(["", " ", "-"])) + clue.upper() + " " + text
    if re.search(pattern, text, re.IGNORECASE):
        assert may_match(found, lowered(text))


def test_locality():
    assert all(is_local(p) for p in DEFAULT_PATTERNS)
    for pattern in (r"^a", r"a$", r"\Aa", r"a\Z", r"(?<=x)a", r"a(?!b)", r"(a)?(?(1)b|c)", r"(?m)^a", r"(?:a|b$)"):
        assert not is_local(pattern), pattern
    assert is_local(r"\ba\B") and is_local(r"(a)\1") and is_local(r"[^a]+")


def test_a_theme_with_an_anchored_pattern_still_needs_the_whole_text_to_match():
    # "^" matches a sentence's start but not the text's: the theme must not hold.
    theme = Theme("t", "T", "", patterns=(r"^second\b",))
    assert classify("Title", ["First sentence here. Second sentence here."], (theme,)) == ()
    assert [h.slug for h in classify("Second title", ["Nothing."], (theme,))] == ["t"]


def test_classify_is_the_same_for_odd_case_texts():
    theme = Theme("k", "K", "", patterns=(r"\bkelvin\b",))
    assert [h.slug for h in classify("", ["The \u212aelvin scale."], (theme,))] == ["k"]
    assert [h.slug for h in classify("", ["The KELVIN scale."], (theme,))] == ["k"]
