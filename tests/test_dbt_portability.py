"""The marts can move to another dbt adapter by configuration: the project compiles for Postgres
(dbt-postgres; `--no-populate-cache --no-introspect`, so no server is needed), and the SQL of the
staging and mart models is valid for Postgres's own parser (libpg_query, through pglast) and calls
only functions Postgres has.

What this does not prove: that the models give the same results on Postgres (no server runs here; they
were compared by hand on a Postgres 15 server, see the README), nor anything about the incremental
branch of fct_financial_facts (compiled as its full build). The identity checks are DuckDB SQL still
(list functions, QUALIFY, `format('{}')`): they are listed below and this test fails when one of them
becomes portable, so that the list stays true.
"""

import subprocess
import sys
from pathlib import Path

import pglast
import pytest
from pglast import visitors

from .conftest import ROOT

DBT_PROJECT = ROOT / "dbt_project"
STILL_DUCKDB_ONLY = {
    # The identity checks (list functions, QUALIFY, format('{}')).
    "int_checkable_facts", "int_identity__calculations", "int_identity__cash_continuity", "int_identity__cross_statement",
    "int_identity__cross_table", "int_identity__ratios", "int_identity__table_totals", "int_identity__variances",
}
# The functions the portable models may call: Postgres built-ins (9.6 or later; starts_with from 11, log10
# from 12), and unaccent from the `unaccent` extension (macros/portability.sql).
POSTGRES_FUNCTIONS = {
    "pg_catalog.like_escape",  # `like ... escape`
    "pg_catalog.extract",  # `extract(year from ...)`
    "abs", "array_position", "bool_or", "ceil", "concat_ws", "count", "date_trunc", "length", "log10", "lower",
    "make_date", "max", "md5", "min", "pg_catalog.btrim", "pg_catalog.position", "power", "regexp_replace", "replace", "right",
    "round", "row_number", "rtrim", "split_part", "starts_with", "string_agg", "sum", "unaccent", "upper",
}


class _FunctionCalls(visitors.Visitor):
    def __init__(self):
        self.names = set()

    def visit_FuncCall(self, ancestors, node):
        self.names.add(".".join(part.sval for part in node.funcname))


@pytest.fixture(scope="module")
def compiled(tmp_path_factory) -> dict[str, str]:
    """model name → its SQL compiled for the `postgres` target of dbt_project/profiles.yml."""
    target = tmp_path_factory.mktemp("postgres_target")
    dbt = Path(sys.executable).with_name("dbt")
    result = subprocess.run(
        [str(dbt), "--no-populate-cache", "compile", "--no-introspect", "--target", "postgres", "--profiles-dir", str(DBT_PROJECT),
         "--project-dir", str(DBT_PROJECT), "--target-path", str(target), "--log-path", str(target), "--vars", "{compile_without_database: true}"],
        capture_output=True, text=True, env={"DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "PATH": "/usr/bin:/bin", "HOME": str(target)},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return {path.stem: path.read_text() for path in (target / "compiled" / "ledgerline" / "models").glob("*/*.sql")}


def _parses_for_postgres(sql: str) -> bool:
    try:
        pglast.parse_sql(sql)
    except pglast.parser.ParseError:
        return False
    return True


def test_the_project_compiles_for_postgres(compiled):
    models = {path.stem for path in (DBT_PROJECT / "models").rglob("*.sql")}
    assert set(compiled) == models


def test_staging_and_mart_models_are_postgres_sql(compiled):
    portable = {name: sql for name, sql in compiled.items() if name not in STILL_DUCKDB_ONLY}
    assert {"stg_line_items", "stg_documents", "dim_documents", "fct_financial_facts", "unmapped_labels", "identity_results"} <= set(portable)
    assert [name for name, sql in portable.items() if not _parses_for_postgres(sql)] == []
    calls = _FunctionCalls()
    for sql in portable.values():
        calls(pglast.parse_sql(sql))
    assert calls.names - POSTGRES_FUNCTIONS == set()


def test_the_models_listed_as_duckdb_only_still_are(compiled):
    assert {name for name in STILL_DUCKDB_ONLY if _parses_for_postgres(compiled[name])} == set()
