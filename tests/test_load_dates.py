"""Dates: the formats read, the places a publication date may come from."""

from __future__ import annotations

import pytest

from csto_digest.load.dates import byline_date, date_from_url, parse_date


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("12 March 2024", "2024-03-12", "day"),
        ("March 12, 2024", "2024-03-12", "day"),
        ("Wed 15th September 2021 | 11:50 AM", "2021-09-15", "day"),
        ("2024-03-28", "2024-03-28", "day"),
        ("28.03.2024 10:15", "2024-03-28", "day"),
        ("12 марта 2024", "2024-03-12", "day"),
        ("25/12/2023", "2023-12-25", "day"),
        ("12/25/2023", "2023-12-25", "day"),  # month-first, as American pages write it: 25 is no month
        ("March 2024", "2024-03", "month"),
        ("Sept. 3, 2019", "2019-09-03", "day"),
    ],
)
def test_formats(text, value, precision):
    found = parse_date(text)
    assert found is not None and (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize(
    "text", ["June 3", "on December 19", "03/04/2024", "31 February 2024", "in 2022", "13/13/2024", "02/30/2024"]
)
def test_incomplete_or_ambiguous_dates_give_nothing(text):
    assert parse_date(text) is None


def test_url_dates():
    assert date_from_url("https://sputnikglobe.com/20240328/x-1117594537.html").value == "2024-03-28"
    assert date_from_url("https://example.com/2021/09/15/story").value == "2021-09-15"
    assert date_from_url("https://example.com/news/1117594537") is None


def test_byline_is_a_line_that_is_mostly_a_date():
    assert byline_date("12 March 2024     Read: 487").value == "2024-03-12"
    assert byline_date("Published: 2024-03-12 10:20 MSK").value == "2024-03-12"
    assert byline_date("The exercises ended on 12 March 2024 at a range near Dushanbe.") is None


def test_a_published_date_wins_over_an_updated_one(extract_text):
    record = extract_text("CSTO talks in Minsk\nUpdated: 29 March 2024\nPublished: 27 March 2024\n\nThe CSTO met.\n")
    assert (record.date, record.date_evidence.text) == ("2024-03-27", "Published: 27 March 2024")


def test_an_updated_date_alone_is_the_date_and_says_what_it_is(extract_text):
    record = extract_text("CSTO talks in Minsk\nLast updated 29.03.2024\n\nMINSK - The CSTO ministers met.\n")
    assert (record.date, record.date_precision) == ("2024-03-29", "day")
    assert record.date_evidence.confidence < 0.9
    assert "updated" in record.date_evidence.note and "may be older" in record.date_evidence.note


def test_a_dateline_date_wins_over_an_updated_one(extract_text):
    text = "CSTO talks in Minsk\nUpdated: 29 March 2024\n\nMINSK, 27 March 2024 (BelTA) - The CSTO ministers met.\n"
    assert extract_text(text).date == "2024-03-27"
