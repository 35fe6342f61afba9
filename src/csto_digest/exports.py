"""Machine-readable exports beside the pages: quotes, stories and statements as JSON, quotes as CSV.

`data/articles.json` holds the `inspect` records and `data/groups.json` the
groups; the rest is what an analyst wants in a spreadsheet or a notebook,
each row carrying the page (and quote anchor) it came from, relative to the
site root. Everything is sorted the way the pages are, so the bytes are the
same for the same input.

The CSV is for spreadsheets, which run a cell starting with `=`, `+`, `-`, `@`
or a tab as a formula; such cells get a leading `'` (OWASP's advice), the only
change made to the text.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .model import Groups
from .render_index import SiteIndex, coverage_mix

CSV_COLUMNS = ("quote", "speaker", "kind", "outlet", "date", "themes", "article_title", "article_id", "page")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_files(index: SiteIndex, groups: Groups) -> dict[str, bytes]:
    quotes = quote_rows(index)
    records = [a.to_json() for a in sorted(index.articles, key=lambda a: a.id)]
    return {
        "data/articles.json": _json(records),
        "data/groups.json": _json(groups.to_json()),
        "data/quotes.json": _json(quotes),
        "data/quotes.csv": _csv(quotes),
        "data/stories.json": _json(story_rows(index)),
        "data/statements.json": _json(statement_rows(index)),
    }


def _page(index: SiteIndex, article_id: str) -> str:
    return f"articles/{index.article_files[article_id]}.html"


def quote_rows(index: SiteIndex) -> list[dict[str, Any]]:
    """Every live quote, newest article first, with the page anchor it stands at."""
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
        for ref in index.quotes
    ]


def story_rows(index: SiteIndex) -> list[dict[str, Any]]:
    rows = []
    for entry in index.stories:
        originals = [a for a in entry.articles if a.id not in entry.copies]
        rows.append(
            {
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
        )
    return rows


def statement_rows(index: SiteIndex) -> list[dict[str, Any]]:
    return [
        {
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
        for entry in index.statements
    ]


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csv(rows: list[dict[str, Any]]) -> bytes:
    """RFC 4180 CSV (CRLF line ends, quoted where needed), UTF-8 with a BOM so spreadsheets read it as such."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        values = {**row, "themes": " ".join(row["themes"])}
        writer.writerow([_cell(values[c]) for c in CSV_COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
