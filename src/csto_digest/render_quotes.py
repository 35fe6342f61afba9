"""The quote index: every direct quote, a page per month, with its filters.

Takes the renderer of `render.py` and yields its pages, like the page
functions there and in `render_archive`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import render_paging as paging
from .render_env import human_date
from .render_index import QuoteRef, quote_day, quote_key
from .render_paging import page_description, page_stem, page_title, paged

if TYPE_CHECKING:
    from .render import Page, _Renderer

UNDATED = "undated"  # the quote index's page for articles that state no date


def quote_pages(r: _Renderer) -> Iterator[Page]:
    """The quote index, a page per month (the newest first, at `quotes/index.html`), each with its filters.

    A page per year weighed over a megabyte at ten thousand articles (every
    quote of the year, with its speaker, outlet and article), and would weigh
    ten times that at a hundred thousand; a month stays near a hundred
    kilobytes. Quotes of articles dated only to a year get a page of their
    own for that year, and undated articles' quotes one more page. A period
    of many quotes (any month at a hundred thousand articles, the undated
    quotes at ten thousand) is split into pages of about `PER_QUOTE_PAGE`.

    A page counts its own quotes and those of its year's other months, not
    the year's or the corpus's: a page that showed totals changed with every
    quote added anywhere, and every page was written again. And it is given
    only what it shows (each year's link, its own year's months), as its key
    is made of what it is given: with every year's months and their counts,
    a quote added in one month rendered all 180 pages of the index again at
    ten thousand articles, if only to write 12 of them. Only a month's first
    page counts the months of its year: at a hundred thousand articles a
    year's months run to 170 pages, and deleting one article rendered all
    of them again for a count in their navigation."""
    quotes = r.index.quotes
    by_period: dict[str, list[QuoteRef]] = {}
    for ref in quotes:  # newest first, undated last
        by_period.setdefault(ref.article.date[:7] if ref.article.date else UNDATED, []).append(ref)
    periods = list(by_period) or [UNDATED]
    paths = {period: "quotes/index.html" if n == 0 else f"quotes/{period}.html" for n, period in enumerate(periods)}
    by_year: dict[str, list[tuple[str, str, str, int | None]]] = {}
    for period in periods:
        entry = (period, _period_label(period), paths[period], len(by_period.get(period, ())))
        by_year.setdefault(_period_year(period), []).append(entry)
    years = [(year, months[0][2]) for year, months in by_year.items()]  # each year links to its newest month
    uncounted = {year: [(*month[:3], None) for month in months] for year, months in by_year.items()}
    for period in periods:
        if not r.wants(page_stem(paths[period])):
            continue
        refs = by_period.get(period, [])
        named = _period_name(period)
        title = "Quote index" if period == periods[0] else f"Quotes {named}"
        for chunk, pager in paged(paths[period], refs, quote_key, paging.PER_QUOTE_PAGE, quote_day):
            if not r.wants(pager.path):
                continue
            facets = {
                "speaker": sorted({q.speaker for q in chunk if q.speaker}),
                "outlet": sorted({q.article.source.name for q in chunk if q.article.source}),
                "theme": sorted({t.slug for q in chunk for t in q.article.themes}),
            }
            yield r.page(
                pager.path,
                "quotes.html",
                page_title(title, pager),
                page_description(
                    f"The {len(refs)} direct quotes {named}, with speaker, outlet and article.", title, pager
                ),
                alone=True,  # quotes from articles all over the corpus
                quotes=chunk,
                facets=facets,
                pager=pager,
                period=period,
                period_name=named,
                period_year=_period_year(period),
                years=years,
                months=(by_year if pager.is_first else uncounted)[_period_year(period)],
            )


def _period_year(period: str) -> str:
    """The heading a period of the quote index sits under: its year, or `Undated`."""
    return "Undated" if period == UNDATED else period[:4]


def _period_label(period: str) -> str:
    """A period's link in the quote index's navigation, under its year: `Mar`, `month not stated`, `undated`."""
    if period == UNDATED:
        return "undated"
    if len(period) == 4:
        return "month not stated"
    return human_date(period)[:3]


def _period_name(period: str) -> str:
    """A period in a sentence: `from March 2024`, `from 2024, month not stated`, `with no date`."""
    if period == UNDATED:
        return "with no date"
    if len(period) == 4:
        return f"from {period}, month not stated"
    return f"from {human_date(period)}"
