"""Front matter written by hand: a value that names nothing is an error naming the file's line,
never a speaker, theme or outlet called "None" or "" on the site."""

from __future__ import annotations

import pytest

from csto_digest.model import Problem


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("speakers: [{name: null, role: x}]", 3, "speakers: item 1 is {'name': None, 'role': 'x'}, not a name"),
        ("speakers: [Stanislav Zas, {role: spokesman}]", 3, "speakers: item 2 is {'role': 'spokesman'}, not a name"),
        ("themes: [armenia-membership, '']", 3, "themes: item 2 is '', not text"),
        ("cited_sources: [null]", 3, "cited_sources: item 1 is None, not text"),
        ("places: [Minsk, ' ']", 3, "places: item 2 is ' ', not text"),
        ("author: '  '", 3, "author: is empty (leave the field out instead)"),
    ],
)
def test_a_value_naming_nothing_is_an_error_with_its_line(extract_one_md, front, line, message):
    problem = extract_one_md(f"---\ntitle: CSTO talks\n{front}\n---\nThe CSTO met in Minsk.\n")
    assert isinstance(problem, Problem)
    assert (problem.line, problem.message, problem.severity) == (line, message, "error")


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
