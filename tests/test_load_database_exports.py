"""Articles as news databases export them, where analysts collect most of their news: a
Factiva-style header block (byline, word count, date, source, source code, language,
copyright) over text hard-wrapped at a fixed width, and a LexisNexis-style one (publication,
date, length, byline, a "Body" label, "Load-Date" and "End of Document"). Written by us in
the shape those exports take; no seed has either."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


FACTIVA = article("""
    Armenia freezes participation in Russia-led security bloc, PM says

    By Felix Light
    412 words
    23 February 2024
    Reuters News
    LBA
    English
    Copyright 2024 Thomson Reuters. All Rights Reserved.

    YEREVAN, Feb 23 (Reuters) - Armenia has frozen its participation in the Russian-led
    Collective Security Treaty Organization (CSTO), Prime Minister Nikol Pashinyan told
    France 24 in an interview broadcast on Friday. The Kremlin said it would seek
    clarification from Yerevan about what the step meant in practice.

    "We have now practically frozen our participation in this treaty," Pashinyan said,
    adding that the bloc had failed Armenia in 2021 and 2022.

    Document LBA0000020240223ek2n00abc
""")

LEXIS = article("""
    Armenia freezes CSTO membership

    TASS
    February 23, 2024 Friday

    Copyright 2024 TASS
    Length: 187 words
    Byline: Staff

    Body

    MOSCOW, February 23. /TASS/. Armenia has frozen its participation in the CSTO,
    Prime Minister Nikol Pashinyan said.

    "We have frozen our participation in this treaty," Pashinyan said.

    Load-Date: February 24, 2024

    End of Document
""")

ONE_PARAGRAPH_PER_LINE = article("""
    CSTO talks in Minsk
    MINSK, 23 November (BelTA) - Foreign ministers of the CSTO member states met in Minsk on Thursday to discuss the agenda of the summit.
    Belarusian Foreign Minister Sergei Aleinik opened the meeting.
    "We are open to dialogue with all partners," Aleinik said.
""")


def test_a_factiva_export_gives_its_fields_and_whole_paragraphs(extract_text):
    record = extract_text(FACTIVA)
    assert record.title == "Armenia freezes participation in Russia-led security bloc, PM says"
    assert (record.author, record.date, record.source.name) == ("Felix Light", "2024-02-23", "Reuters")
    assert len(record.body) == 2
    assert record.body[0].startswith(
        "YEREVAN, Feb 23 (Reuters) - Armenia has frozen its participation in the Russian-led Collective"
    )
    assert record.body[0].endswith("what the step meant in practice.")
    for line in ("412 words", "English", "Document LBA0000020240223ek2n00abc"):
        assert line in record.removed
    assert [(q.text, q.speaker) for q in record.quotes] == [
        ("We have now practically frozen our participation in this treaty", "Nikol Pashinyan")
    ]


def test_a_lexisnexis_export_gives_its_fields_and_whole_paragraphs(extract_text):
    record = extract_text(LEXIS)
    assert (record.title, record.date, record.source.name) == ("Armenia freezes CSTO membership", "2024-02-23", "TASS")
    assert record.body == (
        "MOSCOW, February 23. /TASS/. Armenia has frozen its participation in the CSTO, Prime Minister Nikol Pashinyan said.",
        '"We have frozen our participation in this treaty," Pashinyan said.',
    )
    for line in ("Length: 187 words", "Body", "Load-Date: February 24, 2024", "End of Document"):
        assert line in record.removed


def test_one_paragraph_per_line_is_not_taken_for_wrapped_text(extract_text):
    record = extract_text(ONE_PARAGRAPH_PER_LINE)
    assert len(record.body) == 3


SHORT_PARAGRAPHS_ONE_A_LINE = article("""
    CSTO talks in Minsk
    MINSK, 23 November (BelTA) - Foreign ministers of the CSTO met in Minsk on Thursday.
    Belarusian Foreign Minister Sergei Aleinik opened the meeting in the capital.
    The ministers discussed the agenda of the coming summit in Astana.
    They also approved a statement on the situation in Afghanistan.
""")


def test_short_paragraphs_one_a_line_are_not_taken_for_wrapped_text(extract_text):
    assert len(extract_text(SHORT_PARAGRAPHS_ONE_A_LINE).body) == 4


# --- Factiva's fully tagged export ----------------------------------------------------------------
# Every field on a line opening with its two- or three-letter tag; the lead paragraph under `LP`, the
# rest of the text under `TD`, the indexing lines after. Written by us in that shape.

FACTIVA_TAGGED = article("""
    HD  CSTO rapid reaction force begins command-post drills near Osh
    BY  Marat Dzhaparov
    WC  236 words
    PD  14 May 2024
    ET  09:42
    SN  Interfax: Russia & CIS Military Newswire
    SC  INTFAX
    LA  English
    CY  (c) 2024 Interfax Information Services Group. All rights reserved.
    LP
    BISHKEK. The command-post exercise of the CSTO Collective Rapid Reaction Force opened
    on Tuesday at a training ground near Osh, the Kyrgyz defence ministry said.

    About 1,200 servicemen from four member states take part in the drills.

    TD
    "The scenario this year is the defence of the southern border against armed groups,"
    a ministry spokesman told reporters.

    The exercise will end on Friday with a live-fire stage.

    CO  cstorg : Collective Security Treaty Organization
    NS  gvdef : Defense | gcat : Political/General News
    RE  kyrg : Kyrgyzstan | ussrz : CIS Countries
    IPD  Military exercises
    PUB  Interfax Information Services Group
    AN  Document INTFAX0020240514ek5e000x9
""")


def test_a_tagged_factiva_export_gives_its_fields_from_its_tags(extract_text):
    record = extract_text(FACTIVA_TAGGED)
    assert record.title == "CSTO rapid reaction force begins command-post drills near Osh"
    assert (record.title_evidence.line, record.title_derived) == (1, False)
    assert record.author == "Marat Dzhaparov"
    assert (record.date, record.date_precision, record.date_evidence.line) == ("2024-05-14", "day", 4)
    assert "PD" in record.date_evidence.text and "14 May 2024" in record.date_evidence.text
    assert record.source is not None and record.source.name == "Interfax"
    assert record.source.evidence.line == 6


def test_a_tagged_factiva_exports_text_is_its_lp_and_td_without_any_tag(extract_text):
    record = extract_text(FACTIVA_TAGGED)
    assert record.body == (
        "BISHKEK. The command-post exercise of the CSTO Collective Rapid Reaction Force opened on Tuesday at a "
        "training ground near Osh, the Kyrgyz defence ministry said.",
        "About 1,200 servicemen from four member states take part in the drills.",
        '"The scenario this year is the defence of the southern border against armed groups," a ministry '
        "spokesman told reporters.",
        "The exercise will end on Friday with a live-fire stage.",
    )
    assert [q.text for q in record.quotes] == [
        "The scenario this year is the defence of the southern border against armed groups"
    ]
    tags = ("HD", "BY", "WC", "PD", "ET", "SN", "SC", "LA", "CY", "LP", "TD", "CO", "NS", "RE", "IPD", "PUB", "AN")
    assert not any(paragraph.split()[0] in tags for paragraph in record.body)
    assert "Interfax" not in " ".join(record.body) and "236 words" not in " ".join(record.body)


def test_a_tagged_export_with_its_text_on_the_tag_lines_and_a_headline_over_two_lines(extract_text):
    text = (
        "HD  Tajik and Kyrgyz officials agree on new round of border talks\n"
        "    under CSTO auspices\n"
        "BY  By Aziz Rahimov\n"
        "PD  3 June 2024\n"
        "SN  Asia-Plus\n"
        "LA  English\n"
        "LP  DUSHANBE, June 3 (Asia-Plus) - Officials of Tajikistan and Kyrgyzstan agreed on Monday to hold a new\n"
        "    round of talks on the border.\n"
        "TD  The talks will be held in Batken next month, the Tajik foreign ministry said.\n"
        "AN  Document ASIAPL0020240603ek630001a\n"
    )
    record = extract_text(text)
    assert record.title == "Tajik and Kyrgyz officials agree on new round of border talks under CSTO auspices"
    assert (record.author, record.date) == ("Aziz Rahimov", "2024-06-03")
    assert record.body == (
        "DUSHANBE, June 3 (Asia-Plus) - Officials of Tajikistan and Kyrgyzstan agreed on Monday to hold a new "
        "round of talks on the border.",
        "The talks will be held in Batken next month, the Tajik foreign ministry said.",
    )
    # `HD` over a story is a tagged export only with its other tags: a headline opening with two capitals stays.
    plain = "HD video shows CSTO drills in Tajikistan\n\nDUSHANBE, June 3 (Asia-Plus) - A video of the drills.\n"
    assert extract_text(plain).title == "HD video shows CSTO drills in Tajikistan"
