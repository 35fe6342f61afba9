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
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from .fragments import BytesMemo
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


def atom(feed: Feed, index: SiteIndex, site_title: str, base: str | None, memo: BytesMemo | None = None) -> bytes:
    """One feed document, indented as `xml.etree.ElementTree.indent` does.

    Written as text rather than built as an element tree: serialising the tree
    cost more than everything else in the feed. An entry reads nothing of its
    feed but the feed's folder, so `memo` (one build's) keeps each article's
    entry for the other feeds that carry it.
    """
    entries = feed_entries(feed)
    depth = "../" * feed.path.count("/")
    parts = [
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="{ATOM}">\n',
        _leaf("  ", "id", _ident(base, feed.path)),
        _leaf("  ", "title", feed.title),
        _leaf("  ", "updated", max((atom_time(a.date) or EPOCH for a in entries), default=EPOCH)),
        "  <author>\n",
        _leaf("    ", "name", site_title),
        "  </author>\n",
        _link("  ", {"rel": "self", "type": "application/atom+xml", "href": _url(base, depth, feed.path)}),
        _link("  ", {"rel": "alternate", "type": "text/html", "href": _url(base, depth, feed.page)}),
        _leaf("  ", "generator", "csto-digest"),
    ]
    data = [_xml_bytes("".join(parts))]
    for article in entries:
        key = f"{article.id}\x1f{base}\x1f{depth}"
        made = memo.get(key) if memo is not None else None
        if made is None:
            made = _xml_bytes(_entry(article, index, base, depth))
            if memo is not None:
                memo.put(key, made)
        data.append(made)
    data.append(b"</feed>\n")
    return b"".join(data)


def _entry(article: Article, index: SiteIndex, base: str | None, depth: str) -> str:
    """One `<entry>` element with its indentation and the newline after it."""
    page = f"articles/{index.article_files[article.id]}.html"
    parts = [
        "  <entry>\n",
        _leaf("    ", "id", _ident(base, page)),
        _leaf("    ", "title", article.title),
        _leaf("    ", "updated", atom_time(article.date) or EPOCH),
    ]
    if article.author or article.source:
        name = article.author or article.source.name  # type: ignore[union-attr]
        parts += ["    <author>\n", _leaf("      ", "name", name), "    </author>\n"]
    parts.append(_link("    ", {"rel": "alternate", "type": "text/html", "href": _url(base, depth, page)}))
    parts += [_link("    ", {"term": _clean(hit.slug)}, "category") for hit in article.themes]
    parts.append(_leaf("    ", "content", str(article_html(article)), ' type="html"'))
    parts.append("  </entry>\n")
    return "".join(parts)


def _url(base: str | None, depth: str, path: str) -> str:
    """A link: absolute with a base URL, else relative to the feed file."""
    return f"{base}{path}" if base else depth + path


def _ident(base: str | None, path: str) -> str:
    """An id: the absolute URL with a base URL, else a `tag:` URI."""
    return f"{base}{path}" if base else TAG_AUTHORITY + path


def _leaf(indent: str, tag: str, text: str, attributes: str = "") -> str:
    """An element holding text, on its own line; empty text makes an empty element, as ElementTree writes it."""
    text = _clean(text)
    if not text:
        return f"{indent}<{tag}{attributes} />\n"
    return f"{indent}<{tag}{attributes}>{_escape_text(text)}</{tag}>\n"


def _link(indent: str, attributes: dict[str, str], tag: str = "link") -> str:
    """An empty element with attributes (a `link`, a `category`), on its own line."""
    written = "".join(f' {name}="{_escape_attribute(value)}"' for name, value in attributes.items())
    return f"{indent}<{tag}{written} />\n"


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(text: str) -> str:
    """As ElementTree escapes an attribute value: markup characters, quotes, and CR, LF and tab as numbers."""
    text = _escape_text(text).replace('"', "&quot;")
    return text.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def _xml_bytes(text: str) -> bytes:
    """UTF-8, with what UTF-8 cannot hold (a lone surrogate) as a character reference, as ElementTree writes it."""
    return text.encode("utf-8", "xmlcharrefreplace")


def feed_entries(feed: Feed) -> list[Article]:
    """The articles a feed holds: its newest dated ones."""
    return [a for a in feed.articles if a.date][:ENTRIES]


def article_html(article: Article) -> Markup:
    """The article's text as safe HTML, quotes marked, as on its page."""
    if article.format == "markdown" and article.markdown is not None:
        return mark_in_html(markdown_html(article.markdown), article.live_quotes)[0]
    paragraphs, _ = body_html(article.body, article.live_quotes)
    return Markup("").join(Markup("<p>") + p + Markup("</p>\n") for p in paragraphs)


def _clean(text: str) -> str:
    """Drop the characters XML cannot carry (control codes an article may hold)."""
    return _NOT_XML.sub("", text)


def feed_links(feeds: Iterable[Feed]) -> dict[str, str]:
    """Page path -> its feed's path, for the `<link rel=alternate>` in the page head."""
    return {feed.page: feed.path for feed in feeds}
