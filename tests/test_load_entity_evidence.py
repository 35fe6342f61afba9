"""Every place and organisation a record lists shows where it came from: the words of the
text that named it ("Almaty" for Kazakhstan, with a note saying so), or the front matter
or correction that listed it. Texts of our own making."""

from __future__ import annotations

from pathlib import Path

from csto_digest.config import load_config
from csto_digest.load.corpus import load_corpus

TEXT = (
    "CSTO ministers meet in Almaty\n\n"
    "Foreign ministers of the Collective Security Treaty Organization met in Almaty on Friday, "
    "and the United Nations sent an observer.\n"
)


def test_each_place_and_organisation_has_the_words_that_named_it(extract_text):
    record = extract_text(TEXT)
    assert "Kazakhstan" in record.places
    kazakhstan = record.mention_of("Kazakhstan")
    assert (kazakhstan.text, kazakhstan.rule) == ("Almaty", "text")
    assert "Kazakhstan" in kazakhstan.note
    assert all(record.mention_of(name) is not None for name in (*record.places, *record.organizations))
    assert set(record.evidence_json()["places"]) == set(record.places)
    assert set(record.evidence_json()["organizations"]) == set(record.organizations)


def test_a_name_written_as_the_registry_writes_it_has_no_note(extract_text):
    record = extract_text("CSTO drills in Tajikistan\n\nTroops arrived in Tajikistan on Friday.\n")
    assert record.mention_of("Tajikistan").note is None


def test_front_matter_places_have_its_evidence(extract_text):
    text = f"---\ntitle: Ministers meet\nplaces: [Belarus]\n---\n{TEXT.split(chr(10), 2)[2]}"
    record = extract_text(text, "meet.md")
    assert record.places == ("Belarus",)
    assert record.mention_of("Belarus").rule == "front-matter"


def test_a_correction_of_the_organisations_has_its_evidence(tmp_path: Path):
    (tmp_path / "meet.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "meet.yml").write_text("organizations: [CSTO Secretariat]\n", encoding="utf-8")
    config = load_config(None, inputs=(tmp_path,), output=tmp_path.parent / "site" / "build")
    [record] = load_corpus(config, use_cache=False).articles
    assert record.organizations == ("CSTO Secretariat",)
    evidence = record.mention_of("CSTO Secretariat")
    assert evidence.rule == "override" and evidence.line == 1


def test_the_sites_data_export_leaves_the_entity_evidence_out(extract_text):
    record = extract_text(TEXT)
    assert "places" in record.to_json()["evidence"]
    exported = record.to_json(entity_evidence=False)["evidence"]
    assert "places" not in exported and "organizations" not in exported
