"""Parse figures as printed in financial tables: `1 234,5`, `(0,2)`, `1,234.5`, `-18,7%`, `–`.

The parser never guesses a value: a text that is not unambiguously a figure returns None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Every space-like character that typesetters put between thousands groups.
GROUP_SPACES = "\u0020\u00a0\u202f\u2009\u2007"
MINUS_SIGNS = "-\u2212\u2013\u2014"
NIL_MARKERS = {"-", "\u2013", "\u2014", "\u2212", "--", "n.s.", "ns", "n/a", "na", "n.a.", "nm", "n.m.", "nmf", "n/m"}
CURRENCY_MARKS = ("US$", "CA$", "C$", "M$", "M€", "k€", "K€", "$", "€", "£", "¥")

_SPACE_CLASS = f"[{GROUP_SPACES}]"
_DIGITS_WITH_SEPARATORS = re.compile(rf"^\d[\d.,{GROUP_SPACES}]*$")


@dataclass(frozen=True)
class ParsedNumber:
    """A figure as printed: `value` is signed and in the table's own scale; None for a nil mark."""

    value: Decimal | None
    decimals: int  # digits printed after the decimal separator
    kind: str  # 'amount' | 'percent'

    @property
    def is_nil(self) -> bool:
        return self.value is None


def _strip_currency(text: str) -> str:
    for mark in CURRENCY_MARKS:
        if text.startswith(mark):
            text = text[len(mark):].strip()
        if text.endswith(mark):
            text = text[: -len(mark)].strip()
    return text


def _split_decimal(digits: str, decimal_comma: bool | None) -> tuple[str, str] | None:
    """Split `digits` into integer and fraction parts, or None when the grouping is not valid."""
    digits = re.sub(_SPACE_CLASS, " ", digits)
    has_comma, has_dot = "," in digits, "." in digits
    if has_comma and has_dot:
        decimal_sep = "," if digits.rfind(",") > digits.rfind(".") else "."
    elif has_comma or has_dot:
        sep = "," if has_comma else "."
        whole, _, last = digits.rpartition(sep)
        looks_grouped = digits.count(sep) > 1 or (len(last) == 3 and re.fullmatch(r"\d{1,3}", whole.replace(" ", "")) is not None)
        if looks_grouped:
            # `1,234`: thousands in English, 1.234 in French; `0.8` in a French table is plainly a decimal.
            comma_means_decimal = decimal_comma if decimal_comma is not None else False
            is_decimal = (sep == ",") == comma_means_decimal and digits.count(sep) == 1
            decimal_sep = sep if is_decimal else None
        else:
            decimal_sep = sep
    else:
        decimal_sep = None
    if decimal_sep is None:
        integer, fraction = digits, ""
    else:
        integer, _, fraction = digits.rpartition(decimal_sep)
        if not fraction.isdigit():
            return None
    group_sep = {None: None, ",": ".", ".": ","}[decimal_sep]
    groups = re.split(r"[ ,.]" if group_sep is None else rf"[ {re.escape(group_sep)}]", integer)
    if not groups[0].isdigit() or not all(g.isdigit() and len(g) == 3 for g in groups[1:]):
        return None
    if len(groups) > 1 and len(groups[0]) > 3:
        return None
    # A separator that belongs to neither role (`1,234.5,6`) has already failed the checks above.
    if decimal_sep is not None and group_sep is not None and decimal_sep in integer:
        return None
    return "".join(groups), fraction


def parse_number(text: str, *, decimal_comma: bool | None = None) -> ParsedNumber | None:
    """Parse one printed figure. `decimal_comma` is the document's convention, when known.

    Parentheses and leading minus signs of any dash kind make a figure negative; a lone dash or
    `n.s.`/`n/a` is a nil cell (value None); a trailing `%` makes it a percentage.
    """
    text = text.strip()
    if not text:
        return None
    text = _strip_currency(text)
    kind = "amount"
    if text.endswith("%"):
        kind = "percent"
        text = text[:-1].rstrip(GROUP_SPACES)
        if text.endswith("pts") or text.endswith("pt"):
            return None
    if text.lower() in NIL_MARKERS:
        return ParsedNumber(None, 0, kind)
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
        text = _strip_currency(text)
        if text.endswith("%"):
            kind, text = "percent", text[:-1].rstrip(GROUP_SPACES)
    if text[:1] in MINUS_SIGNS or text[:1] == "+":
        if text[:1] != "+":
            negative = not negative
        text = text[1:].lstrip(GROUP_SPACES)
    if not _DIGITS_WITH_SEPARATORS.match(text):
        return None
    parts = _split_decimal(text, decimal_comma)
    if parts is None:
        return None
    integer, fraction = parts
    value = Decimal(f"{integer}.{fraction}" if fraction else integer)
    return ParsedNumber(-value if negative else value, len(fraction), kind)


def looks_like_year(text: str) -> bool:
    """A bare four-digit year as printed in a column header (`2025`), not an amount."""
    return re.fullmatch(r"(19|20)\d\d", text.strip()) is not None


# ------------------------------------------------------------------ figures as OCR reads them
# Repairs of what Tesseract makes of printed figures, here beside the parser they feed: each one turns a
# reading into the text the page prints, or leaves it alone.

# A nil dash read as several (`——`, `—–`, `--—`): one dash, whatever its kind.
_DASH_RUN = re.compile(rf"^[{MINUS_SIGNS}]{{2,}}$")
# Letters Tesseract reads for digits inside a figure: `1O5,3`, `l,250`.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_LOOKALIKE_LETTERS = set("OolI")
# `914819`: the digit groups of a whole number read as one word (its narrow thousands spaces lost), signed
# or in brackets; a year alone (`2023`) is not one.
_GLUED_GROUPS = re.compile(r"^([(\-\u2212\u2013+]?)(\d{4,})(\)?)$")
# A figure whose digit groups are separated by `.` or `,`, three digits after each: `16,198`, `(1.250.300)`.
_GROUPED = re.compile(r"^[(\-\u2212\u2013+]?\d{1,3}(?P<separator>[.,])\d{3}(?:(?P=separator)\d{3})*\)?$")
# `31,2025`: a day and a year whose space was lost (`December 31,2025`); no number has that shape.
_DAY_AND_YEAR = re.compile(r"^(\d{1,2},)((?:19|20)\d\d)$")


def repair_ocr_figure(text: str) -> str:
    """The figure the page prints, from Tesseract's reading of it: a run of dashes is one nil dash, and
    the look-alike letters of a word that is otherwise a figure are its digits (`1O5,3` → `105,3`). A
    word is repaired only when at least two of its characters are digits read as digits and the repair
    parses as a number: `IO`, `Total`, `Note l` stay words."""
    if _DASH_RUN.match(text):
        return "\u2014"
    letters = {c for c in text if c.isalpha()}
    if not letters or not letters <= _LOOKALIKE_LETTERS or sum(c.isdigit() for c in text) < 2:
        return text
    repaired = text.translate(_DIGIT_LOOKALIKES)
    return repaired if parse_number(repaired) is not None else text


def glued_digit_groups(text: str) -> list[str]:
    """`914819` → `914`, `819`: a whole number split into its groups of three (sign and brackets kept at
    its ends), for the layout to join whole again as it joins a text layer's `1` + `234,5`. Any other
    text, a year alone included, is one piece."""
    match = _GLUED_GROUPS.match(text)
    if not match or looks_like_year(text):
        return [text]
    sign, digits, close = match.groups()
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    groups[0], groups[-1] = sign + groups[0], groups[-1] + close
    return groups


def group_separator(text: str) -> str | None:
    """The mark between the digit groups of a figure of the grouped shape (`16,198` → `,`), else None."""
    match = _GROUPED.match(text)
    return match.group("separator") if match else None


def day_and_year(text: str) -> list[str]:
    """`31,2025` → `31,`, `2025`: a day and a year as printed; any other text is one piece."""
    match = _DAY_AND_YEAR.match(text)
    return list(match.groups()) if match else [text]
