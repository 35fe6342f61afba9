"""A quote split around its attribution keeps its second half, credited as the first is; an office
written before a name holds lower-case words, "for", or a comma and a rank before the name."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


SPLIT = article("""
    CSTO to fund border programme

    ASTANA, March 3, 2025. The Collective Security Treaty Organization will fund the border programme.

    "We are ready," Tasmagambetov said, "to finance the first stage from the joint budget already in 2025."

    "The CSTO is not a club where you come and go as you please," Belarusian President Aleksandr Lukashenko said, "and those who leave will have to explain why to their own people."
""")


def test_a_quote_split_around_a_short_attribution_keeps_both_halves_for_the_same_speaker(extract_text):
    record = extract_text(SPLIT)
    got = [(q.text, q.speaker, q.kind, q.paragraph) for q in record.quotes]
    assert got == [
        ("We are ready", "Imangali Tasmagambetov", "quoted", 1),
        ("to finance the first stage from the joint budget already in 2025.", "Imangali Tasmagambetov", "quoted", 1),
        ("The CSTO is not a club where you come and go as you please", "Alexander Lukashenko", "quoted", 2),
        ("and those who leave will have to explain why to their own people.", "Alexander Lukashenko", "quoted", 2),
    ]
    assert [q.evidence.text for q in record.quotes] == [
        "Tasmagambetov said",
        "Tasmagambetov said",
        "Belarusian President Aleksandr Lukashenko said",
        "Belarusian President Aleksandr Lukashenko said",
    ]
    assert all(q.text in " ".join(record.body) for q in record.quotes)  # each half is a span of the text


TWO_VOICES = article("""
    Armenia and Belarus differ

    MINSK, March 3, 2025. The summit ended without a joint statement.

    "We are ready to stay in the bloc," Lukashenko said, while Pashinyan said, "not under these conditions, and not this year."

    "Interaction-2025," the ministry said, "will be held in Belarus."
""")


def test_a_second_half_after_another_name_or_after_a_title_is_not_the_first_speakers(extract_text):
    record = extract_text(TWO_VOICES)
    got = [(q.text, q.speaker) for q in record.quotes]
    # Pashinyan's words stay his; a quoted title is no quotation, so neither is what follows it.
    assert ("not under these conditions, and not this year.", "Alexander Lukashenko") not in got
    assert got[0] == ("We are ready to stay in the bloc", "Alexander Lukashenko")
    assert all(not q.text.startswith("will be held") for q in record.quotes)


def _roles(record) -> dict[str, str | None]:
    return {s.name: s.role for s in record.speakers}


BORDER = article("""
    Kyrgyz ministry demands CSTO reaction

    BISHKEK, March 3, 2025. Kyrgyzstan asked the CSTO to react.

    Head of the Kyrgyz border service Kamchybek Tashiev said he had agreed on a ceasefire. "We have agreed to pull back the troops," Tashiev told journalists.
""")

COMMITTEE = article("""
    Tashiev in Dushanbe

    DUSHANBE, March 3, 2025. Talks on the border resumed.

    Head of the State Committee for National Security Kamchybek Tashiev arrived in Dushanbe. "We have agreed to pull back the troops," Tashiev told journalists.
""")

STAFF = article("""
    Drills end in Tajikistan

    DUSHANBE, March 3, 2025. The CSTO drills ended.

    Tajik Defence Minister Sherali Mirzo and the Chief of the CSTO Joint Staff, Colonel General Anatoly Sidorov, watched the final stage. "The troops have shown their skill," Sidorov said.
""")

RANK_ONLY = article("""
    Drills end in Tajikistan

    DUSHANBE, March 3, 2025. The CSTO drills ended.

    In the Ministry of Defence, Colonel General Anatoly Sidorov met the press. "The troops have shown their skill," Sidorov said.

    "The region is tense," said Zaur Shiriyev of the International Crisis Group.
""")


def test_an_office_in_lower_case_words_is_the_role(extract_text):
    assert _roles(extract_text(BORDER))["Kamchybek Tashiev"] == "Head of the Kyrgyz border service"


def test_an_office_joined_by_for_is_the_whole_role_not_its_last_words(extract_text):
    record = extract_text(COMMITTEE)
    assert _roles(record)["Kamchybek Tashiev"] == "Head of the State Committee for National Security"


def test_an_office_then_a_comma_and_a_rank_gives_the_office(extract_text):
    record = extract_text(STAFF)
    assert _roles(record)["Anatoly Sidorov"] == "Chief of the CSTO Joint Staff"
    evidence = {s.name: s.evidence.text for s in record.speakers}
    assert evidence["Anatoly Sidorov"] == "Chief of the CSTO Joint Staff, Colonel General Anatoly Sidorov"


def test_a_place_then_a_comma_and_a_rank_is_no_office_and_an_affiliation_is_the_role(extract_text):
    roles = _roles(extract_text(RANK_ONLY))
    assert roles["Anatoly Sidorov"] == "Colonel General"  # "In the Ministry of Defence" is where, not his office
    # "of the International Crisis Group" says where he works: with nothing better, that is what is shown
    assert roles["Zaur Shiriyev"] == "International Crisis Group"
