"""Gaps in who an attribution names: a comma is no name, long titles with "to" and "in", the aide and
the counterpart as offices, and a short claim in a clause reported after "that".

1. A lone capitalised word is no one's name for the comma after it alone ("the Swedish envoy to
   Portugal, arrived"): the place does not become a person and so does not hide the role before it.
   A surname with an aside and a verb of speech after it ("Lind, who leads the delegation, said")
   is still a name.
2. A title joined by "to" or "in" ("Uzbek Ambassador to Armenia X", "the envoy in Baku X",
   "Permanent Representative to the OSCE X") is the role, with the words as evidence.
3. "the presidential aide" and "her Tajik counterpart" name the one person the article gives that
   office; with two such people, or none, the quote is no one's.
4. After "told X that" or "said on Friday that", a short quoted predicate ("the patrols "deter
   smugglers"") is the claim of the named speaker; scare quotes in such a clause are still no quote.
"""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def speakers_of(record) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in record.quotes]


def roles_of(record) -> dict[str, str | None]:
    return {s.name: s.role for s in record.speakers}


# -- 1. a comma alone is no evidence of a name ------------------------------------------------------

ENVOYS = article("""
    Envoys gather in Lisbon for the security forum

    LISBON, April 9, 2026. Mira Lind, the Swedish envoy to Portugal, arrived on Thursday. Tomas Halvorsen, Norway's ambassador to Portugal, opened the second session.

    "Regional security cannot be discussed without Central Asia," Lind told the forum.

    Lind, who leads the Nordic delegation, said the talks would go on next year. "We will come back with proposals," Halvorsen said.
""")


def test_a_place_before_a_comma_is_no_person_and_leaves_the_role_before_it(extract_text):
    record = extract_text(ENVOYS)
    assert "Portugal" not in {s.name for s in record.speakers}
    roles = roles_of(record)
    assert roles["Mira Lind"] == "Swedish envoy to Portugal"
    assert roles["Tomas Halvorsen"] == "Norway's ambassador to Portugal"
    assert speakers_of(record) == [
        ("Regional security cannot be discussed without Central Asia", "Mira Lind"),
        ("We will come back with proposals", "Tomas Halvorsen"),
    ]


ASIDE_THEN_VERB = article("""
    Observers report on the vote

    BISHKEK, April 9, 2026. Observers from the assembly watched the vote in three regions.

    Okonkwo, who led the observers, said the count was orderly. "We saw no serious violations at the polling stations," Okonkwo added.

    Next year Greenland, a territory of Denmark, may send observers too. "They would be welcome to join the mission next time," he said.
""")


def test_a_lone_word_with_an_aside_and_a_verb_of_speech_is_a_name_but_one_with_a_comma_only_is_not(extract_text):
    record = extract_text(ASIDE_THEN_VERB)
    assert speakers_of(record) == [
        ("We saw no serious violations at the polling stations", "Okonkwo"),
        ("They would be welcome to join the mission next time", "Okonkwo"),
    ]
    assert {s.name for s in record.speakers} == {"Okonkwo"}


# -- 2. long titles joined by "to" and "in" ---------------------------------------------------------

TITLES_TO_AND_IN = article("""
    Diplomats comment on the CSTO summit

    YEREVAN, April 9, 2026. Uzbek Ambassador to Armenia Bakhtiyor Ergashev said on Monday that his country follows the summit closely. Permanent Representative to the OSCE Arkady Lisitsyn and the envoy in Baku Karen Ohanian attended the reception.

    "Tashkent is interested in stability on all its borders," Ergashev said.

    "The organisation should talk to everyone in the region," Lisitsyn said.

    "Baku is watching these meetings carefully," Ohanian said.
""")


def test_a_title_joined_by_to_or_in_is_the_role_with_its_words_as_evidence(extract_text):
    record = extract_text(TITLES_TO_AND_IN)
    roles = roles_of(record)
    assert roles["Bakhtiyor Ergashev"] == "Uzbek Ambassador to Armenia"
    assert roles["Arkady Lisitsyn"] == "Permanent Representative to the OSCE"
    assert roles["Karen Ohanian"] == "envoy in Baku"
    evidence = {s.name: s.evidence for s in record.speakers}
    assert "Uzbek Ambassador to Armenia Bakhtiyor Ergashev" in evidence["Bakhtiyor Ergashev"].text
    assert "envoy in Baku Karen Ohanian" in evidence["Karen Ohanian"].text


# -- 3. the aide and the counterpart ----------------------------------------------------------------

AIDE_AND_COUNTERPART = article("""
    Minsk and Dushanbe prepare the summit

    MINSK, April 9, 2026. Presidential aide Pavel Kuchinsky met reporters after the talks. Belarusian Foreign Minister Olga Sarkisova held talks with her Tajik counterpart Farrukh Nazarov.

    "The heads of state will sign the declaration in October," the presidential aide said.

    "Dushanbe supports every point of the draft," her Tajik counterpart said.
""")


def test_the_aide_and_the_counterpart_are_the_one_person_holding_that_office_else_no_one(extract_text):
    assert speakers_of(extract_text(AIDE_AND_COUNTERPART)) == [
        ("The heads of state will sign the declaration in October", "Pavel Kuchinsky"),
        ("Dushanbe supports every point of the draft", "Farrukh Nazarov"),
    ]
    # two aides, two counterparts: which one is not ours to guess
    assert speakers_of(extract_text(TWO_AIDES)) == [
        ("The visit will take two days and include a bilateral meeting", None),
        ("We have agreed on a joint plan for the autumn exercises", None),
    ]
    # no aide at all: not the spokesman either
    assert speakers_of(extract_text(NO_AIDE)) == [
        ("Nothing has been decided about the date of the next exercise", None)
    ]


TWO_AIDES = article("""
    Kremlin prepares the Astana visit

    MOSCOW, April 9, 2026. Kremlin aide Igor Salnikov and Kremlin aide Vadim Korovin briefed journalists. Russian Defence Minister Gleb Volnov met his Kazakh counterpart Nurlan Serikbayev and his Kyrgyz counterpart Taalai Osmonov.

    "The visit will take two days and include a bilateral meeting," the Kremlin aide said.

    "We have agreed on a joint plan for the autumn exercises," his counterpart said.
""")


NO_AIDE = article("""
    Kremlin comments on the exercise

    MOSCOW, April 9, 2026. Kremlin spokesman Lev Dorin spoke to reporters on Tuesday.

    "Nothing has been decided about the date of the next exercise," the Kremlin aide said.
""")


# -- 4. a claim after "that" ------------------------------------------------------------------------

CLAIMS_AFTER_THAT = article("""
    Border patrols extended in Tajikistan

    DUSHANBE, April 9, 2026. The joint patrols on the Afghan border were extended by a month.

    Saida Rahimova, a researcher at the Dushanbe Institute of Strategy, told Asia-Plus on Friday that the patrols "deter smugglers" in the valley.

    Rahimova said on Saturday that the decision "changes the whole picture" for the region. She also told reporters that the extension "posed new questions" for the budget.

    Officials said that the so-called "border belt" would be closed. Rahimova said that the "red line" was clear to everyone. She told reporters that the new "buffer zones" were ready and that the talks "in good faith" went on.
""")


def test_a_short_predicate_quoted_after_told_or_said_that_is_the_named_speakers_claim(extract_text):
    record = extract_text(CLAIMS_AFTER_THAT)
    assert speakers_of(record) == [
        ("deter smugglers", "Saida Rahimova"),
        ("changes the whole picture", "Saida Rahimova"),
        ("posed new questions", "Saida Rahimova"),
    ]
