"""Reporting periods from column headers: `T4 2025`, `12 mois 2025`, `June 30, 2023`, `31/12/2025`...

A column header says when a period ends and, sometimes, how long it lasts. Whether a figure is a
flow (duration) or a stock (instant) is a property of the statement, so the caller decides that.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "janvier": 1, "january": 1, "jan": 1, "janv": 1,
    "fevrier": 2, "february": 2, "feb": 2, "fev": 2, "fevr": 2,
    "mars": 3, "march": 3, "mar": 3,
    "avril": 4, "april": 4, "apr": 4, "avr": 4,
    "mai": 5, "may": 5,
    "juin": 6, "june": 6, "jun": 6,
    "juillet": 7, "july": 7, "jul": 7, "juil": 7,
    "aout": 8, "august": 8, "aug": 8,
    "septembre": 9, "september": 9, "sep": 9, "sept": 9,
    "octobre": 10, "october": 10, "oct": 10,
    "novembre": 11, "november": 11, "nov": 11,
    "decembre": 12, "december": 12, "dec": 12,
}
# Period lengths spelled out, compounds included: `Thirty-nine Weeks Ended`, `Twenty-six weeks`,
# `vingt-six semaines`, `Fifty-two weeks` (a tens word, then a unit, joined by a hyphen, a space or `et`).
_UNIT_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50}


def _alternatives(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# A count of weeks or months: digits, a tens word with an optional unit, or a unit word.
# French joins only `un` with `et` (`trente et un`, but `trente-deux`); a word ends at a word boundary
# (`cinq` is not the start of `cinquante`).
_COUNT = (
    rf"(\d{{1,2}}|(?:{_alternatives(_TENS_WORDS)})(?:[ -]et[ -]une?|[ -](?:{_alternatives(_UNIT_WORDS)}))?\b"
    rf"|(?:{_alternatives(_UNIT_WORDS)})\b)"
)


_WEEKS = r"(?:weeks?|semaines?)"
_MONTHS = r"(?:months?|mois)"
_LENGTH_UNIT = rf"(?:{_WEEKS}|{_MONTHS})"
_LIST_SEPARATOR = r"\s*(?:,|and|&|et)\s*"
# Each count of a list is read whole before any separator (an atomic group): `vingt et un` is one count,
# `un et un` two.
_LISTED_COUNT = rf"(?>{_COUNT})"
# `Three and Six Months Ended`, `53 and 52 Weeks Ended`, `Three Months and Six Months`, `trois et six mois`:
# one phrase naming a length for each group of columns under it, in the groups' order.
_LENGTH_LIST = re.compile(
    rf"(?<![\w-])(?P<counts>{_LISTED_COUNT}(?:[ -]?{_LENGTH_UNIT})?(?:{_LIST_SEPARATOR}{_LISTED_COUNT}(?:[ -]?{_LENGTH_UNIT})?)*"
    rf"{_LIST_SEPARATOR}{_LISTED_COUNT})(?P<unit>[ -]?{_LENGTH_UNIT})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LengthList:
    """A header naming several lengths (`Three and Six Months Ended June 30,`): where the list is, and the
    header as each group of the columns under it reads it (`Three Months Ended June 30,`, `Six Months…`)."""

    span: tuple[int, int]
    readings: list[str]


def length_list(header: str) -> LengthList | None:
    """The list of lengths the header names, if it names one."""
    match = _LENGTH_LIST.search(header)
    if match is None:
        return None
    counts = re.findall(rf"(?<![\w-]){_COUNT}", match.group("counts"), re.IGNORECASE)
    readings = [f"{header[:match.start()]}{count}{match.group('unit')}{header[match.end():]}" for count in counts]
    return LengthList(match.span(), readings)


def _count_value(count: str) -> int:
    """`39`, `thirty-nine`, `vingt et un`, `six` → the number."""
    if count.isdigit():
        return int(count)
    words = [w for w in re.split(r"[ -]", count) if w != "et"]
    return sum(_TENS_WORDS.get(w) or _UNIT_WORDS[w] for w in words)


# A variance word anywhere in the header: a spanning header (`Exercice clos le 31 mars`) above the
# column's own (`Var. %`) comes first in the joined text.
_VARIANCE = re.compile(r"(^|\s)(var\.?|variation|change|chg|evolution|ecart|growth|croissance|%|δ|∆%?|delta|vs\.?|versus)(\s|$)")

# `Second Quarter 2025`, `Premier semestre 2025`, `3e trimestre` → the `Q2 2025` / `S1 2025` forms.
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "premier": 1, "1er": 1, "deuxieme": 2, "2e": 2, "2eme": 2,
    "troisieme": 3, "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4, "4eme": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
# `Second-Quarter 2023` is hyphenated as often as not.
_ORDINAL = re.compile(rf"\b({'|'.join(re.escape(k) for k in _ORDINALS)})[ -](quarter|half|trimestre|semestre)\b")
_QUARTER_LETTER = {"quarter": "q", "trimestre": "t", "half": "h", "semestre": "s"}

_LONE_QUARTER = re.compile(r"\b[qt]([1-4])\b")
_LONE_HALF = re.compile(r"\b[hs]([12])\b")
# `N`, `N-1`, `N - 1` in a header: the year the document's own fiscal year ends in, or one before it.
_RELATIVE_YEAR = re.compile(r"(?<![\w/.])n(?:\s?([-+])\s?(\d))?(?![\w°º/.])|(?<=/)n(?:\s?([-+])\s?(\d))?(?![\w°º])")

VARIANCE = "variance"
VALUE = "value"


@dataclass(frozen=True)
class Period:
    end: date
    months: int | None  # None when the header gives only a date (a balance-sheet date, say)
    weeks: int | None = None

    def start(self) -> date | None:
        if self.weeks:
            return self.end - timedelta(days=7 * self.weeks - 1)
        if not self.months:
            return None
        month_index = self.end.year * 12 + self.end.month - 1 - self.months + 1
        year, month = divmod(month_index, 12)
        if self.end.day == calendar.monthrange(self.end.year, self.end.month)[1]:
            return date(year, month + 1, 1)
        if on_week_calendar(self.end) and self.months % 3 == 0:
            # A 52/53-week year ends on a weekday near the month's end (`June 25, 2022`, `July 1, 2023`):
            # its quarters are 13 weeks, not calendar months.
            return self.end - timedelta(days=7 * (13 * self.months // 3) - 1)
        # A period ending on the 15th starts on the 16th, `months` months earlier.
        return _add_months(self.end, -self.months) + timedelta(days=1)


def on_week_calendar(end: date) -> bool:
    """A period end a week or less from a month's end, not on it: the end of a 52/53-week period."""
    last = calendar.monthrange(end.year, end.month)[1]
    return end.day != last and (end.day > last - 7 or end.day <= 7)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: the form all header matching works on."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").lower()
    return re.sub(r"\s+", " ", text).strip()


def column_role(header: str) -> str:
    return VARIANCE if _VARIANCE.search(fold(header)) else VALUE


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _fiscal_year_end(year: int, fiscal_year_end: tuple[int, int]) -> date:
    month, day = fiscal_year_end
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _explicit_date(text: str, month_first: bool) -> date | None:
    month_names = _alternatives(MONTHS)
    for pattern, order in (
        (rf"\b(\d{{1,2}})(?:er)? ({month_names})\.?,? ((?:19|20)\d\d)\b", "dmy"),
        # A spreadsheet's day-month-year (`31-déc-22`, `15-Mar-2023`).
        (rf"\b(\d{{1,2}})-({month_names})\.?-((?:19|20)\d\d|\d\d)\b", "dmy"),
        (rf"\b({month_names})\.? (\d{{1,2}}),? ((?:19|20)\d\d)\b", "mdy"),
        (r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d|\d\d)\b", "numeric"),
    ):
        match = re.search(pattern, text)
        if not match:
            continue
        a, b, year = match.groups()
        if order == "dmy":
            day, month = int(a), MONTHS[b]
        elif order == "mdy":
            day, month = int(b), MONTHS[a]
        else:
            # `6/17/2023` can only be month first; `06/05/2023` follows the document's language.
            first, second = int(a), int(b)
            month_first_here = second > 12 or (month_first and first <= 12)
            day, month = (second, first) if month_first_here else (first, second)
        year = int(year) if len(year) == 4 else 2000 + int(year)
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None


def _duration_months(text: str) -> tuple[int | None, int | None]:
    """(months, weeks) stated by the header, e.g. `Three Months Ended`, `12 mois`, `36 Weeks Ended`."""
    if length_list(text):
        # Several lengths for one column (`53 and 52 Weeks Ended` not shared out over its columns): which
        # one is this column's is unknown.
        return None, None
    # `(?<![\w-])`: `nine` of `thirty-nine` is not a count of its own.
    weeks = re.search(rf"(?<![\w-]){_COUNT}[ -]?{_WEEKS}\b", text)
    if weeks:
        return None, _count_value(weeks.group(1))
    months = re.search(rf"(?<![\w-]){_COUNT}[ -]?(?:{_MONTHS}|m)\b", text)
    if months:
        return _count_value(months.group(1)), None
    # A lone quarter or half inside a fiscal year (`Fiscal 2025` over `Q2`) is that quarter, not the year.
    if _LONE_QUARTER.search(text):
        return 3, None
    if _LONE_HALF.search(text):
        return 6, None
    if re.search(r"\b(years?|annees?|exercices?|fiscal|fy|twelve)\b", text):
        return 12, None
    if re.search(r"\b(semestres?|half|halves|semesters?)\b", text):
        return 6, None
    if re.search(r"\b(trimestres?|quarters?)\b", text):
        return 3, None
    return None, None


def _resolve_relative_years(text: str, current_year: int) -> str:
    """`31/12/n-1` → `31/12/2024` when the document's fiscal year ends in 2025."""

    def year(match: re.Match) -> str:
        sign, count = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        offset = int(count) if count else 0
        return str(current_year - offset if sign != "+" else current_year + offset)

    return _RELATIVE_YEAR.sub(year, text)


def _month_and_year(text: str) -> date | None:
    """`déc-23`, `juin 2025`, `Dec. 2023`: the end of that month (a month named without its day)."""
    month_names = _alternatives(MONTHS)
    # A two-digit year only after a hyphen or an apostrophe: `Sept 30` is a day, not 2030.
    match = re.search(rf"\b({month_names})\.?(?:\s?((?:19|20)\d\d)|\s?[-']\s?(\d\d))\b", text)
    if not match or re.search(rf"\b\d{{1,2}}(?:er)? {match.group(1)}\b|\b{match.group(1)}\.? \d{{1,2}},", text):
        return None
    year = int(match.group(2)) if match.group(2) else 2000 + int(match.group(3))
    return _month_end(year, MONTHS[match.group(1)])


def parse_period(
    header: str, *, fiscal_year_end: tuple[int, int] = (12, 31), month_first: bool = False, current_year: int | None = None
) -> Period | None:
    """The period a column header names, or None when it names none (a variance column, say)."""
    text = _ORDINAL.sub(lambda m: f"{_QUARTER_LETTER[m.group(2)]}{_ORDINALS[m.group(1)]} ", fold(header))
    if not text or column_role(text) == VARIANCE:
        return None
    if current_year is not None:
        text = _resolve_relative_years(text, current_year)
    months, weeks = _duration_months(text)
    explicit = _explicit_date(text, month_first) or _month_and_year(text)
    if explicit:
        return Period(explicit, months, weeks)

    quarter = re.search(r"\b(?:t|q)([1-4])\s?-?\s?((?:19|20)?\d\d)\b|\b([1-4])(?:t|q)\s?((?:19|20)?\d\d)\b", text)
    half = re.search(r"\b(?:s|h)([12])\s?-?\s?((?:19|20)?\d\d)\b|\b([12])(?:er|nd|e)? (?:semestre|half)\s((?:19|20)\d\d)\b", text)
    # `Fiscal 2025` above `Q2`: the quarter and the year printed apart.
    fiscal_year = re.search(r"\b((?:19|20)\d\d)\b", text)
    if not quarter and fiscal_year and (lone := _LONE_QUARTER.search(text)):
        quarter = re.match(r"q(\d) (\d{4})", f"q{lone.group(1)} {fiscal_year.group(1)}")
    if not half and fiscal_year and (lone := _LONE_HALF.search(text)):
        half = re.match(r"h(\d) (\d{4})", f"h{lone.group(1)} {fiscal_year.group(1)}")
    months_to_date = re.search(r"\b(\d{1,2})\s?(?:m|mois|months)\s((?:19|20)\d\d)\b", text)
    year_match = re.search(r"\b(?:fy|exercice |annee )?((?:19|20)\d\d)\b|\bfy(\d\d)\b", text)

    def full_year(token: str) -> int:
        return int(token) if len(token) == 4 else 2000 + int(token)

    fye_month = fiscal_year_end[0]
    if quarter:
        number, year = (quarter.group(1), quarter.group(2)) if quarter.group(1) else (quarter.group(3), quarter.group(4))
        fiscal_end = _fiscal_year_end(full_year(year), fiscal_year_end)
        end = _add_months(fiscal_end, -3 * (4 - int(number)))
        return Period(_month_end(end.year, end.month), 3)
    if half:
        number, year = (half.group(1), half.group(2)) if half.group(1) else (half.group(3), half.group(4))
        fiscal_end = _fiscal_year_end(full_year(year), fiscal_year_end)
        end = _add_months(fiscal_end, -6 * (2 - int(number)))
        return Period(_month_end(end.year, end.month), 6)
    if months_to_date:
        count, year = int(months_to_date.group(1)), int(months_to_date.group(2))
        fiscal_end = _fiscal_year_end(year, fiscal_year_end)
        end = _add_months(fiscal_end, count - 12)
        return Period(_month_end(end.year, end.month) if fye_month else end, count)
    if year_match:
        year = int(year_match.group(1)) if year_match.group(1) else 2000 + int(year_match.group(2))
        # A header such as `Exercice clos le 31 décembre` + `2025` carries day and month apart from the year.
        day_month = re.search(rf"\b(\d{{1,2}})(?:er)? ({'|'.join(MONTHS)})\b|\b({'|'.join(MONTHS)}) (\d{{1,2}})\b", text)
        if day_month:
            day, month = (int(day_month.group(1)), MONTHS[day_month.group(2)]) if day_month.group(1) else (int(day_month.group(4)), MONTHS[day_month.group(3)])
            try:
                return Period(date(year, month, day), months, weeks)
            except ValueError:
                pass
        return Period(_fiscal_year_end(year, fiscal_year_end), months or 12, weeks)
    return None


# `Exercice clos le : 31/12/2024`, `Exercice N clos le 31 décembre 2025`, `fiscal year ended June 30, 2024`.
_CLOSING_PHRASE = re.compile(
    r"\b(?:exercices?|periode|semestre|trimestre|year|period|quarter)\b(?: n)?\s(?:clos|close|closed|arrete|termine|ended|ending)e?s?"
    r"\s(?:le|au|at|on)?\s?:?\s?(.{6,24})"
)


def document_year(text: str, month_first: bool = False) -> int | None:
    """The year the document's own fiscal period ends in, as its first closing phrase states it: what
    `N` means in a header (`31/12/N`, `N-1`). None when no phrase states it: N is then not read."""
    for match in _CLOSING_PHRASE.finditer(fold(text)):
        day = _explicit_date(match.group(1), month_first)
        if day is not None:
            return day.year
    return None
