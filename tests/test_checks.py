"""`check()` and `csto-digest check` on hand-built records.

Each test builds the few articles it needs with `make()` and says which
finding it expects, so the checks are tested apart from the loader.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from csto_digest.checks import check, counts, problem_findings
from csto_digest.model import (
    Article,
    Evidence,
    Groups,
    Problem,
    Quote,
    Speaker,
    Statement,
    StatementMember,
    ThemeHit,
)

EV = Evidence("words", "text")
NO_GROUPS = Groups(themes={}, stories=(), statements=())
BODY = (
    "YEREVAN, March 5. /ARKA/. Armenia will not host the CSTO exercises this year, Aram Torosyan said.",
    '"Holding the exercises in Armenia is not expedient," Torosyan told journalists.',
)


def make(article_id: str = "a", **fields: Any) -> Article:
    """A clean article (dated, themed, every quote attributed); override what a test needs."""
    values: dict[str, Any] = {
        "id": article_id,
        "path": f"in/{article_id}.txt",
        "title": "Armenia will not host CSTO exercises",
        "title_derived": False,
        "title_evidence": EV,
        "url": None,
        "source": None,
        "cited_sources": (),
        "date": "2024-03-05",
        "date_precision": "day",
        "date_evidence": EV,
        "author": None,
        "disclaimer": None,
        "speakers": (Speaker("Aram Torosyan", None, 1, EV),),
        "quotes": (Quote("Holding the exercises in Armenia is not expedient,", "Aram Torosyan", "quoted", 1, EV),),
        "themes": (ThemeHit("armenia-membership", EV),),
        "places": ("Armenia",),
        "organizations": ("CSTO",),
        "body": BODY,
        "removed": (),
        "content_hash": article_id,
    }
    values.update(fields)
    return Article(**values)


def kinds(articles: list[Article], groups: Groups = NO_GROUPS) -> list[str]:
    return [f.kind for f in check(articles, groups)]


def test_a_clean_article_has_no_findings() -> None:
    assert check([make()], NO_GROUPS) == []


def test_undated_article() -> None:
    findings = check([make(date=None, date_precision=None, date_evidence=None)], NO_GROUPS)
    assert [f.kind for f in findings] == ["undated"]
    assert findings[0].path == "in/a.txt" and findings[0].article == "a"


def test_quote_with_no_speaker() -> None:
    quote = Quote("the number of extremist resources has grown", None, "quoted", 1, EV)
    findings = check([make(quotes=(*make().quotes, quote))], NO_GROUPS)
    assert [f.kind for f in findings] == ["unattributed-quote"]
    assert "quote 2" in findings[0].message and "extremist" in findings[0].message


def test_struck_quote_is_not_reported() -> None:
    quote = Quote("Interaction-2023", None, "quoted", 1, EV, struck=True)
    assert kinds([make(quotes=(*make().quotes, quote))]) == []


def test_speaker_named_only_at_the_quote() -> None:
    body = (
        "Armenia will not host the CSTO exercises this year.",
        '"Holding the exercises in Armenia is not expedient," said Aram Torosyan.',
    )
    findings = check([make(body=body, title="Exercises cancelled")], NO_GROUPS)
    assert [f.kind for f in findings] == ["lone-speaker"]
    assert "Aram Torosyan" in findings[0].message


def test_speaker_with_several_quotes_is_not_lone() -> None:
    body = ('"We will not host the drills," said Aram Torosyan.', '"The decision is final," he added.')
    quotes = (
        Quote("We will not host the drills,", "Aram Torosyan", "quoted", 0, EV),
        Quote("The decision is final,", "Aram Torosyan", "quoted", 1, EV),
    )
    assert kinds([make(body=body, quotes=quotes, title="Drills")]) == []


def test_name_inside_the_quote_does_not_count_as_a_mention() -> None:
    body = ('"Torosyan is right about this," said Aram Torosyan.',)
    quotes = (Quote("Torosyan is right about this,", "Aram Torosyan", "quoted", 0, EV),)
    assert kinds([make(body=body, quotes=quotes, title="Drills")]) == ["lone-speaker"]


def test_article_in_no_theme() -> None:
    assert kinds([make(themes=())]) == ["no-theme"]


def test_theme_given_by_the_grouper_counts() -> None:
    groups = Groups(themes={"peacekeeping": ("a",)}, stories=(), statements=())
    assert kinds([make(themes=())], groups) == []


def test_near_identical_bodies_are_possible_duplicates() -> None:
    long_text = " ".join(f"sentence {i} about the collective security treaty organisation." for i in range(40))
    first = make("first", body=(long_text,))
    second = make("second", body=(long_text + " Share this news.",))
    other = make("other", body=("Something else entirely about a different summit in Minsk.",))
    findings = [f for f in check([first, second, other], NO_GROUPS) if f.kind == "possible-duplicate"]
    assert len(findings) == 1
    assert findings[0].article == "first" and findings[0].related == ("second",)


def test_conflicting_attribution_of_one_statement() -> None:
    statement = Statement(
        "s1", (StatementMember("a", 0), StatementMember("b", 0)), ("Aram Torosyan", "Ararat Mirzoyan"), 0.9
    )
    agreed = Statement("s2", (StatementMember("a", 0), StatementMember("b", 0)), ("Aram Torosyan",), 0.9)
    groups = Groups(themes={}, stories=(), statements=(statement, agreed))
    body_b = ("Different words on the same drills, with Aram Torosyan quoted by Aram Torosyan.",)
    findings = [f for f in check([make("a"), make("b", body=body_b)], groups) if f.kind == "conflicting-attribution"]
    assert len(findings) == 1
    assert "Ararat Mirzoyan" in findings[0].message and findings[0].related == ("b",)


def test_findings_are_ordered_and_counted() -> None:
    other_body = (
        "Aram Torosyan spoke about the drills.",
        "Torosyan was brief.",
        '"Holding the exercises in Armenia is not expedient," he said.',
    )
    articles = [make("b", themes=(), body=other_body), make("a", date=None, themes=())]
    findings = check(articles, NO_GROUPS)
    assert [(f.kind, f.article) for f in findings] == [("undated", "a"), ("no-theme", "a"), ("no-theme", "b")]
    assert counts(findings) == {"undated": 1, "no-theme": 2}
    assert json.loads(json.dumps([f.to_json() for f in findings]))[0]["kind"] == "undated"


def test_problems_become_findings() -> None:
    findings = problem_findings([Problem("in/x.yml", "no quote 7", 3, "error")])
    assert str(findings[0]) == "in/x.yml: load-problem: error: no quote 7 (line 3)"


CORPUS = Path(__file__).resolve().parent / "corpus"


def test_cli_check_text_json_and_strict() -> None:
    """The command on the labelled corpus: it has undated articles, so something is reported."""
    pytest.importorskip("csto_digest.load.corpus")
    pytest.importorskip("csto_digest.group")
    from csto_digest.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["check", "--input", str(CORPUS)])
    assert result.exit_code == 0, result.output
    assert "c13_bishkek_pa_no_date.txt: undated: no publication date found" in result.output
    result = runner.invoke(main, ["check", "--input", str(CORPUS), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"]["undated"] >= 1
    assert {"kind", "path", "article", "message", "related"} <= set(data["findings"][0])
    assert runner.invoke(main, ["check", "--input", str(CORPUS), "--strict"]).exit_code == 1


def test_cli_check_reuses_the_builds_feature_cache(tmp_path, monkeypatch) -> None:
    """A second `check` of an unchanged corpus works out no article's grouping features again."""
    pytest.importorskip("csto_digest.group")
    from csto_digest.cli import main
    from csto_digest.group import features

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    first = runner.invoke(main, ["check", "--input", str(CORPUS)])
    assert first.exit_code == 0, first.output

    def refuse(body):
        raise AssertionError("an article's features worked out again")

    monkeypatch.setattr(features, "body_sentence_keys", refuse)  # called by `article_features` for every article
    second = runner.invoke(main, ["check", "--input", str(CORPUS)])
    assert second.exit_code == 0, second.output
    assert second.output == first.output
