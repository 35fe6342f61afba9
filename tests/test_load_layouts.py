"""The loader on articles of our own making, in layouts the seeds don't show:
datelines of several kinds, attribution before and after, by role and by
pronoun, guillemets, multi-paragraph quotes, interviews, unknown people."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


ASIA_PLUS = article("""
    Tajik border guards to get new equipment under CSTO programme

    DUSHANBE, June 22, 2012, Asia-Plus -- The Collective Security Treaty Organization will deliver equipment to Tajik border guards on the Tajik-Afghan border, CSTO Secretary General Nikolai Bordyuzha told reporters on Friday.

    "We have agreed on the list of equipment, and the first deliveries will be made before the end of the year," Bordyuzha said.

    According to him, "the situation on the Afghan border remains difficult, and we cannot leave Tajikistan alone with this problem."

    The deputy head of the border service, Colonel Rustam Nazarov, said the guards needed night-vision devices. "Our posts in Badakhshan have waited for these devices for years," Nazarov noted.
""")

TASS = article("""
    Lavrov: CSTO will not abandon Armenia
    MOSCOW, January 29. /TASS/. Russian Foreign Minister Sergey Lavrov said on Monday that the CSTO is ready to deploy a monitoring mission to Armenia's border with Azerbaijan.
    Lavrov said: "The offer of a CSTO mission remains on the table. It is up to our Armenian friends to decide."
    "We have never refused to help our ally," the minister stressed.
    Armenian Foreign Minister Ararat Mirzoyan, however, said Yerevan had frozen its participation in the bloc. «Armenia has de facto frozen its participation in the CSTO, and this is a considered decision,» Mirzoyan told journalists in Yerevan.
    Kremlin spokesman Dmitry Peskov declined to comment. "We are in constant contact with our Armenian partners on this issue, and we will continue the dialogue," the Kremlin spokesman noted.
""")

BYLINE_FIRST = article("""
    Wed 15th September 2021 | 11:50 AM
    Kazakh President calls for stronger CSTO response forces
    Kazakh President Kassym-Jomart Tokayev has urged CSTO partners to strengthen the collective rapid reaction forces.
    “The situation in Afghanistan has changed dramatically. We must be ready for any scenario,” Tokayev said at the session.
    “The organisation’s forces must be modern and mobile.
    “They must be able to act within hours, not weeks. This is what our citizens expect from us,” he continued.
""")

INTERVIEW = article("""
    Interview: CSTO chief on the year ahead
    YEREVAN, March 5. /ARKA/. CSTO Secretary General Stanislav Zas gave an interview to ARKA news agency. We publish it in full.
    — Mr. Zas, how do you assess the year that has passed?
    — It was a difficult year for the whole organisation. We held more than a hundred events, including exercises of our collective forces.
    — Is the question of new members on the agenda?
    — No. At present, no state has applied to join the CSTO, and we are not in a hurry.
""")

REUTERS = article("""
    ALMATY (Reuters) - Kazakhstan asked the Russian-led CSTO for help on Wednesday as protests over fuel prices spread.
    "The decision was taken in view of the threat to national security," Armenian Prime Minister Nikol Pashinyan, who chairs the CSTO's collective security council, wrote on Facebook.
    Analysts said the move was a "turning point" for the bloc.
""")


def test_asia_plus_dateline_gives_outlet_and_full_date(extract_text):
    record = extract_text(ASIA_PLUS)
    assert record.source.name == "Asia-Plus"
    assert record.source.evidence.rule == "dateline"
    assert (record.date, record.date_precision) == ("2012-06-22", "day")


def test_attribution_after_before_and_by_pronoun(extract_text):
    record = extract_text(ASIA_PLUS)
    got = [(q.text[:20], q.speaker) for q in record.quotes]
    assert got == [
        ("We have agreed on th", "Nikolai Bordyuzha"),
        ("the situation on the", "Nikolai Bordyuzha"),
        ("Our posts in Badakhs", "Rustam Nazarov"),
    ]
    assert [s.name for s in record.speakers] == ["Nikolai Bordyuzha", "Rustam Nazarov"]


def test_tass_dateline_without_year_gives_outlet_but_no_date(extract_text):
    record = extract_text(TASS)
    assert record.source.name == "TASS"
    assert record.date is None and record.date_precision is None


def test_roles_guillemets_and_office_titles(extract_text):
    record = extract_text(TASS)
    speakers = {q.text[:12]: q.speaker for q in record.quotes}
    assert speakers == {
        "The offer of": "Sergey Lavrov",
        "We have neve": "Sergey Lavrov",  # "the minister stressed"
        "Armenia has ": "Ararat Mirzoyan",  # «guillemets»
        "We are in co": "Dmitry Peskov",  # "the Kremlin spokesman noted"
    }
    roles = {s.name: s.role for s in record.speakers}
    assert roles["Ararat Mirzoyan"] == "Armenian Foreign Minister"
    assert "armenia-membership" in [t.slug for t in record.themes]


def test_byline_before_title_and_multi_paragraph_quote(extract_text):
    record = extract_text(BYLINE_FIRST)
    assert record.title == "Kazakh President calls for stronger CSTO response forces"
    assert (record.date, record.date_evidence.rule) == ("2021-09-15", "byline")
    assert len(record.quotes) == 2
    second = record.quotes[1]
    assert second.text.startswith("The organisation’s forces") and second.text.endswith("expect from us")
    assert second.speaker == "Kassym-Jomart Tokayev"


def test_interview_answers_are_the_interviewees_quotes(extract_text):
    record = extract_text(INTERVIEW)
    assert [q.text[:10] for q in record.quotes] == ["It was a d", "No. At pre"]
    assert {q.speaker for q in record.quotes} == {"Stanislav Zas"}
    assert all(not q.text.endswith("?") for q in record.quotes)


def test_reuters_appositive_attribution_and_scare_quotes(extract_text):
    record = extract_text(REUTERS)
    assert record.source.name == "Reuters"
    assert record.title_derived
    assert [(q.text[:12], q.speaker) for q in record.quotes] == [("The decision", "Nikol Pashinyan")]


def test_date_in_body_is_not_the_publication_date(extract_text):
    record = extract_text(
        article("""
        CSTO drills end in Tajikistan
        The exercises ended on 12 March 2024 at a range near Dushanbe, the ministry said.
        Photo: exercises on 10 March 2024
        """)
    )
    assert record.date is None


def test_unknown_person_with_patronymic_is_found(extract_text):
    record = extract_text(
        article("""
        Expert doubts CSTO reform
        "The organisation has to decide what it is for, otherwise it will slowly fade away," political scientist Arkady Petrovich Dubnov told the outlet.
        """)
    )
    assert [s.name for s in record.speakers] == ["Arkady Petrovich Dubnov"]
