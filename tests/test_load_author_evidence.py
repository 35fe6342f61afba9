"""The author, like every other field, shows where it came from: the byline line, the front
matter key, or the user's correction."""

from __future__ import annotations

import textwrap

from csto_digest.load.corpus import extract_one
from csto_digest.load.overrides import apply_overrides, find_corrections

TEXT = (
    "Armenia skips the CSTO summit in Astana\n{byline}\n\nArmenia did not send a delegation to the summit of the "
    "Collective Security Treaty Organization in Astana on Thursday, officials said in Yerevan.\n"
)


def test_a_bylines_author_shows_its_line(extract_text):
    record = extract_text(TEXT.format(byline="By Anna Petrosyan & Ruben Hakobyan - 28 November 2024"))
    assert record.author == "Anna Petrosyan & Ruben Hakobyan"
    evidence = record.author_evidence
    assert (evidence.text, evidence.rule, evidence.line) == (
        "By Anna Petrosyan & Ruben Hakobyan - 28 November 2024",
        "byline",
        2,
    )
    assert record.to_json()["evidence"]["author"]["rule"] == "byline"


def test_no_author_no_evidence(extract_text):
    record = extract_text(TEXT.format(byline=""))
    assert record.author is None
    assert record.author_evidence is None


def test_front_matter_names_its_key_and_line(extract_text):
    record = extract_text(
        "---\ntitle: Armenia skips the summit\nAuthor: Anna Petrosyan\n---\n" + TEXT.format(byline=""), "a.md"
    )
    assert record.author == "Anna Petrosyan"
    assert (record.author_evidence.rule, record.author_evidence.line) == ("front-matter", 3)
    assert record.author_evidence.text == "Author: Anna Petrosyan"


def test_a_correction_of_the_author_is_its_evidence(tmp_path, config):
    path = tmp_path / "a.txt"
    path.write_text(TEXT.format(byline="By Anna Petrosyan"), encoding="utf-8")
    path.with_suffix(".yml").write_text(textwrap.dedent("author: Ruben Hakobyan\n"), encoding="utf-8")
    record = extract_one(str(path), path.read_text(encoding="utf-8"), config)
    record = apply_overrides(record, find_corrections(record, config), config)
    assert (record.author, record.author_evidence.rule) == ("Ruben Hakobyan", "override")


def test_a_disclaimer_is_in_the_record_not_lost(extract_text):
    record = extract_text(TEXT.format(byline="") + "\nDisclaimer: the views of the author are not the site's.\n")
    assert record.disclaimer == "Disclaimer: the views of the author are not the site's."
    assert record.to_json()["disclaimer"] == record.disclaimer
    assert all("Disclaimer" not in p for p in record.body)
