"""The loader on which attribution wins when there are two, on quotes whose speaker is said in
other words, and on offices written with a rank, in articles of our own making.

A quote led in by a verb of speech and a colon (`He said: "..."`) is that subject's, even when
the next sentence opens with a name and a verb (`Lavrov said Moscow ...`): that sentence speaks
of its own. A verb of speech sharing its subject with a clause before "and" (`X spoke in
parliament and said: "`) is that subject's; so is a quote after `As X put it,`. A quoted headline
with an outlet and a date after a dash is a cited article, not speech; `," she said` with no
woman named before is a quotation of no one named. A role that is an office and then a rank is
the office. A Markdown blockquote is one paragraph, whatever the number of its lines.

Near misses stay as they were: a name after the quote that is its attribution (`," X said`,
`"...?" X asked`), `He said:` with no one "he" can be, a subject naming two people, a signed
pull quote, a role that is only a rank, "Secretary General"."""

from __future__ import annotations

import textwrap

from csto_digest.load.frontmatter import markdown_to_text
from factories import quotes_found


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def quoted(record) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in record.quotes]


COLON_THEN_NEXT_NAME = article("""
    Kyrgyzstan weighs its place in the alliance

    BISHKEK, May 14 (Pamir Wire) - President Sadyr Japarov addressed parliament on Tuesday. He said: "Our republic will stay in the alliance as long as it guards our border." Lavrov said Moscow valued the position of Bishkek.

    Security Council Secretary Marat Imankulov briefed reporters after the session. He stated: "The border posts in Batken have been reinforced this spring." Defence Minister Baktybek Bekbolotov confirmed that new vehicles had arrived.

    "We expect the drills to open in September," Bekbolotov said.

    "Who will pay for the new posts?" Imankulov asked.
""")


def test_a_colon_lead_in_beats_a_name_opening_the_next_sentence(extract_text):
    record = extract_text(COLON_THEN_NEXT_NAME)
    assert quoted(record) == [
        ("Our republic will stay in the alliance as long as it guards our border.", "Sadyr Japarov"),
        ("The border posts in Batken have been reinforced this spring.", "Marat Imankulov"),
        ("We expect the drills to open in September", "Baktybek Bekbolotov"),  # the name after IS the attribution
        ("Who will pay for the new posts?", "Marat Imankulov"),  # a question mark, then the attribution
    ]
    assert [(q.evidence.text, q.evidence.rule) for q in record.quotes[:2]] == [
        ("He said", "before"),
        ("He stated", "before"),
    ]


def test_he_said_with_no_one_he_can_be_is_no_one_and_not_the_next_name(extract_text):
    record = extract_text(
        article("""
        The alliance must change

        He said: "The alliance must change or it will lose the trust of its members." Zakharova said Moscow saw no reason for alarm.
        """)
    )
    assert quoted(record) == [("The alliance must change or it will lose the trust of its members.", None)]


COORDINATED = article("""
    Tajikistan presses allies over the border programme

    DUSHANBE, April 2 (Pamir Wire) - Tajik Defence Minister Emomali Sobirzoda spoke at the board of the ministry and said: "We have built eleven new posts on the river this year."

    Sobirzoda accused the donors of "dragging their feet" on the money, and stated: "Our patience with the partners is not endless."

    Lavrov met Imangali Tasmagambetov and said: "Our talks covered every part of the programme in detail."
""")


def test_a_verb_after_and_shares_the_subject_of_the_clause_before(extract_text):
    record = extract_text(COORDINATED)
    assert quoted(record) == [
        ("We have built eleven new posts on the river this year.", "Emomali Sobirzoda"),
        ("dragging their feet", "Emomali Sobirzoda"),
        ("Our patience with the partners is not endless.", "Emomali Sobirzoda"),
        ("Our talks covered every part of the programme in detail.", None),  # two people before "and": whose?
    ]
    assert record.quotes[0].evidence.rule == "before"
    assert record.quotes[2].evidence.text.endswith("and stated")


def test_as_someone_put_it_names_the_speaker(extract_text):
    record = extract_text(
        article("""
        Why the border programme matters

        DUSHANBE, April 2 (Pamir Wire) - Tajik officials have long asked for help. As Kazakh Foreign Minister Murat Nurtleu put it in Astana last winter, "the river is a frontier of all of us, not of Dushanbe alone."

        Nurtleu later visited the border. As he put it then, "nothing replaces seeing the posts with your own eyes."

        As analysts put it, "the programme is the alliance's real test in the region."
        """)
    )
    assert quoted(record) == [
        ("the river is a frontier of all of us, not of Dushanbe alone.", "Murat Nurtleu"),
        ("nothing replaces seeing the posts with your own eyes.", "Murat Nurtleu"),
        ("the programme is the alliance's real test in the region.", None),  # analysts are no one person
    ]


def test_she_said_with_no_woman_named_keeps_the_quote_of_no_one(extract_text):
    record = extract_text(
        article("""
        Allies debate Armenia's absence at the UN

        NEW YORK, Oct 9 (Pamir Wire) - The representative of a western delegation said her country followed the alliance's debates closely. "We see that one of the members has stopped taking part in the meetings of the bloc," she said.

        The delegate added that it was "a worrying sign," she said.

        Russian Foreign Ministry spokeswoman Maria Zakharova spoke next. "No one has asked Armenia to leave the organization," she said.
        """)
    )
    assert quoted(record) == [
        ("We see that one of the members has stopped taking part in the meetings of the bloc", None),
        ("No one has asked Armenia to leave the organization", "Maria Zakharova"),
    ]  # a short phrase before an unresolved "she said" stays out, as any scare quote
    assert (record.quotes[0].evidence.text, record.quotes[0].evidence.rule) == ("she said", "after-unnamed")


def _quotes_of(paragraphs: list[str], config) -> list[tuple[str, str | None]]:
    """The QuoteFinder on paragraphs as given: the layout takes lines like these out as furniture
    before the quotes are looked for, and the rule must hold wherever they are left in."""
    return [(q.text, q.speaker) for q in quotes_found(paragraphs, config)]


def test_a_quoted_headline_with_an_outlet_and_a_date_is_a_cited_article(config):
    paragraphs = [
        "Defence ministers of the alliance met in Dushanbe on Thursday without their Armenian colleague.",
        '"Lavrov: the door for Yerevan stays open whatever it decides" — Pamir Wire, October 2, 2024',
        'Ani Petrosyan. "Moscow and Minsk agree on the calendar of joint drills for next year" - Steppe Herald, '
        "1 October 2024",
        '"We will not pay into a budget that gives us nothing back in return." — Ararat Mirzoyan, 7 March 2024',
        '"The door for Yerevan stays open whatever it decides," Lavrov said on October 2, 2024',
    ]
    assert _quotes_of(paragraphs, config) == [
        ("We will not pay into a budget that gives us nothing back in return.", None),  # signed by a person: kept
        ("The door for Yerevan stays open whatever it decides", "Sergey Lavrov"),
    ]


RANKS = article("""
    CSTO defence ministers meet in Minsk

    MINSK, June 4 (Pamir Wire) - The meeting was opened by the Minister of Defence of the Republic of Belarus Lieutenant General Viktor Khrenin.

    "We are ready to host the staff exercise next autumn," Khrenin said.

    Chief of the CSTO Joint Staff Colonel General Andrei Serdyukov reported on the forces. "The units are fully manned and trained," Serdyukov said.

    Commander of the CSTO CRRF Colonel General Alexander Lapin spoke next. "Our battalions will rehearse a mountain crossing," Lapin said.

    Colonel General Rustam Nazarzoda, who heads the Tajik border troops, said: "We have doubled our patrols along the river this year."

    CSTO Deputy Secretary General Samat Ordabaev closed the session. "We thank our Belarusian hosts for the meeting," Ordabaev said.
""")


def test_an_office_written_with_a_rank_is_the_office(extract_text):
    record = extract_text(RANKS)
    assert [(s.name, s.role) for s in record.speakers] == [
        ("Viktor Khrenin", "Minister of Defence of the Republic of Belarus"),
        ("Andrei Serdyukov", "Chief of the CSTO Joint Staff"),
        ("Alexander Lapin", "Commander of the CSTO CRRF"),
        ("Rustam Nazarzoda", "Colonel General"),  # only a rank: kept
        ("Samat Ordabaev", "CSTO Deputy Secretary General"),  # "General" of the office, no rank
    ]
    assert record.speakers[0].evidence.text.startswith(
        "Minister of Defence of the Republic of Belarus Lieutenant General"
    )


def test_without_rank_drops_only_a_rank_after_an_office():
    from csto_digest.load.people import without_rank

    assert without_rank("Chief of the General Staff Army General") == "Chief of the General Staff"
    assert without_rank("Defence Minister General") == "Defence Minister"
    assert without_rank("Lieutenant General") == "Lieutenant General"
    assert without_rank("Tajik Colonel General") == "Tajik Colonel General"  # no office before the rank
    assert without_rank("Director General") == "Director General"


def test_a_blockquote_of_several_lines_is_one_paragraph():
    markdown = "Lead-in:\n\n> First line of it.\n> Second line,\n   > third line.\n>\n> Another paragraph.\n\nAfter.\n"
    assert markdown_to_text(markdown) == (
        "Lead-in:\n\nFirst line of it. Second line, third line.\n\nAnother paragraph.\n\nAfter.\n"
    )  # an empty `>` line parts the quote's paragraphs, as Markdown renders it
    assert markdown_to_text("Lead-in:\n> Quoted.\nAfter.") == "Lead-in:\n\nQuoted.\n\nAfter."


BLOCKQUOTE_NOTES = article("""
    ---
    title: Notes on the Vienna meeting
    date: 2024-03-12
    ---

    # Vienna meeting

    1. Kyrgyz Foreign Minister Jeenbek Kulubaev, at the conference in Vienna:

       > We believe the border question will be settled by talks alone.
       > The next round opens in April in Bishkek.

    The meeting ended in the evening.
""")


def test_a_blockquote_under_a_lead_in_is_one_quote_of_all_its_lines(extract_text):
    record = extract_text(BLOCKQUOTE_NOTES, "notes.md")
    assert quoted(record) == [
        (
            "We believe the border question will be settled by talks alone. The next round opens in April in Bishkek.",
            "Jeenbek Kulubaev",
        )
    ]  # the second line speaks in no first person: read line by line it ended the quote
    assert record.body[record.quotes[0].paragraph] == record.quotes[0].text
