"""A hand-written `tags:` list in front matter adds the themes it names by slug or title;
other tags are the user's own and change nothing."""

from __future__ import annotations

BODY = (
    "The Collective Security Treaty Organization met in Astana, and the leaders discussed the alliance's "
    "budget for the next year.\n"
)


def front(tags: str, themes: str = "") -> str:
    return f"---\ntitle: Notes on the CSTO budget\n{themes}tags: {tags}\n---\n{BODY}"


def test_tags_naming_themes_add_them_with_the_tags_line_as_evidence(extract_text):
    record = extract_text(front("[budget, tajik-afghan-border, Peacekeeping]"), "notes.md")
    added = {hit.slug: hit.evidence for hit in record.themes}
    assert set(added) == {"tajik-afghan-border", "peacekeeping"}
    assert added["tajik-afghan-border"].text == "tags: tajik-afghan-border"
    assert (added["peacekeeping"].rule, added["peacekeeping"].line) == ("front-matter", 3)


def test_tags_naming_no_theme_change_nothing(extract_text):
    record = extract_text(front("[budget, my-notes]"), "notes.md")
    assert record.themes == ()


def test_themes_given_outright_win_over_tags(extract_text):
    record = extract_text(front("[peacekeeping]", themes="themes: [enlargement]\n"), "notes.md")
    assert [hit.slug for hit in record.themes] == ["enlargement"]
