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


# ------------------------------------------------------------------ figures as OCR reads them

from extract.numbers import day_and_year, glued_digit_groups, group_separator, repair_ocr_figure  # noqa: E402

_LOOKALIKE_OF = {"0": "O", "1": "l"}


@st.composite
def printed_figures(draw):
    """A figure as a statement prints it: grouped with spaces, commas or dots, decimals, in brackets."""
    value = draw(st.integers(min_value=0, max_value=10**9))
    decimals = draw(st.sampled_from([0, 1, 2]))
    comma_decimal = draw(st.booleans())
    whole, fraction = divmod(value, 10**decimals)
    group = draw(st.sampled_from([" ", "." if comma_decimal else ","]))
    text = f"{whole:,}".replace(",", group)
    if decimals:
        text += ("," if comma_decimal else ".") + f"{fraction:0{decimals}d}"
    return f"({text})" if draw(st.booleans()) else text


@given(printed_figures(), st.data())
def test_an_ocr_figure_with_look_alike_letters_is_repaired_to_the_printed_one(printed, data):
    """`1O5,3` → `105,3`: letters read for 0 and 1 inside a figure are its digits, when two digits at least
    were read as digits; a figure read right is never changed."""
    assert repair_ocr_figure(printed) == printed
    positions = [i for i, c in enumerate(printed) if c in _LOOKALIKE_OF]
    swapped = data.draw(st.sets(st.sampled_from(positions), max_size=2)) if positions else set()
    read = "".join(_LOOKALIKE_OF[c] if i in swapped else c for i, c in enumerate(printed))
    digits_left = sum(c.isdigit() for c in read)
    repaired = repair_ocr_figure(read)
    if digits_left >= 2 and parse_number(printed) is not None:
        assert repaired == printed
    else:
        assert repaired in (read, printed)


@given(st.text(alphabet="OolIabcTt ", min_size=1, max_size=12))
def test_a_word_is_never_repaired_into_a_figure(word):
    """Words made of letters (`IO`, `Total`, `lol`) are not figures: no digit was read, nothing is repaired."""
    assert repair_ocr_figure(word) == word


@given(st.text(alphabet="-\u2212\u2013\u2014", min_size=2, max_size=5))
def test_a_run_of_dashes_is_one_nil_dash(run):
    repaired = repair_ocr_figure(run)
    assert parse_number(repaired) is not None and parse_number(repaired).is_nil


@given(st.integers(min_value=1000, max_value=10**12))
def test_glued_groups_rejoin_to_the_number(number):
    groups = glued_digit_groups(str(number))
    assert "".join(groups) == str(number)
    if len(str(number)) == 4 and str(number).startswith(("19", "20")):
        assert groups == [str(number)]
    else:
        assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3


def test_grouped_shapes_and_days_before_years():
    assert group_separator("16,198") == "," and group_separator("(1.250.300)") == "." and group_separator("16,19") is None
    assert day_and_year("31,2025") == ["31,", "2025"] and day_and_year("31,202") == ["31,202"]
