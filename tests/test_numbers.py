from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "decimal_comma", "value", "kind"),
    [
        ("1 234,5", True, Decimal("1234.5"), "amount"),
        ("1\u202f234,5", True, Decimal("1234.5"), "amount"),
        ("1\u00a0234,5", True, Decimal("1234.5"), "amount"),
        ("1,234.5", False, Decimal("1234.5"), "amount"),
        ("1.234,5", True, Decimal("1234.5"), "amount"),
        ("(0,2)", True, Decimal("-0.2"), "amount"),
        ("-0,2", True, Decimal("-0.2"), "amount"),
        ("\u22120.2", False, Decimal("-0.2"), "amount"),
        ("0.8", True, Decimal("0.8"), "amount"),  # the reference release prints one figure with a dot
        ("+8%", True, Decimal("8"), "percent"),
        ("-18,7%", True, Decimal("-18.7"), "percent"),
        ("4.9 %", False, Decimal("4.9"), "percent"),
        ("1 141 $", True, Decimal("1141"), "amount"),
        ("$ 1,141", False, Decimal("1141"), "amount"),
        ("1,234", False, Decimal("1234"), "amount"),
        ("1,234", True, Decimal("1.234"), "amount"),
        ("(66)$", True, Decimal("-66"), "amount"),
    ],
)
def test_parses_printed_figures(text, decimal_comma, value, kind):
    parsed = parse_number(text, decimal_comma=decimal_comma)
    assert parsed is not None and parsed.value == value and parsed.kind == kind


@pytest.mark.parametrize("text", ["-", "\u2013", "\u2014", "n.s.", "n/a", "nm"])
def test_nil_marks_are_kept_as_null_not_zero(text):
    parsed = parse_number(text)
    assert parsed is not None and parsed.value is None


@pytest.mark.parametrize("text", ["abc", "12 34", "1,2,3", "", "B.6.", "2025-12-31", "1.234.5"])
def test_rejects_what_is_not_a_figure(text):
    assert parse_number(text, decimal_comma=True) is None


def _print(value: Decimal, decimals: int, french: bool, parentheses: bool) -> str:
    text = f"{abs(value):,.{decimals}f}"
    if french:
        text = text.replace(",", "\u202f").replace(".", ",")
    if value < 0:
        text = f"({text})" if parentheses else f"-{text}"
    return text


@given(
    st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.integers(min_value=0, max_value=2),
    st.booleans(),
    st.booleans(),
)
def test_round_trips_any_printed_amount(value, decimals, french, parentheses):
    expected = round(value, decimals)
    text = _print(expected, decimals, french, parentheses)
    parsed = parse_number(text, decimal_comma=french)
    assert parsed is not None
    assert parsed.value == expected
    assert parsed.decimals == decimals


@given(st.text(max_size=12))
def test_never_raises(text):
    parse_number(text)
