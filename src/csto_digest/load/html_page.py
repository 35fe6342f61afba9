"""Saved web pages (`.html`, `.htm`): the article's text, and what the page says about it.

An analyst saves an article from the browser; the page becomes what its text
copy would: the text in the form the text extractor reads (the page's own
address as a `URL:` header line, the title line, then one paragraph per block,
blank lines between, a `<br>` a line of its own), and the page's metadata as a
`PageMeta`. The metadata wins over what the text extractor guesses, as front
matter does, and its evidence names the part of the page each value came from
(`HTML meta og:site_name: TASS`, rule `html-meta`, on the page's line).

The page is only ever read, never run: the standard library's tokenizer
(`html.parser`) builds a small tree of it, which is walked without recursion
(ten thousand nested `div`s are one more page), with bounds on its depth and
size. What a reader of the page never sees as the article is left out: scripts,
styles, forms, menus, anything `hidden`, and the page's header, footer and
sidebars around the article. JSON-LD is read with `json.loads` alone. Nothing
here raises: a page that gives no text says why, for the loader to report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..model import Article, Evidence, Problem
from ..registry import Registry
from .dates import FoundDate
from .frontmatter import FrontMatter
from .outlets import known_outlet
from .text import comparable, fold

HTML_SUFFIXES = frozenset({".html", ".htm"})

# What a reader of the page does not read as the article: code, controls, media fallbacks, menus.
_DROPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "audio",
     "video", "form", "button", "select", "textarea", "nav", "head", "title", "dialog"}
)  # fmt: skip
# The page's own header, footer and sidebars: dropped around the article, kept inside it (its headline, byline).
_PAGE_FRAME = frozenset({"header", "footer", "aside"})
_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
     "table", "thead", "tbody", "tfoot", "caption", "figure", "figcaption", "section", "article", "main", "header",
     "footer", "aside", "address", "pre", "hr", "details", "summary", "fieldset", "legend", "center", "body",
     "html", "hgroup", "option"}
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_PAGE_CONTENT = frozenset({"article", "main", "h1"})  # a <form> holding one of these is the page, not a form
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# An open element that a new one closes, as browsers read unclosed tags (`<li>one<li>two`, `<p>a<div>`).
_CLOSED_BY = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr", "td", "th"}, "td": {"td", "th"},
              "th": {"td", "th"}, "option": {"option"}}  # fmt: skip
MAX_DEPTH = 512  # as deep as browsers build a page; deeper elements are read as text of the deepest
MAX_ELEMENTS = 200_000  # past this, tags are passed over and only their text is kept
MAX_JSON_LD = 64 * 1024  # bytes of one JSON-LD block read; a longer one is no page's metadata
MAX_TITLE = 300  # characters: a longer "title" is no headline
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Report)$")
_ISO_DATE = re.compile(r"(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?")
_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*::\s*|\s+·\s+|\s+/\s+")
_URL_LIKE = re.compile(r"(?:https?:)?//|www\.|\S+\.[a-z]{2,6}/", re.IGNORECASE)
_MODIFIED = re.compile(r"modif|updat|edit", re.IGNORECASE)
# Words in a class or id that name the page's furniture inside the article: its share bar, a
# related-stories box, a cookie notice, an advert. Such a block is left out while it is small.
_FURNITURE_NAMES = frozenset(
    {"share", "sharing", "social", "cookie", "cookies", "consent", "newsletter", "subscribe", "subscription",
     "related", "recommended", "comments", "breadcrumb", "breadcrumbs", "advert", "advertisement", "ad", "ads",
     "promo", "sidebar", "menu", "toolbar", "popup", "modal"}
)  # fmt: skip
_NAME_WORDS = re.compile(r"[a-z0-9]+")
FURNITURE_SHARE = 0.25  # a block named as furniture that holds more of the article's text than this is kept
ARTICLE_SHARE = 0.2  # an <article> holding less of the page's text than this is a teaser, not the story


class _Node:
    __slots__ = ("attrs", "children", "line", "tag", "wraps_page")

    def __init__(self, tag: str, attrs: dict[str, str], line: int):
        self.tag = tag
        self.attrs = attrs
        self.line = line
        self.children: list[_Node | _Text] = []
        self.wraps_page = False  # a <form> around the article (ASP.NET wraps whole pages in one)


class _Text:
    __slots__ = ("line", "text")

    def __init__(self, text: str, line: int):
        self.text = text
        self.line = line


class _TreeBuilder(HTMLParser):
    """The page as a tree, built the forgiving way browsers build it: an end tag closes the
    nearest open element of its name (a stray one is passed over), unclosed `<p>` and `<li>`
    close where the next block starts, and depth and size are bounded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#document", {}, 1)
        self.stack = [self.root]
        self.open = Counter[str]()
        self.elements = 0
        self.overflow = 0  # elements opened past the bounds, not in the tree
        self.closing = False  # the end of the page is reached: what is left is markup never finished
        self.unfinished = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        if self.overflow or len(self.stack) > MAX_DEPTH or self.elements >= MAX_ELEMENTS:
            self.overflow += tag not in _VOID
            return
        node = _Node(tag, {name: value or "" for name, value in attrs}, self.getpos()[0])
        self.stack[-1].children.append(node)
        self.elements += 1
        if tag not in _VOID:
            self.stack.append(node)
            self.open[tag] += 1
        if tag in _PAGE_CONTENT and self.open["form"]:
            self._mark_forms()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.overflow:
            self.overflow -= 1
            return
        if not self.open[tag]:
            return  # `</div>` with no `<div>` open
        while True:
            node = self.stack.pop()
            self.open[node.tag] -= 1
            if node.tag == tag:
                return

    def handle_data(self, data: str) -> None:
        line = self.getpos()[0]
        text = data.lstrip()
        if self.closing and (self.unfinished or text.startswith("<")):
            self.unfinished = True  # `<!-- never closed ...`, `<p title="never closed>...`: a browser shows none of it
            return
        if text:
            line += data[: len(data) - len(text)].count("\n")
        self.stack[-1].children.append(_Text(data, line))

    def _mark_forms(self) -> None:
        """The open forms hold the article. Those around a form marked before were marked with it."""
        for node in reversed(self.stack):
            if node.tag == "form":
                if node.wraps_page:
                    return
                node.wraps_page = True

    def _close_implied(self, tag: str) -> None:
        while len(self.stack) > 1:
            top = self.stack[-1].tag
            if not ((top == "p" and tag in _BLOCKS) or tag in _CLOSED_BY.get(top, ())):
                return
            self.stack.pop()
            self.open[top] -= 1


def _elements(node: _Node, skip: frozenset[str] = frozenset()) -> Iterator[_Node]:
    """`node` and every element under it, in document order, without recursion; not what is
    under the elements named in `skip`."""
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if item.tag not in skip:
            stack.extend(child for child in reversed(item.children) if isinstance(child, _Node))


def _raw_text(node: _Node) -> str:
    parts: list[str] = []
    stack: list[_Node | _Text] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, _Text):
            parts.append(item.text)
        else:
            stack.extend(reversed(item.children))
    return "".join(parts)


def _is_hidden(node: _Node) -> bool:
    attrs = node.attrs
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden", "").strip().lower() == "true"
        or bool(_HIDDEN_STYLE.search(attrs.get("style", "")))
        or (node.tag == "input" and attrs.get("type", "").lower() == "hidden")
    )


@dataclass(frozen=True)
class _Found:
    """One value the page states: the words, where (`HTML meta og:title`), and its line."""

    value: str
    where: str
    line: int


@dataclass
class _Scan:
    """What reading a page gives before the registry is asked anything (see `_scan`)."""

    blocks: list[tuple[int, str, int]] = field(default_factory=list)  # (gap before: 1 line, 2 paragraph; text; line)
    headline: _Found | None = None  # the content's first h1, left out of `blocks`
    metas: dict[str, list[_Found]] = field(default_factory=dict)  # meta name/property/itemprop -> values
    canonical: _Found | None = None
    page_title: _Found | None = None
    header_time: _Found | None = None
    ld: dict[str, list[_Found]] = field(default_factory=dict)  # JSON-LD datePublished, publisher.name, author.name
    notes: list[tuple[str, int | None, str]] = field(default_factory=list)  # (message, line, severity)


@lru_cache(maxsize=2)  # the loader reads a page's problems, then extracts it: one parse for both
def _scan(text: str) -> _Scan:
    scan = _Scan()
    builder = _TreeBuilder()
    try:
        builder.feed(text)
        builder.closing = True
        builder.close()
    except Exception as error:  # the standard tokenizer gives up on some broken markup (`<![if`): keep what it read
        line = builder.getpos()[0]
        scan.notes.append(
            (f"the page's markup cannot be read past line {line} ({error}); read up to it", line, "warning")
        )
    root = builder.root
    _read_metadata(root, scan)
    content = _content_root(root)
    _write_text(content, content.tag in ("#document", "body", "html"), scan)
    return scan


def _read_metadata(root: _Node, scan: _Scan) -> None:
    for node in _elements(root, skip=frozenset({"svg", "math"})):  # an icon's <title> is no page's
        attrs = node.attrs
        if node.tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
            value = fold(attrs.get("content", ""))
            if key and value:
                scan.metas.setdefault(key.strip().lower(), []).append(
                    _Found(value, f"HTML meta {key.strip()}", node.line)
                )
        elif node.tag == "link" and "canonical" in attrs.get("rel", "").lower().split() and scan.canonical is None:
            if attrs.get("href", "").strip():
                scan.canonical = _Found(attrs["href"].strip(), "HTML link rel=canonical", node.line)
        elif node.tag == "title" and scan.page_title is None:
            title = fold(_raw_text(node))
            if title:
                scan.page_title = _Found(title, "HTML <title>", node.line)
        elif node.tag == "script" and attrs.get("type", "").strip().lower() == "application/ld+json":
            _read_json_ld(_raw_text(node), node.line, scan)


def _read_json_ld(raw: str, line: int, scan: _Scan) -> None:
    """The article's datePublished, publisher and authors in a JSON-LD block, read as data only."""
    if len(raw) > MAX_JSON_LD:
        scan.notes.append((f"a JSON-LD block over {MAX_JSON_LD // 1024} KB; ignored", line, "note"))
        return
    try:
        data = json.loads(raw.strip().removeprefix("<!--").removesuffix("-->"))
    except (ValueError, RecursionError) as error:
        why = "nested too deeply" if isinstance(error, RecursionError) else str(error).split(":")[0]
        scan.notes.append((f"a JSON-LD block is not valid JSON ({why}); ignored", line, "note"))
        return
    objects = _json_objects(data)
    by_id: dict[str, dict[str, Any]] = {}
    for item in objects:  # an object described in full, not a reference to one (`{"@id": ...}` alone)
        if isinstance(item.get("@id"), str) and len(item) > 1:
            by_id.setdefault(item["@id"], item)
    article = next((o for o in objects if any(_ARTICLE_TYPES.search(t) for t in _types(o))), None)
    article = article or next((o for o in objects if "datePublished" in o), None)
    if article is None:
        return
    published = article.get("datePublished")
    if isinstance(published, str) and published.strip():
        scan.ld.setdefault("date", []).append(_Found(fold(published), "HTML JSON-LD datePublished", line))
    for key, where in (("publisher", "publisher.name"), ("author", "author.name")):
        names = [name for item in _listed(article.get(key)) if (name := _ld_name(item, by_id))]
        if names:
            scan.ld[key] = [_Found(", ".join(dict.fromkeys(names)), f"HTML JSON-LD {where}", line)]


def _json_objects(data: Any, most: int = 10_000) -> list[dict[str, Any]]:
    """Every JSON object in `data` (a `@graph` too), without recursion, at most `most`."""
    found: list[dict[str, Any]] = []
    stack = [data]
    while stack and len(found) < most:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(reversed([v for v in item.values() if isinstance(v, dict | list)]))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


def _types(item: dict[str, Any]) -> list[str]:
    return [t for t in _listed(item.get("@type")) if isinstance(t, str)]


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _ld_name(item: Any, by_id: dict[str, dict[str, Any]]) -> str | None:
    """A person's or organisation's name: a string that is not a URL, or the `name` of an
    object (one given by `@id` only is looked up in the same block)."""
    if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
        item = by_id.get(item["@id"], item)
    if isinstance(item, dict):
        item = item.get("name")
    if isinstance(item, str) and fold(item) and not _URL_LIKE.match(item.strip()):
        return fold(item)
    return None


def _content_root(root: _Node) -> _Node:
    """Where the article is: the `<article>` holding the most prose (a related story's card is
    one too), else `<main>`, else the element marked `itemprop=articleBody`, else `<body>`.

    One holding less than `ARTICLE_SHARE` of the page's prose is not the story (a teaser card
    beside a story set in `<div>`s). Prose is the text of `<p>`s, which menus and lists of
    links have none of; a page with no `<p>` is measured by all its text."""
    body = next((n for n in _elements(root) if n.tag == "body"), root)
    measure = _prose_size if _prose_size(body) else _text_size
    whole = measure(body)
    articles: list[_Node] = []
    mains: list[_Node] = []
    bodies: list[_Node] = []
    stack = [body]
    while stack:
        node = stack.pop()
        if node is not body and _left_out(node, around=True):
            continue
        if node.tag == "article":
            articles.append(node)
        elif node.tag == "main":
            mains.append(node)
        elif node.attrs.get("itemprop", "").lower() == "articlebody":
            bodies.append(node)
        stack.extend(child for child in reversed(node.children) if isinstance(child, _Node))
    for group in (articles, mains, bodies):
        sized = [(measure(node), node) for node in group]
        best = max(sized, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] and best[0] >= whole * ARTICLE_SHARE:
            return best[1]
    return body


def _text_size(node: _Node) -> int:
    size = 0
    stack: list[_Node | _Text] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, _Text):
            size += len(item.text.strip())
        elif item is node or not _left_out(item, around=False):
            stack.extend(item.children)
    return size


def _prose_size(node: _Node) -> int:
    """The characters of text in the `<p>`s under `node` (or in `node`, a `<p>`)."""
    size = 0
    stack: list[tuple[_Node | _Text, bool]] = [(node, node.tag == "p")]
    while stack:
        item, in_p = stack.pop()
        if isinstance(item, _Text):
            size += len(item.text.strip()) if in_p else 0
        elif item is node or not _left_out(item, around=False):
            stack.extend((child, in_p or item.tag == "p") for child in item.children)
    return size


def _left_out(node: _Node, around: bool) -> bool:
    """Whether `node` is no part of the article's text; `around`: the page's frame is there too
    (the content is the whole body), so its header, footer and sidebars are left out."""
    if node.wraps_page:
        return False
    return node.tag in _DROPPED or (around and node.tag in _PAGE_FRAME) or _is_hidden(node)


class _Writer:
    """Text pieces in, lines out: a block ends a paragraph, `<br>` a line; whitespace folded."""

    def __init__(self) -> None:
        self.blocks: list[tuple[int, str, int]] = []
        self.pieces: list[str] = []
        self.line: int | None = None  # the page's line of the current line's first words
        self.gap = 0

    def text(self, text: str, line: int) -> None:
        self.pieces.append(text)
        if self.line is None and text.strip():
            self.line = line

    def end(self, gap: int) -> None:
        words = fold("".join(self.pieces))
        if words and self.line is not None:
            self.blocks.append((self.gap, words, self.line))
            self.gap = 0
        elif gap == 1 and self.gap == 1:
            gap = 2  # an empty line (`<br><br>`, a blank line in `<pre>`) ends a paragraph
        self.pieces, self.line = [], None
        self.gap = max(self.gap, gap)


def _write_text(content: _Node, around: bool, scan: _Scan) -> None:
    """The content's text as blocks; its first h1 (the headline) and a `<time>` above the text are kept aside."""
    out = _Writer()
    size = _text_size(content)
    stack: list[_Node | _Text | tuple[_Node]] = [content]  # a 1-tuple: leaving that element
    in_pre = int(not any(isinstance(child, _Node) for child in content.children))  # no tag at all: lines are lines
    in_header = 0
    while stack:
        item = stack.pop()
        if isinstance(item, _Text):
            if in_pre and "\n" in item.text:
                first, *rest = item.text.split("\n")
                out.text(first, item.line)
                for number, part in enumerate(rest, 1):
                    out.end(1)
                    out.text(part, item.line + number)
            else:
                out.text(item.text, item.line)
            continue
        if isinstance(item, tuple):
            node = item[0]
            in_pre -= node.tag == "pre"
            in_header -= node.tag == "header"
            if node.tag in _BLOCKS:
                out.end(2)
            continue
        node = item
        if node is not content and (_left_out(node, around) or _named_furniture(node, size)):
            continue
        if node.tag == "br":
            out.end(1)
            continue
        if node.tag == "h1" and scan.headline is None:
            headline = fold(_raw_text(node))
            if headline:
                scan.headline = _Found(headline, "HTML h1", node.line)
                out.end(2)
                continue
        if node.tag == "time" and scan.header_time is None and (in_header or not out.blocks):
            _note_time(node, scan)
        if node.tag in _CELLS:
            out.text(" ", node.line)
        if node.tag in _BLOCKS:
            out.end(2)
        in_pre += node.tag == "pre"
        in_header += node.tag == "header"
        stack.append((node,))
        stack.extend(reversed(node.children))
    out.end(2)
    scan.blocks = out.blocks


def _named_furniture(node: _Node, content_size: int) -> bool:
    named = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".lower()
    if not _FURNITURE_NAMES.intersection(_NAME_WORDS.findall(named)):
        return False
    return _text_size(node) < content_size * FURNITURE_SHARE


def _note_time(node: _Node, scan: _Scan) -> None:
    """A `<time datetime>` in the article's header (or above its text) dates it, unless it says
    it is when the article was modified."""
    stamp = fold(node.attrs.get("datetime", ""))
    said = " ".join((node.attrs.get("class", ""), node.attrs.get("itemprop", "")))
    if stamp and not _MODIFIED.search(said):
        scan.header_time = _Found(stamp, "HTML <time datetime>", node.line)


@dataclass(frozen=True)
class PageMeta(FrontMatter):
    """A page's metadata, applied to its record as front matter is (see `FrontMatter.apply`).
    `written` holds where each field came from (`HTML meta og:site_name`), `said` the page's
    words for it, `notes` what was done to them."""

    said: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def evidence(self, key: str, text: Any) -> Evidence:
        said = self.said.get(key, text)
        return Evidence(f"{self.written[key]}: {said}", "html-meta", 1.0, self.lines.get(key), self.notes.get(key))


@dataclass(frozen=True)
class Page:
    """A page read: the text for the extractor, its metadata, and what reading it found wrong."""

    text: str
    meta: PageMeta | None
    problems: tuple[Problem, ...]  # each naming the page (and its line)
    lines: tuple[int | None, ...]  # the page's line of each line of `text`
    empty: str | None = None  # why the page gives no article, when it gives none


def read_page(text: str, path: str, registry: Registry) -> Page:
    """The page `text` read from `path`. Never raises."""
    try:
        return _read_page(text, path, registry)
    except Exception as error:  # a page the rules cannot take must not stop the build
        why = f"the page cannot be read ({type(error).__name__}: {error}); skipped"
        return Page("", None, (), (), why)


def page_problems(path: str, text: str, registry: Registry) -> tuple[Problem, ...]:
    """What reading the page `path` dropped or passed over; the article itself is kept."""
    return read_page(text, path, registry).problems


def _read_page(text: str, path: str, registry: Registry) -> Page:
    scan = _scan(text)
    problems = [Problem(path, message, line, severity) for message, line, severity in scan.notes]  # type: ignore[arg-type]
    fields: dict[str, Any] = {}
    lines: dict[str, int] = {}
    written: dict[str, str] = {}
    said: dict[str, str] = {}
    notes: dict[str, str] = {}

    def take(key: str, value: str, found: _Found, note: str | None = None) -> None:
        fields[key], lines[key], written[key], said[key] = value, found.line, found.where, found.value
        if note:
            notes[key] = note

    url = _page_url(scan)
    publisher = _first(scan.metas.get("og:site_name"), scan.ld.get("publisher"))
    if publisher is not None:
        take("source", known_outlet(publisher.value, registry) or publisher.value, publisher)
    site = publisher.value if publisher else None
    title = _title(scan, site, url.value if url else None, registry)
    if title is not None:
        take("title", *title)
    date = _date(scan, path, problems)
    if date is not None:
        found, stated = date
        take("date", found.value, stated, None if found.words == stated.value else f"date read from {found.words!r}")
    author = _author(scan)
    if author is not None:
        take("author", author.value, author)

    head: list[tuple[str, int | None]] = []
    if url is not None:
        head.append((f"URL: {url.value}", url.line))
    if title is not None:
        head.append((title[0], title[1].line))
    body = _body_lines(scan.blocks)
    if not any(words for words, _ in body):
        empty = "an HTML page with no article text (only markup, scripts, menus or hidden parts); skipped"
        return Page("", None, tuple(problems), (), empty)
    if head:
        head.append(("", None))
    every = head + body
    meta = PageMeta(fields, lines, (), written, said, notes) if fields else None
    return Page("\n".join(words for words, _ in every) + "\n", meta, tuple(problems), tuple(n for _, n in every))


def _body_lines(blocks: list[tuple[int, str, int]]) -> list[tuple[str, int | None]]:
    lines: list[tuple[str, int | None]] = []
    for gap, words, line in blocks:
        if lines and gap >= 2:
            lines.append(("", None))
        lines.append((words, line))
    return lines


def _first(*groups: list[_Found] | None) -> _Found | None:
    return next((group[0] for group in groups if group), None)


def _page_url(scan: _Scan) -> _Found | None:
    """The page's own address: its canonical link, else `og:url`; only a web address (a
    relative one read against the other), never `javascript:` or a file path."""
    og = _first(scan.metas.get("og:url"))
    for found in (scan.canonical, og):
        if found is None:
            continue
        try:
            address = found.value if og is None or found is og else urljoin(og.value, found.value)
            parts = urlsplit(address.replace(" ", "%20"))
        except ValueError:
            continue
        address = parts.geturl()
        if parts.scheme.lower() in ("http", "https") and parts.hostname and not re.search(r"\s", address):
            return _Found(address, found.where, found.line)
    return None


def _title(scan: _Scan, site: str | None, url: str | None, registry: Registry) -> tuple[str, _Found, str | None] | None:
    """(title, where it came from, a note): `og:title`, the content's h1, or the page's
    `<title>`; a trailing ` | Site` that is the site's name is left out of `og:title` and `<title>`."""
    for found in (_first(scan.metas.get("og:title")), scan.headline, scan.page_title):
        if found is None or len(found.value) > MAX_TITLE:
            continue
        title, cut = found.value, None
        if found is not scan.headline:
            title, cut = _without_site(found.value, site, url, registry)
        if title:
            return title, found, f"{cut!r} left out: the site's name" if cut else None
    return None


def _without_site(title: str, site: str | None, url: str | None, registry: Registry) -> tuple[str, str | None]:
    """`CSTO drills open | Sputnik` -> (`CSTO drills open`, ` | Sputnik`) when `Sputnik` is
    the site: its `og:site_name`, an outlet the registry knows, or the page's domain."""
    separators = list(_SEPARATOR.finditer(title))
    last = separators[-1] if separators else None
    if last is None or last.start() == 0:
        return title, None
    part = comparable(title[last.end() :])
    host = comparable((urlsplit(url).hostname or "").removeprefix("www.")) if url else ""
    is_site = bool(part) and (
        (site is not None and part == comparable(site))
        or known_outlet(title[last.end() :], registry) is not None
        or (bool(host) and (host == part or host.startswith(part + " ") or host.endswith(" " + part)))
    )
    return (title[: last.start()].strip(), title[last.start() :]) if is_site else (title, None)


_DATE_SOURCES = ("article:published_time", "og:article:published_time", "datepublished")
_NAMED_DATES = ("date", "pubdate", "dc.date", "dc.date.issued", "dcterms.date")


def _date(scan: _Scan, path: str, problems: list[Problem]) -> tuple[FoundDate, _Found] | None:
    """The first date the page's metadata states that reads as one; each that does not, met
    before it, is dropped with a warning, never guessed at."""
    candidates = [
        *(scan.metas.get(_DATE_SOURCES[0]) or scan.metas.get(_DATE_SOURCES[1]) or [])[:1],
        *(scan.ld.get("date") or [])[:1],
        *(scan.metas.get(_DATE_SOURCES[2]) or [])[:1],
        *(found for key in _NAMED_DATES for found in (scan.metas.get(key) or [])[:1]),
        *([scan.header_time] if scan.header_time else []),
    ]
    for found in candidates:
        date = page_date(found.value)
        if date is not None:
            return date, found
        problems.append(Problem(path, f"{found.where}: {found.value!r} is not a date we read; ignored", found.line))
    return None


def page_date(value: str) -> FoundDate | None:
    """A date as pages state them: ISO 8601 (`2024-02-23T10:15:00+03:00`, the day as the page
    dates it, in its own time zone), or a date written as front matter may write one."""
    from .article import parse_front_date

    text = value.strip()
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        try:
            day = dt.date.fromisoformat(iso["date"])
        except ValueError:
            return None
        return FoundDate(day.isoformat(), "day", iso["date"])
    if re.fullmatch(r"\d{9,}", text):
        return None  # a Unix time stamp, not a date we read
    return parse_front_date(text)


def _author(scan: _Scan) -> _Found | None:
    """`<meta name=author>`, `article:author` when it is a name rather than a profile's URL,
    or the JSON-LD author's name; several authors joined with ", "."""
    for key in ("author", "article:author"):
        named = [found for found in scan.metas.get(key) or [] if not _URL_LIKE.match(found.value)]
        if named:
            names = ", ".join(dict.fromkeys(found.value for found in named))
            return _Found(names, named[0].where, named[0].line)
    return _first(scan.ld.get("author"))


def relined(article: Article, lines: tuple[int | None, ...]) -> Article:
    """The record with the line of each piece of evidence read from the text moved to the
    page's line it came from (what the article page shows); the metadata's have theirs."""

    def moved(value: Any) -> Any:
        if isinstance(value, Evidence):
            if value.rule == "html-meta" or value.line is None:
                return value
            line = lines[value.line - 1] if 0 < value.line <= len(lines) else None
            return dataclasses.replace(value, line=line)
        if isinstance(value, tuple):
            return tuple(moved(item) for item in value)
        if dataclasses.is_dataclass(value) and hasattr(value, "evidence"):
            return dataclasses.replace(value, evidence=moved(value.evidence))  # type: ignore[call-arg]
        return value

    changes = {f.name: moved(getattr(article, f.name)) for f in dataclasses.fields(article) if f.init}
    return dataclasses.replace(article, **changes)
