"""Explainers with question subheads are not interviews; dash interviews with prompts and
answers over several paragraphs; transcripts with an office before the speaker's name and
turns over several paragraphs; an honorific is no role; `X, the spokesman, said only: "`;
"the minister" found through a long title written with "of"."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def quotes(record) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in record.quotes]


EXPLAINER = article("""
    The CSTO and the unrest in Kyrgyzstan: a short guide

    BISHKEK, 3 May 2024. Our desk explains the request for help that Sadyr Japarov sent to the alliance.

    What has happened?

    Rallies over water tariffs grew into clashes in three towns. Japarov closed the roads to the south and asked the CSTO to send a contingent.

    Why does it matter?

    It would be only the second mission of the alliance on the soil of a member. Japarov has said he will not need it for long.

    What does this mean for you?

    Flights from the capital run as usual, but the roads to the south stay closed until further notice.
""")


def test_question_subheads_of_an_explainer_make_no_interview(extract_text):
    record = extract_text(EXPLAINER)
    assert quotes(record) == []  # "you" in one subhead of three addresses the reader, not an interviewee


MD_NOTES = """---
title: Notes on the CSTO border fund
date: 2024-04-02
---
## Where things stand

Deputy Secretary General Arman Seitkali said the first money was due "before the end of the summer".

## Still unclear

* Which member pays for the second stage?
* Will the observers come from outside the alliance?

_Put together by the editors from public statements._
"""


def test_a_markdown_footer_under_a_list_of_questions_is_no_ones_answer(extract_text):
    record = extract_text(MD_NOTES, "notes.md")
    assert quotes(record) == [("Arman Seitkali", "before the end of the summer")]


ADDRESSED = article("""
    Interview: a Kyrgyz envoy on the alliance

    Our correspondent spoke with Kyrgyz ambassador Talant Omurbekov about the CSTO in Central Asia.

    How do you see the role of the organisation in the region today?

    It is our main guarantee. We rely on the collective forces whenever the southern border grows tense.

    What would you change in it first?

    I would make its decisions faster. Consensus takes too long once a crisis has begun.
""")


def test_plain_questions_addressed_to_an_interviewee_are_an_interview(extract_text):
    record = extract_text(ADDRESSED)
    assert quotes(record) == [
        (
            "Talant Omurbekov",
            "It is our main guarantee. We rely on the collective forces whenever the southern border grows tense.",
        ),
        ("Talant Omurbekov", "I would make its decisions faster. Consensus takes too long once a crisis has begun."),
    ]
    assert {q.evidence.rule for q in record.quotes} == {"interview"}


DASHED = article("""
    "We were never asked": a former envoy on the CSTO

    Yerevan weekly Aravot talked to Gagik Melkonyan, a former ambassador of Armenia, about the alliance.

    — Mr. Melkonyan, did the alliance keep its promises to Armenia?

    — It kept the promises that cost it nothing. The rest stayed on paper for years.

    That is why the government stopped sending delegates. Nobody in the secretariat was surprised.

    — Could the alliance have acted in September?

    — It could have. It chose to send a report instead.

    — Moscow says the door stays open.

    — A door is open only if someone is waiting behind it. I see nobody there.

    The conversation was shortened for print.
""")


def test_dash_interview_prompt_without_question_mark_and_answer_over_two_paragraphs(extract_text):
    record = extract_text(DASHED)
    assert quotes(record) == [
        (
            "Gagik Melkonyan",
            "It kept the promises that cost it nothing. The rest stayed on paper for years. That is why the "
            "government stopped sending delegates. Nobody in the secretariat was surprised.",
        ),
        ("Gagik Melkonyan", "It could have. It chose to send a report instead."),
        ("Gagik Melkonyan", "A door is open only if someone is waiting behind it. I see nobody there."),
    ]  # the narration under the last answer is not part of it


TRANSCRIPT = article("""
    Meeting of the CSTO Council of Foreign Ministers

    The ministers met in Bishkek. The meeting was opened by Minister of Foreign Affairs of the Kyrgyz Republic Zheenbek Kulubaev.

    Minister of Foreign Affairs of the Kyrgyz Republic Zheenbek Kulubaev: Dear colleagues, I am glad to see you in Bishkek.

    We have a long agenda, so I will not delay us with a long speech.

    Ruslan Abdullaev: Mr Kulubaev, colleagues,

    Let me thank our Kyrgyz hosts for their warm welcome.

    Our delegation supports the draft statement on the border and will sign it today.

    Zheenbek Kulubaev: Thank you. Mr Abdullaev, please go on.

    The ministers then adopted the statement without a vote.
""")


def test_transcript_titled_label_greeting_turn_and_turns_over_paragraphs(extract_text):
    record = extract_text(TRANSCRIPT)
    assert quotes(record) == [
        (
            "Zheenbek Kulubaev",
            "Dear colleagues, I am glad to see you in Bishkek. We have a long agenda, so I will not delay us with "
            "a long speech.",
        ),
        (
            "Ruslan Abdullaev",
            "Mr Kulubaev, colleagues, Let me thank our Kyrgyz hosts for their warm welcome. Our delegation supports "
            "the draft statement on the border and will sign it today.",
        ),
        ("Zheenbek Kulubaev", "Thank you. Mr Abdullaev, please go on."),
    ]  # the narration after the last turn speaks of the ministers in the third person: not Kulubaev's
    assert {q.evidence.rule for q in record.quotes} == {"transcript"}
    roles = {s.name: s.role for s in record.speakers}
    # "Mr" is no role; the office written out before the name is
    assert roles == {
        "Zheenbek Kulubaev": "Minister of Foreign Affairs of the Kyrgyz Republic",
        "Ruslan Abdullaev": None,
    }


def test_a_greeting_label_with_no_speech_after_it_is_no_quote(extract_text):
    record = extract_text(
        article("""
        Ministers meet in Bishkek

        Ruslan Abdullaev: Mr Kulubaev, colleagues,

        The ministers then adopted the statement without a vote.
        """)
    )
    assert quotes(record) == []


SAID_ONLY = article("""
    Astana keeps quiet on CSTO talks

    ASTANA, 12 June 2024. Kazakhstan did not say whether it had asked the alliance for more drills.

    Timur Abdrakhmanov, the ministry's spokesman, asked whether the drills had been discussed, said only: "Talks go on at every level."

    The deputy minister, looking tired, said: "We will give the full answer when the consultations are over."
""")


def test_a_colon_quote_after_an_aside_is_the_subjects(extract_text):
    record = extract_text(SAID_ONLY)
    assert quotes(record) == [
        ("Timur Abdrakhmanov", "Talks go on at every level."),
        (None, "We will give the full answer when the consultations are over."),  # no deputy minister named
    ]


TITLED_MINISTER = article("""
    Kyrgyz interior minister meets CSTO delegation

    BISHKEK, 20 May 2024. Minister of Internal Affairs of the Kyrgyz Republic Lieutenant General Ulan Niyazbekov received a delegation of the CSTO secretariat.

    According to Ulan Niyazbekov, drug seizures on the southern border doubled last year.

    "Our border posts now need drones and night optics more than anything else," the minister noted.

    "We will bring this request to the next council of the alliance," the ambassador added.
""")


def test_the_minister_is_the_person_whose_long_title_names_a_minister(extract_text):
    record = extract_text(TITLED_MINISTER)
    assert quotes(record) == [
        ("Ulan Niyazbekov", "Our border posts now need drones and night optics more than anything else"),
        (None, "We will bring this request to the next council of the alliance"),  # no ambassador in the article
    ]


def test_the_next_name_in_a_list_gives_no_role_to_the_name_before(extract_text):
    record = extract_text(
        article("""
        Kyrgyz delegation agrees CSTO statement

        The talks were attended by Ruslan Abdullaev, Deputy Minister Bakyt Sydykov and experts of the secretariat.

        "We have agreed on the text of the statement and will sign it in June," Abdullaev said.
        """)
    )
    assert [(s.name, s.role) for s in record.speakers] == [("Ruslan Abdullaev", None)]
