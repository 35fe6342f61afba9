"""A sentence that opens with a name after a quote that ended its own sentence attributes that
quote only when it stops at its speech verb (`"...." Peskov said on Wednesday.`). When it goes on
into a clause of its own (`Peskov said Moscow would ...`, `Zas said that ...`), it reports that
person's own words, and the quote stays with whoever the article gave it to before."""

from __future__ import annotations

import textwrap

import pytest


def article(after: str) -> str:
    return (
        textwrap.dedent(f"""
        Kremlin and the alliance

        MOSCOW, March 4 (Reuters) - Kremlin spokesman Dmitry Peskov and CSTO Secretary General Imangali Tasmagambetov spoke on Wednesday.

        "The organisation is working as usual and will keep working," Tasmagambetov said.

        "Armenia remains a full member and nobody has asked it to leave." {after}
        """).strip()
        + "\n"
    )


def speaker_of_second(extract_text, after: str) -> str | None:
    quotes = extract_text(article(after)).quotes
    assert [q.text[:7] for q in quotes] == ["The org", "Armenia"]
    return quotes[1].speaker


@pytest.mark.parametrize(
    "after",
    [
        "Peskov said Moscow would continue to work with all members.",
        "Peskov said that Moscow would continue to work with all members.",
        "Peskov noted it was too early to speak of a new format.",
    ],
)
def test_a_reported_clause_after_the_quote_does_not_claim_it(extract_text, after):
    assert speaker_of_second(extract_text, after) == "Imangali Tasmagambetov"


@pytest.mark.parametrize("after", ["Peskov said on Wednesday.", "Peskov told reporters."])
def test_an_attribution_that_stops_at_its_verb_still_claims_it(extract_text, after):
    assert speaker_of_second(extract_text, after) == "Dmitry Peskov"
