"""What a warehouse holds, to compare runs: the rows of raw.* and marts.* (run timestamps left out),
and the invariants every published warehouse keeps whatever happened to the run that built it."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import duckdb

COMPARED_SCHEMAS = ("raw", "marts")


def _compared_columns(connection, schema: str, table: str) -> list[str]:
    """Every column but the ones that record when or how fast a run went."""
    rows = connection.execute(
        "select column_name, data_type from information_schema.columns where table_schema = ? and table_name = ? order by ordinal_position",
        [schema, table],
    ).fetchall()
    return [name for name, dtype in rows if not dtype.startswith("TIMESTAMP") and not name.endswith("_seconds")]


def table_rows(connection, document_ids: list[str] | None = None) -> dict[str, Counter]:
    """`schema.table` → the multiset of its rows (so that a duplicated row shows), optionally of some documents only."""
    tables = connection.execute(
        "select table_schema, table_name from information_schema.tables where table_schema in ? and table_type = 'BASE TABLE'",
        [list(COMPARED_SCHEMAS)],
    ).fetchall()
    rows = {}
    for schema, table in tables:
        columns = _compared_columns(connection, schema, table)
        sql = f"select {', '.join(columns)} from {schema}.{table}"
        if document_ids is not None:
            if "document_id" not in columns:
                continue
            sql += " where document_id in ?"
        result = connection.execute(sql, [document_ids] if document_ids is not None else [])
        rows[f"{schema}.{table}"] = Counter(tuple(map(repr, row)) for row in result.fetchall())
    return rows


def warehouse_rows(path: Path, document_ids: list[str] | None = None) -> dict[str, Counter]:
    with duckdb.connect(str(path), read_only=True) as connection:
        return table_rows(connection, document_ids)


def partial_documents(connection) -> list[str]:
    """Documents whose rows do not add up to what raw.documents says was written: none, ever."""
    return [
        row[0]
        for row in connection.execute(
            """select d.document_id from raw.documents d
               where d.line_item_count <> (select count(*) from raw.line_items i where i.document_id = d.document_id)
                  or d.table_count <> (select count(*) from raw.tables t where t.document_id = d.document_id)
               union all
               select distinct document_id from raw.line_items where document_id not in (select document_id from raw.documents)"""
        ).fetchall()
    ]


def assert_consistent_build(path: Path) -> None:
    """A published warehouse is one whole build: its marts were built from exactly its raw rows."""
    with duckdb.connect(str(path), read_only=True) as connection:
        assert partial_documents(connection) == []
        raw = connection.execute("select document_id, line_item_count from raw.documents order by 1").fetchall()
        marts = connection.execute("select document_id, line_item_count from marts.dim_documents order by 1").fetchall()
        assert raw == marts
        facts = connection.execute("select count(*) from marts.fct_financial_facts").fetchone()[0]
        assert facts == sum(count for _, count in raw)


def open_copy_of_work_file(work_path: Path, into: Path):
    """A read-write connection to a copy of a working file and its WAL, as a killed run left them:
    opening it replays the committed transactions, the way the next run will."""
    into.mkdir(parents=True, exist_ok=True)
    for source in (work_path, work_path.with_name(work_path.name + ".wal")):
        if source.exists():
            shutil.copy2(source, into / source.name)
    return duckdb.connect(str(into / work_path.name))
