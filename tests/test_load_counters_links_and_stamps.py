"""Page furniture of our own making from Telegram reposts and post-Soviet agency pages:
counters printed as emoji, time stamps with no year, a reproduction notice, the foot of a
transcript page, and the page's own address printed under a label ("Link to the
article:", "Direct link:"). Also a theme rule that must tell rejoining the bloc from
returning to its work."""

from __future__ import annotations

import pytest

HEADLINE = "CSTO drills Interaction-2024 open in Kyrgyzstan"
LEAD = (
    "Units of the CSTO Collective Rapid Reaction Forces began the active phase of the exercise at a training "
    "ground near Balykchy, the Kyrgyz Defence Ministry said."
)
LAST = "More than 2,000 servicemen and about 500 pieces of equipment are involved."


def page(middle: str) -> str:
    return f"{HEADLINE}\n\n{LEAD}\n\n{middle}\n\n{LAST}\n"


@pytest.mark.parametrize(
    "line",
    [
        "👁 48.2K",
        "👍 1.2K  🔥 318  ❤️ 95",
        "Sep 4 at 11:02",
        "4 September, 11:02",
        "Copying is allowed only with active link to 24.kg",
        "Publication status\nPublished in sections: News, Transcripts",
    ],
)
def test_counters_stamps_and_notices_are_furniture(extract_text, line):
    record = extract_text(page(line))
    assert record.body == (LEAD, LAST)
    assert record.date is None  # a stamp with no year gives no date


@pytest.mark.parametrize(
    "sentence",
    [
        "📌 Armenia once again refused to send its troops to the drills.",
        "Sep 4 the drills resumed at 11:02 near Balykchy.",
    ],
)
def test_a_sentence_with_an_emoji_or_a_time_stays(extract_text, sentence):
    assert sentence in extract_text(page(sentence)).body


@pytest.mark.parametrize(
    ("line", "url"),
    [
        ("Link to the article: https://24.kg/english/313131/", "https://24.kg/english/313131/"),
        ("Direct link: kremlin.ru/d/75698", "https://kremlin.ru/d/75698"),
        (
            "Permalink: https://www.themoscowtimes.com/2024/03/12/a84412",
            "https://www.themoscowtimes.com/2024/03/12/a84412",
        ),
    ],
)
def test_the_pages_own_address_under_a_label_is_its_url_wherever_it_stands(extract_text, line, url):
    record = extract_text(page(line))
    assert record.url == url
    assert record.body == (LEAD, LAST)
    assert line in record.removed


def test_a_source_address_under_the_text_is_not_the_pages_url(extract_text):
    record = extract_text(page("Source: https://tass.com/world/1712345"))
    assert record.url is None


@pytest.mark.parametrize(
    ("sentence", "enlargement"),
    [
        ("Putin said the door remained open for Yerevan to return to the alliance's work.", False),
        ("Uzbekistan could return to the CSTO, a diplomat said.", True),
        ("Uzbekistan could rejoin the alliance in 2026, a diplomat said.", True),
        ("Asked whether Armenian officers would return to the CSTO Joint Staff, he said no.", False),
        ("Why Tashkent is in no hurry to rejoin the CSTO", True),  # at the end of a sentence, as in a headline
    ],
)
def test_returning_to_the_blocs_work_is_not_enlargement(extract_text, sentence, enlargement):
    record = extract_text(
        f"Armenia and the CSTO\n\nThe Collective Security Treaty Organization met in Astana. {sentence}\n"
    )
    assert ("enlargement" in {hit.slug for hit in record.themes}) is enlargement


@pytest.mark.parametrize(
    ("byline", "note"),
    [
        (
            "By  AVET DEMOURIAN and DASHA LITVINOVA",
            "AVET DEMOURIAN\nDemourian covers Armenia for The Associated Press.",
        ),
        ("By Stephen M. Bland & Aliya Haidar", "Stephen M. Bland is Editor-in-Chief of The Times of Central Asia."),
    ],
)
def test_a_note_on_the_author_closing_the_page_is_furniture(extract_text, byline, note):
    record = extract_text(f"{HEADLINE}\n{byline}\n\n{LEAD}\n\n{LAST}\n\n{note}\n")
    assert record.body == (LEAD, LAST)
    assert all(line in record.removed for line in note.split("\n"))


def test_a_last_sentence_about_someone_else_stays(extract_text):
    last = "Serdyukov is the commander of the Collective Rapid Reaction Forces."
    record = extract_text(f"{HEADLINE}\nBy Anna Petrosyan\n\n{LEAD}\n\n{last}\n")
    assert record.body == (LEAD, last)


def test_a_last_sentence_about_the_author_that_says_more_stays(extract_text):
    last = "Petrosyan said the drills were a show of force. She added that Armenia was absent."
    record = extract_text(f"{HEADLINE}\nBy Anna Petrosyan\n\n{LEAD}\n\n{last}\n")
    assert record.body[-1] == last


def test_an_agencys_subscription_notice_is_furniture(extract_text):
    notice = (
        "Anadolu Agency website contains only a portion of the news stories offered to subscribers in the AA News "
        "Broadcasting System (HAS), and in summarized form. Please contact us for subscription options."
    )
    assert extract_text(page(notice)).body == (LEAD, LAST)


@pytest.mark.parametrize(
    ("sentence", "deployment"),
    [
        ("Units from Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan take part; Armenia sent no troops.", False),
        ("CSTO troops began to leave Kazakhstan after the January unrest.", True),
    ],
)
def test_a_list_of_members_naming_kazakhstan_is_not_the_2022_deployment(extract_text, sentence, deployment):
    record = extract_text(f"CSTO drills\n\nThe Collective Security Treaty Organization held drills. {sentence}\n")
    assert ("kazakhstan-2022" in {hit.slug for hit in record.themes}) is deployment
