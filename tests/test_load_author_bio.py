"""The note about the author that closes an analysis or a feature ("Joshua Kucera is the
Turkey/Caucasus editor at Eurasianet."): with no byline, it names the author. The outlet it
names employs the author and is not taken as the publisher: a reposted piece keeps the note.
Articles of our own making; none of the seeds ends this way."""

from __future__ import annotations

import pytest

TITLE = "Why the CSTO stays silent on Armenia"
BODY = (
    "The organization's secretariat has said almost nothing since Yerevan froze its participation.\n\n"
    "Officials in Moscow say privately that the bloc has no procedure for a member that stops attending."
)


def article(note: str, header: str = "") -> str:
    return f"{header}{TITLE}\n\n{BODY}\n\n{note}\n"


@pytest.mark.parametrize(
    ("note", "author", "outlet"),
    [
        ("Joshua Kucera is the Turkey/Caucasus editor at Eurasianet.", "Joshua Kucera", "Eurasianet"),
        ("Catherine Putz is the managing editor of The Diplomat.", "Catherine Putz", "The Diplomat"),
        (
            "Aigerim Toleukhanova is a journalist based in Almaty and a contributor to Eurasianet.",
            "Aigerim Toleukhanova",
            "Eurasianet",
        ),
        ("Ani Mejlumyan is a freelance reporter for OC Media, based in Yerevan.", "Ani Mejlumyan", "OC Media"),
    ],
)
def test_the_note_about_the_author_names_the_author_not_the_publisher(extract_text, note, author, outlet):
    record = extract_text(article(note))
    assert record.author == author
    assert record.author_evidence.rule == "author-bio"
    assert record.source is None  # `outlet` employs the author; who published this copy is not said
    assert record.body[-1] == note  # the note is the article's own words: kept


def test_an_outlet_the_registry_does_not_know_still_names_the_author(extract_text):
    record = extract_text(article("Marta Kowalska is a correspondent for Gazeta Wschodnia."))
    assert record.author == "Marta Kowalska"
    assert record.source is None


def test_a_better_source_wins_over_the_note(extract_text):
    header = "date 2024-06-14 https://www.rferl.org/a/csto-armenia/33000000.html\n"
    record = extract_text(article("Joshua Kucera is the Turkey/Caucasus editor at Eurasianet.", header))
    assert record.source.evidence.rule != "author-bio"
    assert record.author == "Joshua Kucera"


def test_a_byline_wins_over_the_note(extract_text):
    text = f"{TITLE}\n\nBy Anna Petrova\n\n{BODY}\n\nJoshua Kucera is the Turkey/Caucasus editor at Eurasianet.\n"
    record = extract_text(text)
    assert record.author == "Anna Petrova"


@pytest.mark.parametrize(
    "note",
    [
        # not a journalist: an op-ed author's institute names no outlet, and no author is guessed from it
        "Alexander Cooley is director of the Harriman Institute at Columbia University.",
        # someone the story speaks of, not its author
        "Officials say Kucera is the editor at Eurasianet whom Kucera himself trained.",
    ],
)
def test_other_notes_name_no_author(extract_text, note):
    record = extract_text(article(note))
    assert record.author is None
    assert record.source is None


def test_a_reporter_the_story_quotes_is_not_its_author(extract_text):
    body = (
        f"{TITLE}\n\nThe secretariat has said almost nothing, according to Arman Grigoryan, who covered the summit.\n\n"
        '"Nobody wanted to talk about Armenia," Grigoryan said.\n\n'
        "Arman Grigoryan is a correspondent for CivilNet.\n"
    )
    record = extract_text(body)
    assert record.author is None
