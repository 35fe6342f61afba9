"""The loader on layouts and phrasings of our own making, none in the seeds or the labelled corpus:
a standfirst between the headline and a byline that carries the date (as Eurasianet prints
it); a dateline naming a "news agency" after a dash, an author after it (as 24.kg prints it);
a speaker described by the institution they work at, quoted twice in one paragraph; a surname
alone after the full name ("According to Tokhtarov,"); an institute's field before a name
("the Institute for Strategic Studies Rahmatullo Sadykov"); and a newspaper credited between
two quotes ("Eurasia Herald reports. '...,' he added."); a date printed twice under the headline, with
"Save articles", "Source:" and "Share this:" lines (as Al Jazeera prints them); and a short
sentence quoted after a speaker's first quote in one paragraph; a site's menu and a known outlet's name over
the headline.

Each test says what a careful reader takes from the article; the near misses beside them
(a dated sentence under a short lead, another person named between two quotes) must not be
read the same way."""

from __future__ import annotations

import textwrap


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


STANDFIRST_BYLINE = article("""
    CSTO holds drills in Kyrgyzstan as Armenia stays away
    The bloc's rapid reaction force trained near the Tajik border.
    Joshua Kucera Sep 25, 2023

    The Collective Security Treaty Organization's Collective Rapid Reaction Forces held exercises in Kyrgyzstan's Issyk-Kul region this week, the first major drills since Armenia refused to host them.

    Armenia did not send any troops. Its defense ministry declined to comment.
""")

SHORT_LEAD_THEN_DATED_SENTENCE = article("""
    CSTO foreign ministers to meet in Minsk
    The ministers will discuss the crisis in the region.
    The meeting opened on 12 March 2024 in Minsk

    Foreign ministers of the member states gathered in the Belarusian capital to discuss the agenda of the summit.
""")

AGENCY_DASH_AUTHOR = article("""
    BISHKEK -24.kg news agency, Anna Kapushenko. CSTO Secretary General Imangali Tasmagambetov arrived in Bishkek for consultations on the upcoming summit.

    "Kyrgyzstan's chairmanship has been very productive," Tasmagambetov noted.

    The summit will be held in Bishkek on November 27.
""")

INSTITUTION_IN_APPOSITION = article("""
    Experts weigh Armenia's absence from CSTO drills

    YEREVAN (Reuters) - Armenia did not send troops to the drills of the Collective Security Treaty Organization this week.

    "Armenia's absence is a clear signal," said Anna Ohanyan, a political scientist at Stonehill College. "Yerevan no longer sees the bloc as a security guarantee."
""")

TWO_PEOPLE_IN_ONE_PARAGRAPH = article("""
    Experts weigh Armenia's absence from CSTO drills

    YEREVAN (Reuters) - Armenia did not send troops to the drills of the Collective Security Treaty Organization this week.

    "Armenia's absence is a clear signal," said Anna Ohanyan, who spoke after Richard Giragosian. "Yerevan no longer sees the bloc as a security guarantee."
""")


def test_a_byline_date_under_a_standfirst_is_the_publication_date(extract_text):
    record = extract_text(STANDFIRST_BYLINE)
    assert record.title == "CSTO holds drills in Kyrgyzstan as Armenia stays away"
    assert (record.date, record.date_precision) == ("2023-09-25", "day")
    assert record.date_evidence.rule == "byline"
    assert record.date_evidence.line == 3
    assert "Joshua Kucera Sep 25, 2023" in record.removed
    assert record.body[0] == "The bloc's rapid reaction force trained near the Tajik border."


def test_a_sentence_with_a_date_under_a_short_lead_is_text_not_a_byline(extract_text):
    record = extract_text(SHORT_LEAD_THEN_DATED_SENTENCE)
    assert record.date is None  # an event's date in the text is never the article's
    assert any("12 March 2024" in paragraph for paragraph in record.body)
    assert not any("12 March 2024" in line for line in record.removed)


def test_a_news_agency_after_a_dash_is_the_publisher_and_not_the_title(extract_text):
    record = extract_text(AGENCY_DASH_AUTHOR)
    assert record.source is not None and record.source.name == "24.kg"
    assert record.source.evidence.rule == "dateline"
    assert record.title_derived
    assert record.title.startswith("CSTO Secretary General Imangali Tasmagambetov arrived in Bishkek")
    assert record.date is None  # the dateline states no date, and November 27 is the summit's


def test_an_institution_named_beside_a_speaker_is_not_a_person(extract_text):
    record = extract_text(INSTITUTION_IN_APPOSITION)
    assert [s.name for s in record.speakers] == ["Anna Ohanyan"]
    assert [(q.text, q.speaker) for q in record.quotes] == [
        ("Armenia's absence is a clear signal", "Anna Ohanyan"),
        ("Yerevan no longer sees the bloc as a security guarantee.", "Anna Ohanyan"),
    ]


def test_a_second_quote_after_another_person_is_named_keeps_no_speaker(extract_text):
    record = extract_text(TWO_PEOPLE_IN_ONE_PARAGRAPH)
    speakers = {q.text: q.speaker for q in record.quotes}
    assert speakers["Armenia's absence is a clear signal"] == "Anna Ohanyan"
    assert speakers["Yerevan no longer sees the bloc as a security guarantee."] is None


SURNAME_AFTER_ACCORDING_TO = article("""
    Belarus comments on Armenia's absence

    Oleg Tokhtarov, Secretary of the Security Council of Belarus, stressed on Saturday that Armenia has not taken part in CSTO events since 2022, when Prime Minister Nikol Pashinyan announced the freeze.

    According to Tokhtarov, “The secretariat has not received any official notification from Yerevan.”

    Armenian officials have repeatedly criticised the alliance.

    “I must admit that certain sentiments among the Armenian elites cause concern,” he added.
""")

INSTITUTE_BEFORE_NAME = article("""
    Analyst on the Tajik-Afghan border

    Director of the Tajikistan Institute for Strategic Studies Rahmatullo Sadykov noted on Saturday that the border is more than 1,300 kilometres long.

    “The situation on the Tajik-Afghan border remains difficult,” Sadykov said.
""")

OUTLET_REPORTS_THEN_HE_ADDED = article("""
    Tokayev recalls the CSTO mission

    ALMATY, October 4. /Tien Shan Wire/. Kassym-Jomart Tokayev, President of Kazakhstan, said on Tuesday that the CSTO mission had ended on time.

    The CSTO contingent numbered about 2,000 troops, Eurasia Herald reports.

    “The mission ended within the agreed time frame,” he added.
""")


def test_a_surname_alone_names_the_person_written_in_full_before(extract_text):
    record = extract_text(SURNAME_AFTER_ACCORDING_TO)
    assert [(q.text, q.speaker) for q in record.quotes] == [
        ("The secretariat has not received any official notification from Yerevan.", "Oleg Tokhtarov"),
        ("I must admit that certain sentiments among the Armenian elites cause concern", "Oleg Tokhtarov"),
    ]


def test_an_institute_and_its_field_are_not_part_of_the_name_after_them(extract_text):
    record = extract_text(INSTITUTE_BEFORE_NAME)
    assert [s.name for s in record.speakers] == ["Rahmatullo Sadykov"]


def test_a_newspaper_named_between_quotes_is_never_the_speaker(extract_text):
    record = extract_text(OUTLET_REPORTS_THEN_HE_ADDED)
    assert [s.name for s in record.speakers] == ["Kassym-Jomart Tokayev"]
    assert record.quotes[0].speaker == "Kassym-Jomart Tokayev"


DATE_TWICE_AND_CREDIT_LINE = article("""
    Armenia freezes participation in Russia-led security bloc
    Armenia's prime minister says the CSTO has failed to protect his country.
    Published On 23 Feb 2024
    23 Feb 2024
    Save articles to read later and create your own reading list.

    Armenia has frozen its participation in the Russia-led Collective Security Treaty Organization (CSTO), Prime Minister Nikol Pashinyan has said.

    "The CSTO has not fulfilled its obligations towards Armenia," Pashinyan told France 24 in an interview broadcast on Thursday.

    Source: Al Jazeera and news agencies
    Share this: Facebook Twitter
""")

SHORT_SECOND_QUOTE = article("""
    CSTO secretary general meets Kyrgyz president

    Secretary General Imangali Tasmagambetov met President Sadyr Japarov in Bishkek on Monday.

    «Kyrgyzstan is a reliable ally», said Tasmagambetov. «We value this partnership.»
""")


def test_a_date_printed_twice_under_the_headline_and_page_credits_are_furniture(extract_text):
    record = extract_text(DATE_TWICE_AND_CREDIT_LINE)
    assert (record.date, record.date_evidence.text) == ("2024-02-23", "Published On 23 Feb 2024")
    assert record.removed == (
        "Published On 23 Feb 2024",
        "23 Feb 2024",
        "Save articles to read later and create your own reading list.",
        "Source: Al Jazeera and news agencies",
        "Share this: Facebook Twitter",
    )
    assert record.body[-1].startswith('"The CSTO has not fulfilled')
    assert record.source is None  # a credit line says where the text came from, not who published this page


def test_a_short_sentence_quoted_after_the_speakers_first_quote_is_theirs(extract_text):
    record = extract_text(SHORT_SECOND_QUOTE)
    assert [(q.text, q.speaker) for q in record.quotes] == [
        ("Kyrgyzstan is a reliable ally", "Imangali Tasmagambetov"),
        ("We value this partnership.", "Imangali Tasmagambetov"),
    ]


MENU_OVER_THE_HEADLINE = article("""
    Home | News | Politics | Economy | Society | Opinion
    Search

    Kazakhstan proposes CSTO reform at Astana meeting
    Thursday, 28 March 2024, 10:15

    ASTANA (Kazinform) - Kazakhstan has proposed reforming the decision-making procedure of the CSTO, Foreign Minister Murat Nurtleu said on Thursday.
""")

KNOWN_SITE_OVER_THE_HEADLINE = article("""
    Kommersant
    28.03.2024, 10:15
    Moscow expects Yerevan to clarify its CSTO position

    Russian Deputy Foreign Minister Mikhail Galuzin said Moscow expected Yerevan to explain its intentions regarding the CSTO.
""")


def test_a_sites_menu_is_furniture_and_not_the_headline(extract_text):
    record = extract_text(MENU_OVER_THE_HEADLINE)
    assert record.title == "Kazakhstan proposes CSTO reform at Astana meeting"
    assert "Home | News | Politics | Economy | Society | Opinion" in record.removed


def test_a_known_outlets_name_over_the_headline_is_the_publisher(extract_text):
    record = extract_text(KNOWN_SITE_OVER_THE_HEADLINE)
    assert record.source is not None and record.source.name == "Kommersant"
    assert (record.source.evidence.rule, record.source.evidence.line) == ("masthead", 1)
    unknown = extract_text(KNOWN_SITE_OVER_THE_HEADLINE.replace("Kommersant", "Daily Digest"))
    assert unknown.source is None  # a name the registry does not know as an outlet could be a section or a blog
