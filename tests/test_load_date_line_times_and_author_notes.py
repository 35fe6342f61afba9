"""Two page headers of our own making: a date line that also holds the time and the
site's name (`12 March 2025 | 09:45 | Sputnik Kazakhstan`), and an analysis whose author
stands alone over the date line and is named again in the note closing the piece."""

from __future__ import annotations

import pytest

LEAD = "The member states of the Collective Security Treaty Organization will complete the joint air defence system."


@pytest.mark.parametrize("time", ["09:45", "9.45 am", "14:35 GMT"])
def test_a_time_between_the_date_and_the_sites_name_leaves_the_name_a_masthead(extract_text, time):
    record = extract_text(f"CSTO air defence by 2026\n\n12 March 2025 | {time} | Sputnik Kazakhstan\n\n{LEAD}\n")
    assert (record.source.name, record.source.evidence.rule) == ("Sputnik Kazakhstan", "masthead")
    assert record.date == "2025-03-12"


def test_a_count_between_the_joins_still_gives_no_masthead(extract_text):
    record = extract_text(f"CSTO air defence by 2026\n\n12 March 2025 | 487 | Sputnik Kazakhstan\n\n{LEAD}\n")
    assert record.source is None


TEXT = (
    "Analysis\nThe CSTO after Karabakh\nTemur Umarov\nJune 3, 2024\n\n"
    "The Russian-led bloc has lost much of its credibility in the South Caucasus.\n\n"
    "In Central Asia it is another story.\n\n"
)


def test_the_author_over_the_date_is_the_author_though_the_closing_note_names_them(extract_text):
    record = extract_text(TEXT + "Temur Umarov is a fellow at the Carnegie Russia Eurasia Center.\n")
    assert (record.author, record.author_evidence.rule) == ("Temur Umarov", "byline")


def test_a_name_over_the_date_the_story_speaks_of_is_not_the_author(extract_text):
    record = extract_text(TEXT + "Umarov said the bloc would survive.\n")
    assert record.author is None
