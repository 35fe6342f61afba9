"""The renderer on records built by hand: pages, safety, determinism, lookups."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import jinja2
import pytest

from csto_digest import render_env, render_paging
from csto_digest.config import Config, load_config
from csto_digest.model import Groups
from csto_digest.render import render, render_site
from csto_digest.render_env import human_date, packaged_templates
from csto_digest.render_index import build_index
from csto_digest.render_text import body_html, diff_words, markdown_html, safe_url
from factories import make_article, make_quote, replace, sample_corpus
from test_site_links import broken_links, html_pages, parse

EMPTY_GROUPS = Groups(themes={}, stories=(), statements=())


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    articles, groups = sample_corpus()
    return render_site(articles, groups, Config())


def text_of(files: dict[str, bytes], path: str) -> str:
    return files[path].decode("utf-8")


# --- the pages there are ----------------------------------------------------


def test_every_page_kind_is_rendered(site):
    expected = {
        "index.html",
        "404.html",
        "articles/index.html",
        "themes/index.html",
        "outlets/index.html",
        "speakers/index.html",
        "stories/index.html",
        "statements/index.html",
        "quotes/index.html",
        "data/articles.json",
        "data/groups.json",
        "static/site.css",
        "articles/csto-peacekeeping.html",
        "articles/tass-armenia.html",
        "articles/markdown-piece.html",
        "themes/armenia-membership.html",
        "themes/tajik-afghan-border.html",
        "outlets/sputnik.html",
        "outlets/tass.html",
        "outlets/ria-novosti.html",
        "speakers/imangali-tasmagambetov.html",
        "speakers/stanislav-zas.html",
        "stories/story-1.html",
    }
    assert expected <= set(site)
    assert all("/" not in path.split("/", 1)[-1] for path in site), "one flat file per page"


def test_data_files_are_the_records_and_groups(site):
    articles, groups = sample_corpus()
    records = json.loads(site["data/articles.json"])
    assert records == [a.to_json(entity_evidence=False) for a in sorted(articles, key=lambda a: a.id)]
    assert json.loads(site["data/groups.json"]) == groups.to_json()
    assert "<script>" in site["data/articles.json"].decode("utf-8"), "JSON keeps the text as it is, unescaped"


def test_render_is_deterministic():
    articles, groups = sample_corpus()
    first = render_site(articles, groups, Config())
    second = render_site(tuple(reversed(articles)), groups, Config())
    assert first == second
    assert list(first) == sorted(first)


def test_timestamp_only_when_asked():
    articles, groups = sample_corpus()
    plain = text_of(render_site(articles, groups, Config()), "index.html")
    stamped = text_of(render_site(articles, groups, Config(timestamp=True)), "index.html")
    assert "Built " not in plain
    assert "Built " in stamped


# --- untrusted text stays text ----------------------------------------------


def test_hostile_text_is_escaped_on_every_page(site):
    pages = html_pages(site)
    for path, page in pages.items():
        raw = site[path].decode("utf-8")
        assert "<script>alert" not in raw, path
        assert "<img" not in raw, path
        assert "<b>" not in raw, path
        assert "49" not in page.text.replace("2024", ""), f"{path}: a template expression was evaluated"
        for tag, attrs in page.tags:
            assert tag not in ("iframe", "img", "object", "embed"), path
            for name, value in attrs.items():
                assert not name.startswith("on"), path
                assert not (value or "").strip().lower().startswith(("javascript:", "data:")), path


def test_hostile_text_reaches_the_page_as_words(site):
    for path in ("articles/hostile.html", "index.html", "quotes/index.html", "speakers/mallory-script-x-script.html"):
        page = parse(site[path])
        assert "<script>alert(1)</script>" in page.text, path
        assert "{{ 7*7 }}" in page.text, path
    assert "{% include 'base.html' %}" in parse(site["articles/hostile.html"]).text


def test_javascript_url_is_not_linked(site):
    page = parse(site["articles/hostile.html"])
    assert "javascript:alert(1)" in page.text
    assert not [a for t, a in page.tags if t == "a" and "javascript" in (a.get("href") or "")]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://tass.com/x", "https://tass.com/x"),
        ("http://a.b", "http://a.b"),
        ("mailto:a@b.c", "mailto:a@b.c"),
        ("javascript:alert(1)", None),
        (" JaVaScRiPt:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("&#106;avascript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("vbscript:x", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_url(url, expected):
    assert safe_url(url) == expected


def test_markdown_drops_raw_html_and_bad_links():
    html = str(
        markdown_html(
            "# Head\n\n<script>alert(1)</script>\n\n<div onclick=x>hi</div>\n\n"
            "[a](javascript:alert(1)) [b](&#106;avascript:x) [c](data:text/html,x) [ok](https://example.org)\n\n"
            "![img](https://evil.example/t.png) <iframe src=x></iframe> {{ 7*7 }}\n"
        )
    )
    page = parse(html.encode())
    assert [t for t, _ in page.tags if t in ("script", "iframe", "img", "div", "h1")] == []
    hrefs = [a.get("href") for t, a in page.tags if t == "a"]
    assert hrefs == ["https://example.org"]
    assert "<script>alert(1)</script>" in page.text
    assert "{{ 7*7 }}" in page.text
    assert "[image: img]" in page.text
    assert "<h2>Head</h2>" in html, "headings shift down: the page title is the one h1"


def test_markdown_article_renders_markdown_and_marks_its_quote(site):
    raw = text_of(site, "articles/markdown-piece.html")
    assert "<em>border</em>" in raw
    assert "&lt;b&gt;raw html&lt;/b&gt;" in raw
    assert '<mark class="quote" id="q-1">We need to work not for quantity, but for quality.</mark>' in raw
    assert 'href="https://example.org"' in raw
    assert "evil.example" not in [a.get("href") for t, a in parse(site["articles/markdown-piece.html"]).tags]


def test_user_template_text_is_never_compiled(tmp_path):
    """An article whose title is template syntax renders literally, even with a user template folder."""
    (tmp_path / "static").mkdir()
    article = make_article(title="{{ config }} {% for x in range(3) %}x{% endfor %}")
    files = render_site((article,), EMPTY_GROUPS, Config(templates=tmp_path))
    page = parse(files["articles/csto-peacekeeping.html"])
    assert "{{ config }} {% for x in range(3) %}x{% endfor %}" in page.text


# --- quotes in place ----------------------------------------------------------


def test_quotes_are_marked_in_place_with_anchors(site):
    raw = text_of(site, "articles/tass-armenia.html")
    assert (
        '“<mark class="quote" id="q-1">The organisation pays special attention to the peacekeeping track,</mark>”'
        in raw
    )
    # a quote running over two paragraphs is marked in both, anchored once
    assert '<mark class="quote" id="q-2">We will not hide</mark>' in raw
    assert '<mark class="quote">that some sentiments exist,</mark>' in raw


def test_body_html_folds_whitespace_and_escapes():
    body = ("He said  “A  <b>bold</b>\nclaim” here.",)
    paragraphs, placed = body_html(body, (make_quote("A <b>bold</b> claim", 0),))
    assert placed == {0}
    assert (
        str(paragraphs[0]) == 'He said  “<mark class="quote" id="q-1">A  &lt;b&gt;bold&lt;/b&gt;\nclaim</mark>” here.'
    )


def test_quote_not_in_text_is_listed_with_its_anchor():
    article = make_article(quotes=(make_quote("Words the text does not hold", 0),))
    files = render_site((article,), EMPTY_GROUPS, Config())
    page = parse(files["articles/csto-peacekeeping.html"])
    assert page.ids.count("q-1") == 1
    assert "not found in the text as shown" in page.text


def test_overlapping_quotes_keep_unique_anchors():
    article = make_article(
        quotes=(
            make_quote("The organization pays special attention", 1),
            make_quote("pays special attention to peacekeeping,", 1),
        )
    )
    files = render_site((article,), EMPTY_GROUPS, Config())
    page = parse(files["articles/csto-peacekeeping.html"])
    assert page.ids.count("q-1") == 1 and page.ids.count("q-2") == 1
    assert broken_links(files, html_pages(files)) == []


def test_struck_quotes_are_not_shown():
    article = make_article(quotes=(make_quote("The organization pays special attention", 1, struck=True),))
    raw = text_of(render_site((article,), EMPTY_GROUPS, Config()), "articles/csto-peacekeeping.html")
    assert "<mark" not in raw


# --- the article page ---------------------------------------------------------


def test_fields_table_shows_evidence_and_inferred(site):
    page = parse(site["articles/markdown-piece.html"])
    assert "December 2022" in page.text
    assert "rule: inferred" in page.text
    assert "year inferred from the meeting date" in page.text
    assert "inferred" in [c for t, a in page.tags if t == "tr" for c in (a.get("class") or "").split("-")]


def test_fields_table_evidence_is_the_evidence_macros_markup(site):
    """article.html writes `m.evidence` out for speed; every row must still be the macro's markup."""
    env = render_env.environment((packaged_templates(),))
    macro = env.from_string('{% import "_macros.html" as m with context %}{{ m.evidence(ev) }}')
    articles, _ = sample_corpus()
    checked = 0
    for article in articles:
        page = text_of(site, f"articles/{article.id}.html")
        rows = [article.title_evidence, article.date_evidence, *(s.evidence for s in article.speakers), None]
        for evidence in rows:
            if evidence is None and "no evidence recorded" not in page:
                continue
            assert macro.render(ev=evidence, links=None) in page, (article.id, evidence)
            checked += 1
    assert checked > len(articles)


def test_derived_title_is_said_to_be_inferred(site):
    page = parse(site["articles/bare.html"])
    assert "this title was made from its text" in page.text
    assert "not stated in the article" in page.text


def test_corrections_are_shown_as_corrections(site):
    page = parse(site["articles/tass-armenia.html"])
    assert "Corrections" in page.text
    assert "seeds/004.yml:3" in page.text
    assert any(t == "del" for t, _ in page.tags) and any(t == "ins" for t, _ in page.tags)


def test_story_and_related_articles(site):
    page = parse(site["articles/tass-armenia.html"])
    assert "Also reported by" in page.text
    hrefs = [a.get("href") for t, a in page.tags if t == "a"]
    assert "../articles/csto-peacekeeping.html" in hrefs
    assert "../stories/story-1.html" in hrefs
    assert "../statements/index.html#s-statement-1" in hrefs


def test_speaker_page_lists_quotes_oldest_first(site):
    raw = text_of(site, "speakers/imangali-tasmagambetov.html")
    tass = raw.index("The organisation pays special attention")  # 12 March
    sputnik = raw.index("The organization pays special attention")  # 28 March
    assert tass < sputnik
    assert "../articles/tass-armenia.html#q-1" in raw


def test_a_speaker_of_more_quotes_than_a_page_holds_gets_pages_each_with_its_quotes_articles(monkeypatch):
    monkeypatch.setattr(render_paging, "PER_SPEAKER_QUOTES", 1)
    articles, groups = sample_corpus()
    files = render_site(articles, groups, Config())
    pages = sorted(p for p in files if re.fullmatch(r"speakers/imangali-tasmagambetov(/p-[0-9a-z-]+)?\.html", p))
    assert len(pages) >= 2
    quoted = [
        (a, q) for a in articles for q in a.live_quotes if q.speaker == "Imangali Tasmagambetov"
    ]  # every quote attributed to him, on exactly one of his pages
    shown = []
    for path in pages:
        raw = text_of(files, path)
        blocks = re.findall(
            r'<figure class="quote-card">.*?href="\.\./\.\./articles/([^"#]+)\.html#.*?</figure>', raw, re.S
        )
        blocks += re.findall(
            r'<figure class="quote-card">.*?href="\.\./articles/([^"#]+)\.html#.*?</figure>', raw, re.S
        )
        assert len(blocks) == 1
        shown += blocks
        listed = raw[raw.index('id="articles-h"') :]
        assert all(f"articles/{name}.html" in listed for name in blocks)  # the articles of this page's quotes
        if path != pages[0]:
            assert 'class="chart-figure"' not in raw  # the chart, if any, on the first page only
            assert 'rel="prev">← Older</a>' in raw  # oldest first: the page before holds older quotes
    assert len(shown) == len(quoted)


def test_a_speaker_page_lists_its_articles_newest_first_though_its_quotes_run_oldest_first():
    """The articles of a page are picked from its quotes (oldest first) but listed in the speaker's order."""
    named_only = make_article(id="named-only", title="Named Only", date="2024-02-01", quotes=())
    dated = [
        make_article(id=f"quoted-{day}", title=f"Quoted {day}", path=f"seeds/{day}.txt", date=f"2024-03-{day}")
        for day in ("05", "20", "12")
    ]
    articles = (*dated, named_only)
    files = render_site(articles, Groups(themes={}, stories=(), statements=()), Config())
    raw = text_of(files, "speakers/imangali-tasmagambetov.html")
    listed = raw[raw.index('id="articles-h"') :]
    order = [listed.index(f"../articles/{name}.html") for name in ("quoted-20", "quoted-12", "quoted-05", "named-only")]
    assert order == sorted(order)


def test_an_outlet_gets_pages_of_its_articles_and_of_those_citing_it_when_they_outgrow_one(monkeypatch):
    monkeypatch.setattr(render_paging, "PER_PAGE", 1)
    articles, groups = sample_corpus()
    published = next(a for a in articles if a.source)
    again = [replace(published, id=f"{published.id}-{n}", path=f"{published.path}-{n}") for n in (2, 3)]
    articles = (*articles, *again)  # one outlet with three articles
    index = build_index(articles, groups, Config())
    files = render_site(articles, groups, Config())
    busy = next(o for o in index.outlets if len(o.published) >= 2)
    pages = [p for p in files if re.fullmatch(rf"outlets/{busy.slug}(/p-[0-9a-z-]+)?\.html", p)]
    assert len(pages) == len(busy.published)  # one article to a page here
    shown = [
        t
        for p in pages
        for t in re.findall(r'class="item-title" href="[^"]*articles/([^"]+)\.html"', text_of(files, p))
    ]
    assert sorted(shown) == sorted(index.article_files[a.id] for a in busy.published)
    cited = next(o for o in index.outlets if len(o.cited) >= 2)
    first = text_of(files, f"outlets/{cited.slug}.html")
    assert f'href="../outlets/{cited.slug}/cited.html"' in first  # the first page links to those citing it
    apart = [p for p in files if re.fullmatch(rf"outlets/{cited.slug}/cited(/p-[0-9a-z-]+)?\.html", p)]
    assert len(apart) == len(cited.cited)
    quoted = [q for p in apart for q in re.findall(r'<q class="evidence-text">', text_of(files, p))]
    assert len(quoted) == len(cited.cited)


def test_a_month_of_more_articles_than_a_page_holds_gets_pages_and_its_digest_on_the_first(monkeypatch):
    monkeypatch.setattr(render_paging, "PER_PAGE", 1)
    articles, groups = sample_corpus()
    quoted = next(a for a in articles if a.date and len(a.date) >= 7 and any(q.speaker for q in a.live_quotes))
    again = [replace(quoted, id=f"{quoted.id}-{n}", path=f"{quoted.path}-{n}") for n in (2, 3)]
    articles = (*articles, *again)
    month = quoted.date[:7]
    in_month = [a for a in articles if (a.date or "").startswith(month)]
    files = render_site(articles, groups, Config())
    pages = sorted(p for p in files if re.fullmatch(rf"archive/{month}(/p-[0-9a-z-]+)?\.html", p))
    assert len(pages) == len(in_month) >= 3  # one article to a page here
    for path in pages:
        raw = text_of(files, path)
        first = path == f"archive/{month}.html"
        assert (f"{len(in_month)} articles," in raw) == first  # the month's totals on the first page only
        assert ('id="speakers-h"' in raw) == first  # and its digest
    shown = [
        t
        for p in pages
        for t in re.findall(r'class="item-title" href="[^"]*articles/([^"]+)\.html"', text_of(files, p))
    ]
    assert len(shown) == len(in_month)


def test_outlet_page_shows_published_and_cited(site):
    page = parse(site["outlets/ria-novosti.html"])
    assert "Analysis: the CSTO and the border" in page.text
    assert "cited by RIA Novosti" in page.text


def test_statement_wordings_side_by_side_with_differences(site):
    raw = text_of(site, "statements/index.html")
    assert 'id="s-statement-1"' in raw
    assert '<mark class="diff">organization</mark>' in raw


def test_diff_words_marks_changed_words_only():
    assert str(diff_words("a b c", "a x c")) == 'a <mark class="diff">x</mark> c'
    assert str(diff_words("a", "<b>")) == '<mark class="diff">&lt;b&gt;</mark>'


def test_quote_index_is_a_page_per_month_with_facets(site):
    articles = sample_corpus()[0]
    periods = sorted({a.date[:7] for a in articles if a.date and a.live_quotes}, reverse=True)
    assert len(periods) > 1 and all(len(p) == 7 for p in periods)  # the sample spans months of dated articles
    pages = ["quotes/index.html", *(f"quotes/{period}.html" for period in periods[1:])]
    if any(a.live_quotes and not a.date for a in articles):
        pages.append("quotes/undated.html")
    assert sorted(p for p in site if p.startswith("quotes/")) == sorted(pages)
    rows = 0
    for path in pages:
        page = parse(site[path])
        rows += len([a for t, a in page.tags if t == "tr" and "data-speaker" in a])
        assert {"filter-speaker", "filter-outlet", "filter-theme"} <= set(page.ids)
        assert {"../" + p for p in pages} <= set(page.links())  # each month's page links to every month's
    assert rows == sum(len(a.live_quotes) for a in articles)  # every quote on exactly one page
    newest = parse(site["quotes/index.html"]).text
    assert f"the quotes from {human_date(periods[0])}" in newest


def test_a_quote_added_in_one_year_re_renders_no_page_of_the_quote_index_of_another_year():
    """Every page was given every year's months with their counts, which it does not show:
    one quote added rendered the whole index again, to write a few pages."""
    articles, groups = sample_corpus()
    first = render(articles, groups, Config())
    old = next(a for a in articles if a.date and a.date < "2024" and a.live_quotes)
    added = replace(old, id="added", path="in/added.txt", title="Added", date=old.date[:7] + "-01")
    second = render((*articles, added), groups, Config(), live_keys=first.keys).collect()
    redone = sorted(p for p in second if p.startswith("quotes/") and second[p] is not None)
    assert redone and all(old.date[:4] in p for p in redone), redone  # only the pages of the quote's year


def test_a_quote_added_in_one_month_re_renders_only_the_first_page_of_the_other_months_of_its_year(monkeypatch):
    """Every page of a year's months counted them all: at a hundred thousand articles, 170 pages
    were rendered again for one article deleted. Past a month's first page, no count is shown."""
    monkeypatch.setattr(render_paging, "PER_QUOTE_PAGE", 1)  # a page per quote
    articles, groups = sample_corpus()
    quoted = next(a for a in articles if a.date and a.date.startswith("2024-03") and len(a.live_quotes) > 1)
    january = replace(quoted, id="january", path="in/january.txt", title="January", date="2024-01-10")
    first = render((*articles, january), groups, Config())
    more = replace(january, id="january-2", path="in/january-2.txt", title="January again", date="2024-01-11")
    second = render((*articles, january, more), groups, Config(), live_keys=first.keys).collect()
    march = [p for p in second if p == "quotes/index.html" or p.startswith("quotes/index/")]
    assert len(march) > 2 and second["quotes/index.html"] is not None  # the first page counts January's quotes
    assert all(second[p] is None for p in march if p != "quotes/index.html")


def test_quote_index_months_sit_under_their_year_and_a_year_only_date_gets_its_own_page():
    articles, groups = sample_corpus()
    oldest = min((a for a in articles if a.live_quotes and a.date), key=lambda a: a.date)
    year = oldest.date[:4]
    dated_to_year = replace(oldest, id=f"{oldest.id}-y", path=f"{oldest.path}-y", date=year, date_precision="year")
    articles = (*articles, dated_to_year)  # the year now has a month and quotes dated only to it
    files = render_site(articles, groups, Config())
    page = text_of(files, f"quotes/{year}.html")
    assert f"the quotes from {year}, month not stated" in page
    row = re.search(r'<ul class="period-years">(.*?)</ul>', page)
    assert row is not None
    years = re.findall(r'<li><a href="[^"]*"( aria-current="true")?>(\w+)</a>', row.group(1))
    assert [name for _, name in years] == sorted(
        {a.date[:4] for a in articles if a.live_quotes and a.date}, reverse=True
    )
    assert [name for current, name in years if current] == [year]  # the page's own year is marked
    months = re.search(r'<ul class="period-months" aria-label="Months of (\d+)">(.*?)</ul>', page)
    assert months is not None and months.group(1) == year
    listed = re.findall(r'href="([^"]+)"', months.group(2))
    assert f"../quotes/{year}.html" in listed  # the page of quotes dated only to the year, beside its months
    assert all(href.startswith(f"../quotes/{year}") for href in listed)
    assert len(listed) == len({a.date[:7] for a in articles if a.live_quotes and (a.date or "").startswith(year)})


def test_a_quote_added_in_one_month_changes_no_quote_page_of_another_year():
    articles, groups = sample_corpus()
    oldest = min((a for a in articles if a.live_quotes and a.date), key=lambda a: a.date)
    before = render_site(articles, groups, Config())
    another = replace(oldest, id=f"{oldest.id}-again", path=f"{oldest.path}-again")  # same month, more quotes
    after = render_site((*articles, another), groups, Config())
    changed = {p for p in before if p.startswith("quotes/") and before[p] != after.get(p)}
    assert changed and all(p.startswith(f"quotes/{oldest.date[:4]}") for p in changed)


def test_a_month_of_more_quotes_than_a_page_holds_is_split_into_pages(monkeypatch):
    monkeypatch.setattr(render_paging, "PER_QUOTE_PAGE", 1)
    articles, groups = sample_corpus()
    files = render_site(articles, groups, Config())
    pages = sorted(p for p in files if p.startswith("quotes/"))
    assert any(
        re.fullmatch(r"quotes/[\w-]+/p-[0-9a-z-]+\.html", p) for p in pages
    )  # a period's later pages, in its folder
    rows = []
    for path in pages:
        shown = re.findall(r'<tr data-speaker=.*?<q class="quote-text">(.*?)</q>', text_of(files, path), re.S)
        assert len(shown) == 1
        rows.extend(shown)
    assert len(rows) == sum(len(a.live_quotes) for a in articles)  # every quote on exactly one page


def test_home_has_themes_latest_articles_and_statements(site):
    page = parse(site["index.html"])
    assert "Armenia" in page.text
    assert "CSTO Aims to Expand Peacekeeping" in page.text
    assert "Latest statements" in page.text


def test_human_date():
    assert human_date("2024-03-28") == "28 March 2024"
    assert human_date("2022-12") == "December 2022"
    assert human_date("2022") == "2022"
    assert human_date(None) == "undated"
    assert human_date("2024-13-01") == "2024-13-01"


# --- lookups and names ---------------------------------------------------------


def test_unsafe_ids_and_colliding_names_get_safe_unique_files():
    one = make_article(id="../../etc/passwd", source=None, speakers=(), quotes=())
    two = make_article(id="CON", path="b.txt", source=None, speakers=(), quotes=())
    outlets = (make_article(id="x1", path="c.txt", source=None, cited_sources=()),)
    from csto_digest.model import Evidence, Outlet

    a = make_article(id="o1", path="d.txt", source=Outlet("Sputnik!", Evidence("s", "url")), cited_sources=())
    b = make_article(id="o2", path="e.txt", source=Outlet("sputnik", Evidence("s", "url")), cited_sources=())
    files = render_site((one, two, *outlets, a, b), EMPTY_GROUPS, Config())
    article_files = [p for p in files if p.startswith("articles/") and p != "articles/index.html"]
    assert len(article_files) == 5
    for path in files:
        assert ".." not in path and not path.startswith("/")
    outlet_files = [p for p in files if p.startswith("outlets/") and p != "outlets/index.html"]
    assert len([p for p in outlet_files if "sputnik" in p]) == 2
    assert broken_links(files, html_pages(files)) == []


def test_empty_corpus_still_renders_every_index():
    files = render_site((), EMPTY_GROUPS, Config())
    for path in ("index.html", "themes/index.html", "quotes/index.html", "statements/index.html", "404.html"):
        assert path in files
    assert json.loads(files["data/articles.json"]) == []


def test_user_templates_override_by_name(tmp_path):
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "site.css").write_text("body { color: red; }")
    (tmp_path / "static" / "extra.txt").write_text("mine")
    (tmp_path / "404.html").write_text('{% extends "base.html" %}{% block content %}<p>Custom lost</p>{% endblock %}')
    files = render_site((), EMPTY_GROUPS, Config(templates=tmp_path))
    assert files["static/site.css"] == b"body { color: red; }"
    assert files["static/extra.txt"] == b"mine"
    assert "Custom lost" in text_of(files, "404.html")
    assert "static/site.js" in files, "files the user does not override stay ours"


def test_packaged_templates_found():
    assert (packaged_templates() / "base.html").is_file()
    assert (packaged_templates() / "static" / "site.css").is_file()


# --- the whole pipeline on the seeds --------------------------------------------


def test_pipeline_builds_the_seeds_into_a_linked_site(tmp_path, monkeypatch):
    from csto_digest.pipeline import run_build

    root = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(root)
    config = load_config(None, inputs=("seeds",), output=tmp_path / "site")
    report = run_build(config, clean=True)
    assert report.articles == 5
    out = tmp_path / "site"
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    pages = html_pages(files)
    assert broken_links(files, pages) == []
    for path, page in pages.items():
        assert page.title.strip() and page.h1_count == 1, path
    records = json.loads(files["data/articles.json"])
    assert len(records) == 5
    for record in records:
        raw = files[f"articles/{record['id']}.html"].decode("utf-8")
        assert raw.count('<mark class="quote" id="q-') == len(record["quotes"]), record["id"]


def test_diff_words_ignores_case_and_typography():
    assert "<mark" not in str(diff_words("The Secretariat. Armenia’s", "the secretariat, Armenia's"))


# --- charts ---------------------------------------------------------------------


def test_per_period_fills_empty_months_and_skips_year_only_dates():
    from csto_digest.charts import per_period

    series = per_period(["2024-01-05", "2024-03", "2024-03-28", "2023", None])
    assert series.period == "month"
    assert series.points == (("2024-01", 1), ("2024-02", 0), ("2024-03", 2))


def test_per_period_counts_by_year_over_a_long_span():
    from csto_digest.charts import per_period

    series = per_period(["2010-01-01", "2020-06-01", "2020-07-01"])
    assert series.period == "year"
    assert series.points[0] == ("2010", 1) and series.points[-1] == ("2020", 2) and len(series.points) == 11


def test_bar_chart_is_labelled_svg_without_inline_style():
    from csto_digest.charts import Series, bar_chart

    svg = str(bar_chart(Series((("2024-01", 2), ("2024-02", 0)), "month"), "Quotes of <Mallory>", "c"))
    page = parse(svg.encode())
    assert [t for t, _ in page.tags].count("rect") == 2
    assert all("style" not in attrs for _, attrs in page.tags)
    assert "&lt;Mallory&gt;" in svg and "<Mallory>" not in svg
    assert 'role="img"' in svg


def test_theme_page_has_a_chart_with_a_table_when_articles_span_months(site):
    page = parse(site["themes/tajik-afghan-border.html"])  # December 2022 and March 2024
    assert any(t == "svg" for t, _ in page.tags)
    assert not any(t == "svg" for t, _ in parse(site["themes/armenia-membership.html"]).tags), "one month: no chart"
    assert "The numbers as a table" in page.text


# --- archive, places and organisations ----------------------------------------


def test_archive_has_a_digest_page_per_month(site):
    assert {"archive/index.html", "archive/2024-03.html", "archive/2022-12.html"} <= set(site)
    assert not [p for p in site if p.startswith("archive/") and p[8:12] == "None"]
    march = parse(site["archive/2024-03.html"])
    assert "March 2024" in march.title
    hrefs = march.links()
    assert "csto-peacekeeping.html" in " ".join(hrefs) and "tass-armenia.html" in " ".join(hrefs)
    assert "../stories/story-1.html" in hrefs, "the month's stories"
    assert "../speakers/imangali-tasmagambetov.html" in hrefs, "who was quoted that month"
    assert "../archive/2022-12.html" in hrefs, "a link to the month before"
    index = text_of(site, "archive/index.html")
    assert "1 undated" in index


def test_places_and_organizations_have_an_index_and_a_page_each(site):
    assert {"places/index.html", "places/armenia.html", "organizations/index.html", "organizations/csto.html"} <= set(
        site
    )
    armenia = parse(site["places/armenia.html"])
    assert armenia.title.startswith("Armenia")
    assert "../articles/csto-peacekeeping.html" in armenia.links()
    article = parse(site["articles/csto-peacekeeping.html"])
    assert "../places/armenia.html" in article.links() and "../organizations/csto.html" in article.links()


# --- outlet labels, coverage mix and exports ------------------------------------


def labelled_site() -> dict[str, bytes]:
    from csto_digest.registry import Registry

    registry = Registry.from_data(
        {
            "outlets": [
                {"name": "TASS", "labels": {"language": "en", "country": "Russia", "ownership": "state"}},
                {"name": "Sputnik", "domains": ["sputnikglobe.com"], "labels": {"country": "Russia"}},
            ]
        }
    )
    articles, groups = sample_corpus()
    return render_site(articles, groups, Config(registry=registry))


def test_outlet_pages_show_labels_and_story_coverage_mix():
    files = labelled_site()
    tass = text_of(files, "outlets/tass.html")
    assert "<dt>Country</dt><dd>Russia</dd>" in tass and "<dt>Ownership</dt><dd>state</dd>" in tass
    assert tass.index("<dt>Country</dt>") < tass.index("<dt>Ownership</dt>") < tass.index("<dt>Language</dt>")
    assert "../stories/story-1.html" in parse(files["outlets/tass.html"]).links()
    story = text_of(files, "stories/story-1.html")
    assert "Coverage mix" in story
    assert 'Russia <span class="count">2</span>' in story, "both outlets of the story are Russian"
    assert 'state <span class="count">1</span>' in story and 'not labelled <span class="count">1</span>' in story
    assert "No labels" in text_of(files, "outlets/ria-novosti.html")


def test_exports_are_linked_and_carry_their_page(site):
    home = parse(site["index.html"])
    for name in ("quotes.json", "quotes.csv", "stories.json", "statements.json"):
        assert f"data/{name}" in home.links()
    quotes = json.loads(site["data/quotes.json"])
    assert len(quotes) == 5
    first = next(q for q in quotes if q["article_id"] == "tass-armenia")
    assert first["page"] == "articles/tass-armenia.html#q-1" and first["outlet"] == "TASS"
    stories = json.loads(site["data/stories.json"])
    assert stories[0]["page"] == "stories/story-1.html"
    assert [a["id"] for a in stories[0]["articles"]] == ["tass-armenia", "csto-peacekeeping"]
    statements = json.loads(site["data/statements.json"])
    assert statements[0]["wordings"][0]["page"].startswith("articles/")
    assert statements[0]["attributed_to_different_people"] is False


def test_quotes_csv_is_parseable_and_spreadsheet_safe():
    import csv
    import io

    article = make_article(quotes=(make_quote('=HYPERLINK("x") said, in "quotes"\nover lines', 1),))
    files = render_site((article,), EMPTY_GROUPS, Config())
    data = files["data/quotes.csv"].decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert rows[0]["quote"] == '\'=HYPERLINK("x") said, in "quotes"\nover lines'
    assert rows[0]["page"] == "articles/csto-peacekeeping.html#q-1"
    assert files["data/quotes.csv"] == render_site((article,), EMPTY_GROUPS, Config())["data/quotes.csv"]


def test_newest_first_is_the_date_key_order():
    from csto_digest.render_index import date_key, newest_first

    base = sample_corpus()[0][0]
    dates = ["2024-03-28", "2024-03", "2024", None, "", "2023-12-31", "2024-03-28", None]
    articles = [replace(base, id=f"a{n % 3}{n}", date=d) for n, d in enumerate(dates)]
    assert newest_first(articles) == tuple(sorted(articles, key=date_key))


def test_render_helper_renders_as_jinja_does():
    """`render_env.render` copies the globals once; its output, errors and precedence are `Template.render`'s."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals["greeting"] = "hello"
    template = env.from_string(
        "{% for i in range(n) %}{{ i }}{% endfor %} {{ greeting }} {{ word }}"
        "{% block b %} in a block {{ word }}{% endblock %}"
    )
    for values in ({"n": 3, "word": "<b>"}, {"n": 0, "word": "x", "greeting": "overridden"}):
        assert render_env.render(template, values) == template.render(**values)
    assert render_env.render(template, {"n": 2, "word": "y"}) == template.render(
        n=2, word="y"
    )  # again, from the kept copy
    with pytest.raises(jinja2.UndefinedError):
        render_env.render(template, {"n": 1})


def test_the_quote_index_rows_carry_their_articles_theme_slugs_for_the_filters():
    articles, groups = sample_corpus()
    first = articles[0]
    two = (*first.themes, dataclasses.replace(first.themes[0], slug="tajik-afghan-border"))
    articles = (replace(first, themes=two), *articles[1:])
    files = render_site(articles, groups, Config())
    page = "".join(text_of(files, p) for p in files if p.startswith("quotes/"))
    rows = re.findall(r'<tr data-speaker="[^"]*" data-outlet="[^"]*" data-theme="([^"]*)"', page)
    expected = ["|".join(hit.slug for hit in a.themes) for a in articles for _ in a.live_quotes]
    assert sorted(rows) == sorted(expected)
    assert "armenia-membership|tajik-afghan-border" in rows
