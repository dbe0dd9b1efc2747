"""Column headers: a header spanning several columns names each of them, read from word positions as
pdfplumber gives them (the geometry below is measured on real 10-Q and half-year report pages)."""

from extract.layout import Line, Token
from extract.periods import parse_period
from extract.tables import HEADER, Band, ClassifiedLine, read_headers


def header_line(*words: tuple[str, float, float], top: float) -> ClassifiedLine:
    return ClassifiedLine(Line([Token(text, x0, x1, top, top + 7, 7.0) for text, x0, x1 in words]), HEADER)


def test_a_header_centred_over_the_dates_beneath_names_both_columns():
    """`Nine Months Ended` is centred over `July 1, 2023` and `June 25, 2022`, whose figures are set right
    of them: it covers the first column's figures only, yet names both (nine months, not three)."""
    bands = [Band(478.0, 508.0), Band(562.0, 593.0)]
    group = [
        header_line(("Nine", 478.9, 494.5), ("Months", 496.5, 522.1), ("Ended", 524.1, 546.1), top=112.5),
        header_line(("July", 459.1, 473.5), ("1,", 475.5, 481.5), ("June", 540.3, 557.1), ("25,", 559.1, 569.1), top=123.3),
        header_line(("2023", 462.3, 478.3), ("2022", 546.7, 562.7), top=130.7),
    ]
    texts, _, _ = read_headers(group, bands, label_right=440.0)
    assert texts == ["Nine Months Ended July 1, 2023", "Nine Months Ended June 25, 2022"]
    assert parse_period(texts[1], month_first=True).months == 9


def test_a_stacked_spanning_header_names_both_columns():
    """`Six months ended` / `June 30,` over `2023  2022`: the comparative column is the first half of
    2022, not the calendar year 2022."""
    bands = [Band(455.0, 502.0), Band(541.0, 589.0)]
    group = [
        header_line(("Six", 475.4, 487.4), ("months", 489.7, 516.1), ("ended", 518.4, 539.9), top=90.1),
        header_line(("June", 492.6, 509.1), ("30,", 511.4, 522.6), top=100.9),
        header_line(("2023", 455.5, 473.5), ("2022", 541.8, 559.8), top=112.4),
    ]
    texts, _, _ = read_headers(group, bands, label_right=440.0)
    assert texts == ["Six months ended June 30, 2023", "Six months ended June 30, 2022"]


def test_a_date_between_two_columns_headers_its_own_column_only():
    """`30 juin` / `2025` heads a column whose neighbours print more header lines: it sits between
    their `2024` lines, centred over them by chance, and must not name them."""
    bands = [Band(286.0, 309.0), Band(328.0, 343.0), Band(359.0, 383.0)]
    group = [
        header_line(("constants", 271.7, 302.4), ("30", 312.2, 320.5), ("juin", 322.0, 333.2), ("publiées", 346.0, 371.8), top=164.0),
        header_line(("au", 271.7, 279.5), ("30", 280.9, 289.2), ("juin", 290.7, 301.9), ("2025", 312.2, 328.2), ("30", 346.0, 354.3), ("juin", 355.7, 367.0), top=170.5),
        header_line(("2024", 271.7, 287.7), ("(non", 289.2, 303.0), ("2024", 346.0, 362.0), top=177.0),
    ]
    texts, _, _ = read_headers(group, bands, label_right=260.0)
    assert texts[1].startswith("30 juin 2025")
    assert "2025" not in texts[0] and "2025" not in texts[2]


def test_headers_run_together_on_a_line_of_column_headers_span_nothing():
    """`Net cash` and `additions and` (two columns' headers, set close enough to read as one phrase) sit
    on a line of single-column headers: the line is not one of spanning headers, and `1 July` keeps
    its column."""
    bands = [Band(228.0, 250.0), Band(286.0, 307.0), Band(322.0, 364.0), Band(387.0, 420.0)]
    group = [
        header_line(("1", 227.9, 231.2), ("July", 233.3, 250.0), ("Net", 272.5, 286.5), ("cash", 288.6, 306.7), ("additions", 310.5, 348.7),
                    ("and", 350.8, 365.2), ("non-cash", 384.1, 420.1), top=143.2),
        header_line(("2021", 232.1, 250.0), ("flows", 286.1, 306.7), ("remeasure", 322.1, 363.4), ("changes", 387.5, 420.1), top=152.7),
    ]
    texts, _, _ = read_headers(group, bands, label_right=220.0)
    assert texts[0] == "1 July 2021"
