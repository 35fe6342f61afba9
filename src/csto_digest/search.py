"""The full-text search index, as JavaScript files the search page loads with `<script src>`.

`fetch` is blocked when the site is opened from disk (file://), so the index
cannot be JSON fetched at run time. Instead every shard is a small script that
hands its part to `window.CSTO_SEARCH.add(...)` (defined in `static/search.js`):

- `search/meta.js`: the facet values (themes, outlets, speakers) once, by number.
- `search/docs-NNN.js`: the articles in site order (newest first), each
  `[title, path, date, outlet, [themes], [speakers], snippet]`, facets by number.
- `search/index-NNN.js`: sorted terms and their posting lists. A posting is
  `doc * 4 + field` (field 3 title, 2 speaker or outlet, 1 quote, 0 other text,
  the best one the term appears in), stored as gaps from the previous posting so
  most numbers are one or two digits.

Tokens are lower-cased letters and digits with accents folded, the same rule
as `tokens()` in `search.js`, so a query finds what the index holds.

Folding accents one character at a time took seconds at ten thousand
articles, so it is done once per distinct chunk of text between spaces (a word
with its punctuation). Each article's terms are kept with the previous build's
postings in a `SearchMemo`: a rebuild after an edit takes the edited article's
postings out, puts its new ones in, and writes out again only the terms that
changed. Either way the shards hold the same bytes as a build from nothing.
"""

from __future__ import annotations

import bisect
import itertools
import json
import operator
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import fragments
from .model import Article
from .render_index import SiteIndex

FIELD_TEXT, FIELD_QUOTE, FIELD_NAME, FIELD_TITLE = 0, 1, 2, 3
_FIELDS = (FIELD_TITLE, FIELD_NAME, FIELD_QUOTE, FIELD_TEXT)  # the lines of `doc_terms`, best field first
SNIPPET = 160  # characters of the article's opening shown under each result
DOCS_PER_SHARD = 2500
SHARD_BYTES = 400_000  # postings per index shard, roughly; one shard is one script to parse
PATCH_SHARE = 0.1  # past this share of documents changed or moved, the postings are made afresh
_WORD = re.compile(r"[^\W_]+")
_FOLDED_MAX = 1_000_000  # distinct chunks remembered, so a long-lived process stays bounded


def _chunk_terms(chunk: str) -> str:
    """The terms of a chunk of text without spaces, by the rule itself: NFKD, combining marks dropped, lower case."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", chunk) if not unicodedata.combining(c))
    return " ".join(w for w in _WORD.findall(folded.lower()) if len(w) > 1 or w.isdigit())


class _Folded(dict[str, str]):
    """Each chunk of text between spaces, to its terms joined by spaces.

    Spaces end a word before and after folding, and no fold or case rule looks
    across one, so the terms of a text are its chunks' terms in order."""

    def __missing__(self, chunk: str) -> str:
        terms = _chunk_terms(chunk)
        if len(self) >= _FOLDED_MAX:
            self.clear()
        self[chunk] = terms
        return terms


_FOLDED = _Folded()


def tokens(text: str) -> list[str]:
    """Search terms of `text`: lower case, accents folded, letters and digits only."""
    return " ".join(map(_FOLDED.__getitem__, text.split())).split()


def doc_terms(texts: Sequence[Sequence[str]]) -> str:
    """An article's terms by the best field each is in: four lines (title, name, quote, text), sorted terms.

    `texts` are the article's texts by field number (see `_texts`)."""
    seen: set[str] = set()
    lines = []
    for number in _FIELDS:
        terms = set(tokens(" ".join(texts[number]))) - seen
        seen |= terms
        lines.append(" ".join(sorted(terms)))
    return "\n".join(lines)


def _texts(article: Article, names: list[str]) -> list[list[str]]:
    """What an article is searched by, by field number: text, quotes, names (speakers, outlets), title."""
    outlets = [o.name for o in (article.source, *article.cited_sources) if o]
    return [list(article.body), [q.text for q in article.quotes if not q.struck], names + outlets, [article.title]]


def _doc_key(article: Article, texts: list[list[str]]) -> str:
    """What `doc_terms` reads, digested; the article's `token` (a digest of all of it) when the loader gives one."""
    return getattr(article, "token", None) or fragments.digest(*(str(len(f)) for f in texts), *itertools.chain(*texts))


def _postings_of(terms: str, doc: int) -> Iterable[tuple[str, int]]:
    for number, line in zip(_FIELDS, terms.split("\n"), strict=True):
        value = doc * 4 + number
        for term in line.split():
            yield term, value


@dataclass(frozen=True)
class SearchIndex:
    """What the shards hold, before it is written out as scripts."""

    meta: dict[str, list[str]]
    docs: list[list[object]]
    postings: dict[str, list[int]]  # term -> sorted `doc * 4 + field`, terms in order
    gaps: dict[str, str] = field(default_factory=dict)  # term -> its postings as JSON gaps, where already made


class SearchMemo:
    """The previous build's documents (key and terms, in order), postings and their JSON, kept in `file`."""

    def __init__(self, file: Path | None = None, fresh: bool = False):
        """`fresh` (a `--clean` build): reuse nothing, but save this build's for the next."""
        self.file = file
        found = None if fresh else fragments.load(file)
        self.previous: dict[str, Any] = found if isinstance(found, dict) and found.get("version") == 1 else {}
        self.current: dict[str, Any] | None = None

    def save(self) -> None:
        if self.current is not None and self.current["keys"] != self.previous.get("keys"):
            fragments.save(self.file, self.current)


def build_search_index(index: SiteIndex, article_path: dict[str, str], memo: SearchMemo | None = None) -> SearchIndex:
    """Index every article: its title, text, quotes, speakers and outlet."""
    themes = [t.slug for t in index.themes]
    theme_no = {slug: n for n, slug in enumerate(themes)}
    outlets = [o.name for o in index.outlets]
    outlet_no = {name: n for n, name in enumerate(outlets)}
    speakers = [s.name for s in index.speakers]
    speaker_no = {name: n for n, name in enumerate(speakers)}
    memo = memo or SearchMemo()
    known = dict(zip(memo.previous.get("keys", ()), memo.previous.get("terms", ()), strict=True))
    docs: list[list[object]] = []
    keys: list[str] = []
    terms: list[str] = []
    for article in index.articles:
        names = [s.name for s in article.speakers] + [q.speaker for q in article.quotes if q.speaker and not q.struck]
        docs.append(
            [
                article.title,
                article_path[article.id],
                article.date or "",
                outlet_no[article.source.name] if article.source else -1,
                sorted(theme_no[t.slug] for t in article.themes if t.slug in theme_no),
                sorted({speaker_no[n] for n in names if n in speaker_no}),
                _snippet(article),
            ]
        )
        # With a token the key needs no texts: they are gathered only for terms not kept (most are).
        texts = [] if getattr(article, "token", None) else _texts(article, names)
        keys.append(_doc_key(article, texts))
        terms.append(known.get(keys[-1]) or doc_terms(texts or _texts(article, names)))
    postings, gaps = _patched(memo.previous, keys, terms) or _postings(terms)
    memo.current = {"version": 1, "keys": keys, "terms": terms, "postings": postings, "gaps": gaps}
    titles = {t.slug: t.title for t in index.themes}
    return SearchIndex(
        meta={"themes": themes, "themeTitles": [titles[s] for s in themes], "outlets": outlets, "speakers": speakers},
        docs=docs,
        postings=postings,
        gaps=gaps,
    )


def _postings(terms: Sequence[str]) -> tuple[dict[str, list[int]], dict[str, str]]:
    """Postings made afresh: documents in order, so each list comes out sorted; terms then sorted."""
    found: defaultdict[str, list[int]] = defaultdict(list)
    for doc, text in enumerate(terms):
        for number, line in zip(_FIELDS, text.split("\n"), strict=True):
            value = doc * 4 + number
            for term in line.split():  # the hot loop of a build from nothing: a posting per term and article
                found[term].append(value)
    postings = dict(sorted(found.items()))
    return postings, {term: _gaps(values) for term, values in postings.items()}


def _patched(
    previous: dict[str, Any], keys: list[str], terms: list[str]
) -> tuple[dict[str, list[int]], dict[str, str]] | None:
    """The previous postings with the changed documents' taken out and put in again, or `None` when too many changed.

    A document is changed when the one at its place differs; one moved (a new
    date, an article added) shifts every number after it, so it is made afresh.
    The previous build's lists are taken over and changed in place."""
    if "keys" not in previous or len(previous["keys"]) != len(keys):
        return None
    changed = [doc for doc, (old, new) in enumerate(zip(previous["keys"], keys, strict=True)) if old != new]
    if len(changed) > max(1, PATCH_SHARE * len(keys)):
        return None
    postings: dict[str, list[int]] = previous["postings"]
    gaps: dict[str, str] = previous["gaps"]
    touched: set[str] = set()
    for doc in changed:
        for term, value in _postings_of(previous["terms"][doc], doc):
            values = postings.get(term, [])
            at = bisect.bisect_left(values, value)
            if at == len(values) or values[at] != value:
                return None  # a memo that does not hold what it says: make the postings afresh
            del values[at]
            touched.add(term)
        for term, value in _postings_of(terms[doc], doc):
            bisect.insort(postings.setdefault(term, []), value)
            touched.add(term)
    reordered = False
    for term in touched:
        if postings[term]:
            reordered = reordered or term not in gaps
            gaps[term] = _gaps(postings[term])
        else:
            del postings[term], gaps[term]
    if not reordered:  # no new term: the previous order holds
        return postings, gaps
    order = sorted(postings)
    return {term: postings[term] for term in order}, {term: gaps[term] for term in order}


def _gaps(values: list[int]) -> str:
    """A sorted posting list as JSON, each number the gap from the one before (most are one or two digits)."""
    return "[" + ",".join(map(str, [values[0], *map(operator.sub, values[1:], values)])) + "]"


def _snippet(article: Article) -> str:
    text = " ".join(article.body[:3])
    if len(text) <= SNIPPET:
        return text
    return text[:SNIPPET].rsplit(" ", 1)[0] + "…"


def search_files(search: SearchIndex) -> dict[str, bytes]:
    """The shards as scripts, keyed by their path in the site; see `shard_paths`."""
    files = {"search/meta.js": _script(_json({"meta": search.meta}))}
    for n, start in enumerate(range(0, max(len(search.docs), 1), DOCS_PER_SHARD)):
        files[f"search/docs-{n:03d}.js"] = _script(_json({"docs": search.docs[start : start + DOCS_PER_SHARD]}))
    for n, (terms, lists) in enumerate(_term_shards(search)):
        files[f"search/index-{n:03d}.js"] = _script(f'{{"terms":{_json(terms)},"postings":[{",".join(lists)}]}}')
    return files


def _term_shards(search: SearchIndex) -> Iterable[tuple[list[str], list[str]]]:
    """Terms in order with their postings as JSON, cut into shards of about `SHARD_BYTES`; at least one shard."""
    terms: list[str] = []
    lists: list[str] = []
    size = 0
    for term, values in search.postings.items():
        terms.append(term)
        lists.append(search.gaps.get(term) or _gaps(values))
        size += len(term) + 3 * len(values) + 4
        if size >= SHARD_BYTES:
            yield terms, lists
            terms, lists, size = [], [], 0
    if terms or not search.postings:
        yield terms, lists


def _json(value: object) -> str:
    """Compact JSON that is also safe inside a script: `</` cannot end it, U+2028 and U+2029 are escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _script(body: str) -> bytes:
    """One shard: a call handing `body` (JSON) to the page."""
    return f"window.CSTO_SEARCH.add({body});\n".encode()


def shard_paths(files: dict[str, bytes]) -> list[str]:
    """The shard scripts in load order: meta, then documents, then terms."""
    return sorted(p for p in files if p.startswith("search/"))
