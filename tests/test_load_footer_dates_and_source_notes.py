"""Three layouts of our own making that neither the seeds nor the corpus show:
the publication time printed under the article, an analysis piece's bracketed
source notes ("(TASS, March 13)"), and a "By:" byline with a colon."""

from __future__ import annotations

import textwrap

import pytest


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


AGENCY_WITH_FOOTER_TIME = article("""
    Armenia will skip the CSTO summit in Minsk

    YEREVAN, NOVEMBER 21, ARMENPRESS. Prime Minister Nikol Pashinyan will not take part in the summit, ARMENPRESS reports.

    "Armenia has frozen its participation in the CSTO," Pashinyan told reporters on Thursday.

    {footer}
    Read more: Armenia's foreign policy priorities
""")


@pytest.mark.parametrize(
    ("footer", "date"),
    [
        ("14:32, 21 November 2024", "2024-11-21"),
        ("21.11.2024", "2024-11-21"),
        ("Nov 21, 2024 | 14:32", "2024-11-21"),
    ],
)
def test_a_full_date_alone_on_the_last_line_dates_an_article_that_has_no_other(extract_text, footer, date):
    record = extract_text(AGENCY_WITH_FOOTER_TIME.format(footer=footer))
    assert (record.date, record.date_precision) == (date, "day")
    assert record.date_evidence.rule == "footer"
    assert record.date_evidence.confidence < 0.9  # less sure than a byline or a dateline
    assert footer in record.removed
    assert all(footer not in paragraph for paragraph in record.body)


@pytest.mark.parametrize(
    "footer",
    [
        "November 2024",  # a month alone: an issue or an archive as likely as the article's date
        "The summit opened in Minsk on 21 November 2024.",  # a sentence: an event's date
        "Photo by Ani Sargsyan for the press office, 21 November 2024",  # a credit, not a date line
    ],
)
def test_a_last_line_that_is_not_only_a_full_date_gives_no_date(extract_text, footer):
    record = extract_text(AGENCY_WITH_FOOTER_TIME.format(footer=footer))
    assert record.date is None
    assert record.date_evidence is None


def test_a_date_above_the_text_wins_over_the_footer(extract_text):
    text = "date 2024-11-20\n" + AGENCY_WITH_FOOTER_TIME.format(footer="21.11.2024")
    record = extract_text(text)
    assert record.date == "2024-11-20"
    assert record.date_evidence.rule == "header"
    assert "21.11.2024" in record.removed


def test_an_updated_time_in_the_footer_is_taken_only_as_an_update(extract_text):
    record = extract_text(AGENCY_WITH_FOOTER_TIME.format(footer="Updated: 22.11.2024 09:10"))
    assert record.date == "2024-11-22"
    assert record.date_evidence.confidence == 0.6
    assert "updated" in record.date_evidence.note


def test_a_one_line_text_that_is_a_date_is_not_a_footer(extract_text):
    record = extract_text("CSTO summit\n\n21.11.2024\n")
    assert record.date_evidence is None or record.date_evidence.rule != "footer"


ANALYSIS = article("""
    Moscow weighs its answer to Yerevan

    By: Paul Goble

    Armenian Prime Minister Nikol Pashinyan has said his country could leave the CSTO if the alliance fails to meet its obligations (Azatutyun, March 12; Kommersant, March 13, 2024). Russian officials responded sharply.

    “Armenia is not going anywhere,” Kremlin spokesman Dmitry Peskov told journalists (TASS, March 13).

    Officials met again in the capital (Moscow, March 14), and the ministry gave no comment (Ministry of Defense, March 15).
""")


def test_bracketed_source_notes_cite_the_outlets_the_registry_knows(extract_text):
    record = extract_text(ANALYSIS)
    assert [o.name for o in record.cited_sources] == ["Azatutyun", "Kommersant", "TASS"]
    evidence = next(o for o in record.cited_sources if o.name == "Azatutyun").evidence.text
    assert evidence.endswith("(Azatutyun, March 12; Kommersant, March 13, 2024)")
    assert len(evidence) <= 160 and (" " + evidence) in ANALYSIS  # cut to fit, at the start of a word


def test_a_by_line_with_a_colon_names_the_author(extract_text):
    record = extract_text(ANALYSIS)
    assert record.author == "Paul Goble"
    assert record.title == "Moscow weighs its answer to Yerevan"
    assert all("Goble" not in paragraph for paragraph in record.body)
