"""Layouts of our own making the seeds do not show: footnote markers in the text (`the
treaty.[1]`) and the list of notes under it, as wikis and think tanks print them; Factiva's
indexing lines (company, subject and region codes, publisher, accession number) under an
export's text; and an official document's two-line heading (`INFORMATION MESSAGE` / `on the
session of the CSTO Collective Security Council`)."""

from __future__ import annotations

import textwrap

import pytest

from csto_digest.load.furniture import is_furniture
from test_load_database_exports import FACTIVA


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


# --- Footnotes ------------------------------------------------------------------------------------

NOTED = article("""
    The CSTO after Armenia's freeze

    Armenia froze its participation in the CSTO in February 2024.[1] The decision followed months of criticism,[2][3] and Yerevan skipped the Minsk summit.[12]

    "We have now practically frozen our participation in this treaty,"[4] Prime Minister Nikol Pashinyan said. He cited article [5] of the Charter, which he called "outdated [sic]".

    Notes
    [1] Reuters, 23 February 2024.
    [2] Ibid.
    [3] TASS, 12 March 2024, https://tass.com/politics/1234567
    [12] Official website of the CSTO.
""")


def test_footnote_markers_leave_the_text_and_the_quotes(extract_text):
    record = extract_text(NOTED)
    assert record.body == (
        "Armenia froze its participation in the CSTO in February 2024. The decision followed months of "
        "criticism, and Yerevan skipped the Minsk summit.",
        '"We have now practically frozen our participation in this treaty," Prime Minister Nikol Pashinyan said. '
        'He cited article [5] of the Charter, which he called "outdated [sic]".',
    )
    assert (record.quotes[0].text, record.quotes[0].speaker) == (
        "We have now practically frozen our participation in this treaty",
        "Nikol Pashinyan",
    )
    assert all("[4]" not in q.text for q in record.quotes)


def test_the_notes_under_the_text_are_furniture(extract_text):
    record = extract_text(NOTED)
    for line in ("Notes", "[1] Reuters, 23 February 2024.", "[2] Ibid.", "[12] Official website of the CSTO."):
        assert line in record.removed
    assert not any("Ibid" in paragraph for paragraph in record.body)


@pytest.mark.parametrize(
    "line",
    [
        "References",
        "Footnotes:",
        "Notes and references",
        "[1] Ibid., p. 4.",
        "[23] https://en.odkb-csto.org/news/news_odkb/",
        "1. ^ Smith, J. (2020). The CSTO at Thirty. Moscow.",
        "^ Jump up to: a b TASS, 10 March 2023.",
    ],
)
def test_a_notes_heading_and_each_note_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "He cited article [5] of the Charter.",
        "[The CSTO] has not responded, the ministry said.",
        "1. The member states shall consult one another.",
        "References to the treaty were dropped from the final text.",
    ],
)
def test_brackets_and_numbers_that_are_text_stay(line):
    assert not is_furniture(line)


# --- Factiva's indexing lines -------------------------------------------------------------------

# The Factiva export of test_load_database_exports, its accession-number line giving way to the
# indexing lines a full export prints under the text (their last line is that accession number).
FACTIVA_INDEX_LINES = article("""
    CO  cstorg : Collective Security Treaty Organization
    IN
    NS  gvdef : Defense | gcat : Political/General News | gpol : Domestic Politics | ncat : Content Types | nfact : Factiva Filters
    RE  russ : Russia | kazakh : Kazakhstan | arme : Armenia | ussrz : CIS Countries | asiaz : Asia |
        casiaz : Central Asia | eeurz : Central/Eastern Europe
    IPD  Politics
    PUB  Thomson Reuters (Markets) LLC
    AN  Document LBA0000020240223ek2n00abc
""")
FACTIVA_INDEXED = FACTIVA.replace("Document LBA0000020240223ek2n00abc\n", FACTIVA_INDEX_LINES)


def test_the_indexed_export_is_the_plain_one_with_its_index_lines():
    assert FACTIVA_INDEXED.count("LBA0000020240223ek2n00abc") == 1 and FACTIVA_INDEXED.endswith(FACTIVA_INDEX_LINES)


def test_factivas_indexing_lines_are_furniture_and_the_paragraphs_stay_whole(extract_text):
    record = extract_text(FACTIVA_INDEXED)
    assert (record.author, record.date, record.source.name) == ("Felix Light", "2024-02-23", "Reuters")
    assert len(record.body) == 2
    assert record.body[0].endswith("what the step meant in practice.")
    for line in (
        "CO cstorg : Collective Security Treaty Organization",
        "IN",
        "RE russ : Russia | kazakh : Kazakhstan | arme : Armenia | ussrz : CIS Countries | asiaz : Asia |",
        "casiaz : Central Asia | eeurz : Central/Eastern Europe",
        "IPD Politics",
        "PUB Thomson Reuters (Markets) LLC",
        "AN Document LBA0000020240223ek2n00abc",
    ):
        assert line in record.removed


@pytest.mark.parametrize(
    "line",
    [
        "NS gvdef : Defense | gcat : Political/General News",
        "RE russ : Russia | kazakh : Kazakhstan",
        "AN Document INTFX00020240512ek5c000b1",
        "IPD",
        "PUB",
    ],
)
def test_factiva_code_lines(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "In brief : the ministers met on Thursday.",
        "IN BRIEF: the ministers met on Thursday.",
        "Re the treaty: nothing has changed, the ministry said.",
        "Co-operation : the ministers agreed to meet again.",
    ],
)
def test_lines_that_only_open_like_a_factiva_tag_are_text(line):
    assert not is_furniture(line)


# --- Two-line official headings -----------------------------------------------------------------

LEAD = (
    "On 28 November 2024, a regular session of the CSTO Collective Security Council was held in Astana "
    "under the chairmanship of the Republic of Kazakhstan."
)


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        (
            "INFORMATION MESSAGE\non the session of the CSTO Collective Security Council",
            "Information message on the session of the CSTO Collective Security Council",
        ),
        ("PRESS RELEASE\non the meeting of the CSTO Council of Foreign Ministers",
         "Press release on the meeting of the CSTO Council of Foreign Ministers"),
        ("COMMUNIQUE\nof the meeting of the Committee of Secretaries of Security Councils",
         "Communique of the meeting of the Committee of Secretaries of Security Councils"),
        ("STATEMENT\nby the CSTO Secretary General on the situation in Afghanistan",
         "Statement by the CSTO Secretary General on the situation in Afghanistan"),
        ("JOINT STATEMENT\n\nof the Foreign Ministers of the CSTO Member States",  # a blank line between
         "Joint statement of the Foreign Ministers of the CSTO Member States"),
        ("Press Release\non the CSTO exercises in Tajikistan", "Press Release on the CSTO exercises in Tajikistan"),
        ("COMMUNIQUE\nON THE MEETING OF THE CSTO FOREIGN MINISTERS", "COMMUNIQUE ON THE MEETING OF THE CSTO FOREIGN MINISTERS"),
        ("ИНФОРМАЦИОННОЕ СООБЩЕНИЕ\nо сессии Совета коллективной безопасности ОДКБ",
         "Информационное сообщение о сессии Совета коллективной безопасности ОДКБ"),
    ],
)  # fmt: skip
def test_a_two_line_official_heading_is_the_title(extract_text, heading, title):
    record = extract_text(f"{heading}\n\n{LEAD}\n\nThe heads of state adopted a declaration.\n")
    assert (record.title, record.title_derived) == (title, False)
    assert record.body[0] == LEAD


def test_a_byline_under_a_document_kind_stays_the_byline(extract_text):
    record = extract_text(f"STATEMENT\nby Anna Petrosyan\n\n{LEAD}\n\nThe heads of state adopted a declaration.\n")
    assert (record.title, record.author) == ("STATEMENT", "Anna Petrosyan")


def test_a_sentence_under_a_document_kind_is_the_text(extract_text):
    record = extract_text(f"STATEMENT\non Thursday the ministers met in Minsk.\n\n{LEAD}\n")
    assert record.title == "STATEMENT"
    assert record.body[0] == "on Thursday the ministers met in Minsk."


def test_a_headline_that_is_no_document_kind_is_not_joined(extract_text):
    record = extract_text(f"CSTO summit in Astana\non the agenda: Afghanistan and the borders\n\n{LEAD}\n")
    assert record.title == "CSTO summit in Astana"
