"""The real Dagster job, dbt and DuckDB on real files: no mocks."""

import shutil
import threading
from decimal import Decimal

import duckdb
import pytest

from orchestration.cli import run_pipeline, summary_text
from orchestration.warehouse import working_path

from .conftest import REFERENCE_PDF, SAMPLES

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("inbox")
    shutil.copy(REFERENCE_PDF, inbox)
    shutil.copy(SAMPLES / "brookfield-renewable-bs_FY2023_fr.pdf", inbox)
    shutil.copy(REFERENCE_PDF, inbox / "same-bytes-other-name.pdf")
    (inbox / "page.pdf").write_bytes(b"<html><body>404</body></html>")
    (inbox / "empty.pdf").write_bytes(b"")
    path = tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb"
    run_pipeline(inbox, path)
    return inbox, path


def query(path, sql):
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_reference_revenue_in_the_fact_table(warehouse):
    _, path = warehouse
    rows = query(
        path,
        "select reported_value, period_end::varchar, scale, value, currency from marts.fct_financial_facts "
        "where concept = 'Revenue' and source_file = 'same-bytes-other-name.pdf' or (concept = 'Revenue' and statement = 'income_statement') order by period_end desc",
    )
    assert (Decimal("46.5"), "2025-12-31", 1_000_000, Decimal("46500000"), "USD") in [tuple(r[:2]) + (r[2], r[3], r[4]) for r in rows]
    assert (Decimal("57.2"), "2024-12-31") in [tuple(r[:2]) for r in rows]


def test_every_input_is_recorded_once_with_a_status(warehouse):
    _, path = warehouse
    rows = dict(query(path, "select source_file, extraction_status from marts.dim_documents"))
    assert len(rows) == 4  # the same bytes under two names are one document
    statuses = sorted(rows.values())
    assert statuses == ["extracted", "extracted", "failed", "failed"]
    names = query(path, "select file_count from (select document_id, count(*) as file_count from raw.document_files group by 1) order by 1 desc")
    assert names[0][0] == 2
    reasons = [r[0] for r in query(path, "select extraction_error from marts.dim_documents where extraction_status = 'failed' order by 1")]
    assert reasons[0].startswith("empty file") and "HTML" in reasons[1]


def test_publication_flaws_of_the_reference_are_found(warehouse):
    _, path = warehouse
    failures = query(
        path,
        "select check_name, period_end::varchar, actual, expected, i.pages from marts.identity_results i "
        "join marts.dim_documents d using (document_id) where d.issuer = 'Verimatrix' and status = 'fail' order by check_name",
    )
    assert ("calculation:IncreaseDecreaseInCashAndCashEquivalents", "2024-12-31", Decimal("-11.6"), Decimal("-12.0"), "10") in [
        (c, p, a, round(e, 1), pg) for c, p, a, e, pg in failures
    ]
    assert any(c == "same_figure_agrees:EffectOfExchangeRateChangesOnCashAndCashEquivalents" and pg == "5, 10" for c, _, _, _, pg in failures)
    passed = query(path, "select count(*) from marts.identity_results where status = 'pass'")[0][0]
    assert passed > 50
    balance = query(
        path,
        "select status from marts.identity_results i join marts.dim_documents d using (document_id) "
        "where d.issuer = 'Verimatrix' and check_name = 'balance_sheet:Assets=EquityAndLiabilities'",
    )
    assert balance and all(s == "pass" for (s,) in balance)


def test_summary_names_every_document_and_the_failures(warehouse):
    _, path = warehouse
    text = summary_text(path)
    for name in ("verimatrix_FY2025_fr.pdf", "brookfield-renewable-bs_FY2023_fr.pdf", "page.pdf", "empty.pdf"):
        assert name in text
    assert "Failed identities" in text and "p. 10" in text


def test_rerun_is_idempotent_and_readers_never_block_it(warehouse):
    inbox, path = warehouse
    before = query(path, "select count(*), sum(reported_value) from raw.line_items")
    reader = duckdb.connect(str(path), read_only=True)  # a user's SQL session stays open during the run
    try:
        errors = []

        def rerun():
            try:
                run_pipeline(inbox, path, force=True, echo=lambda *_: None)
            except BaseException as error:  # noqa: BLE001 - reported by the assertion below
                errors.append(error)

        thread = threading.Thread(target=rerun)
        thread.start()
        while thread.is_alive():
            assert reader.execute("select count(*) from raw.line_items").fetchone()[0] == before[0][0]
            thread.join(0.5)
        assert not errors
    finally:
        reader.close()
    after = query(path, "select count(*), sum(reported_value) from raw.line_items")
    assert after == before


def test_a_warehouse_built_before_the_facts_were_incremental_is_upgraded(warehouse):
    """A fact table without the fingerprint columns (Ledgerline < 0.3.2) is mapped again whole,
    neither failing the build nor keeping stale rows beside the new ones."""
    inbox, path = warehouse
    facts = "select count(*), count(distinct fact_id), sum(reported_value) from marts.fct_financial_facts"
    before = query(path, facts)
    with duckdb.connect(str(working_path(path))) as connection:
        connection.execute("alter table marts.fct_financial_facts drop column mapping_version")
        connection.execute("alter table marts.fct_financial_facts drop column extracted_at")
    run_pipeline(inbox, path, echo=lambda *_: None)
    assert query(path, facts) == before and before[0][0] == before[0][1]
    assert query(path, "select count(*) from marts.fct_financial_facts where mapping_version is null or extracted_at is null") == [(0,)]


def test_eval_scores_the_warehouse_against_the_gold_keys(warehouse, capsys):
    from orchestration.cli import main

    _, path = warehouse
    assert main(["eval", "--warehouse", str(path)]) == 0
    report = capsys.readouterr().out
    verimatrix = next(line for line in report.splitlines() if line.startswith("verimatrix_FY2025_fr.pdf"))
    # gold, found, wrong, precision, recall: every figure of the three statements, read right.
    assert verimatrix.split()[1:6] == ["138", "138", "0", "100.00%", "100.00%"]
    assert "sanofi_2025H1_fr.pdf: not in the warehouse" in report
