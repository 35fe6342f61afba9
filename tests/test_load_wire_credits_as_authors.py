"""A wire's credit line under the story ("(Reporting by Felix Light; Editing by Toby Chopra)")
names the reporters, who are the authors when no byline names anyone: Reuters prints them
only there. Editors are not authors; a byline at the top wins. Texts of our own making."""

from __future__ import annotations

import pytest

STORY = (
    "Armenia notifies CSTO of suspension\n\n"
    "YEREVAN, March 3 (Reuters) - Armenia has formally notified the CSTO that it is suspending its participation.\n\n"
    "Armenia's foreign ministry declined to comment.\n\n"
)


@pytest.mark.parametrize(
    ("credit", "author"),
    [
        ("(Reporting by Felix Light; Editing by Toby Chopra)", "Felix Light"),
        (
            "(Reporting by Felix Light in Yerevan and Olzhas Auyezov in Almaty; Editing by Toby Chopra)",
            "Felix Light, Olzhas Auyezov",
        ),
        ("Additional reporting by Nailia Bagirova", "Nailia Bagirova"),
    ],
)
def test_the_reporters_of_the_credit_line_are_the_authors(extract_text, credit, author):
    record = extract_text(STORY + credit + "\n")
    assert record.author == author
    assert (record.author_evidence.rule, record.author_evidence.text) == ("byline", credit)
    assert credit in record.removed


def test_an_editor_alone_is_no_author(extract_text):
    record = extract_text(STORY + "(Editing by Toby Chopra)\n")
    assert record.author is None


def test_a_byline_at_the_top_wins(extract_text):
    text = STORY.replace("\n\nYEREVAN", "\n\nBy Anna Petrova\n\nYEREVAN", 1) + "(Reporting by Felix Light)\n"
    record = extract_text(text)
    assert record.author == "Anna Petrova"
