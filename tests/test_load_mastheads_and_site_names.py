"""The outlet and the title at the top of a copied page: a site's address printed as its masthead
(`Tolkun.kg`, `BALTNEWS.TJ`) is the source even when the registry does not know the site, a
masthead line joining the site's name and the date (`Tolkun.kg · 14 May 2024 · Society`,
`14.05.2024 | Asia-Plus`) gives both, a bracketed timestamp before the headline
(`[14.05.2024 09:10] Tokayev: ...`) is the date and the rest of the line the title, and a byline
inside an agency's dateline (`Tashkent, Uzbekistan, May 14. By NAME – Agency:`) is the author."""

from __future__ import annotations

import pytest

from csto_digest.load.layout import parse_layout
from csto_digest.load.outlets import known_outlet

HEADLINE = "Kyrgyz border guards take part in CSTO drills near Batken"
BODY = (
    "Kyrgyz border guards joined the CSTO exercise in the Batken region on Tuesday, the defence ministry said.\n\n"
    "The drills will last three days and involve about 800 troops from four member states.\n"
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (f"Tolkun.kg\n\n{HEADLINE}\n\n{BODY}", "Tolkun.kg"),
        (f"Tolkun.kg\n14 May 2024 09:10\nSociety\n\n{HEADLINE}\n\n{BODY}", "Tolkun.kg"),
        (f"BALTNEWS.TJ\n14 May 2024 09:10\n\n{HEADLINE}\n\n{BODY}", "baltnews.tj"),
        (f"Tolkun.kg · 14 May 2024 · Society\n\n{HEADLINE}\n\n{BODY}", "Tolkun.kg"),
        (f"{HEADLINE}\n\nTolkun.kg | 14.05.2024, 09:10\n\n{BODY}", "Tolkun.kg"),
        (f"14.05.2024 | Tolkun.kg\n\n{HEADLINE}\n\n{BODY}", "Tolkun.kg"),
        (f"14 May 2024 - Tolkun.kg\n\n{HEADLINE}\n\n{BODY}", "Tolkun.kg"),
    ],
)
def test_a_sites_address_as_masthead_is_the_source_though_the_registry_does_not_know_it(extract_text, text, name):
    record = extract_text(text)
    assert record.title == HEADLINE
    assert record.source is not None
    assert (record.source.name, record.source.evidence.rule) == (name, "masthead")
    assert record.source.evidence.confidence == 0.6
    assert "registry" in (record.source.evidence.note or "")
    if "14" in text.split(HEADLINE)[0] or "|" in text:
        assert record.date == "2024-05-14"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("14.05.2024 | Asia-Plus", "Asia-Plus"),
        ("Asia-Plus · 14 May 2024 · Politics", "Asia-Plus"),
        ("The Astana Times • 14 May 2024", "The Astana Times"),
    ],
)
def test_a_known_sites_name_joined_with_the_date_is_the_masthead(extract_text, line, name):
    record = extract_text(f"{line}\n\n{HEADLINE}\n\n{BODY}")
    assert (record.source.name, record.source.evidence.rule) == (name, "masthead")
    assert record.source.evidence.confidence == 0.75
    assert (record.date, record.date_evidence.text) == ("2024-05-14", line)
    assert record.title == HEADLINE


@pytest.mark.parametrize("line", ["Society · 14 May 2024", "Home | 14.05.2024", "14 May 2024 - Politics"])
def test_a_plain_word_joined_with_the_date_is_a_masthead_but_no_source(extract_text, line):
    text = f"{line}\n\n{HEADLINE}\n\n{BODY}"
    found = parse_layout(text)
    assert [words for words, _ in found.mastheads] == [
        line.replace("14 May 2024", "").replace("14.05.2024", "").strip(" ·|-")
    ]
    record = extract_text(text)
    assert record.source is None
    assert record.date == "2024-05-14"


def test_the_regions_outlets_are_known_by_name_and_domain(config):
    outlets = {
        "Report.az": "report.az", "APA": "apa.az", "Caliber.az": "caliber.az", "Kaktus.media": "kaktus.media",
        "Daryo": "daryo.uz", "Vestnik Kavkaza": "vestnikkavkaza.net", "Kun.uz": "kun.uz", "Gazeta.uz": "gazeta.uz",
        "Asia-Plus": "asiaplustj.info", "Avesta": "avesta.tj", "Khovar": "khovar.tj", "24.kg": "24.kg",
        "AKIpress": "akipress.com", "Kabar": "kabar.kg", "Trend": "trend.az", "Interfax-AVN": "militarynews.ru",
        "Eurasia Daily Monitor": "jamestown.org",
    }  # fmt: skip
    for name, domain in outlets.items():
        assert known_outlet(name, config.registry) == name
        assert known_outlet(domain, config.registry) == name
    assert known_outlet("REPORT.AZ", config.registry) == "Report.az"
    assert known_outlet("Jamestown Foundation", config.registry) == "Eurasia Daily Monitor"


@pytest.mark.parametrize(
    ("first", "date"),
    [
        ("[14.05.2024 09:10]", "2024-05-14"),
        ("[May 14, 2024, 09:10]", "2024-05-14"),
        ("[2024-05-14 09:10]", "2024-05-14"),
    ],
)
def test_a_bracketed_timestamp_before_the_headline_is_the_date_and_the_rest_the_title(extract_text, first, date):
    title = "Tokayev: CSTO must adapt to new threats"
    text = (
        f"{first} {title}\n\nAstana – Kazinform. President Kassym-Jomart Tokayev said the CSTO must adapt "
        "to new threats.\n\nHe spoke at a meeting of the Security Council.\n"
    )
    record = extract_text(text)
    assert (record.title, record.title_derived) == (title, False)
    assert (record.date, record.date_evidence.rule, record.date_evidence.text) == (date, "header", text.split("\n")[0])


def test_a_bracketed_timestamp_that_reads_both_ways_gives_no_date_but_keeps_the_title(extract_text):
    title = "Tokayev: CSTO must adapt to new threats"
    text = f"[03/04/2024 09:10] {title}\n\nPresident Kassym-Jomart Tokayev said the CSTO must adapt.\n"
    record = extract_text(text)
    assert record.title == title
    assert record.date is None


DATELINED = (
    "Uzbekistan will not rejoin the CSTO, minister says\n\n"
    "Tashkent, Uzbekistan, May 14. By Dilnoza Karimova – Podrobno:\n\n"
    "Uzbekistan has no plans to rejoin the CSTO, Foreign Minister Bakhtiyor Saidov told reporters.\n"
)


def test_a_byline_inside_the_agencys_dateline_is_the_author(extract_text):
    record = extract_text(DATELINED)
    assert record.author == "Dilnoza Karimova"
    assert record.author_evidence.rule == "byline"
    assert record.author_evidence.text == "Tashkent, Uzbekistan, May 14. By Dilnoza Karimova – Podrobno:"
    assert record.source.name == "Podrobno"
    signed = extract_text(DATELINED.replace("\n\nTashkent", "\n\nBy Aziz Rakhimov\n\nTashkent"))
    assert signed.author == "Aziz Rakhimov"  # a byline of its own wins over the dateline's


@pytest.mark.parametrize(
    "text",
    [
        f"Tolkun.kg\n\n{BODY}",  # the site's name over a story with no headline
        f"{HEADLINE}\n\n{BODY}\nTolkun.kg\n",  # the site signing its article under the text
    ],
)
def test_a_sites_address_over_or_under_the_text_is_a_masthead_not_the_title(extract_text, text):
    record = extract_text(text)
    assert record.title != "Tolkun.kg"
    assert (record.source.name, record.source.evidence.rule) == ("Tolkun.kg", "masthead")
    assert "Tolkun.kg" not in " ".join(record.body)
