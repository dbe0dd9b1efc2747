"""Copy the raw.* tables of a Ledgerline DuckDB warehouse into a PostgreSQL database, so that the dbt
project builds its marts there (`dbt build --target postgres`, see README "Beyond one machine").

    python -m orchestration.deploy.postgres.copy_raw_tables warehouse.duckdb "host=127.0.0.1 user=ledgerline dbname=ledgerline"

The raw schema of the target database is replaced. psycopg2 comes with dbt-postgres (`pip install .[dev]`).
"""

from __future__ import annotations

import sys

import duckdb

RAW_TABLES = ("documents", "document_files", "tables", "line_items", "page_issues")
POSTGRES_TYPES = {
    "VARCHAR": "text",
    "INTEGER": "integer",
    "BIGINT": "bigint",
    "DOUBLE": "double precision",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP WITH TIME ZONE": "timestamptz",
    "TIMESTAMP": "timestamp",
    "VARCHAR[]": "text[]",
}


def postgres_type(duckdb_type: str) -> str:
    return POSTGRES_TYPES.get(duckdb_type) or duckdb_type.replace("DECIMAL", "numeric")


def copy_raw_tables(warehouse: str, dsn: str) -> dict[str, int]:
    import psycopg2
    from psycopg2.extras import execute_values

    counts = {}
    with duckdb.connect(warehouse, read_only=True) as source, psycopg2.connect(dsn) as target, target.cursor() as cursor:
        cursor.execute("drop schema if exists raw cascade")
        cursor.execute("create schema raw")
        cursor.execute("create extension if not exists unaccent")  # macros/portability.sql
        for table in RAW_TABLES:
            columns = source.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'raw' and table_name = ? order by ordinal_position",
                [table],
            ).fetchall()
            cursor.execute(f"create table raw.{table} ({', '.join(f'{name} {postgres_type(kind)}' for name, kind in columns)})")
            rows = source.execute(f"select * from raw.{table}").fetchall()
            if rows:
                execute_values(cursor, f"insert into raw.{table} values %s", rows, page_size=2000)
            counts[table] = len(rows)
    return counts


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    for name, count in copy_raw_tables(sys.argv[1], sys.argv[2]).items():
        print(f"raw.{name}: {count} rows")
