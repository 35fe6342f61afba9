"""A date the text gives in a form that reads two ways (03/04/2024) and that nothing
settles is no date, and the record says why: its date evidence holds the words, where
they stood and their two readings (confidence 0), the article page says the date was not
read, and `csto-digest check` lists the reason with the undated article. Texts of our
own making."""

from __future__ import annotations

from pathlib import Path

from csto_digest.checks import check
from csto_digest.config import load_config
from csto_digest.model import Groups
from csto_digest.pipeline import run_build

UNDER_HEADLINE = "CSTO ministers meet in Almaty\n\n03/04/2024\n\nForeign ministers of the CSTO met in Almaty.\n"
IN_DATELINE = (
    "CSTO ministers meet in Almaty\n\nMOSCOW, 03/04/2024 (TASS) - Foreign ministers of the CSTO met in Almaty.\n"
)


def test_an_unsettled_date_under_the_headline_is_explained(extract_text):
    record = extract_text(UNDER_HEADLINE)
    assert record.date is None and record.date_precision is None
    evidence = record.date_evidence
    assert (evidence.text, evidence.confidence, evidence.line) == ("03/04/2024", 0.0, 3)
    assert "3 April or 4 March 2024" in evidence.note


def test_an_unsettled_date_in_the_dateline_is_explained(extract_text):
    record = extract_text(IN_DATELINE)
    assert record.date is None
    assert (record.date_evidence.rule, record.date_evidence.confidence) == ("dateline", 0.0)
    assert "in the dateline" in record.date_evidence.note


def test_a_text_with_no_date_at_all_has_no_date_evidence(extract_text):
    record = extract_text("CSTO ministers meet in Almaty\n\nForeign ministers of the CSTO met in Almaty.\n")
    assert record.date is None and record.date_evidence is None


def test_check_gives_the_reason(extract_text):
    record = extract_text(UNDER_HEADLINE)
    [finding] = [f for f in check([record], Groups(themes={}, stories=(), statements=())) if f.kind == "undated"]
    assert "reads as 3 April or 4 March 2024" in finding.message


def test_the_article_page_says_the_date_was_not_read(tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ministers.txt").write_text(UNDER_HEADLINE, encoding="utf-8")
    config = load_config(None, inputs=(folder,), output=tmp_path / "site" / "build")
    run_build(config)
    [page] = [p for p in (tmp_path / "site" / "build" / "articles").glob("*.html") if p.name != "index.html"]
    html = page.read_text(encoding="utf-8")
    assert "not read: the text’s date reads two ways" in html or "not read: the text&#39;s date reads two ways" in html
    assert "4 March 2024" in html
