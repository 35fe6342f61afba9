"""Regional sites' ways of naming themselves, of our own making: a site's address as the
dateline's tag (`ASTANA, Zakon.kz –`, `Vesti.kg –`), a city and a tag with no date
(`Yerevan /Mediamax/.`), the site's name signed under the text, an "Also on this topic"
list, and a page whose header date and URL disagree."""

from __future__ import annotations

import pytest

from csto_digest.checks import check
from csto_digest.model import Groups

HEADLINE = "CSTO will pay for the first stage of the border programme"
REST = "Secretary General Imangali Tasmagambetov said at a press briefing on Thursday that the money was found."


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        ("ASTANA, Zakon.kz – The first stage of the programme will be financed from the common budget.", "Zakon.kz"),
        ("Vesti.kg – The Foreign Ministry of Kyrgyzstan has called on the CSTO to react to the clashes.", "Vesti.kg"),
        ("Yerevan /Mediamax/. Prime Minister Nikol Pashinyan stated today that Armenia would withdraw.", "Mediamax"),
    ],
)
def test_a_sites_address_or_tag_in_the_dateline_names_the_publisher(extract_text, lead, outlet):
    record = extract_text(f"{HEADLINE}\n\n{lead}\n\n{REST}\n")
    assert record.source is not None
    assert (record.source.name, record.source.evidence.rule) == (outlet, "dateline")


def test_without_a_headline_the_title_is_made_from_the_lead_not_the_dateline(extract_text):
    record = extract_text(
        f"Yerevan /Mediamax/. Prime Minister Nikol Pashinyan stated today that Armenia would go.\n\n{REST}\n"
    )
    assert record.title_derived
    assert "Mediamax" not in record.title
    assert record.title.startswith("Prime Minister Nikol Pashinyan")


def test_a_slash_between_words_opening_a_paragraph_is_no_dateline(extract_text):
    record = extract_text(f"{HEADLINE}\n\nRussia /Ukraine/ war: the CSTO stays out of it, officials said on Monday.\n")
    assert record.source is None


@pytest.mark.parametrize("signature", ["Minsk Herald", "Kaktus.media"])
def test_a_known_sites_name_signed_under_the_text_names_the_publisher(extract_text, signature):
    record = extract_text(f"{HEADLINE}\n\n{REST}\n\nThe ministry said nothing more.\n\n{signature}\n")
    assert record.source is not None
    assert (record.source.name, record.source.evidence.rule) == (signature, "masthead")
    assert signature not in record.body


def test_an_unknown_name_signed_under_the_text_stays_text(extract_text):
    record = extract_text(f"{HEADLINE}\n\n{REST}\n\nThe ministry said nothing more.\n\nYerevan Evening Courier\n")
    assert record.source is None


def test_an_also_on_this_topic_list_is_furniture(extract_text):
    text = (
        f"{HEADLINE}\n\n{REST}\n\nAlso on this topic:\nKyrgyzstan and Tajikistan sign a border deal\n"
        "Tashiev visits the border posts\n\nThe ministry said nothing more.\n"
    )
    assert extract_text(text).body == (REST, "The ministry said nothing more.")


def test_a_header_date_that_the_url_contradicts_says_so(extract_text):
    text = f"date 2024-11-28 https://daryo.uz/en/2024/11/27/csto-border-programme\n{HEADLINE}\n\n{REST}\n"
    record = extract_text(text)
    assert (record.date, record.date_evidence.rule) == ("2024-11-28", "header")
    assert "the url says 2024-11-27" in record.date_evidence.note
    findings = [
        f for f in check([record], Groups(themes={}, stories=(), statements=())) if f.kind == "conflicting-dates"
    ]
    assert [f.message for f in findings] == ["dated 2024-11-28 from the header, but the url says 2024-11-27"]


def test_a_url_that_agrees_adds_no_note(extract_text):
    text = f"date 2024-11-27 https://daryo.uz/en/2024/11/27/csto-border-programme\n{HEADLINE}\n\n{REST}\n"
    record = extract_text(text)
    assert "says" not in (record.date_evidence.note or "")
