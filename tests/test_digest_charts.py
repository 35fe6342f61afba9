"""The small charts: a bar strip per theme and the outlet-by-theme table, on records built by hand."""

from __future__ import annotations

import re

from csto_digest.charts import MAX_TICKS, PAD_SIDE, WIDTH, Series, bar_chart, peak, per_period_over, small_bar_chart
from csto_digest.config import Config
from csto_digest.model import Groups, Outlet, ThemeHit
from csto_digest.render_digest import outlet_theme_matrix, theme_spark, theme_sparks
from csto_digest.render_index import build_index
from factories import ev, make_article

NO_GROUPS = Groups(themes={}, stories=(), statements=())


def article(n: int, date: str | None, source: str | None = "Sputnik", themes: tuple[str, ...] = ("peacekeeping",)):
    return make_article(
        id=f"a{n:03d}",
        path=f"in/{n:03d}.txt",
        title=f"Article {n}",
        date=date,
        date_precision=None if date is None else {4: "year", 7: "month"}.get(len(date), "day"),
        source=Outlet(source, ev(source)) if source else None,
        themes=tuple(ThemeHit(slug, ev(slug)) for slug in themes),
    )


def index_of(*articles):
    return build_index(tuple(articles), NO_GROUPS, Config())


# --- charts.py -------------------------------------------------------------------


def test_peak_is_the_earliest_of_the_highest_and_none_when_nothing_counted():
    assert peak(Series((("2024-01", 1), ("2024-02", 3), ("2024-03", 3)), "month")) == ("2024-02", 3)
    assert peak(Series((("2024-01", 0),), "month")) is None
    assert peak(Series((), "year")) is None


def test_per_period_over_counts_onto_the_given_axis_only():
    axis = Series((("2024-01", 0), ("2024-02", 0), ("2024-03", 0)), "month")
    series = per_period_over(["2024-01-05", "2024-03", "2024-03-28", "2024", "2023-12-01", None], axis)
    assert series.points == (("2024-01", 1), ("2024-02", 0), ("2024-03", 2))
    years = per_period_over(
        ["2019-05-01", "2021", "2030-01-01"], Series((("2019", 0), ("2020", 0), ("2021", 0)), "year")
    )
    assert years.points == (("2019", 1), ("2020", 0), ("2021", 1))


def test_small_bar_chart_is_named_has_a_bar_per_nonzero_period_and_no_inline_style():
    series = Series((("2024-01", 40), ("2024-02", 0), ("2024-03", 1)), "month")
    svg = str(small_bar_chart(series, "Theme <b>&</b>", "spark-x"))
    assert 'role="img"' in svg and 'aria-labelledby="spark-x-t"' in svg
    assert '<title id="spark-x-t">Theme &lt;b&gt;&amp;&lt;/b&gt;</title>' in svg
    assert "style=" not in svg and "<script" not in svg
    assert svg.count("<rect") == 2
    heights = [float(h) for h in re.findall(r'height="([\d.]+)"', svg)]
    assert min(heights) >= 1.5  # one article among forty still shows
    assert "<title>2024-03: 1</title>" in svg
    assert str(small_bar_chart(Series((), "month"), "t", "x")) == ""


# --- a spark per theme -------------------------------------------------------------


def test_theme_sparks_share_one_time_axis_and_say_the_peak_in_words():
    index = index_of(
        article(1, "2024-01-10"),
        article(2, "2024-03-02"),
        article(3, "2024-03-20"),
        article(4, "2024-06-01", themes=("enlargement",)),
        article(5, "2024-06-09", themes=("enlargement",)),
        article(6, None),
    )
    sparks = theme_sparks([t for t in index.themes if t.articles])
    peace, enlarge = sparks["peacekeeping"], sparks["enlargement"]
    assert [p for p, _ in peace.series.points] == [p for p, _ in enlarge.series.points]
    assert peace.series.points[0][0] == "2024-01" and peace.series.points[-1][0] == "2024-06"
    assert peace.summary == "peak 2024-03: 2 articles · 2024-01 to 2024-03"
    assert 'role="img"' in str(peace.svg) and "peak 2024-03 with 2" in str(peace.svg)
    # every count in one period: words only, no chart
    assert enlarge.summary == "2 dated, all in 2024-06" and str(enlarge.svg) == ""


def test_a_theme_with_no_dated_article_has_words_and_no_chart():
    index = index_of(article(1, None), article(2, None))
    spark = theme_spark(index.theme_by_slug["peacekeeping"])
    assert spark.summary == "none dated" and str(spark.svg) == ""


# --- outlets by theme ----------------------------------------------------------------


def test_matrix_counts_each_outlets_articles_per_theme_most_published_first():
    index = index_of(
        article(1, "2024-01-01", "TASS", ("peacekeeping", "enlargement")),
        article(2, "2024-01-02", "TASS", ("peacekeeping",)),
        article(3, "2024-01-03", "TASS", ()),
        article(4, "2024-01-04", "BelTA", ("enlargement",)),
        article(5, "2024-01-05", "Azattyk", ("peacekeeping",)),
        article(6, "2024-01-06", None, ("peacekeeping",)),
    )
    matrix = outlet_theme_matrix(index, top=2)
    assert matrix is not None
    slugs = [t.slug for t in matrix.themes]
    assert set(slugs) == {"peacekeeping", "enlargement"}  # themes with no article are left out
    rows = {row.outlet.name: dict(zip(slugs, row.cells, strict=True)) for row in matrix.rows}
    assert rows["TASS"] == {"peacekeeping": 2, "enlargement": 1}
    assert rows["BelTA"] == {"peacekeeping": 0, "enlargement": 1}
    assert [r.outlet.name for r in matrix.rows] == ["TASS", "Azattyk", "BelTA"]  # by count, then name
    assert [r.total for r in matrix.rows] == [3, 1, 1]  # an article in no theme still counts in "All"
    assert [r.outlet.name for r in matrix.shown] == ["TASS", "Azattyk"] and matrix.hidden == 1
    assert matrix.peak == 2
    assert [matrix.shade(n) for n in (0, 1, 2)] == [0, 3, 5]


def test_no_matrix_when_no_outlet_published_in_a_theme():
    assert outlet_theme_matrix(index_of(article(1, "2024-01-01", None))) is None
    assert outlet_theme_matrix(index_of(article(1, "2024-01-01", "TASS", ()))) is None


def test_a_long_chart_writes_few_enough_labels_that_they_do_not_run_together():
    years = Series(tuple((str(year), 1) for year in range(2012, 2027)), "year")  # fifteen years
    labels = re.findall(r'<text class="chart-label"[^>]*>(\d+)</text>', str(bar_chart(years, "Per year", "c")))
    assert labels[0] == "2012" and 2 <= len(labels) <= MAX_TICKS
    assert (WIDTH - 2 * PAD_SIDE) / len(labels) >= 40  # room for four digits and a gap
    months = Series(tuple((f"{y}-{m:02d}", 1) for y in range(2012, 2027) for m in range(1, 13)), "month")
    assert len(re.findall(r'class="chart-label"', str(bar_chart(months, "Per month", "m")))) <= MAX_TICKS
