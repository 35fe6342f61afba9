"""Corrections beside an article (NAME.yml) change a record and show as corrections."""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

import pytest

from csto_digest.load.corpus import extract_one
from csto_digest.load.overrides import OverrideError, apply_overrides, find_corrections

SEED_003 = Path(__file__).resolve().parents[1] / "seeds" / "003_acef7f7aebaea87e.txt"


@pytest.fixture
def seed_copy(tmp_path):
    path = tmp_path / "zas.txt"
    path.write_bytes(SEED_003.read_bytes())
    return path


def corrected(path: Path, yaml_text: str, config):
    path.with_suffix(".yml").write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    record = extract_one(str(path), path.read_text(encoding="utf-8"), config)
    return apply_overrides(record, find_corrections(record, config), config)


def test_fields_quotes_and_themes_are_corrected_and_recorded(seed_copy, config):
    record = corrected(
        seed_copy,
        """\
        title: Zas rules out CSTO enlargement for now
        date: 2022-12-19
        themes: {add: [peacekeeping], remove: [afghanistan]}
        quotes:
          - {index: 0, speaker: Someone Else}
          - {start: "This issue is not being", strike: true}
        """,
        config,
    )
    assert record.title == "Zas rules out CSTO enlargement for now" and not record.title_derived
    assert (record.date, record.date_precision, record.date_evidence.rule) == ("2022-12-19", "day", "override")
    slugs = [t.slug for t in record.themes]
    assert "peacekeeping" in slugs and "afghanistan" not in slugs
    data = record.to_json()
    assert [q["speaker"] for q in data["quotes"]] == ["Someone Else"]
    assert [s["name"] for s in data["speakers"]] == ["Someone Else"]
    fields = [c.field for c in record.corrections]
    assert fields == ["title", "date", "themes", "quotes[0].speaker", "quotes[1]"]
    assert all(c.source.startswith(str(seed_copy.with_suffix(".yml"))) for c in record.corrections)


@pytest.mark.parametrize(
    ("yaml_text", "line", "words"),
    [
        ("title: ok\nheadline: nope\n", 2, "unknown field"),
        ("quotes:\n  - {index: 0, speaker: A}\n  - {index: 7, speaker: B}\n", 3, "no quote index 7"),
        ("quotes:\n  - {start: 'Words nobody said', strike: true}\n", 2, "no quote starting"),
        ("themes: {add: [no-such-theme]}\n", 1, "no theme"),
        ("date: sometime\n", 1, "not a date"),
        ("title: ok\ndate: 2024-13-45\n", 2, "date: '2024-13-45' is not a date"),  # YAML's date, and no date
        ("title: ''\n", 1, "title: '' is no title"),  # a title is changed, never removed
        ("title: null\n", 1, "title: None is no title"),
        ("title: ok\nspeakers: [Stanislav Zas, null]\n", 2, "speakers: item 2 is None, which names no one"),
        ("places: [Minsk, '']\n", 1, "places: item 2 is '', which names no one"),
        ("author: [a, b]\n", 1, "author: ['a', 'b'] is not text"),
        ("title: ok\nthemes: [unclosed\n", 3, "cannot read the correction: expected ',' or ']'"),
    ],
)
def test_a_correction_naming_what_does_not_exist_is_an_error_with_file_and_line(
    seed_copy, config, yaml_text, line, words
):
    with pytest.raises(OverrideError) as raised:
        corrected(seed_copy, yaml_text, config)
    assert raised.value.line == line
    assert words in raised.value.message
    assert raised.value.path.endswith("zas.yml")


def test_config_overrides_apply_by_file_name(seed_copy, config):
    config = dataclasses.replace(config, overrides={"zas.txt": {"source": "Sputnik Tajikistan"}})
    record = extract_one(str(seed_copy), seed_copy.read_text(encoding="utf-8"), config)
    record = apply_overrides(record, find_corrections(record, config), config)
    assert record.source.name == "Sputnik Tajikistan"
    assert record.source.evidence.rule == "override"


@pytest.mark.parametrize("yaml_text", ["title: ok\ndate: 2024-13-45\n", "title: ok\nthemes: [unclosed\n"])
def test_a_correction_that_cannot_be_read_is_its_files_problem_and_the_build_goes_on(seed_copy, config, yaml_text):
    from csto_digest.load.corpus import load_files

    seed_copy.with_suffix(".yml").write_text(yaml_text, encoding="utf-8")
    result = load_files([seed_copy], config)
    [article] = result.articles
    assert article.corrections == () and article.title != "ok"  # as extracted
    [problem] = result.problems
    assert (problem.path, problem.severity) == (str(seed_copy.with_suffix(".yml")), "error")
    assert problem.line in (2, 3)
