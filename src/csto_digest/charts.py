"""Small bar charts drawn at build time as SVG inside the page.

No charting service and no script: the SVG is made here, coloured by classes
from `site.css` (so dark mode and print apply), and every chart comes with the
same numbers as a table for readers who cannot see it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

MAX_MONTHS = 60  # a longer span is counted by year so the bars stay readable
WIDTH, HEIGHT, PAD_BOTTOM, PAD_TOP, PAD_SIDE = 480, 150, 22, 12, 18
MAX_TICKS = 8  # labels under a chart: a year's label is about 30 px wide, the chart 480


@dataclass(frozen=True)
class Series:
    """Counts per period, in order, with how the period is named."""

    points: tuple[tuple[str, int], ...]  # (period label, count)
    period: str  # "month" or "year"

    @property
    def total(self) -> int:
        return sum(count for _, count in self.points)


def per_period(dates: Iterable[str | None]) -> Series:
    """Count dates per month (or per year over a long span), zero-filled between.

    Dates known only to the year cannot be placed in a month; over a span
    counted by month they are left out, so the chart never claims a month the
    text does not give.
    """
    known = [d for d in dates if d]
    months = Counter(d[:7] for d in known if len(d) >= 7)
    if not months:
        return _by_year(known)
    span = _month_range(min(months), max(months))
    if len(span) > MAX_MONTHS:
        return _by_year(known)
    return Series(tuple((m, months.get(m, 0)) for m in span), "month")


def _by_year(dates: list[str]) -> Series:
    years = Counter(d[:4] for d in dates if len(d) >= 4 and d[:4].isdigit())
    if not years:
        return Series((), "year")
    first, last = int(min(years)), int(max(years))
    return Series(tuple((str(y), years.get(str(y), 0)) for y in range(first, last + 1)), "year")


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def bar_chart(series: Series, title: str, chart_id: str) -> Markup:
    """An SVG bar chart of `series`, labelled for screen readers, no inline style."""
    if not series.points:
        return Markup("")
    peak = max(count for _, count in series.points) or 1
    slot = WIDTH / len(series.points)
    bar = max(1.0, slot * 0.7)
    usable = HEIGHT - PAD_BOTTOM - PAD_TOP
    parts = [
        f'<svg class="chart" viewBox="{-PAD_SIDE} 0 {WIDTH + 2 * PAD_SIDE} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-t" '
        'focusable="false">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<line class="chart-axis" x1="0" y1="{HEIGHT - PAD_BOTTOM}" x2="{WIDTH}" y2="{HEIGHT - PAD_BOTTOM}"/>',
    ]
    for number, (label, count) in enumerate(series.points):
        height = usable * count / peak
        x = number * slot + (slot - bar) / 2
        y = HEIGHT - PAD_BOTTOM - height
        parts.append(
            f'<rect class="chart-bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{height:.1f}">'
            f"<title>{escape(label)}: {count}</title></rect>"
        )
    for number, label in _tick_labels(series):
        x = number * slot + slot / 2
        parts.append(
            f'<text class="chart-label" x="{x:.1f}" y="{HEIGHT - 6}" text-anchor="middle">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _tick_labels(series: Series) -> list[tuple[int, str]]:
    """At most `MAX_TICKS` period labels under the bars: every year's January, or evenly spaced.

    Fifteen years' labels in the chart's width ran into one another
    ("20122013 2014..."), so only every second (or third) is written when
    there are more."""
    points = series.points
    if series.period == "month":
        marks = [(n, label[:4]) for n, (label, _) in enumerate(points) if label.endswith("-01") or n == 0]
    else:
        marks = [(n, label) for n, (label, _) in enumerate(points)]
    step = max(1, -(-len(marks) // MAX_TICKS))
    return marks[::step]


SPARK_WIDTH, SPARK_HEIGHT, SPARK_FLOOR = 200, 40, 1.5  # a nonzero bar is never thinner than the floor


def peak(series: Series) -> tuple[str, int] | None:
    """The period with the most, the earliest of them on a tie; None when there is nothing counted."""
    if not series.points or series.total == 0:
        return None
    top = max(count for _, count in series.points)
    return next((label, count) for label, count in series.points if count == top)


def per_period_over(dates: Iterable[str | None], axis: Series) -> Series:
    """Count dates into the periods of `axis`, so that several charts share one time axis.

    Dates outside the axis, or not precise enough for its period, are left out.
    """
    width = 7 if axis.period == "month" else 4
    counts = Counter(d[:width] for d in dates if d and len(d) >= width)
    return Series(tuple((label, counts.get(label, 0)) for label, _ in axis.points), axis.period)


def small_bar_chart(series: Series, title: str, chart_id: str) -> Markup:
    """A compact bar strip (a sparkline in bars) for a card: no labels, named for screen readers.

    The caller shows the same numbers as text beside it (see `peak`); each bar
    also carries its period and count as a tooltip.
    """
    if not series.points:
        return Markup("")
    top = max(count for _, count in series.points) or 1
    slot = SPARK_WIDTH / len(series.points)
    bar = max(0.8, slot * 0.8)
    usable = SPARK_HEIGHT - 2
    parts = [
        f'<svg class="spark" viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" preserveAspectRatio="none" role="img" '
        f'aria-labelledby="{escape(chart_id)}-t" focusable="false">',
        f'<title id="{escape(chart_id)}-t">{escape(title)}</title>',
        f'<line class="chart-axis" x1="0" y1="{SPARK_HEIGHT - 0.5}" x2="{SPARK_WIDTH}" y2="{SPARK_HEIGHT - 0.5}"/>',
    ]
    for number, (label, count) in enumerate(series.points):
        if not count:
            continue
        height = max(SPARK_FLOOR, usable * count / top)
        x = number * slot + (slot - bar) / 2
        parts.append(
            f'<rect class="chart-bar" x="{x:.1f}" y="{SPARK_HEIGHT - 1 - height:.1f}" width="{bar:.1f}" '
            f'height="{height:.1f}"><title>{escape(label)}: {count}</title></rect>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
