"""Machine-readable exports beside the pages: quotes, stories and statements as JSON, quotes as CSV.

`data/articles.json` holds the `inspect` records and `data/groups.json` the
groups; the rest is what an analyst wants in a spreadsheet or a notebook,
each row carrying the page (and quote anchor) it came from, relative to the
site root. Everything is sorted the way the pages are, so the bytes are the
same for the same input.

Each JSON file is its top level's items one a line, each item compact: Python's
JSON encoder is C only without `indent`, and an indented file of ten thousand
articles took seconds. A line per record also keeps a diff of two builds to the
records that changed. An article's record and its quote rows (JSON and CSV)
are kept in a `FragmentMemo` under the article's digest, and each story's and
statement's row under a digest of what it reads, so a rebuild after an edit
makes only the rows the edit touched again.

The CSV is for spreadsheets, which run a cell starting with `=`, `+`, `-`, `@`
or a tab as a formula; such cells get a leading `'` (OWASP's advice), the only
change made to the text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from .fragments import FragmentMemo, digest
from .model import Groups
from .render_index import QuoteRef, SiteIndex, StatementEntry, StoryEntry, coverage_mix

CSV_COLUMNS = ("quote", "speaker", "kind", "outlet", "date", "themes", "article_title", "article_id", "page")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # made once: `json.dumps` makes one a call


def export_files(index: SiteIndex, groups: Groups, memo: FragmentMemo | None = None) -> Iterator[tuple[str, bytes]]:
    """The data files, (path, bytes) one at a time; pieces found in `memo` are not made again, and it is saved
    (see `fragments`).

    Each file is joined only as it is asked for, and let go once the writer has it: the files weigh about
    7 KB per article together (68 MB at 10,000 articles), about half of it `data/articles.json`, so at most
    that half is held at once rather than the whole."""
    if memo is None:
        memo = FragmentMemo()
    digests = index.digests
    records = [
        memo.get(f"record {digests[a.id]}", lambda a=a: _line(a.to_json(entity_evidence=False)))
        for a in sorted(index.articles, key=lambda a: a.id)
    ]
    quotes = [
        memo.get(_quotes_key(index, refs, digests), lambda refs=refs: _quote_lines(index, refs))
        for refs in _runs(index)
    ]
    stories = [memo.get(_story_key(index, e, digests), lambda e=e: _line(story_row(index, e))) for e in index.stories]
    statements = [
        memo.get(_statement_key(index, e, digests), lambda e=e: _line(statement_row(index, e)))
        for e in index.statements
    ]
    memo.save()
    yield "data/articles.json", _lines(b"[", records, b"]")
    yield "data/groups.json", _json(groups.to_json())
    yield "data/quotes.json", _lines(b"[", [line for lines, _ in quotes for line in lines], b"]")
    yield "data/quotes.csv", b"".join([_csv_text([CSV_COLUMNS], bom=True), *(text for _, text in quotes)])
    yield "data/stories.json", _lines(b"[", stories, b"]")
    yield "data/statements.json", _lines(b"[", statements, b"]")


def _runs(index: SiteIndex) -> Iterable[list[QuoteRef]]:
    """`index.quotes` cut into runs of one article each, in order."""
    run: list[QuoteRef] = []
    for ref in index.quotes:
        if run and ref.article is not run[0].article:
            yield run
            run = []
        run.append(ref)
    if run:
        yield run


def _quotes_key(index: SiteIndex, refs: list[QuoteRef], digests: dict[str, str]) -> str:
    """What a run's rows are made of: the article, its page and which of its quotes."""
    article = refs[0].article
    numbers = ",".join(str(r.index) for r in refs)
    return f"quotes {digests[article.id]} {index.article_files[article.id]} {numbers}"


def _quote_lines(index: SiteIndex, refs: list[QuoteRef]) -> tuple[tuple[bytes, ...], bytes]:
    """A run's rows as JSON lines and as CSV text: made from what `_quotes_key` names, since a ref's quote is
    its article's live quote of its number (`build_index`)."""
    rows = quote_rows(index, refs)
    return tuple(_line(row) for row in rows), _csv_text(_csv_row(row) for row in rows)


def _page(index: SiteIndex, article_id: str) -> str:
    return f"articles/{index.article_files[article_id]}.html"


def quote_rows(index: SiteIndex, refs: Iterable[QuoteRef] | None = None) -> list[dict[str, Any]]:
    """Every live quote (or those of `refs`), newest article first, with the page anchor it stands at."""
    return [
        {
            "quote": ref.quote.text,
            "speaker": ref.speaker,
            "kind": ref.quote.kind,
            "outlet": ref.article.source.name if ref.article.source else None,
            "date": ref.article.date,
            "themes": [t.slug for t in ref.article.themes],
            "article_title": ref.article.title,
            "article_id": ref.article.id,
            "page": f"{_page(index, ref.article.id)}#{ref.anchor}",
        }
        for ref in (index.quotes if refs is None else refs)
    ]


def story_rows(index: SiteIndex) -> list[dict[str, Any]]:
    return [story_row(index, entry) for entry in index.stories]


def story_row(index: SiteIndex, entry: StoryEntry) -> dict[str, Any]:
    originals = [a for a in entry.articles if a.id not in entry.copies]
    return {
        "id": entry.story.id,
        "title": entry.title,
        "page": f"stories/{entry.file}.html",
        "reasons": list(entry.story.reasons),
        "outlets": sorted({a.source.name for a in originals if a.source}),
        "coverage": {m.label: dict(m.counts) for m in coverage_mix(originals, index)},
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "outlet": a.source.name if a.source else None,
                "date": a.date,
                "copy_of": entry.copies.get(a.id),
                "page": _page(index, a.id),
            }
            for a in entry.articles
        ],
    }


def _story_key(index: SiteIndex, entry: StoryEntry, digests: dict[str, str]) -> str:
    """What `story_row` reads: the story, its file, its articles and their pages, and its outlets' labels.

    Made of strings, numbers, lists and tuples only, whose `repr` says exactly what they hold (and is C)."""
    outlets = sorted({a.source.name for a in entry.articles if a.source})
    made_of = [
        entry.story.id,
        entry.story.reasons,
        sorted(entry.copies.items()),
        entry.file,
        [[digests[a.id], index.article_files[a.id]] for a in entry.articles],
        [[name, index.outlet_labels.get(name, ())] for name in outlets],
    ]
    return "story " + digest(repr(made_of))


def statement_rows(index: SiteIndex) -> list[dict[str, Any]]:
    return [statement_row(index, entry) for entry in index.statements]


def statement_row(index: SiteIndex, entry: StatementEntry) -> dict[str, Any]:
    return {
        "id": entry.statement.id,
        "speakers": list(entry.statement.speakers),
        "attributed_to_different_people": len(entry.statement.speakers) > 1,
        "similarity": entry.statement.similarity,
        "page": f"statements/index.html#{entry.anchor}",
        "wordings": [
            {
                "text": w.quote.text,
                "speaker": w.speaker,
                "outlet": w.article.source.name if w.article.source else None,
                "date": w.article.date,
                "article_id": w.article.id,
                "page": f"{_page(index, w.article.id)}#{w.anchor}",
            }
            for w in entry.wordings
        ],
    }


def _statement_key(index: SiteIndex, entry: StatementEntry, digests: dict[str, str]) -> str:
    """What `statement_row` reads: the statement, its anchor, and each wording's article, quote number and page.

    A wording's quote is its article's live quote of that number (`render_index._statements`)."""
    statement = entry.statement
    wordings = [[digests[w.article.id], w.index, index.article_files[w.article.id]] for w in entry.wordings]
    made_of = [statement.id, statement.speakers, statement.similarity, entry.anchor, wordings]
    return "statement " + digest(repr(made_of))


def _line(value: Any) -> bytes:
    """One item as one line of UTF-8: compact, by the C encoder (JSON escapes every line break in a string)."""
    return _ENCODER.encode(value).encode("utf-8")


def _lines(start: bytes, lines: list[bytes], end: bytes) -> bytes:
    """Lines joined as bytes: pieces from the memo are not decoded and encoded again."""
    if not lines:
        return start + end + b"\n"
    return b"".join([start, b"\n", b",\n".join(lines), b"\n", end, b"\n"])


def _json(value: list[Any] | dict[str, Any]) -> bytes:
    """`value` with each item of its top level on a line of its own."""
    if isinstance(value, dict):
        return _lines(b"{", [_line(k) + b":" + _line(v) for k, v in value.items()], b"}")
    return _lines(b"[", [_line(item) for item in value], b"]")


def _csv_text(rows: Iterable[Iterable[str]], bom: bool = False) -> bytes:
    """RFC 4180 CSV (CRLF line ends, quoted where needed) in UTF-8; the file starts with a BOM so spreadsheets
    read it as such."""
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def _csv_row(row: dict[str, Any]) -> list[str]:
    values = {**row, "themes": " ".join(row["themes"])}
    return [_cell(values[c]) for c in CSV_COLUMNS]


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
