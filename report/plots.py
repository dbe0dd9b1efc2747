"""Small inline SVG plots of an issuer's main figures over the periods of its documents."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from markupsafe import Markup, escape

from .data import PLOTTED_CONCEPTS, Figure

WIDTH, HEIGHT = 340, 180
LEFT, RIGHT, TOP, BOTTOM = 64, 14, 28, 30
SERIES_COLOURS = ["#1f5fa8", "#2e8b57", "#8a5a00", "#6a3d9a"]
INCONSISTENT_COLOUR = "#e6007e"


@dataclass(frozen=True)
class Point:
    figure: Figure
    value: Decimal  # in currency units
    inconsistent: bool
    why: str


@dataclass
class Plot:
    issuer: str
    measure: str
    currency: str | None
    series: dict[str, list[Point]]  # by period length ("12 months", "at date")

    @property
    def inconsistent_count(self) -> int:
        return sum(p.inconsistent for points in self.series.values() for p in points)


def _period_class(figure: Figure) -> str:
    if figure.period_type == "instant" or figure.period_start is None:
        return "at date"
    return f"{round((figure.period_end - figure.period_start).days / 30.44)} months"


def _value(figure: Figure) -> Decimal:
    return figure.reported_value * (figure.scale or 1)


def _mark(figures: list[Figure], inconsistencies: dict[str, str]) -> list[Point]:
    """A point is inconsistent when the warehouse says why (see `WarehouseContent.inconsistencies`)."""
    return [
        Point(figure, _value(figure), figure.fact_id in inconsistencies, inconsistencies.get(figure.fact_id, ""))
        for figure in figures
    ]


def issuer_plots(facts: list[Figure], issuers: dict[str, str], inconsistencies: dict[str, str]) -> list[Plot]:
    """One plot per issuer (with several documents), measure and currency; `issuers` maps document → issuer,
    `inconsistencies` a figure to why it is ringed (a failed identity, another document printing it otherwise)."""
    grouped: dict[tuple[str, str, str | None], list[Figure]] = defaultdict(list)
    for figure in facts:
        for measure, concepts in PLOTTED_CONCEPTS.items():
            if figure.concept in concepts:
                grouped[(issuers[figure.document_id], measure, figure.currency)].append(figure)
    plots = []
    for (issuer, measure, currency), figures in sorted(grouped.items(), key=lambda item: (item[0][0], list(PLOTTED_CONCEPTS).index(item[0][1]))):
        series: dict[str, list[Point]] = defaultdict(list)
        by_class: dict[str, list[Figure]] = defaultdict(list)
        for figure in figures:
            by_class[_period_class(figure)].append(figure)
        for period_class, members in sorted(by_class.items()):
            series[period_class] = sorted(_mark(members, inconsistencies), key=lambda p: p.figure.period_end)
        plots.append(Plot(issuer, measure, currency, dict(series)))
    return plots


def _display_unit(largest: Decimal) -> tuple[Decimal, str]:
    for divisor, suffix in ((Decimal(10) ** 9, " bn"), (Decimal(10) ** 6, " m"), (Decimal(10) ** 3, " k")):
        if largest >= divisor:
            return divisor, suffix
    return Decimal(1), ""


def _tick(value: Decimal, divisor: Decimal, suffix: str) -> str:
    scaled = value / divisor
    return f"{scaled:,.1f}{suffix}" if 0 < abs(scaled) < 10 else f"{scaled:,.0f}{suffix}"


def _day(value: date) -> int:
    return value.toordinal()


def render_svg(plot: Plot, links: dict[str, str]) -> Markup:
    """The plot as inline SVG: a line per period length, inconsistent points as large magenta rings.

    A point links to its figure's crop when the report shows it (`links`: the address by fact id).
    """
    points = [p for members in plot.series.values() for p in members]
    values = [p.value for p in points]
    low, high = min(values + [Decimal(0)]), max(values + [Decimal(0)])
    if high == low:
        high = low + 1
    first, last = min(_day(p.figure.period_end) for p in points), max(_day(p.figure.period_end) for p in points)
    span = max(last - first, 1)
    divisor, suffix = _display_unit(max(abs(low), abs(high)))

    def x(day: int) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * ((day - first) / span if last > first else 0.5)

    def y(value: Decimal) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * float((high - value) / (high - low))

    parts = [
        f'<svg class="plot" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img">',
        f"<title>{escape(plot.measure)} of {escape(plot.issuer)} ({escape(plot.currency or '')})</title>",
        f'<line x1="{LEFT}" y1="{y(Decimal(0)):.1f}" x2="{WIDTH - RIGHT}" y2="{y(Decimal(0)):.1f}" class="axis"/>',
        f'<text x="{LEFT - 6}" y="{y(high) + 4:.1f}" class="tick" text-anchor="end">{_tick(high, divisor, suffix)}</text>',
        f'<text x="{LEFT - 6}" y="{y(low) + 4:.1f}" class="tick" text-anchor="end">{_tick(low, divisor, suffix)}</text>',
    ]
    for label_day, anchor in sorted({(first, "start"), (last, "end")}) if last > first else [(first, "middle")]:
        parts.append(
            f'<text x="{x(label_day):.1f}" y="{HEIGHT - 10}" class="tick" text-anchor="{anchor}">{date.fromordinal(label_day).isoformat()}</text>'
        )
    for index, (period_class, members) in enumerate(plot.series.items()):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        path = " ".join(f"{x(_day(p.figure.period_end)):.1f},{y(p.value):.1f}" for p in members)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
        parts.append(f'<text x="{LEFT + 80 * index}" y="12" class="legend" style="fill: {colour}">{escape(period_class)}</text>')
        for point in members:
            figure = point.figure
            tip = escape(
                f"{figure.period_end}: {figure.value_text} ({figure.unit_caption or ''}), “{figure.label}”, p. {figure.page}"
                + (f" — inconsistent: {point.why}" if point.inconsistent else "")
            )
            cx, cy = x(_day(figure.period_end)), y(point.value)
            if point.inconsistent:
                mark = (
                    f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="7" fill="none" stroke="{INCONSISTENT_COLOUR}" stroke-width="2.5" class="inconsistent">'
                    f"<title>{tip}</title></circle>"
                    f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3" fill="{INCONSISTENT_COLOUR}"/>'
                )
            else:
                mark = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="3.5" fill="{colour}"><title>{tip}</title></circle>'
            if figure.fact_id in links:
                mark = f'<a href="{escape(links[figure.fact_id])}">{mark}</a>'
            parts.append(mark)
    parts.append("</svg>")
    return Markup("".join(parts))
