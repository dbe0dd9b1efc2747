"""`ledgerline eval --unlabelled` on a real warehouse (the samples run): no key, only the signs of a bad
extraction. Its detectors are also shown faults put into a copy of that warehouse."""

import shutil

import duckdb
import pytest

from orchestration.cli import main
from orchestration.selfcheck import MAIN_CONCEPTS, self_check

from .conftest import RUN_SAMPLES

REFERENCE = "verimatrix_FY2025_fr.pdf"


def signals(warehouse, inbox):
    return {s.source_file: s for s in self_check(warehouse, [inbox])}


def identity_counts(warehouse, source_file):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return dict(connection.execute(
            """select i.status, count(*) from marts.identity_results i join raw.documents d using (document_id)
               where d.source_file = ? group by i.status""",
            [source_file],
        ).fetchall())


def test_every_document_is_checked_with_its_identity_results(samples_run):
    found = signals(samples_run.warehouse, samples_run.inbox)
    assert set(found) == set(RUN_SAMPLES)
    for name, s in found.items():
        assert s.status == "extracted" and s.figures > 0, name
        assert s.checks == identity_counts(samples_run.warehouse, name), name
        assert s.never_printed is not None, name  # the PDFs are in the run's inbox


def test_the_reference_release_shows_no_sign_of_a_bad_extraction(samples_run):
    """Its three statements are read in full (tests/gold): every figure with a period, no two columns of one
    period, periods that agree with each other, every main concept, every figure printed."""
    s = signals(samples_run.warehouse, samples_run.inbox)[REFERENCE]
    assert (s.without_period, s.same_period_tables, s.contradicting_columns, s.never_printed) == (0, [], {}, [])
    assert s.concepts_missing == [] and len(s.concepts_found) == len(MAIN_CONCEPTS)
    assert s.checks.get("pass", 0) > 0


@pytest.fixture
def faulty_copy(samples_run, tmp_path):
    """The samples warehouse with three faults in the reference release: the earlier column of its first
    balance sheet moved to a date that ends none of its periods (the later one still stands at its year-end), its second income-statement column given the first one's period,
    and one figure's printed text replaced by digits its page does not print."""
    copy = tmp_path / samples_run.warehouse.name
    shutil.copy(samples_run.warehouse, copy)
    with duckdb.connect(str(copy)) as connection:
        (document_id,) = connection.execute("select document_id from raw.documents where source_file = ?", [REFERENCE]).fetchone()
        table, column, end = connection.execute(
            """select table_index, column_index, period_end from raw.line_items
               where document_id = ? and statement = 'balance_sheet' and column_role = 'value' and period_end is not null
               order by table_index, period_end, column_index limit 1""",
            [document_id],
        ).fetchone()
        connection.execute(
            "update raw.line_items set period_end = ? where document_id = ? and table_index = ? and column_index = ?",
            [end.replace(month=9, day=30), document_id, table, column],
        )
        first_column = """select table_index, min(column_index) from raw.line_items
                          where document_id = ? and statement = ? and column_role = 'value' and period_end is not null
                          group by table_index order by table_index limit 1"""
        table, column = connection.execute(first_column, [document_id, "income_statement"]).fetchone()
        start, end = connection.execute(
            "select any_value(period_start), any_value(period_end) from raw.line_items where document_id = ? and table_index = ? and column_index = ?",
            [document_id, table, column],
        ).fetchone()
        connection.execute(
            """update raw.line_items set period_start = ?, period_end = ?
               where document_id = ? and table_index = ? and column_role = 'value' and column_index = (
                   select min(column_index) from raw.line_items where document_id = ? and table_index = ? and column_index > ? and column_role = 'value')""",
            [start, end, document_id, table, document_id, table, column],
        )
        (fact_id,) = connection.execute(
            "select min(fact_id) from marts.fct_financial_facts where document_id = ? and statement = 'income_statement'", [document_id]
        ).fetchone()
        connection.execute("update marts.fct_financial_facts set value_text = '987 654 321' where fact_id = ?", [fact_id])
    return copy, table


def test_faults_put_into_a_copy_are_found(samples_run, faulty_copy):
    copy, income_table = faulty_copy
    s = signals(copy, samples_run.inbox)[REFERENCE]
    assert [reasons for reasons in s.contradicting_columns.values()] == [["a balance-sheet date that is no period end of the document"]]
    assert [column.period_end.isoformat() for column in s.contradicting_columns] == ["2024-09-30"]
    assert len(s.same_period_tables) == 1 and f"table {income_table}:" in s.same_period_tables[0]
    assert [figure.value_text for figure in s.never_printed] == ["987 654 321"]
    # The other documents are untouched.
    assert signals(copy, samples_run.inbox)["brookfield-renewable-bs_FY2023_fr.pdf"].contradicting_columns == {}


def test_the_command_prints_one_line_per_document_and_the_faults(samples_run, faulty_copy, capsys):
    copy, _ = faulty_copy
    assert main(["eval", "--unlabelled", "--warehouse", str(copy), "--inbox", str(samples_run.inbox)]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines() if line.endswith(".pdf") or ".pdf " in line}
    assert set(RUN_SAMPLES) <= set(lines)
    assert "contradicts: " in out and "2024-09-30" in out and "never printed: " in out and "'987 654 321'" in out
    assert main(["eval", "--unlabelled", "--warehouse", str(copy.with_name("absent.duckdb"))]) == 2
