"""Reconciling releases with tagged filings (issue 18), on real pairs and a generated IFRS one.

- Apple's 10-Q for the quarter ended 1 July 2023: its PDF (corpus-wide) and its XBRL instance (.xml),
  paired by issuer and period (no --document).
- Apple's 10-Q for the quarter ended 29 March 2025: its inline XBRL document, and the PDF Chromium prints of
  it (made here, in a temporary folder), so that every printed figure has a tagged twin.
- Norvale Group plc (tests/esef_case.py): a generated IFRS release and an ESEF-style report package of the
  same figures, with a typo and two restatements planted (one tagged as such, one silent, which last
  year's package shows).

One pipeline build: the filings are loaded first (their Dagster asset), then `run_pipeline` extracts the
three PDFs and builds the marts once.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from tests import esef_case

SHARED = Path("/work/shared")
XBRL = SHARED / "xbrl"
APPLE_2023_PDF = SHARED / "corpus-wide" / "apple_FY2023Q3_10q_en.pdf"
APPLE_2023_INSTANCE = XBRL / "apple_FY2023Q3_10q" / "aapl-20230701_htm.xml"
APPLE_2025_INLINE = XBRL / "apple_FY2025Q2_10q_inline" / "aapl-20250329.htm"
CHROMIUM = Path("/usr/bin/chromium")
MAIN_STATEMENTS = ("income_statement", "balance_sheet", "cash_flow")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def print_to_pdf(page: Path, pdf: Path) -> Path:
    """The page as Chromium prints it (`make browser` installs Chromium; the test fails without it)."""
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: `make browser` installs it"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    assert pdf.exists() and pdf.stat().st_size > 0
    return pdf


@pytest.fixture(scope="module")
def reconciled(tmp_path_factory):
    from orchestration.cli import reconcile_filing, run_pipeline

    root = tmp_path_factory.mktemp("reconciliation")
    inbox = root / "inbox"
    inbox.mkdir()
    shutil.copy(APPLE_2023_PDF, inbox / APPLE_2023_PDF.name)
    apple_2025_pdf = print_to_pdf(APPLE_2025_INLINE, inbox / "apple_FY2025Q2_10q_print.pdf")
    case = root / "ifrs"
    case.mkdir()
    release, package, last_years_package, tagged = esef_case.build_case(case)
    shutil.copy(release, inbox / release.name)
    warehouse = root / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("DAGSTER_HOME", str(root / "dagster_home"))
        (root / "dagster_home").mkdir()
        quiet = lambda *_: None  # noqa: E731
        # The 2023 instance is paired by issuer and period; the others name their document.
        filings = {
            "apple_2023": reconcile_filing(APPLE_2023_INSTANCE, warehouse, echo=quiet, build=False),
            "apple_2025": reconcile_filing(APPLE_2025_INLINE, warehouse, document_id=_sha256(apple_2025_pdf), echo=quiet, build=False),
            "ifrs": reconcile_filing(package, warehouse, document_id=_sha256(release), echo=quiet, build=False),
            # Last year's: no document of its period, it is what the issuer reported before.
            "ifrs_last_year": reconcile_filing(last_years_package, warehouse, echo=quiet, build=False),
        }
        run_pipeline(inbox, warehouse, echo=quiet)
    documents = {"apple_2023": _sha256(APPLE_2023_PDF), "apple_2025": _sha256(apple_2025_pdf), "ifrs": _sha256(release)}
    return warehouse, filings, documents, tagged


def _rows(warehouse: Path, sql: str, params=()) -> list[dict]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        cursor = connection.execute(sql, list(params))
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _reconciliation(warehouse: Path, document_id: str) -> list[dict]:
    return _rows(
        warehouse,
        """select r.*, f.table_caption, f.column_header from marts.filing_reconciliation r
           join marts.fct_financial_facts f using (fact_id) where r.document_id = ?""",
        [document_id],
    )


def _agrees_with_another_period(warehouse: Path, row: dict) -> bool:
    """The printed figure is the filing's figure of its concept for a period other than the one extracted:
    the extraction gave the column the wrong period."""
    return bool(
        _rows(
            warehouse,
            """select 1 from intermediate.int_filing_concepts e
               join staging.stg_filing_facts f on f.element = e.element and f.dimensions = '' and f.filing_id = ?
               where e.concept = ? and abs(abs(e.weight * f.value) - abs(?)) <= ?
                 and not (f.period_end = ? and f.period_start is not distinct from ?)""",
            [row["filing_id"], row["concept"], row["release_value"], row["tolerance"] or 500000, row["period_end"], row["period_start"]],
        )
    )


def test_filings_are_loaded_offline_with_what_they_say_about_themselves(reconciled):
    warehouse, filings, _, _ = reconciled
    loaded = {row["filing_id"]: row for row in _rows(warehouse, "select * from raw.filings")}
    assert loaded[filings["apple_2023"]]["entity_name"] == "Apple Inc."
    assert str(loaded[filings["apple_2023"]]["period_end"]) == "2023-07-01"
    assert loaded[filings["apple_2023"]]["format"] == "instance"
    assert str(loaded[filings["apple_2025"]]["period_end"]) == "2025-03-29"
    assert loaded[filings["apple_2025"]]["format"] == "inline"
    assert loaded[filings["ifrs"]]["format"] == "report_package"
    assert loaded[filings["ifrs"]]["entity_name"] == esef_case.ISSUER
    # A tagged figure as the filing states it: net sales of the quarter, in dollars, decimals -6.
    (revenue,) = _rows(
        warehouse,
        """select value, decimals, unit from raw.filing_facts where filing_id = ? and concept_name = 'RevenueFromContractWithCustomerExcludingAssessedTax'
           and period_start = '2024-12-29' and period_end = '2025-03-29' and len(dimensions) = 0""",
        [filings["apple_2025"]],
    )
    assert (revenue["value"], revenue["decimals"], revenue["unit"]) == (95_359_000_000, -6, "USD")


def test_the_2023_release_is_paired_with_its_filing_by_issuer_and_period(reconciled):
    warehouse, filings, documents, _ = reconciled
    pairs = _rows(warehouse, "select document_id, filing_id, named_when_loaded from checks.int_document_filings")
    assert {"document_id": documents["apple_2023"], "filing_id": filings["apple_2023"], "named_when_loaded": False} in pairs
    # Norvale's filing of the year before has no document of its period.
    assert not [p for p in pairs if p["filing_id"] == filings["ifrs_last_year"]]
    # The 2025 filing names its document, and is compared with it only.
    assert [p["document_id"] for p in pairs if p["filing_id"] == filings["apple_2025"]] == [documents["apple_2025"]]


def _main_statements(rows: list[dict]) -> list[dict]:
    """The figures of the three main statements, known by their captions (the printed 10-Q's own titles)."""
    titles = ("CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "CONDENSED CONSOLIDATED BALANCE SHEETS",
              "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS")
    return [r for r in rows if (r["table_caption"] or "").upper().startswith(titles)]


@pytest.mark.parametrize("pair", ["apple_2023", "apple_2025"])
def test_every_main_statement_figure_of_both_apple_pairs_matches(reconciled, pair):
    """Issue 18's bar: every figure of the income statement, balance sheet and cash-flow statement agrees with
    its tagged twin, share counts (in thousands where the caption says so) included."""
    warehouse, _, documents, _ = reconciled
    statements = _main_statements(_reconciliation(warehouse, documents[pair]))
    assert {r["statement"] for r in statements} == set(MAIN_STATEMENTS)
    assert len(statements) > 140
    assert [(r["page"], r["label"], str(r["period_end"]), r["value_text"], r["status"]) for r in statements if r["status"] != "match"] == []


@pytest.mark.parametrize("pair", ["apple_2023", "apple_2025"])
def test_what_else_does_not_match_is_a_column_period_the_extraction_misread(reconciled, pair):
    """Outside the main statements (notes), a figure that does not match is the filing's figure of its concept
    for another period: a fault of the extraction's column periods (extract/), never of the reconciliation;
    and nothing is called restated."""
    warehouse, _, documents, _ = reconciled
    rows = _reconciliation(warehouse, documents[pair])
    unexplained = [
        (r["page"], r["label"], str(r["period_end"]), r["value_text"], r["status"])
        for r in rows if r["status"] != "match" and not _agrees_with_another_period(warehouse, r)
    ]
    assert unexplained == []
    assert not [r for r in rows if r["status"] == "restated"]


def test_the_planted_typo_and_restatement_are_flagged_and_nothing_else(reconciled):
    warehouse, _, documents, tagged = reconciled
    rows = _reconciliation(warehouse, documents["ifrs"])
    planted = {(t.figure.label, t.figure.period_end): t.planted for t in tagged if t.planted}
    flagged = {(r["label"], r["period_end"]): r["status"] for r in rows if r["status"] in ("mismatch", "restated")}
    assert flagged == {key: {"typo": "mismatch", "restated": "restated", "restated_silently": "restated"}[kind] for key, kind in planted.items()}
    assert len(flagged) == 3
    for restated in [r for r in rows if r["status"] == "restated"]:
        assert restated["previously_reported_value"] == restated["release_value"]
    assert [r["label"] for r in rows if r["status"] != "restated" and r["previously_reported_value"] is not None] == []
    # Without counterpart: only figures whose concept has no IFRS Taxonomy element (the issuer tags an extension)
    # and figures printed as a dash, which the filing does not tag.
    assert [
        (r["label"], r["value_text"]) for r in rows
        if r["status"] == "no_counterpart" and not r["concept"].startswith("ll_") and not (r["release_value"] == 0 and r["value_text"].strip() in "-–—")
    ] == []
    # Each match is paired with the fact tagged for that very figure (same label and period in the generator's truth).
    filed = {(t.figure.label, t.figure.period_end): abs(t.filed_value) * 10**6 for t in tagged}
    matches = [r for r in rows if r["status"] == "match"]
    assert len(matches) >= 40
    assert [r["label"] for r in matches if abs(r["filing_value"]) != filed[(r["label"], r["period_end"])]] == []


def test_the_summary_prints_the_mismatches(reconciled):
    from orchestration.cli import summary_text

    warehouse, _, _, _ = reconciled
    text = summary_text(warehouse)
    assert "Filing reconciliation" in text
    assert "MISMATCH" in text and "RESTATED" in text
    assert "norvale-2025-12-31-en.zip" in text


def test_a_file_that_is_not_a_filing_gets_a_clear_error(tmp_path):
    from filings import FilingError, load_filing

    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(FilingError, match="not a filing"):
        load_filing(pdf)
    archive = tmp_path / "empty.zip"
    import zipfile

    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("readme.txt", "nothing")
    with pytest.raises(FilingError, match="not an XBRL report package"):
        load_filing(archive)
    page = tmp_path / "page.htm"
    page.write_text("<html><body><p>No facts here.</p></body></html>")
    with pytest.raises(FilingError):
        load_filing(page)


def test_the_report_shows_the_reconciliation_on_the_documents_page(reconciled):
    warehouse, _, documents, _ = reconciled
    page = (warehouse.parent / "reports" / "documents" / f"{documents['ifrs']}.html").read_text()
    assert "Reconciliation with the tagged filing" in page
    assert 'class="mismatch"' in page and 'class="restated"' in page
    assert "norvale-2025-12-31-en.zip" in page


def test_ledgerline_reconcile_loads_a_filing_rebuilds_and_prints_the_reconciliation(reconciled, capsys, monkeypatch):
    """The command as a person types it (last in this module: it rebuilds the marts of the shared warehouse)."""
    from orchestration.cli import main

    warehouse, filings, documents, _ = reconciled
    monkeypatch.setenv("DAGSTER_HOME", str(warehouse.parent / "dagster_home"))
    assert main(["reconcile", str(APPLE_2023_INSTANCE), "--warehouse", str(warehouse), "--document", APPLE_2023_PDF.name]) == 0
    printed = capsys.readouterr().out
    assert f"{APPLE_2023_PDF.name} ↔ {APPLE_2023_INSTANCE.name}:" in printed
    (linked,) = _rows(warehouse, "select document_id from raw.filings where filing_id = ?", [filings["apple_2023"]])
    assert linked["document_id"] == documents["apple_2023"]
    with pytest.raises(SystemExit, match="no document"):
        main(["reconcile", str(APPLE_2023_INSTANCE), "--warehouse", str(warehouse), "--document", "no-such-release.pdf"])


def test_filings_load_without_any_network_connection(monkeypatch):
    """Arelle is configured offline and without the taxonomies: loading opens no connection at all."""
    import socket

    from filings import load_filing

    def refuse(*args, **kwargs):
        raise AssertionError(f"a network connection was attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    for path in (APPLE_2023_INSTANCE, APPLE_2025_INLINE):
        filing = load_filing(path)
        assert filing.entity_name == "Apple Inc." and len(filing.facts) > 600
