from datetime import date

import pytest

from extract.periods import parse_period


@pytest.mark.parametrize(
    ("header", "end", "months"),
    [
        ("2025", date(2025, 12, 31), 12),
        ("FY2025", date(2025, 12, 31), 12),
        ("T4 2025", date(2025, 12, 31), 3),
        ("Q4 2024", date(2024, 12, 31), 3),
        ("S1 2025", date(2025, 6, 30), 6),
        ("H1 2025", date(2025, 6, 30), 6),
        ("12 mois 2025", date(2025, 12, 31), 12),
        ("6M 2023", date(2023, 6, 30), 6),
        ("31 décembre 2025", date(2025, 12, 31), None),
        ("31/12/2025", date(2025, 12, 31), None),
        ("June 30, 2023", date(2023, 6, 30), None),
        ("Exercice clos le 31 décembre 2025", date(2025, 12, 31), 12),
        ("Three Months Ended June 30, 2023", date(2023, 6, 30), 3),
        ("Six Months Ended June 30, 2023", date(2023, 6, 30), 6),
        ("Second-Quarter 2023", date(2023, 6, 30), 3),
        ("Second Quarter 2023", date(2023, 6, 30), 3),
        ("First-Half 2024", date(2024, 6, 30), 6),
    ],
)
def test_reads_periods_from_headers(header, end, months):
    period = parse_period(header)
    assert period is not None and period.end == end and period.months == months


def test_weeks_and_us_dates():
    period = parse_period("12 Weeks Ended 6/17/2023", month_first=True)
    assert period.end == date(2023, 6, 17) and period.start() == date(2023, 3, 26)


def test_fiscal_year_not_ending_in_december():
    assert parse_period("2023", fiscal_year_end=(6, 30)).end == date(2023, 6, 30)
    assert parse_period("Q4 2023", fiscal_year_end=(6, 30)).end == date(2023, 6, 30)


@pytest.mark.parametrize("header", ["Var.", "%", "Change", "Variation"])
def test_variance_columns_have_no_period(header):
    assert parse_period(header) is None


# 52/53-week fiscal calendars: a period ending a few days from a month's end (`July 1, 2023`,
# `June 25, 2022`) is counted in 13-week quarters, not calendar months.
from datetime import timedelta  # noqa: E402

from hypothesis import assume, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extract.periods import Period, on_week_calendar  # noqa: E402


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), st.sampled_from([3, 6, 9, 12]))
def test_a_period_on_a_week_calendar_is_whole_weeks_else_whole_months(end, months):
    start = Period(end, months).start()
    if on_week_calendar(end):
        assert (end - start).days + 1 == 7 * 13 * months // 3
    else:
        assert start.day in (1, end.day + 1) or end.day > 28
        assert (end.year * 12 + end.month) - (start.year * 12 + start.month) in (months - 1, months)


@pytest.mark.parametrize(
    ("header", "start"),
    [
        ("Three Months Ended June 25, 2022", date(2022, 3, 27)),
        ("Nine Months Ended June 25, 2022", date(2021, 9, 26)),
        ("Three Months Ended Apr 1, 2023", date(2023, 1, 1)),
        ("Six Months Ended June 30, 2023", date(2023, 1, 1)),
        ("Three months ended March 15, 2024", date(2023, 12, 16)),
    ],
)
def test_period_starts_on_week_and_month_calendars(header, start):
    assert parse_period(header, month_first=True).start() == start


def test_week_calendar_ends_are_near_a_month_end_not_on_it():
    assert on_week_calendar(date(2023, 7, 1)) and on_week_calendar(date(2022, 9, 24))
    assert not on_week_calendar(date(2023, 6, 30)) and not on_week_calendar(date(2023, 6, 15))
    assert date(2023, 7, 1) - timedelta(days=7 * 13 - 1) == date(2023, 4, 2)


@given(st.integers(2000, 2060), st.integers(0, 3), st.sampled_from(["31/12/N{}", "EXERCICE AU 31/12/N{} NET", "Exercice N{}"]))
def test_relative_years_count_back_from_the_documents_year(year, back, template):
    header = template.format(f"-{back}" if back else "")
    period = parse_period(header, current_year=year)
    assert period is not None and period.end == date(year - back, 12, 31)
    # Without the document's year, N is not guessed.
    assert parse_period(header) is None


@given(st.integers(1, 12), st.integers(0, 60), st.sampled_from(["-", "'", " '"]))
def test_a_month_and_a_two_digit_year_is_that_months_end(month, year, separator):
    name = ["janv", "fevr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "dec"][month - 1]
    period = parse_period(f"{name}{separator}{year:02d}")
    assert period is not None and period.end.year == 2000 + year and period.end.month == month
    assert (period.end + timedelta(days=1)).day == 1


@given(st.integers(2000, 2060), st.integers(1, 4))
def test_a_quarter_printed_apart_from_its_fiscal_year(year, quarter):
    period = parse_period(f"Fiscal {year} Q{quarter}")
    assert period is not None and period.months == 3 and period.end.year == year and period.end.month == 3 * quarter


@pytest.mark.parametrize(
    ("header", "months"),
    [("Quarters Ended June 30, 2025", 3), ("Exercices terminés le 30 novembre 2023", 12), ("Trimestres clos le 30 juin 2025", 3)],
)
def test_plural_period_kinds(header, months):
    assert parse_period(header).months == months


def test_a_day_is_not_a_two_digit_year():
    assert parse_period("Sept 30") is None


_ENGLISH_UNITS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_ENGLISH_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}
_FRENCH_UNITS = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split()
_FRENCH_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante"}


def _spelled(number: int, units: list[str], tens: dict[int, str], joiner: str) -> str:
    if number <= len(units):
        return units[number - 1]
    ten, unit = divmod(number, 10)
    return tens[10 * ten] + (f"{joiner}{units[unit - 1]}" if unit else "")


@given(st.integers(1, 59), st.sampled_from(["Weeks Ended", "weeks ended", "-Week Period Ended"]), st.dates(date(2000, 1, 1), date(2060, 12, 31)))
def test_a_number_of_weeks_spelled_out_is_that_many_weeks(weeks, kind, end):
    spelled = _spelled(weeks, _ENGLISH_UNITS, _ENGLISH_TENS, "-")
    header = f"{spelled.capitalize()}{'' if kind.startswith('-') else ' '}{kind} {end:%B} {end.day}, {end.year}"
    period = parse_period(header, month_first=True)
    assert (period.end, period.weeks, period.start()) == (end, weeks, end - timedelta(days=7 * weeks - 1)), header


@given(st.integers(1, 59).filter(lambda n: n <= 16 or n >= 20), st.sampled_from(["semaines", "mois"]))
def test_a_french_count_spelled_out_is_that_count(count, kind):
    header = f"{_spelled(count, _FRENCH_UNITS, _FRENCH_TENS, '-')} {kind} au 30/06/2023"
    period = parse_period(header)
    assert (period.weeks if kind == "semaines" else period.months) == count, header


@pytest.mark.parametrize(("header", "weeks"), [("Thirty-nine weeks ended October 29, 2022", 39), ("vingt et un semaines au 30/06/2023", 21)])
def test_a_compound_count_is_not_read_as_its_last_word(header, weeks):
    assert parse_period(header, month_first=True).weeks == weeks


from extract.periods import length_list  # noqa: E402


@given(
    st.lists(st.integers(1, 59), min_size=2, max_size=4),
    st.sampled_from([("weeks", "and", _ENGLISH_UNITS, _ENGLISH_TENS), ("Months", "and", _ENGLISH_UNITS, _ENGLISH_TENS),
                     ("semaines", "et", _FRENCH_UNITS, _FRENCH_TENS)]),
    st.booleans(),
)
def test_a_list_of_lengths_names_one_per_group_in_order(counts, language, digits):
    """`53 and 52 Weeks Ended`, `Three, Six and Nine Months Ended`: each group of columns under the phrase
    reads its own length, in order; the phrase alone, for one column, names no length."""
    unit, conjunction, units, tens = language
    if not digits and unit == "semaines":
        # French spells 17 to 19 as `dix-sept`…, which this generator does not build.
        counts = [c for c in counts if c <= 16 or c >= 20]
        assume(len(counts) >= 2)
        # `trente et un` is thirty-one, not the list thirty and one: French writes the compound that way.
        assume(not any(first >= 20 and first % 10 == 0 and second == 1 for first, second in zip(counts, counts[1:])))
    words = [str(c) if digits else _spelled(c, units, tens, "-") for c in counts]
    listed = ", ".join(words[:-1]) + f" {conjunction} {words[-1]}"
    header = f"{listed.capitalize()} {unit} ended 30/06/2023" if unit != "Months" else f"{listed.capitalize()} {unit} Ended June 30, 2023"
    shared = length_list(header).readings
    read = [parse_period(text, month_first=unit == "Months") for text in shared]
    assert [p.weeks if unit != "Months" else p.months for p in read] == counts, header
    whole = parse_period(header, month_first=unit == "Months")
    assert (whole.months, whole.weeks) == (None, None), header
