"""Offices joined by "to the", capitals that speak for their governments, and counterparts of no country.

"Assistant to the Prime Minister X" is one title: X is the assistant, never the Prime Minister. A
capital or a seat named for its government ("Vienna said it would host the talks") is a place, not
a person. "His counterpart X" with no country's adjective still makes X someone's counterpart, so
that "the counterpart said" names X when X is the only one.
"""

from __future__ import annotations

import textwrap

import pytest


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def roles_of(record) -> dict[str, str | None]:
    return {s.name: s.role for s in record.speakers}


def speakers_of(record) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in record.quotes]


# -- 1. an office joined to another by "to the" -------------------------------------------------

JOINED_OFFICES = [
    ("Chief Adviser to the Prime Minister", "Almaz Toktogulov", "Toktogulov"),
    ("Assistant to the Minister of Foreign Affairs", "Nodira Rustamova", "Rustamova"),
    ("Deputy to the Commander of the Border Troops", "Farrukh Saidov", "Saidov"),
]


@pytest.mark.parametrize(("office", "name", "surname"), JOINED_OFFICES)
def test_an_office_to_the_holder_of_another_is_one_title_never_the_second_office(extract_text, office, name, surname):
    record = extract_text(
        article(f"""
        Water talks resume on the upper Naryn

        OSH | 11.02.2026 | The commission on shared rivers met again after a pause of two years.

        {office} {name} told reporters the working group would publish its figures in spring.

        "No reservoir will be filled without the consent of the downstream side," {surname} said.
    """)
    )
    assert roles_of(record)[name] in (office, None)
    assert speakers_of(record)[0][1] == name


def test_an_adviser_in_lower_case_to_the_president_is_an_adviser_unless_the_registry_makes_him_president(
    extract_text,
):
    record = extract_text(
        article("""
        Grain corridor: a new round

        The round was announced by an adviser to the president Rustam Kholov on Thursday.

        "The corridor stays open as long as the insurers stay," Kholov said.

        The dates were confirmed by an aide to the President Kassym-Jomart Tokayev, who did not give his name.

        "The heads of state will sign the declaration," Tokayev said at the opening.
    """)
    )
    roles = roles_of(record)
    assert roles["Rustam Kholov"] in ("adviser to the president", None)
    assert roles["Kassym-Jomart Tokayev"] == "President"  # the registry's president: the aide is unnamed


# -- 2. a capital that speaks for its government ------------------------------------------------


@pytest.mark.parametrize("capital", ["Vienna", "Brussels", "Ulaanbaatar", "Tskhinvali", "Geneva"])
def test_a_capital_named_for_its_government_is_no_one(extract_text, capital):
    record = extract_text(
        article(f"""
        Observers wanted for the vote

        Briefing note, 4 March 2026. The mission's mandate runs out in the summer.

        {capital}, for its part, said it would wait for the report. "We are not a party to this dispute," {capital} said.
    """)
    )
    assert capital not in roles_of(record)
    assert capital not in [speaker for _text, speaker in speakers_of(record)]


# -- 3. a counterpart of no country -------------------------------------------------------------

ONE_COUNTERPART = article("""
    Interior ministers sign a protocol on migrants

    DUSHANBE (Staff report) -- Interior Minister Ramazon Hamrozoda received his counterpart Ulan Niyazbekov on Tuesday.

    "Our police will exchange lists every month," Hamrozoda said.

    "The lists will also go to the border posts," the counterpart said.
""")


TWO_COUNTERPARTS = article("""
    Interior ministers sign a protocol on migrants

    DUSHANBE (Staff report) -- Interior Minister Ramazon Hamrozoda received his counterpart Ulan Niyazbekov and later
    his counterpart Bakhtiyor Tursunov.

    "The lists will also go to the border posts," the counterpart said.
""")


def test_a_counterpart_without_a_country_is_still_the_counterpart_when_there_is_one(extract_text):
    record = extract_text(ONE_COUNTERPART)
    assert speakers_of(record) == [
        ("Our police will exchange lists every month", "Ramazon Hamrozoda"),
        ("The lists will also go to the border posts", "Ulan Niyazbekov"),
    ]
    assert roles_of(record)["Ulan Niyazbekov"] is None  # "counterpart" is no role to show
    # with two counterparts, "the counterpart" is no one rather than the last one named
    assert speakers_of(extract_text(TWO_COUNTERPARTS)) == [("The lists will also go to the border posts", None)]


def test_the_counterpart_of_a_list_or_of_no_one_named_is_no_one_rather_than_the_last_speaker(extract_text):
    for received in ("his counterparts Ulan Niyazbekov and Bakhtiyor Tursunov", "Ulan Niyazbekov"):
        record = extract_text(
            article(f"""
            Interior ministers sign a protocol on migrants

            DUSHANBE (Staff report) -- Interior Minister Ramazon Hamrozoda received {received} on Tuesday.

            "Our police will exchange lists every month," Hamrozoda said.

            "The lists will also go to the border posts and to the consulates," the counterpart said.
        """)
        )
        assert speakers_of(record)[1] == ("The lists will also go to the border posts and to the consulates", None)
