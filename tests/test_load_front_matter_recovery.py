"""Hand-written front matter with one bad field: the field is dropped or repaired, the article
is kept, and one message names the file and the line. Each case is a file of our own, loaded
the way `build` and `inspect` load it (`load_files`), so the messages are the ones printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from csto_digest.load.corpus import load_files

BODY = "YEREVAN, March 7. Armenia will not pay its contributions to the CSTO budget, the foreign minister said.\n"


@pytest.fixture
def load(tmp_path, config):
    """Load one Markdown file with the given front matter; (its record as JSON, its messages)."""

    def run(front: str, body: str = BODY) -> tuple[dict, list[str]]:
        path = tmp_path / "notes.md"
        path.write_text(f"---\n{front}\n---\n\n{body}", encoding="utf-8")
        result = load_files([path], config)
        assert len(result.articles) == 1, [str(p) for p in result.problems]  # the article is kept
        return result.articles[0].to_json(), [str(p).replace(str(tmp_path), "in") for p in result.problems]

    return run


def test_an_ambiguous_slash_date_gives_no_date_and_a_warning(load):
    record, messages = load("title: Mirzoyan on CSTO contributions\ndate: 07/03/2024\nsource: CivilNet")
    assert (record["title"], record["source"]["name"]) == ("Mirzoyan on CSTO contributions", "CivilNet")
    assert record["date"] is None and record["date_evidence"] is None
    assert messages == [
        "warning: in/notes.md:3: date: '07/03/2024' reads both ways, as 7 March or July 3, 2024 "
        "(write YYYY-MM-DD); ignored"
    ]


def test_a_dropped_date_leaves_the_date_the_body_gives(load):
    record, messages = load(
        "title: Mirzoyan on CSTO contributions\ndate: 07/03/2024", "Published: 8 March 2024\n\n" + BODY
    )
    assert (record["date"], record["date_evidence"]) == ("2024-03-08", "Published: 8 March 2024")
    assert len(messages) == 1 and messages[0].startswith("warning: in/notes.md:3: date: '07/03/2024' reads both ways")


@pytest.mark.parametrize(
    ("written", "date", "precision"),
    [
        ("13/03/2024", "2024-03-13", "day"),  # the day cannot be a month
        ("03/13/2024", "2024-03-13", "day"),
        ("7 March 2024", "2024-03-07", "day"),
        ("March 7, 2024", "2024-03-07", "day"),
        ("10 January 2022, 15:30", "2022-01-10", "day"),
        ("2024-06-12T14:35:00+04:00", "2024-06-12", "day"),
        ("March 2024", "2024-03", "month"),
    ],
)
def test_a_date_that_reads_one_way_is_taken_silently(load, written, date, precision):
    record, messages = load(f"title: CSTO talks\ndate: {written}")
    assert (record["date"], record["date_precision"], record["date_evidence"]) == (date, precision, f"date: {written}")
    assert messages == []


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("yesterday", "date: 'yesterday' is not a date (write YYYY-MM-DD); ignored"),
        ("2024-13-45", "date: '2024-13-45' is not a date (write YYYY-MM-DD); ignored"),
        ("[2024]", "date: expected a date, got list [2024]; ignored"),
    ],
)
def test_a_date_that_is_none_is_dropped_with_a_warning(load, written, message):
    record, messages = load(f"title: CSTO talks\ndate: {written}")
    assert (record["title"], record["date"]) == ("CSTO talks", None)
    assert messages == [f"warning: in/notes.md:3: {message}"]


def test_a_list_of_authors_is_one_author_field(load):
    record, messages = load("title: Pashinyan on leaving\nauthor: [Lilit Shahverdyan, Mariam Nikuradze]")
    assert record["author"] == "Lilit Shahverdyan, Mariam Nikuradze"
    assert messages == []


def test_authors_is_author(load):
    record, messages = load("title: Pashinyan on leaving\nauthors:\n  - Lilit Shahverdyan\n  - Mariam Nikuradze")
    assert record["author"] == "Lilit Shahverdyan, Mariam Nikuradze"
    assert messages == []


def test_an_author_of_no_name_is_dropped_and_the_rest_kept(load):
    record, messages = load("title: Pashinyan on leaving\nauthor: {name: x}\nsource: OC Media")
    assert (record["title"], record["author"], record["source"]["name"]) == ("Pashinyan on leaving", None, "OC Media")
    assert messages == ["warning: in/notes.md:3: author: expected text, got dict {'name': 'x'}; ignored"]


def test_a_colon_in_an_unquoted_title_is_read_line_by_line(load):
    record, messages = load(
        'Title: Putin at CSTO online summit: "We will not allow colour revolutions"\n'
        "Date: 10 January 2022, 15:30\nSource: RIA Novosti\nLink: https://ria.ru/20220110/odkb-1767216790.html\n"
        "tags:\n  - kazakhstan\nthemes: [peacekeeping]"
    )
    assert record["title"] == 'Putin at CSTO online summit: "We will not allow colour revolutions"'
    assert (record["date"], record["source"]["name"]) == ("2022-01-10", "RIA Novosti")
    assert record["url"] == "https://ria.ru/20220110/odkb-1767216790.html"
    assert record["themes"] == ["peacekeeping"]
    assert record["body"] == [BODY.strip()]
    assert messages == [
        "warning: in/notes.md:2: front matter is not valid YAML (mapping values are not allowed here); "
        "read line by line as `key: value`"
    ]


def test_front_matter_that_cannot_be_read_at_all_is_ignored_and_the_body_kept(load):
    record, messages = load("[[[[ unclosed")
    assert record["body"] == [BODY.strip()] and record["title"] and record["date"] is None
    assert messages == [
        "warning: in/notes.md:2: front matter is not valid YAML (expected ',' or ']', but got '<stream end>'); ignored"
    ]


def test_front_matter_that_is_not_a_mapping_is_ignored_and_the_body_kept(load):
    record, messages = load("- a title\n- 2024-03-07")
    assert record["body"] == [BODY.strip()] and record["date"] is None
    assert messages == ["warning: in/notes.md:2: front matter is not a mapping of fields (`key: value`); ignored"]


def test_keys_are_read_whatever_their_case_and_link_is_the_url(load):
    record, messages = load("TITLE: CSTO talks\nDate: 2024-03-07\nSource: CivilNet\nLink: https://civilnet.am/a/")
    assert (record["title"], record["date"], record["url"]) == ("CSTO talks", "2024-03-07", "https://civilnet.am/a/")
    assert record["source"] == {"name": "CivilNet", "evidence": "Source: CivilNet"}
    assert messages == []


def test_a_field_given_twice_keeps_the_first(load):
    record, messages = load("title: CSTO talks\nTitle: Other talks\nurl: https://a.am/1\nlink: https://a.am/2")
    assert (record["title"], record["url"]) == ("CSTO talks", "https://a.am/1")
    assert messages == [
        "warning: in/notes.md:3: Title: title is given twice (line 2); ignored",
        "warning: in/notes.md:5: link: url is given twice (line 4); ignored",
    ]


def test_a_misspelt_field_is_named_and_other_fields_of_the_user_s_are_left_alone(load):
    record, messages = load(
        "titel: CSTO talks\ntitle: Mirzoyan on CSTO contributions\nkeywords: CSTO; budget\ndraft: true"
    )
    assert record["title"] == "Mirzoyan on CSTO contributions"
    assert messages == ["warning: in/notes.md:2: titel: not a field we read (did you mean title?); ignored"]


def test_sources_are_the_cited_sources(load):
    record, messages = load("title: Border programme\nsources: [Asia-Plus, Sputnik Tajikistan]")
    assert record["cited_sources"] == ["Asia-Plus", "Sputnik Tajikistan"]
    assert messages == []


def test_a_list_field_of_the_wrong_kind_is_dropped_and_one_name_is_a_list_of_one(load):
    record, messages = load("title: CSTO talks\nspeakers: 3\nplaces: Minsk\nthemes: [armenia-membership, '']")
    assert (record["title"], record["speakers"], record["places"]) == ("CSTO talks", [], ["Minsk"])
    assert record["themes"] == ["armenia-membership"]
    assert messages == [
        "warning: in/notes.md:3: speakers: expected a list, got int 3; ignored",
        "warning: in/notes.md:5: themes: item 2 is '', not text; dropped",
    ]


def test_the_warnings_come_again_on_a_rebuild_from_the_cache(tmp_path, config):
    path = tmp_path / "notes.md"
    path.write_text(f"---\ntitle: CSTO talks\ndate: 07/03/2024\n---\n\n{BODY}", encoding="utf-8")
    first = load_files([path], config, use_cache=True)
    path.touch()  # touched, not changed: the record comes from the cache
    again = load_files([path], config, use_cache=True)
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems] != []
    assert len(again.articles) == 1


def test_inspect_keeps_the_article_and_names_the_line(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from csto_digest.cli import main

    (tmp_path / "notes.md").write_text(
        f"---\ntitle: Pashinyan on leaving\nauthor: [Lilit Shahverdyan, Mariam Nikuradze]\ndate: 07/03/2024\n---\n\n{BODY}",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(main, ["inspect", "notes.md"])
    assert done.exit_code == 0, done.output
    assert "warning: notes.md:4: date: '07/03/2024' reads both ways" in done.output
    assert '"author": "Lilit Shahverdyan, Mariam Nikuradze"' in done.output
    assert Path(tmp_path / "notes.md").exists()
