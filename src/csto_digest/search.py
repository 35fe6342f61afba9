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
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Article
from .render_index import SiteIndex

FIELD_TEXT, FIELD_QUOTE, FIELD_NAME, FIELD_TITLE = 0, 1, 2, 3
SNIPPET = 160  # characters of the article's opening shown under each result
DOCS_PER_SHARD = 2500
SHARD_BYTES = 400_000  # postings per index shard, roughly; one shard is one script to parse
_WORD = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Search terms of `text`: lower case, accents folded, letters and digits only."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [w for w in _WORD.findall(folded.lower()) if len(w) > 1 or w.isdigit()]


@dataclass(frozen=True)
class SearchIndex:
    """What the shards hold, before it is written out as scripts."""

    meta: dict[str, list[str]]
    docs: list[list[object]]
    postings: dict[str, list[int]]  # term -> sorted `doc * 4 + field`


def build_search_index(index: SiteIndex, article_path: dict[str, str]) -> SearchIndex:
    """Index every article: its title, text, quotes, speakers and outlet."""
    themes = [t.slug for t in index.themes]
    theme_no = {slug: n for n, slug in enumerate(themes)}
    outlets = [o.name for o in index.outlets]
    outlet_no = {name: n for n, name in enumerate(outlets)}
    speakers = [s.name for s in index.speakers]
    speaker_no = {name: n for n, name in enumerate(speakers)}
    docs: list[list[object]] = []
    best: dict[str, dict[int, int]] = {}
    for number, article in enumerate(index.articles):
        docs.append(
            [
                article.title,
                article_path[article.id],
                article.date or "",
                outlet_no[article.source.name] if article.source else -1,
                sorted(theme_no[t.slug] for t in article.themes if t.slug in theme_no),
                sorted({speaker_no[n] for n in _speaker_names(article) if n in speaker_no}),
                _snippet(article),
            ]
        )
        for field, text in _fields(article):
            for term in set(tokens(text)):
                fields = best.setdefault(term, {})
                if fields.get(number, -1) < field:
                    fields[number] = field
    postings = {term: sorted(doc * 4 + field for doc, field in fields.items()) for term, fields in best.items()}
    titles = {t.slug: t.title for t in index.themes}
    return SearchIndex(
        meta={"themes": themes, "themeTitles": [titles[s] for s in themes], "outlets": outlets, "speakers": speakers},
        docs=docs,
        postings=dict(sorted(postings.items())),
    )


def _speaker_names(article: Article) -> Iterable[str]:
    yield from (s.name for s in article.speakers)
    yield from (q.speaker for q in article.live_quotes if q.speaker)


def _fields(article: Article) -> Iterable[tuple[int, str]]:
    yield FIELD_TITLE, article.title
    for name in _speaker_names(article):
        yield FIELD_NAME, name
    if article.source:
        yield FIELD_NAME, article.source.name
    for outlet in article.cited_sources:
        yield FIELD_NAME, outlet.name
    for quote in article.live_quotes:
        yield FIELD_QUOTE, quote.text
    yield FIELD_TEXT, " ".join(article.body)


def _snippet(article: Article) -> str:
    text = " ".join(article.body[:3])
    if len(text) <= SNIPPET:
        return text
    return text[:SNIPPET].rsplit(" ", 1)[0] + "…"


def search_files(search: SearchIndex) -> dict[str, bytes]:
    """The shards as scripts, keyed by their path in the site; see `shard_paths`."""
    files = {"search/meta.js": _script({"meta": search.meta})}
    for n, start in enumerate(range(0, max(len(search.docs), 1), DOCS_PER_SHARD)):
        files[f"search/docs-{n:03d}.js"] = _script({"docs": search.docs[start : start + DOCS_PER_SHARD]})
    for n, shard in enumerate(_term_shards(search.postings)):
        files[f"search/index-{n:03d}.js"] = _script(shard)
    return files


def _term_shards(postings: dict[str, list[int]]) -> Iterable[dict[str, list[object]]]:
    """Terms in order, cut into shards of about `SHARD_BYTES`; at least one shard."""
    terms: list[str] = []
    lists: list[list[int]] = []
    size = 0
    for term, values in postings.items():
        gaps = [values[0], *(b - a for a, b in itertools.pairwise(values))]
        terms.append(term)
        lists.append(gaps)
        size += len(term) + 3 * len(gaps) + 4
        if size >= SHARD_BYTES:
            yield {"terms": terms, "postings": lists}
            terms, lists, size = [], [], 0
    if terms or not postings:
        yield {"terms": terms, "postings": lists}


def _script(value: object) -> bytes:
    """One shard: a call handing `value` to the page. `</` is escaped so no text can end the script."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"window.CSTO_SEARCH.add({body});\n".encode()


def shard_paths(files: dict[str, bytes]) -> list[str]:
    """The shard scripts in load order: meta, then documents, then terms."""
    return sorted(p for p in files if p.startswith("search/"))
