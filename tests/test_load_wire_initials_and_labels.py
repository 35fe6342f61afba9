"""Lines of our own making that wires and ministries print around a story and the seeds
do not: a wire's desk initials closing it ("ak dp"), its end mark, a blog's footer, and the
interviewer's credit under an interview ("Interview by ...")."""

from __future__ import annotations

import pytest

HEADLINE = "CSTO plans five exercises next year"
LEAD = (
    "The Collective Security Treaty Organization will hold five joint exercises in 2025, the chief of "
    "its Joint Staff told reporters in Moscow on Thursday."
)
LAST = "Armenia has not responded to the invitation to take part."


def page(tail: str) -> str:
    return f"{HEADLINE}\n\n{LEAD}\n\n{LAST}\n\n{tail}\n"


@pytest.mark.parametrize("initials", ["ak dp", "mk", "ts vv gs"])
def test_a_wires_desk_initials_under_the_story_are_furniture(extract_text, initials):
    record = extract_text(page(initials))
    assert record.body == (LEAD, LAST)
    assert initials in record.removed


@pytest.mark.parametrize("words", ["no", "and so on", "ok", "yes"])
def test_a_short_word_alone_is_still_text(extract_text, words):
    record = extract_text(page(words))
    assert record.body[-1] == words


@pytest.mark.parametrize(
    ("credit", "author"),
    [
        ("Interview by Marina Ivanova", "Marina Ivanova"),
        ("Interviewed by Arman Petrosyan.", "Arman Petrosyan"),
        ("Questions by J. Smith", "J. Smith"),
    ],
)
def test_the_interviewers_credit_names_the_author(extract_text, credit, author):
    record = extract_text(page(credit))
    assert record.author == author
    assert record.body == (LEAD, LAST)


def test_a_sentence_about_an_interview_is_text(extract_text):
    sentence = "The interview by Marina Ivanova was published on Friday."
    record = extract_text(page(sentence))
    assert record.author is None
    assert record.body[-1] == sentence


@pytest.mark.parametrize(
    "tail",
    [
        "(END)",
        "-END-",
        "- 30 -",
        "###",
        "Filed under: Armenia, CSTO, Russia",
        "Posted in: News",
        "Leave a comment",
        "3 Comments",
        "No comments yet",
    ],
)
def test_end_marks_and_a_blogs_footer_are_furniture(extract_text, tail):
    record = extract_text(page(tail))
    assert record.body == (LEAD, LAST)
    assert tail in record.removed


@pytest.mark.parametrize(
    "sentence",
    [
        "Posted in Moscow, the statement drew no comment from Yerevan.",
        "The end of the freeze is not in sight, officials said.",
        "Filed under pressure, the request was rejected.",
    ],
)
def test_sentences_with_those_words_are_text(extract_text, sentence):
    record = extract_text(page(sentence))
    assert record.body[-1] == sentence


@pytest.mark.parametrize(
    "caption",
    ["Nikol Pashinyan. Photo: primeminister.am", "Leaders at the summit in Astana; photo by akorda.kz"],
)
def test_a_caption_credited_to_a_website_is_furniture(extract_text, caption):
    record = extract_text(f"{HEADLINE}\n\n{caption}\n\n{LEAD}\n\n{LAST}\n")
    assert record.body == (LEAD, LAST)


def test_a_sentence_naming_a_website_after_photo_is_text(extract_text):
    sentence = "The ministry published the photo: kremlin.ru showed it first."
    record = extract_text(page(sentence))
    assert record.body[-1] == sentence
