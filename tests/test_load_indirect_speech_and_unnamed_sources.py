"""Who said a quote, when the words near it are about someone else.

After a quote that ended its own sentence, a sentence opening with a name claims the quote only
when it says no more than who spoke, and when, where, how or to whom (`Peskov said the next day.`,
`Zas told reporters in Minsk.`). When it goes on into words of its own (a clause with or without
"that", what the verb is about, a colon leading into another quote), it reports that person's own
speech. A "he" or "she" after an unnamed person spoke (`a source in the ministry told TASS`) is that
unnamed person: no one named earlier, and never the outlet or the person it is told to. A name held
by someone else's tie to it (`Lukashenko's spokesman`, `a source close to Lavrov`, `an aide to X`)
or an office with "a" before it (`a Russian diplomat`) is not the speaker; `TASS quoted Zas as saying`
is Zas's words; and `said Lavrov in an interview with X` is Lavrov's. The articles are written in
the styles of wire services, regional agencies, interviews and press releases."""

from __future__ import annotations

import textwrap

import pytest


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def speakers(extract_text, text: str) -> dict[str, str | None]:
    """Each quote's first words -> its speaker."""
    return {q.text[:20]: q.speaker for q in extract_text(article(text)).quotes}


# --- a sentence of indirect speech after a quote -------------------------------------------------

BRIEFING = """
    CSTO briefing in Moscow

    MOSCOW, March 4 (TASS) - CSTO Secretary General Imangali Tasmagambetov and Kremlin spokesman Dmitry Peskov spoke to journalists on Wednesday.

    "The organisation will not leave its allies alone," Tasmagambetov said.

    "Armenia remains a full member and nobody has asked it to leave." {after}
"""


def second_speaker(extract_text, after: str) -> str | None:
    quotes = extract_text(article(BRIEFING.format(after=after))).quotes
    assert [q.text[:7] for q in quotes[:2]] == ["The org", "Armenia"]
    return quotes[1].speaker


@pytest.mark.parametrize(
    "after",
    [
        "Peskov said Moscow would continue to work with all members.",
        "Peskov said Moscow continues to work with all members.",  # a clause with no auxiliary verb
        "Peskov said that Moscow would continue to work with all members.",
        "Peskov noted it was too early to speak of a new format.",  # "it" with a verb after it
        "Peskov said the organisation remained the basis of regional security.",  # its subject opens with "the"
        "Peskov said on Wednesday that Moscow would continue to work with all members.",
        "Peskov told reporters Moscow would continue to work with all members.",
        "Peskov told a news conference in Minsk that the bloc would grow.",
        "Peskov, the Kremlin spokesman, said Moscow supports all members.",
        "Peskov, however, said the talks had been short.",  # disagreeing
        "Peskov stressed the need for unity among all members.",  # what he spoke about
    ],
)
def test_a_sentence_of_its_own_speech_after_the_quote_does_not_claim_it(extract_text, after):
    assert second_speaker(extract_text, after) == "Imangali Tasmagambetov"


@pytest.mark.parametrize("lead", ["Peskov said:", "Peskov said,"])
def test_a_colon_or_a_quote_after_the_next_name_leads_into_that_persons_own_quote(extract_text, lead):
    quotes = extract_text(
        article(BRIEFING.format(after=f'{lead} "Moscow will keep working with every member state."'))
    ).quotes
    assert [(q.text[:7], q.speaker) for q in quotes] == [
        ("The org", "Imangali Tasmagambetov"),
        ("Armenia", "Imangali Tasmagambetov"),
        ("Moscow ", "Dmitry Peskov"),
    ]


@pytest.mark.parametrize(
    "after",
    [
        "Peskov said.",  # nothing after the verb
        "Peskov said on Wednesday.",
        "Peskov told reporters.",
        "Peskov added.",
        "Peskov said the next day.",
        "Peskov said a week later.",
        "Peskov said this at the briefing.",
        "Peskov said so at the briefing in Moscow.",
        "That is what Peskov said at the briefing.",
        "Peskov said in Moscow on Wednesday, adding that the talks would go on.",
        "Peskov told reporters who had gathered in Minsk.",
        "Peskov wrote on his Telegram channel.",
        "Peskov was quoted as saying by RIA Novosti.",
    ],
)
def test_an_attribution_that_only_says_when_where_or_to_whom_still_claims_it(extract_text, after):
    assert second_speaker(extract_text, after) == "Dmitry Peskov"


def test_the_quotes_own_attribution_beats_a_name_opening_the_next_sentence(extract_text):
    found = speakers(
        extract_text,
        """
        CSTO briefing

        MOSCOW (TASS) - CSTO Secretary General Imangali Tasmagambetov held a briefing on Tuesday.

        "We will not leave our allies alone," the secretary general said at the briefing. Kremlin spokesman Dmitry Peskov said Moscow would continue to work with all members of the organisation.
        """,
    )
    assert found == {"We will not leave ou": "Imangali Tasmagambetov"}


def test_in_a_hard_wrapped_export_the_line_after_a_quote_reporting_a_clause_does_not_claim_it(extract_text):
    # Lines wrapped at a margin are joined into one paragraph, so the next "paragraph" is the next sentence.
    found = speakers(
        extract_text,
        """
        CSTO briefing

        MOSCOW (TASS) - CSTO Secretary General Imangali Tasmagambetov held a briefing on
        Tuesday in the capital. Kremlin spokesman Dmitry Peskov was also present at the
        meeting with the journalists, who had come from all the member states of the bloc.
        "We will not leave our allies alone in any case and we will keep every promise."
        Peskov said that Moscow would continue to work with all members of the alliance
        and would not change its policy, which had been agreed with the partners earlier.
        """,
    )
    assert found == {"We will not leave ou": None}


def test_the_end_of_a_quote_over_two_paragraphs_keeps_the_speaker_of_its_first(extract_text):
    found = speakers(
        extract_text,
        """
        CSTO briefing

        MOSCOW (TASS) - CSTO Secretary General Imangali Tasmagambetov held a briefing on Tuesday, Kremlin spokesman Dmitry Peskov said.

        Tasmagambetov said: "We will not leave our allies alone in any case and we will keep

        "every promise that was made in Minsk last year." Peskov said Moscow would continue to work with all members.
        """,
    )
    assert list(found.values()) == ["Imangali Tasmagambetov"] * 2  # one quote per paragraph, both his


# --- "he told TASS" after someone unnamed ----------------------------------------------------------


@pytest.mark.parametrize("outlet", ["TASS", "Interfax", "Kabar", "Komsomolskaya Pravda", "Ekho Moskvy"])
def test_he_told_an_outlet_after_an_unnamed_source_is_no_one(extract_text, outlet):
    found = speakers(
        extract_text,
        f"""
        Drills to go ahead

        MOSCOW, May 3 (Reuters) - Russian Defence Minister Sergei Shoigu inspected the troops on Monday.

        A source in the General Staff told {outlet} the drills would be extended.

        "The exercise will go ahead as planned in the autumn despite the objections," he told {outlet}.
        """,
    )
    assert found == {"The exercise will go": None}  # not Shoigu, named before; not the outlet


@pytest.mark.parametrize("outlet", ["Komsomolskaya Pravda", "Golos Armenii", "Sovetskaya Belorussiya"])
def test_the_outlet_an_unnamed_official_spoke_to_is_not_he(extract_text, outlet):
    found = speakers(
        extract_text,
        f"""
        Drills to go ahead

        MOSCOW - An official in the Russian defence ministry spoke to {outlet} on Monday.

        "The exercise will go ahead as planned in the autumn despite the objections," he told {outlet}.
        """,
    )
    assert found == {"The exercise will go": None}


def test_an_anonymous_official_in_a_regional_report_is_he_and_she(extract_text):
    found = speakers(
        extract_text,
        """
        Armenia and the bloc

        YEREVAN, February 23 (Armenpress) - Prime Minister Nikol Pashinyan announced the freeze in February. An official, speaking on condition of anonymity, confirmed it to Interfax.

        "We have informed the secretariat of our decision in writing," he told Interfax.

        DUSHANBE, June 22, 2012, Asia-Plus -- An official in the presidential administration, who spoke on condition of anonymity, said the talks were useful.

        "Further meetings are planned for the autumn in Dushanbe," she said.
        """,
    )
    assert found == {"We have informed the": None, "Further meetings are": None}


@pytest.mark.parametrize(
    "lead", ["A source close to Lavrov said the talks were good.", "Lavrov's aide said the talks were good."]
)
def test_he_after_someone_of_a_named_person_is_not_that_person(extract_text, lead):
    found = speakers(
        extract_text,
        f"""
        Lavrov in Minsk

        MINSK (BelTA) - Belarusian President Alexander Lukashenko met Russian Foreign Minister Sergei Lavrov on Monday.

        {lead} "We discussed the collective security system in detail," he said.
        """,
    )
    assert found == {"We discussed the col": None}


def test_he_is_still_the_person_named_and_quoted_after_the_source(extract_text):
    found = speakers(
        extract_text,
        """
        Zas to visit Minsk

        MOSCOW (TASS) - A source told TASS that CSTO Secretary General Stanislav Zas would visit Minsk. Zas said: "We are ready to discuss everything with our partners." "We will do everything we can to keep the bloc together this year," he added.
        """,
    )
    assert found == {"We are ready to disc": "Stanislav Zas", "We will do everythin": "Stanislav Zas"}


@pytest.mark.parametrize(
    "lead",
    [
        "Stanislav Zas, a senior CSTO official, said the bloc was united.",  # an aside on his name
        "Stanislav Zas, speaking to a member of the press corps, said the bloc was united.",  # whom he spoke to
        "Stanislav Zas arrived on an official visit and said the bloc was united.",  # no person at all
    ],
)
def test_an_unnamed_person_who_is_not_the_one_speaking_does_not_take_he(extract_text, lead):
    found = speakers(
        extract_text,
        f"""
        Zas in Minsk

        MINSK (BelTA) - {lead}

        "We will do everything we can to keep the bloc together this year," he said.
        """,
    )
    assert found == {"We will do everythin": "Stanislav Zas"}


@pytest.mark.parametrize("tail", ["he told Putin.", "he said, referring to Putin."])
def test_he_is_not_someone_his_own_sentence_names_after_him(extract_text, tail):
    found = speakers(
        extract_text,
        f"""
        Putin in Minsk

        MINSK (BelTA) - Vladimir Putin met Alexander Lukashenko in Minsk on Friday.

        "We will do everything we can to keep the bloc together this year," {tail}
        """,
    )
    assert found == {"We will do everythin": "Alexander Lukashenko"}


# --- a name held by someone else's tie to it ---------------------------------------------------------

TALKS = """
    Lavrov in Minsk

    MINSK (BelTA) - Belarusian President Alexander Lukashenko met Russian Foreign Minister Sergei Lavrov on Monday.

    {quote}
"""


def only_speaker(extract_text, quote: str) -> str | None:
    quotes = extract_text(article(TALKS.format(quote=quote))).quotes
    assert len(quotes) == 1 and quotes[0].text.startswith("We discussed the collective security system")
    return quotes[0].speaker


@pytest.mark.parametrize(
    "quote",
    [
        '"We discussed the collective security system in detail," Lukashenko\'s spokesman said.',
        'Lukashenko\'s spokesman told reporters: "We discussed the collective security system in detail."',
        '"We discussed the collective security system in detail," a spokesman for President Lukashenko said.',
        '"We discussed the collective security system in detail," an aide to Lukashenko said.',
        '"We discussed the collective security system in detail," a source close to Lavrov told TASS.',
        '"We discussed the collective security system in detail," a Russian diplomat said.',
    ],
)
def test_someone_of_a_named_person_or_holding_an_office_is_not_that_person(extract_text, quote):
    assert only_speaker(extract_text, quote) is None  # kept, of no one named


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        (
            '"We discussed the collective security system in detail," Lukashenko\'s press secretary Natalya Eismont said.',
            "Natalya Eismont",
        ),
        (
            'Lavrov quoted Lukashenko as saying: "We discussed the collective security system in detail."',
            "Alexander Lukashenko",
        ),
        (
            '"We discussed the collective security system in detail," TASS quoted Lukashenko as saying.',
            "Alexander Lukashenko",
        ),
        (
            '"We discussed the collective security system in detail," RIA Novosti cited Lukashenko as saying.',
            "Alexander Lukashenko",
        ),
        (
            '"We discussed the collective security system in detail," said Lavrov in an interview with Alexander Lukashenko.',
            "Sergey Lavrov",
        ),
    ],
)
def test_the_speaker_is_the_one_the_attribution_says_spoke(extract_text, quote, speaker):
    assert only_speaker(extract_text, quote) == speaker


# --- a quote is never lost because of the sentence after it ------------------------------------------

TALKS_WITH_BAKU = """
    Talks with Baku

    MOSCOW, April 2 (Interfax) - {intro}

    {paragraph}
"""
REPORTED = ["added that", "stressed that", "noted that", "said that"]


def quotes_with(extract_text, intro: str, paragraph: str) -> list[tuple[str, str | None]]:
    text = article(TALKS_WITH_BAKU.format(intro=intro, paragraph=paragraph))
    return [(q.text, q.speaker) for q in extract_text(text).quotes]


@pytest.mark.parametrize("verb", REPORTED)
def test_a_short_quote_before_a_sentence_of_someones_own_words_is_kept_of_no_one(extract_text, verb):
    found = quotes_with(
        extract_text,
        "Kremlin spokesman Dmitry Peskov spoke to reporters after the talks on Thursday.",
        f'"The door remains open." Peskov {verb} Russia would keep talking.',
    )
    assert found == [("The door remains open.", None)]


@pytest.mark.parametrize("verb", REPORTED)
def test_a_short_quote_after_a_sentence_naming_its_likely_speaker_is_kept_of_no_one(extract_text, verb):
    # The sentence before names Peskov speaking, but not these words: with the next sentence gone, no
    # rule would give them to him, so the next sentence does not either.
    found = quotes_with(
        extract_text,
        "The Kremlin commented on the talks on Thursday.",
        f'Kremlin spokesman Dmitry Peskov spoke to reporters in Moscow. "The door remains open." Peskov {verb} '
        "Russia would keep talking.",
    )
    assert found == [("The door remains open.", None)]


@pytest.mark.parametrize("verb", REPORTED)
def test_a_short_quote_before_a_bodys_own_words_is_kept_of_no_one(extract_text, verb):
    found = quotes_with(
        extract_text,
        "The Russian Foreign Ministry commented on the talks on Thursday.",
        f'"The door remains open to Baku." The ministry {verb} Russia would keep talking.',
    )
    assert found == [("The door remains open to Baku.", None)]
