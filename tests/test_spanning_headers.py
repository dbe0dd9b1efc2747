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


def test_years_centred_in_cells_wider_than_their_figures_head_them_under_their_span():
    """`For the Three Months Ended June 30,` over `2023  2022`, each year centred in a cell whose figures
    are right-aligned after a `$` column: the first year stands left of the first column's figures, but
    right of every row label, so it is that column's header, not a caption of the label column."""
    bands = [Band(305.0, 327.0), Band(395.0, 414.0), Band(483.0, 505.0), Band(570.0, 592.0)]
    group = [
        header_line(("For", 274.0, 285.0), ("the", 287.0, 296.0), ("Three", 298.0, 316.0), ("Months", 318.0, 342.0),
                    ("Ended", 343.0, 363.0), ("June", 365.0, 380.0), ("30,", 382.0, 391.0), ("For", 456.0, 467.0),
                    ("the", 469.0, 479.0), ("Six", 480.0, 490.0), ("Months", 492.0, 515.0), ("Ended", 517.0, 537.0),
                    ("June", 539.0, 554.0), ("30,", 556.0, 565.0), top=100.0),
        header_line(("2023", 282.0, 296.0), ("2022", 368.0, 383.0), ("2023", 460.0, 474.0), ("2022", 547.0, 561.0), top=110.0),
    ]
    texts, caption, _ = read_headers(group, bands, label_right=303.0, labels_end=205.0)
    assert texts == ["For the Three Months Ended June 30, 2023", "For the Three Months Ended June 30, 2022",
                     "For the Six Months Ended June 30, 2023", "For the Six Months Ended June 30, 2022"]
    assert caption == []
    # Where the labels reach past the year, it is read in the label column as before: unknown, not guessed.
    texts, caption, _ = read_headers(group, bands, label_right=303.0, labels_end=300.0)
    assert caption == ["2023"]


def test_a_line_of_for_the_months_ended_phrases_is_a_header_line():
    from extract.tables import classify_line

    line = header_line(("For", 274.0, 285.0), ("the", 287.0, 296.0), ("Six", 298.0, 316.0), ("Months", 318.0, 342.0),
                       ("Ended", 343.0, 363.0), ("June", 365.0, 380.0), ("30,", 382.0, 391.0), top=100.0).line
    assert classify_line(line, 792.0, False).kind == HEADER


def test_a_one_line_header_between_the_lines_of_two_line_headers_heads_its_own_column():
    """`T4 2025 | Var. | 12 mois / 2025` with the one-line headers centred between the two lines of the
    others: `Var.` heads its column, not the 12-month ones beside it (they would read as variances)."""
    bands = [Band(226.0, 242.0), Band(338.0, 359.0), Band(396.0, 419.0), Band(455.0, 478.0), Band(518.0, 537.0)]
    group = [
        header_line(("12", 379.0, 391.0), ("mois", 394.0, 419.0), ("12", 438.0, 450.0), ("mois", 454.0, 478.0), top=370.0),
        header_line(("T4", 201.0, 213.0), ("2025", 216.0, 242.0), ("Var.", 338.0, 359.0), ("Var.", 516.0, 537.0), top=376.0),
        header_line(("2025", 394.0, 419.0), ("2024", 453.0, 478.0), top=381.0),
    ]
    texts, _, _ = read_headers(group, bands, label_right=190.0)
    assert texts == ["T4 2025", "Var.", "12 mois 2025", "12 mois 2024", "Var."]


def _fiscal_year_over_quarters() -> tuple[list[Band], list[ClassifiedLine]]:
    """`Fiscal 2025` centred over the middle two of four quarter columns (`Q4 Q3 Q2 Q1`), a Note column left."""
    bands = [Band(235.0, 259.0), Band(278.0, 302.0), Band(321.0, 345.0), Band(364.0, 388.0)]
    group = [
        header_line(("Fiscal", 291.0, 311.0), ("2025", 313.0, 329.0), top=99.0),
        header_line(("Note", 194.0, 210.0), ("Q4", 240.0, 250.0), ("Q3", 283.0, 294.0), ("Q2", 327.0, 337.0), ("Q1", 370.0, 380.0), top=111.0),
    ]
    return bands, group


def test_a_cell_drawn_around_a_header_names_every_column_beneath_it():
    """Without rules, only the columns under the span's text are its own (Q1 and Q4 are left without a
    period, unknown); the merged cell's borders, drawn, name all four."""
    from extract.layout import Rule

    bands, group = _fiscal_year_over_quarters()
    texts, _, _ = read_headers(group, bands, label_right=233.0, labels_end=120.0)
    assert "Fiscal 2025" not in texts[0] and "Fiscal 2025" not in texts[3]
    cell = [Rule(224.0, 224.0, 96.0, 347.0), Rule(396.0, 396.0, 96.0, 347.0), Rule(41.0, 41.0, 96.0, 347.0),
            *(Rule(x, x, 109.0, 347.0) for x in (267.0, 310.0, 353.0))]
    texts, _, _ = read_headers(group, bands, label_right=233.0, labels_end=120.0, rules=cell)
    assert texts == ["Fiscal 2025 Q4", "Fiscal 2025 Q3", "Fiscal 2025 Q2", "Fiscal 2025 Q1"]
    underline = [Rule(224.0, 396.0, 109.0, 109.0)]
    assert read_headers(group, bands, label_right=233.0, labels_end=120.0, rules=underline)[0] == texts


def test_a_frame_or_a_row_rule_spans_nothing():
    """A rule under the whole header row (from the label column) or a frame around the table is no
    cell of the phrase: the header is read by position, as without rules."""
    from extract.layout import Rule

    bands, group = _fiscal_year_over_quarters()
    unruled, _, _ = read_headers(group, bands, label_right=233.0, labels_end=120.0)
    frame = [Rule(41.0, 41.0, 96.0, 347.0), Rule(396.0, 396.0, 96.0, 347.0), Rule(41.0, 396.0, 109.0, 109.0)]
    assert read_headers(group, bands, label_right=233.0, labels_end=120.0, rules=frame)[0] == unruled
    # A rule under two phrases of one line (`2025  2024` underlined together) belongs to neither.
    years = [header_line(("2025", 240.0, 259.0), ("2024", 283.0, 302.0), top=111.0)]
    two = [Band(235.0, 259.0), Band(278.0, 302.0)]
    assert read_headers(years, two, label_right=233.0, labels_end=120.0, rules=[Rule(230.0, 305.0, 119.0, 119.0)])[0] == ["2025", "2024"]
