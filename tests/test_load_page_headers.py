"""Page headers of our own making in layouts the seeds and the corpus do not show:
what stands above the headline (a site's longer name, a tagline, a breadcrumb, an
agency's name in capitals, a row of section links), a headline that opens with a
quote, a standfirst and a caption between the headline and the byline, bylines
with several authors or with the date on the same line, a newsroom signing the
article, and a wire dateline under a caption and a summary."""

from __future__ import annotations

import textwrap

import pytest


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


LEAD = (
    "Kyrgyz officials have criticised the Collective Security Treaty Organization for failing to respond to the "
    "clashes on the border with Tajikistan, which killed dozens of people last week."
)
HEADLINE = "Kyrgyz officials criticise the CSTO as the border death toll rises"


@pytest.mark.parametrize(
    "above",
    [
        "President of Russia\nEvents › Transcripts\n",  # a site's longer name, then a breadcrumb
        "Hetq Online\nInvestigative Journalists of Armenia\n",  # a site's name and its tagline
        "NATIONAL INFORMATION AGENCY OF TAJIKISTAN «KHOVAR»\n",  # an agency's name in capitals
        "Kyrgyzstan Tajikistan Central Asia\n",  # a row of section links
        "Home / Press centre / News\n",  # a breadcrumb alone
        "Tengrinews.kz\nГлавная / Kazakhstan News",  # a site's name, a breadcrumb, the headline right under them
        "Skip to main content\nOSW Centre for Eastern Studies\nAnalyses\nPublications / Analyses\n",
        "Ministry of Defence of the Republic of Belarus\nNews\nAll news / Events\n",  # an institution's name
        "United Nations\nMeetings Coverage and Press Releases\n\nSECURITY COUNCIL\n9586TH MEETING (AM)\nSC/15641\n",
        "The Ministry of Foreign Affairs of the Russian Federation\nHome / News / Press releases\nEnglish | Русский\n",
        "Trend News Agency\nPolitics | Region | Armenia\n",  # a short menu
    ],
)
def test_what_stands_above_the_headline_gives_way_to_it(extract_text, above):
    text = f"{above}\n{HEADLINE}\n\nSeptember 19, 2022 14:35\n\n{LEAD}\n\nThe alliance said it was watching.\n"
    record = extract_text(text)
    assert record.title == HEADLINE
    assert (record.date, record.date_precision) == ("2022-09-19", "day")  # the header still ends at the text
    assert all(line not in record.body for line in above.splitlines() if line)
    assert all(line in record.removed for line in above.splitlines() if line)


@pytest.mark.parametrize(
    "under",
    [
        "Prime Minister Nikol Pashinyan says the bloc failed to protect the country",  # a standfirst with no stop
        "Armenian soldiers walk near the border in the Syunik province [File: AFP]",  # a caption with no stop
    ],
)
def test_a_short_title_case_headline_keeps_the_title_over_a_longer_line_under_it(extract_text, under):
    text = f"Armenia Quits CSTO Drills\n{under}\n\n{LEAD}\n"
    assert extract_text(text).title == "Armenia Quits CSTO Drills"


def test_a_headline_with_lower_case_words_is_never_displaced(extract_text):
    text = f"Armenia skips the CSTO drills\n\nPrime Minister Nikol Pashinyan says the bloc failed to protect it\n\n{LEAD}\n"
    assert extract_text(text).title == "Armenia skips the CSTO drills"


@pytest.mark.parametrize(
    ("headline", "is_title"),
    [
        ("“The Alliance Was Never Meant for Us”: A Former Minister on Armenia and the CSTO", True),
        ("'A limited period' The CSTO sends troops to Kazakhstan for the first time", True),
        ("“We are ready to talk,” the minister told the CSTO envoys", False),  # speech, not a headline
    ],
)
def test_a_headline_may_open_with_a_quote_that_closes_inside_it(extract_text, headline, is_title):
    record = extract_text(f"{headline}\n\n{LEAD}\n")
    assert record.title_derived is not is_title  # speech is never a headline: a title is made from the text
    if is_title:
        assert record.title == headline
        assert headline not in record.body


AL_JAZEERA_LIKE = article("""
    Armenia asks the Russia-led bloc for help as border fighting kills dozens

    Yerevan has requested military assistance from the CSTO, which says it will send a fact-finding mission.

    Armenian soldiers walk near the border with Azerbaijan in the Syunik province [File: Karen Minasyan]

    {byline}
    Published On 14 Sep 2022

    Armenia has formally asked the Collective Security Treaty Organization for military help after the worst
    fighting with Azerbaijan since their 2020 war.
""")


def test_a_byline_and_date_under_a_standfirst_and_a_caption_are_read(extract_text):
    record = extract_text(AL_JAZEERA_LIKE.format(byline="By Anna Petrosyan"))
    assert record.author == "Anna Petrosyan"
    assert (record.date, record.date_precision) == ("2022-09-14", "day")
    assert "Published On 14 Sep 2022" in record.removed
    assert record.source is None  # a person signs it: no outlet follows


@pytest.mark.parametrize(
    ("byline", "outlet"),
    [("By Al Jazeera Staff", "Al Jazeera"), ("By RFE/RL's Kyrgyz Service", "Azattyk"), ("By Reuters Staff", "Reuters")],
)
def test_a_newsroom_signing_the_article_names_its_publisher(extract_text, byline, outlet):
    record = extract_text(AL_JAZEERA_LIKE.format(byline=byline))
    assert record.source is not None
    assert record.source.name == outlet
    assert (record.source.evidence.rule, record.source.evidence.text) == ("byline", byline)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Mariano Zafra, Guy Faulconbridge and Felix Light", "Mariano Zafra, Guy Faulconbridge and Felix Light"),
        ("By  AVET DEMOURIAN and DASHA LITVINOVA", "Avet Demourian and Dasha Litvinova"),
        ("By Stephen M. Bland & Aliya Haidar", "Stephen M. Bland & Aliya Haidar"),
        ("By Steve Rosenberg, BBC Russia editor", "Steve Rosenberg"),  # a role after the comma, not a second name
    ],
)
def test_a_byline_names_every_author(extract_text, byline, author):
    record = extract_text(f"{HEADLINE}\n{byline}\n\n{LEAD}\n")
    assert record.author == author
    assert all(byline.strip() not in paragraph for paragraph in record.body)


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        (
            "By Stephen M. Bland & Aliya Haidar - 2024-11-28T14:35:00+03:00",
            "Stephen M. Bland & Aliya Haidar",
            "2024-11-28",
        ),
        ("By Anna Petrosyan | 12 March 2024, 14:35", "Anna Petrosyan", "2024-03-12"),
    ],
)
def test_a_byline_with_the_date_on_the_same_line_gives_both(extract_text, line, author, date):
    record = extract_text(f"{HEADLINE}\n{line}\n\n{LEAD}\n")
    assert (record.author, record.date) == (author, date)
    assert record.date_evidence.rule == "byline"


def test_a_sentence_opening_with_by_and_a_dash_is_text(extract_text):
    line = "By the end of 2024 - a year of change - little was left of the alliance"
    record = extract_text(f"{HEADLINE}\n\n{line}\n\n{LEAD}\n")
    assert record.author is None
    assert record.date is None
    assert line in record.body


REUTERS_LIKE = article("""
    Putin says Russia respects Armenia's choice as the CSTO summit meets without Yerevan

    By Anna Petrosyan

    Russian President Vladimir Putin attends a meeting of the CSTO leaders in Astana

    Summary
    Armenia skips a second CSTO summit in a row
    Putin says the door remains open for Yerevan
    Leaders discuss the Tajik-Afghan border programme

    Photo credits: pool

    ASTANA, Nov 28 (Reuters) - President Vladimir Putin said on Thursday that Russia respected Armenia's decision to
    stay away from the summit of the alliance.

    The leaders approved measures to strengthen the border.
""")


def test_a_wire_dateline_under_a_caption_and_a_summary_names_the_agency(extract_text):
    record = extract_text(REUTERS_LIKE)
    assert record.source is not None
    assert record.source.name == "Reuters"
    assert record.source.evidence.rule == "dateline"


def test_a_dateline_deep_in_the_text_names_no_agency(extract_text):
    paragraphs = "\n\n".join(f"Paragraph {n} of the story says the alliance met again in Astana." for n in range(9))
    text = f"{HEADLINE}\n\n{paragraphs}\n\nASTANA, Nov 28 (Reuters) - An older wire story was quoted here.\n"
    assert extract_text(text).source is None


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://meduza.io/en/feature/2022/01/06/a-limited-period", "Meduza"),
        ("https://www.themoscowtimes.com/2024/03/12/armenia-a84412", "The Moscow Times"),
        ("https://rus.azattyk.org/a/32043541.html", "Azattyk"),
        ("https://hetq.am/en/article/164012", "Hetq"),
    ],
)
def test_outlets_that_cover_the_csto_are_known_by_their_addresses(extract_text, url, outlet):
    record = extract_text(f"{HEADLINE}\n{url}\n\n{LEAD}\n")
    assert record.source is not None
    assert record.source.name == outlet


def test_a_date_line_with_small_words_under_a_standfirst_and_a_byline(extract_text):
    text = (
        f"{HEADLINE}\n\nThe alliance remains useful for Tajikistan and Kyrgyzstan, whatever Armenia does\n\n"
        f"By Temur Umarov\nPublished on December 4, 2024\n\n{LEAD}\n"
    )
    record = extract_text(text)
    assert (record.author, record.date, record.date_evidence.rule) == ("Temur Umarov", "2024-12-04", "byline")


@pytest.mark.parametrize(
    ("above", "outlet"),
    [
        ("Trend News Agency\nPolitics | Region | Armenia\n", "Trend"),  # the site's name with its kind
        ("Commentary\nCarnegie Politika\n", "Carnegie Politika"),  # a section, then the site's name
    ],
)
def test_a_known_sites_name_over_the_headline_names_the_publisher(extract_text, above, outlet):
    record = extract_text(f"{above}\n{HEADLINE}\n\n{LEAD}\n")
    assert record.title == HEADLINE
    assert record.source is not None
    assert (record.source.name, record.source.evidence.rule) == (outlet, "masthead")


def test_a_ministrys_name_in_the_text_is_no_outlet(extract_text):
    record = extract_text(f"{HEADLINE}\n\n{LEAD} The Russian Foreign Ministry said it regretted the decision.\n")
    assert record.cited_sources == ()


@pytest.mark.parametrize(
    "name",
    ["Lusine Avetisyan", "Makhabat Tazhibek kyzy", "Wojciech Górecki", "Temur Umarov"],
)
def test_a_name_alone_under_the_headline_is_the_author(extract_text, name):
    record = extract_text(f"{HEADLINE}\n\n{name}\n\n{LEAD}\n\nThe alliance said it was watching.\n")
    assert record.author == name
    assert (record.author_evidence.rule, record.author_evidence.text) == ("byline", name)
    assert name not in record.body


@pytest.mark.parametrize(
    "line",
    [
        "Central Asia",  # a region tag
        "Top Stories",  # a section
        "Hetq Online",  # a known outlet
        "Sadyr Japarov",  # a caption naming someone the text speaks of
    ],
)
def test_a_tag_a_section_or_a_pictured_person_under_the_headline_is_no_author(extract_text, line):
    text = f"{HEADLINE}\n\n{line}\n\n{LEAD} Sadyr Japarov spoke first.\n\nThe alliance said it was watching.\n"
    assert extract_text(text).author is None
