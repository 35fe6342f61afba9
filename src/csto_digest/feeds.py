"""Atom feeds (RFC 4287) for the site and for each theme, speaker and outlet.

Every entry carries the article's full text as escaped HTML. Nothing reads the
clock: an entry's `updated` is its article's date (a month or a year is taken
as its first day), and a feed's is its newest entry's, so the same articles
always give the same bytes. Undated articles have no place in a feed ordered by
time and are left out of feeds (they stay on the pages).

With `config.base_url` every id and link is the absolute URL of the page. Without
it ids are `tag:` URIs (RFC 4151), which need no domain, and links are relative
to the feed file, as Atom allows.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from .model import Article
from .render_index import SiteIndex
from .render_text import body_html, mark_in_html, markdown_html

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50  # newest articles per feed
TAG_AUTHORITY = "tag:csto-digest,2024:"
EPOCH = "1970-01-01T00:00:00Z"  # `updated` of a feed with no dated entry
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


@dataclass(frozen=True)
class Feed:
    """One feed: where it goes, what it is called, the page it belongs to, and its articles."""

    path: str  # e.g. "feeds/theme-enlargement.xml"
    title: str
    page: str  # the HTML page the feed follows, e.g. "themes/enlargement.html"
    articles: tuple[Article, ...]  # newest first


def site_feeds(index: SiteIndex, site_title: str) -> tuple[Feed, ...]:
    """The site's feed, then one per theme, speaker and outlet (outlets that published something)."""
    feeds = [Feed("feeds/site.xml", site_title, "index.html", index.articles)]
    feeds += [
        Feed(theme_feed(t.file), f"{t.title} · {site_title}", f"themes/{t.file}.html", t.articles) for t in index.themes
    ]
    feeds += [
        Feed(speaker_feed(s.slug), f"{s.name} · {site_title}", f"speakers/{s.slug}.html", s.articles)
        for s in index.speakers
    ]
    feeds += [
        Feed(outlet_feed(o.slug), f"{o.name} · {site_title}", f"outlets/{o.slug}.html", o.published)
        for o in index.outlets
        if o.published
    ]
    return tuple(feeds)


def theme_feed(file: str) -> str:
    return f"feeds/theme-{file}.xml"


def speaker_feed(slug: str) -> str:
    return f"feeds/speaker-{slug}.xml"


def outlet_feed(slug: str) -> str:
    return f"feeds/outlet-{slug}.xml"


def feed_files(index: SiteIndex, site_title: str, base_url: str) -> dict[str, bytes]:
    """Every feed as Atom XML bytes, keyed by its path in the site."""
    base = feed_base(base_url)
    return {feed.path: atom(feed, index, site_title, base) for feed in site_feeds(index, site_title)}


def feed_base(base_url: str) -> str | None:
    """The absolute root feeds link to, or None when the site has no base URL."""
    base = base_url.strip().rstrip("/")
    return base + "/" if base.lower().startswith(("http://", "https://")) else None


def atom_time(date: str | None) -> str | None:
    """`2024-03-28` (or `2024-03`, `2024`) as an RFC 3339 time at the start of that day, month or year."""
    if not date:
        return None
    parts = [*date.split("-"), "01", "01"][:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def atom(
    feed: Feed, index: SiteIndex, site_title: str, base: str | None, contents: dict[str, str] | None = None
) -> bytes:
    """One feed document. `contents` is a build's memo of entry contents by article id."""
    entries = feed_entries(feed)
    depth = "../" * feed.path.count("/")

    def url(path: str) -> str:
        return f"{base}{path}" if base else depth + path

    def ident(path: str) -> str:
        return f"{base}{path}" if base else TAG_AUTHORITY + path

    root = ET.Element("feed", {"xmlns": ATOM})
    _text(root, "id", ident(feed.path))
    _text(root, "title", feed.title)
    _text(root, "updated", max((atom_time(a.date) or EPOCH for a in entries), default=EPOCH))
    author = ET.SubElement(root, "author")
    _text(author, "name", site_title)
    ET.SubElement(root, "link", {"rel": "self", "type": "application/atom+xml", "href": url(feed.path)})
    ET.SubElement(root, "link", {"rel": "alternate", "type": "text/html", "href": url(feed.page)})
    _text(root, "generator", "csto-digest")
    for article in entries:
        page = f"articles/{index.article_files[article.id]}.html"
        entry = ET.SubElement(root, "entry")
        _text(entry, "id", ident(page))
        _text(entry, "title", article.title)
        _text(entry, "updated", atom_time(article.date) or EPOCH)
        if article.author or article.source:
            _text(ET.SubElement(entry, "author"), "name", article.author or article.source.name)  # type: ignore[union-attr]
        ET.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": url(page)})
        for hit in article.themes:
            ET.SubElement(entry, "category", {"term": _clean(hit.slug)})
        content = ET.SubElement(entry, "content", {"type": "html"})
        content.text = _content(article, contents)
    ET.indent(root)
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"
    )


def feed_entries(feed: Feed) -> list[Article]:
    """The articles a feed holds: its newest dated ones."""
    return [a for a in feed.articles if a.date][:ENTRIES]


def _content(article: Article, contents: dict[str, str] | None) -> str:
    """An entry's content; with `contents` (one build's), made once per article however many feeds carry it."""
    if contents is None:
        return _clean(str(article_html(article)))
    if article.id not in contents:
        contents[article.id] = _clean(str(article_html(article)))
    return contents[article.id]


def article_html(article: Article) -> Markup:
    """The article's text as safe HTML, quotes marked, as on its page."""
    if article.format == "markdown" and article.markdown is not None:
        return mark_in_html(markdown_html(article.markdown), article.live_quotes)[0]
    paragraphs, _ = body_html(article.body, article.live_quotes)
    return Markup("").join(Markup("<p>") + p + Markup("</p>\n") for p in paragraphs)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = _clean(text)
    return element


def _clean(text: str) -> str:
    """Drop the characters XML cannot carry (control codes an article may hold)."""
    return _NOT_XML.sub("", text)


def feed_links(feeds: Iterable[Feed]) -> dict[str, str]:
    """Page path -> its feed's path, for the `<link rel=alternate>` in the page head."""
    return {feed.page: feed.path for feed in feeds}
