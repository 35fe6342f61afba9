"""The home page's digest and the charts across pages: what each needs, gathered from the `SiteIndex`.

- `theme_sparks`: a small bar strip per theme, its articles over time, with the
  same story told in words ("peak 2024-03, 41 articles") for those who cannot
  see it.
- `outlet_theme_matrix`: how many of each outlet's articles fall in each theme,
  drawn as a table whose cells are shaded by class (no inline style, which the
  pages' CSP refuses).
- `story_snapshot` and `whats_new`: the stories and articles of one build, kept
  by the pipeline, and what the next build has that the kept one did not.

Everything here is pure and sorted, so the pages stay byte-identical from one
build to the next when nothing changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .charts import Series, peak, per_period, per_period_over, small_bar_chart
from .model import Article
from .render_index import OutletEntry, SiteIndex, StoryEntry, ThemeEntry, date_key

MATRIX_TOP = 15  # outlets shown in the outlet-by-theme chart; the rest only in its full table
SHADES = 5  # shade classes heat-1 .. heat-5; heat-0 is an empty cell


# --- a small chart per theme ---------------------------------------------------


@dataclass(frozen=True)
class ThemeSpark:
    """One theme's articles over time: the strip and the words that say the same."""

    theme: ThemeEntry
    series: Series
    svg: Markup  # empty when there is nothing over time to draw (fewer than two periods)
    summary: str  # "peak 2024-03: 41 articles · 2022-01 to 2024-06"


def theme_sparks(themes: tuple[ThemeEntry, ...] | list[ThemeEntry]) -> dict[str, ThemeSpark]:
    """Theme slug -> its spark, for every theme given, all on one time axis so that cards compare."""
    axis = per_period(a.date for theme in themes for a in theme.articles)
    return {theme.slug: theme_spark(theme, axis) for theme in themes}


def theme_spark(theme: ThemeEntry, axis: Series | None = None) -> ThemeSpark:
    dates = [a.date for a in theme.articles]
    series = per_period(dates) if axis is None else per_period_over(dates, axis)
    top = peak(series)
    if top is None:
        return ThemeSpark(theme, series, Markup(""), "none dated")
    label, count = top
    counted = [p for p, n in series.points if n]
    dated = sum(n for _, n in series.points)
    if len(counted) < 2:
        return ThemeSpark(theme, series, Markup(""), f"{dated} dated, all in {label}")
    summary = f"peak {label}: {count} article{'' if count == 1 else 's'} · {counted[0]} to {counted[-1]}"
    title = (
        f"{theme.title}: {dated} dated articles per {series.period}, {series.points[0][0]} to "
        f"{series.points[-1][0]}; peak {label} with {count}"
    )
    return ThemeSpark(theme, series, small_bar_chart(series, title, f"spark-{theme.file}"), summary)


# --- outlets by theme ------------------------------------------------------------


@dataclass(frozen=True)
class MatrixRow:
    outlet: OutletEntry
    total: int  # articles it published, in a theme or not
    cells: tuple[int, ...]  # per column of `OutletThemeMatrix.themes`


@dataclass(frozen=True)
class OutletThemeMatrix:
    """Outlets (rows, most articles first) by themes (columns): articles published in each."""

    themes: tuple[ThemeEntry, ...]
    rows: tuple[MatrixRow, ...]  # every outlet that published an article
    top: int  # how many rows the chart shows; the full table has them all
    peak: int  # the largest cell, which takes the darkest shade

    @property
    def shown(self) -> tuple[MatrixRow, ...]:
        return self.rows[: self.top]

    @property
    def hidden(self) -> int:
        return max(0, len(self.rows) - self.top)

    def shade(self, count: int) -> int:
        """0 for an empty cell, else 1..SHADES in proportion to the peak."""
        if count <= 0:
            return 0
        return max(1, min(SHADES, -(-count * SHADES // self.peak)))


def outlet_theme_matrix(index: SiteIndex, top: int = MATRIX_TOP) -> OutletThemeMatrix | None:
    """None when no outlet published an article in any theme: there is nothing to cross."""
    themes = tuple(t for t in index.themes if t.articles)
    members = [{a.id for a in t.articles} for t in themes]
    rows = []
    for outlet in index.outlets:
        if not outlet.published:
            continue
        ids = [a.id for a in outlet.published]
        cells = tuple(sum(1 for i in ids if i in member) for member in members)
        rows.append(MatrixRow(outlet, len(ids), cells))
    rows.sort(key=lambda row: (-row.total, row.outlet.name.casefold(), row.outlet.name))
    highest = max((c for row in rows for c in row.cells), default=0)
    if not highest:
        return None
    return OutletThemeMatrix(themes, tuple(rows), top, highest)


# --- what is new since the previous build ----------------------------------------


def story_snapshot(index: SiteIndex) -> dict[str, Any]:
    """What the next build compares against, all sorted:
    `{"stories": {key: [ids]}, "articles": [ids], "paths": {id: path}}`.

    A story's key is `Story.id`, the id of its earliest article: it stays
    the same when a later article joins, and `whats_new` matches by shared
    articles when an earlier one joins and the key moves. `paths` is there
    because an article's id can change between builds (a hash of its path is
    added once another article takes the same title); the path tells it is
    the same article. Plain lists and strings, so the pipeline can keep it as JSON.
    """
    stories = {entry.story.id: sorted(a.id for a in entry.articles) for entry in index.stories}
    return {
        "stories": dict(sorted(stories.items())),
        "articles": sorted(a.id for a in index.articles),
        "paths": {a.id: a.path for a in sorted(index.articles, key=lambda a: a.id)},
    }


@dataclass(frozen=True)
class GrownStory:
    entry: StoryEntry
    added: int  # articles it has that its earlier self had not
    before: int  # articles it had


@dataclass(frozen=True)
class WhatsNew:
    """What this build has that the previous one had not."""

    stories: tuple[StoryEntry, ...]  # new stories, in the site's order (newest first)
    grown: tuple[GrownStory, ...]  # most articles added first, then the site's order
    articles: tuple[Article, ...]  # new articles, newest first

    @property
    def empty(self) -> bool:
        return not (self.stories or self.grown or self.articles)


def whats_new(baseline: Mapping[str, Any] | None, index: SiteIndex) -> WhatsNew | None:
    """Compare this build with the previous build's `story_snapshot`; None when there is none to compare with.

    A story is new when no story of the previous build shares an article with
    it (its key aside: an earlier article joining moves the key). It grew when
    it has more articles than the previous story it matches, the one under its
    key or else the one sharing most articles with it. A snapshot of the wrong
    shape counts as none.
    """
    previous = _read_snapshot(baseline, index)
    if previous is None:
        return None
    stories, known = previous
    owner = {i: key for key, ids in sorted(stories.items()) for i in ids}
    new: list[StoryEntry] = []
    grown: list[tuple[int, int, GrownStory]] = []
    for place, entry in enumerate(index.stories):
        ids = {a.id for a in entry.articles}
        before = stories.get(entry.story.id) or _best_match(ids, owner, stories)
        if before is None:
            new.append(entry)
            continue
        added = len(ids - before)
        if added and len(ids) > len(before):
            grown.append((-added, place, GrownStory(entry, added, len(before))))
    fresh = tuple(sorted((a for a in index.articles if a.id not in known), key=date_key))
    return WhatsNew(tuple(new), tuple(g for *_, g in sorted(grown, key=lambda t: t[:2])), fresh)


def _best_match(ids: set[str], owner: dict[str, str], stories: dict[str, set[str]]) -> set[str] | None:
    shared: dict[str, int] = {}
    for i in ids:
        if i in owner:
            shared[owner[i]] = shared.get(owner[i], 0) + 1
    if not shared:
        return None
    key = min(shared, key=lambda k: (-shared[k], k))
    return stories[key]


def _read_snapshot(baseline: Mapping[str, Any] | None, index: SiteIndex) -> tuple[dict[str, set[str]], set[str]] | None:
    """The snapshot's stories and articles under today's ids; None when it is not a snapshot."""
    if not isinstance(baseline, Mapping):
        return None
    stories, articles, paths = baseline.get("stories"), baseline.get("articles"), baseline.get("paths") or {}
    if not isinstance(stories, Mapping) or not isinstance(articles, list | tuple) or not isinstance(paths, Mapping):
        return None
    now = {a.path: a.id for a in index.articles}
    renamed = {old: now[path] for old, path in paths.items() if isinstance(path, str) and path in now}
    kept: dict[str, set[str]] = {}
    for key, ids in stories.items():
        if not isinstance(key, str) or not isinstance(ids, list | tuple):
            return None
        kept[renamed.get(key, key)] = {renamed.get(i, i) for i in ids if isinstance(i, str)}
    return kept, {renamed.get(i, i) for i in articles if isinstance(i, str)}
