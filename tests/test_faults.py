"""What a fault campaign found, one test per finding (issue 20): nothing lost, nothing half-read, nothing
overwritten. Each fault class of tests/bad_pdfs.py with the status and reason it must get, read as the
pipeline reads it (a child process with the time and memory limits); the user's SQL; the inbox."""

import hashlib
import os
import time
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract import extract_document
from extract.document import _fiscal_year_end
from extract.isolation import extract_isolated
from extract.periods import MONTHS, parse_period
from orchestration.cli import main as ledgerline
from orchestration.inbox import scan_inbox
from orchestration.warehouse import Warehouse

from . import bad_pdfs
from .test_bad_input import EXPECTED


@pytest.fixture(autouse=True)
def _restore_locations(monkeypatch):
    """`ledgerline` commands export the warehouse and inbox they were given; gone again after each test."""
    for name in ("LEDGERLINE_INBOX", "LEDGERLINE_WAREHOUSE"):
        monkeypatch.setenv(name, os.environ.get(name, ""))
        if not os.environ[name]:
            monkeypatch.delenv(name)


@pytest.fixture(scope="module")
def fault_files(tmp_path_factory):
    return bad_pdfs.write_faults(tmp_path_factory.mktemp("faults"))


@pytest.fixture(scope="module")
def fault_results(fault_files):
    results = {}
    for name, path in fault_files.items():
        started = time.perf_counter()
        results[name] = extract_isolated(path, timeout_seconds=60)
        results[name].extraction_seconds = time.perf_counter() - started
    return results


def _printed(result, page=None):
    return sorted((item.page, item.label, item.column_header, item.value_text, item.reported_value) for item in result.line_items if page in (None, item.page))


def _statement_on(page):
    return sorted((page, f.label, f.column_header, f.value_text, f.value) for f in bad_pdfs.income_statement_figures())


# ------------------------------------------------------------------- 4. every class, its reason


@pytest.mark.parametrize("name", sorted(bad_pdfs.FAULT_MAKERS))
def test_each_fault_class_gets_its_status_and_a_reason_that_names_what_is_wrong(fault_results, name):
    """The list is tests/test_bad_input.py's EXPECTED, which the end-to-end run checks in the warehouse."""
    result = fault_results[name]
    assert (result.status, result.error) == EXPECTED[name]


# ------------------------------------------------------------------- 1. a typo costs one sentence


def test_a_typo_in_the_fiscal_year_end_costs_at_most_that_sentence(fault_results):
    assert _printed(fault_results["typo_fiscal_year_end.pdf"]) == _statement_on(1)


@given(day=st.integers(min_value=0, max_value=99), month=st.sampled_from(sorted(MONTHS)), english=st.booleans(), year=st.integers(1990, 2060))
def test_any_stated_fiscal_year_end_gives_a_usable_one(day, month, english, year):
    """Whatever day a sentence names, the fiscal year end read is a real one, and every period header read with it parses."""
    sentence = f"fiscal year ended {month} {day}" if english else f"exercice clos le {day} {month}"
    fiscal_year_end = _fiscal_year_end(f"Résultats annuels. {sentence}. Chiffre d'affaires")
    month_number, end_day = fiscal_year_end
    assert 1 <= end_day <= 31 and 1 <= month_number <= 12
    for header in (str(year), f"S1 {year}", f"Q3 {year}", f"9M {year}", f"FY{year % 100:02d}"):
        parse_period(header, fiscal_year_end=fiscal_year_end)


# ----------------------------------------------------------- 2. half a document is not a whole one


def test_pages_that_cannot_be_read_are_counted_and_named_and_the_rest_is_kept(fault_results):
    result = fault_results["damaged_pages.pdf"]
    assert (result.status, result.pages, result.pages_unreadable) == ("partial", 3, 2)
    assert [(issue.page, issue.kind, issue.detail) for issue in result.page_issues] == [
        (2, "unreadable_page", "its compressed content is corrupted and cannot be decoded whole (encoded with FlateDecode)"),
        (3, "unreadable_page", "its page object is missing or damaged"),
    ]
    assert _printed(result) == _statement_on(1)


def test_a_damaged_cross_reference_table_is_read_around_whole(fault_results):
    """Every object is intact, only the table's offsets are wrong: the objects are found by scanning, all three pages read."""
    result = fault_results["damaged_xref.pdf"]
    assert (result.status, result.pages, result.pages_unreadable) == ("extracted", 3, 0)
    assert _printed(result) == sorted(_statement_on(1) + _statement_on(2) + _statement_on(3))


def test_a_partial_document_is_recorded_as_partial_with_its_unreadable_pages(fault_results, tmp_path):
    store = Warehouse(tmp_path / "warehouse.duckdb")
    store.write_document(fault_results["damaged_pages.pdf"], file_names=["damaged_pages.pdf"])
    with duckdb.connect(str(store.work_path), read_only=True) as connection:
        document = connection.execute("select status, pages, pages_unreadable, line_item_count from raw.documents").fetchall()
        issues = connection.execute("select page, kind from raw.page_issues order by page").fetchall()
    assert document == [("partial", 3, 2, 10)]
    assert issues == [(2, "unreadable_page"), (3, "unreadable_page")]


def test_an_older_warehouse_gets_the_pages_unreadable_column(tmp_path):
    from .test_warehouse_schema import OLD_DOCUMENTS

    store = Warehouse(tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(store.work_path)) as connection:
        connection.execute(OLD_DOCUMENTS)
    store.ensure_schema()
    assert store.known_documents() == {"old": "0.1.0"}
    with duckdb.connect(str(store.work_path), read_only=True) as connection:
        assert connection.execute("select document_id, pages_unreadable from raw.documents").fetchall() == [("old", None)]


# --------------------------------------------------------- 3. the published warehouse stays whole


@pytest.fixture
def published(tmp_path):
    path = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema marts; create table marts.t as select 42 as answer")
    return path


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "query",
    [
        "COPY (select 1) TO '{warehouse}' (FORMAT csv)",
        "COPY marts.t TO '{elsewhere}' (FORMAT csv)",
        "INSTALL httpfs",
        "ATTACH '{elsewhere}' AS other",
        "select * from read_csv('/etc/hostname')",
        "SET enable_external_access = true",
    ],
)
def test_user_sql_cannot_write_files_reach_the_network_or_lift_the_ban(published, tmp_path, capsys, query):
    before = _sha256(published)
    elsewhere = tmp_path / "elsewhere.csv"
    assert ledgerline(["sql", query.format(warehouse=published, elsewhere=elsewhere), "--warehouse", str(published)]) == 2
    assert _sha256(published) == before and not elsewhere.exists()
    error = capsys.readouterr().err
    # Refused by the sandbox's settings, not by a missing file or an unreachable network.
    assert error.startswith("ledgerline: ") and ("disabled by configuration" in error or "configuration has been locked" in error)
    assert ledgerline(["sql", "select answer from marts.t", "--warehouse", str(published), "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["answer", "42"]


@pytest.mark.parametrize("command", [["sql", "select 1"], ["summary"], ["eval"], ["report"]])
def test_a_warehouse_file_that_is_not_a_database_gives_one_line(tmp_path, capsys, command):
    broken = tmp_path / "warehouse.duckdb"
    broken.write_bytes(b"1\n1\n")
    assert ledgerline([*command, "--warehouse", str(broken)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error
    assert error.startswith(f"ledgerline: {broken} cannot be opened as a DuckDB warehouse (")


# --------------------------------------------------------------------- 5. not a PDF is not read


def test_a_pdf_inside_a_zip_archive_is_refused_not_read_twice(fault_results):
    result = fault_results["zip_archive.pdf"]
    assert result.status == "failed" and result.line_items == []
    assert result.error.startswith("not a PDF: the file is a ZIP archive")


# -------------------------------------------------------------------- 6. nothing skipped silently


def test_the_inbox_says_what_it_passes_over_and_why(tmp_path):
    from orchestration.inbox import inbox_entries

    inbox = tmp_path / "inbox"
    (inbox / "x.pdf").mkdir(parents=True)
    bad_pdfs.income_statement_pdf(inbox / "x.pdf" / "inside.pdf")
    bad_pdfs.income_statement_pdf(inbox / "release.pdf")
    os.symlink("loop_b.pdf", inbox / "loop_a.pdf")
    os.symlink("loop_a.pdf", inbox / "loop_b.pdf")
    os.symlink("gone.pdf", inbox / "dangling.pdf")
    os.symlink("..", inbox / "parent")
    files, skipped = inbox_entries(inbox)
    assert [p.relative_to(inbox).as_posix() for p in files] == ["release.pdf", "x.pdf/inside.pdf"]
    assert {entry.path.name: entry.reason for entry in skipped} == {
        "dangling.pdf": "a symbolic link to something that does not exist",
        "loop_a.pdf": "a symbolic link loop (it leads back to itself)",
        "loop_b.pdf": "a symbolic link loop (it leads back to itself)",
        "parent": "a symbolic link to a folder that contains it (a loop); not followed",
        "x.pdf": "a folder named like a PDF, not a file (the files inside it are read)",
    }
    documents, _ = scan_inbox(inbox)
    assert sorted(p.name for paths in documents.values() for p in paths) == ["inside.pdf", "release.pdf"]


# ------------------------------------------------------------- 7. hostile files stopped early


@pytest.mark.parametrize("name", ["nested_forms.pdf", "reference_loop.pdf"])
def test_hostile_files_are_stopped_early_and_the_rest_is_read(fault_results, name):
    """2^40 form drawings, a reference that leads back to itself: both spun until the 300 s limit killed them."""
    result = fault_results[name]
    assert result.extraction_seconds < 20  # measured under 1 s
    assert result.status == "partial" and result.pages_unreadable == 1
    readable = sorted({item.page for item in result.line_items})
    assert _printed(result) == sorted(_statement_on(readable[0]) + _statement_on(readable[1]))
    assert Decimal("1234.5") in {item.reported_value for item in result.line_items}


def test_the_sound_files_of_the_bad_input_suite_still_read_whole(tmp_path):
    """The checks added for damage must not cost a sound document anything."""
    result = extract_document(bad_pdfs.income_statement_pdf(tmp_path / "sound.pdf"))
    assert (result.status, result.pages_unreadable, result.page_issues) == ("extracted", 0, [])
    assert _printed(result) == _statement_on(1)
