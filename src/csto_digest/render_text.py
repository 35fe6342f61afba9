"""Article text as safe HTML: paragraphs with quotes marked in place, and Markdown.

Article text is untrusted. Everything here escapes the text first and only
then adds the few tags of our own (`<p>`, `<mark>`), so no word of an article
can become markup, script or template syntax. Markdown is rendered with raw
HTML switched off, links limited to web and mail schemes, and images shown as
their alt text (a picture from another site would be a request leaving ours).
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape
from rapidfuzz.distance import Indel

from .model import Quote

SAFE_SCHEMES = ("http://", "https://", "mailto:")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_SPACE = re.compile(r"\s+")


def safe_url(url: str | None) -> str | None:
    """Return `url` if it is an http(s) or mailto link, else None.

    Browsers ignore whitespace and control characters inside a scheme and decode
    entities in attributes, so `java&#115;cript:` or `java\\tscript:` are checked
    as the browser would read them.
    """
    if not url:
        return None
    plain = _CONTROL.sub("", html.unescape(url)).lower()
    return url.strip() if plain.startswith(SAFE_SCHEMES) else None


def quote_anchor(index: int) -> str:
    """The element id of an article's live quote number `index` (0-based)."""
    return f"q-{index + 1}"


@dataclass(frozen=True)
class _Span:
    """Part of one quote inside one paragraph: [start, end) in that paragraph."""

    paragraph: int
    start: int
    end: int
    quote: int  # index among the article's live quotes
    first: bool  # the span that carries the quote's anchor


_OTHER_SPACE = re.compile(r"[^\S ]")


def _fold(text: str) -> tuple[str, list[int]]:
    """Fold whitespace runs to one space; keep where each folded char came from."""
    if "  " not in text and not _OTHER_SPACE.search(text):
        return text, list(range(len(text)))  # the loader's paragraphs are folded already
    out: list[str] = []
    where: list[int] = []
    previous_space = False
    for i, char in enumerate(text):
        if char.isspace():
            if previous_space:
                continue
            out.append(" ")
            previous_space = True
        else:
            out.append(char)
            previous_space = False
        where.append(i)
    return "".join(out), where


def _locate(body: tuple[str, ...], quote: Quote, index: int) -> list[_Span]:
    """Find a quote in its paragraph, or running on across the next ones.

    The loader gives the quote's text as a whitespace-folded span of the text
    and the paragraph it starts in; a quote of several paragraphs is matched
    against those paragraphs joined by one space. Returns no spans when the
    words are not there (a user's correction may have changed them).
    """
    needle = _SPACE.sub(" ", quote.text).strip()
    if not needle or not 0 <= quote.paragraph < len(body):
        return []
    folded: list[tuple[str, list[int]]] = []
    joined = ""
    for number in range(quote.paragraph, len(body)):
        folded.append(_fold(body[number]))
        joined = " ".join(text for text, _ in folded)
        at = joined.find(needle)
        if at != -1 and at < len(folded[0][0]):
            return _split(folded, quote.paragraph, at, at + len(needle), index)
        if len(joined) > len(needle) + len(folded[0][0]) + 1:
            break
    return []


def _split(folded: list[tuple[str, list[int]]], first: int, start: int, end: int, index: int) -> list[_Span]:
    """Cut a match in the joined, folded text back into per-paragraph spans."""
    spans: list[_Span] = []
    offset = 0
    for number, (text, where) in enumerate(folded):
        lo, hi = max(start, offset), min(end, offset + len(text))
        if lo < hi:
            spans.append(_Span(first + number, where[lo - offset], where[hi - offset - 1] + 1, index, not spans))
        offset += len(text) + 1
    return spans


def body_html(body: tuple[str, ...], quotes: tuple[Quote, ...]) -> tuple[list[Markup], frozenset[int]]:
    """Paragraphs as escaped HTML with each live quote in a `<mark>`.

    Returns the paragraphs and the indexes of the quotes that were found in the
    text (the page lists the others separately so that their anchors exist).
    """
    by_paragraph: dict[int, list[_Span]] = {}
    for index, quote in enumerate(quotes):
        for span in _locate(body, quote, index):
            by_paragraph.setdefault(span.paragraph, []).append(span)
    placed: set[int] = set()
    paragraphs = []
    for number, text in enumerate(body):
        spans = sorted(by_paragraph.get(number, []), key=lambda s: (s.start, -s.end))
        paragraphs.append(_mark(text, spans, placed))
    return paragraphs, frozenset(placed)


def _mark(text: str, spans: list[_Span], placed: set[int]) -> Markup:
    """Escape one paragraph, wrapping each non-overlapping span in a mark."""
    parts: list[str] = []
    cursor = 0
    for span in spans:
        if span.start < cursor or (span.first and span.quote in placed):
            continue  # overlaps a quote already marked: keep the first
        parts.append(escape(text[cursor : span.start]))
        anchor = f' id="{quote_anchor(span.quote)}"' if span.first else ""
        parts.append(Markup(f'<mark class="quote"{anchor}>') + escape(text[span.start : span.end]) + Markup("</mark>"))
        cursor = span.end
        if span.first:
            placed.add(span.quote)
    parts.append(escape(text[cursor:]))
    return Markup("").join(parts)


class _SafeLinks(Treeprocessor):
    """Keep only web and mail links; show images as their alt text."""

    def run(self, root: ET.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "img":
                    _image_to_text(parent, child)
                elif child.tag == "a":
                    _neutralise_link(child)


def _image_to_text(parent: ET.Element, image: ET.Element) -> None:
    alt = image.get("alt") or "image"
    image.tag = "span"
    image.attrib.clear()
    image.set("class", "md-image")
    image.text = f"[image: {alt}]"


def _neutralise_link(link: ET.Element) -> None:
    href = safe_url(link.get("href"))
    title = link.get("title")
    link.attrib.clear()
    if href is None:
        link.tag = "span"
        return
    link.set("href", href)
    link.set("rel", "nofollow noopener noreferrer")
    if title:
        link.set("title", title)


def markdown_html(source: str) -> Markup:
    """Render untrusted Markdown: raw HTML comes out as text, links are checked."""
    md = markdown.Markdown(extensions=[], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeLinks(md), "csto_safe_links", 0)
    # Heading levels shift down one: the page's title is its only h1.
    rendered = md.convert(source)
    return Markup(re.sub(r"<(/?)h([1-5])>", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}>", rendered))


def mark_in_html(rendered: Markup, quotes: tuple[Quote, ...]) -> tuple[Markup, frozenset[int]]:
    """Mark quotes inside rendered Markdown where their words sit in one text run.

    Only text between tags is searched, so a mark never splits an element.
    """
    text = str(rendered)
    placed: set[int] = set()
    for index, quote in enumerate(quotes):
        needle = str(escape(_SPACE.sub(" ", quote.text).strip()))
        for candidate in (needle, needle.replace("&#34;", '"').replace("&#39;", "'")):
            at = _find_in_text_run(text, candidate) if candidate else -1
            if at != -1:
                anchor = quote_anchor(index)
                mark = f'<mark class="quote" id="{anchor}">{candidate}</mark>'
                text = text[:at] + mark + text[at + len(candidate) :]
                placed.add(index)
                break
    return Markup(text), frozenset(placed)


def _find_in_text_run(text: str, needle: str) -> int:
    start = 0
    while (at := text.find(needle, start)) != -1:
        tag_open = text.rfind("<", 0, at)
        tag_close = text.rfind(">", 0, at)
        inside_tag = tag_open > tag_close
        in_mark = text.rfind('<mark class="quote"', 0, at) > text.rfind("</mark>", 0, at)
        if not inside_tag and not in_mark:
            return at
        start = at + 1
    return -1


_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_EDGE_PUNCTUATION = "\"'.,;:!?()[]«»-…"


@functools.lru_cache(maxsize=256)
def _word_keys(text: str) -> tuple[str, ...]:
    """The words of `text` (`text.split()`) as compared: case, curly quotes and edge punctuation do
    not count as changes.

    The whole text is translated and case-folded at once, not word by word:
    neither turns a character into white space or back, so the words still
    line up with `text.split()`. Kept for the last texts seen, since every
    wording of a statement is compared with the same first one.
    """
    return tuple(word.strip(_EDGE_PUNCTUATION) for word in text.translate(_TYPOGRAPHY).casefold().split())


def diff_words(reference: str, wording: str) -> Markup:
    """A wording with the words that differ from the reference wording marked.

    Used to put the wordings of one statement side by side: what an outlet
    changed stands out without reading the two word by word. The words left
    unmarked are a longest common subsequence of the two (rapidfuzz's Indel
    alignment, in C++: `difflib` took half the time of the statement pages).
    """
    words = wording.split()
    numbers: dict[str, int] = {}  # words as numbers by first appearance: no salted hash decides the alignment
    ours = [numbers.setdefault(word, len(numbers)) for word in _word_keys(reference)]
    theirs = [numbers.setdefault(word, len(numbers)) for word in _word_keys(wording)]
    runs: list[tuple[bool, int, int]] = []  # (changed, start, end) over `words`, neighbours of a kind merged
    for op in Indel.opcodes(ours, theirs):
        if op.dest_start == op.dest_end:
            continue
        changed = op.tag != "equal"
        if runs and runs[-1][0] == changed:
            runs[-1] = (changed, runs[-1][1], op.dest_end)
        else:
            runs.append((changed, op.dest_start, op.dest_end))
    parts: list[Markup] = []
    for changed, start, end in runs:
        chunk = escape(" ".join(words[start:end]))
        if not chunk:
            continue
        parts.append(Markup('<mark class="diff">') + chunk + Markup("</mark>") if changed else chunk)
    return Markup(" ").join(parts)
