"""The loader on articles of our own making, in page layouts the seeds and the
labelled corpus do not show: a site's name above the headline, relative
"updated" times, datelines with the agency after a dash, pronouns next to a
name inside the quote, attribution lines under a quote, em-dash dialogue,
bylines naming an outlet, "Read also:" lines, cookie banners, wire credits,
copyright lines and newsletter, social or donation prompts (and the sentences
about reporting, rights, support or following that look like them).

Each article is written the way a site or a copy-paste gives it; each test
states what a careful reader would take from it."""

from __future__ import annotations

import textwrap

import pytest


def article(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


RIA_MASTHEAD = article("""
    РИА Новости
    23 ноября 2024, 14:05
    Zakharova: CSTO remains key to regional security

    MOSCOW, 23 Nov - RIA Novosti. Russian Foreign Ministry spokeswoman Maria Zakharova said on Saturday that the CSTO remained a key instrument of security in the region.

    «The CSTO has proved its relevance many times, and we are convinced that it will continue to do so», Zakharova said at a briefing.

    She said the organisation was open to cooperation with other regional structures.

    Читайте также
    Фото: РИА Новости / Алексей Витвицкий
""")

BELTA_MASTHEAD = article("""
    BelTA
    23 November 2024, 14:05
    Lukashenko: CSTO must respond to new threats

    MINSK, 23 November (BelTA) - Belarusian President Aleksandr Lukashenko spoke at the session of the CSTO Collective Security Council in Minsk.

    "The world has changed. The threats we face today did not exist when the Treaty was signed, and we must respond to them together," the head of state said.

    According to Aleksandr Lukashenko, the organisation should pay more attention to information security.

    Photo courtesy of the press service of the President of Belarus
""")

NEWSAM_LOWERCASE_MASTHEAD = article("""
    news.am
    23.11.2024 | 14:05
    CSTO chief comments on Armenia's absence

    CSTO Secretary General Imangali Tasmagambetov commented on Armenia's absence from the Minsk summit.

    "The door remains open for Armenia. We count on Yerevan returning to full participation in the work of the organization."

    — Imangali Tasmagambetov, CSTO Secretary General

    Armenian opposition MP Artur Khachatryan told news.am that the government was "isolating Armenia".

    Comments (3)
""")

ASIAPLUS_UPDATED = article("""
    Asia-Plus
    Updated 3 hours ago
    CSTO to send equipment to Tajik border

    DUSHANBE, November 23 – The CSTO will send a batch of equipment to Tajik border guards before the end of the year, the Tajik Border Service said in a statement.

    "The first batch of equipment will be delivered in December," the statement says.

    Border Service head Rajabali Rahmonali said in an interview with Asia-Plus that the equipment included night-vision devices and drones.
""")


def test_site_name_above_the_headline_is_not_the_title(extract_text):
    for text, headline, masthead in (
        (RIA_MASTHEAD, "Zakharova: CSTO remains key to regional security", "РИА Новости"),
        (BELTA_MASTHEAD, "Lukashenko: CSTO must respond to new threats", "BelTA"),
        (NEWSAM_LOWERCASE_MASTHEAD, "CSTO chief comments on Armenia's absence", "news.am"),
        (ASIAPLUS_UPDATED, "CSTO to send equipment to Tajik border", "Asia-Plus"),
    ):
        record = extract_text(text)
        assert (record.title, record.title_derived) == (headline, False)
        assert headline not in record.body and masthead not in record.body
        assert masthead in record.removed


def test_a_headline_in_the_body_is_never_a_quote(extract_text):
    """`Name: words` with no sentence end is a headline, not a transcript line."""
    for text in (RIA_MASTHEAD, BELTA_MASTHEAD):
        record = extract_text(text)
        assert all(q.kind == "quoted" for q in record.quotes), record.quotes


def test_relative_update_time_is_furniture_and_gives_no_date(extract_text):
    record = extract_text(ASIAPLUS_UPDATED)
    assert record.date is None
    assert "Updated 3 hours ago" in record.removed
    assert not any("ago" in paragraph for paragraph in record.body)


TASS_INLINE_HEADLINE = article("""
    Kremlin comments on the CSTO summit
    MOSCOW, November 23. /TASS/. Kremlin spokesman Dmitry Peskov said on Saturday that preparations for the CSTO summit in Minsk were on schedule.
    "All the documents are ready, and we expect a substantive discussion," Peskov told reporters.
    Peskov: Putin will attend CSTO summit in Minsk
    The summit will be held on November 28.
""")


def test_a_name_and_colon_without_a_sentence_is_a_headline_not_a_transcript(extract_text):
    record = extract_text(TASS_INLINE_HEADLINE)
    assert [(q.text[:12], q.speaker) for q in record.quotes] == [("All the docu", "Dmitry Peskov")]


ARMENPRESS_PRONOUN = article("""
    Pashinyan: Armenia will decide on CSTO when time comes

    YEREVAN, NOVEMBER 23, 2024, ARMENPRESS. Prime Minister Nikol Pashinyan said Armenia would decide on its membership of the Collective Security Treaty Organization "when the time comes".

    Speaking at a government session, Pashinyan recalled that Russian President Vladimir Putin had invited him to the summit in Minsk. "I thanked President Putin for the invitation, but my position has not changed," he said.

    "We are not participating in the work of the organization, and that is a fact that everybody knows," the Prime Minister added.
""")


def test_he_is_not_the_person_the_quote_itself_names(extract_text):
    """`"I thanked President Putin ...," he said`: whoever "he" is, it is not Putin."""
    record = extract_text(ARMENPRESS_PRONOUN)
    assert [q.speaker for q in record.quotes] == ["Nikol Pashinyan", "Nikol Pashinyan"]
    assert [s.name for s in record.speakers] == ["Nikol Pashinyan"]


KABAR_DASH_AGENCY = article("""
    Japarov: Kyrgyzstan will host CSTO exercises in 2025
    23 November 2024, 14:05

    BISHKEK, November 23 - Kabar. President Sadyr Japarov met CSTO Secretary General Imangali Tasmagambetov in Bishkek on Saturday.

    — Kyrgyzstan is ready to host the joint exercises of the collective forces next year. We have everything we need for this, — Sadyr Japarov said.

    — We highly appreciate the contribution of Kyrgyzstan to our common security, — Tasmagambetov replied.

    The sides also discussed the situation on the Kyrgyz-Tajik border.
""")

TREND_BYLINE_DATELINE = article("""
    CSTO's inaction in 2022 was a lesson for Armenia - expert

    BAKU, Azerbaijan, November 23. By Leyla Hasanova – Trend:

    The CSTO's refusal to help Armenia in 2022 showed the limits of the alliance, Azerbaijani political analyst Elkhan Shahinoglu told Trend.

    "The CSTO is not NATO. Its members are not ready to fight for each other, and Yerevan understood it too late," Shahinoglu said.
""")

NOT_A_DATELINE = article("""
    Kairat secure win over Ordabasy in Almaty derby

    ALMATY, November 23 – Kazakhstan's Kairat beat Ordabasy 2-1 on Saturday to move top of the league.

    "We played with character today, and the fans deserved this win," coach Rafael Urazbakhtin told reporters after the match.
""")


def test_dateline_with_the_agency_after_a_dash_and_no_year(extract_text):
    for text, outlet in ((RIA_MASTHEAD, "RIA Novosti"), (KABAR_DASH_AGENCY, "Kabar")):
        record = extract_text(text)
        assert (record.source.name, record.source.evidence.rule) == (outlet, "dateline")
        assert record.date == "2024-11-23" and record.date_evidence.rule == "byline"  # the dateline has no year


def test_dateline_with_a_byline_before_the_agency(extract_text):
    record = extract_text(TREND_BYLINE_DATELINE)
    assert (record.source.name, record.source.evidence.rule) == ("Trend", "dateline")
    assert record.date is None  # "November 23" has no year
    assert record.cited_sources == ()  # "told Trend": the publisher itself


def test_a_city_and_a_sentence_after_the_dash_is_no_agency(extract_text):
    assert extract_text(NOT_A_DATELINE).source is None


def test_a_dash_line_under_a_quote_names_its_speaker(extract_text):
    record = extract_text(NEWSAM_LOWERCASE_MASTHEAD)
    assert [(q.text[:12], q.speaker) for q in record.quotes] == [("The door rem", "Imangali Tasmagambetov")]
    assert record.quotes[0].evidence.text == "— Imangali Tasmagambetov, CSTO Secretary General"


def test_a_dash_line_naming_no_one_attributes_nothing(extract_text):
    record = extract_text(
        article("""
        CSTO statement on Armenia
        CSTO officials commented on Armenia's absence from the Minsk summit.
        "The door remains open for Armenia. We count on Yerevan returning to full participation in the work of the organization."
        — from the statement of the CSTO Secretariat
        """)
    )
    assert [q.speaker for q in record.quotes] == [None]


EURASIANET_ACCORDING = article("""
    Tajikistan looks to CSTO as Afghan border worries grow

    Photo: Tajik border guards on the Panj river. (Photo: Asia-Plus)

    Tajik officials have long complained that their southern border is poorly protected.

    According to security analyst Parviz Mullojanov, the CSTO programme for the Tajik-Afghan border is unlikely to change much on the ground, since the money arrives slowly.

    "The programme was approved in 2024, but we have seen very little of it so far. The posts are still waiting for equipment," Mullojanov told Eurasianet.
""")


def test_a_role_in_lower_case_starts_after_according_to(extract_text):
    record = extract_text(EURASIANET_ACCORDING)
    assert [(s.name, s.role) for s in record.speakers] == [("Parviz Mullojanov", "security analyst")]
    assert [(q.text[:12], q.speaker) for q in record.quotes] == [("The programm", "Parviz Mullojanov")]


AP_BYLINE = article("""
    Kazakh leader backs CSTO's role in Central Asia
    Published: Saturday, November 23, 2024
    By JANE DOE Associated Press

    ASTANA, Kazakhstan (AP) — Kazakhstan's President Kassym-Jomart Tokayev on Saturday defended the role of the Collective Security Treaty Organization in Central Asia.

    "The CSTO showed in January 2022 that it can act quickly when a member state is in danger.

    "We will keep working with our allies to make sure that our region remains stable and secure," Tokayev said in a speech to diplomats.
""")

RFERL_SERVICE_BYLINE = article("""
    Armenia Will Not Pay CSTO Dues, Says Mirzoyan
    November 23, 2024 14:05 GMT
    By RFE/RL's Armenian Service

    Armenian Foreign Minister Ararat Mirzoyan said on November 23 that Yerevan would not pay its share of the CSTO budget this year.

    "Why should we finance an organization whose work we do not take part in?" Mirzoyan said in an interview with RFE/RL's Armenian Service.
""")


def test_byline_author_without_the_outlet_after_the_name(extract_text):
    record = extract_text(AP_BYLINE)
    assert record.author == "JANE DOE"
    assert record.source.name == "Associated Press"
    assert (record.date, record.date_evidence.rule) == ("2024-11-23", "header")


def test_byline_of_a_service_is_a_byline_not_body(extract_text):
    record = extract_text(RFERL_SERVICE_BYLINE)
    assert record.author == "RFE/RL's Armenian Service"
    assert not any(p.startswith("By ") for p in record.body)


def test_a_quote_over_two_paragraphs_with_the_mark_repeated_is_a_quote_per_paragraph(extract_text):
    record = extract_text(AP_BYLINE)
    assert [q.speaker for q in record.quotes] == ["Kassym-Jomart Tokayev"] * 2
    first, second = record.quotes
    assert first.text.startswith("The CSTO showed") and second.text.endswith("stable and secure")
    assert not any(mark in q.text for q in record.quotes for mark in "“”")


def test_em_dash_dialogue_quotes_are_the_words_without_the_dashes(extract_text):
    record = extract_text(KABAR_DASH_AGENCY)
    assert [(q.text, q.speaker) for q in record.quotes] == [
        (
            "Kyrgyzstan is ready to host the joint exercises of the collective forces next year. We have everything we need for this",
            "Sadyr Japarov",
        ),
        ("We highly appreciate the contribution of Kyrgyzstan to our common security", "Imangali Tasmagambetov"),
    ]


def test_short_header_lines_under_the_title_are_furniture(extract_text):
    record = extract_text(
        article("""
        Armenia Will Not Pay CSTO Dues, Says Mirzoyan
        November 23, 2024 14:05 GMT
        Kabar
        Share
        Facebook
        Twitter
        12 Comments

        Armenian Foreign Minister Ararat Mirzoyan said on November 23 that Yerevan would not pay its share of the CSTO budget this year.
        """)
    )
    assert record.body == (
        "Armenian Foreign Minister Ararat Mirzoyan said on November 23 that Yerevan would not pay its share of the CSTO budget this year.",
    )
    assert {"Kabar", "Facebook", "Twitter", "12 Comments"} <= set(record.removed)


INTERFAX_LABELLED_LINKS = article("""
    Lavrov says CSTO ready to discuss Armenia's concerns
    2024-11-23T14:05:00+03:00

    MOSCOW. Nov 23 (Interfax) - Russian Foreign Minister Sergei Lavrov said on Saturday that the CSTO remained open to a dialogue with Yerevan on its concerns.

    "We are ready to discuss any questions our Armenian colleagues may have. The door has not been closed," Lavrov told reporters after talks in Minsk.

    Read also: Pashinyan again refuses to attend CSTO summit

    He added that the CSTO mission to the Armenian-Azerbaijani border was still on offer.

    Share: Facebook | Twitter | Telegram | VK
""")


def test_a_furniture_label_with_a_headline_after_it_is_furniture(extract_text):
    record = extract_text(INTERFAX_LABELLED_LINKS)
    assert "Read also: Pashinyan again refuses to attend CSTO summit" in record.removed
    assert "Share: Facebook | Twitter | Telegram | VK" in record.removed
    assert record.body[-1].startswith("He added that")
    assert (record.date, record.date_evidence.rule) == ("2024-11-23", "byline")
    assert (record.source.name, record.author) == ("Interfax", None)


SPORTS_WITH_RELATED = article("""
    Kairat secure win over Ordabasy in Almaty derby

    ALMATY, November 23 – Kazakhstan's Kairat beat Ordabasy 2-1 on Saturday to move top of the league.

    The team's next match is against Astana next Sunday.

    Read more:
    CSTO Secretary General visits Almaty
    Tokayev meets CSTO chief
""")


def test_links_under_a_read_more_label_are_not_the_article(extract_text):
    record = extract_text(SPORTS_WITH_RELATED)
    assert record.body[-1] == "The team's next match is against Astana next Sunday."
    assert record.organizations == ()  # the CSTO is only in the links to other articles


def test_a_patronymic_form_and_the_surname_are_one_known_person(extract_text):
    record = extract_text(
        article("""
        Lukashenko on the CSTO
        MINSK, 23 November (BelTA) - Alexander Grigorievich Lukashenko met the CSTO Secretary General.
        "The organisation must be ready for any threats, and we will do everything for this," Alexander Grigorievich Lukashenko said.
        "We have no other allies, and we will not look for them," Lukashenko added.
        """)
    )
    assert [q.speaker for q in record.quotes] == ["Alexander Lukashenko", "Alexander Lukashenko"]
    assert [s.name for s in record.speakers] == ["Alexander Lukashenko"]


COOKIE_BANNER_ON_TOP = article("""
    We use cookies to improve your experience on our site
    By continuing to browse the site you agree to our use of cookies. Learn more in our Privacy Policy.
    Accept all cookies
    CSTO ministers meet in Bishkek ahead of summit

    BISHKEK, November 23 (Kabar) - Defence ministers of the CSTO member states met in Bishkek on Saturday to prepare the summit.

    "We have agreed on the plan of joint exercises for next year," Kyrgyz Defence Minister Ruslan Mukambetov said.
""")


def test_a_cookie_banner_is_furniture_and_never_the_title(extract_text):
    record = extract_text(COOKIE_BANNER_ON_TOP)
    assert (record.title, record.title_derived) == ("CSTO ministers meet in Bishkek ahead of summit", False)
    assert record.body[0].startswith("BISHKEK, November 23 (Kabar)")
    assert not any("cookie" in paragraph.lower() for paragraph in record.body)
    assert "Accept all cookies" in record.removed


REUTERS_CREDITS = article("""
    Kazakhstan says CSTO peacekeepers will not be needed again
    November 23, 2024

    ALMATY, Nov 23 (Reuters) - Kazakhstan does not expect to ask the CSTO for peacekeepers again, a senior official said on Saturday.

    "The situation of January 2022 will not be repeated," deputy foreign minister Roman Vassilenko told reporters.

    Reporting by Mariya Gordeyeva in Almaty and Gleb Stolyarov; Writing by Olzhas Auyezov; Editing by Andrew Osborn
    Additional reporting by Felix Light in Tbilisi
    Our Standards: The Thomson Reuters Trust Principles.
""")

AP_COPYRIGHT = article("""
    Kremlin says CSTO summit will go ahead without Armenia
    Published: Saturday, November 23, 2024

    MOSCOW (AP) — The Kremlin said Saturday that the summit of the Collective Security Treaty Organization would go ahead in Minsk without Armenia.

    Associated Press writer Jim Heintz in Moscow contributed to this report.
    Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
""")

RIA_COPYRIGHT = article("""
    Lavrov: CSTO door remains open for Yerevan
    23.11.2024

    MOSCOW, 23 Nov - RIA Novosti. Russian Foreign Minister Sergei Lavrov said the CSTO door remained open for Yerevan.

    © 2024 RIA Novosti
    All rights reserved.
    Full or partial reproduction of the materials is prohibited without a hyperlink to the source.
""")


def test_wire_credits_and_copyright_lines_are_furniture(extract_text):
    for text, last in (
        (REUTERS_CREDITS, '"The situation of January 2022'),
        (AP_COPYRIGHT, "MOSCOW (AP)"),
        (RIA_COPYRIGHT, "MOSCOW, 23 Nov"),
    ):
        record = extract_text(text)
        assert record.body[-1].startswith(last), record.body
        assert len(record.removed) >= 2


PROMPTS_AFTER_THE_TEXT = article("""
    Armenia freezes its participation in the CSTO
    November 23, 2024

    BAKU, Azerbaijan, November 23. Armenia has frozen its participation in the CSTO, Prime Minister Nikol Pashinyan said.

    Follow Trend on Telegram
    Subscribe to our Telegram channel
    Join us on WhatsApp
    Sign up for our newsletter and get the day's news in your inbox
    Like this article? Support independent journalism by becoming a member.
    Donate now
    Подписывайтесь на наш Telegram-канал
""")


def test_newsletter_donation_and_social_prompts_are_furniture(extract_text):
    record = extract_text(PROMPTS_AFTER_THE_TEXT)
    assert record.body == (
        "BAKU, Azerbaijan, November 23. Armenia has frozen its participation in the CSTO, Prime Minister Nikol Pashinyan said.",
    )
    assert len(record.removed) == 8  # the seven prompts and the byline date


NEAR_MISSES = article("""
    CSTO ministers agree new reporting rules
    November 23, 2024

    MINSK, November 23 (BelTA) - The CSTO foreign ministers agreed on Saturday to change the way member states report incidents.

    The CSTO reporting mechanism will now cover incidents on the borders of all member states.

    Reporting by the CSTO secretariat showed a rise in border incidents this year.

    "Armenia will support the rights of its citizens wherever they live," Foreign Minister Ararat Mirzoyan said.

    All rights reserved to member states under the treaty remain in force, the secretariat said.

    Follow-up talks will be held in Minsk in December.

    Subscribers to the ministry's Telegram channel were told that the exercise had begun.

    Join the CSTO? Uzbekistan says it has no such plans.

    Support for the organisation has fallen in Armenia, according to a recent poll.

    Copyright disputes between member states were also on the agenda.

    Follow the money, Mirzoyan told reporters when asked about the CSTO budget.

    The cookies served at the press centre were a gift of the Belarusian side.
""")


def test_sentences_about_reporting_rights_support_and_following_stay(extract_text):
    record = extract_text(NEAR_MISSES)
    assert len(record.body) == 12, record.removed
    assert record.removed == ("November 23, 2024",)  # the byline date, and nothing else


@pytest.mark.parametrize(
    "line",
    [
        "This website uses cookies to ensure you get the best experience.",
        "Cookie settings",
        "By using this site, you agree to our Privacy Policy and Terms of Use.",
        "Мы используем файлы cookie, чтобы сайт был удобнее.",
        "Writing by Olzhas Auyezov; Editing by Tomasz Janowski",
        "Reporting by Reuters",
        "Copyright © Trend News Agency. Reproduction is prohibited.",
        "Kazinform, 2024. All rights reserved.",
        "Follow us on Facebook, Twitter and Instagram",
        "Read us on Google News",
        "Support our journalism",
        "(Reporting by Farrukh Saidov in Dushanbe; Editing by Helen Marsh)",
        "https://akipress.com/news:123456/",
        "Share this article",
        "Print this page",
    ],
)
def test_furniture_lines_from_other_outlets(line):
    from csto_digest.load.furniture import is_furniture

    assert is_furniture(line, article_is_latin=not line.startswith("Мы"))


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the CSTO secretariat showed a rise in border incidents.",
        "Editing by hand of the joint statement took the ministers two days.",
        '"Armenia will support the rights of its citizens," Mirzoyan said.',
        "All rights reserved to member states under the treaty remain in force.",
        "Follow-up talks will be held in Minsk.",
        "Join the CSTO? Uzbekistan says it has no such plans.",
        "Support for the organisation has fallen in Armenia, a poll shows.",
        "Copyright disputes between member states were also discussed.",
        "The use of force was not on the agenda, Zas said.",
        "The full text of the statement is at https://en.odkb-csto.org/news/.",
        "Printing of the ballots began on Monday.",
        "Use of Article 4 of the Collective Security Treaty was requested by Armenia in 2022.",
        "Like the CSTO? Not quite, the analyst said of the new bloc.",
        "(c) 2023 exercises were held in Belarus and Kazakhstan.",
    ],
)
def test_sentences_near_furniture_are_not_furniture(line):
    from csto_digest.load.furniture import is_furniture

    assert not is_furniture(line)


MARKDOWN_SECTIONS = article("""
    ---
    title: Rahmon urges CSTO allies to act on Afghanistan
    date: 2021-09-16
    source: Avesta
    ---

    ## Background to the summit

    President Emomali Rahmon told the leaders of the CSTO member states gathered in Dushanbe that the border required joint measures.

    ## What the leaders decided

    The leaders instructed the CSTO Secretariat to speed up the work on the border programme.
""")

MARKDOWN_TITLE_AGAIN = article("""
    ---
    title: Rahmon urges CSTO allies to act on Afghanistan
    ---

    # Rahmon urges CSTO allies to act on Afghanistan

    President Emomali Rahmon told the leaders of the CSTO member states gathered in Dushanbe that the border required joint measures.
""")


def test_a_markdown_heading_under_a_front_matter_title_stays_in_the_body(extract_text):
    record = extract_text(MARKDOWN_SECTIONS, "article.md")
    assert (record.title, record.title_evidence.rule) == (
        "Rahmon urges CSTO allies to act on Afghanistan",
        "front-matter",
    )
    assert record.body[0] == "Background to the summit"
    assert "What the leaders decided" in record.body
    assert record.removed == ()


def test_a_markdown_heading_repeating_the_front_matter_title_is_recorded_as_removed(extract_text):
    record = extract_text(MARKDOWN_TITLE_AGAIN, "article.md")
    assert record.title == "Rahmon urges CSTO allies to act on Afghanistan"
    assert record.body[0].startswith("President Emomali Rahmon")
    assert record.removed == ("Rahmon urges CSTO allies to act on Afghanistan",)


def test_a_markdown_heading_is_the_title_when_the_front_matter_has_none(extract_text):
    text = MARKDOWN_TITLE_AGAIN.replace("title: Rahmon urges CSTO allies to act on Afghanistan", "date: 2021-09-16")
    record = extract_text(text, "article.md")
    assert (record.title, record.title_evidence.rule) == ("Rahmon urges CSTO allies to act on Afghanistan", "title")
    assert record.body[0].startswith("President Emomali Rahmon")
