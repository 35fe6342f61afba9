"""The archive (a digest page per month) and the places and organisations pages.

Each function takes the renderer of `render.py` and yields `(path, bytes)`
pages, like the page functions there.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .render_env import human_date
from .render_index import EntityEntry, MonthEntry, article_day, article_key
from .render_paging import page_description, page_title, paged

if TYPE_CHECKING:
    from .render import Page, PageSpec, _Renderer

TOP = 10  # speakers, outlets and themes listed in a month's digest


def archive_pages(r: _Renderer) -> Iterator[Page]:
    months = r.index.months
    dated_to_year = [a for a in r.index.articles if a.date and len(a.date) < 7]
    undated = [a for a in r.index.articles if not a.date]
    years: dict[str, list[MonthEntry]] = {}
    for entry in months:
        years.setdefault(entry.month[:4], []).append(entry)
    if r.wants("archive/index"):
        yield r.page(
            "archive/index.html",
            "archive.html",
            "Archive",
            f"The digest month by month: {len(months)} months with articles.",
            years=sorted(years.items(), reverse=True),
            dated_to_year=dated_to_year,
            undated=undated,
        )
    for number, entry in enumerate(months):
        if not r.wants(f"archive/{entry.month}"):
            continue
        newer = months[number - 1] if number > 0 else None
        older = months[number + 1] if number + 1 < len(months) else None
        yield from _month_page(r, entry, newer, older)


def _month_page(
    r: _Renderer, entry: MonthEntry, newer: MonthEntry | None, older: MonthEntry | None
) -> Iterator[PageSpec]:
    """A month's digest, its articles about 100 to a page; the stories, statements and who was quoted on the first.

    At ten thousand articles a month's one page weighed about 100 kB; at a
    hundred thousand it would weigh a megabyte."""
    stories = r.index.stories_among(entry.articles)
    statements = r.index.statements_among(entry.articles)
    speakers = Counter(q.speaker for a in entry.articles for q in a.live_quotes if q.speaker)
    outlets = Counter(a.source.name for a in entry.articles if a.source)
    themes = Counter(t.slug for a in entry.articles for t in a.themes)
    name = human_date(entry.month)
    digest = {
        "stories": stories,
        "statements": statements,
        "speakers": _ranked(speakers),
        "outlets": _ranked(outlets),
        "themes": _ranked(themes),
    }
    rest = {key: [] for key in digest}
    counts = {"article_count": len(entry.articles), "story_count": len(stories), "statement_count": len(statements)}
    for chunk, pager in paged(f"archive/{entry.month}.html", entry.articles, article_key, day=article_day):
        if not r.wants(pager.path):
            continue
        yield r.page(
            pager.path,
            "archive_month.html",
            page_title(name, pager),
            page_description(
                f"The digest of {name}: {len(entry.articles)} articles, {len(stories)} stories, "
                f"{sum(len(a.live_quotes) for a in entry.articles)} quotes.",
                name,
                pager,
            ),
            month=dataclasses.replace(entry, articles=chunk),  # the month as this page shows it
            newer=newer,
            older=older,
            pager=pager,
            **(counts | digest if pager.is_first else rest),
        )


def _entity_speakers(entry: EntityEntry) -> list[tuple[str, int]]:
    """Who is quoted in the articles naming a place or organisation, most often first."""
    return _ranked(Counter(q.speaker for a in entry.articles for q in a.live_quotes if q.speaker))


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP]


def place_pages(r: _Renderer) -> Iterator[Page]:
    yield from _entity_pages(r, r.index.places, "places", "Places", "place")


def organization_pages(r: _Renderer) -> Iterator[Page]:
    yield from _entity_pages(r, r.index.organizations, "organizations", "Organizations", "organization")


def _entity_pages(r: _Renderer, entries: tuple[EntityEntry, ...], folder: str, title: str, kind: str) -> Iterator[Page]:
    if r.wants(f"{folder}/index"):
        yield r.page(
            f"{folder}/index.html",
            "entities.html",
            title,
            f"{len(entries)} {title.lower()} named in the articles, with how often.",
            entries=entries,
            folder=folder,
            kind=kind,
        )
    for entry in entries:
        if not r.wants(f"{folder}/{entry.slug}"):
            continue
        for chunk, pager in paged(f"{folder}/{entry.slug}.html", entry.articles, article_key, day=article_day):
            if not r.wants(pager.path):
                continue
            yield r.page(
                pager.path,
                "entity.html",
                page_title(entry.name, pager),
                page_description(
                    f"{entry.name}: named in {len(entry.articles)} articles about the CSTO.", entry.name, pager
                ),
                entry=dataclasses.replace(entry, articles=chunk),  # the place as this page shows it
                pager=pager,
                kind=kind,
                speakers=_entity_speakers(entry) if pager.is_first else [],  # for the first page only
                **({"article_count": len(entry.articles)} if pager.is_first else {}),
            )
