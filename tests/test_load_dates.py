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
        ("March 2024", "2024-03", "month"),
        ("Sept. 3, 2019", "2019-09-03", "day"),
    ],
)
def test_formats(text, value, precision):
    found = parse_date(text)
    assert found is not None and (found.value, found.precision) == (value, precision)


@pytest.mark.parametrize("text", ["June 3", "on December 19", "03/04/2024", "31 February 2024", "in 2022"])
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
