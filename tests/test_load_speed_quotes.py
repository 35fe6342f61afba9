"""Speech without quote marks is looked for from the paragraph's last comma only:
the same match as searching from every comma."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from csto_digest.load.quotes import _UNMARKED

PIECES = ["We", " will", " act", ", ", ",", " said", " Stanislav Zas", " he", " added", " told", " reporters", ".",
          "!", " ", "\n", " V.", " Zas", " the minister", " in Minsk", "?", ";", "our"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_last_comma_is_the_only_start(paragraph):
    searched = _UNMARKED.search(paragraph)
    comma = paragraph.rfind(",")
    matched = _UNMARKED.match(paragraph, comma) if comma >= 0 else None
    assert (searched and (searched.span(), searched.groupdict())) == (matched and (matched.span(), matched.groupdict()))
