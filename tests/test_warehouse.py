"""The warehouse's single-writer rules, on the Warehouse class itself (no Dagster, no dbt)."""

import subprocess
import sys
import time

import duckdb

from extract import DocumentExtraction
from orchestration.warehouse import Warehouse


def _document(name: str) -> DocumentExtraction:
    return DocumentExtraction(document_id=name * 64, source_file=f"{name}.pdf", size_bytes=1, status="failed", error="empty file")


def _published_documents(store: Warehouse) -> list[str]:
    with duckdb.connect(str(store.path), read_only=True) as connection:
        return [row[0] for row in connection.execute("select source_file from raw.documents order by 1").fetchall()]


def test_rows_written_between_a_build_and_its_publication_wait_for_the_next_build(tmp_path):
    store = Warehouse(tmp_path / "warehouse.duckdb")
    store.write_document(_document("a"), file_names=["a.pdf"])
    with store.writer_lock():  # as the dbt step does once dbt has built the marts
        store.keep_build()
    store.write_document(_document("b"), file_names=["b.pdf"])  # an extraction run slips in before the publish step
    store.publish()
    assert _published_documents(store) == ["a.pdf"]
    store.publish()  # nothing built since: the published file stays as it is
    assert _published_documents(store) == ["a.pdf"]
    with store.writer_lock():
        store.keep_build()
    store.publish()
    assert _published_documents(store) == ["a.pdf", "b.pdf"]


def test_a_writer_outliving_its_run_is_waited_for(tmp_path):
    """A dbt process goes on writing the working file after the run that started it was killed, holding
    DuckDB's own lock; the next run waits for it instead of failing."""
    store = Warehouse(tmp_path / "warehouse.duckdb")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('holding', flush=True); time.sleep(1.5)", str(store.work_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        assert store.known_documents() == {}
        assert time.monotonic() - started > 0.5
    finally:
        holder.kill()
        holder.wait()


def test_a_document_whose_rows_cannot_be_stored_is_recorded_as_failed(tmp_path, reference_extraction):
    """Two figures claiming one cell break the line-item key: the document is recorded, failed, with the reason."""
    import copy

    from orchestration.warehouse import Warehouse

    broken = copy.deepcopy(reference_extraction)
    broken.line_items.append(copy.deepcopy(broken.line_items[0]))
    store = Warehouse(tmp_path / "warehouse.duckdb")
    store.write_document(broken, file_names=["reference.pdf"])
    with store.connect_for_writing() as connection:
        status, error = connection.execute("SELECT status, error FROM raw.documents").fetchone()
        items = connection.execute("SELECT count(*) FROM raw.line_items").fetchone()[0]
    assert (status, items) == ("failed", 0)
    assert error.startswith("extracted, but its rows could not be stored (ValueError: two figures for one cell")


def _work_documents(store: Warehouse) -> dict[str, tuple[str, str | None, int]]:
    with duckdb.connect(str(store.work_path), read_only=True) as connection:
        return {
            name: (status, error, judged)
            for name, status, error, judged in connection.execute(
                """select source_file, status, error, (select count(*) from raw.quarantined_documents q where q.document_id = d.document_id)
                   from raw.documents d"""
            ).fetchall()
        }


def test_a_quarantine_holds_until_the_document_or_the_dbt_project_changes(tmp_path):
    store = Warehouse(tmp_path / "warehouse.duckdb")
    extracted = DocumentExtraction(document_id="q" * 64, source_file="q.pdf", size_bytes=1, status="extracted")
    store.write_document(extracted, file_names=["q.pdf"])
    store.write_document(_document("a"), file_names=["a.pdf"])
    broken = [("unique_in_document_x", "one printed figure stored 2 times (table 1, row 2, column 0)"),
              ("unique_in_document_y", "one printed figure stored 2 times (table 1, row 2, column 0)")]
    with store.writer_lock():
        store.quarantine({extracted.document_id: broken}, project_version="v1")
        assert store.quarantined_documents() == {extracted.document_id}
        assert store.release_quarantine("v1") == []  # the same extraction, the same project: it stays
    status, error, judged = _work_documents(store)["q.pdf"]
    assert (status, judged) == ("quarantined", 2)
    assert error == "quarantined, its figures held out of the marts: one printed figure stored 2 times (table 1, row 2, column 0)"
    assert _work_documents(store)["a.pdf"][0] == "failed"

    with store.writer_lock():  # another version of the models, seeds or tests judges it again
        assert store.release_quarantine("v2") == [extracted.document_id]
        assert store.quarantined_documents() == set()
    assert _work_documents(store)["q.pdf"] == ("extracted", None, 0)

    with store.writer_lock():
        store.quarantine({extracted.document_id: broken[:1]}, project_version="v2")
    store.write_document(extracted, file_names=["q.pdf"])  # extracted again: its new rows are tested again
    assert _work_documents(store)["q.pdf"] == ("extracted", None, 0)


def test_the_known_documents_are_read_without_the_writer_lock_nor_a_copy(tmp_path):
    """A run reads what the warehouse holds read-only: while another writer holds the lock, and from the
    published file when there is no working file yet, which it does not create."""
    store = Warehouse(tmp_path / "warehouse.duckdb", lock_timeout_seconds=1)
    store.write_document(_document("a"), file_names=["a.pdf"])
    with store.writer_lock():  # another run writing: taking the lock here would time out
        assert store.known_documents() == {"a" * 64: _document("a").extractor_version}
    store.publish()
    store.work_path.unlink()
    assert store.known_documents() == {"a" * 64: _document("a").extractor_version}
    assert not store.work_path.exists()
    assert Warehouse(tmp_path / "new.duckdb").known_documents() == {}
