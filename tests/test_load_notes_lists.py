"""A notes list printed without `[n]` markers under a `References` heading, as a wiki or a
think tank's page saved from the browser gives it: the notes are furniture, and a date in
them (`Reuters, 23 February 2024.`) is a source's, never the article's publication date.
A `Sources` subheading over paragraphs of text drops nothing. Texts of our own making."""

from __future__ import annotations

import pytest

TEXT = (
    "Collective Security Treaty Organization\n\n"
    "The Collective Security Treaty Organization is an intergovernmental military alliance in Eurasia.\n\n"
    "In February 2024, Armenia froze its participation in the bloc.\n\n"
)


@pytest.mark.parametrize("heading", ["References", "Notes", "Bibliography", "Sources:"])
def test_notes_under_a_heading_are_furniture_and_date_nothing(extract_text, heading):
    notes = '"About the CSTO". CSTO secretariat. Retrieved 2024-02-01.\n\nReuters, 23 February 2024.\n'
    record = extract_text(f"{TEXT}{heading}\n\n{notes}")
    assert record.date is None
    assert record.body[-1] == "In February 2024, Armenia froze its participation in the bloc."
    assert "Reuters, 23 February 2024." in record.removed


def test_a_sources_subheading_over_text_drops_nothing(extract_text):
    more = (
        "Sources\n\nOfficials in Yerevan say the decision was taken after the summit in Minsk.\n\n"
        "The ministry has not commented on the reports.\n"
    )
    record = extract_text(f"{TEXT}{more}")
    assert record.body[-1] == "The ministry has not commented on the reports."


def test_a_date_alone_on_the_last_line_still_dates_the_article(extract_text):
    record = extract_text(f"{TEXT}23 February 2024\n")
    assert record.date == "2024-02-23"
