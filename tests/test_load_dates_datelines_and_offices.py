"""Shapes of our own making from post-Soviet agency pages the seeds do not show: dates
written with dashes, a publication line under the text with tags after it, an
agency tag with the agency's kind before its quoted name, an outlet named with its
country's possessive, a TV channel named after a country, and an office written
out with "of" before a name."""

from __future__ import annotations

import pytest

from csto_digest.load.dates import parse_date

HEADLINE = "Imankulov: CSTO must strengthen its southern borders"
LEAD = (
    "The Committee of Secretaries of Security Councils of the CSTO met in Cholpon-Ata on Thursday to discuss "
    "the situation on the southern borders of the organization."
)
LAST = "The next meeting of the committee will be held in Moscow."


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("27-06-2024", "2024-06-27"),  # day first: the day cannot be a month
        ("06-28-2024", "2024-06-28"),  # month first, as American pages write it
        ("06-07-2024", None),  # both ways: no date
        ("ref 12-13-2024-55", None),  # a number, not a date
    ],
)
def test_a_date_written_with_dashes_is_read_like_one_with_slashes(text, value):
    found = parse_date(text)
    assert (found.value if found else None) == value


@pytest.mark.parametrize(
    "tail",
    [
        "Views: 1 834\nPublished: 27-06-2024 16:42\nTags: CSTO, Imankulov, Afghanistan",
        "27.06.2024 16:42 | Views: 412\nShare in: Facebook | Twitter | Telegram",
    ],
)
def test_the_publication_line_under_the_text_dates_it_with_furniture_after_it(extract_text, tail):
    record = extract_text(f"{HEADLINE}\n\n{LEAD}\n\n{LAST}\n\n{tail}\n")
    assert (record.date, record.date_evidence.rule) == ("2024-06-27", "footer")
    assert record.body == (LEAD, LAST)


def test_an_agency_tag_with_its_kind_before_its_quoted_name(extract_text):
    text = f'{HEADLINE}\n\nDUSHANBE, 14.03.2025 /NIAT "Khovar"/. {LEAD}\n'
    record = extract_text(text)
    assert record.source is not None
    assert (record.source.name, record.source.evidence.rule) == ("Khovar", "dateline")
    assert record.date == "2025-03-14"


@pytest.mark.parametrize(
    ("sentence", "cited"),
    [
        ("the secretary told Russia's TASS news agency on Friday.", ["TASS"]),
        ("the secretary told Russia's president on Friday.", []),
    ],
)
def test_an_outlet_named_with_its_countrys_possessive_is_the_outlet(extract_text, sentence, cited):
    record = extract_text(f"{HEADLINE}\n\n{LEAD} The threat has not decreased, {sentence}\n")
    assert [o.name for o in record.cited_sources] == cited


def test_a_channel_named_after_a_country_is_not_the_country(extract_text):
    record = extract_text(f"{HEADLINE}\n\n{LEAD} He said so in an interview with the France 24 television channel.\n")
    assert "France" not in record.places
    assert "France 24" in [o.name for o in record.cited_sources]


@pytest.mark.parametrize(
    ("written", "role"),
    [
        (
            "Secretary of the Security Council of Kyrgyzstan Marat Imankulov",
            "Secretary of the Security Council of Kyrgyzstan",
        ),
        (
            "Minister of Defense of the Republic of Tajikistan Colonel General Emomali Sobirzoda",
            "Minister of Defense of the Republic of Tajikistan",
        ),
        ("Chief of the CSTO Joint Staff Andrei Serdyukov", "Chief of the CSTO Joint Staff"),
    ],
)
def test_an_office_written_out_with_of_before_a_name_is_the_role(extract_text, written, role):
    speech = '"We need concrete decisions, concrete resources and concrete timelines for the border."'
    record = extract_text(f"{HEADLINE}\n\n{LEAD}\n\n{written} said: {speech}\n")
    assert [(s.name, s.role) for s in record.speakers] == [(written[-len(record.speakers[0].name) :], role)]


def test_a_list_of_offices_gives_each_person_only_their_own(extract_text):
    text = (
        f"{HEADLINE}\n\n{LEAD}\n\nThe meeting was attended by Secretary of the Security Council of Kyrgyzstan "
        "Marat Imankulov and Secretary of the Security Council of Armenia Armen Grigoryan.\n\n"
        '"We need concrete decisions, concrete resources and concrete timelines," Imankulov said.\n\n'
        '"Armenia has frozen its participation and will not send a delegation," Grigoryan said.\n'
    )
    roles = {s.name: s.role for s in extract_text(text).speakers}
    assert roles == {
        "Marat Imankulov": "Secretary of the Security Council of Kyrgyzstan",
        "Armen Grigoryan": "Secretary of the Security Council of Armenia",
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [("Updated 21:06, 28-Nov-2024", "2024-11-28"), ("28-November-2024", "2024-11-28"), ("ref-28-Nov-2024", None)],
)
def test_a_day_month_and_year_joined_by_dashes(text, value):
    found = parse_date(text)
    assert (found.value if found else None) == value
