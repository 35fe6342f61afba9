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
