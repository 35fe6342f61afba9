"""A hand-written front matter that lists the speakers by name only keeps the role the
text gives them, with the text's evidence, instead of dropping it; a role it writes
itself still wins."""

from __future__ import annotations

BODY = (
    "The CSTO is monitoring the situation in Afghanistan closely, Secretary General Stanislav Zas said.\n\n"
    '"We see more activity of terrorist groups near the borders of our member states," Zas said.\n'
)


def test_a_speaker_listed_by_name_keeps_the_texts_role(extract_text):
    text = f"---\ntitle: Zas on the Afghan threat\nspeakers:\n  - Stanislav Zas\n---\n{BODY}"
    record = extract_text(text, "zas.md")
    [speaker] = record.speakers
    assert (speaker.name, speaker.role, speaker.quote_count) == ("Stanislav Zas", "Secretary General", 1)
    assert speaker.evidence.rule != "front-matter"
    assert "front matter" in speaker.evidence.note


def test_a_role_the_front_matter_writes_wins(extract_text):
    text = (
        f"---\ntitle: Zas on the Afghan threat\nspeakers:\n  - name: Stanislav Zas\n    role: CSTO chief\n---\n{BODY}"
    )
    record = extract_text(text, "zas.md")
    [speaker] = record.speakers
    assert (speaker.role, speaker.evidence.rule) == ("CSTO chief", "front-matter")


def test_a_listed_speaker_the_text_does_not_quote_has_no_role(extract_text):
    text = f"---\ntitle: Zas on the Afghan threat\nspeakers:\n  - Ivan Petrov\n---\n{BODY}"
    record = extract_text(text, "zas.md")
    [speaker] = record.speakers
    assert (speaker.name, speaker.role, speaker.evidence.rule) == ("Ivan Petrov", None, "front-matter")
