"""The rendered site checked by parsing it: links resolve, pages are well formed.

Every internal href and src must name a file the renderer produced (and a
fragment must name an id on that page), so the site works from disk and under
a sub-path. Every page has a title, one h1 and the landmarks.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest

from csto_digest.config import Config
from csto_digest.render import render_site
from factories import sample_corpus

LANDMARKS = ("header", "nav", "main", "footer")


@dataclass
class Page:
    """What a test needs to know about one HTML page."""

    tags: list[tuple[str, dict[str, str | None]]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    title: str = ""
    h1_count: int = 0
    script_text: str = ""
    text: str = ""

    def links(self) -> list[str]:
        """Every href and src on the page, internal or not."""
        return [value for _, attrs in self.tags for name, value in attrs.items() if name in ("href", "src") and value]

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.page.tags.append((tag, values))
        if values.get("id"):
            self.page.ids.append(values["id"] or "")
        if tag == "h1":
            self.page.h1_count += 1
        if tag in ("title", "script"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if "title" in self._in:
            self.page.title += data
        elif "script" in self._in:
            self.page.script_text += data
        self.page.text += data


def parse(html: bytes) -> Page:
    parser = _Parser()
    parser.feed(html.decode("utf-8"))
    parser.close()
    return parser.page


def html_pages(files: dict[str, bytes]) -> dict[str, Page]:
    return {path: parse(data) for path, data in files.items() if path.endswith(".html")}


def resolve(page_path: str, link: str) -> tuple[str, str] | None:
    """The site path and fragment a relative link points at, or None if external."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    if not parts.path:
        return page_path, unquote(parts.fragment)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), unquote(parts.path)))
    return target, unquote(parts.fragment)


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    articles, groups = sample_corpus()
    return render_site(articles, groups, Config())


@pytest.fixture(scope="module")
def pages(site: dict[str, bytes]) -> dict[str, Page]:
    return html_pages(site)


def broken_links(files: dict[str, bytes], pages: dict[str, Page]) -> list[str]:
    """Every internal link that names no produced file, or no id on that page."""
    broken = []
    for path, page in pages.items():
        if path == "404.html":
            continue  # served at any depth; its links are checked with a base URL
        for link in page.links():
            target = resolve(path, link)
            if target is None:
                continue
            file, fragment = target
            if file not in files:
                broken.append(f"{path}: {link} -> {file} missing")
            elif fragment and file.endswith(".html") and fragment not in pages[file].ids:
                broken.append(f"{path}: {link} -> no id {fragment!r} in {file}")
    return broken


def test_every_internal_link_resolves(site, pages):
    assert broken_links(site, pages) == []


def test_links_are_relative_and_name_their_file(pages):
    for path, page in pages.items():
        for link in page.links():
            parts = urlsplit(link)
            if parts.scheme or link.startswith("#"):
                continue
            assert not link.startswith("/"), f"{path}: absolute path {link}"
            assert not parts.path.endswith("/"), f"{path}: folder link {link}"
            assert parts.path, f"{path}: empty link {link}"


def test_every_page_has_title_one_h1_and_landmarks(pages):
    for path, page in pages.items():
        assert page.title.strip(), f"{path}: no title"
        assert page.h1_count == 1, f"{path}: {page.h1_count} h1"
        for landmark in LANDMARKS:
            assert page.count(landmark) >= 1, f"{path}: no <{landmark}>"
        assert page.count("main") == 1, path


def test_every_page_has_head_essentials(pages):
    for path, page in pages.items():
        html_tag = next(attrs for tag, attrs in page.tags if tag == "html")
        assert html_tag.get("lang") == "en", path
        metas = [attrs for tag, attrs in page.tags if tag == "meta"]
        assert any(m.get("name") == "viewport" for m in metas), path
        assert any(m.get("name") == "description" and m.get("content") for m in metas), path
        csp = [m["content"] for m in metas if m.get("http-equiv") == "Content-Security-Policy"]
        assert csp and "script-src 'self'" in (csp[0] or "") and "style-src 'self'" in (csp[0] or ""), path
        skip = [a for t, a in page.tags if t == "a" and a.get("href") == "#main"]
        assert skip, f"{path}: no skip link"
        assert "main" in page.ids, path


def test_no_inline_script_or_style(pages):
    """The CSP allows only our own files, so nothing inline may be relied on."""
    for path, page in pages.items():
        assert page.script_text.strip() == "", f"{path}: inline script"
        assert page.count("style") == 0, f"{path}: <style> element"
        for tag, attrs in page.tags:
            assert "style" not in attrs, f"{path}: style attribute on <{tag}>"
            assert not [a for a in attrs if a.startswith("on")], f"{path}: event handler on <{tag}>"


def test_assets_are_ours_and_present(site, pages):
    for path, page in pages.items():
        for tag, attrs in page.tags:
            if tag == "script":
                src = attrs.get("src", "")
                ours = src.endswith(("static/site.js", "static/search.js")) or src.startswith("search/")
                assert ours, f"{path}: {src}"
                target = resolve(path, src)
                assert target and target[0] in site, f"{path}: {src} missing"
            if tag == "link" and attrs.get("rel") == "stylesheet":
                assert attrs["href"].endswith("static/site.css"), path
    assert {"static/site.css", "static/site.js", "static/search.js", "static/favicon.svg"} <= set(site)


def test_404_links_start_from_the_base_url():
    articles, groups = sample_corpus()
    files = render_site(articles, groups, Config(base_url="https://user.github.io/repo/"))
    page = parse(files["404.html"])
    internal = [link for link in page.links() if not link.startswith("#")]
    assert internal
    for link in internal:
        assert link.startswith("https://user.github.io/repo/"), link
        assert link.removeprefix("https://user.github.io/repo/").split("#")[0] in files, link


def test_canonical_only_with_a_base_url(pages):
    for path, page in pages.items():
        assert not [a for t, a in page.tags if t == "link" and a.get("rel") == "canonical"], path
    articles, groups = sample_corpus()
    files = render_site(articles, groups, Config(base_url="https://example.org/digest"))
    page = parse(files["articles/tass-armenia.html"])
    canonical = [a["href"] for t, a in page.tags if t == "link" and a.get("rel") == "canonical"]
    assert canonical == ["https://example.org/digest/articles/tass-armenia.html"]


def test_every_page_has_open_graph_tags_and_a_favicon(pages):
    for path, page in pages.items():
        properties = {a.get("property"): a.get("content") for t, a in page.tags if t == "meta" and a.get("property")}
        for name in ("og:title", "og:description", "og:site_name", "og:type"):
            assert properties.get(name), f"{path}: no {name}"
        icons = [a for t, a in page.tags if t == "link" and a.get("rel") == "icon"]
        assert icons and icons[0]["href"].endswith("static/favicon.svg"), path


def test_robots_without_a_base_url_names_no_sitemap(site):
    assert site["robots.txt"] == b"User-agent: *\nAllow: /\n"
    assert "sitemap.xml" not in site, "a sitemap needs absolute URLs"


def test_sitemap_lists_every_page_by_absolute_url():
    import xml.etree.ElementTree as ET

    articles, groups = sample_corpus()
    base = "https://user.github.io/repo/"
    files = render_site(articles, groups, Config(base_url=base))
    assert files["robots.txt"].decode().splitlines()[-1] == f"Sitemap: {base}sitemap.xml"
    root = ET.fromstring(files["sitemap.xml"])
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.findtext(ns + "loc") for u in root.findall(ns + "url")]
    pages = sorted(p for p in files if p.endswith(".html") and p != "404.html")
    assert locs == [base if p == "index.html" else base + p for p in pages]
    lastmods = {u.findtext(ns + "loc"): u.findtext(ns + "lastmod") for u in root.findall(ns + "url")}
    assert lastmods[base + "articles/tass-armenia.html"] == "2024-03-12"
    assert lastmods[base + "articles/markdown-piece.html"] is None, "a month-only date gives no lastmod"


def test_sitemap_escapes_markup_in_the_base_url():
    import xml.etree.ElementTree as ET

    articles, groups = sample_corpus()
    base = "https://example.org/r&d/"
    files = render_site(articles, groups, Config(base_url=base))
    assert b"/r&amp;d/" in files["sitemap.xml"]
    locs = [u.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") for u in ET.fromstring(files["sitemap.xml"])]
    assert base in locs
