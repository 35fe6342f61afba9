"""A quote credited to an office that no one in the article holds ("," the secretary general
said" in a piece that never names one) is someone's words, whose unknown: it is kept with no
speaker, as an unnamed official's is, never dropped and never given to another person."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


NO_ONE_NAMED = article("""
    Alliance chief at the briefing

    MOSCOW, March 4 (Reuters) - The CSTO held a briefing on the summit on Wednesday.

    "We will not leave our allies alone," the secretary general said at the briefing.

    "The drills will go ahead in September," a Russian diplomat said.
""")

HOLDER_NAMED = article("""
    Minister on the CSTO

    YEREVAN, March 4 (Armenpress) - Foreign Minister Ararat Mirzoyan met the press on Wednesday.

    "Our position on the organisation has not changed," the minister said.
""")


def test_an_office_no_one_holds_keeps_the_quote_with_no_speaker(extract_text):
    record = extract_text(NO_ONE_NAMED)
    assert {q.text: q.speaker for q in record.quotes} == {
        "We will not leave our allies alone": None,
        "The drills will go ahead in September": None,
    }
    assert record.speakers == ()
    assert [q.evidence.rule for q in record.quotes] == ["after-unnamed", "after-unnamed"]


def test_an_office_someone_holds_is_still_that_person(extract_text):
    record = extract_text(HOLDER_NAMED)
    assert {q.text: q.speaker for q in record.quotes} == {
        "Our position on the organisation has not changed": "Ararat Mirzoyan"
    }
