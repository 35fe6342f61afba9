"""The loader on partial quotes inside wire-copy sentences, lead-ins that end in a colon, and roles
in appositives, in articles of our own making laid out as outlets print them.

A short quoted phrase (two to four words) inside a sentence is a quotation where it is the claim of
a clause a named person is reported saying: after a copula (`the request was "a sign of
weakness"`), as a predicate it opens with a verb of (`the door "remains open"`), or as what a verb
of judging judges (`blamed the unrest on "terrorist gangs"`); the speaker may be set off by a
relative clause, speak a second that-clause, or be the subject of a participle (`..., warning that
"..."`). Near misses stay out: a scare quote, a phrase after "so-called" or "dubbed", the title of
an exercise or a document, a circumstance (`"when the time comes"`), a verb's -ing form after the
writer's auxiliary (`were "spreading rumours"`), and any phrase whose sentence names no speaker.

A lead-in ending in a colon (`Foreign Minister X, asked about ...:`, a Telegram label
`Commander of ... Colonel General X:`) gives the floor to the person it names, for the quoted or
unmarked speech under it (a Markdown blockquote loses its `>` on the way to text); narration under
a lead-in is not speech. `X, an Almaty-based political analyst,` gives X a role."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def quoted(record) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in record.quotes]


WIRE_PARTIALS = article("""
    Allies weigh Armenia's absence as CSTO leaders meet

    MINSK, Nov 23 (Pamir Wire) - Leaders of the Collective Security Treaty Organization met in Minsk on Thursday without Armenia.

    Belarusian President Alexander Lukashenko, whose government hosted the talks, said the bloc must not turn into "a waiting room for the undecided" and urged Yerevan to return.

    Russian President Vladimir Putin said Moscow would keep supplying weapons to its partners and that Armenia "remains a trusted partner" of Russia.

    Kremlin spokesman Dmitry Peskov said Moscow regarded the dispute with Yerevan "a family quarrel" that would pass.

    Tajik President Emomali Rahmon has long pressed the allies for money, warning last year that "dozens of armed groups" were gathering across the river.

    Tokayev had earlier blamed the border incidents on "foreign provocateurs" operating from abroad.

    Marat Imankulov, a Bishkek-based security analyst, told the agency that the absence of Armenia was "a sign of drift".
""")


def test_partial_quotes_inside_wire_sentences_are_the_named_speakers(extract_text):
    record = extract_text(WIRE_PARTIALS)
    assert quoted(record) == [
        ("a waiting room for the undecided", "Alexander Lukashenko"),  # a relative clause between name and verb
        ("remains a trusted partner", "Vladimir Putin"),  # the second that-clause of "said"
        ("a family quarrel", "Dmitry Peskov"),  # what "regarded" judges, in the clause Peskov said
        ("dozens of armed groups", "Emomali Rahmon"),  # the subject of "warning"
        ("foreign provocateurs", "Kassym-Jomart Tokayev"),  # two words, what "blamed ... on" blames
        ("a sign of drift", "Marat Imankulov"),  # after a copula
    ]
    assert [q.evidence.rule for q in record.quotes] == ["before"] * 6


OTHER_WORDS_IN_QUOTE_MARKS = article("""
    CSTO prepares autumn drills

    BISHKEK, Aug 30 (Pamir Wire) - CSTO Secretary General Imangali Tasmagambetov arrived in Bishkek on Friday.

    Tasmagambetov said the drills, dubbed "Interaction-2024", would open next week.

    Tasmagambetov said the so-called "frozen membership" of Armenia had no basis in the charter.

    Tasmagambetov said the allies would sign the document "On Collective Security" in November.

    Tasmagambetov said the exercise was «Interaction-2024».

    Tasmagambetov added that Bishkek was weighing "all the options" for the border.

    Tasmagambetov had stated that Armenia could return "when it is ready".

    Tasmagambetov said the critics were "spreading rumours" about the bloc.

    Analysts said the mission was "a turning point" for the bloc.

    The alliance has been "a paper tiger" for years.

    The ministry described the reports as "absurd and baseless".
""")


def test_scare_quotes_titles_circumstances_and_phrases_without_a_named_speaker_stay_out(extract_text):
    assert quoted(extract_text(OTHER_WORDS_IN_QUOTE_MARKS)) == []


def test_a_participle_after_two_named_people_has_no_certain_subject(extract_text):
    record = extract_text(
        article("""
        Tokayev and Putin talk security

        MOSCOW, May 6 (Pamir Wire) - Kazakh President Kassym-Jomart Tokayev met Vladimir Putin in the Kremlin on Monday, saying the talks were "very productive".
        """)
    )
    assert quoted(record) == []


CIVIL_NOTES = article("""
    ---
    title: Notes on Mirzoyan's briefing
    date: 2024-03-07
    ---

    # Mirzoyan on the CSTO budget

    ## Quotes

    Foreign Minister Ararat Mirzoyan, asked about the membership fees:

    > What is the point of paying into a budget that gives us nothing back? We have stopped the transfers and told the Secretariat so.

    1. Tajik Foreign Minister Sirojiddin Muhriddin, at the conference in Geneva:

       > The border with Afghanistan is a common frontier of the whole alliance.
       > We expect our partners to keep their promises.

    Kazakh President Kassym-Jomart Tokayev listed the summit's decisions:

    > The allies adopted a budget. We were told the next summit is in Minsk.
""")


def test_a_blockquote_under_a_lead_in_naming_the_speaker_is_their_speech(extract_text):
    record = extract_text(CIVIL_NOTES, "notes.md")
    assert quoted(record) == [
        (
            "What is the point of paying into a budget that gives us nothing back? "
            "We have stopped the transfers and told the Secretariat so.",
            "Ararat Mirzoyan",
        ),
        (
            "The border with Afghanistan is a common frontier of the whole alliance. "
            "We expect our partners to keep their promises.",
            "Sirojiddin Muhriddin",
        ),
    ]  # "listed the summit's decisions:" leads into narration, not speech
    assert [q.kind for q in record.quotes] == ["unmarked", "unmarked"]


TELEGRAM = article("""
    Military Chronicle
    @milchron

    CSTO drills «Echelon-2024» begin in Tajikistan

    Units of the CSTO rapid reaction forces started the active phase of the drills near Dushanbe.

    Commander of the CSTO Joint Staff Colonel General Andrei Serdyukov:
    «The units rehearsed the defence of a mountain pass and the blocking of a militant column. The plan was carried out in full.»

    Source: RIA Novosti
""")


def test_a_telegram_label_on_its_own_line_names_the_speaker_of_the_quote_under_it(extract_text):
    record = extract_text(TELEGRAM)
    assert quoted(record) == [
        (
            "The units rehearsed the defence of a mountain pass and the blocking of a militant column. "
            "The plan was carried out in full.",
            "Andrei Serdyukov",
        )
    ]


def test_roles_in_appositives_that_open_with_an_article_and_an_occupation(extract_text):
    record = extract_text(
        article("""
        Analysts doubt the CSTO's future

        ALMATY, Jan 7 (Pamir Wire) - The bloc's mission in Kazakhstan ended on Thursday.

        "The mission showed that the bloc can act, but only when Moscow wants it to," said Aidos Sarym, an Almaty-based political commentator.

        "Nobody in the region believes the alliance would fight for Armenia," said Thomas Grant, a senior fellow at Chatham House.

        "The summit changed nothing for the border," said Rustam Ibragimov, the host of the evening programme.
        """)
    )
    roles = {s.name: s.role for s in record.speakers}
    assert roles == {
        "Aidos Sarym": "Almaty-based political commentator",
        "Thomas Grant": "senior fellow at Chatham House",
        "Rustam Ibragimov": None,  # "the host of ...": no occupation noun this rule knows
    }
