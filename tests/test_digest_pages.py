"""The digest on the pages: the home page's "new since the previous build" and theme charts, the outlet table."""

from __future__ import annotations

import dataclasses
import re

import pytest

from csto_digest import render_digest
from csto_digest.config import Config
from csto_digest.render import render, render_site
from csto_digest.render_index import build_index
from factories import make_article, sample_corpus


def corpus_with_months():
    """The sample corpus plus two Sputnik articles in other months, so the themes have something over time."""
    articles, groups = sample_corpus()
    extra = (
        make_article(id="jan", path="in/jan.txt", title="January piece", date="2024-01-15"),
        make_article(id="feb", path="in/feb.txt", title="February piece", date="2024-02-15"),
    )
    themes = dict(groups.themes)
    themes["armenia-membership"] = (*themes["armenia-membership"], "jan", "feb")
    return articles + extra, dataclasses.replace(groups, themes=themes)


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    articles, groups = corpus_with_months()
    return render_site(articles, groups, Config())


def page(files: dict[str, bytes], path: str) -> str:
    return files[path].decode("utf-8")


def test_home_theme_cards_carry_a_named_chart_and_its_words(site):
    home = page(site, "index.html")
    card = home[home.index('<a class="card-title" href="themes/armenia-membership.html"') :]
    card = card[: card.index("</li>")]
    assert '<svg class="spark"' in card and 'role="img"' in card
    assert re.search(
        r'<title id="spark-armenia-membership-t">[^<]*per month, 2022-12 to 2024-03; peak 2024-03 with 2<', card
    )
    assert '<span class="spark-summary">peak 2024-03: 2 articles · 2024-01 to 2024-03</span>' in card
    assert "style=" not in card


def test_themes_index_shows_the_same_charts(site):
    themes = page(site, "themes/index.html")
    assert 'id="spark-armenia-membership-t"' in themes
    assert "spark-summary" in themes


def test_outlets_index_has_the_outlet_by_theme_table_escaped_and_labelled(site):
    outlets = page(site, "outlets/index.html")
    section = outlets[outlets.index('id="by-theme-h"') : outlets.index('id="outlets-h"')]
    assert "<caption" in section and 'scope="col"' in section and 'scope="row"' in section
    assert 'role="region"' in section and 'tabindex="0"' in section
    assert "Evil &lt;b&gt;Outlet&lt;/b&gt;" in section and "<b>Outlet</b>" not in section
    # Sputnik published three articles in Armenia's membership: the darkest cell
    row = section[section.index(">Sputnik</a>") :]
    row = row[: row.index("</tr>")]
    assert '<td class="num">3</td>' in row
    assert '<td class="num heat heat-5">3</td>' in row
    assert "<details>" not in section  # fewer outlets than the limit: no second, full table


def test_home_without_a_baseline_says_nothing_about_what_is_new(site):
    assert "New since the previous build" not in page(site, "index.html")


def test_home_with_a_baseline_lists_new_and_grown_stories():
    articles, groups = corpus_with_months()
    earlier = tuple(a for a in articles if a.id not in ("tass-armenia", "feb"))
    before_groups = dataclasses.replace(groups, stories=())
    snapshot = render_digest.story_snapshot(build_index(earlier, before_groups, Config()))
    home = page(render(articles, groups, Config(), baseline=snapshot).collect(), "index.html")
    section = home[home.index('id="new-h"') : home.index('id="themes-h"')]
    assert "2 new articles, 1 new story, 0 stories grown." in section
    assert 'href="stories/story-1.html"' in section
    assert "February piece" in section and "CSTO Secretary General on Armenian elites" in section


def test_home_with_an_unchanged_baseline_says_so():
    articles, groups = corpus_with_months()
    snapshot = render_digest.story_snapshot(build_index(articles, groups, Config()))
    home = page(render(articles, groups, Config(), baseline=snapshot).collect(), "index.html")
    assert "Nothing new: the same articles and stories as the previous build." in home
