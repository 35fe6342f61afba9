"""Places and organisations further afield than the CSTO's members, as its coverage names them,
and everyday words that share a name with a place and must not count."""

from __future__ import annotations

import pytest

from csto_digest.load.entities import organizations, places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Moldova and the CSTO have no ties.", "Moldova"),
        ("British officials said so.", "United Kingdom"),
        ("Talks were held in Pyongyang.", "North Korea"),
        ("The Gorno-Badakhshan region is tense.", "Gorno-Badakhshan"),
    ],
)
def test_places_beyond_the_members_are_named(config, text, place):
    assert place in places(text, config.registry)


@pytest.mark.parametrize(
    "text",
    ["The editors will polish the text before the summit.", "Jordan Smith wrote the report."],
)
def test_everyday_words_and_first_names_are_no_place(config, text):
    assert places(text, config.registry) == ()


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("Units of the CRRF began the drills.", "CSTO Collective Rapid Reaction Forces"),
        ("The CSTO Joint Staff planned the exercise.", "CSTO Joint Staff"),
        ("Fighters of ISIS-K crossed the border.", "Islamic State"),
        ("BRICS leaders met in Kazan.", "BRICS"),
    ],
)
def test_organisations_that_csto_coverage_names(config, text, organization):
    assert organization in organizations(text, config.registry)
