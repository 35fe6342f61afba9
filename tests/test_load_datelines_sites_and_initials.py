"""Datelines of our own making in the shapes regional agencies print them and the seeds
do not: Trend's mixed-case city with a byline before its name, a site's address that
opens with a digit (24.kg), and a city in capitals, a dash and the agency's initials."""

from __future__ import annotations

import pytest

from csto_digest.load.outlets import find_dateline


@pytest.mark.parametrize(
    ("lead", "city", "agency", "date_words"),
    [
        ("Baku, Azerbaijan, June 12. By Nargiz Sadikhova – Trend: Azerbaijan sees no need", "Baku", "Trend", "June 12"),
        ("BISHKEK, 24.kg - The CSTO Collective Rapid Reaction Forces will", "BISHKEK", "24.kg", None),
        ("BAKU – APA. Armenian Foreign Minister Ararat Mirzoyan said", "BAKU", "APA", None),
        ("MOSCOW - TASS. The CSTO will hold five exercises", "MOSCOW", "TASS", None),
    ],
)
def test_the_dateline_names_city_and_agency(lead, city, agency, date_words):
    found = find_dateline(lead)
    assert (found.city, found.agency, found.date_words) == (city, agency, date_words)
    assert found.date is None  # no year: no date


@pytest.mark.parametrize(
    "lead",
    ["Tokayev – NATO. The president spoke of the alliance.", "Yerevan - The minister said", "Moscow – Russia. The"],
)
def test_a_sentence_with_a_dash_is_no_dateline(lead):
    assert find_dateline(lead) is None


def test_the_agency_is_the_source(extract_text):
    record = extract_text(
        "CSTO drills in Issyk-Kul\n\nBISHKEK, 24.kg - The CSTO forces will hold exercises in September.\n"
    )
    assert (record.source.name, record.source.evidence.rule) == ("24.kg", "dateline")


def test_a_mixed_case_city_before_initials_the_registry_knows_is_a_dateline(extract_text):
    record = extract_text(
        "Mirzoyan on the CSTO\n\nBaku – APA. Armenian Foreign Minister Ararat Mirzoyan said on Friday.\n"
    )
    assert (record.source.name, record.source.evidence.rule) == ("APA", "dateline")


@pytest.mark.parametrize(
    "lead",
    [
        "Tokayev – NATO. The president spoke of the alliance on Friday.",  # not a place
        "Baku – UNDP. The programme was presented on Friday.",  # not an outlet the registry knows
    ],
)
def test_other_mixed_case_dashes_give_no_source(extract_text, lead):
    record = extract_text(f"On the CSTO\n\n{lead}\n")
    assert record.source is None
