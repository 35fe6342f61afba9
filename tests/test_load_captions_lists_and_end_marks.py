"""Furniture of our own making, in the shapes wire and international sites print it and the
seeds do not: photo captions that end in their credit, lists of other articles under a label
in the middle of the page, donation and sign-up boxes, desk credits, and an agency's glyph
that ends the story."""

from __future__ import annotations

import pytest

HEADLINE = "Armenia skips the CSTO summit in Astana"
LEAD = (
    "Armenia did not send a delegation to the summit of the Collective Security Treaty Organization in Astana "
    "on Thursday, the second summit in a row that Yerevan has skipped."
)
LAST = "The leaders approved measures to strengthen the Tajik-Afghan border."


def page(middle: str) -> str:
    return f"{HEADLINE}\n\n{LEAD}\n\n{middle}\n\n{LAST}\n"


@pytest.mark.parametrize(
    "caption",
    [
        "FILE - Prime Minister Nikol Pashinyan attends a news conference in Yerevan. (Hayk Baghdasaryan/Photolure via AP, File)",
        "Soldiers walk near the border in the Syunik province [File: Karen Minasyan/AFP]",
        "*Nikol Pashinyan addresses the National Assembly on 12 June. Photo: Armenian Government.*",
        "Border guards on the Panj river; image: TCA",
        "Leaders attend the summit in Astana. Sputnik/Pool via REUTERS  Purchase Licensing Rights, opens new tab",
    ],
)
def test_a_caption_that_ends_in_its_credit_is_furniture(extract_text, caption):
    record = extract_text(page(caption))
    assert record.body == (LEAD, LAST)


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry confirmed that the troops had been deployed to the border (TASS).",  # a source note
        "The summit adopted the declaration, photo by photo, page by page, an official said.",
        "The parties signed the agreement (see the text of the treaty, Article 4).",
    ],
)
def test_a_sentence_with_a_bracket_or_the_word_photo_stays(extract_text, sentence):
    assert sentence in extract_text(page(sentence)).body


@pytest.mark.parametrize(
    ("label", "items"),
    [
        ("READ MORE", ["Kazakhstan's president sacks government", "What is the CSTO, the alliance sending troops?"]),
        ("Related news", ["Türkiye, Armenia agree to continue talks", "Azerbaijan, Armenia trade accusations"]),
        ("Keep reading\nlist of 2 items", ["Armenia says 49 soldiers killed", "Russia brokers ceasefire\nend of list"]),
        ("Related Posts", ["Tajikistan, Kyrgyzstan Sign Border Deal 2 hours ago"]),
    ],
)
def test_a_list_of_other_articles_in_the_middle_of_the_page_is_furniture(extract_text, label, items):
    record = extract_text(page(label + "\n" + "\n".join(items)))
    assert record.body == (LEAD, LAST)
    assert all(item in record.removed for block in items for item in block.split("\n"))


def test_a_list_ends_at_the_first_sentence(extract_text):
    sentence = "Pashinyan said on Friday that Armenia would decide when to leave."
    record = extract_text(page(f"Read more\nKazakhstan hosts the summit\n{sentence}"))
    assert record.body == (LEAD, sentence, LAST)


@pytest.mark.parametrize(
    "box",
    [
        "A Message from The Moscow Times:\nNot ready to support today?\nRemind me later.",
        "Sign up here.",
        "Get the latest news from Central Asia delivered to your inbox every week.",
        "bur-ma/jbr",
        "Editor: huaxia",
        "Text by: NEWS WIRES",
    ],
)
def test_boxes_and_desk_credits_are_furniture(extract_text, box):
    record = extract_text(page(box))
    assert record.body == (LEAD, LAST)


def test_the_agencys_end_glyph_goes_and_the_last_paragraph_stays(extract_text):
    record = extract_text(f"{HEADLINE}\n\n{LEAD}\n\n{LAST} ■\n")
    assert record.body == (LEAD, LAST)
