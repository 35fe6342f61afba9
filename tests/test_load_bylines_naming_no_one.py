"""Bylines of our own making that sign with a post, not a name ("By Staff Writer",
"By Our Correspondent", "By Web Desk"): the record names no author, rather than a
job title as if it were a person, and a real name beside them is still the author."""

from __future__ import annotations

import pytest

LEAD = "Armenia did not send a delegation to the CSTO summit in Astana, the second year in a row."


@pytest.mark.parametrize(
    "byline",
    [
        "By Staff Writer | November 28, 2024",
        "By Our Correspondent",
        "By Staff Reporter",
        "By Web Desk",
        "By Editorial Staff",
    ],
)
def test_a_byline_that_names_a_post_names_no_author(extract_text, byline):
    record = extract_text(f"Armenia skips CSTO summit again\n\n{byline}\n\n{LEAD}\n")
    assert record.author is None
    assert record.author_evidence is None
    assert record.body == (LEAD,)


@pytest.mark.parametrize(
    ("byline", "author"), [("By Anna Petrova", "Anna Petrova"), ("By Writer Jones", "Writer Jones")]
)
def test_a_name_is_still_the_author(extract_text, byline, author):
    record = extract_text(f"Armenia skips CSTO summit again\n\n{byline}\n\n{LEAD}\n")
    assert record.author == author
