"""The report's wording and plots on figures built here, where every expected answer is known."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from report.data import Figure, Identity
from report.plots import issuer_plots, render_svg
from report.wording import decimals_of, explain, format_amount

BASE = Figure(
    fact_id="f0", document_id="doc-a", page=3, table_index=0, row_index=0, column_index=0, label="Revenue",
    column_header="2023", column_role="value", value_text="100", reported_value=Decimal(100), printed_decimals=0,
    value_kind="amount", concept="Revenue", statement="income_statement", basis="ifrs", period_type="duration",
    period_start=date(2023, 1, 1), period_end=date(2023, 12, 31), scale=1_000_000, currency="EUR",
    unit_caption="(in EUR million)", x0=400.0, top=200.0, x1=430.0, bottom=210.0,
)


def figure(fact_id, value_text, value, **changes):
    return replace(BASE, fact_id=fact_id, value_text=value_text, reported_value=Decimal(value), **changes)


def test_amounts_are_written_as_the_document_prints_them():
    assert format_amount(Decimal("-12"), 1, "fr", parentheses=True) == "(12,0)"
    assert format_amount(Decimal("-1234.5"), 1, "en") == "−1,234.5"
    assert format_amount(Decimal("1234.5"), 1, "fr") == "1\u202f234,5"
    assert format_amount(Decimal("-0.04"), 1, "en", parentheses=True) == "0.0"  # rounds to zero: no sign
    # Without decimals (the command line's summaries): as many as the value has, a double rounded first.
    assert format_amount(0.1 + 0.2, None, "en") == "0.3" and format_amount(-1234.0, None, "fr") == "−1\u202f234"
    assert format_amount(Decimal("12.50"), None, "en") == "12.5" and format_amount(None, None, "en") == "–"
    assert decimals_of(Decimal("0.25")) == 2 and decimals_of(Decimal("12"), 1) == 1 and decimals_of(Decimal("0.4000001"), 0, 3) == 3


def test_a_failed_sum_is_told_with_its_signs_and_the_printed_total():
    total = figure("t", "(5,0)", "-5.0", label="Net change", printed_decimals=1)
    parts = [figure("a", "(2,0)", "-2.0", label="Operating", printed_decimals=1),
             figure("b", "3,5", "3.5", label="Dividends", printed_decimals=1)]
    identity = Identity(
        check_id="c", check_name="calculation:Net", family="calculation", statement="cash_flow",
        period_start=None, period_end=date(2023, 12, 31), expected=Decimal("-5.5"), actual=Decimal("-5.0"),
        difference=Decimal("0.5"), tolerance=Decimal("0.15"), currency="EUR", pages="3",
        description="net change = operating − dividends", figures=[total, *parts], weights=[Decimal(1), Decimal(-1)],
    )
    words = explain(identity, "fr")
    assert words[0] == "net change = operating − dividends."
    assert words[1] == "(2,0) − 3,5 = (5,5), but “Net change” is printed (5,0) (p. 3)."
    assert words[2].startswith("The difference, 0,5, exceeds the rounding tolerance 0,15")


def test_a_figure_printed_twice_in_two_scales_says_both_units():
    checked = figure("x", "1,234", "1234", label="Cash", unit_caption="(in thousands)", scale=1000, page=9)
    reference = figure("y", "1.3", "1.3", label="Cash and equivalents", unit_caption="(in millions)", printed_decimals=1, page=2)
    identity = Identity(
        check_id="c", check_name="same_figure_agrees:Cash", family="same_figure_agrees", statement="balance_sheet",
        period_start=None, period_end=date(2023, 12, 31), expected=Decimal("1300"), actual=Decimal("1234"),
        difference=Decimal("-66"), tolerance=Decimal("50.5"), currency="EUR", pages="2, 9", description="",
        figures=[checked, reference],
    )
    words = explain(identity, "en")
    assert "“Cash” is printed 1,234 on p. 9 and “Cash and equivalents” is printed 1.3 on p. 2" in words[0]
    assert words[1] == "The first is in (in thousands), the second in (in millions): in the scale of the first, the second is 1,300."
    assert words[2].endswith("but they differ by 66, more than the rounding tolerance 50.5.")


def test_plots_ring_the_points_the_warehouse_says_are_inconsistent():
    """Which points disagree is dbt's rule (figure_disagreements, with its unit test); the plot rings them."""
    year = {"period_start": date(2022, 1, 1), "period_end": date(2022, 12, 31)}
    facts = [
        figure("a22", "100", "100", **year),
        figure("b22", "100", "100.4", document_id="doc-b", **year),
        figure("a23", "120", "120"),
        figure("b23", "125", "125", document_id="doc-b"),
        figure("a21", "90", "90", period_start=date(2021, 1, 1), period_end=date(2021, 12, 31)),
        figure("h23", "60", "60", period_start=date(2023, 7, 1)),  # a half year: its own line
    ]
    issuers = {"doc-a": "Issuer", "doc-b": "Issuer"}
    inconsistencies = {"a21": "a failed identity involves it", "a23": "printed 125 on p. 3 of doc-b", "b23": "printed 120 on p. 3 of doc-a"}
    (plot,) = issuer_plots(facts, issuers, inconsistencies)
    assert plot.measure == "Revenue" and list(plot.series) == ["12 months", "6 months"]
    marked = {p.figure.fact_id: p.inconsistent for members in plot.series.values() for p in members}
    assert marked == {"a21": True, "a22": False, "b22": False, "a23": True, "b23": True, "h23": False}
    svg = render_svg(plot, links={"a23": "documents/doc-a.html#fig-a23"})
    assert svg.count('class="inconsistent"') == 3
    assert svg.count("<circle") == 6 + 3  # one per point, and a centre dot inside each ring
    assert '<a href="documents/doc-a.html#fig-a23">' in svg
