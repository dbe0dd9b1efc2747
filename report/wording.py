"""Numbers written the way the document prints them, and failed identities told in plain words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .data import Figure, Identity

# Families whose checked figure must equal a (weighted) sum of the others.
SUM_FAMILIES = {"calculation", "table_total"}
# At most this many terms are written out in one sum; the figure list below it shows them all.
MAX_TERMS = 16


def decimals_of(value: Decimal, minimum: int = 0, maximum: int = 6) -> int:
    """How many decimals show `value` exactly (up to `maximum`), and at least `minimum`."""
    exponent = value.normalize().as_tuple().exponent
    shown = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return max(minimum, min(shown, maximum))


def format_amount(value: Decimal | float | None, decimals: int | None, language: str | None, parentheses: bool = False) -> str:
    """`-1234.5` → `(1 234,5)` in a French document printing negatives in brackets, `−1,234.5` in English.

    The one formatter of amounts (the report, its templates and the command line). `decimals=None` shows as
    many decimals as the value has, up to six; a float (the checks' doubles) is first rounded to six
    decimals, more than any release prints, so that `0.1 + 0.2` is written `0.3`.
    """
    if value is None:
        return "–"
    if isinstance(value, float):
        value = Decimal(str(round(value, 6)))
    value = Decimal(value)
    if decimals is None:
        decimals = decimals_of(value)
    magnitude = abs(value).quantize(Decimal(1).scaleb(-decimals))
    text = f"{magnitude:,.{decimals}f}"
    if language == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    if value < 0 and magnitude != 0:
        return f"({text})" if parentheses else f"−{text}"
    return text


def _prints_brackets(figures: list[Figure]) -> bool:
    return any(f.value_text.strip().startswith("(") for f in figures)


def _where(figure: Figure) -> str:
    return f"p. {figure.page}"


def period_text(period_type: str | None, start: date | None, end: date | None) -> str:
    if end is None:
        return "no period"
    if period_type == "instant" or start is None:
        return f"at {end.isoformat()}"
    months = round((end - start).days / 30.44)
    return f"{start.isoformat()} to {end.isoformat()}, {months} months"


def _sum_words(identity: Identity, language: str | None) -> list[str]:
    total, parts = identity.figures[0], identity.figures[1:]
    brackets = _prints_brackets(identity.figures)
    decimals = max([f.printed_decimals for f in identity.figures] + [0])
    fmt = lambda value, minimum=decimals: format_amount(value, decimals_of(value, minimum), language, brackets)  # noqa: E731
    terms = []
    for index, (part, weight) in enumerate(zip(parts, identity.weights)):
        if index == MAX_TERMS:
            terms.append(f"… ({len(parts) - MAX_TERMS} more)")
            break
        sign = "" if index == 0 else (" − " if weight < 0 else " + ")
        terms.append(f"{sign}{part.value_text}")
    arithmetic = "".join(terms) + f" = {fmt(identity.expected)}"
    what = identity.description if identity.family == "calculation" else (
        f"“{total.label}” (row {total.row_index}) should be the sum of the {len(parts)} rows above it"
    )
    return [
        f"{what}.",
        f"{arithmetic}, but “{total.label}” is printed {total.value_text} ({_where(total)}).",
        f"The difference, {fmt(abs(identity.difference), 0)}, exceeds the rounding tolerance {fmt(identity.tolerance, 0)} "
        f"(each of the {len(identity.figures)} printed figures is exact to ± half a unit of its last digit).",
    ]


def _comparison_words(identity: Identity, language: str | None) -> list[str]:
    checked, reference = identity.figures[0], identity.figures[1]
    brackets = _prints_brackets(identity.figures)
    decimals = checked.printed_decimals  # the amounts are in the checked figure's scale
    fmt = lambda value, minimum=decimals: format_amount(value, decimals_of(value, minimum), language, brackets)  # noqa: E731
    same_scale = (checked.scale or 1) == (reference.scale or 1)
    words = [
        f"“{checked.label}” is printed {checked.value_text} on {_where(checked)} and “{reference.label}” is printed "
        f"{reference.value_text} on {_where(reference)} ({period_text(checked.period_type, checked.period_start, checked.period_end)}).",
    ]
    if not same_scale:
        words.append(
            f"The first is in {checked.unit_caption or 'an undeclared unit'}, the second in {reference.unit_caption or 'an undeclared unit'}: "
            f"in the scale of the first, the second is {fmt(identity.expected)}."
        )
    rule = {
        "same_figure_agrees": "The same figure printed twice should agree",
        "balance_sheet": "Total assets should equal total equity and liabilities",
        "cross_statement": "The two statements should agree",
        "cash_continuity": "The opening cash of a period should be the closing cash of the one before",
    }.get(identity.family, "They should agree")
    words.append(
        f"{rule}, but they differ by {fmt(abs(identity.difference), 0)}, more than the rounding tolerance {fmt(identity.tolerance, 0)}."
    )
    return words


def _variance_words(identity: Identity, language: str | None) -> list[str]:
    variance, *compared = identity.figures
    fmt = lambda value: format_amount(value, decimals_of(value, 1, 2), language)  # noqa: E731
    of = " and ".join(f.value_text for f in compared)
    return [
        f"The change printed for “{variance.label}”, {variance.value_text} ({_where(variance)}), does not follow from {of}: "
        f"they give {fmt(identity.expected)} %.",
        f"The difference, {fmt(abs(identity.difference))} points, exceeds the rounding tolerance {fmt(identity.tolerance)} points.",
    ]


def explain(identity: Identity, language: str | None) -> list[str]:
    """Sentences a person reads to see what does not add up, with the figures as printed."""
    if len(identity.figures) < 2:
        return [f"{identity.description}: printed {identity.actual}, expected {identity.expected} (the figures could not be found)."]
    if identity.family in SUM_FAMILIES:
        return _sum_words(identity, language)
    if identity.family == "variance":
        return _variance_words(identity, language)
    return _comparison_words(identity, language)
