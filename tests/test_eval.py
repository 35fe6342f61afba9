"""The scoring of `csto-digest eval`, on its own.

The loader and grouper are passed in as plain functions returning hand-built
records, so these tests check the arithmetic (perfect is 1.0, a missed quote
lowers recall, an invented date is counted...) whatever the real loader does.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from csto_digest.evaluate import GoldError, evaluate, load_gold, quote_starts_with, same_outlet, same_person
from csto_digest.model import (
    Article,
    Evidence,
    Groups,
    Outlet,
    Problem,
    Quote,
    Speaker,
    Statement,
    StatementMember,
    Story,
    ThemeHit,
)

GOLD = """
files:
  a.txt:
    title: CSTO open to new members
    source: TASS
    cited_sources: [Kazinform]
    date: 2025-04-18
    speakers: [Imangali Tasmagambetov]
    quotes:
      - {start: "The doors of the CSTO are", speaker: Imangali Tasmagambetov}
      - {start: "We have received no document", speaker: Imangali Tasmagambetov}
    themes: [enlargement, armenia-membership]
  b.txt:
    title: The door is not closed
    source: [Kazinform, inform.kz]
    date: null
    speakers: [Imangali Tasmagambetov]
    quotes:
      - {start: "The door of the CSTO is", speaker: Imangali Tasmagambetov}
    themes: [enlargement]
  c.txt:
    title: Exercises in Belarus
    source: null
    date: "2023-09"
    speakers: []
    quotes: []
    themes: []
stories:
  - [a.txt, b.txt]
statements:
  - [[a.txt, "The doors of the CSTO are"], [b.txt, "The door of the CSTO is"]]
"""

EV = Evidence("words", "text")


def quote(text: str, speaker: str | None = "Imangali Tasmagambetov", struck: bool = False) -> Quote:
    return Quote(text=text, speaker=speaker, kind="quoted", paragraph=0, evidence=EV, struck=struck)


def article(path: Path, **fields: Any) -> Article:
    """A complete Article; tests name only what they vary."""
    values: dict[str, Any] = {
        "id": path.stem,
        "path": str(path),
        "title": "",
        "title_derived": False,
        "title_evidence": EV,
        "url": None,
        "source": None,
        "cited_sources": (),
        "date": None,
        "date_precision": None,
        "date_evidence": None,
        "author": None,
        "disclaimer": None,
        "speakers": (),
        "quotes": (),
        "themes": (),
        "places": (),
        "organizations": (),
        "body": ("text",),
        "removed": (),
        "content_hash": path.stem,
    }
    values.update(fields)
    return Article(**values)


def perfect(folder: Path) -> dict[str, Article]:
    """Records that agree with GOLD in every field."""
    tasmagambetov = (Speaker("Imangali Tasmagambetov", None, 2, EV),)
    return {
        "a.txt": article(
            folder / "a.txt",
            title="CSTO open to new members",
            source=Outlet("TASS", EV),
            cited_sources=(Outlet("Kazinform", EV),),
            date="2025-04-18",
            date_precision="day",
            speakers=tasmagambetov,
            quotes=(
                quote("“The doors of the CSTO are closed to no one,”"),
                quote("We have received no document about its withdrawal"),
            ),
            themes=(ThemeHit("enlargement", EV), ThemeHit("armenia-membership", EV)),
        ),
        "b.txt": article(
            folder / "b.txt",
            title="The door is not closed",
            source=Outlet("inform.kz", EV),
            speakers=(Speaker("Tasmagambetov", None, 1, EV),),
            quotes=(quote("The door of the CSTO is not closed to anyone.", "Tasmagambetov"),),
            themes=(ThemeHit("enlargement", EV),),
        ),
        "c.txt": article(folder / "c.txt", title="Exercises in Belarus", date="2023-09", date_precision="month"),
    }


PERFECT_GROUPS = Groups(
    themes={},
    stories=(Story("s1", ("a", "b"), ("shared statement",)),),
    statements=(Statement("q1", (StatementMember("a", 0), StatementMember("b", 0)), ("Tasmagambetov",), 0.8),),
)


def run(tmp_path: Path, records: dict[str, Article], groups: Groups = PERFECT_GROUPS, problems: tuple = ()):
    gold = tmp_path / "gold.yaml"
    gold.write_text(GOLD, encoding="utf-8")
    seen: list[list[Path]] = []

    def load(paths: list[Path], config: Any) -> SimpleNamespace:
        seen.append(paths)
        return SimpleNamespace(articles=tuple(records.values()), problems=problems)

    def group(articles: Any, config: Any) -> Groups:
        return groups

    report = evaluate(gold, config=None, load=load, group=group)
    assert seen == [[tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"]]  # relative to the gold file
    return report


def replace(record: Article, **fields: Any) -> Article:
    import dataclasses

    return dataclasses.replace(record, **fields)


def test_perfect_records_score_one_everywhere(tmp_path: Path) -> None:
    report = run(tmp_path, perfect(tmp_path))
    assert report.failures() == []
    assert report.mistakes == []
    assert report.quotes.precision == report.quotes.recall == 1.0
    assert report.attribution.value == 1.0 and report.attribution.total == 3
    assert report.speakers.f1 == 1.0
    assert report.date.total == 1  # only a.txt has a full date
    assert report.source.total == 2 and report.source.value == 1.0
    assert report.cited_sources.f1 == 1.0
    assert report.stories.to_json()["tp"] == 1
    assert report.statements.value == 1.0
    assert all(score.f1 == 1.0 for score in report.themes.values())


def test_a_missing_quote_lowers_recall_not_precision(tmp_path: Path) -> None:
    records = perfect(tmp_path)
    records["a.txt"] = replace(records["a.txt"], quotes=records["a.txt"].quotes[:1])
    report = run(tmp_path, records)
    assert report.quotes.recall == pytest.approx(2 / 3)
    assert report.quotes.precision == 1.0
    assert "quotes.recall" in " ".join(report.failures())
    assert any("quote missed" in m for m in report.mistakes)


def test_an_extra_quote_lowers_precision(tmp_path: Path) -> None:
    records = perfect(tmp_path)
    records["c.txt"] = replace(records["c.txt"], quotes=(quote("Interaction-2023", None),))
    report = run(tmp_path, records)
    assert report.quotes.precision == pytest.approx(3 / 4)
    assert report.quotes.recall == 1.0


def test_struck_quotes_do_not_count(tmp_path: Path) -> None:
    records = perfect(tmp_path)
    records["c.txt"] = replace(records["c.txt"], quotes=(quote("Interaction-2023", None, struck=True),))
    assert run(tmp_path, records).quotes.precision == 1.0


def test_wrong_speaker_counts_against_attribution_only(tmp_path: Path) -> None:
    records = perfect(tmp_path)
    records["b.txt"] = replace(records["b.txt"], quotes=(quote("The door of the CSTO is not closed", "Stanislav Zas"),))
    report = run(tmp_path, records)
    assert report.quotes.recall == 1.0
    assert report.attribution.right == 2 and report.attribution.total == 3


def test_invented_date_is_counted_and_a_wrong_date_is_wrong(tmp_path: Path) -> None:
    records = perfect(tmp_path)
    records["b.txt"] = replace(records["b.txt"], date="2025-04-18", date_precision="day")
    records["a.txt"] = replace(records["a.txt"], date="2025-04-17")
    report = run(tmp_path, records)
    assert report.invented_dates == 1
    assert report.date.value == 0.0
    assert any("invented date" in m for m in report.mistakes)


def test_a_month_where_gold_is_null_is_not_invented(tmp_path: Path) -> None:
    records = perfect(tmp_path)
    records["b.txt"] = replace(records["b.txt"], date="2025-04", date_precision="month")
    assert run(tmp_path, records).invented_dates == 0


def test_wrong_and_missed_sources(tmp_path: Path) -> None:
    records = perfect(tmp_path)
    records["a.txt"] = replace(records["a.txt"], source=None)  # missed: accuracy drops, not wrong
    records["c.txt"] = replace(records["c.txt"], source=Outlet("Sputnik", EV))  # gold null: wrong
    report = run(tmp_path, records)
    assert report.source.value == 0.5
    assert report.wrong_sources == 1


def test_theme_scores_are_per_theme(tmp_path: Path) -> None:
    records = perfect(tmp_path)
    records["c.txt"] = replace(records["c.txt"], themes=(ThemeHit("tajik-afghan-border", EV),))
    report = run(tmp_path, records)
    assert report.themes["tajik-afghan-border"].precision == 0.0
    assert report.themes["enlargement"].f1 == 1.0


def test_stories_scored_over_pairs(tmp_path: Path) -> None:
    groups = Groups(themes={}, stories=(Story("s", ("b", "c"), ()),), statements=PERFECT_GROUPS.statements)
    report = run(tmp_path, perfect(tmp_path), groups)
    assert (report.stories.tp, report.stories.fp, report.stories.fn) == (0, 1, 1)


def test_statement_needs_every_member_in_one_statement(tmp_path: Path) -> None:
    groups = Groups(themes={}, stories=PERFECT_GROUPS.stories, statements=())
    report = run(tmp_path, perfect(tmp_path), groups)
    assert report.statements.value == 0.0


def test_a_file_not_loaded_misses_everything(tmp_path: Path) -> None:
    records = perfect(tmp_path)
    del records["b.txt"]
    report = run(tmp_path, records)
    assert report.missing == ["b.txt"]
    assert report.quotes.recall == pytest.approx(2 / 3)
    assert report.stories.recall == 0.0


def test_a_merged_duplicate_is_scored_as_its_original(tmp_path: Path) -> None:
    records = perfect(tmp_path)
    merged = Problem(str(tmp_path / "b.txt"), f"duplicate of {tmp_path / 'a.txt'}; skipped")
    del records["b.txt"]
    report = run(tmp_path, records, problems=(merged,))
    assert report.aliased == {"b.txt": "a.txt"}
    assert report.missing == []
    assert report.stories.recall == 1.0  # the loader put the copy with its original


def test_report_prints_a_table_and_json(tmp_path: Path) -> None:
    report = run(tmp_path, perfect(tmp_path))
    table = report.table()
    assert "quotes" in table and "statements matched" in table and "bars not met: none" in table
    data = json.loads(report.to_json_text())
    assert data["quotes"]["f1"] == 1.0 and data["invented_dates"] == 0 and data["failures"] == []


def test_matching_rules() -> None:
    assert quote_starts_with("«The  doors of the CSTO are closed»", "“The doors of the CSTO are")
    assert quote_starts_with("Armenia’s chairmanship came at a very hard time", "Armenia's chairmanship came at")
    assert not quote_starts_with("The doors are open", "The doors of the CSTO are")
    assert same_person("Nikolai N. Bordyuzha", "Bordyuzha")
    assert same_person(None, None) and not same_person("Zas", None)
    assert not same_person("Stanislav Vasilyevich Zas", "Stanislav Vasilyevich")
    assert same_outlet(["news.am"], "NEWS.am") and not same_outlet(["Sputnik"], "Sputnik Tajikistan")


def test_bad_gold_names_the_problem(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text("files:\n  a.txt: {}\nstories:\n  - [a.txt, z.txt]\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"z\.txt"):
        load_gold(path)


def test_an_impossible_date_in_gold_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text("files:\n  a.txt:\n    date: 2024-13-45\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.yaml:3: files: '2024-13-45' is not a date"):
        load_gold(path)
