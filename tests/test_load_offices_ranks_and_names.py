"""Who an office names, ranks cut short, exercise names and appositive roles.

An office with a country's adjective ("the Armenian minister") is someone of that country, never the
holder of another country's office; a rank cut short ("Lt. Gen.") does not end an attribution's
subject; an exercise or an operation ("Frontier-2026") is no one's name; and "X, director of the Y
Institute at Z University," gives X that role.
"""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def speakers_of(record) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in record.quotes]


# -- 1. an office with a nationality --------------------------------------------------------------

COUNTERPART = article("""
    Astana and Yerevan compare notes before the summit

    ASTANA, May 14, 2025. Kazakh Foreign Minister Daniyar Abenov held talks on Wednesday with his Armenian counterpart Hovik Sargsyan.

    "The agenda of the summit has been agreed by all delegations," Abenov told journalists after the meeting.

    Sargsyan, in turn, said Yerevan would send a delegation. "Armenia wants clear answers before it decides anything," the Armenian minister said.
""")


def test_an_office_with_a_nationality_is_the_counterpart_of_that_country_not_the_other_minister(extract_text):
    record = extract_text(COUNTERPART)
    assert speakers_of(record) == [
        ("The agenda of the summit has been agreed by all delegations", "Daniyar Abenov"),
        ("Armenia wants clear answers before it decides anything", "Hovik Sargsyan"),
    ]
    # "counterpart" tells whose office it is; it is no role to show.
    assert {s.name: s.role for s in record.speakers}["Hovik Sargsyan"] is None


NO_SUCH_MINISTER = article("""
    Defence ministers meet in Dushanbe

    DUSHANBE, June 2, 2025. Russian Defence Minister Pavel Volkonsky arrived for the meeting of the council on Monday.

    "We will strengthen the southern border together with our allies," Volkonsky said.

    "Our troops are ready to take part in the joint exercise this autumn," the Tajik minister said.
""")


def test_an_office_of_a_country_no_one_named_holds_is_no_one_rather_than_another_countrys_minister(extract_text):
    record = extract_text(NO_SUCH_MINISTER)
    got = speakers_of(record)
    assert got[0] == ("We will strengthen the southern border together with our allies", "Pavel Volkonsky")
    assert got[1] == ("Our troops are ready to take part in the joint exercise this autumn", None)


ONLY_THE_COUNTRY_FITS = article("""
    Moscow and Astana sign a grain deal

    MOSCOW, July 9, 2025. Russian President Vladimir Putin received the delegation, which was led by Kazakh deputy foreign minister Yerlan Dzhaksybekov.

    "We have agreed on the volumes for the next three years," Putin said.

    "Our farmers will welcome the new quotas," the Kazakh president said.
""")


def test_a_nationality_and_an_office_must_both_fit_one_person(extract_text):
    record = extract_text(ONLY_THE_COUNTRY_FITS)
    got = speakers_of(record)
    assert got[0][1] == "Vladimir Putin"
    # Putin is a president, but not Kazakh; the Kazakh official named is no president.
    assert got[1] == ("Our farmers will welcome the new quotas", None)


SIDES_ENVOY = article("""
    Envoys meet in Vienna

    VIENNA, April 3, 2025. Gevorg Hakobyan, the Armenian ambassador to Kazakhstan, met Russian envoy Igor Markelov in Vienna on Thursday.

    "We discussed the work of the observers in detail," Markelov said afterwards.

    "Yerevan expects written guarantees, not promises," the Armenian side's envoy said.
""")


def test_a_sides_envoy_is_of_that_side_and_an_ambassador_to_a_country_is_not_of_it(extract_text):
    record = extract_text(SIDES_ENVOY)
    got = speakers_of(record)
    assert got[0][1] == "Igor Markelov"
    assert got[1] == ("Yerevan expects written guarantees, not promises", "Gevorg Hakobyan")


AMBASSADOR_TO = article("""
    Ambassadors on the union state

    MINSK, April 8, 2025. Belarusian Ambassador Ivan Stasevich and Boris Gryzunov, the Russian ambassador to Belarus, met students of the university on Tuesday.

    "Our students should study in both countries," the Belarusian ambassador said.

    "The union state is a model for the whole region," the Russian ambassador said.
""")


def test_an_ambassador_to_a_country_keeps_his_own_nationality(extract_text):
    record = extract_text(AMBASSADOR_TO)
    assert speakers_of(record) == [
        ("Our students should study in both countries", "Ivan Stasevich"),
        ("The union state is a model for the whole region", "Boris Gryzunov"),
    ]


# -- 2. ranks cut short ---------------------------------------------------------------------------

SHORT_RANKS = article("""
    Border chiefs meet in Bishkek

    BISHKEK, Oct 7, 2025 (Steppe Wire) - The heads of the border services of the bloc met on Tuesday.

    "We will double the patrols on the southern section next year," CSTO border coordination chief Maj. Gen. Ruslan Ermekov said.

    "Nothing has been decided about the new posts," said the chief of staff, Brig. Gen. Timur Asanaliev.

    "The funding for the new equipment is secured," Lt. Col. Marat Bekov told reporters.

    "The roads to the posts will be repaired by spring," said Gov. Askar Umarov.

    "The new posts will be staffed by local conscripts," said Mr. Bekov.
""")


def test_the_stops_of_short_ranks_do_not_end_the_subject_of_an_attribution(extract_text):
    record = extract_text(SHORT_RANKS)
    assert [q.speaker for q in record.quotes] == [
        "Ruslan Ermekov",
        "Timur Asanaliev",
        "Marat Bekov",
        "Askar Umarov",
        "Marat Bekov",
    ]
    assert [q.evidence.text for q in record.quotes] == [
        "CSTO border coordination chief Maj. Gen. Ruslan Ermekov said",
        "said the chief of staff, Brig. Gen. Timur Asanaliev",
        "Lt. Col. Marat Bekov told",
        "said Gov. Askar Umarov",
        "said Mr. Bekov",  # an honorific's stop, too, ends no subject
    ]
    roles = {s.name: s.role for s in record.speakers}
    # The office is the role; the rank is no part of it, nor of the name.
    assert roles["Ruslan Ermekov"] == "CSTO border coordination chief"
    assert roles["Timur Asanaliev"] == "chief of staff"


RANK_BEFORE_A_LEAD = article("""
    Drills end in Tajikistan

    DUSHANBE, Oct 9, 2025. The exercise ended on Thursday.

    According to Lt. Gen. Rustam Nazarzoda, "the troops have shown that they can act together."
""")


def test_a_short_rank_in_a_lead_in_does_not_split_its_sentence(extract_text):
    record = extract_text(RANK_BEFORE_A_LEAD)
    assert [(q.speaker, q.evidence.rule) for q in record.quotes] == [("Rustam Nazarzoda", "before")]


# -- 3. exercises and operations --------------------------------------------------------------------

EXERCISES = article("""
    Drills on the southern border

    DUSHANBE, Sept 20, 2025. Tajik Defence Minister Emomali Sobirzoda watched the final stage of the CSTO exercises Steadfast Shield-2025 on Friday.

    "Our units have shown that they can act together with the allies," he said.

    The Granite Ridge drills and Operation Kanal-Patrol, held near the border, followed. "The border is calm now," he added.

    Last year Rubezh-2024, with 1,500 troops, was held in Kyrgyzstan. "We learned a great deal from it," he said.
""")


def test_an_exercise_or_an_operation_is_no_ones_name(extract_text):
    record = extract_text(EXERCISES)
    assert [q.speaker for q in record.quotes] == ["Emomali Sobirzoda"] * 3
    assert [s.name for s in record.speakers] == ["Emomali Sobirzoda"]


def test_a_name_before_a_year_or_an_exercise_word_is_not_read_as_a_person():
    from csto_digest.config import load_config
    from csto_digest.load.people import build_index

    registry = load_config(None).registry
    text = (
        "Troops of Interaction-2023 and of the Echo Mountain exercise, the Silver Gate operation and the Night "
        "Falcon drills met. Operation Kanal-Patrol, which began in May, goes on. Anna Petrova said so."
    )
    names = {m.words for m in build_index(text, registry, registry.non_person_words).mentions}
    assert names == {"Anna Petrova"}


# -- 4. roles set off by commas after a name ----------------------------------------------------------

APPOSITIVES = article("""
    Experts weigh the bloc's new mission

    SHANGHAI, Nov 3, 2025 (Pacific Herald) - Experts disagree on what the new mission will change.

    Chen Wei, director of the Centre for Eurasian Security Studies at the East China Institute of International Affairs, told the Pacific Herald on Monday that the mission "changes the balance in the region".

    "The bloc wants to show it can still act," Chen said.

    Olga Markova, senior research fellow at the Minsk Centre for Strategic Analysis, said the mission was overdue.

    "We expected this decision a year ago," Markova said.

    Pavel Sorin, head of the department of Central Asian studies at the Institute of Oriental Studies of the Russian Academy of Sciences in Moscow, was more cautious. "Missions like this rarely end on time," Sorin said.
""")


def test_an_office_at_an_institution_after_a_name_and_a_comma_is_the_role(extract_text):
    record = extract_text(APPOSITIVES)
    roles = {s.name: s.role for s in record.speakers}
    assert roles["Chen Wei"] == (
        "director of the Centre for Eurasian Security Studies at the East China Institute of International Affairs"
    )
    assert roles["Olga Markova"] == "senior research fellow at the Minsk Centre for Strategic Analysis"
    # Too long a role is cut where the institution is added, never inside its name.
    assert roles["Pavel Sorin"] == "head of the department of Central Asian studies"
    assert [q.speaker for q in record.quotes] == ["Chen Wei", "Chen Wei", "Olga Markova", "Pavel Sorin"]


def test_a_clause_after_a_role_is_no_part_of_it():
    from csto_digest.config import load_config
    from csto_digest.load.people import build_index

    registry = load_config(None).registry
    text = (
        "Ruslan Temirov, head of the delegation that arrived on Monday from Kazakhstan and Kyrgyzstan, said little. "
        "Aigul Sarsenova, chairwoman of the council since it was set up by the founders of the Steppe Institute, "
        "said more."
    )
    index = build_index(text, registry, registry.non_person_words)
    assert {name: role for name, (role, _evidence) in index.roles.items()} == {
        "Ruslan Temirov": "head of the delegation",
        "Aigul Sarsenova": "chairwoman of the council",
    }
