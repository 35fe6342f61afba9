"""Front matter written by hand or exported from another tool names our fields its own way
(`Publisher:`, `Published:`, `Byline:`, Hugo's `publishDate`, WordPress's `permalink`):
those keys are read as our fields, with their evidence naming the key as written, and a
key that means something else (`media:` for an image) is left alone."""

from __future__ import annotations

import pytest

BODY = "CSTO Secretary General Imangali Tasmagambetov arrived in Dushanbe on Friday for talks on the border.\n"


def front(lines: str) -> str:
    return f"---\n{lines}\n---\n{BODY}"


@pytest.mark.parametrize(
    ("lines", "field", "value", "evidence"),
    [
        ("Publisher: Asia-Plus", "source", "Asia-Plus", "Publisher: Asia-Plus"),
        ("publication: Asia-Plus", "source", "Asia-Plus", "publication: Asia-Plus"),
        ("Published: 14 June 2024", "date", "2024-06-14", "Published: 14 June 2024"),
        ("publishDate: 2024-06-14", "date", "2024-06-14", "publishDate: 2024-06-14"),
        ("date_published: 2024-06-14", "date", "2024-06-14", "date_published: 2024-06-14"),
        ("Byline: Farrukh Rahimov", "author", "Farrukh Rahimov", "Byline: Farrukh Rahimov"),
        ("permalink: https://asiaplustj.info/en/news/1", "url", "https://asiaplustj.info/en/news/1", None),
        ("headline: CSTO chief in Dushanbe", "title", "CSTO chief in Dushanbe", "headline: CSTO chief in Dushanbe"),
    ],
)
def test_another_tools_key_is_read_as_our_field(extract_text, lines, field, value, evidence):
    record = extract_text(front(lines), "chief.md")
    got = {
        "source": lambda: (record.source.name, record.source.evidence.text),
        "date": lambda: (record.date, record.date_evidence.text),
        "author": lambda: (record.author, record.author_evidence.text),
        "url": lambda: (record.url, None),
        "title": lambda: (record.title, record.title_evidence.text),
    }[field]()
    assert got == (value, evidence)


@pytest.mark.parametrize("key", ["categories", "keywords", "tag"])
def test_categories_and_keywords_are_tags(extract_text, key):
    record = extract_text(front(f"{key}: [Drug trafficking]"), "chief.md")
    assert "drug-trafficking" in {hit.slug for hit in record.themes}


def test_a_key_that_means_something_else_is_left_alone(extract_text):
    record = extract_text(front("media: /images/dushanbe.jpg\nsite: https://example.org"), "chief.md")
    assert record.source is None


def test_the_first_of_two_keys_for_one_field_is_taken(extract_text):
    record = extract_text(front("date: 2024-06-14\nPublished: 15 June 2024"), "chief.md")
    assert record.date == "2024-06-14"
