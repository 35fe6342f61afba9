"""Quotes credited to bodies, and quotes that run over several paragraphs.

A quote a court, a commission, a chamber, an administration or any other body is credited with
(`"...," the tribunal said.`) is a quotation of no one person: kept, with no speaker, and never
handed to the person quoted before it. A person named in the attribution is still the speaker
(`said Judge X of the Constitutional Court`).

A quote over several paragraphs, each opening with a quote mark and only the last closing, is one
speaker's words: all of it gets the speaker named at its end, and no opening mark is left in a
quote's text. The articles are written in the styles of regional agencies and election bulletins.
"""

from __future__ import annotations

import textwrap

import pytest


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


# --- bodies ------------------------------------------------------------------------------------------

HEARING = """
    Appeal heard in Bishkek

    BISHKEK, October 14 (Kabar) - Lawyers for the opposition deputy Kanybek Osmonaliev filed the appeal in August.

    {quote}
"""

# Not here, as they were kept before: "the secretariat said", "the prosecutor's office said".
BODIES = [
    "the Constitutional Court said",
    "the Central Election Commission said in a statement",
    "the State Great Khural said",
    "the Kurultai's presidium said",
    "the chamber said",
    "the presidential administration said",
    "the congress said",
    "the tribunal said",
    "the inspectorate said",
    "the Supreme Court of the republic said on Monday",
    "the regional courts said",
    "the Accounts Chamber noted",
    "the election commissions said",
    "the directorate said",
    "the tax inspectorates said",
    "the migration bureau said",
    "the republic's legal board said",
    "the border authority said",
]


def quotes_of(extract_text, quote: str):
    return extract_text(article(HEARING.format(quote=quote))).quotes


@pytest.mark.parametrize("body", BODIES)
def test_a_short_quote_credited_to_a_body_is_kept_with_no_speaker(extract_text, body):
    quotes = quotes_of(extract_text, f'"The appeal is rejected in full," {body}.')
    assert [(q.text, q.speaker) for q in quotes] == [("The appeal is rejected in full", None)]


@pytest.mark.parametrize("body", ["the Constitutional Court said", "the tribunal said", "the ministry said"])
def test_a_four_word_sentence_credited_to_a_body_is_kept(extract_text, body):
    quotes = quotes_of(extract_text, f'"The appeal is rejected," {body}.')
    assert [(q.text, q.speaker) for q in quotes] == [("The appeal is rejected", None)]


@pytest.mark.parametrize("body", ["the State Great Khural said", "the tribunal said", "the inspectorate said"])
def test_a_quote_credited_to_a_body_is_not_the_last_speakers(extract_text, body):
    quotes = extract_text(
        article(
            f"""
            Khural vote

            ULAANBAATAR, June 9 (Montsame) - Speaker Gombojav Zandanshatar opened the session on Tuesday.

            "We will count every ballot before we announce anything," Zandanshatar said.

            "The count of the ballots will be finished on Friday morning in all the provinces," {body}.
            """
        )
    ).quotes
    assert [q.speaker for q in quotes] == ["Gombojav Zandanshatar", None]


@pytest.mark.parametrize(
    "person",
    [
        "said Judge Arman Petrosyan of the Constitutional Court",
        "Arman Petrosyan of the Constitutional Court said",
        "Arman Petrosyan, who chairs the tribunal, said",
    ],
)
def test_a_person_named_with_a_body_is_still_the_speaker_beside_the_bodys_own_quote(extract_text, person):
    quotes = quotes_of(
        extract_text,
        f'"The appeal is rejected in full," the Constitutional Court said. The court spoke of "a rejected appeal '
        f'today," the tribunal said.\n\n"We have read every page of the file," {person}.',
    )
    assert [q.text for q in quotes] == ["The appeal is rejected in full", "We have read every page of the file"]
    assert quotes[0].speaker is None
    assert (quotes[1].speaker or "").endswith("Arman Petrosyan")  # a person (whether "Judge" is a title or not)


# --- a quote over several paragraphs ---------------------------------------------------------------

MARKS = [("“", "”"), ('"', '"'), ("«", "»")]
DRILLS = """
    Bloc drills in the mountains

    DUSHANBE, September 20 (Asia-Plus) - Russian Foreign Ministry spokeswoman Maria Zakharova and Tajik Defence Minister Sherali Mirzo commented on the drills on Friday.

    {paragraphs}

    The drills end on October 2.
"""


def running_quote(extract_text, *paragraphs: str):
    record = extract_text(article(DRILLS.format(paragraphs="\n\n".join(paragraphs))))
    body = " ".join(" ".join(record.body).split())
    for quote in record.quotes:
        assert quote.text in body, quote.text  # every quote is a span of the cleaned text
        assert not any(mark in quote.text for mark in '“”«»"'), quote.text  # no mark left inside
    return [(q.text, q.speaker) for q in record.quotes]


@pytest.mark.parametrize(("o", "c"), MARKS)
def test_every_paragraph_of_a_quote_over_two_paragraphs_is_the_speaker_named_at_its_end(extract_text, o, c):
    found = running_quote(
        extract_text,
        f"{o}The exercise will be held in the mountains near the border in October.",
        f"{o}Every member state has sent its troops,{c} Mirzo said.",
    )
    assert found == [
        ("The exercise will be held in the mountains near the border in October.", "Sherali Mirzo"),
        ("Every member state has sent its troops", "Sherali Mirzo"),
    ]


@pytest.mark.parametrize(("o", "c"), MARKS)
def test_a_quote_over_three_paragraphs_with_short_ones_is_one_speakers(extract_text, o, c):
    found = running_quote(
        extract_text,
        f"{o}We are ready for the drills.",
        f"{o}All of them.",
        f"{o}The troops of every member state will take part in them,{c} Zakharova told reporters.",
    )
    assert found == [
        ("We are ready for the drills.", "Maria Zakharova"),
        ("All of them.", "Maria Zakharova"),
        ("The troops of every member state will take part in them", "Maria Zakharova"),
    ]


@pytest.mark.parametrize(("o", "c"), MARKS)
def test_a_quote_over_paragraphs_led_in_by_its_speaker_is_all_theirs(extract_text, o, c):
    found = running_quote(
        extract_text,
        f"Zakharova said: {o}The exercise will be held in the mountains near the border.",
        f"{o}Every member state has sent its troops and its officers.{c}",
    )
    assert found == [
        ("The exercise will be held in the mountains near the border.", "Maria Zakharova"),
        ("Every member state has sent its troops and its officers.", "Maria Zakharova"),
    ]


@pytest.mark.parametrize(("o", "c"), MARKS)
def test_a_quote_over_paragraphs_goes_on_after_its_last_paragraph_with_a_quote_of_its_own(extract_text, o, c):
    found = running_quote(
        extract_text,
        f"{o}The exercise will be held in the mountains near the border in October.",
        f"{o}Every member state has sent its troops,{c} Mirzo told reporters. {o}And we are grateful to them.{c}",
    )
    assert found == [
        ("The exercise will be held in the mountains near the border in October.", "Sherali Mirzo"),
        ("Every member state has sent its troops", "Sherali Mirzo"),
        ("And we are grateful to them.", "Sherali Mirzo"),
    ]
