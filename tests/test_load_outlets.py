"""Outlets: the publisher from URL or dateline only; cited outlets by reporting verbs."""

from __future__ import annotations

import pytest

from csto_digest.load.outlets import cited_outlets, find_dateline, outlet_from_url


@pytest.mark.parametrize(
    ("line", "agency", "date"),
    [
        ("MOSCOW (Sputnik) - The CSTO said", "Sputnik", None),
        ("MOSCOW, January 29. /TASS/. Russia said", "TASS", None),
        ("YEREVAN, March 5. /ARKA/. Armenia", "ARKA", None),
        ("DUSHANBE, June 22, 2012, Asia-Plus -- The CSTO", "Asia-Plus", "2012-06-22"),
        ("ALMATY, Kazakhstan (Reuters) - Kazakhstan asked", "Reuters", None),
        ("ASTANA, 12 March 2024 - The talks", None, "2024-03-12"),
    ],
)
def test_datelines(line, agency, date):
    found = find_dateline(line)
    assert found is not None
    assert found.agency == agency
    assert (found.date.value if found.date else None) == date


@pytest.mark.parametrize(
    "line",
    [
        "Moreover, the CSTO said",
        "The Secretary General (CSTO) - said",
        "Secretary General (CSTO) - said",
        "In 2022, Russia (and others) - no",
    ],
)
def test_not_datelines(line):
    assert find_dateline(line) is None


def test_outlet_from_url_uses_the_registry_then_the_domain(config):
    assert outlet_from_url("https://sputnikglobe.com/20240328/x.html", config.registry).name == "Sputnik"
    assert outlet_from_url("https://www.tass.com/politics/1", config.registry).name == "TASS"
    unknown = outlet_from_url("https://news.example.org/a", config.registry)
    assert unknown.name == "news.example.org" and unknown.evidence.note


def test_cited_outlets_need_a_reporting_verb(config):
    text = (
        "The meeting was held at the press center of the Russia Today news agency. "
        "Zas said this, Kazinform reports. He told the Vremya newspaper that talks go on. "
        "According to Eurasianet, the deal stalled. Tasmagambetov said it was fine."
    )
    names = [o.name for o in cited_outlets(text, config.registry, {"Zas", "Tasmagambetov"}, set())]
    assert names == ["Kazinform", "Vremya newspaper", "Eurasianet"]


@pytest.mark.parametrize(
    ("line", "agency", "date"),
    [
        ("BEIJING, Nov. 23 (Xinhua) -- The CSTO", "Xinhua", None),
        ("MINSK, 23 November (BelTA) - Belarus", "BelTA", None),
        ("ASTANA. KAZINFORM - President Tokayev", "KAZINFORM", None),
        ("YEREVAN, NOVEMBER 23, 2023, ARMENPRESS. Armenia", "ARMENPRESS", "2023-11-23"),
        ("BAKU, Azerbaijan, Nov. 23. Trend: The CSTO", "Trend", None),
        ("Bishkek (AKIpress) - The CSTO", "AKIpress", None),
        ("Tashkent, 10 May 2023 – Kun.uz", "Kun.uz", "2023-05-10"),
        ("ASTANA, 18 April 2025 – Kazinform. CSTO Secretary General", "Kazinform", "2025-04-18"),
    ],
)
def test_more_dateline_forms(line, agency, date):
    found = find_dateline(line)
    assert found is not None and found.agency == agency
    assert (found.date.value if found.date else None) == date


def test_cited_outlet_named_after_its_description_and_with_a_number(config):
    text = (
        "Pashinyan said in an interview with the French channel Channel 5 Plus. "
        "Later he told the Kanal 7 television channel that nothing had changed."
    )
    names = [o.name for o in cited_outlets(text, config.registry, {"Pashinyan"}, set())]
    assert names == ["Channel 5 Plus", "Kanal 7 television channel"]


def test_outlets_credited_by_reported_by_published_by_and_confirmed_to_are_cited(extract_text):
    record = extract_text(
        "CSTO news\n\nASTANA (Kazinform) - The CSTO will hold drills in Kazakhstan, as reported by Interfax. "
        "The news was first published by Sputnik Kazakhstan, citing the Joint Staff.\n\n"
        "The Kazakh defence ministry confirmed the report to Tengrinews.kz on Monday.\n"
    )
    assert record.source.name == "Kazinform"
    assert [o.name for o in record.cited_sources] == ["Interfax", "Sputnik Kazakhstan", "Tengrinews"]
