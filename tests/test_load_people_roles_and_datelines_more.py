"""A capitalised common noun opening a sentence is no one's name; an office with a rank or an
office word such as "aide" before a name is the role; a dateline naming two cities still gives
its agency as the source."""

from __future__ import annotations

import textwrap

import pytest


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def _speakers(record) -> list[str]:
    return [s.name for s in record.speakers]


def _registry():
    from csto_digest.config import load_config

    return load_config(None).registry


def _roles(record) -> dict[str, str | None]:
    return {s.name: s.role for s in record.speakers}


# --- 1. a lone capitalised word before "is", "has", "said" -----------------------------------------

INTERVIEW = article("""
    Border chief on the southern frontier

    DUSHANBE, May 14, 2025. We talked to Rustam Sharipzoda, who commands the border guard's southern detachment.

    Q: Is the detachment ready for the summer?

    A: Readiness is higher than last year. We have new posts along the river.

    Q: And the funding?

    A: Procurement has been slow, frankly. Two of the trucks arrived in April.

    Q: What do you expect from the allies?

    A: Dialogue is the main thing. The rest follows.
""")


def test_a_common_noun_opening_an_answer_is_not_the_interviewee(extract_text):
    from csto_digest.load.people import find_mentions

    record = extract_text(INTERVIEW)
    names = _speakers(record)
    mentioned = {m.words for m in find_mentions("\n\n".join(record.body), _registry(), set())}
    for word in ("Readiness", "Procurement", "Dialogue"):
        assert word not in names and word not in mentioned
        assert all(q.speaker != word for q in record.quotes)


STATEMENT = article("""
    Plant near Gyumri to close

    GYUMRI, June 2, 2025. The repair plant that serviced the allied vehicles will close in the autumn.

    Management said: "The orders from the ministry have stopped and we had no choice."

    Leadership was handed to an interim board. "It will wind the plant down," a worker said.
""")


def test_a_word_with_a_common_noun_ending_is_never_a_lone_name_even_before_said(extract_text):
    record = extract_text(STATEMENT)
    assert "Management" not in _speakers(record)
    assert all(q.speaker is None for q in record.quotes)


LONE_SURNAMES = article("""
    Envoys prepare the Dushanbe session

    DUSHANBE, May 14, 2025. The envoys met behind closed doors.

    Boltaboyev said the agenda was agreed. "We will sign the border protocol," he added.

    Harding is expected to arrive later. "Nothing is settled yet," he said.

    Karimzoda will chair the session. "The hall is ready," he said.
""")


def test_a_lone_surname_before_said_counts_but_before_a_copula_alone_needs_more(extract_text):
    record = extract_text(LONE_SURNAMES)
    names = _speakers(record)
    assert "Boltaboyev" in names  # a verb of speech proper
    assert "Karimzoda" in names  # a surname ending of the region is evidence too
    assert "Harding" not in names  # a copula alone, and a word such as "Building": no one's name


FULL_THEN_SHORT = article("""
    Envoys prepare the Dushanbe session

    DUSHANBE, May 14, 2025. Warren Harding, an observer from the mission, spoke to reporters.

    Harding is expected to report to the council. "Nothing is settled yet," he said.
""")


def test_a_lone_word_with_a_common_noun_ending_is_the_surname_of_a_full_name_written_before(extract_text):
    record = extract_text(FULL_THEN_SHORT)
    assert _speakers(record) == ["Warren Harding"]


def test_honorific_and_registry_still_make_a_lone_word_a_name():
    from csto_digest.config import load_config
    from csto_digest.load.people import find_mentions

    registry = load_config(None).registry
    text = "Mr. Fleming is expected to attend. Lavrov is expected to attend. Courage is needed."
    assert [m.words for m in find_mentions(text, registry, set())] == ["Fleming", "Lavrov"]


# --- 2. roles: a rank between the office and the name; office words -------------------------------

RANKED = article("""
    Staff talks in Bishkek

    BISHKEK, April 9, 2025. The joint staff met the defence ministers' deputies.

    "The plan for the autumn drill is approved," CSTO Joint Staff chief Col. Gen. Ivan Korotkevich told the meeting.

    Border guard commander Maj. Gen. Rustam Sharipzoda said: "We will need more helicopters."

    National Guard commander Lieutenant General Aibek Turganov said: "Our units are ready."
""")


def test_an_office_then_an_abbreviated_rank_then_the_name_gives_the_office(extract_text):
    roles = _roles(extract_text(RANKED))
    assert roles["Rustam Sharipzoda"] == "Border guard commander"
    assert roles["Aibek Turganov"] == "National Guard commander"


def test_the_office_before_an_abbreviated_rank_is_kept_with_the_rank_in_the_evidence():
    from csto_digest.config import load_config
    from csto_digest.load.people import build_index

    registry = load_config(None).registry
    text = "CSTO Joint Staff chief Col. Gen. Ivan Korotkevich told the meeting the plan was approved."
    index = build_index(text, registry, set())
    role, evidence = index.roles["Ivan Korotkevich"]
    assert role == "CSTO Joint Staff chief"
    assert evidence.text == "CSTO Joint Staff chief Col. Gen. Ivan Korotkevich"


OFFICES = article("""
    Officials comment on the summit

    YEREVAN, April 9, 2025. The summit drew comment across the region.

    Presidential aide Farid Gasymov said: "Baku follows the talks closely."

    Military attaché Pierre Lemaire said: "We were not invited."

    Judge Arman Sargsyan said: "The court will rule next week."

    Rector Hovik Melkonyan said: "Our students will take part in the forum."
""")


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Farid Gasymov", "Presidential aide"),
        ("Pierre Lemaire", "Military attaché"),
        ("Arman Sargsyan", "Judge"),
        ("Hovik Melkonyan", "Rector"),
    ],
)
def test_office_words_before_a_name_are_the_role(extract_text, name, role):
    assert _roles(extract_text(OFFICES))[name] == role


def test_the_day_opening_the_sentence_is_not_part_of_a_lower_case_office(extract_text):
    record = extract_text(
        article("""
        Kremlin on the summit

        MOSCOW, April 9, 2025. The Kremlin commented on the summit.

        On Friday Kremlin spokesman Dmitry Peskov said: "The date will be set by the chair."
    """)
    )
    assert _roles(record)["Dmitry Peskov"] == "Kremlin spokesman"


# --- 3. datelines naming two cities ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "agency", "date"),
    [
        ("TASHKENT/BISHKEK, Oct. 5 (Kabar) -- The bloc's ministers met.", "Kabar", None),
        ("ASTANA/TASHKENT, June 5, 2025 (Reuters) - The ministers met.", "Reuters", "2025-06-05"),
        ("PARIS/MINSK (AP) — The ministers met.", "AP", None),
        ("BERLIN and YEREVAN, May 2 (AFP) - The ministers met.", "AFP", None),
        ("Tbilisi/Yerevan (Civil.ge) - The ministers met.", "Civil.ge", None),
        ("KABUL, March 3, 2025 (Pajhwok) - The ministers met.", "Pajhwok", "2025-03-03"),
    ],
)
def test_a_dateline_of_two_cities_gives_its_agency(line, agency, date):
    from csto_digest.load.outlets import find_dateline

    found = find_dateline(line)
    assert found is not None and found.agency == agency
    assert (found.date.value if found.date else None) == date


def test_two_cities_and_an_agency_make_the_source(extract_text):
    record = extract_text(
        article("""
        Ministers meet on the Afghan border

        DUSHANBE/KABUL, Oct. 5 (Asia-Plus) -- The bloc's defence ministers met near the border.
    """)
    )
    assert record.source is not None and record.source.name == "Asia-Plus"
    assert record.date is None  # no year in the dateline: no date


@pytest.mark.parametrize(
    "line",
    [
        "EU/NATO (Opinion) - the west watches.",
        "ARMENIA/AZERBAIJAN (Analysis) — a long road to peace.",
        "Kazakhstan and Kyrgyzstan (Explainer) — what the border deal says.",
    ],
)
def test_a_genre_label_in_brackets_after_two_names_is_no_agency(line):
    from csto_digest.load.outlets import find_dateline

    found = find_dateline(line)
    assert found is None or found.agency is None
