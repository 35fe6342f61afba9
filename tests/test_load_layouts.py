"""The loader on articles of our own making, in layouts the seeds don't show:
datelines of several kinds, attribution before and after, by role and by
pronoun, guillemets, multi-paragraph quotes, interviews, unknown people."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


ASIA_PLUS = article("""
    Tajik border guards to get new equipment under CSTO programme

    DUSHANBE, June 22, 2012, Asia-Plus -- The Collective Security Treaty Organization will deliver equipment to Tajik border guards on the Tajik-Afghan border, CSTO Secretary General Nikolai Bordyuzha told reporters on Friday.

    "We have agreed on the list of equipment, and the first deliveries will be made before the end of the year," Bordyuzha said.

    According to him, "the situation on the Afghan border remains difficult, and we cannot leave Tajikistan alone with this problem."

    The deputy head of the border service, Colonel Rustam Nazarov, said the guards needed night-vision devices. "Our posts in Badakhshan have waited for these devices for years," Nazarov noted.
""")

TASS = article("""
    Lavrov: CSTO will not abandon Armenia
    MOSCOW, January 29. /TASS/. Russian Foreign Minister Sergey Lavrov said on Monday that the CSTO is ready to deploy a monitoring mission to Armenia's border with Azerbaijan.
    Lavrov said: "The offer of a CSTO mission remains on the table. It is up to our Armenian friends to decide."
    "We have never refused to help our ally," the minister stressed.
    Armenian Foreign Minister Ararat Mirzoyan, however, said Yerevan had frozen its participation in the bloc. «Armenia has de facto frozen its participation in the CSTO, and this is a considered decision,» Mirzoyan told journalists in Yerevan.
    Kremlin spokesman Dmitry Peskov declined to comment. "We are in constant contact with our Armenian partners on this issue, and we will continue the dialogue," the Kremlin spokesman noted.
""")

BYLINE_FIRST = article("""
    Wed 15th September 2021 | 11:50 AM
    Kazakh President calls for stronger CSTO response forces
    Kazakh President Kassym-Jomart Tokayev has urged CSTO partners to strengthen the collective rapid reaction forces.
    “The situation in Afghanistan has changed dramatically. We must be ready for any scenario,” Tokayev said at the session.
    “The organisation’s forces must be modern and mobile.
    “They must be able to act within hours, not weeks. This is what our citizens expect from us,” he continued.
""")

INTERVIEW = article("""
    Interview: CSTO chief on the year ahead
    YEREVAN, March 5. /ARKA/. CSTO Secretary General Stanislav Zas gave an interview to ARKA news agency. We publish it in full.
    — Mr. Zas, how do you assess the year that has passed?
    — It was a difficult year for the whole organisation. We held more than a hundred events, including exercises of our collective forces.
    — Is the question of new members on the agenda?
    — No. At present, no state has applied to join the CSTO, and we are not in a hurry.
""")

REUTERS = article("""
    ALMATY (Reuters) - Kazakhstan asked the Russian-led CSTO for help on Wednesday as protests over fuel prices spread.
    "The decision was taken in view of the threat to national security," Armenian Prime Minister Nikol Pashinyan, who chairs the CSTO's collective security council, wrote on Facebook.
    Analysts said the move was a "turning point" for the bloc.
""")


def test_asia_plus_dateline_gives_outlet_and_full_date(extract_text):
    record = extract_text(ASIA_PLUS)
    assert record.source.name == "Asia-Plus"
    assert record.source.evidence.rule == "dateline"
    assert (record.date, record.date_precision) == ("2012-06-22", "day")


def test_attribution_after_before_and_by_pronoun(extract_text):
    record = extract_text(ASIA_PLUS)
    got = [(q.text[:20], q.speaker) for q in record.quotes]
    assert got == [
        ("We have agreed on th", "Nikolai Bordyuzha"),
        ("the situation on the", "Nikolai Bordyuzha"),
        ("Our posts in Badakhs", "Rustam Nazarov"),
    ]
    assert [s.name for s in record.speakers] == ["Nikolai Bordyuzha", "Rustam Nazarov"]


def test_tass_dateline_without_year_gives_outlet_but_no_date(extract_text):
    record = extract_text(TASS)
    assert record.source.name == "TASS"
    assert record.date is None and record.date_precision is None


def test_roles_guillemets_and_office_titles(extract_text):
    record = extract_text(TASS)
    speakers = {q.text[:12]: q.speaker for q in record.quotes}
    assert speakers == {
        "The offer of": "Sergey Lavrov",
        "We have neve": "Sergey Lavrov",  # "the minister stressed"
        "Armenia has ": "Ararat Mirzoyan",  # «guillemets»
        "We are in co": "Dmitry Peskov",  # "the Kremlin spokesman noted"
    }
    roles = {s.name: s.role for s in record.speakers}
    assert roles["Ararat Mirzoyan"] == "Armenian Foreign Minister"
    assert "armenia-membership" in [t.slug for t in record.themes]


def test_byline_before_title_and_multi_paragraph_quote(extract_text):
    record = extract_text(BYLINE_FIRST)
    assert record.title == "Kazakh President calls for stronger CSTO response forces"
    assert (record.date, record.date_evidence.rule) == ("2021-09-15", "byline")
    # A quote over two paragraphs is a quote per paragraph, all the speaker's, none holding the inner mark.
    assert len(record.quotes) == 3
    second, third = record.quotes[1:]
    assert second.text.startswith("The organisation’s forces") and third.text.endswith("expect from us")
    assert {q.speaker for q in record.quotes} == {"Kassym-Jomart Tokayev"}
    assert not any(mark in q.text for q in record.quotes for mark in "“”")


def test_interview_answers_are_the_interviewees_quotes(extract_text):
    record = extract_text(INTERVIEW)
    assert [q.text[:10] for q in record.quotes] == ["It was a d", "No. At pre"]
    assert {q.speaker for q in record.quotes} == {"Stanislav Zas"}
    assert all(not q.text.endswith("?") for q in record.quotes)


def test_reuters_appositive_attribution_and_scare_quotes(extract_text):
    record = extract_text(REUTERS)
    assert record.source.name == "Reuters"
    assert record.title_derived
    assert [(q.text[:12], q.speaker) for q in record.quotes] == [("The decision", "Nikol Pashinyan")]


def test_date_in_body_is_not_the_publication_date(extract_text):
    record = extract_text(
        article("""
        CSTO drills end in Tajikistan
        The exercises ended on 12 March 2024 at a range near Dushanbe, the ministry said.
        Photo: exercises on 10 March 2024
        """)
    )
    assert record.date is None


def test_unknown_person_with_patronymic_is_found(extract_text):
    record = extract_text(
        article("""
        Expert doubts CSTO reform
        "The organisation has to decide what it is for, otherwise it will slowly fade away," political scientist Arkady Petrovich Dubnov told the outlet.
        """)
    )
    assert [s.name for s in record.speakers] == ["Arkady Petrovich Dubnov"]


ARMENPRESS = article("""
    Armenia will not attend CSTO summit, Pashinyan confirms

    By Anna Petrosyan
    November 23, 2023 17:45

    YEREVAN, NOVEMBER 23, ARMENPRESS. Prime Minister Nikol Pashinyan on Thursday confirmed that he would skip the summit of the Collective Security Treaty Organization in Minsk.

    ‘Armenia’s position on the CSTO is well known, and I have nothing to add to it,’ Pashinyan told reporters in Yerevan.

    Asked whether Armenia intends to leave the bloc, he said the question was not on the agenda "for now".

    "We are not discussing withdrawal today," the Armenian leader said, "but we are not participating in the work of the organisation either."

    Pashinyan: The CSTO failed to fulfil its obligations to Armenia in 2021 and 2022, and everyone knows it.
""")


def test_byline_author_single_quotes_interrupted_quote_and_transcript_label(extract_text):
    record = extract_text(ARMENPRESS)
    assert record.author == "Anna Petrosyan"
    assert (record.date, record.date_evidence.rule) == ("2023-11-23", "byline")
    assert record.source.name == "Armenpress"
    got = [(q.text[:16], q.speaker, q.kind) for q in record.quotes]
    assert got == [
        ("Armenia’s positi", "Nikol Pashinyan", "quoted"),  # ‘single marks’, apostrophe inside
        ("We are not discu", "Nikol Pashinyan", "quoted"),  # "the Armenian leader said", then ...
        ("but we are not p", "Nikol Pashinyan", "quoted"),  # ... the second half, the same speaker's
        ("The CSTO failed ", "Nikol Pashinyan", "unmarked"),  # "Pashinyan: ..."
    ]


MARKDOWN = """---
title: CSTO to hold peacekeeping drills in Kyrgyzstan
date: 2023-09-01
source: 24.kg
---
# CSTO to hold peacekeeping drills in Kyrgyzstan

BISHKEK -- The **Collective Security Treaty Organization** will hold its *Interaction-2023* drills, the [Defence Ministry](https://mil.kg) said.

"More than 2,000 servicemen from all member states will take part in the exercises," Colonel Yuri Aksenov told reporters.
"""


def test_markdown_front_matter_wins_and_says_so(extract_text):
    record = extract_text(MARKDOWN, "drills.md")
    assert record.format == "markdown"
    assert record.title == "CSTO to hold peacekeeping drills in Kyrgyzstan"
    assert (record.date, record.date_evidence.rule) == ("2023-09-01", "front-matter")
    assert record.source.name == "24.kg" and record.source.evidence.rule == "front-matter"
    assert [q.speaker for q in record.quotes] == ["Yuri Aksenov"]
    assert "**" not in " ".join(record.body)


def test_bad_front_matter_is_a_warning_naming_the_line_and_the_article_is_kept(config):
    from csto_digest.load.corpus import extract_one
    from csto_digest.load.frontmatter import front_matter_problems
    from csto_digest.model import Article

    for text, line, words in (
        ("---\ntitle: ok\ndate: [yesterday\n---\nText.\n", 3, "YAML"),
        ("---\ntitle: ok\nspeakers: 3\n---\nText.\n", 3, "speakers"),
        ("---\ndate: yesterday\n---\nText.\n", 2, "date"),
    ):
        record = extract_one("bad.md", text, config)
        assert isinstance(record, Article) and record.body == ("Text.",) and record.date is None
        (problem, *_) = front_matter_problems("bad.md", text)
        assert (problem.path, problem.line, problem.severity) == ("bad.md", line, "warning")
        assert words in problem.message


QA = article("""
    Q&A: The CSTO after Kazakhstan
    Kazinform correspondent spoke with CSTO Secretary General Stanislav Zas about the organisation's plans.
    Q: What lessons did the organisation draw from the January events?
    A: The main lesson is that the mechanism works. The decision was taken within hours.
    Q: Will the CSTO expand?
    A: We do not set ourselves the task of expansion. Quality matters more to us than quantity.
""")


def test_q_and_a_interview(extract_text):
    record = extract_text(QA)
    assert [(q.text[:12], q.speaker, q.kind) for q in record.quotes] == [
        ("The main les", "Stanislav Zas", "unmarked"),
        ("We do not se", "Stanislav Zas", "unmarked"),
    ]


ANALYSIS = article("""
    Why the CSTO failed Armenia
    Prime Minister Nikol Pashinyan has repeatedly accused the organisation of failing to meet its obligations. In February 2024 he said Armenia had "de facto frozen" its participation.
    "The CSTO did not fulfil its obligations towards Armenia, and we cannot pretend that this did not happen," Pashinyan told lawmakers on June 12.
    "Armenia's leadership is using the CSTO as a scapegoat for its own failures," said Andrei Kortunov, a political scientist.
    For now, the so-called "frozen membership" remains an unusual status that the CSTO charter does not foresee.
""")


def test_analysis_partial_and_scare_quotes_are_not_quotes(extract_text):
    record = extract_text(ANALYSIS)
    assert [(q.text[:12], q.speaker) for q in record.quotes] == [
        ("The CSTO did", "Nikol Pashinyan"),
        ("Armenia's le", "Andrei Kortunov"),
    ]
    assert record.date is None  # "In February 2024" and "June 12" are events, not the publication
    roles = {s.name: s.role for s in record.speakers}
    assert roles["Andrei Kortunov"] == "political scientist"


INSTITUTIONS = article("""
    Russia comments on the summit
    Russian Foreign Ministry spokeswoman Maria Zakharova spoke at a briefing on Tuesday about the CSTO summit.
    The ministry said the "counter-terrorist operation in the south of the country will continue for a while".
    Analysts said the so-called "frozen membership regime" was unprecedented.
    "We see no need for a new mission at the border of our ally today," the spokeswoman said.
    "The collective forces are ready to act at short notice," the CSTO secretariat said in a statement.
""")


def test_institutions_quote_nobody_and_common_nouns_are_not_people(extract_text):
    record = extract_text(INSTITUTIONS)
    assert [(q.text[:12], q.speaker) for q in record.quotes] == [
        ("counter-terr", None),  # "the ministry said": a quotation of no one person
        ("We see no ne", "Maria Zakharova"),  # "the spokeswoman said"
        ("The collecti", None),
    ]
    assert [s.name for s in record.speakers] == ["Maria Zakharova"]


def test_unmarked_speech_by_a_person_with_an_initial(extract_text):
    record = extract_text(
        article("""
        Kanal operation ends
        The operation showed that the old route is still in use, and that our border remains the first line of defence for all of us, said Deputy Secretary General V. Semerikov.
        """)
    )
    assert [(q.kind, q.speaker) for q in record.quotes] == [("unmarked", "Valery Semerikov")]


def test_head_of_state_guillemets_and_second_quote_in_a_paragraph(extract_text):
    record = extract_text(
        article("""
        Tokayev thanks allies
        Kazakh President Kassym-Jomart Tokayev addressed parliament on Tuesday.
        Speaking at the session, the Head of State said: «The mission of the collective forces has been completed successfully».
        "The question is how Armenia will leave," says Lilit Harutyunyan, a political scientist. "Nobody in the government wants a dramatic break with Moscow."
        """)
    )
    assert [q.speaker for q in record.quotes] == ["Kassym-Jomart Tokayev", "Lilit Harutyunyan", "Lilit Harutyunyan"]


def test_patronymic_and_middle_initial_forms_are_one_person(extract_text):
    record = extract_text(
        article("""
        Bordyuzha on the border
        DUSHANBE, October 14, 2013, Asia-Plus -- CSTO Secretary-General Nikolai N. Bordyuzha says the Organization is ready to help.
        "We are talking about equipment and the training of personnel for our allies," the CSTO chief said.
        "Militant groups are active near the border, and we must be ready," Nikolai Bordyuzha stressed.
        """)
    )
    assert [s.name for s in record.speakers] == ["Nikolai Bordyuzha"]


NEWS_SITE = article("""
    Mirzoyan: Armenia does not plan to pay its CSTO contributions
    News.am
    05.06.2024, 14:20
    Armenia will not pay its share of the CSTO budget this year, Foreign Minister Ararat Mirzoyan told journalists on Wednesday.
    "We are not participating in the work of the CSTO, so why should we finance it?" Mirzoyan asked.
    Mirzoyan added that Yerevan was studying "all the options" regarding its future in the bloc.
    Earlier, Armen Grigoryan had stated that Armenia would leave the CSTO "when the time comes".
""")


def test_byline_under_a_site_name_question_quotes_and_short_phrases(extract_text):
    record = extract_text(NEWS_SITE)
    assert (record.date, record.date_evidence.rule) == ("2024-06-05", "byline")
    assert [(q.text[:10], q.speaker) for q in record.quotes] == [("We are not", "Ararat Mirzoyan")]


def test_a_surname_shared_by_two_people_in_the_article_is_left_as_written():
    from csto_digest.config import Config
    from csto_digest.load.article import extract

    text = (
        "Two officials named Rahimzoda spoke on the CSTO\n\n"
        "DUSHANBE, May 3 - Anvar Rahimzoda and Armen Rahimzoda met CSTO officials on Friday.\n\n"
        '"The border is calm," Rahimzoda said.\n'
    )
    for _ in range(2):
        article = extract(text, "two-rahimzodas.txt", Config())
        speakers = [q.speaker for q in article.quotes]
        assert speakers and "Anvar Rahimzoda" not in speakers and "Armen Rahimzoda" not in speakers
