"""Themes on sentences of our own making: an exercise named by its year ("the Cobalt-2024
exercises") is a military exercise without the words "joint" or "CSTO" beside it, and
Armenia returning (or not) to the bloc is its membership, not the bloc's enlargement."""

from __future__ import annotations

import pytest

TITLE = "Ministers meet in Bishkek"
OPENING = "Defence ministers of the member states met in Bishkek on Wednesday."


def themes(extract_text, sentence: str, title: str = TITLE) -> set[str]:
    """The themes of a short article: a title, an opening sentence that carries none, and `sentence`."""
    record = extract_text(f"{title}\n\n{OPENING}\n\n{sentence}\n")
    return {hit.slug for hit in record.themes}


@pytest.mark.parametrize(
    "sentence",
    [
        "The sides also discussed preparations for the Cobalt-2024 exercises.",
        "Troops will take part in drills dubbed Rubezh-2023 in September.",
        "The “Interaction-2025” manoeuvres will be held near Brest.",
    ],
)
def test_an_exercise_named_by_its_year_is_a_military_exercise(extract_text, sentence):
    assert "military-exercises" in themes(extract_text, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers discussed the budget for 2024-2025 and the secretariat's staff.",
        "Kazakhstan exercised its right to chair the meeting in 2024.",
    ],
)
def test_a_year_range_or_another_exercise_is_not(extract_text, sentence):
    assert "military-exercises" not in themes(extract_text, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Pashinyan said Yerevan would not return to the bloc under any circumstances.",
        "Analysts doubt that Armenia will ever rejoin the organization's work in full.",
        "Nobody expects a return to the CSTO, a senior official in Yerevan said.",
    ],
)
def test_armenia_returning_is_not_enlargement(extract_text, sentence):
    assert "enlargement" not in themes(extract_text, sentence)


def test_another_state_returning_is_still_enlargement(extract_text):
    sentence = "Uzbekistan could return to the CSTO if the security situation worsened, the minister said."
    assert "enlargement" in themes(extract_text, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Armenian Prime Minister Nikol Pashinyan did not attend the summit.",
        "Armenia did not take part in the meeting, for the third time in a year.",
    ],
)
def test_armenia_attending_or_not_is_its_membership(extract_text, sentence):
    assert "armenia-membership" in themes(extract_text, sentence, "CSTO leaders meet in Minsk")


def test_a_list_of_the_states_that_attended_is_not(extract_text):
    sentence = "Leaders of Kazakhstan, Kyrgyzstan, Russia and Armenia attended the ceremony."
    assert "armenia-membership" not in themes(extract_text, sentence, "CSTO leaders meet in Minsk")


@pytest.mark.parametrize(
    "sentence",
    [
        "Azerbaijan has no plans to join the Russian-led CSTO, the president said.",
        "Uzbekistan joins the Moscow-led security bloc again, analysts expect.",
    ],
)
def test_joining_the_bloc_with_words_between_is_enlargement(extract_text, sentence):
    assert "enlargement" in themes(extract_text, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tajikistan has asked its allies for help in reinforcing its border with Afghanistan.",
        "The bloc will hold drills near the Afghan border later this month.",
    ],
)
def test_the_tajik_afghan_border_in_other_words(extract_text, sentence):
    assert "tajik-afghan-border" in themes(extract_text, sentence)


def test_afghanistan_alone_is_not_the_border(extract_text):
    assert "tajik-afghan-border" not in themes(extract_text, "The ministers discussed the situation in Afghanistan.")
