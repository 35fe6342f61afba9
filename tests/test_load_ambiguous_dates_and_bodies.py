"""Articles of our own making for two faults: a numeric date that reads both ways
(`03/10/2023`: 3 October or 10 March) settled by the day the dateline or the lead
names in words, and never otherwise; and bodies (parliaments, councils, ministries)
whose two capitalised words read like a person's "First Last"."""

from __future__ import annotations

import textwrap

import pytest

from csto_digest.load.dates import (
    AmbiguousDate,
    ambiguous_byline_date,
    ambiguous_date,
    describe_reading,
    settle_ambiguous,
    worded_days,
)


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


HEADLINE = "CSTO foreign ministers meet in Minsk"
LAST = "The next meeting will be held in Moscow."

# --- 1. A numeric date that reads both ways ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("03/10/2023", ("2023-10-03", "2023-03-10")),
        ("Date: 3-10-2023 14:20", ("2023-10-03", "2023-03-10")),
        ("28/03/2024", None),  # one reading only: parse_date reads it
        ("03/28/2024", None),
        ("03/03/2024", None),  # the same day either way
        ("ref 03-10-2023-55", None),  # a number, not a date
    ],
)
def test_the_two_readings_of_a_numeric_date(text, readings):
    found = ambiguous_date(text)
    assert (tuple(r.value for r in found.readings()) if found else None) == readings


def test_a_line_that_is_mostly_an_ambiguous_date():
    assert ambiguous_byline_date("03/10/2023 10:20 | Views: 412") is not None
    assert ambiguous_byline_date("The drills of 03/10/2023 were held near Dushanbe by several armies.") is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("MOSCOW, October 3 (TASS) -", [(10, 3, None, None)]),
        ("On 3 October the ministers met.", [(10, 3, None, None)]),
        ("They met on Tuesday, October 3, in Minsk.", [(10, 3, None, 1)]),
        ("They met on Oct. 3, 2023 in Minsk.", [(10, 3, 2023, None)]),
        ("the 3rd of October", [(10, 3, None, None)]),
        ("3 октября в Минске", [(10, 3, None, None)]),
        ("talks on 3-4 October", []),  # a range names no one day
        ("talks on October 3-4", []),
        ("in October 2023", []),  # a month and a year: no day
        ("officials may 3 times refuse", []),  # "may" in lower case is no month
    ],
)
def test_days_named_in_words(text, named):
    assert [(d.month, d.day, d.year, d.weekday) for d in worded_days(text)] == named


AMBIGUOUS = ambiguous_date("03/10/2023")


@pytest.mark.parametrize(
    ("places", "value"),
    [
        ([("the dateline", "MOSCOW, October 3 (TASS) -")], "2023-10-03"),
        ([("the lead", "On 10 March the ministers met.")], "2023-03-10"),
        ([("the lead", "The ministers met on Tuesday, October 3.")], "2023-10-03"),  # 3 October 2023 was a Tuesday
        ([("the lead", "The ministers met on Friday, October 3.")], None),  # the weekday is not that day's
        ([("the lead", "The ministers met on 5 November.")], None),  # neither reading
        ([("the lead", "On 3 October they recalled the deal of 10 March.")], None),  # both readings
        ([("the dateline", "MOSCOW, October 3 (TASS) -"), ("the lead", "On 10 March ...")], None),
        ([("the lead", "On 3 October 2022 the ministers met.")], None),  # another year: no reading
        ([("the lead", "On 3 October 2023 the ministers met.")], "2023-10-03"),
        ([("the lead", "The ministers met on Tuesday.")], None),  # no month and day in words
    ],
)
def test_the_words_settle_a_reading_only_when_they_agree_with_exactly_one(places, value):
    settled = settle_ambiguous(AMBIGUOUS, places)
    assert (settled[0].value if settled else None) == value


def test_the_year_is_the_numeric_dates():
    found = ambiguous_date("03/10/2021")
    assert isinstance(found, AmbiguousDate)
    settled = settle_ambiguous(found, [("the dateline", "MOSCOW, October 3 (TASS) -")])
    assert settled is not None and settled[0].value == "2021-10-03"


def test_the_note_says_where_the_date_was_and_what_settled_it():
    reading, said = settle_ambiguous(AMBIGUOUS, [("the dateline", "MOSCOW, October 3 (TASS) -")])
    note = describe_reading(AMBIGUOUS, reading, "in the header line", said)
    assert "'03/10/2023' in the header line" in note
    assert "3 October or 10 March 2023" in note
    assert "the dateline ('October 3')" in note


# End to end: the layout settles the date in the place it stood (header, byline, footer), so
# `article._date` needs no change of its own (no article.py wiring is needed).
@pytest.mark.parametrize(
    ("text", "value", "rule", "where", "settled_by"),
    [
        (
            f"{HEADLINE}\nDate: 03/10/2023\n\nMOSCOW, October 3 (TASS) - The CSTO ministers met in Minsk.\n\n{LAST}",
            "2023-10-03",
            "header",
            "in the header line",
            "the dateline ('October 3')",
        ),
        (
            f"{HEADLINE}\n03/10/2023\n\nOn 10 March the CSTO ministers met in Minsk.\n\n{LAST}",
            "2023-03-10",
            "byline",
            "on the line under the headline",
            "the lead ('10 March')",
        ),
        (
            f"{HEADLINE}\nPublished: 03/10/2023 10:20\n\nThe CSTO ministers met in Minsk on Tuesday, October 3, "
            f"to discuss the drills.\n\n{LAST}",
            "2023-10-03",
            "header",
            "in the header line",
            "the lead ('Tuesday, October 3')",
        ),
        (
            f"{HEADLINE}\n\nThe CSTO ministers met in Minsk on Oct. 3 to discuss the drills.\n\n{LAST}\n\n03/10/2023",
            "2023-10-03",
            "footer",
            "on the last line",
            "the lead ('Oct. 3')",
        ),
    ],
)
def test_an_ambiguous_date_settled_by_the_dateline_or_lead_dates_the_article(
    extract_text, text, value, rule, where, settled_by
):
    record = extract_text(text)
    assert (record.date, record.date_precision, record.date_evidence.rule) == (value, "day", rule)
    assert where in record.date_evidence.note and settled_by in record.date_evidence.note
    assert record.date_evidence.confidence < 0.9  # less sure than a date written one way
    assert all("03/10/2023" not in paragraph for paragraph in record.body)


@pytest.mark.parametrize(
    "lead",
    [
        "MOSCOW (TASS) - The CSTO ministers met in Minsk.",  # nothing named in words
        "On 3 October the ministers recalled the agreement of 10 March.",  # both readings
        "The CSTO ministers met in Minsk on 5 November.",  # neither
        "On 3 October 2022 the CSTO ministers met in Minsk.",  # another year's day
    ],
)
def test_an_ambiguous_date_nothing_settles_stays_no_date(extract_text, lead):
    record = extract_text(f"{HEADLINE}\nDate: 03/10/2023\n\n{lead}\n\n{LAST}")
    assert (record.date, record.date_precision) == (None, None)
    assert "Date: 03/10/2023" in record.removed


def test_an_ambiguous_updated_date_is_not_settled(extract_text):
    record = extract_text(f"{HEADLINE}\nUpdated: 03/10/2023\n\nMOSCOW, October 3 (TASS) - The ministers met.\n")
    assert record.date is None


def test_a_date_written_one_way_still_wins(extract_text):
    text = f"{HEADLINE}\nDate: 03/10/2023\n\nMINSK, 10 March 2023 (BelTA) - The CSTO ministers met on 3 October.\n"
    record = extract_text(text)
    # the dateline and the lead name both readings, so the header settles nothing; the dateline dates it
    assert (record.date, record.date_evidence.rule) == ("2023-03-10", "dateline")


# --- 2. Bodies read as people ---------------------------------------------------------------------


def body_article(subject: str) -> str:
    return article(f"""
        Lawmakers back the CSTO agreement

        BISHKEK, March 4 (AKIpress) - The agreement on CSTO peacekeeping forces was ratified on Wednesday.

        "The agreement strengthens our security," {subject} said in a statement.

        {subject} said: "We will send officers to the exercises."

        "This is an important step for collective security," said Talant Mamytov, the speaker of parliament.
        """)


@pytest.mark.parametrize(
    "subject",
    [
        # the region's parliaments, which the registry lists
        "Jogorku Kenesh", "the Mazhilis", "the Majilis", "Milli Majlis", "Majlisi Oli", "Majlisi Namoyandagon",
        "the Verkhovna Rada", "the Sejm", "the Saeima", "Oliy Majlis", "the Supreme Council", "the National Assembly",
        "the State Duma", "the Federation Council", "the Seimas", "the Senate",
        # bodies the registry does not list: two capitalised words, or one before "said"
        "Khovar Kenesh", "Ulut Kenesh", "the Great Khural", "Khalq Maslahaty", "the Kurultai",
        "the Legislative Chamber", "the Accounts Chamber", "the Supreme Court", "the Constitutional Court",
        "the Central Election Commission", "the Eurasian Economic Commission", "the Presidential Administration",
        "the National Guard", "the Security Council", "the Defence Ministry", "the Foreign Ministry",
        "the Military Prosecutor", "the Human Rights Commissioner", "the Ombudsman", "the Bundestag",
    ],
)  # fmt: skip
def test_a_body_is_never_a_speaker(extract_text, subject):
    record = extract_text(body_article(subject))
    assert [s.name for s in record.speakers] == ["Talant Mamytov"]
    assert {q.speaker for q in record.quotes} <= {None, "Talant Mamytov"}


@pytest.mark.parametrize(
    ("words", "organization"),
    [
        ("Jogorku Kenesh", "Jogorku Kenesh"),
        ("the Kyrgyz parliament", "Jogorku Kenesh"),
        ("the Supreme Council of Kyrgyzstan", "Jogorku Kenesh"),
        ("the Majilis", "Mazhilis"),
        ("the Kazakh Senate", "Senate of Kazakhstan"),
        ("the National Assembly of Azerbaijan", "Milli Majlis"),
        ("the Tajik parliament", "Majlisi Oli"),
        ("Majlisi Namoyandagon", "Majlisi Namoyandagon"),
        ("the Uzbek parliament", "Oliy Majlis"),
        ("the Supreme Council of Ukraine", "Verkhovna Rada"),
        ("the Polish Sejm", "Sejm"),
        ("the Saeima", "Saeima"),
        ("the Belarusian parliament", "National Assembly of Belarus"),
        ("the Russian State Duma", "State Duma"),
        ("the Federation Council", "Federation Council"),
    ],
)
def test_the_regions_parliaments_are_organisations_with_their_countries(extract_text, words, organization):
    assert organization in extract_text(body_article(words)).organizations


@pytest.mark.parametrize("words", ["the National Assembly", "the Supreme Council"])
def test_a_parliament_named_without_its_country_is_no_ones(extract_text, words):
    """Armenia, Belarus and Azerbaijan have a National Assembly; the registry does not guess which."""
    organizations = extract_text(body_article(words)).organizations
    assert not any("National Assembly" in name or "Supreme Council" in name for name in organizations)


def test_an_officer_of_a_body_still_speaks_with_the_body_in_the_role(extract_text):
    record = extract_text(
        article("""
        Judges and lawmakers on the CSTO

        ASTANA, March 4 (Kazinform) - The court reviewed the agreement on Wednesday.

        "The agreement complies with the constitution," Constitutional Court Chairman Elvira Azimova said.

        Mazhilis Speaker Yerlan Koshanov said: "We will ratify it this month."
        """)
    )
    said = {q.text: q.speaker for q in record.quotes}
    assert said == {
        "The agreement complies with the constitution": "Elvira Azimova",
        "We will ratify it this month.": "Yerlan Koshanov",
    }
    roles = {s.name: s.role for s in record.speakers}
    assert roles == {"Elvira Azimova": "Constitutional Court Chairman", "Yerlan Koshanov": "Mazhilis Speaker"}
