"""Layout rules measured on real pages of documents the extraction was not tuned on (tests/gold/wide):
statements set side by side, a statement starting right under another, 52/53-week fiscal calendars."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from extract import extract_document

WIDE = Path(__file__).parent / "gold" / "wide"


@pytest.fixture(scope="module")
def extractions():
    return {}


def _extraction(extractions, name):
    if name not in extractions:
        extractions[name] = extract_document(WIDE / f"{name}.pdf")
    return extractions[name]


def _items(extraction, label, page=None):
    return [i for i in extraction.line_items if i.label == label and (page is None or i.page == page)]


def test_statements_side_by_side_are_read_as_two_tables(extractions):
    """CIE's page 1 sets assets beside liabilities, and the income statement beside the cash-flow
    statement: each panel is a table of its own, its figures under its own column headers."""
    cie = _extraction(extractions, "cie-ci-ifrs_FY2022_fr")
    capital = _items(cie, "Capital", page=1)
    assert [(i.value_text, i.period_end) for i in capital] == [("14 000", date(2022, 12, 31)), ("14 000", date(2021, 12, 31))]
    intangibles = _items(cie, "Immobilisations incorporelles", page=1)
    assert [(i.value_text, i.period_end) for i in intangibles] == [("3 128", date(2022, 12, 31)), ("3 760", date(2021, 12, 31))]
    assert intangibles[0].table_index != capital[0].table_index
    # No label runs from one panel into the other.
    assert not [i.label for i in cie.line_items if "Total actif" in i.label and "passif" in i.label]
    statements = {t.statement for t in cie.tables if t.first_page == 1}
    assert {"balance_sheet", "income_statement", "cash_flow"} <= statements


def test_a_statement_set_right_under_another_is_another_table(extractions):
    """Oragroup prints its income statement under the balance sheet with no more space than between
    rows: its title and header start a new table, whose columns are years, not balance-sheet dates."""
    oragroup = _extraction(extractions, "oragroup_FY2023_fr")
    income = next(t for t in oragroup.tables if t.first_page == 1 and t.statement == "income_statement")
    net_banking = [i for i in _items(oragroup, "Produit net Bancaire") if i.table_index == income.table_index]
    assert [(i.reported_value, i.period_type, i.period_start, i.period_end) for i in net_banking] == [
        (Decimal("215280"), "duration", date(2023, 1, 1), date(2023, 12, 31)),
        (Decimal("222431"), "duration", date(2022, 1, 1), date(2022, 12, 31)),
    ]


def test_a_fourteen_week_quarter_starts_after_the_printed_fiscal_year_end(extractions):
    """Apple's nine months ended July 1, 2023 are 40 weeks (its first quarter had 14): they start the day
    after the September 24, 2022 year end its balance sheet prints; the year before, 39 weeks."""
    apple = _extraction(extractions, "apple_FY2023Q3_10q_en")
    sales = {(i.period_start, i.period_end) for i in _items(apple, "Total net sales", page=4)}
    assert sales == {
        (date(2023, 4, 2), date(2023, 7, 1)),
        (date(2022, 3, 27), date(2022, 6, 25)),
        (date(2022, 9, 25), date(2023, 7, 1)),
        (date(2021, 9, 26), date(2022, 6, 25)),
    }


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extract.layout import Token  # noqa: E402
from extract.tables import _split_repeated_periods  # noqa: E402


def _tokens(words: list[str]) -> list[Token]:
    tokens, x = [], 100.0
    for word in words:
        tokens.append(Token(word, x, x + 5 * len(word), 10, 18, 8))
        x += 5 * len(word) + 2
    return tokens


@given(
    st.sampled_from([["Exercice"], ["T4"], ["31", "décembre"], ["12", "mois"], ["Q2"], []]),
    st.lists(st.integers(2000, 2060), min_size=2, max_size=4),
)
def test_adjacent_header_cells_of_one_kind_are_one_header_each(words, years):
    """`Exercice 2025 Exercice 2024` read as one phrase is two headers; a phrase that does not repeat
    (`Years ended December 31, 2025 and 2024`) stays whole."""
    phrase = _tokens([w for year in years for w in [*words, str(year)]])
    pieces = _split_repeated_periods(phrase)
    assert [" ".join(t.text for t in piece) for piece in pieces] == [" ".join([*words, str(year)]) for year in years]
    whole = _tokens(["Years", "ended", "December", "31,", str(years[0]), "and", str(years[1])])
    assert _split_repeated_periods(whole) == [whole]


def test_sideways_margin_text_is_not_read_as_figures(tmp_path):
    """A running title set up the margin of every page (`ANNUAL REPORT 2022`, as in annual reports) is no
    part of the table beside it: its characters once came out as stray figures `2`, `0` and `22`."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "sideways.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(60, 760, "Consolidated income statement")
    pdf.setFont("Helvetica", 9)
    pdf.drawString(60, 740, "In thousands of pounds")
    pdf.drawRightString(420, 740, "2022")
    pdf.drawRightString(500, 740, "2021")
    rows = [("Revenue", "31,220", "28,947"), ("Cost of sales", "(14,551)", "(13,002)"), ("Gross profit", "16,669", "15,945"),
            ("Administrative expenses", "(12,880)", "(12,104)"), ("Operating profit", "3,789", "3,841")]
    for index, (label, current, prior) in enumerate(rows):
        y = 720 - 16 * index
        pdf.drawString(60, y, label)
        pdf.drawRightString(420, y, current)
        pdf.drawRightString(500, y, prior)
    pdf.saveState()
    pdf.translate(560, 640)
    pdf.rotate(90)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(0, 0, "FINANCIAL STATEMENTS  BRAVO ANNUAL REPORT 2022")
    pdf.restoreState()
    pdf.save()

    extraction = extract_document(path)
    assert sorted({i.value_text for i in extraction.line_items}) == sorted({v for _, *values in rows for v in values})
    assert {i.label for i in extraction.line_items} == {label for label, *_ in rows}


@pytest.mark.parametrize("wrapped_row", [1, 3])
def test_a_right_panel_label_wrapped_around_its_figures_keeps_the_panels_apart(tmp_path, wrapped_row):
    """Assets beside liabilities, where one liabilities label wraps onto a line above and a line below its
    figures (vertically centred, as a spreadsheet prints a tall cell): that row's line holds the assets
    row's label and figures, then figures alone. It is a row of the right panel, not of one wide table,
    and the panels stay two tables with their headers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    assets = [("Caisse et banque centrale", "297 611", "90 549"), ("Créances sur la clientèle", "478 323", "489 193"),
              ("Comptes de régularisation", "12 132", "18 087"), ("Immobilisations corporelles", "18 534", "22 684"),
              ("Autres actifs", "5 641", "4 010")]
    liabilities = [("Dettes interbancaires", "27 634", "34 828"), ("Dettes envers la clientèle", "805 335", "778 277"),
                   ("Autres passifs", "9 063", "5 490"), ("Provisions", "1 173", "1 007"), ("Réserves", "43 396", "48 353")]
    wrapped = ("Capitaux propres et ressources", "assimilées")
    liabilities[wrapped_row] = (" ".join(wrapped), "74 313", "83 574")
    path = tmp_path / "panels.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(40, 780, "BILAN AU 31 DECEMBRE 2023 (en millions de FCFA)")
    pdf.setFont("Helvetica", 7)
    for x_label, x_current, x_prior, title in ((40, 230, 280, "ACTIF"), (310, 500, 550, "PASSIF")):
        pdf.drawString(x_label, 750, title)
        pdf.drawRightString(x_current, 750, "31/12/2023")
        pdf.drawRightString(x_prior, 750, "31/12/2022")
    for index, ((a_label, *a_values), (l_label, *l_values)) in enumerate(zip(assets, liabilities)):
        y = 730 - 22 * index
        pdf.drawString(40, y, a_label)
        pdf.drawRightString(230, y, a_values[0])
        pdf.drawRightString(280, y, a_values[1])
        if index == wrapped_row:
            pdf.drawString(310, y + 4, wrapped[0])
            pdf.drawString(310, y - 4, wrapped[1])
        else:
            pdf.drawString(310, y, l_label)
        pdf.drawRightString(500, y, l_values[0])
        pdf.drawRightString(550, y, l_values[1])
    pdf.save()

    extraction = extract_document(path)
    read = {(i.label, i.value_text, i.period_end) for i in extraction.line_items}
    ends = [date(2023, 12, 31), date(2022, 12, 31)]
    assert read == {(label, value, end) for label, *values in assets + liabilities for value, end in zip(values, ends)}
    tables = {i.table_index for i in extraction.line_items if (i.label, i.value_text) in {(a, v) for a, *vs in assets for v in vs}}
    assert len(tables) == 1 and tables.isdisjoint({i.table_index for i in extraction.line_items if i.label == liabilities[0][0]})


@pytest.mark.parametrize("skew", [-6.3e-08, 1.6e-07, 0.0])
def test_text_scaled_with_float_noise_is_upright_text(tmp_path, skew):
    """An office suite writes a page's text matrix as a scaling with float noise (`0.804 -6e-08 -1.6e-07
    0.837`): pdfminer then calls every character turned, and each became a one-letter word. The statement
    reads as printed, with its spreadsheet dates (`31-déc-22`) as periods."""
    from reportlab.lib.pagesizes import landscape, A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "scaled.pdf"
    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    rows = [("Chiffre d'affaires", "68 635 111", "62 497 301"), ("Achats consommés", "(50 846 274)", "(32 843 751)"),
            ("Marge brute", "17 788 837", "29 653 550")]

    def text(x, y, string, size=8.5, right=False):
        line = pdf.beginText()
        line.setFont("Helvetica", size)
        width = pdf.stringWidth(string, "Helvetica", size) * 0.804 if right else 0
        line.setTextTransform(0.804, skew, -skew * 2.5, 0.837, x - width, y)
        line.textOut(string)
        pdf.drawText(line)

    text(60, 520, "COMPTE DE RESULTAT IFRS - 31 décembre 2022", size=11)
    text(60, 500, "En milliers de FCFA")
    text(380, 500, "31-déc-22", right=True)
    text(470, 500, "31-déc-21", right=True)
    for index, (label, current, prior) in enumerate(rows):
        y = 484 - 15 * index
        text(60, y, label)
        text(380, y, current, right=True)
        text(470, y, prior, right=True)
    pdf.save()

    extraction = extract_document(path)
    read = {(i.label, i.value_text, i.period_end) for i in extraction.line_items}
    assert read == {
        (label, value, end) for label, *values in rows for value, end in zip(values, [date(2022, 12, 31), date(2021, 12, 31)])
    }


from extract.document import LineItem, unknown_duplicate_periods, unknown_unended_periods  # noqa: E402


def _item(column: int, header: str, period: tuple, row: int = 0) -> LineItem:
    kind, start, end = period
    return LineItem(3, 0, row, column, "Revenue", None, None, header, "value", "1", Decimal(1), "amount", 0, 1, "EUR",
                    kind, start, end, False, False, 0, 0, 0, 0)


YEAR_2024 = ("duration", date(2024, 1, 1), date(2024, 12, 31))
YEAR_2023 = ("duration", date(2023, 1, 1), date(2023, 12, 31))


@given(st.sampled_from(["2024", "Exercice 2024", "12 mois 2024"]), st.integers(1, 4))
def test_two_columns_of_one_period_lose_it_and_the_page_says_why(header, rows):
    """Headers run together give two columns one period: neither keeps it (unknown beats wrong)."""
    items = [_item(c, header, YEAR_2024, r) for r in range(rows) for c in (0, 1)] + [_item(2, "2023", YEAR_2023)]
    issues = unknown_duplicate_periods(items)
    assert [i.kind for i in issues] == ["ambiguous_period"]
    assert all(i.period_end is None for i in items if i.column_index in (0, 1))
    assert next(i for i in items if i.column_index == 2).period_end == date(2023, 12, 31)


def test_two_measures_of_one_period_keep_it():
    items = [_item(0, "2024 publié", YEAR_2024), _item(1, "2024 retraité", YEAR_2024)]
    assert unknown_duplicate_periods(items) == [] and all(i.period_end for i in items)


@given(st.sampled_from(["30 juin 2024", "2024", "June 30, 2024"]), st.integers(1, 4))
def test_a_rate_column_given_the_amounts_period_loses_it_and_the_amounts_keep_it(header, rows):
    """An income statement's `en % des ventes` column whose own header was lost takes the period phrase
    of the amounts beside it: the rates cannot be placed, the amounts are that period's (one column)."""
    amounts = [_item(2, header, YEAR_2024, r) for r in range(rows)]
    rates = [_item(1, header, YEAR_2024, r) for r in range(rows)]
    for rate in rates:
        rate.value_kind = "percent"
    issues = unknown_duplicate_periods(amounts + rates)
    assert [i.kind for i in issues] == ["ambiguous_period"] and "columns 1 " in issues[0].detail
    assert all(i.period_end is None for i in rates) and all(i.period_end == date(2024, 12, 31) for i in amounts)
    # Two columns of amounts beside it: none of the three can be placed.
    twin = [_item(3, header, YEAR_2024, r) for r in range(rows)]
    rates = [_item(1, header, YEAR_2024, r) for r in range(rows)]
    for rate in rates:
        rate.value_kind = "percent"
    amounts = [_item(2, header, YEAR_2024, r) for r in range(rows)]
    unknown_duplicate_periods(amounts + rates + twin)
    assert all(i.period_end is None for i in amounts + rates + twin)


def test_a_year_not_ended_at_the_latest_balance_sheet_is_no_period():
    """A quarterly report's bare `2023` read as the whole year 2023 beside a June 30, 2023 balance sheet."""
    balance = _item(0, "June 30, 2023", ("instant", None, date(2023, 6, 30)))
    half = _item(1, "Six Months Ended June 30, 2023", ("duration", date(2023, 1, 1), date(2023, 6, 30)))
    year = _item(2, "2023", YEAR_2023)
    issues = unknown_unended_periods([balance, half, year])
    assert [i.kind for i in issues] == ["impossible_period"]
    assert year.period_end is None and half.period_end == date(2023, 6, 30) and balance.period_end == date(2023, 6, 30)


def test_no_year_is_judged_unended_when_a_balance_sheet_column_has_no_date():
    """A balance sheet whose current column lost its date (`December 31,` over a year on another line) leaves
    the latest balance sheet unknown: the prior year's date must not strip the current year of its periods."""
    dated = _item(1, "December 31, 2021", ("instant", None, date(2021, 12, 31)))
    undated = _item(0, "December 31,", (None, None, None))
    year = _item(2, "Three Months Ended December 31, 2022", ("duration", date(2022, 10, 1), date(2022, 12, 31)))
    for item in (dated, undated):
        item.table_index = 1
    assert unknown_unended_periods([undated, dated, year], frozenset({1})) == []
    assert year.period_end == date(2022, 12, 31)
    # The same balance sheet read whole judges as before.
    undated.period_type, undated.period_end = "instant", date(2022, 12, 31)
    late = _item(3, "2023", YEAR_2023)
    assert [i.kind for i in unknown_unended_periods([undated, dated, year, late], frozenset({1}))] == ["impossible_period"]
    assert late.period_end is None and year.period_end == date(2022, 12, 31)


from extract.document import week_calendar_starts  # noqa: E402

# A calendar fiscal year whose quarters close on a Sunday (`Six Months Ended July 2, 2023`).
SUNDAY_ENDS = [date(2023, 7, 2), date(2022, 7, 3), date(2023, 4, 2), date(2023, 10, 1), date(2022, 6, 26)]


def _counted(header: str, end: date, weeks: int) -> LineItem:
    """A duration whose start was counted in 13-week quarters, as parse_period counts a weekday end."""
    return _item(0, header, ("duration", end - timedelta(days=7 * weeks - 1), end))


@given(st.sampled_from(SUNDAY_ENDS))
def test_a_year_to_date_period_starts_the_day_after_a_december_year_end(end):
    """Under a December 31 year end, a year-to-date period ending on a Sunday (the first quarter, six or
    nine months) starts on January 1 whatever the 13-week count gives (2021-12-27 for June 26, 2022)."""
    quarters = round((end - date(end.year, 1, 1)).days / 91)
    words = {1: "Three Months Ended", 2: "Six Months Ended", 3: "Nine Months Ended"}[quarters]
    item = _counted(f"{words} {end:%B} {end.day}, {end.year}", end, 13 * quarters)
    assert week_calendar_starts([item], (12, 31)) == []
    assert (item.period_type, item.period_start, item.period_end) == ("duration", date(end.year, 1, 1), end)


@given(st.sampled_from(SUNDAY_ENDS))
def test_a_later_quarter_or_an_unestablished_year_leaves_the_period_unknown(end):
    """A second or third quarter ending on a Sunday under a December year end starts after an end the
    document does not print; without any fiscal year end, even a half year's start is a guess: no period."""
    quarter = _counted(f"Three Months Ended {end:%B} {end.day}, {end.year}", end, 13)
    half = _counted(f"Six Months Ended {end:%B} {end.day}, {end.year}", end, 26)
    if end.month < 6:
        quarter = _counted("Three Months Ended July 2, 2023", date(2023, 7, 2), 13)  # a first quarter is year to date
    issues = week_calendar_starts([quarter], (12, 31)) + week_calendar_starts([half], None)
    assert [i.kind for i in issues] == ["unknown_period_start"] * 2
    assert quarter.period_end is None and half.period_end is None and half.period_type is None


def test_a_quarter_starts_after_the_previous_end_the_document_prints():
    quarter = _counted("Three Months Ended July 2, 2023", date(2023, 7, 2), 13)
    first = _item(1, "Three Months Ended April 2, 2023", ("duration", date(2023, 1, 1), date(2023, 4, 2)))
    assert week_calendar_starts([quarter, first], (12, 31)) == []
    assert quarter.period_start == date(2023, 4, 3)


@given(st.sampled_from([(9, 24), (8, 28), (1, 29)]))
def test_a_year_ending_on_a_weekday_keeps_its_52_53_week_count(fiscal_year_end):
    """Apple's and Costco's years end on a weekday: their periods are counted in weeks, as before."""
    end = date(2023, 7, 1)
    half = _counted("Six Months Ended July 1, 2023", end, 26)
    counted = half.period_start
    assert week_calendar_starts([half], fiscal_year_end) == []
    assert half.period_start == counted
    # A header that counts weeks keeps its count even under a December year end.
    weeks = _counted("26 Weeks Ended July 1, 2023", end, 26)
    assert week_calendar_starts([weeks], (12, 31)) == [] and weeks.period_start == counted


from extract.document import year_labelled_periods  # noqa: E402


@given(st.sampled_from(["2025", "Exercice 2025", "Année 2025", "Exercice N"]), st.sampled_from([(12, 31), (6, 30), (9, 30)]))
def test_a_year_alone_ends_on_the_fiscal_year_end_the_document_establishes(header, year_end):
    """`Exercice 2025` over an income statement is the fiscal year ending in 2025, on the year end the
    document establishes (here by its balance sheet); read first with December 31, it is read again."""
    month, day = year_end
    item = _item(0, header, YEAR_2024)
    item.period_start, item.period_end = date(2025, 1, 1), date(2025, 12, 31)
    issues = year_labelled_periods([item], {0: "income_statement"}, year_end, (12, 31), 12, False, {3: 2025})
    assert issues == []
    assert (item.period_type, item.period_start, item.period_end) == ("duration", date(2024, month, day) + timedelta(days=1), date(2025, month, day))


@given(st.sampled_from(["2025", "Exercice 2025", "Année 2025"]))
def test_a_year_alone_without_an_established_year_end_has_no_period(header):
    item = _item(0, header, YEAR_2024)
    item.period_start, item.period_end = date(2025, 1, 1), date(2025, 12, 31)
    dated = _item(1, "31 décembre 2025", ("duration", date(2025, 1, 1), date(2025, 12, 31)))
    issues = year_labelled_periods([item, dated], {0: "income_statement"}, None, (12, 31), 12, False, {})
    assert [i.kind for i in issues] == ["unknown_fiscal_year_end"]
    assert item.period_end is None and item.period_type is None
    # A header that prints its day and month keeps its period.
    assert dated.period_end == date(2025, 12, 31)


def _statement_pdf(path, rows, label_x=60):
    """A one-table page: (label, sign or None, current, prior) rows under `2025` / `2024`, the sign set in a
    column of its own at x=300 when given."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(60, 760, "Compte de résultat - exercice clos le 31 décembre 2025")
    pdf.setFont("Helvetica", 9)
    pdf.drawString(60, 740, "(en millions d'euros)")
    pdf.drawRightString(420, 740, "2025")
    pdf.drawRightString(500, 740, "2024")
    for index, (label, sign, current, prior) in enumerate(rows):
        y = 720 - 16 * index
        pdf.drawString(label_x, y, label)
        if sign:
            pdf.drawCentredString(300, y, sign)
        pdf.drawRightString(420, y, current)
        pdf.drawRightString(500, y, prior)
    pdf.save()
    return extract_document(path)


@given(st.permutations([("Ventes de marchandises", "+"), ("Achats de marchandises", "-"), ("Variation de stocks", "-/+"),
                        ("Ventes de produits", "+"), ("Autres achats", "-")]))
def test_a_column_of_sign_marks_is_no_part_of_the_labels_or_figures(rows):
    """A standard form's sign column (`+`, `-`, `-/+` after the label, in a column of its own) is dropped."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        extraction = _statement_pdf(Path(folder) / "form.pdf", [(label, sign, "1 000", "900") for label, sign in rows])
    assert {i.label for i in extraction.line_items} == {label for label, _ in rows}
    assert {i.value_text for i in extraction.line_items} == {"1 000", "900"}


@given(st.permutations(["- Part courante", "- Part non courante", "+ Reprises de provisions", "- Dotations", "Total"]))
def test_labels_that_start_with_a_dash_bullet_keep_it(labels):
    """Dash bullets line up at the start of their labels like a column of signs: they are the labels' own."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        extraction = _statement_pdf(Path(folder) / "bullets.pdf", [(label, None, "1 000", "900") for label in labels])
    assert {i.label for i in extraction.line_items} == set(labels)


from extract.document import _prior_year_end  # noqa: E402


@given(st.sampled_from([
    ([date(2019, 6, 30), date(2018, 12, 31), date(2019, 3, 31), date(2018, 6, 30)], date(2018, 12, 31)),  # quarter columns too
    ([date(2023, 7, 1), date(2022, 9, 24)], date(2022, 9, 24)),  # a 52/53-week interim
    ([date(2025, 12, 31), date(2024, 12, 31)], date(2024, 12, 31)),  # an annual balance sheet
    ([date(2023, 6, 30), date(2022, 6, 30)], date(2022, 6, 30)),  # the same day a year before, nothing between
    ([date(2023, 6, 30), date(2021, 6, 30)], None),
    ([date(2023, 6, 30)], None),
]), st.booleans())
def test_the_prior_year_end_of_a_balance_sheet(case, annual):
    """The balance sheet's prior year end is the earliest date within the year before its latest, not a
    quarter printed beside it (`March 31, 2019` between `December 31, 2018` and `June 30, 2019`)."""
    dates, expected = case
    if not annual and len(dates) == 2 and expected == date(dates[0].year - 1, dates[0].month, dates[0].day):
        expected = None  # an interim balance sheet beside the same day a year before names no year end
    items = [_item(column, str(day), ("instant", None, day)) for column, day in enumerate(dates)]
    assert _prior_year_end(items, frozenset({0}), annual) == expected


from extract.layout import group_lines  # noqa: E402

_WRAPS = st.sampled_from(["decimals", "percent", "bracket"])


def _wrapped_figure(value: int, wrap: str) -> tuple[str, str, str]:
    """(whole, head, tail) of a figure its narrow cell wrapped: `11,` / `0`, `+213,0` / `%`, `(1 234` / `)`."""
    whole = f"{value // 10},{value % 10}"
    if wrap == "decimals":
        return whole, whole[:-1], whole[-1]
    if wrap == "percent":
        return f"+{whole} %", f"+{whole}", "%"
    return f"({whole})", f"({whole}", ")"


def _line_tokens(words: list[tuple[str, float, float]], top: float) -> list[Token]:
    return [Token(text, x0, x1, top, top + 8, 8) for text, x0, x1 in words]


@given(st.integers(1, 99_999), _WRAPS, st.booleans())
def test_a_figure_wrapped_in_its_cell_is_read_whole(value, wrap, label_beside_the_end):
    """A word processor wraps a figure too wide for its cell: its end on the next line, flush right. The
    row's label sits beside the figure's start, or (the row grown, its label centred) beside its end."""
    whole, head, tail = _wrapped_figure(value, wrap)
    right = 400.0
    head_token = (head, right - 5 * len(head), right)
    tail_token = (tail, right - 5 * len(tail), right)
    label = [("Trésorerie", 50.0, 100.0), ("nette", 103.0, 128.0)]
    other = ("7,1", 330.0, 345.0)
    if label_beside_the_end:
        tokens = _line_tokens([head_token], 114.0) + _line_tokens([*label, other, tail_token], 125.0)
    else:
        tokens = _line_tokens([*label, other, head_token], 114.0) + _line_tokens([tail_token], 125.0)
    lines = group_lines(tokens)
    assert [[t.text for t in line.tokens] for line in lines] == [["Trésorerie", "nette", "7,1", whole]]


def test_figures_on_consecutive_rows_are_not_one_wrapped_figure():
    """A row of small figures under a row of figures is a row: only a cut figure (`11,`) is continued."""
    tokens = _line_tokens([("Sales", 50.0, 75.0), ("1 234,5", 365.0, 400.0)], 114.0) + _line_tokens([("12", 390.0, 400.0)], 125.0)
    assert [[t.text for t in line.tokens] for line in group_lines(tokens)] == [["Sales", "1 234,5"], ["12"]]


def _bank_form(path: Path, pad_spaces: bool) -> tuple[list[tuple], list[tuple]]:
    """A one-page publication form as West-African banks print them (typeset here by reportlab): assets
    beside liabilities, each row led by its `POSTE` number, negatives in accounting format (the minus at
    the cell's left edge, the digits at its right), nil cells a centred `-`; then the income statement set
    right under the balance sheet, its title and header line following the last rows without a gap; one
    of its labels wraps around its row's line, which holds the row's number and figures.
    With `pad_spaces`, each cell is also padded with spaces drawn over its digits (as the SAFCA form's text
    layer does), which split a figure into pieces when read as word gaps."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    assets = [("CAISSE, BANQUE CENTRALE", "423", "52"), ("CREANCES SUR LA CLIENTELE", "60 476", "52 969"),
              ("OBLIGATIONS ET AUTRES TITRES", "-", "-"), ("AUTRES ACTIFS", "4 012", "5 020"), ("IMMOBILISATIONS", "3 913", "4 342")]
    liabilities = [("DETTES INTERBANCAIRES", "35 747", "24 662"), ("AUTRES PASSIFS", "13 165", "9 494"),
                   ("PROVISIONS", "-", "161"), ("REPORT A NOUVEAU", "- 4 334", "- 3 958"), ("CAPITAL SOUSCRIT", "3 248", "3 248")]
    income = [("INTERETS ET PRODUITS ASSIMILES", "8 236", "7 200"), ("INTERETS ET CHARGES ASSIMILEES", "- 3 003", "- 3 424"),
              ("COMMISSIONS (CHARGES)", "- 971", "- 685"), ("GAINS OU PERTES NETS SUR|PORTEFEUILLES", "-", "-"),
              ("AUTRES CHARGES", "-", "-"), ("RESULTAT NET", "701", "- 165")]
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawString(40, 800, "BILANS RESUMES AU 31 décembre 2025 (en millions de F CFA)")
    pdf.setFont("Helvetica", 6)

    def cell(right: float, y: float, text: str, width: float = 48.0) -> None:
        if text.startswith("- "):
            pdf.drawString(right - width + 2, y, "-")
            pdf.drawRightString(right, y, text[2:])
        elif text == "-":
            pdf.drawCentredString(right - width / 2, y, "-")
        else:
            pdf.drawRightString(right, y, text)
        if pad_spaces and len(text) > 2:
            pdf.drawString(right - pdf.stringWidth(text[-3:], "Helvetica", 6) - 1.0, y, "   ")

    for code_x, label_x, current_x, prior_x, title in ((40, 55, 230, 280, "ACTIF"), (300, 315, 500, 550, "PASSIF")):
        pdf.drawString(code_x, 780, "POSTE")
        pdf.drawString(label_x + 20, 780, title)
        pdf.drawRightString(current_x, 780, "31/12/2025")
        pdf.drawRightString(prior_x, 780, "31/12/2024")
    for index, ((a_label, *a_values), (l_label, *l_values)) in enumerate(zip(assets, liabilities)):
        y = 768 - 10 * index
        for code_x, label_x, current_x, prior_x, label, values in ((40, 55, 230, 280, a_label, a_values), (300, 315, 500, 550, l_label, l_values)):
            pdf.drawString(code_x, y, str(index + 1))
            pdf.drawString(label_x, y, label)
            cell(current_x, y, values[0])
            cell(prior_x, y, values[1])
    y = 768 - 10 * len(assets)
    pdf.drawString(40, y, "COMPTE DE RESULTAT (en millions de F CFA)")
    pdf.drawRightString(230, y, "Exercice 2025")
    pdf.drawRightString(280, y, "Exercice 2024")
    for index, (label, *values) in enumerate(income):
        first, _, wrapped = label.partition("|")
        y -= 16 if wrapped else 10
        pdf.drawString(40, y, str(index + 1))
        if wrapped:
            pdf.drawString(55, y + 4, first)
            pdf.drawString(55, y - 4, wrapped)
        else:
            pdf.drawString(55, y, label)
        cell(230, y, values[0])
        cell(280, y, values[1])
        y -= 6 if wrapped else 0
    pdf.save()
    return assets + liabilities, [(label.replace("|", " "), *values) for label, *values in income]


@pytest.mark.parametrize("pad_spaces", [False, True])
def test_a_bank_publication_form_is_read_whole(tmp_path, pad_spaces):
    balance_sheet, income = _bank_form(tmp_path / "form.pdf", pad_spaces)
    extraction = extract_document(tmp_path / "form.pdf")
    read = {(i.label, i.value_text, i.period_type, i.period_start, i.period_end) for i in extraction.line_items}
    expected = {(label, value, "instant", None, end) for label, *values in balance_sheet
                for value, end in zip(values, [date(2025, 12, 31), date(2024, 12, 31)])}
    expected |= {(label, value, "duration", date(year, 1, 1), date(year, 12, 31)) for label, *values in income
                 for value, year in zip(values, [2025, 2024])}
    assert read == expected
    signed = {i.label: i.reported_value for i in extraction.line_items if i.period_end == date(2025, 12, 31)}
    assert signed["INTERETS ET CHARGES ASSIMILEES"] == Decimal("-3003") and signed["REPORT A NOUVEAU"] == Decimal("-4334")
    assert signed["AUTRES ACTIFS"] == Decimal("4012")


def _headed_statement_pdf(path, header_lines, columns, rows, notes=None):
    """An income statement page: header lines [(x, text, 'left'|'centre'|'right')], value columns right-aligned
    at `columns`, rows (label, values...), and a notes column right-aligned at x=330 when `notes` are given."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(60, 780, "Consolidated Statements of Earnings")
    pdf.setFont("Helvetica", 8)
    for y, line in zip(range(760, 700, -11), header_lines):
        for x, text, align in line:
            {"left": pdf.drawString, "centre": pdf.drawCentredString, "right": pdf.drawRightString}[align](x, y, text)
    top = 760 - 11 * len(header_lines)
    for index, (label, *values) in enumerate(rows):
        y = top - 14 * index
        pdf.drawString(60, y, label)
        if notes and notes[index]:
            pdf.drawRightString(330, y, notes[index])
        for x, value in zip(columns, values):
            pdf.drawRightString(x, y, value)
    pdf.save()
    return extract_document(path)


_EARNINGS = [("Revenue", "1,210.4", "1,105.2", "2,398.0", "2,201.7"), ("Cost of sales", "(802.1)", "(731.9)", "(1,601.3)", "(1,452.8)"),
             ("Gross profit", "408.3", "373.3", "796.7", "748.9"), ("Net earnings", "101.2", "92.4", "199.0", "180.3")]


@pytest.mark.parametrize("placement", ["centred", "left"])
def test_a_list_of_lengths_gives_each_group_of_columns_its_own(tmp_path, placement):
    """`Three and Six Months Ended June 30,` over `2023 2022 2023 2022`: the first two columns are quarters,
    the last two half-years, whether the phrase is centred over the columns or set at the left above the
    caption. Read as one length for all four, half of them would be stored with a wrong start."""
    phrase = "Three and Six Months Ended June 30,"
    spanning = [(445, phrase, "centre")] if placement == "centred" else [(60, phrase, "left")]
    years = [(60, "(in millions of dollars)", "left")] + [(x, year, "right") for x, year in zip((400, 450, 510, 560), ("2023", "2022", "2023", "2022"))]
    extraction = _headed_statement_pdf(tmp_path / "lengths.pdf", [spanning, years], (400, 450, 510, 560), _EARNINGS)
    revenue = sorted(_items(extraction, "Revenue"), key=lambda i: i.column_index)
    assert [(i.value_text, i.period_start, i.period_end) for i in revenue] == [
        ("1,210.4", date(2023, 4, 1), date(2023, 6, 30)), ("1,105.2", date(2022, 4, 1), date(2022, 6, 30)),
        ("2,398.0", date(2023, 1, 1), date(2023, 6, 30)), ("2,201.7", date(2022, 1, 1), date(2022, 6, 30)),
    ]


def test_letter_and_digit_note_references_under_a_note_header_leave_the_labels(tmp_path):
    """A `Note` column of references such as `B2`, `C5,C7`, `F1(a)` (annual reports in the Australian style),
    set between the labels and the figures: the references are the rows' notes, not words of their labels."""
    header = [(330, "Note", "right"), (420, "2022", "right"), (500, "2021", "right")]
    rows = [("Revenue", "10,989.0", "11,530.2"), ("Other depreciation and amortisation", "(181.9)", "(313.8)"),
            ("Share of net profit of joint ventures", "29.7", "22.2"), ("Profit before tax", "240.1", "241.3")]
    notes = ["B2", "C5,C7", "F1(a)", None]
    extraction = _headed_statement_pdf(tmp_path / "notes.pdf", [header], (420, 500), rows, notes)
    by_label = {i.label: i.note for i in extraction.line_items}
    assert by_label == {label: note for (label, *_), note in zip(rows, notes)}


from extract.document import titled_statements_date  # noqa: E402


@given(
    st.sampled_from(["ETATS FINANCIERS AU {d}", "Comptes consolidés au {d}", "Financial statements as at {d}",
                     "Consolidated balance sheets as of {d}", "Bilan arrêté au {d}"]),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2039, 12, 31)),
    st.sampled_from(["numeric", "french", "english"]),
)
def test_a_title_naming_the_statements_date_gives_that_date(title, day, style):
    french_months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    printed = {
        "numeric": f"{day:%d/%m/%Y}",
        "french": f"{day.day}{'er' if day.day == 1 else ''} {french_months[day.month - 1]} {day.year}",
        "english": f"{day:%B} {day.day}, {day.year}",
    }[style]
    assert titled_statements_date(title.format(d=printed) + " (en milliers de F.CFA)", month_first=False) == day


@pytest.mark.parametrize("text", ["Etats financiers 2023", "Bilan au 31/12/N", "Résultats au 1er semestre 2024", "Chiffre d'affaires au 31/12"])
def test_a_title_without_a_full_date_gives_none(text):
    assert titled_statements_date(text, month_first=False) is None


def _annual_forms_pdf(path, title):
    """A SYSCOHADA-style page: the income statement's products under `Exercice 2023` / `Exercice 2022`."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(60, 790, title)
    pdf.drawString(60, 770, "COMPTE DE RESULTAT")
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawString(60, 750, "PRODUITS")
    pdf.drawRightString(420, 750, "Exercice 2023")
    pdf.drawRightString(500, 750, "Exercice 2022")
    pdf.setFont("Helvetica", 9)
    rows = [("Chiffre d'affaires", "38 214 972", "45 464 126"), ("Production immobilisée", "72 592", "45 556"),
            ("Autres produits", "2 151 823", "655 738"), ("TOTAL", "40 439 387", "46 165 420")]
    for index, (label, current, prior) in enumerate(rows):
        y = 734 - 16 * index
        pdf.drawString(60, y, label)
        pdf.drawRightString(420, y, current)
        pdf.drawRightString(500, y, prior)
    pdf.save()
    return extract_document(path)


@pytest.mark.parametrize(("title", "start"), [("ETATS FINANCIERS AU 31/12/2023", date(2023, 1, 1)), ("ETATS FINANCIERS 2023", None)])
def test_an_annual_title_dated_at_the_year_end_establishes_it(tmp_path, title, start):
    """`Exercice 2023` is a fiscal year; the title says the statements are drawn up at 31/12/2023, so that
    year runs from 1 January. Without a dated title nothing establishes the year end: no period."""
    revenue = _items(_annual_forms_pdf(tmp_path / "forms.pdf", title), "Chiffre d'affaires")
    assert [(i.period_start, i.period_end) for i in revenue][:1] == [(start, date(2023, 12, 31) if start else None)]


from extract.document import _column_period  # noqa: E402


def test_a_length_list_not_shared_out_leaves_the_period_unknown():
    """A column under `Three and Six Months Ended June 30, 2023` that the phrase could not be shared out
    over is one of the two lengths, which one unknown: no period rather than a guessed start (nor a
    duration without its start, which the warehouse's contract refuses: the document would be quarantined)."""
    assert _column_period("Three and Six Months Ended June 30, 2023", "income_statement", (12, 31), 3, True) == (
        "value", None, None, None)
    assert _column_period("Three Months Ended June 30, 2023", "income_statement", (12, 31), 3, True) == (
        "value", "duration", date(2023, 4, 1), date(2023, 6, 30))


@pytest.mark.parametrize(("header", "statement", "period"), [
    ("As of December 31, 2022", "other", ("instant", None, date(2022, 12, 31))),
    ("Au 30 juin 2025", "other", ("instant", None, date(2025, 6, 30))),
    ("At 31 December 2022", "other", ("instant", None, date(2022, 12, 31))),
    # A length, or no placing preposition: a flow over the document's period, as before.
    ("Au 30 juin 2025 (6 mois)", "other", ("duration", date(2025, 1, 1), date(2025, 6, 30))),
    ("30 juin 2025", "other", ("duration", date(2025, 1, 1), date(2025, 6, 30))),
    # The statements keep their own kind: a French income statement's `Au 30 juin 2025` is the half-year.
    ("Au 30 juin 2025", "income_statement", ("duration", date(2025, 1, 1), date(2025, 6, 30))),
])
def test_a_note_under_a_date_placed_in_time_states_balances_at_that_date(header, statement, period):
    """Notes (`Debt as of June 30, 2023`, `Au 30 juin 2025`) are read as the statements are not: a header
    that places its date with `as of`, `as at`, `at` or `au` and names no length heads balances."""
    assert _column_period(header, statement, (12, 31), 6, True) == ("value", *period)


def test_a_spanning_as_of_date_over_a_columns_own_date_is_not_taken_for_it():
    """Bayer prints `… Financial Position as of January 1, 2019` over the columns `Dec. 31, 2018` and
    `Jan. 1, 2019`: with two dates in its header a column is not placed at the title's."""
    header = "IFRS 16 Accounting Changes: Consolidated Statements of Financial Position as of January 1, 2019 Dec. 31, 2018"
    assert _column_period(header, "other", (12, 31), 6, True)[1] != "instant"
