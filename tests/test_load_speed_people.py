"""The faster forms of the people rules give exactly what the plain ones gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from csto_digest.load import people

# The rules as first written: one alternation tried at every character, one search per window.
PLAIN_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Prof)\.|[A-ZА-ЯЁ]\.(?:\s?[A-ZА-ЯЁ]\.)?|[A-ZА-ЯЁ][\w'’]*(?:-[A-ZА-ЯЁ]?[\w'’]+)*"
)

PIECES = ["Mr", "Mrs", "Ms", "Dr", "Prof", "M", "D", "P", "A", "B", "Zas", "chief", "minister", "Kyrgyz", "general",
          "security", "service", "ЗАС", "Ё", "’s", "'s", "-", ".", ". ", " ", "  ", "\n", ", ", "x", "mischief", "9"]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_token_scan_is_the_plain_alternation(text):
    assert [(m.span(), m.group()) for m in people._TOKEN.finditer(text)] == [
        (m.span(), m.group()) for m in PLAIN_TOKEN.finditer(text)
    ]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_lower_role_check_is_the_plain_search(text):
    found, plain = people._lower_role(text), people._LOWER_ROLE.search(text)
    assert (found and (found.span(), found.group("role"))) == (plain and (plain.span(), plain.group("role")))


def test_lower_role_examples():
    assert people._lower_role("Kyrgyz security service chief ").group("role") == "Kyrgyz security service chief"
    assert people._lower_role("the minister") is None  # no space before the name
    assert people._lower_role("and a mischief ").group("role") == "chief"  # as the search found it
