"""Pages whose values did not change are not rendered again, and what is rendered is what a full render gives."""

from __future__ import annotations

import dataclasses

import pytest

from csto_digest import render_paging as paging
from csto_digest.config import Config
from csto_digest.fragments import BytesMemo
from csto_digest.group import group_articles
from csto_digest.render import render, render_site
from csto_digest.render_env import environment
from csto_digest.render_index import QuoteRef, build_index
from csto_digest.render_memo import PageKeys
from factories import replace, sample_corpus
from test_group import synthetic_corpus
from test_group_cache import tokened


def _merged(previous: dict[str, bytes | None], current: dict[str, bytes | None]) -> dict[str, bytes]:
    """The site a writer makes: a carried-over file is the previous build's."""
    return {path: data if data is not None else previous[path] for path, data in current.items()}  # type: ignore[misc]


def test_an_unchanged_site_renders_no_page_again():
    articles, groups = sample_corpus()
    first = render(articles, groups, Config())
    first_files = first.collect()
    again = render(articles, groups, Config(), live_keys=first.keys)
    assert again.rendered <= 2  # the home page reads the whole index, so it is always rendered
    assert again.reused == len(first.keys)  # every keyed page; the home page has no key
    assert _merged(first_files, again.collect()) == first_files


def test_an_edit_renders_the_pages_it_reaches_and_the_result_equals_a_full_render():
    articles, groups = sample_corpus()
    first = render(articles, groups, Config())
    target = articles[0]
    edited = tuple(
        replace(a, body=(*a.body[:-1], a.body[-1] + " Analysts noted it.")) if a is target else a for a in articles
    )
    second = render(edited, groups, Config(), live_keys=first.keys)
    assert 0 < second.rendered < len(second.keys)
    second_files = second.collect()
    article_pages = [p for p in second_files if p.startswith("articles/") and p != "articles/index.html"]
    redone = [p for p in article_pages if second_files[p] is not None]
    assert len(redone) >= 1 and len(redone) < len(article_pages)
    assert _merged(first.collect(), second_files) == render_site(edited, groups, Config())


def test_a_changed_epoch_renders_everything_again():
    articles, groups = sample_corpus()
    first = render(articles, groups, Config(), epoch="one")
    second = render(articles, groups, Config(), live_keys=first.keys, epoch="two")
    assert second.reused == 0


@pytest.mark.parametrize(
    "content",
    [
        "{{ site.articles | length }} articles",  # the whole index
        "<a href=\"{{ links.speaker('Imangali Tasmagambetov') }}\">the secretary general</a>",  # a name of its own
        '{{ theme_title( "armenia") }}',
    ],
)
def test_a_template_that_reads_the_whole_index_or_looks_up_a_name_of_its_own_is_rendered_every_time(tmp_path, content):
    (tmp_path / "story.html").write_text(
        '{% extends "base.html" %}{% block content %}' + content + "{% endblock %}", encoding="utf-8"
    )
    articles, groups = sample_corpus()
    config = Config(templates=tmp_path)
    first = render(articles, groups, config)
    again = render(articles, groups, config, live_keys=first.keys)
    again_files = again.collect()
    stories = [p for p in first.collect() if p.startswith("stories/") and p != "stories/index.html"]
    assert stories and all(again_files[p] is not None for p in stories)


def test_keys_follow_the_values_and_refuse_what_they_cannot_read():
    articles, _ = sample_corpus()
    keys = PageKeys("epoch", {}, {a.id: a.id for a in articles})
    first = keys.key("a.html", "article.html", {"article": articles[0]})
    assert first == keys.key("a.html", "article.html", {"article": articles[0]})
    assert first != keys.key("a.html", "article.html", {"article": articles[1]})
    changed = replace(articles[0], title=articles[0].title + "!")
    assert first != PageKeys("epoch", {}, {a.id: a.id for a in articles}).key(
        "a.html", "article.html", {"article": changed}
    )
    assert keys.key("a.html", "article.html", {"callback": lambda: None}) is None


def test_a_quote_counts_as_its_article_and_place_and_follows_an_edit_of_its_words():
    article = next(a for a in sample_corpus()[0] if a.live_quotes)
    quote = article.live_quotes[0]
    reworded = dataclasses.replace(quote, text=quote.text + " Indeed.")
    edited = replace(article, quotes=tuple(reworded if q is quote else q for q in article.quotes))

    def key(ref: QuoteRef) -> str | None:
        return PageKeys("epoch", {}, {article.id: article.id}).key("q.html", "quotes.html", {"quotes": [ref]})

    assert key(QuoteRef(article, 0, quote)) == key(QuoteRef(article, 0, quote))
    assert key(QuoteRef(article, 0, quote)) != key(QuoteRef(edited, 0, reworded))
    stray = dataclasses.replace(quote, text="Not a quote of this article.")  # not one of its quotes: walked whole
    assert key(QuoteRef(article, 0, stray)) != key(QuoteRef(article, 0, quote))


def test_compiled_templates_are_kept_and_an_edited_template_is_seen(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    story = templates / "story.html"
    story.write_text('{% extends "base.html" %}{% block content %}first wording{% endblock %}', encoding="utf-8")
    config = Config(templates=templates, output=tmp_path / "site")
    articles, groups = sample_corpus()
    first = render(articles, groups, config, cache=True).collect()
    assert any((config.cache_dir / "templates").glob("__jinja2_*"))
    stories = [p for p in first if p.startswith("stories/") and p != "stories/index.html"]
    assert stories and all(b"first wording" in first[p] for p in stories)

    story.write_text(
        '{% extends "base.html" %}{% block content %}{{ site.articles | length }} articles{% endblock %}',
        encoding="utf-8",
    )
    environment.cache_clear()  # a new process, as the next build is
    again = render(articles, groups, config, live_keys=render(articles, groups, config).keys, cache=True)
    pages = again.collect()
    assert all(pages[p] is not None and f"{len(articles)} articles".encode() in pages[p] for p in stories)


def test_render_alone_leaves_no_cache_and_a_pipeline_build_keeps_one(tmp_path):
    articles, groups = sample_corpus()
    config = Config(output=tmp_path / "site")
    render_site(articles, groups, config)
    assert not config.cache_dir.exists()
    render(articles, groups, config, cache=True).collect()
    kept = {p.name.split("-")[0] for p in config.cache_dir.glob("*.pickle")}
    assert kept == {"reach", "search"}
    assert [p.name.split("-")[0] for p in config.cache_dir.glob("exports-*") if p.is_dir()] == ["exports"]


def test_bytes_memo_keeps_the_most_recently_used_within_its_budget():
    memo = BytesMemo(10)
    memo.put("a", b"1234")
    memo.put("b", b"1234")
    assert memo.get("a") == b"1234"  # now used more recently than "b"
    memo.put("c", b"1234")
    assert memo.get("b") is None and memo.get("a") == b"1234" and memo.get("c") == b"1234"
    assert memo.size == 8
    memo.put("big", b"x" * 11)
    assert memo.get("big") is None and memo.size == 8, "a piece over the budget is not kept"


def page_first(pages: dict[str, str]) -> list[str]:
    """The anchors that start a page of the statements list, past the first page."""
    firsts: dict[str, str] = {}
    for anchor, page in pages.items():
        firsts.setdefault(page, anchor)
    return [anchor for page, anchor in firsts.items() if page != "statements/index.html"]


def test_deleting_an_article_that_moves_statements_between_pages_re_renders_only_the_pages_that_link_to_them(
    config, monkeypatch
):
    """A key counts the lookups its page can reach, not whole tables: a statement moving to
    another page of the list changes the pages linking to it, not every page of the site."""
    monkeypatch.setattr(paging, "PER_STATEMENT_PAGE", 4)  # many pages of statements, so a deletion moves some
    articles = tuple(tokened(synthetic_corpus(90, seed=21)))
    groups = group_articles(articles, config)
    first = render(articles, groups, config)
    first_files = first.collect()
    before = build_index(articles, groups, config).statement_pages
    # An article quoted in a statement that starts a page: its statement ends, and the page's other
    # statements move to the page before, whose path is kept.
    starting = [
        entry for entry in build_index(articles, groups, config).statements if entry.anchor in set(page_first(before))
    ]
    for entry in starting:
        gone = entry.wordings[0].article
        rest = tuple(a for a in articles if a is not gone)
        rest_groups = group_articles(rest, config)
        after = build_index(rest, rest_groups, config).statement_pages
        if sum(1 for anchor, page in before.items() if after.get(anchor, page) != page) >= 2:
            break
    else:
        raise AssertionError("no deletion moves statements: the test's premise")
    second = render(rest, rest_groups, config, live_keys=first.keys)
    assert second.rendered < len(second.keys) / 2
    second_files = second.collect()
    assert _merged(first_files, second_files) == render_site(rest, rest_groups, config)


def test_a_name_that_starts_resolving_re_renders_the_pages_of_articles_carrying_it():
    articles, _ = sample_corpus()
    keys = PageKeys("epoch", {"speakers": {}}, {a.id: a.id for a in articles})
    named = next(a for a in articles if a.live_quotes and a.live_quotes[0].speaker)
    speaker = named.live_quotes[0].speaker
    linked = PageKeys("epoch", {"speakers": {speaker: "slug"}}, {a.id: a.id for a in articles})
    moved = PageKeys("epoch", {"speakers": {speaker: "other-slug"}}, {a.id: a.id for a in articles})
    page = {"article": named}
    assert len({k.key("a.html", "article.html", page) for k in (keys, linked, moved)}) == 3
    by_name = {"name": speaker}  # a speaker's own page holds the name as a string
    assert len({k.key("s.html", "speaker.html", by_name) for k in (keys, linked, moved)}) == 3
    unrelated = {"speakers": {speaker: "slug", "Somebody Else": "x"}}
    assert PageKeys("epoch", unrelated, {a.id: a.id for a in articles}).key("a.html", "article.html", page) == (
        linked.key("a.html", "article.html", page)
    )
