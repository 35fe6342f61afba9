"""The top and the bottom of an article, in shapes of our own making: a site's or channel's name
alone over a story with no headline, an issuing body's name and a document label over an official
heading, a name alone over a date under the headline, a byline with a section and a date, a
journal's publication line, a credit line dated at the foot, a wire's end word glued to the last
paragraph, and a date written year first with slashes."""

from __future__ import annotations

import textwrap

import pytest

from csto_digest.load.dates import parse_date


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


# --- 1. An outlet's name alone over a story with no headline -------------------------------------

KNOWN_SITE_ONLY = article("""
    Kazinform

    CSTO Secretary General Imangali Tasmagambetov met the commander of the Collective Rapid Reaction Forces on Tuesday to discuss the autumn drills.

    The two discussed the logistics of moving troops to the Kazakh training grounds.
""")

TAGGED_SITE_ONLY = article("""
    Regnum-Asia

    MOSCOW, March 14 (Regnum-Asia) - The CSTO will open a new training centre for peacekeepers in Belarus next year, the organisation's press service said.

    The centre will take up to 300 officers a year.
""")


def test_a_known_sites_name_alone_is_a_masthead_and_the_title_is_derived(extract_text):
    record = extract_text(KNOWN_SITE_ONLY)
    assert record.title != "Kazinform"
    assert record.title_derived is True
    assert record.title_evidence.rule == "derived"
    assert record.title.startswith("CSTO Secretary General Imangali Tasmagambetov met")
    assert record.source is not None and record.source.name == "Kazinform"
    assert record.source.evidence.rule == "masthead"
    assert "Kazinform" in record.removed


def test_a_name_the_datelines_agency_tag_repeats_is_a_masthead(extract_text):
    record = extract_text(TAGGED_SITE_ONLY)
    assert record.title_derived is True
    assert record.title.startswith("The CSTO will open a new training centre")
    assert record.source is not None and record.source.name == "Regnum-Asia"
    assert "Regnum-Asia" in record.removed


def test_a_headline_under_the_sites_name_is_still_the_title(extract_text):
    # a headline-like line before the text wins, as before; the lone name is then the masthead
    record = extract_text(
        KNOWN_SITE_ONLY.replace("Kazinform\n", "Kazinform\n\nTasmagambetov discusses autumn drills\n")
    )
    assert (record.title, record.title_derived) == ("Tasmagambetov discusses autumn drills", False)
    assert record.source is not None and record.source.name == "Kazinform"


# --- 2. An issuing body's name and a document label over the heading -----------------------------

ISSUED = article("""
    Ministry of Defence of the Republic of Belarus

    {label}

    Minsk, 3 April 2024

    On the joint staff exercise of the CSTO Collective Rapid Reaction Forces

    On April 3, 2024, Defence Minister Viktor Khrenin opened a joint staff exercise of the CSTO forces near Brest.

    Officers from Kazakhstan, Kyrgyzstan, Russia and Tajikistan take part.
""")


@pytest.mark.parametrize("label", ["Press release", "Information message", "Joint statement"])
def test_the_heading_under_a_body_name_and_a_label_is_the_title(extract_text, label):
    record = extract_text(ISSUED.replace("{label}", label))
    assert record.title == "On the joint staff exercise of the CSTO Collective Rapid Reaction Forces"
    assert record.title_derived is False
    assert record.body[0].startswith("On April 3, 2024, Defence Minister Viktor Khrenin")
    assert not any(p in {label, "Ministry of Defence of the Republic of Belarus"} for p in record.body)
    assert record.date == "2024-04-03"


# --- 3. A name alone over a date alone under the headline -----------------------------------------

NAME_OVER_DATE = article("""
    Kyrgyzstan weighs the cost of hosting CSTO drills

    {name}
    Mar 3, 2024

    Kyrgyz officials are counting the cost of hosting the bloc's largest exercise in a decade.

    "The budget was never meant for this," a deputy in the Jogorku Kenesh said.
""")


def test_a_name_over_the_date_is_the_byline(extract_text):
    record = extract_text(NAME_OVER_DATE.replace("{name}", "Colm Rafferty"))
    assert record.author == "Colm Rafferty"
    assert (record.author_evidence.rule, record.author_evidence.text) == ("byline", "Colm Rafferty")
    assert (record.date, record.date_evidence.rule) == ("2024-03-03", "byline")
    assert "Colm Rafferty" not in record.body


@pytest.mark.parametrize("line", ["Central Asia", "Top Stories", "Vladimir Putin"])
def test_a_section_or_the_stories_subject_over_the_date_is_no_author(extract_text, line):
    # a guard: these have the shape of a name over a date and are not bylines
    text = NAME_OVER_DATE.replace("{name}", line).replace("a deputy", "Vladimir Putin told a deputy")
    record = extract_text(text)
    assert record.author is None
    assert record.date == "2024-03-03"


# --- 4. A byline with a section and a date --------------------------------------------------------

SECTIONED = article("""
    Tajikistan Hosts CSTO Border Drills

    {byline}

    DUSHANBE – Troops of the Collective Security Treaty Organization began a week of drills near the Afghan border on Monday.

    "We are ready for any scenario," Defence Minister Sherali Mirzo said.
""")


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        ("By Farrukh Nazarov in Region on 4 October 2024", "2024-10-04"),
        ("By Farrukh Nazarov in Central Asia on October 4, 2024", "2024-10-04"),
        ("By Farrukh Nazarov on 4 October 2024", "2024-10-04"),
    ],
)
def test_a_byline_with_a_section_and_a_date(extract_text, byline, date):
    record = extract_text(SECTIONED.replace("{byline}", byline))
    assert record.title == "Tajikistan Hosts CSTO Border Drills"
    assert record.author == "Farrukh Nazarov"
    assert (record.date, record.date_evidence.rule) == (date, "byline")
    assert record.author_evidence.text == byline


# --- 5. A journal's publication line --------------------------------------------------------------

JOURNAL = article("""
    Publication: {publication} Volume: 5 Issue: 112
    By: Tobias Lindqvist

    Kazakhstan Looks Beyond the CSTO

    March 5, 2024 09:30 AM Age: 2 years

    Executive Summary:
    Astana is widening its security ties beyond the Russian-led bloc.

    Kazakh officials have held talks with Turkey and China on military training. "We keep every door open," Foreign Minister Murat Nurtleu told reporters.
""")


def test_a_publication_line_is_a_masthead_and_the_title_line_the_title(extract_text):
    record = extract_text(JOURNAL.replace("{publication}", "The Diplomat"))
    assert record.title == "Kazakhstan Looks Beyond the CSTO"
    assert record.author == "Tobias Lindqvist"
    assert (record.date, record.date_evidence.rule) == ("2024-03-05", "byline")
    assert record.source is not None and record.source.name == "The Diplomat"
    assert record.source.evidence.rule == "masthead"
    assert record.body[0] == "Astana is widening its security ties beyond the Russian-led bloc."
    assert "Executive Summary:" in record.removed


def test_an_unknown_publication_is_no_source(extract_text):
    record = extract_text(JOURNAL.replace("{publication}", "Steppe Security Review"))
    assert record.title == "Kazakhstan Looks Beyond the CSTO"
    assert record.source is None
    assert not any("Steppe Security Review" in p for p in record.body)


# --- 6. A channel's name and a date-time over a post ----------------------------------------------

POST = article("""
    Colonelcassad
    03.05.2024 10:15

    ⚡️ CSTO peacekeepers from Kyrgyzstan were moved to the Tajik border overnight.

    According to our sources, two battalions are involved.

    👁 12.4K
""")


def test_a_channels_name_over_a_post_is_not_the_title(extract_text):
    record = extract_text(POST)
    assert record.title != "Colonelcassad"
    assert record.title_derived is True
    assert "CSTO peacekeepers from Kyrgyzstan were moved" in record.title
    assert (record.date, record.date_evidence.rule) == ("2024-05-03", "byline")


# --- 7. A credit line with a full date at the foot ------------------------------------------------

CREDITED = article("""
    Tasmagambetov calls for closer CSTO air defence

    CSTO Secretary General Imangali Tasmagambetov said on Wednesday that the member states should merge their air defence systems.

    "One sky, one system," he told a conference in Astana.

    {credit}
""")


@pytest.mark.parametrize(
    ("credit", "outlet"),
    [("Source: Kazinform, 12 February 2024", "Kazinform"), ("Source: RIA Novosti, February 12, 2024", "RIA Novosti")],
)
def test_a_dated_credit_line_at_the_foot_dates_the_article(extract_text, credit, outlet):
    record = extract_text(CREDITED.replace("{credit}", credit))
    assert (record.date, record.date_precision) == ("2024-02-12", "day")
    assert (record.date_evidence.rule, record.date_evidence.text) == ("footer", credit)
    assert [o.name for o in record.cited_sources] == [outlet]
    assert credit in record.removed


def test_a_dated_credit_line_above_more_text_gives_no_date(extract_text):
    text = CREDITED.replace("{credit}", "Source: Kazinform, 12 February 2024\n\nThe conference ends on Friday.")
    record = extract_text(text)
    assert record.date is None


# --- 8. A wire's end word glued to the last paragraph ---------------------------------------------

ENDED = article("""
    CSTO ministers meet in Bishkek

    BISHKEK, May 20 (Kabar) - Defence ministers of the CSTO met in Bishkek on Monday to agree the year's drills.

    The next meeting will be held in Minsk. {mark}
""")


@pytest.mark.parametrize("mark", ["Enditem", "(END)", "-30-", "(end)"])
def test_an_end_word_glued_to_the_last_paragraph_goes(extract_text, mark):
    record = extract_text(ENDED.replace("{mark}", mark))
    assert record.body[-1] == "The next meeting will be held in Minsk."


def test_an_end_word_inside_the_text_stays(extract_text):
    text = ENDED.replace("{mark}", "").replace("drills.", "drills. Enditem", 1)
    text = text.replace("held in Minsk.", "held in Minsk. (END)")
    record = extract_text(text)
    assert record.body[0].endswith("the year's drills. Enditem")
    assert record.body[-1] == "The next meeting will be held in Minsk."


# --- 9. A date written year first with slashes -----------------------------------------------------


@pytest.mark.parametrize("line", ["Posted: 2024/06/12", "Published: 2024.06.12 14:05"])
def test_a_year_first_slashed_date_under_the_title_dates_the_article(extract_text, line):
    text = article(f"""
        Uzbekistan rules out joining the CSTO

        {line}

        TASHKENT – Uzbekistan has no plans to return to the Collective Security Treaty Organization, its foreign ministry said.
    """)
    record = extract_text(text)
    assert (record.date, record.date_precision) == ("2024-06-12", "day")
    assert record.date_evidence.text == line
    assert line not in record.body


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2024/06/12", "2024-06-12"),
        ("2024.6.2", "2024-06-02"),
        ("see https://example.org/2024/06/12/story", None),  # a URL's path is the URL's, read elsewhere
        ("2024/13/12", None),
        ("2024/06/12/3", None),
    ],
)
def test_year_first_dates(text, value):
    found = parse_date(text)
    assert (found.value if found else None) == value


def test_a_derived_title_drops_the_marks_before_the_first_word(extract_text):
    record = extract_text(
        "❗️ CSTO forces arrived in Tajikistan for the Rubezh-2024 exercises.\n\nAbout 1,500 servicemen take part.\n"
    )
    assert record.title_derived
    assert record.title == "CSTO forces arrived in Tajikistan for the Rubezh-2024 exercises"
