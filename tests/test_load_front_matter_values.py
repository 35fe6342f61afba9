"""Front matter written by hand: a value that names nothing is dropped with a warning naming the
file's line, never a speaker, theme or outlet called "None" or "" on the site; the article is kept."""

from __future__ import annotations

import pytest

from csto_digest.load.frontmatter import front_matter_problems
from csto_digest.model import Article


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("speakers: [{name: null, role: x}]", 3, "speakers: item 1 is {'name': None, 'role': 'x'}, not a name; dropped"),
        ("speakers: [Stanislav Zas, {role: spokesman}]", 3, "speakers: item 2 is {'role': 'spokesman'}, not a name; dropped"),
        ("themes: [armenia-membership, '']", 3, "themes: item 2 is '', not text; dropped"),
        ("cited_sources: [null]", 3, "cited_sources: item 1 is None, not text; dropped"),
        ("places: [Minsk, ' ']", 3, "places: item 2 is ' ', not text; dropped"),
        ("author: '  '", 3, "author: is empty; ignored"),
    ],
)  # fmt: skip
def test_a_value_naming_nothing_is_dropped_with_a_warning_on_its_line(extract_one_md, front, line, message):
    text = f"---\ntitle: CSTO talks\n{front}\n---\nThe CSTO met in Minsk.\n"
    record = extract_one_md(text)
    assert isinstance(record, Article) and record.title == "CSTO talks"
    assert "None" not in {s.name for s in record.speakers} and "" not in {t.slug for t in record.themes}
    assert "None" not in {o.name for o in record.cited_sources} and " " not in record.places
    (problem,) = front_matter_problems("talks.md", text)
    assert (problem.path, problem.line, problem.message, problem.severity) == ("talks.md", line, message, "warning")


def test_names_and_numbers_are_taken(extract_one_md):
    record = extract_one_md(
        "---\ntitle: CSTO talks\nspeakers: [{name: Stanislav Zas}]\nplaces: [Minsk]\n---\nThe CSTO met.\n"
    )
    assert [s.name for s in record.speakers] == ["Stanislav Zas"]
    assert record.places == ("Minsk",)


@pytest.fixture
def extract_one_md(config):
    from csto_digest.load.corpus import extract_one

    return lambda text: extract_one("talks.md", text, config)
