"""Attributions the seeds do not show, written as news agencies write them: "In his words,"
before the quote, and a relative clause between the speaker and the verb after it, with a
name (then theirs) or an unnamed official (then a quote of no one person, kept); and a theme
named by a region of Tajikistan rather than the country; and a name holding particles
(Ursula von der Leyen); "he added" after someone named only in passing; and an aside
(", for his part,") between a subject and its verb; and a short quotation after "added that"."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


BORDER_VISIT = article("""
    CSTO officials on the Tajik border

    DUSHANBE (Asia-Plus) - CSTO Secretary General Imangali Tasmagambetov visited the Tajik-Afghan border on Tuesday.

    In his words, “the programme for the border will be fully financed by 2025.”

    “The border is secure,” Tasmagambetov, who arrived in Dushanbe on Monday, said.

    “We see no immediate threat,” the official, who asked not to be named, said.
""")


def test_in_his_words_names_the_man_last_named(extract_text):
    quote = extract_text(BORDER_VISIT).quotes[0]
    assert (quote.text, quote.speaker) == (
        "the programme for the border will be fully financed by 2025.",
        "Imangali Tasmagambetov",
    )


def test_a_relative_clause_between_speaker_and_verb(extract_text):
    quotes = {q.text: q.speaker for q in extract_text(BORDER_VISIT).quotes}
    assert quotes["The border is secure"] == "Imangali Tasmagambetov"
    assert quotes["We see no immediate threat"] is None  # kept as a quotation, of no one named


def test_a_tajik_border_region_named_without_the_country_is_the_tajik_afghan_border(extract_text):
    record = extract_text(
        article("""
        CSTO drills near Afghan border

        DUSHANBE (Reuters) - CSTO forces held drills in the Khatlon region near the border with Afghanistan.
        """)
    )
    assert "tajik-afghan-border" in [t.slug for t in record.themes]
    elsewhere = extract_text(
        article("""
        CSTO drills in the north

        MOSCOW (Reuters) - CSTO forces held drills in the Pskov region near the border with Estonia.
        """)
    )
    assert "tajik-afghan-border" not in [t.slug for t in elsewhere.themes]


def test_a_name_with_particles_is_one_name_and_its_surname_alone_is_that_person(extract_text):
    record = extract_text(
        article("""
        EU on the CSTO

        BRUSSELS (Reuters) - European Commission President Ursula von der Leyen commented on the CSTO on Monday.

        "We follow the situation closely," von der Leyen said.
        """)
    )
    assert [s.name for s in record.speakers] == ["Ursula von der Leyen"]
    assert [q.speaker for q in record.quotes] == ["Ursula von der Leyen"]


HE_ADDED_AFTER_A_NAME_IN_PASSING = article("""
    Kazakh envoy on Armenia

    Kazakh Ambassador to the CSTO Bakhtiyor Umarov said on Thursday that Armenia remained a member.

    "We respect any decision of a sovereign state," said Bakhtiyor Umarov.

    Armenia has not taken part in CSTO events since 2023, when Prime Minister Nikol Pashinyan announced that the country had frozen its participation.

    "The door remains open for our Armenian partners," he added.
""")

HE_ADDED_AFTER_A_NEW_SPEAKER = article("""
    Kazakh envoy on Armenia

    Kazakh Ambassador to the CSTO Bakhtiyor Umarov said on Thursday that Armenia remained a member.

    "We respect any decision of a sovereign state," said Bakhtiyor Umarov.

    Kyrgyz Foreign Ministry spokesman Kanat Antonov also commented on the matter.

    "The door remains open for our Armenian partners," he added.
""")


def test_he_added_is_the_last_speaker_not_a_man_named_in_passing_since(extract_text):
    quotes = extract_text(HE_ADDED_AFTER_A_NAME_IN_PASSING).quotes
    assert [q.speaker for q in quotes] == ["Bakhtiyor Umarov", "Bakhtiyor Umarov"]


def test_he_added_is_a_new_speaker_named_as_the_subject_of_his_own_sentence(extract_text):
    quotes = extract_text(HE_ADDED_AFTER_A_NEW_SPEAKER).quotes
    assert [q.speaker for q in quotes] == ["Bakhtiyor Umarov", "Kanat Antonov"]


def test_an_aside_between_subject_and_verb_keeps_the_quote_theirs(extract_text):
    record = extract_text(
        article("""
        Tokayev, Putin discuss CSTO

        MOSCOW. KAZINFORM - Kazakh President Kassym-Jomart Tokayev and Russian President Vladimir Putin met in the Kremlin.

        The Russian president, for his part, noted that "the CSTO has proved its effectiveness."
        """)
    )
    [quote] = record.quotes
    assert (quote.text, quote.speaker) == ("the CSTO has proved its effectiveness.", "Vladimir Putin")
    assert quote.evidence.text == "The Russian president, for his part, noted"


def test_a_short_quotation_after_said_that_is_a_quote_and_a_phrase_in_running_text_is_not(extract_text):
    record = extract_text(
        article("""
        Lukashenko on the union

        MINSK (BelTA) - Belarusian President Alexander Lukashenko spoke about the CSTO on Monday.

        Later, Lukashenko added that "the union will stand."

        The ministry was studying "all the options" for the mission, officials said.
        """)
    )
    assert [(q.text, q.speaker) for q in record.quotes] == [("the union will stand.", "Alexander Lukashenko")]
