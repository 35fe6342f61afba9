"""Texts of our own making that analysts collect from services rather than sites: a
monitoring service's translation (its source line dates the text), an e-mail alert pasted
over the article, a wiki's page furniture, a database export's section line and a UN
release's footer."""

from __future__ import annotations

import pytest

HEADLINE = "Armenian minister says Yerevan will not pay CSTO contributions"
LEAD = (
    "Armenia's foreign minister said his country would not finance the Collective Security Treaty "
    "Organization while its participation in the bloc remained frozen."
)
LAST = "The minister added that Armenia had not launched any procedure for withdrawal."


def page(middle: str, tail: str = "") -> str:
    return f"{HEADLINE}\n\n{LEAD}\n\n{middle}\n\n{LAST}\n\n{tail}\n"


MONITORING_TAIL = (
    "Source: Armenpress news agency, Yerevan, in Russian 0930 gmt 5 Mar 24\n\n"
    "(Description of Source: Yerevan Armenpress in Russian -- official news agency of the Republic of Armenia)\n\n"
    "BBC Monitoring"
)


def test_a_monitoring_services_source_line_dates_the_text_and_cites_the_original(extract_text):
    record = extract_text(page("Yerevan, 5 March: The minister spoke at a briefing.", MONITORING_TAIL))
    assert (record.date, record.date_precision) == ("2024-03-05", "day")
    assert (record.date_evidence.rule, record.date_evidence.confidence) == ("footer", 0.8)
    assert [o.name for o in record.cited_sources] == ["Armenpress"]
    assert all("Description of Source" not in p and p != "BBC Monitoring" for p in record.body)


def test_a_date_above_the_text_wins_over_the_monitoring_line(extract_text):
    record = extract_text("date 2024-03-06\n" + page("The minister spoke at a briefing.", MONITORING_TAIL))
    assert (record.date, record.date_evidence.rule) == ("2024-03-06", "header")


def test_a_source_line_without_the_services_time_stamp_gives_no_date(extract_text):
    record = extract_text(
        page("The minister spoke at a briefing.", "Source: Armenpress news agency, Yerevan, 5 Mar 24")
    )
    assert record.date is None


@pytest.mark.parametrize(
    "furniture",
    [
        "Flag as irrelevant\nSee more results | Edit this alert\n"
        "You have received this email because you have subscribed to Google Alerts.\n"
        "Unsubscribe | View all your alerts\nReceive this alert as RSS feed\nSend Feedback",
        "From Wikinews, the free news source you can write!\nSources[edit]\nCategories: CSTO | Armenia",
        "Section: WORLD NEWS; Version:2",
        "For information media. Not an official record.",
    ],
)
def test_service_furniture_is_taken_out(extract_text, furniture):
    record = extract_text(page(furniture))
    assert record.body == (LEAD, LAST)


def test_a_sentence_naming_a_section_stays(extract_text):
    sentence = "The Security Council section of the treaty was read out at the briefing."
    assert sentence in extract_text(page(sentence)).body


LEXIS_LIKE = """Armenia will quit the Russia-led security alliance, says its prime minister
{publication}
June 12, 2024 Wednesday 5:18 PM GMT

Section: WORLD NEWS; Version:2
Length: 602 words
Byline: Anna Petrosyan

Body

{lead}

End of Document
"""

FACTIVA_LIKE = """CSTO says the door remains open for Armenia
487 words
23 February 2024
15:42
{publication}
INTFAX
English

{lead}
"""


@pytest.mark.parametrize(
    ("layout", "publication", "outlet"),
    [
        (LEXIS_LIKE, "The Guardian (London)", "The Guardian"),
        (FACTIVA_LIKE, "Interfax: Russia & CIS General Newswire", "Interfax"),
    ],
)
def test_a_database_exports_publication_line_names_the_publisher(extract_text, layout, publication, outlet):
    record = extract_text(layout.format(publication=publication, lead=LEAD))
    assert record.source is not None
    assert (record.source.name, record.source.evidence.rule, record.source.evidence.text) == (
        outlet,
        "masthead",
        publication,
    )
    assert record.body == (LEAD,)


def test_an_unknown_publication_line_names_no_one(extract_text):
    record = extract_text(LEXIS_LIKE.format(publication="The Evening Courier (Springfield)", lead=LEAD))
    assert record.source is None


def test_a_lexis_byline_under_the_publication_line_names_the_author(extract_text):
    record = extract_text(LEXIS_LIKE.format(publication="The Guardian (London)", lead=LEAD))
    assert record.author == "Anna Petrosyan"
