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
