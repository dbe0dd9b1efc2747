"""Scanned statements: pages without a text layer read by OCR (real Tesseract), through the same table
extraction and the whole pipeline; every figure says it was read by OCR; the identity checks are its
proofreader, and the report says which failures involve OCR'd figures.

Two one-page scans at 200 dpi (a little skew, noise): a statement of the layout generator scored against
its key, and a statement whose gross margin is misprinted. About 10 s of OCR, then one pipeline run.
"""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import duckdb
import numpy as np
import pypdfium2 as pdfium
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from extract.layout import Token, merge_figure_fragments
from extract.numbers import parse_number
from extract.ocr import OcrWord, lost_decimal_marks, page_group_separator, skew_angle, split_glued_groups, with_page_separator
from orchestration.cli import run_pipeline
from report import REPORT_FILE

from .layouts.generator import random_options, render_statements
from .layouts.typeset_scoring import measure
from .scans.scanner import scan_pdf
from .scans.statements import misprinted_income_statement

# A one-page English income statement of the generator (quarters and years, figures grouped `16,198`).
GENERATED_SEED = 3


@pytest.fixture(scope="module")
def scanned_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("scans")
    inbox = root / "inbox"
    inbox.mkdir()
    printed = root / "printed"
    printed.mkdir()
    generated = printed / "generated.pdf"
    key = render_statements(generated, seed=GENERATED_SEED, options=random_options(GENERATED_SEED), statements=("income_statement",))
    scan_pdf(generated, inbox / "generated_scan_200dpi.pdf", dpi=200, seed=GENERATED_SEED)
    scan_pdf(misprinted_income_statement(printed / "misprinted.pdf"), inbox / "misprinted_scan_200dpi.pdf", dpi=200, skew_degrees=-0.6, seed=1)
    warehouse = root / "warehouse.duckdb"
    started = time.perf_counter()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(root / "dagster_home"))
        run_pipeline(inbox, warehouse, echo=lambda *_: None)
    print(f"\nthe run over two scanned pages took {time.perf_counter() - started:.1f} s")
    return SimpleNamespace(warehouse=warehouse, key=key, generated=generated, report=root / "reports")


def query(path: Path, sql: str, parameters=()):
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql, list(parameters)).fetchall()


def _line_items(path: Path, source_file: str) -> list[SimpleNamespace]:
    columns = "page, label, column_role, value_text, reported_value, period_type, period_start, period_end, source, ocr_confidence"
    rows = query(
        path,
        f"select {columns} from raw.line_items join raw.documents using (document_id) where source_file = ?",
        [source_file],
    )
    return [SimpleNamespace(**dict(zip(columns.split(", "), row))) for row in rows]


def test_a_200_dpi_scan_yields_95_percent_of_its_figures_with_label_and_period(scanned_run):
    items = _line_items(scanned_run.warehouse, "generated_scan_200dpi.pdf")
    # Never printed: figures whose text is not on the page of the PDF that was scanned.
    score = measure(scanned_run.key, SimpleNamespace(line_items=items), scanned_run.generated)
    assert score.with_period >= 0.95 * score.figures, score.summary() + "\n" + "\n".join(score.misses)
    assert score.wrong_period == 0 and score.never_printed == 0, "\n".join(score.misses)


def test_every_figure_of_a_scan_says_it_was_read_by_ocr_with_its_confidence(scanned_run):
    documents = query(scanned_run.warehouse, "select source_file, status, pages, pages_ocr from raw.documents order by 1")
    assert documents == [("generated_scan_200dpi.pdf", "extracted", 1, 1), ("misprinted_scan_200dpi.pdf", "extracted", 1, 1)]
    issues = query(scanned_run.warehouse, "select kind, detail from raw.page_issues where kind = 'ocr_page'")
    assert len(issues) == 2 and all("the page is an image without a text layer" in detail for _, detail in issues)
    facts = query(
        scanned_run.warehouse,
        "select source, count(*), min(ocr_confidence), max(ocr_confidence), count(ocr_confidence) from marts.fct_financial_facts group by 1",
    )
    assert len(facts) == 1
    source, count, lowest, highest, with_confidence = facts[0]
    assert source == "ocr" and count == with_confidence >= 68 + 20
    assert 0 < lowest <= highest <= 100
    assert query(scanned_run.warehouse, "select pages_ocr from marts.dim_documents order by source_file") == [(1,), (1,)]


def test_a_misprint_read_from_a_scan_fails_its_identity_and_the_report_says_ocr(scanned_run):
    items = _line_items(scanned_run.warehouse, "misprinted_scan_200dpi.pdf")
    assert sorted(item.value_text for item in items if item.label == "Marge brute") == ["529,9", "560,3"]
    failures = query(
        scanned_run.warehouse,
        """select i.check_name, i.period_end, i.actual, i.expected, list_distinct(list(f.source))
           from marts.identity_results i join marts.dim_documents d using (document_id)
           join marts.fct_financial_facts f on list_contains(i.fact_ids, f.fact_id)
           where d.source_file = 'misprinted_scan_200dpi.pdf' and i.status = 'fail' group by all""",
    )
    assert [(name, str(end), Decimal(str(actual)), Decimal(str(expected)), sources) for name, end, actual, expected, sources in failures] == [
        ("calculation:GrossProfit", "2024-12-31", Decimal("560.3"), Decimal("550.3"), ["ocr"])
    ]
    pages = [path.read_text() for path in (scanned_run.report / "documents").glob("*.html")]
    misprinted = next(text for text in pages if "misprinted_scan_200dpi.pdf" in text and "Failed identities" in text)
    assert "1 of them involve figures read by OCR (calculation:GrossProfit)" in misprinted
    assert "involves 3 figures read by OCR" in misprinted
    assert "1 of 1 pages were read by OCR" in misprinted
    index = (scanned_run.report / REPORT_FILE).read_text()
    assert "1 with OCR&#39;d figures" in index or "1 with OCR'd figures" in index


# ------------------------------------------------------------------ parts, without Tesseract


@given(st.integers(min_value=1000, max_value=10**12), st.booleans())
def test_a_figure_whose_groups_ocr_glued_is_whole_again_after_the_layout_joins_them(number, in_brackets):
    """`914819` (Tesseract lost the thousands space) is split into groups and joined again by the layout,
    whatever other groups of the figure were read apart: the value is the printed one."""
    digits = str(number)
    text = f"({digits})" if in_brackets else digits
    if len(text) == 4 and text.startswith(("19", "20")):
        return  # a year alone is never split
    pieces = split_glued_groups(Token(text, 100.0, 100.0 + 5 * len(text), 10.0, 18.0, 10.0))
    assert "".join(piece.text for piece in pieces) == text
    assert all(len(piece.text.strip("()")) <= 3 for piece in pieces)
    merged = merge_figure_fragments(pieces)
    assert len(merged) == 1
    assert parse_number(merged[0].text).value == (-number if in_brackets else number)


def _word(text: str) -> OcrWord:
    return OcrWord(text, 0, 0, 10, 10, 90.0)


@given(st.lists(st.integers(min_value=1000, max_value=999_999), min_size=3, max_size=30), st.sampled_from([",", "."]), st.data())
def test_a_grouped_figure_read_with_the_other_separator_takes_the_page_s(numbers, separator, data):
    """A page prints its figures one way: `16.198` among `16,198`s is a comma whose tail the scan lost."""
    printed = [f"{n // 1000}{separator}{n % 1000:03d}" for n in numbers]
    misread = data.draw(st.sets(st.integers(0, len(printed) - 1), max_size=len(printed) // 4))
    other = "." if separator == "," else ","
    read = [text.replace(separator, other) if i in misread else text for i, text in enumerate(printed)]
    words = [_word(text) for text in read] + [_word("Revenue"), _word("2025")]
    assert page_group_separator(words) == separator
    assert [w.text for w in with_page_separator(words)][: len(printed)] == printed


def test_an_evenly_split_page_keeps_its_figures_as_read():
    words = [_word(text) for text in ("16,198", "16.198", "1,250", "2.500")]
    assert page_group_separator(words) is None
    assert with_page_separator(words) == words


@pytest.mark.parametrize("degrees", [-1.2, -0.4, 0.0, 0.7])
def test_the_skew_of_a_scan_is_found_within_a_tenth_of_a_degree(degrees):
    document = pdfium.PdfDocument(str(Path(__file__).resolve().parents[1] / "data" / "samples" / "verimatrix_FY2025_fr.pdf"))
    page = document[9]
    image = page.render(scale=300 / 72, grayscale=True).to_pil().convert("L")
    page.close()
    document.close()
    turned = image.rotate(degrees, resample=Image.BILINEAR, fillcolor=255)
    noisy = Image.fromarray(np.clip(np.asarray(turned, dtype=np.float32) + np.random.default_rng(0).normal(0, 12, (turned.height, turned.width)), 0, 255).astype(np.uint8))
    assert skew_angle(noisy) == pytest.approx(-degrees, abs=0.1)


def _row(label: str, figure: str, top: float) -> list[OcrWord]:
    return [OcrWord(label, 60, top, 150, top + 8, 95.0), OcrWord(figure, 400 - 5 * len(figure), top, 400, top + 8, 95.0)]


def test_a_whole_number_in_a_column_of_decimals_is_a_lost_decimal_mark_and_is_not_loaded():
    """`747` among `74.7`s: Tesseract lost the mark; the digits alone are another figure, so it is left out.
    A zero, and a header's `31 décembre` over the column, are not judged so."""
    words = [OcrWord("31", 385, 10, 400, 18, 95.0), OcrWord("décembre", 403, 10, 440, 18, 95.0)]
    for top, (label, figure) in enumerate([("Revenue", "74.7"), ("Costs", "(12.3)"), ("Other", "5.1"), ("Profit", "747"), ("Tax", "0"), ("Net", "61.2")]):
        words += _row(label, figure, 30 + 12 * top)
    assert [words[i].text for i in lost_decimal_marks(words)] == ["747"]


def test_a_column_of_whole_numbers_keeps_them_all():
    words = [word for top, figure in enumerate(["747", "1,204", "(35)", "12"]) for word in _row("Item", figure, 30 + 12 * top)]
    assert lost_decimal_marks(words) == []


def test_a_figure_read_with_a_quote_for_its_sign_is_left_out_and_its_row_keeps_the_rest():
    """`“13.7%` for `−13.7%`: the sign is unknown, so the figure is not loaded; words and figures around it stay."""
    from extract.ocr import sign_read_as_quote, without_specks

    words = [OcrWord(text, 0, 0, 10, 10, 90.0) for text in ("Net", "profit", "15.8", "18.3", "\u201c13.7%", "'s", "——", "=", "_")]
    assert [words[i].text for i in sign_read_as_quote(words)] == ["\u201c13.7%"]
    assert [w.text for w in without_specks(words)] == ["Net", "profit", "15.8", "18.3", "\u201c13.7%", "'s", "\u2014"]


def test_a_statement_embedded_as_a_picture_under_a_text_title_is_read_by_ocr(tmp_path):
    """A page whose text layer holds only a title and a footer, its statement an embedded picture: the
    picture is read by OCR (its figures say so), the title stays the text layer's."""
    from extract.isolation import extract_isolated

    from .scans.scanner import statement_as_picture

    printed = tmp_path / "printed.pdf"
    key = render_statements(printed, seed=GENERATED_SEED, options=random_options(GENERATED_SEED), statements=("income_statement",))
    page = statement_as_picture(printed, tmp_path / "picture.pdf", dpi=200)
    result = extract_isolated(page, timeout_seconds=600)
    assert result.pages_ocr == 1
    assert any(issue.kind == "ocr_page" and "images without text cover" in issue.detail for issue in result.page_issues)
    assert result.line_items and all(item.source == "ocr" for item in result.line_items)
    # The picture sits 60 points lower on its page than the statement it shows: the key's figures are matched by label and value.
    score = measure(key, result, printed)
    assert score.with_label >= 0.9 * score.figures, score.summary()
    assert score.never_printed == 0
