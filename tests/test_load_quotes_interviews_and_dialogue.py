"""Quote attribution in interviews, in hyphen dialogue and between namesakes.

Articles of our own making, in shapes the seeds and the other tests do not show:
an interview whose answers open with a capitalised word the people index may take
for a name, an intro naming two people of whom the verb says which is interviewed,
outlet initials as the question label; speech printed between hyphens or en dashes
as Russian-language agencies translated into English print it (with list items and
parenthetical dashes nearby that are no speech); two people of one surname; and a
name written surname first, referred to later by that surname alone."""

from __future__ import annotations

import textwrap

import pytest

from factories import quotes_found


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def quotes(record) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in record.quotes]


def speakers(record) -> list[str | None]:
    return [q.speaker for q in record.quotes]


# -- 1. interviews --------------------------------------------------------------------------

QA_SPOKE_TO = article("""
    "Readiness is not a slogan": a talk with the alliance's chief of staff

    The chief of the CSTO Joint Staff, Colonel General Timur Zhakenov, spoke to our correspondent about readiness, the southern border and next year's exercises.

    Q: Are the collective forces ready for a crisis like the one of January?

    A: Deterrence is checked every month. We moved two battalions in under a day last spring, as Kassym-Jomart Tokayev had asked, and Tokayev thanked the crews.

    Q: Where do you see the main danger?

    A: Smuggling across the southern border worries us most, more than any army.

    Q: Will Belarus host the next drills?

    A: Belarus has offered its ranges, and the staff is weighing the offer.
""")


def test_the_one_the_intro_says_spoke_answers_every_question(extract_text):
    record = extract_text(QA_SPOKE_TO)  # not the man an answer names twice, nor a word opening an answer
    assert speakers(record) == ["Timur Zhakenov"] * 3
    assert record.quotes[0].text.startswith("Deterrence is checked every month.")
    assert {q.evidence.rule for q in record.quotes} == {"interview"}


QUESTION_ANSWER_WE_TALKED = article("""
    Interview: the parliament's view of the alliance

    Ahead of the summit that Aleksandr Lukashenko will host in Minsk, we talked to Zhanibek Tursunov, head of the defence committee of the Kyrgyz parliament.

    Question: What does the committee expect from the summit?

    Answer: Clarity on the budget. Our deputies want to know what the joint forces will cost the country next year.

    Question: Is there support in the parliament for more exercises?

    Answer: There is, as long as the exercises take place on our own ranges and our soldiers learn from them.
""")


def test_we_talked_to_names_the_interviewee_over_another_person_in_the_intro(extract_text):
    record = extract_text(QUESTION_ANSWER_WE_TALKED)
    assert speakers(record) == ["Zhanibek Tursunov", "Zhanibek Tursunov"]
    assert record.quotes[1].text.startswith("There is, as long as")


DASH_ANSWERED = article("""
    "The border needs people, not promises"

    The deputy chairman of the Tajik parliament, Farrukh Saidov, answered questions from our newspaper on the eve of the Dushanbe meeting, where Emomali Rahmon is expected.

    — How many troops does the alliance keep on the Afghan border?

    — Exact numbers are secret. I can say that our own guards carry most of the load.

    — Would you welcome more Russian soldiers?

    — Cooperation with Moscow has always been close, and we would discuss it.
""")


def test_the_subject_of_answered_questions_is_the_interviewee_of_a_dash_interview(extract_text):
    record = extract_text(DASH_ANSWERED)
    assert speakers(record) == ["Farrukh Saidov", "Farrukh Saidov"]
    assert record.quotes[0].text.startswith("Exact numbers are secret.")


INITIALS_AS_LABELS = article("""
    Kazakh general: the alliance learned from January

    In an interview with TASS, the commander of Kazakhstan's airmobile troops, Major General Serik Abenov, spoke about the peacekeeping mission and the lessons of January.

    TASS: What did the mission teach your officers?

    Coordination is the first lesson. Anatoly Sidorov, who commanded the mission, told us so, and I agree with Sidorov.

    TASS: Would you send troops abroad again?

    Only on the decision of the head of state and only under the mandate of the collective security council.
""")


def test_outlet_initials_as_question_labels_leave_the_answers_to_the_interviewee(extract_text):
    record = extract_text(INITIALS_AS_LABELS)  # not to the general the first answer names
    assert speakers(record) == ["Serik Abenov", "Serik Abenov"]
    assert record.quotes[0].text.startswith("Coordination is the first lesson.")


NO_ONE_NAMED = article("""
    Five questions on the alliance's future

    Our correspondent spoke with a senior officer of the Joint Staff who asked not to be named.

    Q: Is the rapid reaction force at full strength?

    A: Lukashenko has promised another battalion, but it has not arrived. We are short of pilots and engineers.

    Q: And the budget?

    A: Budgets are always short. Moscow pays more than its share, and everyone knows it.
""")

TWO_IN_THE_INTRO = article("""
    Two views of the alliance

    Askar Dzhumabaev and Nurlan Sadykov, both former deputy ministers, took part in our round table on the CSTO.

    Q: Has the alliance been useful to Central Asia?

    A: Usefulness is measured in crises, and in January it arrived within hours.

    Q: What should change?

    A: Decisions should not wait for consensus when a member is attacked.
""")


def test_no_one_or_two_people_named_in_the_intro_give_no_interviewee(extract_text):
    # Nobody named in the intro: an answer that opens with a name is not that person's.
    assert speakers(extract_text(NO_ONE_NAMED)) == [None, None]
    # Two named and nothing saying which is interviewed: no arbitrary pick.
    assert speakers(extract_text(TWO_IN_THE_INTRO)) == [None, None]


def _answers_under_title(title: str | None, paragraphs: list[str], config) -> list[str | None]:
    """The QuoteFinder given a headline that is no paragraph, as the loader's layout leaves it."""
    return [q.speaker for q in quotes_found(paragraphs, config, title)]


def test_the_title_naming_the_interviewee_decides_between_two_in_the_intro(config):
    paragraphs = [
        "Bakhtiyor Rasulov, a former adviser to Emomali Rahmon, met our team in Khujand last week.",
        "Q: Did the alliance help Tajikistan in 2021?",
        "A: Help came late. We asked for helicopters and waited three months for them.",
        "Q: And today?",
        "A: Today the depots are full, but the pilots are still ours alone.",
    ]
    title = '"The depots are full": an interview with Bakhtiyor Rasulov'
    assert _answers_under_title(title, paragraphs, config) == ["Bakhtiyor Rasulov"] * 2
    assert _answers_under_title(None, paragraphs, config) == [None, None]  # without it: two named, no pick


def test_a_title_naming_someone_the_text_never_writes_leaves_the_answers_to_no_one(extract_text):
    # The intro names only the deputy: the answers are the title's interviewee's, whom the text cannot name.
    text = article("""
        "The depots are full": an interview with Bakhtiyor Rasulov

        Our team met the former adviser and his aide Dilshod Karimov in Khujand last week.

        Q: Did the alliance help Tajikistan in 2021?

        A: Help came late. We asked for helicopters and waited three months for them.

        Q: And today?

        A: Today the depots are full, but the pilots are still ours alone.
    """)
    assert speakers(extract_text(text)) == [None, None]


def test_a_title_naming_an_office_leaves_the_choice_to_the_intro(extract_text):
    text = article("""
        "The depots are full": an interview with the CSTO Secretary General

        Imangali Tasmagambetov spoke to our correspondent in Moscow last week.

        Q: Did the alliance help Tajikistan in 2021?

        A: Help came late. We asked for helicopters and waited three months for them.

        Q: And today?

        A: Today the depots are full, but the pilots are still ours alone.
    """)
    assert speakers(extract_text(text)) == ["Imangali Tasmagambetov"] * 2


# -- 2. hyphen dialogue ----------------------------------------------------------------------

HYPHEN_DIALOGUE = article("""
    Kyrgyz minister: the alliance will not send troops to the border

    BISHKEK, May 14 2024 /Kabar/. The CSTO has no plans to deploy its forces on the Kyrgyz-Tajik border, Foreign Minister Zheenbek Kulubaev said at a briefing.

    - Our countries settle their border questions on their own, - Kulubaev said. - We have asked nobody for soldiers and we will not.

    The exercises of the alliance this year will be held:

    - in Belarus, in September;

    - in Kazakhstan, in October - the largest of the year - with aviation.

    - The border commission, - Kulubaev added, will meet again in June.

    The minister also recalled that the border talks were resumed in March.
""")


def test_hyphen_dialogue_is_the_named_speakers_in_both_parts(extract_text):
    record = extract_text(HYPHEN_DIALOGUE)
    assert quotes(record) == [
        ("Zheenbek Kulubaev", "Our countries settle their border questions on their own"),
        ("Zheenbek Kulubaev", "We have asked nobody for soldiers and we will not."),
    ]  # the list items, the dashes of the parenthesis in them and a report of what he said are no speech
    assert record.quotes[0].evidence.rule == "unmarked"


EN_DASH_DIALOGUE = article("""
    Secretary General visits Dushanbe

    DUSHANBE, June 3 2024 /Khovar/. CSTO Secretary General Imangali Tasmagambetov met Tajik Defence Minister Sherali Mirzo on Monday.

    – The situation on the Tajik-Afghan border remains tense, and the alliance is ready to help, – said Imangali Tasmagambetov. – The programme of assistance has been agreed by all members.

    – We are grateful to Sherali Mirzo for this support, – he added.

    Earlier – on Sunday – the delegation visited the border post at Panj.
""")


def test_en_dash_dialogue_with_the_verb_first_and_a_pronoun(extract_text):
    record = extract_text(EN_DASH_DIALOGUE)
    assert quotes(record) == [
        (
            "Imangali Tasmagambetov",
            "The situation on the Tajik-Afghan border remains tense, and the alliance is ready to help",
        ),
        ("Imangali Tasmagambetov", "The programme of assistance has been agreed by all members."),
        ("Imangali Tasmagambetov", "We are grateful to Sherali Mirzo for this support"),  # "he" is not Mirzo
    ]


# -- 3. two people of one surname ------------------------------------------------------------

NAMESAKES = article("""
    Almaty rules out new bases

    ALMATY, March 3 2024 (Reuters) - Kazakhstan will not host foreign bases, Defence Minister Daniyar Nurlanov said on Sunday, echoing a pledge made years ago by his uncle, the former senator Erlan Nurlanov.

    "No foreign soldier will be stationed on our soil," Nurlanov said.
""")

NAMESAKES_LATER_SPEAKER = article("""
    A family of generals

    General Erlan Nurlanov said in 2010 that the alliance needed its own air force. His nephew, Defence Minister Daniyar Nurlanov, was a captain then.

    "An alliance without aircraft is a promise on paper," Nurlanov told the congress at the time.
""")

NAMESAKES_NO_SPEAKER = article("""
    Two generations at the ministry

    The careers of Daniyar Nurlanov and his uncle Erlan Nurlanov both began in the same regiment near Almaty.

    "The regiment made us what we are," Nurlanov said.
""")


NAMESAKES_INVERTED = article("""
    The minister and his uncle

    "We will keep our word," said Defence Minister Daniyar Nurlanov, whose uncle Erlan Nurlanov once ran the same ministry.

    "The army is ready for any task," Nurlanov added.
""")

NAMESAKES_REPORTED_CLAUSE = article("""
    The minister and his uncle

    Daniyar Nurlanov said Erlan Nurlanov had built the air force from a handful of old helicopters.

    "He built it from nothing and left it to us," Nurlanov said.
""")


def test_a_bare_surname_after_an_inverted_attribution_or_a_reported_clause(extract_text):
    assert speakers(extract_text(NAMESAKES_INVERTED)) == ["Daniyar Nurlanov", "Daniyar Nurlanov"]
    # The second is the subject of the clause reported, not of "said".
    assert speakers(extract_text(NAMESAKES_REPORTED_CLAUSE)) == ["Daniyar Nurlanov"]


def test_a_bare_surname_of_two_people_is_the_one_last_made_to_speak(extract_text):
    record = extract_text(NAMESAKES)
    assert speakers(record) == ["Daniyar Nurlanov"]
    assert {s.name: s.role for s in record.speakers} == {"Daniyar Nurlanov": "Defence Minister"}
    assert speakers(extract_text(NAMESAKES_LATER_SPEAKER)) == ["Erlan Nurlanov"]
    # Neither was made to speak: the surname, an honest partial, not one of them guessed.
    assert speakers(extract_text(NAMESAKES_NO_SPEAKER)) == ["Nurlanov"]


# -- 4. the surname first ------------------------------------------------------------------

SURNAME_FIRST = article("""
    Chinese expert: the drills target extremists

    Chen Wei, a researcher at the Institute of Central Asian Studies in Shanghai, told our paper on Friday that the drills were a warning to extremist groups.

    "The alliance wants to show that the southern border is not an open door," Chen said.
""")

KOREAN_SURNAME_FIRST = article("""
    Seoul watches the alliance

    Park Jiwon, who teaches Eurasian politics at a university in Seoul, said the alliance mattered less each year.

    "Moscow's partners are looking for other friends now," Park said.
""")


@pytest.mark.parametrize(
    ("text", "speaker"), [(SURNAME_FIRST, "Chen Wei"), (KOREAN_SURNAME_FIRST, "Park Jiwon")], ids=["chinese", "korean"]
)
def test_a_surname_written_first_resolves_to_the_full_name(extract_text, text, speaker):
    record = extract_text(text)
    assert speakers(record) == [speaker]
