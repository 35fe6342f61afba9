"""Saved web pages (`.html`, `.htm`) are articles: a page becomes the record its text copy would,
its metadata winning over what the text gives and saying which part of the page it came from.

Every page here is made up, in the shapes news sites print: a wire story with Open Graph tags
and JSON-LD, a story inside a site's menus and boxes, pages with little or no metadata, and
pages that are broken or hostile, which never raise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from csto_digest.config import load_config
from csto_digest.load import read as read_module
from csto_digest.load.corpus import extract_one, load_corpus, load_file
from csto_digest.load.discover import discover
from csto_digest.load.html_page import page_problems, read_page
from csto_digest.load.read import read_article_bytes, read_article_file
from csto_digest.model import Article, Problem

PARAGRAPHS = [
    "DUSHANBE, March 12. /TASS/. CSTO Secretary General Stanislav Zas said on Tuesday that the organization "
    "has no plans to deploy peacekeepers on the Tajik-Afghan border, but stands ready to help Dushanbe with equipment.",
    '"We are not talking about sending troops. Tajikistan has asked for weapons and training, and that is what we '
    'will provide," Zas told reporters after talks in the Tajik capital.',
    "He added that the targeted programme for the border would be financed in full this year. "
    '"The money has been agreed by all member states," the secretary general said.',
    "Tajik Defence Minister Sherali Mirzo thanked the allies for their support. "
    '"Our border guards need modern equipment, not promises," Mirzo said.',
]
TITLE = "Zas says CSTO will not send peacekeepers to the Tajik border"
URL = "https://tass.com/defense/1760001"


def html_paragraphs() -> str:
    return "\n".join(f"<p>{p.replace('&', '&amp;')}</p>" for p in PARAGRAPHS)


WIRE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{TITLE} - Defense - TASS</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="TASS">
<meta property="og:url" content="{URL}">
<meta property="article:published_time" content="2024-03-12T23:40:00+05:00">
<meta property="article:author" content="https://www.facebook.com/tass">
<link rel="canonical" href="{URL}">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Zas on the border",
  "datePublished": "2024-03-12T23:40:00+05:00",
  "publisher": {{"@type": "Organization", "name": "TASS Russian News Agency"}},
  "author": [{{"@type": "Person", "name": "Anna Sokolova"}}, {{"@type": "Person", "name": "Ilya Orlov"}}]}}
</script>
</head>
<body>
<article>
<h1>{TITLE}</h1>
{html_paragraphs()}
</article>
</body>
</html>
"""

AROUND = f"""<!doctype html>
<html><head><title>{TITLE} | Asia-Plus</title>
<meta name="viewport" content="width=device-width">
<script>var ads = ["<p>Buy now</p>"]; document.write("<div>tracking</div>");</script>
<style>p {{ color: red }} .menu::after {{ content: "Menu text" }}</style>
</head>
<body>
<div id="cookie-consent" class="banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header class="site-header"><a class="logo" href="/">Asia-Plus</a>
  <nav><ul><li><a href="/news">News</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <form action="/search"><input name="q" placeholder="Search"><button>Find</button></form>
</header>
<div class="layout">
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Rogun dam gets new turbine</a></li><li><a href="/b">Heat wave in Khujand</a></li></ul></aside>
<main>
<article class="story">
<header>
<h1>{TITLE}</h1>
<div class="byline">By Farrukh Nazarov</div>
<time datetime="2024-03-12T18:00:00+05:00">12 March 2024, 18:00</time>
</header>
<div class="share"><a href="https://facebook.com/sharer">Facebook</a> <a href="https://t.me/share">Telegram</a> <button>Copy link</button></div>
<div class="story-body">
{html_paragraphs()}
</div>
<div hidden>Subscriber-only bonus paragraph.</div>
<div aria-hidden="true">Advertisement</div>
</article>
<section class="more">
<h2>Related news</h2>
<article class="card"><a href="/c">CSTO drills to open in Kyrgyzstan</a></article>
<article class="card"><a href="/d">Rahmon meets Putin in Moscow</a></article>
</section>
</main>
</div>
<footer><p>© 2024 Asia-Plus. All rights reserved.</p><nav><a href="/about">About us</a></nav></footer>
<noscript><p>Please enable JavaScript.</p></noscript>
</body></html>
"""


@pytest.fixture(scope="module")
def config():
    return load_config(None)


def extract(name: str, page: str, config) -> Article:
    record = extract_one(name, page, config)
    assert isinstance(record, Article), record
    return record


def text_copy(config) -> Article:
    text = f"date 2024-03-12 {URL}\n{TITLE}\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    return extract("story.txt", text, config)


def said(record: Article) -> tuple[list[tuple[str, str | None, str]], list[tuple[str, str | None]]]:
    return [(q.text, q.speaker, q.kind) for q in record.quotes], [(s.name, s.role) for s in record.speakers]


# --- the page's metadata ------------------------------------------------------------------------


def test_a_wire_story_takes_its_fields_from_open_graph_and_json_ld(config):
    record = extract("story.html", WIRE, config)
    assert record.format == "html" and record.markdown is None
    assert record.title == TITLE and not record.title_derived
    assert record.title_evidence.text == f"HTML meta og:title: {TITLE}"
    assert (record.title_evidence.rule, record.title_evidence.line) == ("html-meta", 6)
    assert record.source is not None and record.source.name == "TASS"
    assert record.source.evidence.text == "HTML meta og:site_name: TASS"
    # The day as the page dates it, in its own time zone: no conversion moves it to the 12th's evening in UTC.
    assert (record.date, record.date_precision) == ("2024-03-12", "day")
    assert record.date_evidence is not None
    assert record.date_evidence.text == "HTML meta article:published_time: 2024-03-12T23:40:00+05:00"
    assert (record.date_evidence.rule, record.date_evidence.line) == ("html-meta", 9)
    # article:author is a profile's URL, not a name: the JSON-LD authors are taken.
    assert record.author == "Anna Sokolova, Ilya Orlov"
    assert record.author_evidence is not None
    assert record.author_evidence.text == "HTML JSON-LD author.name: Anna Sokolova, Ilya Orlov"
    assert record.url == URL
    assert list(record.body) == PARAGRAPHS


def test_the_quotes_and_speakers_of_a_page_are_those_of_its_text_copy(config):
    copy = text_copy(config)
    assert said(copy)[0], "the text copy has quotes to compare"
    for page in (WIRE, AROUND):
        record = extract("story.html", page, config)
        assert said(record) == said(copy)
        assert record.body == copy.body
        assert record.title == copy.title


def test_json_ld_fills_what_the_meta_tags_leave_out(config):
    page = f"""<html><head><script type="application/ld+json">
    {{"@context": "https://schema.org", "@graph": [
      {{"@type": "Organization", "@id": "https://24.kg/#org", "name": "24.kg"}},
      {{"@type": ["NewsArticle"], "datePublished": "2024-03-12", "publisher": {{"@id": "https://24.kg/#org"}},
        "author": {{"@type": "Person", "name": "Aigul Sydykova"}}}}]}}
    </script></head><body><h1>{TITLE}</h1>{html_paragraphs()}</body></html>"""
    record = extract("story.html", page, config)
    assert record.source is not None and record.source.name == "24.kg"
    assert record.source.evidence.text == "HTML JSON-LD publisher.name: 24.kg"
    assert record.date == "2024-03-12" and record.date_evidence is not None
    assert record.date_evidence.text == "HTML JSON-LD datePublished: 2024-03-12"
    assert record.author == "Aigul Sydykova"
    assert record.title_evidence.text == f"HTML h1: {TITLE}"


def test_a_story_inside_the_sites_menus_and_boxes_is_only_the_story(config):
    record = extract("story.html", AROUND, config)
    assert list(record.body) == PARAGRAPHS
    everything = " ".join([*record.body, *record.removed, record.title])
    for furniture in ("cookies", "Accept all", "Politics", "Search", "Most read", "Rogun", "Related news",
                      "CSTO drills to open", "Facebook", "Copy link", "Subscriber-only", "Advertisement",
                      "All rights reserved", "JavaScript", "tracking", "Buy now", "color: red"):  # fmt: skip
        assert furniture not in everything, furniture
    # Only <title> and the article's header date it: the title without the site's name, the <time>.
    assert record.title == TITLE
    assert record.title_evidence.text == f"HTML h1: {TITLE}"
    assert record.date == "2024-03-12" and record.date_evidence is not None
    assert record.date_evidence.text == "HTML <time datetime>: 2024-03-12T18:00:00+05:00"
    assert record.author == "Farrukh Nazarov"
    assert record.author_evidence is not None and record.author_evidence.rule == "byline"
    assert record.source is not None and record.source.evidence.rule == "dateline"  # no metadata names it


def test_a_long_menu_of_links_does_not_outweigh_the_story(config):
    """Measured by its paragraphs, the <article> is the page's story however many links a menu holds."""
    menu = "<ul>" + "".join(f'<li><a href="/n{i}">Section {i}</a></li>' for i in range(800)) + "</ul>"
    page = AROUND.replace("<main>", f'<div class="mega">{menu}</div><main>')
    assert list(extract("story.html", page, config).body) == PARAGRAPHS


def test_teaser_cards_are_not_the_story_set_in_divs(config):
    cards = "".join(
        f'<article class="card"><a href="/{i}">CSTO drills story number {i}</a></article>' for i in range(5)
    )
    page = f"<html><body><div><h1>{TITLE}</h1>{html_paragraphs()}</div><section>{cards}</section></body></html>"
    record = extract("story.html", page, config)
    assert record.title == TITLE and list(record.body) == PARAGRAPHS


def test_a_page_with_only_a_title_tag_loses_the_sites_name(config):
    page = f"<html><head><title>{TITLE} | Sputnik</title></head><body>{html_paragraphs()}</body></html>"
    record = extract("story.html", page, config)
    assert record.title == TITLE
    assert record.title_evidence.text == f"HTML <title>: {TITLE} | Sputnik"
    assert record.title_evidence.note == "' | Sputnik' left out: the site's name"
    icon = f'<svg><title>Share on Facebook</title></svg><p class="lead">{TITLE}</p>{html_paragraphs()}'
    assert (
        extract("icon.html", icon, config).title == TITLE
    )  # an icon's <title> is not the page's; the text's first line is
    kept = "<html><head><title>Armenia - CSTO: a year of freeze</title></head><body><p>Text of it.</p></body></html>"
    assert extract("freeze.html", kept, config).title == "Armenia - CSTO: a year of freeze"  # no site named


def test_a_page_with_no_metadata_is_read_by_the_text_extractor(config):
    page = (
        "<html><body><div><b>CSTO ministers meet in Minsk</b></div><div>12 March 2024</div>"
        "<div>MINSK, March 12. /BelTA/. The defence ministers of the CSTO met in Minsk on Tuesday.<br>"
        '"The meeting was constructive," Belarusian Defence Minister Viktor Khrenin said.</div></body></html>'
    )
    text = read_page(page, "minsk.html", config.registry)
    assert text.meta is None
    assert text.text == (
        "CSTO ministers meet in Minsk\n\n12 March 2024\n\nMINSK, March 12. /BelTA/. The defence ministers of the "
        'CSTO met in Minsk on Tuesday.\n"The meeting was constructive," Belarusian Defence Minister Viktor Khrenin said.\n'
    )
    record = extract("minsk.html", page, config)
    assert record.title == "CSTO ministers meet in Minsk" and record.title_evidence.rule == "title"
    assert record.date == "2024-03-12" and record.date_evidence is not None
    assert record.date_evidence.rule == "byline"
    assert record.source is not None and record.source.evidence.rule == "dateline"
    assert [(q.speaker, q.kind) for q in record.quotes] == [("Viktor Khrenin", "quoted")]


def test_a_text_file_named_html_keeps_its_lines(config):
    text = f"{TITLE}\n\n" + "\n\n".join(PARAGRAPHS).replace("&", "&amp;") + "\n"
    record = extract("story.html", text, config)
    assert record.title == TITLE and list(record.body) == PARAGRAPHS


def test_evidence_read_from_the_text_names_the_pages_line(config):
    page = (
        "<html><body>\n<h1>CSTO ministers meet in Minsk</h1>\n\n\n<p>By Olga Ivanova</p>\n"
        "<p>MINSK, March 12. /BelTA/. The ministers met.</p>\n</body></html>\n"
    )
    record = extract("minsk.html", page, config)
    assert record.title_evidence.line == 2  # the h1's line in the file, not in the text made of it
    assert record.author == "Olga Ivanova" and record.author_evidence is not None
    assert record.author_evidence.line == 5


def test_a_metadata_date_that_is_no_date_is_dropped_with_a_warning(config):
    page = (
        '<html><head><meta property="article:published_time" content="yesterday">'
        f'</head><body><h1>{TITLE}</h1><p class="date">13 March 2024</p>{html_paragraphs()}</body></html>'
    )
    record = extract("story.html", page, config)
    assert record.date == "2024-03-13" and record.date_evidence is not None
    assert record.date_evidence.rule == "byline"  # the text's own date, as with front matter
    (problem,) = page_problems("story.html", page, config.registry)
    assert (problem.path, problem.line, problem.severity) == ("story.html", 1, "warning")
    assert problem.message == "HTML meta article:published_time: 'yesterday' is not a date we read; ignored"
    both_ways = page.replace("yesterday", "07/03/2024").replace('<p class="date">13 March 2024</p>', "")
    assert extract("story.html", both_ways, config).date is None  # never guessed


def test_the_page_url_is_a_web_address_or_none(config):
    relative = (
        '<html><head><link rel="canonical" href="/defense/1760001"><meta property="og:url" content="https://tass.com/x">'
        f"</head><body>{html_paragraphs()}</body></html>"
    )
    assert extract("a.html", relative, config).url == URL
    hostile = (
        '<html><head><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="file:///etc/passwd">'
        f"</head><body>{html_paragraphs()}</body></html>"
    )
    assert extract("b.html", hostile, config).url is None


# --- encodings and broken or hostile pages ------------------------------------------------------


def test_a_windows_1251_page_is_read_in_its_letters(tmp_path, config):
    page = (
        '<html><head><meta charset="windows-1251"><title>ОДКБ проведет учения в Таджикистане</title></head><body>'
        "<article><p>ДУШАНБЕ, 12 марта. Коллективные силы ОДКБ проведут учения в Таджикистане осенью, сообщил "
        "генеральный секретарь организации Имангали Тасмагамбетов.</p><p>«Мы готовы к учениям», — сказал он.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "odkb.html"
    path.write_bytes(page.encode("cp1251"))
    entry = load_file(str(path), config)
    assert isinstance(entry.outcome, Article)
    assert entry.outcome.title == "ОДКБ проведет учения в Таджикистане"
    assert entry.outcome.body[0].startswith("ДУШАНБЕ, 12 марта. Коллективные силы ОДКБ")


def _cyrillic_page(head: str) -> str:
    return (
        f"<html><head>{head}<title>Миротворцы ОДКБ вернулись из Казахстана</title></head><body><article>"
        "<h1>Миротворцы ОДКБ вернулись из Казахстана</h1>"
        "<p>АЛМАТЫ, 19 января. Последние подразделения коллективных миротворческих сил ОДКБ вернулись домой, "
        "сообщили в штабе операции.</p><p>Задача выполнена полностью, заявил командующий силами.</p>"
        "</article></body></html>"
    )


def _read_note(path: Path) -> Problem:
    text, problems = read_article_file(path)
    assert text is not None and len(problems) == 1, problems
    return problems[0]


@pytest.mark.parametrize(
    ("head", "codec", "named"),
    [
        ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">', "koi8_r", "KOI8-R"),
        ("<meta charset='windows-1251' />", "cp1251", "Windows-1251"),
        ('<META CONTENT="text/html; charset=Windows-1251" HTTP-EQUIV="content-type">', "cp1251", "Windows-1251"),
    ],
)
def test_a_page_not_in_utf8_is_read_in_the_charset_it_declares(tmp_path, config, monkeypatch, head, codec, named):
    """The page says what it is in: that is read, without a guess, and the note says so (a note, not
    a warning: nothing was guessed)."""
    monkeypatch.setattr(read_module, "_tell_encoding", lambda data: pytest.fail("guessed"))
    path = tmp_path / "mirotvortsy.htm"
    path.write_bytes(_cyrillic_page(head).encode(codec))
    note = _read_note(path)
    assert note.path == str(path) and note.severity == "note"
    assert note.message == f"not UTF-8; decoded as {named}, the charset the page declares (line 1)"
    entry = load_file(str(path), config)
    assert isinstance(entry.outcome, Article)
    assert entry.outcome.title == "Миротворцы ОДКБ вернулись из Казахстана"
    assert entry.outcome.body[0].startswith("АЛМАТЫ, 19 января. Последние подразделения")
    assert entry.outcome.body[1] == "Задача выполнена полностью, заявил командующий силами."


def test_a_page_in_utf8_is_read_as_utf8_whatever_charset_it_declares(tmp_path, monkeypatch):
    """A page a browser saved anew in UTF-8 often keeps its old declaration: the bytes decide."""
    monkeypatch.setattr(read_module, "_tell_encoding", lambda data: pytest.fail("guessed"))
    page = _cyrillic_page('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    text, problems = read_article_bytes("saved.html", page.encode("utf-8"))
    assert (text, problems) == (page, ())
    declared_line = "<!doctype html>\n<html>\n<head>\n" + page.removeprefix("<html><head>")
    text, problems = read_article_bytes("saved.html", declared_line.encode("koi8_r"))
    assert text == declared_line and problems[0].message.endswith("the charset the page declares (line 4)")


@pytest.mark.parametrize(
    ("declared", "why"),
    [
        ("utf-8", "which does not decode it (line 2)"),
        ("x-user-defined", "which Python does not know"),
        ("unicode_escape", "which is no charset of text"),
        ("base64", "which is no charset of text"),
        ("utf-7", "which is no charset of text"),
    ],
)
def test_a_declared_charset_that_does_not_decode_the_page_gives_way_to_the_guess(tmp_path, declared, why):
    page = _cyrillic_page(f'<meta charset="{declared}">\n')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    text, problems = read_article_file(path)
    assert text == page
    assert [(p.path, p.severity) for p in problems] == [(str(path), "warning")]
    assert problems[0].message == (
        f"the page declares the charset {declared}, {why}; "
        "not UTF-8; decoded as Windows-1251 (told by charset_normalizer)"
    )


def test_a_page_declaring_latin_1_is_read_as_browsers_read_it_as_windows_1252(tmp_path):
    """Browsers read a page labelled ISO-8859-1 as Windows-1252, whose curly quotes Latin-1 lacks."""
    page = (
        '<html><head><meta charset="ISO-8859-1"></head><body><article><h1>CSTO drills end</h1><p>The drills '
        "ended, the ministry said. \u201cAll went to plan,\u201d Zas told reporters in Minsk.</p></article></body></html>"
    )
    text, problems = read_article_bytes(Path("drills.html"), page.encode("cp1252"))
    assert text == page
    assert problems[0].message == "not UTF-8; decoded as Windows-1252 (Latin-1), the charset the page declares (line 1)"


def test_a_page_mostly_in_english_keeps_the_russian_words_its_charset_spells(tmp_path):
    """A few Russian words in an English page are too few to tell Windows-1251 from KOI8-R by; the
    page's declaration tells. A text file quoting such a tag is not a page, and is told as before."""
    page = (
        '<html><head><meta charset="windows-1251"><title>CSTO drills open</title></head><body><article>'
        "<p>The page opened with the drills of the Organisation (ОДКБ) in Minsk.</p></article></body></html>"
    )
    text, problems = read_article_bytes("drills.html", page.encode("cp1251"))
    assert text == page and "ОДКБ" in text
    assert problems[0].message == "not UTF-8; decoded as Windows-1251, the charset the page declares (line 1)"
    _, problems = read_article_bytes("notes.txt", page.encode("cp1251"))
    assert "declares" not in problems[0].message and "told by charset_normalizer" in problems[0].message


def test_script_in_the_body_is_dropped_and_markup_written_as_text_stays_text(config):
    page = (
        "<html><body><article><h1>CSTO summit opens</h1><p>The summit opened<script>alert(1)</script> in Minsk.</p>"
        '<p>A reader wrote &lt;script&gt;alert(2)&lt;/script&gt; in the comments, <a href="javascript:alert(3)">'
        'said the editor</a>.</p><p><img src=x onerror="alert(4)">Leaders arrived.</p></article></body></html>'
    )
    record = extract("summit.html", page, config)
    assert record.body == (
        "The summit opened in Minsk.",
        "A reader wrote <script>alert(2)</script> in the comments, said the editor.",
        "Leaders arrived.",
    )
    assert "alert(1)" not in record.content_hash and not any("javascript" in p or "alert(3)" in p for p in record.body)


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><article><p>CSTO drills open<div>in Tajikistan<ul><li>first<li>second<p>third",
        "<div>" * 10_000 + "CSTO drills open in Tajikistan" + "</div>" * 10_000,
        "<span>" * 10_000 + "CSTO drills open in Tajikistan",
        "</p></div></article></body>CSTO drills open in Tajikistan</html></html>",
        "<![if !IE]><p>CSTO drills open in Tajikistan</p><![endif]><![CDATA[x",
        "<p>CSTO drills open in Tajikistan</p><!-- unclosed comment <p>gone",
        '<p title="unclosed attribute>CSTO drills open in Tajikistan</p>',
        "<p>CSTO \x00\x01 drills \ufffd\ufffd open in Tajikistan</p>" + "\x7f\x80\x81" * 100,
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": </script><p>CSTO drills open</p>',
        '<script type="application/ld+json">' + "[" * 100_000 + "</script><p>CSTO drills open in Tajikistan</p>",
        "<form>" * 3000 + "<h1>CSTO drills open</h1><p>In Tajikistan.</p>",
    ],
)
def test_broken_and_hostile_pages_never_raise(config, page):
    record = extract_one("broken.html", page, config)
    problems = page_problems("broken.html", page, config.registry)
    assert all(isinstance(p, Problem) and p.path == "broken.html" for p in problems)
    if isinstance(record, Problem):
        assert record.path == "broken.html" and record.message
    else:
        assert any("CSTO" in p for p in (*record.body, record.title))


def test_markup_never_finished_is_not_text(config):
    for page in ("<p>CSTO drills open in Tajikistan.</p><!-- a comment never closed <p>Hidden draft",
                 '<p>CSTO drills open in Tajikistan.</p><p title="never closed>Hidden draft</p>'):  # fmt: skip
        assert extract("open.html", page, config).body == ("CSTO drills open in Tajikistan.",)


def test_a_form_around_the_whole_page_is_the_page_not_a_form(config):
    """ASP.NET sites wrap every page in one <form>; a search form beside the article is still a form."""
    page = (
        '<html><body><form id="aspnetForm" method="post"><input type="hidden" name="__VIEWSTATE" value="dDwtMTA">'
        f'<div class="search"><form action="/find"><input name="q"><p>Search the site</p></form></div>'
        f"<h1>{TITLE}</h1>{html_paragraphs()}</form></body></html>"
    )
    record = extract("aspnet.html", page, config)
    assert record.title == TITLE and list(record.body) == PARAGRAPHS


def test_ten_thousand_nested_divs_keep_their_text(config):
    page = "<html><body>" + "<div>" * 10_000 + "<p>CSTO drills open in Tajikistan.</p>" + "</div>" * 10_000
    page += "<p>The drills last a week.</p></body></html>"
    record = extract("deep.html", page, config)
    assert record.body[-1] == "The drills last a week."
    assert "CSTO drills open in Tajikistan." in " ".join((record.title, *record.body))


def test_a_broken_json_ld_block_is_passed_over_with_a_note(config):
    page = (
        '<html><head>\n<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": }</script>'
        f"</head><body><h1>{TITLE}</h1>{html_paragraphs()}</body></html>"
    )
    record = extract("story.html", page, config)
    assert record.title == TITLE and record.date is None
    (problem,) = page_problems("story.html", page, config.registry)
    assert (problem.line, problem.severity) == (2, "note")
    assert problem.message.startswith("a JSON-LD block is not valid JSON (") and problem.message.endswith("; ignored")


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><script>document.write('<p>CSTO</p>')</script><nav>Home News</nav><div hidden>Secret</div></body></html>",
        "<svg><text>CSTO</text></svg>",
    ],
)
def test_a_page_with_no_article_text_is_a_problem_naming_it(config, page):
    record = extract_one("empty.html", page, config)
    assert isinstance(record, Problem) and record.path == "empty.html"
    assert record.message == "an HTML page with no article text (only markup, scripts, menus or hidden parts); skipped"


# --- in a corpus ---------------------------------------------------------------------------------


def test_html_and_htm_files_are_articles_and_a_saved_pages_files_are_passed_over(tmp_path):
    for name in ("a.html", "b.HTM", "c.txt", "a_files/ad-frame.html", "a_files/app.js", "other_files/x.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found, problems = discover((tmp_path,))
    assert found == [tmp_path / "a.html", tmp_path / "b.HTM", tmp_path / "c.txt", tmp_path / "other_files" / "x.txt"]
    assert [str(p) for p in problems] == [f"note: {tmp_path / 'a_files'}: a.html's files folder; skipped"]


def test_a_folder_of_a_page_and_a_text_file_loads_and_builds(tmp_path):
    from csto_digest.pipeline import run_build

    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "zas-border.html").write_text(
        WIRE.replace("</article>", "<p>Observers quoted &lt;script&gt;alert(5)&lt;/script&gt; verbatim.</p></article>"),
        encoding="utf-8",
    )
    (articles / "khrenin-minsk.txt").write_text(
        "CSTO ministers meet in Minsk\n\nMINSK, March 14 2024. /BelTA/. The defence ministers of the CSTO met in "
        'Minsk.\n\n"The meeting was constructive," Belarusian Defence Minister Viktor Khrenin said.\n',
        encoding="utf-8",
    )
    config = load_config(None, inputs=(str(articles),), output=tmp_path / "site")
    loaded = load_corpus(config, use_cache=False)
    assert [p for p in loaded.problems if p.severity != "note"] == []
    formats = {Path(a.path).name: a.format for a in loaded.articles}
    assert formats == {"zas-border.html": "html", "khrenin-minsk.txt": "text"}

    run_build(config, clean=True)
    records = json.loads((tmp_path / "site" / "data" / "articles.json").read_text(encoding="utf-8"))
    page_record = next(r for r in records if r["path"].endswith("zas-border.html"))
    assert page_record["title"] == TITLE and page_record["source"]["name"] == "TASS"
    html = (tmp_path / "site" / "articles" / f"{page_record['id']}.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in html and "<script>alert(5)" not in html
    assert "HTML meta og:site_name" in html  # the evidence shown names the page's metadata
