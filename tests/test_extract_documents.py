"""Extraction on real pages: the reference release and corpus documents, and bad input."""

from decimal import Decimal

import pytest

from extract import extract_document

from .conftest import SAMPLES


def _rows(extraction, table_index):
    rows = {}
    for item in extraction.line_items:
        if item.table_index == table_index:
            rows.setdefault(item.row_index, []).append(item)
    return rows


def _table(extraction, caption_word):
    return next(t for t in extraction.tables if t.caption and caption_word in t.caption)


def test_reference_release_tables(reference_extraction):
    extraction = reference_extraction
    assert extraction.status == "extracted"
    statements = [t.statement for t in extraction.tables]
    assert statements.count("balance_sheet") == 1 and statements.count("income_statement") >= 1
    income = _table(extraction, "Compte de résultat")
    revenue = [i for i in extraction.line_items if i.table_index == income.table_index and i.label == "Chiffre d'affaires"]
    assert [(i.reported_value, str(i.period_end)) for i in revenue] == [(Decimal("46.5"), "2025-12-31"), (Decimal("57.2"), "2024-12-31")]
    assert income.scale == 1_000_000 and income.currency == "USD" and income.basis == "ifrs"


def test_cash_flow_table_continues_on_the_next_page(reference_extraction):
    summary = next(t for t in reference_extraction.tables if t.first_page == 4 and t.statement == "cash_flow")
    assert summary.last_page == 5
    labels = [items[0].label for items in _rows(reference_extraction, summary.table_index).values()]
    assert labels[-3:] == [
        "Trésorerie et équivalents de trésorerie à l'ouverture",
        "Effets de change",
        "Trésorerie et équivalents de trésorerie à la clôture",
    ]
    dot = [i for i in reference_extraction.line_items if i.value_text == "0.8"]
    assert [i.reported_value for i in dot] == [Decimal("0.8")]


def test_wrapped_labels_are_joined(reference_extraction):
    labels = {i.label for i in reference_extraction.line_items}
    assert "Elimination de la perte de valeur / dépréciation sur les actifs destinés à être cédés" in labels
    assert (
        "Amortissement et dépréciation d'actifs reconnus lors d'acquisitions d'activités et/ou d'entreprises "
        "(éléments sans impact sur la trésorerie)" in labels
    )


def test_multi_line_headers_and_variance_columns(reference_extraction):
    revenue_table = next(t for t in reference_extraction.tables if t.first_page == 2)
    headers = {i.column_index: (i.column_header, i.column_role) for i in reference_extraction.line_items if i.table_index == revenue_table.table_index}
    assert headers[0] == ("T4 2025", "value") and headers[3] == ("12 mois 2025", "value") and headers[5][1] == "variance"
    arr = [i for i in reference_extraction.line_items if i.table_index == revenue_table.table_index and i.label == "ARR"]
    assert [i.column_index for i in arr] == [3, 4, 5]


def test_nil_cells_are_kept_with_a_null_value(reference_extraction):
    nil = [i for i in reference_extraction.line_items if i.value_text == "-" and i.label == "Coûts liés aux acquisitions"]
    assert len(nil) == 2 and all(i.reported_value is None for i in nil)


def test_page_numbers_and_running_headers_are_not_figures(reference_extraction):
    assert not any(i.label.startswith("VERIMATRIX") for i in reference_extraction.line_items)
    assert not any(i.label == "" and i.value_text.isdigit() and len(i.value_text) <= 2 for i in reference_extraction.line_items)


def test_note_column_is_not_a_figure():
    extraction = extract_document(SAMPLES / "brookfield-renewable-bs_FY2023_fr.pdf")
    cash = [i for i in extraction.line_items if i.label == "Trésorerie et équivalents de trésorerie"]
    assert [(i.note, i.reported_value) for i in cash] == [("20", Decimal("1141")), ("20", Decimal("998"))]
    assert extraction.tables[0].currency == "USD"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"<!DOCTYPE html><html><body>Not found</body></html>", "HTML page"),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "truncated PDF"),
    ],
)
def test_bad_input_gets_a_clear_reason(tmp_path, content, reason):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    extraction = extract_document(path)
    assert extraction.status == "failed" and reason in extraction.error


@pytest.mark.parametrize(
    "document, page, label, heading, reported, scale",
    [
        # `Basic` / `Diluted` under a per-share heading wrapped over two lines, in a `dollars in millions` table
        ("costco_FY2023Q3_en.pdf", 3, "Basic", "COSTCO:", Decimal("2.94"), 1),
        # ... and share counts under a heading naming its own unit
        ("costco_FY2023Q3_en.pdf", 3, "Basic", "Shares used in calculation (000s):", Decimal("443814"), 1_000),
        # `Earnings per share (€)` heads `From discontinued operations`, which heads `Basic`
        ("bayer_2019H1_en.pdf", 27, "Basic", "From discontinued operations", Decimal("-0.01"), 1),
        ("mgmresorts_2022Q4_en.pdf", 11, "Diluted", "Earnings per share", Decimal("0.69"), 1),
        ("mgmresorts_2022Q4_en.pdf", 11, "Diluted", "Weighted average common shares outstanding", Decimal("386932"), 1_000),
        # a loss per limited-partnership unit
        ("brookfield-renewable-is_FY2023_fr.pdf", 1, "Perte de base et diluée par part de société en commandite", None, Decimal("-0.32"), 1),
    ],
)
def test_a_row_takes_the_unit_its_label_or_headings_name(document, page, label, heading, reported, scale):
    """A figure's scale is what the page says it is: a per-share figure is never multiplied by the
    table's `in millions`, and a share count `(000s)` is in thousands."""
    items = [i for i in extract_document(SAMPLES / document).line_items if i.page == page and i.label == label and i.reported_value == reported]
    assert items and {i.scale for i in items} == {scale}
    assert heading is None or {i.section for i in items} == {heading}


def test_a_table_introduced_as_a_reconciliation_is_one():
    """Sanofi introduces three tables with a sentence wrapped over two lines (`Le tableau ci-dessous
    présente ... la réconciliation entre le « Résultat opérationnel des activités » et le` / `Résultat
    avant impôts et sociétés mises en équivalence :`). Its last line alone reads like an income
    statement's title; the sentence says the table is a reconciliation, whose reconciling items
    (the business-basis share of associates, (77)) are not the statement's figures (85)."""
    tables = {t.first_page: t for t in extract_document(SAMPLES / "sanofi_2025H1_fr.pdf").tables if t.first_page in (34, 47, 58) and t.statement == "reconciliation"}
    assert sorted(tables) == [34, 47, 58]
    assert tables[34].caption == (
        "Le tableau ci-dessous présente, conformément à IFRS 8, la réconciliation entre le « Résultat opérationnel des activités » "
        "et le Résultat avant impôts et sociétés mises en équivalence :"
    )


@pytest.mark.parametrize(
    "context, lead_in",
    [
        # nearest line first, as read above a table
        (["libre » :", "Le tableau présente la réconciliation entre le flux et le « flux de trésorerie", "Texte précédent."],
         "Le tableau présente la réconciliation entre le flux et le « flux de trésorerie libre » :"),
        # a numbered heading above the sentence is not part of it
        (["La situation financière a évolué comme suit :", "B.9. Emprunts et trésorerie"], "La situation financière a évolué comme suit :"),
        (["(en millions d'euros)", "Compte de résultat :"], None),  # the line above the table is a unit caption
        (["Compte de résultat consolidé"], None),  # a title, not a sentence ending with a colon
    ],
)
def test_the_sentence_introducing_a_table_is_read_whole(context, lead_in):
    from extract.document import _lead_in

    assert _lead_in(context) == lead_in
