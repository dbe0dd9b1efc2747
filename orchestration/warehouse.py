"""The DuckDB warehouse: raw tables, one-transaction document writes, single writer, atomic publish.

Runs never write the file users query. They write a working copy (`<name>.work.duckdb`) under an
exclusive lock; at the end of a dbt build a copy of it is kept next to the published file, and
`publish` renames that copy over it. A user holding the published file open keeps reading the old,
consistent version; nobody blocks a run.
"""

from __future__ import annotations

import dataclasses
import fcntl
import functools
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb

from extract import DocumentExtraction
from filings import Filing

RAW_SCHEMA_SQL = """
CREATE SCHEMA IF NOT EXISTS raw;
CREATE TABLE IF NOT EXISTS raw.documents (
    document_id VARCHAR PRIMARY KEY,
    source_file VARCHAR NOT NULL,
    pages INTEGER,
    size_bytes BIGINT NOT NULL,
    status VARCHAR NOT NULL,
    error VARCHAR,
    language VARCHAR,
    title VARCHAR,
    table_count INTEGER NOT NULL,
    line_item_count INTEGER NOT NULL,
    extracted_at TIMESTAMPTZ NOT NULL,
    extractor_version VARCHAR NOT NULL,
    extraction_seconds DOUBLE,
    issuer_name VARCHAR,
    isins VARCHAR[],
    tickers VARCHAR[],
    pages_unreadable INTEGER,
    pages_analysed INTEGER,
    pages_ocr INTEGER
);
-- Warehouses created before the issuer evidence columns existed get them here.
ALTER TABLE raw.documents ADD COLUMN IF NOT EXISTS issuer_name VARCHAR;
ALTER TABLE raw.documents ADD COLUMN IF NOT EXISTS isins VARCHAR[];
ALTER TABLE raw.documents ADD COLUMN IF NOT EXISTS tickers VARCHAR[];
-- ... and the count of pages that could not be read (status 'partial'; null: extracted before it was counted).
ALTER TABLE raw.documents ADD COLUMN IF NOT EXISTS pages_unreadable INTEGER;
-- ... and the count of pages read in depth (the others hold no column of figures: extract/triage.py).
ALTER TABLE raw.documents ADD COLUMN IF NOT EXISTS pages_analysed INTEGER;
-- ... and of pages read by OCR (extract/ocr.py; null: extracted before OCR existed, so none).
ALTER TABLE raw.documents ADD COLUMN IF NOT EXISTS pages_ocr INTEGER;
CREATE TABLE IF NOT EXISTS raw.document_files (
    document_id VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (document_id, file_name)
);
CREATE TABLE IF NOT EXISTS raw.tables (
    document_id VARCHAR NOT NULL,
    table_index INTEGER NOT NULL,
    first_page INTEGER NOT NULL,
    last_page INTEGER NOT NULL,
    caption VARCHAR,
    unit_caption VARCHAR,
    statement VARCHAR NOT NULL,
    basis VARCHAR NOT NULL,
    scope VARCHAR,
    scale BIGINT,
    currency VARCHAR,
    row_count INTEGER NOT NULL,
    column_count INTEGER NOT NULL,
    x0 DOUBLE, top DOUBLE, x1 DOUBLE, bottom DOUBLE
);
CREATE TABLE IF NOT EXISTS raw.line_items (
    document_id VARCHAR NOT NULL,
    page INTEGER NOT NULL,
    table_index INTEGER NOT NULL,
    row_index INTEGER NOT NULL,
    column_index INTEGER NOT NULL,
    label VARCHAR NOT NULL,
    section VARCHAR,
    note VARCHAR,
    column_header VARCHAR NOT NULL,
    column_role VARCHAR NOT NULL,
    value_text VARCHAR NOT NULL,
    reported_value DECIMAL(38, 6),
    value_kind VARCHAR NOT NULL,
    printed_decimals INTEGER NOT NULL,
    scale BIGINT,
    currency VARCHAR,
    period_type VARCHAR,
    period_start DATE,
    period_end DATE,
    is_total BOOLEAN NOT NULL,
    wrapped_label BOOLEAN NOT NULL,
    x0 DOUBLE NOT NULL, top DOUBLE NOT NULL, x1 DOUBLE NOT NULL, bottom DOUBLE NOT NULL,
    table_caption VARCHAR,
    unit_caption VARCHAR,
    statement VARCHAR NOT NULL,
    basis VARCHAR NOT NULL,
    source VARCHAR DEFAULT 'text_layer',
    ocr_confidence DOUBLE,
    table_scope VARCHAR
);
-- Where each figure was read: 'text_layer' or 'ocr', with the OCR engine's confidence (0-100). Figures
-- stored before OCR existed were all read from the text layer.
ALTER TABLE raw.line_items ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'text_layer';
ALTER TABLE raw.line_items ADD COLUMN IF NOT EXISTS ocr_confidence DOUBLE;
-- Whether a table presents one segment of the reporting entity ('segment') or the entity ('entity'), as its
-- headings say (extract/context.py classify_scope); null: extracted before it was read.
ALTER TABLE raw.tables ADD COLUMN IF NOT EXISTS scope VARCHAR;
ALTER TABLE raw.line_items ADD COLUMN IF NOT EXISTS table_scope VARCHAR;
-- raw.tables and raw.line_items have no PRIMARY KEY: DuckDB rewrites a table's whole index at every
-- checkpoint, so a key on them made each document's write cost grow with the warehouse. Their keys
-- stay unique because write_document replaces a document's rows in one transaction under the
-- writer lock; dbt tests the keys (sources and fct_financial_facts.fact_id).
CREATE TABLE IF NOT EXISTS raw.page_issues (
    document_id VARCHAR NOT NULL,
    page INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    detail VARCHAR NOT NULL
);
-- Documents held out of the marts (raw.documents.status = 'quarantined'), one row per document-level
-- contract test they broke, judged on one extraction (extracted_at) by one version of the dbt project.
CREATE TABLE IF NOT EXISTS raw.quarantined_documents (
    document_id VARCHAR NOT NULL,
    test_name VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    extracted_at TIMESTAMPTZ NOT NULL,
    project_version VARCHAR NOT NULL,
    quarantined_at TIMESTAMPTZ NOT NULL
);
-- Tagged filings (filings/): one row per filing loaded by `ledgerline reconcile`, its numeric facts below.
CREATE TABLE IF NOT EXISTS raw.filings (
    filing_id VARCHAR PRIMARY KEY,
    source_file VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL,
    format VARCHAR NOT NULL,
    entity_identifier VARCHAR,
    entity_name VARCHAR,
    tickers VARCHAR[],
    document_type VARCHAR,
    period_end DATE,
    document_id VARCHAR,
    non_numeric_facts INTEGER NOT NULL,
    fact_count INTEGER NOT NULL,
    loaded_at TIMESTAMPTZ NOT NULL,
    loader_version VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS raw.filing_facts (
    filing_id VARCHAR NOT NULL,
    concept_prefix VARCHAR NOT NULL,
    concept_name VARCHAR NOT NULL,
    namespace VARCHAR NOT NULL,
    period_type VARCHAR NOT NULL,
    period_start DATE,
    period_end DATE NOT NULL,
    dimensions VARCHAR[] NOT NULL,
    unit VARCHAR NOT NULL,
    decimals INTEGER,
    value DECIMAL(38, 10),
    issue VARCHAR
);
"""

# Warehouses created before the keys were dropped (see RAW_SCHEMA_SQL) are rebuilt without them once.
_UNKEYED_TABLES = ("tables", "line_items")


def _json_default(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(type(value))


def working_path(published: Path) -> Path:
    return published.with_name(f"{published.stem}.work{published.suffix or '.duckdb'}")


class Warehouse:
    """One DuckDB warehouse: a published file for readers, a working file for the single writer."""

    def __init__(self, path: str | os.PathLike, lock_timeout_seconds: float = 600.0):
        self.path = Path(path).resolve()
        self.work_path = working_path(self.path)
        self.lock_path = self.work_path.with_suffix(".lock")
        self.run_lock_path = self.path.with_name(f"{self.path.stem}.run.lock")
        self.built_path = self.path.with_name(f".{self.path.name}.built")
        self.lock_timeout_seconds = lock_timeout_seconds

    @contextmanager
    def writer_lock(self):
        """Exclusive across processes: DuckDB allows one writing process per file."""
        with _exclusive_lock(self.lock_path, self.lock_timeout_seconds, "another Ledgerline run"):
            yield

    @contextmanager
    def run_lock(self, on_wait=None):
        """One `ledgerline run` at a time on this warehouse; a second one waits, however long the first takes,
        then finds the documents already extracted. The kernel releases the lock of a killed process."""
        with _exclusive_lock(self.run_lock_path, None, "another `ledgerline run`", on_wait=on_wait):
            yield

    def ensure_schema(self) -> None:
        """Create the raw tables the working file lacks, and bring an older warehouse's up to date (new
        columns, keys dropped), rows kept: before dbt reads them as sources, and before a run reads them."""
        with self.connect_for_writing():
            pass

    @contextmanager
    def connect_for_writing(self):
        """A connection to the working file, under the writer lock, with the raw schema in place (each
        writer creates the tables it writes, so that a first write needs no set-up)."""
        with self.writer_lock():
            if not self.work_path.exists() and self.path.exists():
                _copy_whole(self.path, self.work_path)
            connection = self._connect_work_file()
            try:
                _create_raw_schema(connection)
                yield connection
            finally:
                connection.close()

    def _connect_work_file(self, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        """Open the working file, waiting while DuckDB's own lock is held. Our lock is released when a run is
        killed, but a dbt process it had started goes on writing until it finishes, and holds DuckDB's lock."""
        deadline = time.monotonic() + self.lock_timeout_seconds
        while True:
            try:
                return duckdb.connect(str(self.work_path), read_only=read_only)
            except duckdb.IOException as error:
                if "lock" not in str(error).lower():
                    raise WarehouseUnreadable(self.work_path, error) from error
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

    def write_document(self, extraction: DocumentExtraction, *, file_names: list[str], seconds: float | None = None) -> None:
        """Replace everything known about one document in one transaction: no duplicate, no partial
        document. If its rows cannot be stored (a fault of ours), the document is still recorded, as
        failed with the reason, so that it is never silently missing."""
        try:
            self._write_document(extraction, file_names=file_names, seconds=seconds)
        except (duckdb.Error, ValueError, KeyError) as error:
            if extraction.status == "failed":
                raise
            failed = dataclasses.replace(
                extraction, status="failed", tables=[], line_items=[], page_issues=[],
                error=f"extracted, but its rows could not be stored ({type(error).__name__}: {error}); a Ledgerline fault, please report it",
            )
            self._write_document(failed, file_names=file_names, seconds=seconds)

    def _write_document(self, extraction: DocumentExtraction, *, file_names: list[str], seconds: float | None) -> None:
        # raw.line_items has no primary key (it made every write slower as the warehouse grew): its
        # grain is checked here, before anything is written.
        cells = [(item.table_index, item.row_index, item.column_index) for item in extraction.line_items]
        if len(cells) != len(set(cells)):
            duplicate = next(cell for cell in cells if cells.count(cell) > 1)
            raise ValueError(f"two figures for one cell (table, row, column) {duplicate}")
        table_info = {t.table_index: t for t in extraction.tables}
        key = {"document_id": extraction.document_id}
        items = []
        for item in extraction.line_items:
            table = table_info[item.table_index]
            items.append({
                **key, **vars(item),  # a LineItem's fields are scalars: no need for asdict's deep copy
                "table_caption": table.caption, "unit_caption": table.unit_caption, "statement": table.statement, "basis": table.basis,
                "table_scope": table.scope,
            })
        rows = {
            "line_items": items,
            "tables": [{**key, **vars(t)} for t in extraction.tables],
            "page_issues": [{**key, **vars(i)} for i in extraction.page_issues],
        }
        with tempfile.TemporaryDirectory(prefix="ledgerline-") as tmp:
            # Staged as JSON lines, read by DuckDB in one statement per table: binding Python values as
            # parameters costs DuckDB two failed `import pandas` per value when pandas is not installed.
            staged = {table: _write_jsonl(Path(tmp) / f"{table}.jsonl", table_rows) for table, table_rows in rows.items() if table_rows}
            with self.connect_for_writing() as connection:
                connection.execute("BEGIN TRANSACTION")
                try:
                    # A document extracted again leaves quarantine: its new rows are tested again.
                    for table in ("line_items", "tables", "page_issues", "quarantined_documents", "documents"):
                        connection.execute(f"DELETE FROM raw.{table} WHERE document_id = ?", [extraction.document_id])
                    document = {
                        "document_id": extraction.document_id, "source_file": extraction.source_file,
                        "pages": extraction.pages, "size_bytes": extraction.size_bytes, "status": extraction.status,
                        "error": extraction.error, "language": extraction.language, "title": extraction.title,
                        "table_count": len(extraction.tables), "line_item_count": len(extraction.line_items),
                        "extracted_at": extraction.extracted_at, "extractor_version": extraction.extractor_version,
                        "extraction_seconds": seconds, "issuer_name": extraction.issuer.name,
                        "isins": extraction.issuer.isins, "tickers": extraction.issuer.tickers,
                        "pages_unreadable": extraction.pages_unreadable, "pages_ocr": extraction.pages_ocr,
                        "pages_analysed": extraction.pages_analysed,
                    }
                    connection.execute(
                        f"INSERT INTO raw.documents ({', '.join(document)}) VALUES ({', '.join('?' * len(document))})",
                        list(document.values()),
                    )
                    for name in file_names:
                        connection.execute(
                            "INSERT INTO raw.document_files VALUES (?, ?, now()) ON CONFLICT DO NOTHING",
                            [extraction.document_id, name],
                        )
                    for table, path in staged.items():
                        self._insert_staged(connection, table, path)
                    connection.execute("COMMIT")
                except BaseException:
                    connection.execute("ROLLBACK")
                    raise

    def write_filing(self, filing: Filing, *, document_id: str | None = None) -> None:
        """Replace a filing and its facts in one transaction; `document_id` names the release it is reconciled
        with (otherwise the marts pair it with the documents of its issuer and period)."""
        with tempfile.TemporaryDirectory(prefix="ledgerline-") as tmp:
            facts = [{"filing_id": filing.filing_id, **vars(fact)} for fact in filing.facts]
            staged = _write_jsonl(Path(tmp) / "filing_facts.jsonl", facts)
            with self.connect_for_writing() as connection:
                connection.execute("BEGIN TRANSACTION")
                try:
                    for table in ("filing_facts", "filings"):
                        connection.execute(f"DELETE FROM raw.{table} WHERE filing_id = ?", [filing.filing_id])
                    header = {
                        "filing_id": filing.filing_id, "source_file": filing.source_file, "size_bytes": filing.size_bytes,
                        "format": filing.format, "entity_identifier": filing.entity_identifier, "entity_name": filing.entity_name,
                        "tickers": filing.tickers, "document_type": filing.document_type, "period_end": filing.period_end,
                        "document_id": document_id, "non_numeric_facts": filing.non_numeric_facts,
                        "fact_count": len(filing.facts), "loaded_at": datetime.now().astimezone(), "loader_version": filing.loader_version,
                    }
                    connection.execute(
                        f"INSERT INTO raw.filings ({', '.join(header)}) VALUES ({', '.join('?' * len(header))})", list(header.values())
                    )
                    self._insert_staged(connection, "filing_facts", staged)
                    connection.execute("COMMIT")
                except BaseException:
                    connection.execute("ROLLBACK")
                    raise

    def _insert_staged(self, connection, table: str, path: Path) -> None:
        """Rows staged as JSON lines, read by DuckDB in one statement (see _write_document)."""
        columns = ", ".join(_json_columns(table))
        connection.execute(
            f"INSERT INTO raw.{table} ({columns}) SELECT {columns} FROM read_json(?, format='newline_delimited', columns={_json_spec(table)})",
            [str(path)],
        )

    def forget_document(self, document_id: str) -> int:
        """Remove a document everywhere in the raw layer; the marts follow on the next dbt build."""
        with self.connect_for_writing() as connection:
            connection.execute("BEGIN TRANSACTION")
            removed = connection.execute("SELECT count(*) FROM raw.documents WHERE document_id = ?", [document_id]).fetchone()[0]
            for table in ("line_items", "tables", "page_issues", "quarantined_documents", "document_files", "documents"):
                connection.execute(f"DELETE FROM raw.{table} WHERE document_id = ?", [document_id])
            connection.execute("COMMIT")
            return removed

    def quarantine(self, failures: dict[str, list[tuple[str, str]]], project_version: str) -> None:
        """Hold documents out of the marts: `failures` maps a document to the (test, reason) pairs of the
        document-level contract tests it broke. raw.documents says `quarantined` with the reasons; the
        marts leave its rows out from the next dbt build. Call it under `writer_lock()`."""
        with self._transaction() as connection:
            for document_id, broken in failures.items():
                connection.execute("DELETE FROM raw.quarantined_documents WHERE document_id = ?", [document_id])
                for test_name, reason in broken:
                    connection.execute(
                        "INSERT INTO raw.quarantined_documents SELECT document_id, ?, ?, extracted_at, ?, now() "
                        "FROM raw.documents WHERE document_id = ?",
                        [test_name, reason, project_version, document_id],
                    )
                connection.execute(
                    "UPDATE raw.documents SET status = 'quarantined', error = ? WHERE document_id = ?",
                    [quarantine_reason(broken), document_id],
                )

    def release_quarantine(self, project_version: str) -> list[str]:
        """Documents judged on another extraction or by another version of the dbt project leave quarantine,
        to be built and tested again; return them. Call it under `writer_lock()`."""
        with self._transaction() as connection:
            released = [
                document_id for (document_id,) in connection.execute(
                    """SELECT DISTINCT documents.document_id FROM raw.documents AS documents
                       LEFT JOIN raw.quarantined_documents AS judged USING (document_id)
                       WHERE documents.status = 'quarantined'
                         AND (judged.document_id IS NULL OR judged.project_version <> ? OR judged.extracted_at <> documents.extracted_at)
                       ORDER BY 1""",
                    [project_version],
                ).fetchall()
            ]
            for document_id in released:
                connection.execute("DELETE FROM raw.quarantined_documents WHERE document_id = ?", [document_id])
                connection.execute("UPDATE raw.documents SET status = 'extracted', error = NULL WHERE document_id = ?", [document_id])
            return released

    def quarantined_documents(self) -> set[str]:
        """The documents the working file holds out of the marts. Call it under `writer_lock()`."""
        connection = self._connect_work_file()
        try:
            return {d for (d,) in connection.execute("SELECT document_id FROM raw.documents WHERE status = 'quarantined'").fetchall()}
        finally:
            connection.close()

    @contextmanager
    def _transaction(self):
        connection = self._connect_work_file()
        try:
            connection.execute("BEGIN TRANSACTION")
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        finally:
            connection.close()

    def known_documents(self) -> dict[str, str]:
        """document_id → extractor_version of what the working file already holds (the published file
        before a run made one), read-only: no writer lock, no copy; empty for a new warehouse."""
        if not self.work_path.exists():
            return self.published_documents()
        connection = self._connect_work_file(read_only=True)
        try:
            return _document_versions(connection)
        finally:
            connection.close()

    def published_documents(self) -> dict[str, str]:
        """document_id → extractor_version in the published file, read without the writer lock
        (a sensor must not wait for a run); empty before the first publish."""
        if not self.path.exists():
            return {}
        with duckdb.connect(str(self.path), read_only=True) as connection:
            return _document_versions(connection)

    def keep_build(self) -> None:
        """Right after a successful dbt build, still under the writer lock: keep the working file as the
        build left it, for `publish`. Rows an extraction writes between the two steps (in the UI, runs
        of the pool interleave) then wait for the next build instead of reaching readers without marts."""
        self._checkpoint()
        _copy_whole(self.work_path, self.built_path)

    def publish(self) -> Path:
        """Rename the last build over the published file: readers never see half a build."""
        with self.writer_lock():
            if self.built_path.exists():
                os.replace(self.built_path, self.path)
            elif not self.path.exists():  # nothing built yet: the working file itself starts the warehouse
                self._checkpoint()
                _copy_whole(self.work_path, self.path)
        return self.path

    def _checkpoint(self) -> None:
        connection = self._connect_work_file()
        try:
            connection.execute("CHECKPOINT")
        finally:
            connection.close()


def _document_versions(connection) -> dict[str, str]:
    """document_id → extractor_version of raw.documents; empty when the file has no raw tables yet."""
    try:
        return dict(connection.execute("SELECT document_id, extractor_version FROM raw.documents").fetchall())
    except duckdb.CatalogException:
        return {}


def quarantine_reason(broken: list[tuple[str, str]]) -> str:
    """What raw.documents.error says of a quarantined document: each broken test's reason, once."""
    reasons = list(dict.fromkeys(reason for _, reason in broken))
    return "quarantined, its figures held out of the marts: " + "; ".join(reasons)


def _copy_whole(source: Path, target: Path) -> None:
    """Copy under another name, then rename: a process killed mid-copy never leaves half a file at `target`."""
    partial = target.with_name(f".{target.name}.partial")
    shutil.copy2(source, partial)
    os.replace(partial, target)


@contextmanager
def _exclusive_lock(path: Path, timeout_seconds: float | None, holder: str, on_wait=None):
    """An flock on `path`, polled so that a time-out can be reported; `None` waits for as long as it takes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        deadline = None if timeout_seconds is None else time.monotonic() + timeout_seconds
        waiting = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeoutError(f"{holder} has held {path} for {timeout_seconds:.0f}s")
                if on_wait and not waiting:
                    on_wait(f"Waiting for {holder} on this warehouse to finish ({path})...")
                waiting = True
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, default=_json_default) + "\n")
    return path


@functools.cache
def _json_columns(table: str) -> dict[str, str]:
    """Column → type of a raw table, taken from RAW_SCHEMA_SQL itself so that the staged rows never drift from it."""
    with duckdb.connect() as connection:
        connection.execute(RAW_SCHEMA_SQL)
        rows = connection.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'raw' AND table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
    return dict(rows)


def _json_spec(table: str) -> str:
    """The `columns` argument of read_json for a raw table."""
    return "{" + ", ".join(f"'{name}': '{dtype}'" for name, dtype in _json_columns(table).items()) + "}"


def _create_raw_schema(connection) -> None:
    """The raw tables, created if missing; older warehouses' keyed tables are rebuilt without keys, rows kept."""
    connection.execute("CREATE SCHEMA IF NOT EXISTS raw")
    keyed = [
        name for (name,) in connection.execute(
            "SELECT DISTINCT table_name FROM duckdb_constraints() WHERE schema_name = 'raw' AND constraint_type = 'PRIMARY KEY' "
            f"AND table_name IN ({', '.join(repr(t) for t in _UNKEYED_TABLES)})"
        ).fetchall()
    ]
    connection.execute("BEGIN TRANSACTION")
    for name in keyed:
        connection.execute(f"ALTER TABLE raw.{name} RENAME TO {name}__keyed")
    connection.execute(RAW_SCHEMA_SQL)
    for name in keyed:
        connection.execute(f"INSERT INTO raw.{name} BY NAME SELECT * FROM raw.{name}__keyed")
        connection.execute(f"DROP TABLE raw.{name}__keyed")
    connection.execute("COMMIT")


class WarehouseUnreadable(Exception):
    """The warehouse file exists but is not a DuckDB database (overwritten, damaged): said in one line."""

    def __init__(self, path: Path, error: BaseException):
        detail = str(error).splitlines()[0] if str(error) else type(error).__name__
        super().__init__(
            f"{path} cannot be opened as a DuckDB warehouse ({detail}); restore it from a copy, or move it "
            "away and `ledgerline run` builds the warehouse again from the inbox"
        )


# A user's SQL runs with no access to files or the network: `COPY ... TO` the warehouse file itself,
# `INSTALL`/`LOAD` of extensions, `ATTACH`, `read_csv` of any file are refused, and locked so that a
# `SET` in the query cannot allow them again. Read-only alone still lets COPY overwrite any file.
USER_QUERY_CONFIG = {"enable_external_access": False, "lock_configuration": True}


def read_only(path: str | os.PathLike, *, user_query: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published warehouse, for users and reports; sandboxed for a user's own SQL."""
    path = Path(path)
    try:
        return duckdb.connect(str(path), read_only=True, config=USER_QUERY_CONFIG if user_query else {})
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            raise
        raise WarehouseUnreadable(path, error) from error
