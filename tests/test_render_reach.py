"""After an edit that leaves the site's shape alone, only the pages that reach the edited article are listed
again, and the site is the one a full render gives (see `render_reach`)."""

from __future__ import annotations

import dataclasses

import pytest

from csto_digest import render as render_module
from csto_digest.config import Config
from csto_digest.model import Article, Evidence
from csto_digest.render import render, render_site
from csto_digest.render_index import build_index
from csto_digest.render_memo import LOOSE, PageKeys
from factories import ev, make_quote, replace, sample_corpus
from test_group_cache import tokened


def _merged(previous: dict[str, bytes | None], current: dict[str, bytes | None]) -> dict[str, bytes]:
    """The site a writer makes: a carried-over file is the previous build's."""
    return {path: data if data is not None else previous[path] for path, data in current.items()}  # type: ignore[misc]


@pytest.fixture
def plans(monkeypatch) -> list[str]:
    """How each render listed its pages: "again" (only those an edit reaches) or "all"."""
    seen: list[str] = []
    again, site = render_module.plan_again, render_module.plan_site

    def listing_again(*args, **kwargs):
        plan = again(*args, **kwargs)
        seen.append("again" if plan is not None else "refused")
        return plan

    def listing_all(*args, **kwargs):
        seen.append("all")
        return site(*args, **kwargs)

    monkeypatch.setattr(render_module, "plan_again", listing_again)
    monkeypatch.setattr(render_module, "plan_site", listing_all)
    return seen


def _text_edited(article: Article, words: str) -> Article:
    """The article with `words` added to its text, and the evidence the new text gives (as a loader would)."""
    body = (*article.body[:-1], f"{article.body[-1]} {words}")
    source = article.source and dataclasses.replace(article.source, evidence=ev(f"{article.source.name}, {words}"))
    quotes = tuple(dataclasses.replace(q, evidence=ev(f"{q.speaker} said {words}", "after")) for q in article.quotes)
    cited = tuple(dataclasses.replace(o, evidence=ev(f"according to {o.name}, {words}")) for o in article.cited_sources)
    return replace(
        article,
        body=body,
        source=source,
        quotes=quotes,
        cited_sources=cited,
        title_evidence=Evidence(article.title, "title"),
    )


def _corpus() -> tuple[tuple[Article, ...], object]:
    articles, groups = sample_corpus()
    return tuple(tokened(list(articles))), groups


def test_an_edit_of_an_articles_text_lists_only_the_pages_it_reaches_and_gives_the_full_site(tmp_path, plans):
    articles, groups = _corpus()
    config = Config(output=tmp_path / "site")
    first = render(articles, groups, config, cache=True)
    first_files = first.collect()
    target = next(a for a in articles if a.quotes and a.source and a.cited_sources)
    edited = tuple(tokened([_text_edited(a, "Analysts noted it.") if a is target else a for a in articles]))

    second = render(edited, groups, config, live_keys=first.keys, cache=True)
    second_files = second.collect()
    assert plans == ["all", "again"]
    files = build_index(edited, groups, config).article_files
    assert second_files[f"articles/{files[target.id]}.html"] is not None  # its text and evidence are on its page
    others = [f"articles/{files[a.id]}.html" for a in articles if a is not target]
    assert any(second_files[page] is None for page in others)  # carried over, not even listed
    assert 0 < second.rendered < first.rendered
    assert _merged(first_files, second_files) == render_site(edited, groups, config)
    # A page holding most articles is rendered again without a key (see `plan_again`); every other keeps one.
    wide = set(first.keys) - set(second.keys)
    assert "themes/index.html" in wide and "index.html" not in wide
    assert all(second_files[page] is not None for page in wide)
    assert set(second.keys) <= set(first.keys)

    # The next edit lists the pages recorded without a key again, and still gives the full site.
    live = _merged(first_files, second_files)
    other = next(a for a in edited if a.quotes and a.id != target.id)
    again = tuple(tokened([_text_edited(a, "Later words.") if a.id == other.id else a for a in edited]))
    del plans[:]
    third = render(again, groups, config, live_keys=second.keys, cache=True)
    third_files = third.collect()
    assert plans == ["again"]
    assert all(third_files[page] is not None for page in wide)
    assert _merged(live, third_files) == render_site(again, groups, config)


def test_an_edit_that_moves_the_sites_shape_lists_every_page(tmp_path, plans):
    articles, groups = _corpus()
    config = Config(output=tmp_path / "site")
    first = render(articles, groups, config, cache=True)
    first_files = first.collect()
    retitled = tuple(tokened([replace(a, title=a.title + " again") if n == 1 else a for n, a in enumerate(articles)]))
    second = render(retitled, groups, config, live_keys=first.keys, cache=True)
    assert plans == ["all", "all"]  # a title is on lists, in feeds and in the search index
    assert _merged(first_files, second.collect()) == render_site(retitled, groups, config)


def test_pages_the_live_site_does_not_hold_as_recorded_are_listed_again(tmp_path, plans):
    """A build that recorded its pages but whose writing failed leaves the live site as it was:
    the next build lists again every page whose live key is not the recorded one."""
    articles, groups = _corpus()
    config = Config(output=tmp_path / "site")
    first = render(articles, groups, config, cache=True)
    live = first.collect()
    quoted = [a for a in articles if a.quotes and a.source]
    one = tuple(tokened([_text_edited(a, "First words.") if a is quoted[0] else a for a in articles]))
    render(one, groups, config, live_keys=first.keys, cache=True)  # never written
    two = tuple(tokened([_text_edited(a, "Second words.") if a.id == quoted[-1].id else a for a in one]))
    third = render(two, groups, config, live_keys=first.keys, cache=True)
    assert plans == ["all", "again", "again"]
    assert _merged(live, third.collect()) == render_site(two, groups, config)


def test_a_clean_render_or_a_new_epoch_lists_every_page(tmp_path, plans):
    articles, groups = _corpus()
    config = Config(output=tmp_path / "site")
    first = render(articles, groups, config, cache=True, epoch="one")
    edited = tuple(tokened([_text_edited(a, "More.") if n == 0 else a for n, a in enumerate(articles)]))
    render(edited, groups, config, live_keys=first.keys, cache=True, epoch="two")
    render(edited, groups, config, live_keys=first.keys, cache=True, epoch="two", clean=True)
    assert plans == ["all", "all", "all"]


def test_a_pages_reach_names_the_articles_its_values_hold_and_marks_a_piece_held_apart():
    articles, groups = _corpus()
    index = build_index(articles, groups, Config())
    keys = PageKeys("", {}, index.article_files, (index.by_id, index.digests))
    story = index.stories[0]
    keys.key("a.html", "t.html", {"story": story, "n": 1})
    assert set(keys.reach) == {a.id for a in story.articles}
    keys.key("b.html", "t.html", {"again": [story]})  # the story's digest is remembered, and so is its reach
    assert set(keys.reach) == {a.id for a in story.articles}
    quoted = next(a for a in articles if a.quotes)
    keys.key("c.html", "t.html", {"quote": quoted.quotes[0]})  # a piece of a site article: that article
    assert keys.reach == (quoted.id,)
    keys.key("d.html", "t.html", {"quote": make_quote("Words of no article.", 0)})
    assert LOOSE in keys.reach
    fresh = PageKeys("", {}, index.article_files, (index.by_id, index.digests))
    fresh.key("d2.html", "t.html", {"evidence": quoted.quotes[0].evidence})  # known as a piece of a piece only
    assert fresh.reach == (LOOSE,)
    keys.key("e.html", "t.html", {"title": "Just words"})
    assert keys.reach == ()


def test_a_storys_reasons_or_a_statements_similarity_change_only_the_pages_showing_them(tmp_path, plans):
    """The words of a story's articles move its reasons ("near-identical text (Jaccard 0.88)") while its
    members stay: the pages showing the story are listed again, not the whole site."""
    articles, groups = _corpus()
    config = Config(output=tmp_path / "site")
    first = render(articles, groups, config, cache=True)
    first_files = first.collect()
    story = groups.stories[0]
    moved = dataclasses.replace(
        groups,
        stories=(
            dataclasses.replace(story, reasons=(*story.reasons, "near-identical text (Jaccard 0.91)")),
            *groups.stories[1:],
        ),
        statements=tuple(dataclasses.replace(s, similarity=s.similarity / 2) for s in groups.statements),
    )
    second = render(articles, moved, config, live_keys=first.keys, cache=True)
    second_files = second.collect()
    assert plans == ["all", "again"]
    story_page = f"stories/{build_index(articles, moved, config).story_of[story.articles[0]].file}.html"
    assert second_files[story_page] is not None
    assert _merged(first_files, second_files) == render_site(articles, moved, config)
