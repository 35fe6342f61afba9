"""Quotes in straight single marks, as British pages print them ('We are ready,' he said),
and a byline with the writer's role after a comma. The mark is also the apostrophe, so the
near misses matter as much: Armenia's, the ministers' meeting, the '90s."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


BRITISH = article("""
    Armenia will not host CSTO drills, says Pashinyan

    By Steve Rosenberg, BBC Russia editor

    12 January 2023

    Armenia will not host military exercises of the Russian-led CSTO alliance this year, Prime Minister Nikol Pashinyan has said.

    'We consider it inappropriate to hold Armenia's share of the ministers' exercises in the current situation,' Mr Pashinyan told a news conference in Yerevan.

    The Kremlin said it would study the statement. 'We will continue our dialogue,' said spokesman Dmitry Peskov.
""")

APOSTROPHES_ONLY = article("""
    The CSTO in the '90s

    In the '90s the CSTO's members met every year, and the ministers' meetings were held in Moscow, officials said on Monday in a long statement about the organisation's history.

    Armenia's delegation did not attend this year's session.
""")


def test_straight_single_quotes_are_quotes_and_apostrophes_stay_inside(extract_text):
    record = extract_text(BRITISH)
    assert record.author == "Steve Rosenberg"
    assert [(q.text, q.speaker) for q in record.quotes] == [
        (
            "We consider it inappropriate to hold Armenia's share of the ministers' exercises in the current situation",
            "Nikol Pashinyan",
        ),
        ("We will continue our dialogue", "Dmitry Peskov"),
    ]


def test_apostrophes_alone_make_no_quote(extract_text):
    assert extract_text(APOSTROPHES_ONLY).quotes == ()
