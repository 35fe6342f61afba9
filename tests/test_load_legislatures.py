"""The region's parliaments are bodies, not people: "Jogorku Kenesh said" or "the Mazhilis
said" must not make a speaker of two capitalised words, and the quote stays, said by no one
person, as a ministry's statement does; the parliament is listed among the organisations."""

from __future__ import annotations

import textwrap

import pytest


def article(subject: str) -> str:
    return (
        textwrap.dedent(f"""
        Parliament backs the CSTO agreement

        BISHKEK, March 4 (AKIpress) - The parliament ratified the agreement on CSTO peacekeeping forces.

        "The agreement strengthens our security," {subject} said in a statement.

        "This is an important step for collective security," said Talant Mamytov, the speaker of parliament.
        """).strip()
        + "\n"
    )


@pytest.mark.parametrize(
    "subject, body",
    [
        ("Jogorku Kenesh", "Jogorku Kenesh"),
        ("the Mazhilis", "Mazhilis"),
        ("Milli Majlis", "Milli Majlis"),
        ("the Verkhovna Rada", "Verkhovna Rada"),
        ("Oliy Majlis", "Oliy Majlis"),
    ],
)
def test_a_parliament_is_no_speaker_and_its_statement_is_kept(extract_text, subject, body):
    record = extract_text(article(subject))
    assert [s.name for s in record.speakers] == ["Talant Mamytov"]
    said = {q.text: q.speaker for q in record.quotes}
    assert said == {
        "The agreement strengthens our security": None,
        "This is an important step for collective security": "Talant Mamytov",
    }
    assert body in record.organizations


def test_an_officer_of_a_parliament_still_speaks(extract_text):
    record = extract_text(
        textwrap.dedent("""
        Speakers on the CSTO

        YEREVAN, March 4 (Armenpress) - Armenia's parliament discussed the CSTO on Wednesday.

        "We have frozen our participation," Speaker of the National Assembly Alen Simonyan said.

        Deputy Speaker of the State Duma Pyotr Tolstoy said: "Armenia remains our ally."
        """).strip()
        + "\n"
    )
    said = {q.text: q.speaker for q in record.quotes}
    assert said == {
        "We have frozen our participation": "Alen Simonyan",
        "Armenia remains our ally.": "Pyotr Tolstoy",
    }
    assert "State Duma" in record.organizations
