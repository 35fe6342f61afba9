"""Atom feeds: what RFC 4287 requires of a feed and its entries, ids and links, no clock."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET

import pytest

from csto_digest.config import Config
from csto_digest.feeds import (
    _NOT_XML,
    ATOM,
    EPOCH,
    TAG_AUTHORITY,
    Feed,
    article_html,
    atom,
    atom_time,
    feed_base,
    feed_entries,
    site_feeds,
)
from csto_digest.fragments import BytesMemo
from csto_digest.model import ThemeHit
from csto_digest.render import render_site
from csto_digest.render_index import SiteIndex, build_index
from factories import HOSTILE, ev, make_article, sample_corpus
from test_site_links import html_pages

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
BASE = "https://user.github.io/repo/"


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    articles, groups = sample_corpus()
    return render_site(articles, groups, Config())


def feeds(files: dict[str, bytes]) -> dict[str, ET.Element]:
    return {path: ET.fromstring(data) for path, data in files.items() if path.startswith("feeds/")}


def one(element: ET.Element, tag: str) -> ET.Element:
    found = element.findall(A + tag)
    assert len(found) == 1, f"{tag}: {len(found)}"
    return found[0]


def test_every_feed_has_what_rfc_4287_requires(site):
    found = feeds(site)
    assert {"feeds/site.xml", "feeds/theme-armenia-membership.xml", "feeds/speaker-stanislav-zas.xml"} <= set(found)
    assert "feeds/outlet-tass.xml" in found
    for path, feed in found.items():
        assert feed.tag == A + "feed", path
        for tag in ("id", "title", "updated"):
            assert one(feed, tag).text, f"{path}: {tag}"
        assert RFC3339.match(one(feed, "updated").text or ""), path
        assert one(one(feed, "author"), "name").text, path
        rels = {link.get("rel"): link.get("href") for link in feed.findall(A + "link")}
        assert set(rels) == {"self", "alternate"}, path
        ids = []
        for entry in feed.findall(A + "entry"):
            ids.append(one(entry, "id").text)
            assert one(entry, "title").text, path
            assert RFC3339.match(one(entry, "updated").text or ""), path
            links = [x for x in entry.findall(A + "link") if x.get("rel") == "alternate"]
            assert len(links) == 1, path
            content = one(entry, "content")
            assert content.get("type") == "html" and content.text, path
        assert len(ids) == len(set(ids)), f"{path}: repeated entry id"


def test_without_base_url_ids_are_tag_uris_and_links_resolve(site):
    for path, feed in feeds(site).items():
        assert (one(feed, "id").text or "").startswith("tag:csto-digest,2024:"), path
        for link in feed.iter(A + "link"):
            href = link.get("href") or ""
            assert not href.startswith(("/", "http")), href
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href))
            assert target in site, f"{path}: {href}"
        for entry in feed.findall(A + "entry"):
            assert (one(entry, "id").text or "").startswith("tag:csto-digest,2024:articles/")


def test_with_base_url_ids_and_links_are_absolute():
    articles, groups = sample_corpus()
    files = render_site(articles, groups, Config(base_url=BASE))
    feed = feeds(files)["feeds/site.xml"]
    assert one(feed, "id").text == BASE + "feeds/site.xml"
    rels = {link.get("rel"): link.get("href") for link in feed.findall(A + "link")}
    assert rels == {"self": BASE + "feeds/site.xml", "alternate": BASE + "index.html"}
    for entry in feed.findall(A + "entry"):
        page = one(entry, "id").text or ""
        assert page.startswith(BASE + "articles/") and page.removeprefix(BASE) in files


def test_updated_comes_from_article_dates_never_the_clock(site):
    feed = feeds(site)["feeds/site.xml"]
    assert one(feed, "updated").text == "2024-03-28T00:00:00Z"
    updated = [one(e, "updated").text for e in feed.findall(A + "entry")]
    assert updated == sorted(updated, reverse=True)
    assert "2022-12-01T00:00:00Z" in updated, "a month-only date is the first of the month"
    assert atom_time("2024") == "2024-01-01T00:00:00Z" and atom_time(None) is None
    articles, groups = sample_corpus()
    again = render_site(articles, groups, Config())
    assert {p: d for p, d in again.items() if p.startswith("feeds/")} == {
        p: d for p, d in site.items() if p.startswith("feeds/")
    }


def test_undated_articles_stay_out_of_feeds(site):
    titles = [one(e, "title").text for e in feeds(site)["feeds/site.xml"].findall(A + "entry")]
    assert "A note with nothing extracted" not in titles
    assert len(titles) == 4


def test_full_content_is_escaped_html_and_hostile_text_stays_text(site):
    feed = feeds(site)["feeds/theme-tajik-afghan-border.xml"]
    contents = {one(e, "title").text: one(e, "content").text or "" for e in feed.findall(A + "entry")}
    hostile = contents[f"Hostile {HOSTILE}"]
    assert "<script>" not in hostile and "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    assert '<mark class="quote"' in hostile, "quotes are marked in the full text"
    markdown = contents["Analysis: the CSTO and the border"]
    assert "<h3>Background</h3>" in markdown and "<b>raw html</b>" not in markdown


def test_control_characters_do_not_break_the_xml():
    article = make_article(title="Bell\x07 and \x1b escape", body=("Text with \x00 nul \x0c.",), quotes=())
    files = render_site((article,), sample_corpus()[1], Config())
    feed = feeds(files)["feeds/site.xml"]
    assert one(one(feed, "entry"), "title").text == "Bell and  escape"


def test_pages_link_their_feed(site):
    pages = html_pages(site)
    expected = {
        "index.html": "feeds/site.xml",
        "themes/armenia-membership.html": "../feeds/theme-armenia-membership.xml",
        "speakers/stanislav-zas.html": "../feeds/speaker-stanislav-zas.xml",
        "outlets/tass.html": "../feeds/outlet-tass.xml",
    }
    for page, href in expected.items():
        links = [
            a["href"]
            for t, a in pages[page].tags
            if t == "link" and a.get("rel") == "alternate" and a.get("type") == "application/atom+xml"
        ]
        assert links == [href], page
    assert not [a for t, a in pages["outlets/ria-novosti.html"].tags if t == "link" and a.get("rel") == "alternate"]


def element_tree_atom(feed: Feed, index: SiteIndex, site_title: str, base: str | None) -> bytes:
    """The feed as ElementTree wrote it before feeds were written as text: the bytes must not change."""
    entries = feed_entries(feed)
    depth = "../" * feed.path.count("/")

    def url(path: str) -> str:
        return f"{base}{path}" if base else depth + path

    def ident(path: str) -> str:
        return f"{base}{path}" if base else TAG_AUTHORITY + path

    def text(parent: ET.Element, tag: str, value: str) -> None:
        ET.SubElement(parent, tag).text = _NOT_XML.sub("", value)

    root = ET.Element("feed", {"xmlns": ATOM})
    text(root, "id", ident(feed.path))
    text(root, "title", feed.title)
    text(root, "updated", max((atom_time(a.date) or EPOCH for a in entries), default=EPOCH))
    text(ET.SubElement(root, "author"), "name", site_title)
    ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml", "href": url(feed.path)})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": url(feed.page)})
    text(root, "generator", "csto-digest")
    for article in entries:
        page = f"articles/{index.article_files[article.id]}.html"
        entry = ET.SubElement(root, "entry")
        text(entry, "id", ident(page))
        text(entry, "title", article.title)
        text(entry, "updated", atom_time(article.date) or EPOCH)
        if article.author or article.source:
            text(ET.SubElement(entry, "author"), "name", article.author or article.source.name)
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": url(page)})
        for hit in article.themes:
            ET.SubElement(entry, "category", {"term": _NOT_XML.sub("", hit.slug)})
        ET.SubElement(entry, "content", {"type": "html"}).text = _NOT_XML.sub("", str(article_html(article)))
    ET.indent(root)
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"
    )


@pytest.mark.parametrize("base_url", ["", 'https://example.org/a&b"c/'])
def test_feeds_are_the_bytes_element_tree_wrote(base_url):
    """Written as text, with each entry kept for the other feeds: the same bytes as the element tree gave."""
    articles, groups = sample_corpus()
    odd = make_article(
        id="odd",
        title="Bell\x07, tab\t, CR\r, a lone \ud800 surrogate & <tags>",
        author="",
        body=("Text with \x00 nul, \x0c and ]]> and \ud800.",),
        quotes=(),
        themes=(ThemeHit("armenia-membership\t<x>", ev()),),
    )
    empty = make_article(id="empty", title="", source=None, body=(), quotes=(), themes=())
    articles = (*articles, odd, empty)
    config = Config(base_url=base_url)
    index = build_index(articles, groups, config)
    base = feed_base(base_url)
    memo = BytesMemo(1_000_000)
    for feed in site_feeds(index, 'Site & <"title">'):
        expected = element_tree_atom(feed, index, 'Site & <"title">', base)
        assert atom(feed, index, 'Site & <"title">', base, memo) == expected, feed.path
        assert atom(feed, index, 'Site & <"title">', base) == expected, feed.path
