"""Layouts of our own making that neither the seeds nor the corpus show: a
think tank's analysis (a byline with a name particle, a "views expressed"
disclaimer), a ministry briefing transcript (`Question:` / `Name:` paragraphs),
a machine-translated agency story (outlet names in quote marks, a credit line
"Source: ..."), and a role after a sentence's opening adverb."""

from __future__ import annotations

import textwrap

import pytest


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


ANALYSIS = article("""
    Why the CSTO Failed Armenia
    {byline}
    Published on March 20, 2024

    Armenia's quarrel with the Collective Security Treaty Organization did not begin in 2024. When forces
    attacked Armenian territory in September 2022, Yerevan invoked the treaty and asked its allies for help.

    The response was a fact-finding mission, and the alliance never named the aggressor.

    The views expressed herein are those of the author(s) and do not necessarily reflect the views of the Center.
""")


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Thomas de Waal", "Thomas de Waal"),
        ("By Ursula von der Leyen", "Ursula von der Leyen"),
        ("By Ahmad bin Hamad", "Ahmad bin Hamad"),
    ],
)
def test_a_byline_whose_surname_opens_with_a_particle_names_the_author_and_keeps_the_header(
    extract_text, byline, author
):
    record = extract_text(ANALYSIS.format(byline=byline))
    assert record.author == author
    assert all(byline not in paragraph for paragraph in record.body)
    # the byline no longer ends the header, so the date line under it is read
    assert (record.date, record.date_precision) == ("2024-03-20", "day")
    assert record.date_evidence.rule == "byline"


def test_a_sentence_opening_with_by_is_not_a_byline(extract_text):
    record = extract_text(ANALYSIS.format(byline="By the end of the year de facto nothing was left"))
    assert record.author is None
    assert any(paragraph.startswith("By the end of the year") for paragraph in record.body)


def test_a_views_expressed_disclaimer_is_kept_apart_from_the_text(extract_text):
    record = extract_text(ANALYSIS.format(byline="By Thomas de Waal"))
    assert record.disclaimer is not None
    assert "do not necessarily reflect" in record.disclaimer
    assert all("necessarily reflect" not in paragraph for paragraph in record.body)


def test_a_sentence_about_views_stays_in_the_text(extract_text):
    text = ANALYSIS.format(byline="By Thomas de Waal").replace(
        "The views expressed herein are those of the author(s) and do not necessarily reflect the views of the Center.",
        "Officials in Yerevan said the views expressed in Moscow were hostile.",
    )
    record = extract_text(text)
    assert record.disclaimer is None
    assert any("views expressed in Moscow" in paragraph for paragraph in record.body)


BRIEFING = article("""
    Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 14, 2024

    Question: Armenian Prime Minister Nikol Pashinyan has said again that Armenia may leave the CSTO. How would you comment?

    Maria Zakharova: We have seen these statements. Armenia remains a full member of the organization and has not sent any notification.

    Question: Will the CSTO summit take place in Minsk as planned?

    Sergey Lavrov: Yes, preparations are underway, and we expect every member to attend the summit in Minsk.
""")


def test_an_answer_labelled_with_a_name_is_that_persons_without_the_label(extract_text):
    record = extract_text(BRIEFING)
    quotes = [(q.speaker, q.text) for q in record.quotes]
    assert quotes == [
        (
            "Maria Zakharova",
            "We have seen these statements. Armenia remains a full member of the organization and has not sent any "
            "notification.",
        ),
        ("Sergey Lavrov", "Yes, preparations are underway, and we expect every member to attend the summit in Minsk."),
    ]
    assert {q.evidence.rule for q in record.quotes} == {"transcript"}


TRANSLATED = article("""
    Armenia will not take part in the CSTO exercise

    Yerevan, 2 September. Armenia will not take part in the joint exercises of the Collective Rapid Reaction
    Forces, which will be held in Belarus, the Ministry of Defense of Armenia said.

    {citing}

    {credit}
""")


@pytest.mark.parametrize(
    ("citing", "outlet"),
    [
        ('As reported by "Sputnik Armenia", the decision was taken last week.', "Sputnik Armenia"),
        ("As «Kommersant» writes, the decision was taken last week.", "Kommersant"),
        ('The newspaper "Kommersant" writes that the decision was taken last week.', "Kommersant"),
    ],
)
def test_an_outlet_named_in_quote_marks_is_cited(extract_text, citing, outlet):
    record = extract_text(TRANSLATED.format(citing=citing, credit=""))
    assert [o.name for o in record.cited_sources] == [outlet]
    assert record.cited_sources[0].evidence.text in citing


def test_words_in_quote_marks_after_according_to_cite_no_outlet(extract_text):
    record = extract_text(
        TRANSLATED.format(citing='According to "several sources", it was taken last week.', credit="")
    )
    assert record.cited_sources == ()


@pytest.mark.parametrize(
    ("credit", "outlets"),
    [
        ("Source: TASS", ["TASS"]),
        ("Sources: Reuters, AFP and Al Jazeera", ["Reuters", "AFP", "Al Jazeera"]),
        ("(With input from Xinhua)", ["Xinhua"]),
        ('"Putin: Armenia is not ready to take part" — TASS, November 28, 2024', ["TASS"]),  # a cited article
        ('Ani Avetisyan. "Armenia skips the summit again" — OC Media, November 28, 2024', ["OC Media"]),
    ],
)
def test_a_credit_line_cites_the_outlets_the_registry_knows(extract_text, credit, outlets):
    record = extract_text(TRANSLATED.format(citing="The decision was taken last week.", credit=credit))
    assert [o.name for o in record.cited_sources] == outlets
    assert {(o.evidence.rule, o.evidence.text) for o in record.cited_sources} == {("credit", credit)}
    assert credit in record.removed
    assert record.source is None  # whose text it is, not who published this page


@pytest.mark.parametrize(
    "credit", ["Source: Press service of the Ministry of Defense", "Source: Yerevan Evening Courier"]
)
def test_a_credit_line_naming_no_known_outlet_cites_nothing(extract_text, credit):
    record = extract_text(TRANSLATED.format(citing="The decision was taken last week.", credit=credit))
    assert record.cited_sources == ()


@pytest.mark.parametrize("lead", ["Earlier", "Meanwhile", "On Monday"])
def test_a_sentences_opening_word_is_not_part_of_the_speakers_role(extract_text, lead):
    text = TRANSLATED.format(
        citing=f'{lead} Security Council Secretary Armen Grigoryan said that Armenia "no longer sees itself in the '
        'organization and will not return to it."',
        credit="",
    )
    record = extract_text(text)
    assert [(s.name, s.role) for s in record.speakers] == [("Armen Grigoryan", "Security Council Secretary")]
