"""The marts can move to another dbt adapter by configuration: the project compiles for Postgres
(dbt-postgres; `--no-populate-cache --no-introspect`, so no server is needed), and the SQL of the
staging and mart models is valid for Postgres's own parser (libpg_query, through pglast) and calls
only functions Postgres has.

What this does not prove: that the models give the same results on Postgres (no server runs here;
the identity checks were compared by hand, see README "Beyond one machine"), nor anything about the
incremental branch of fct_financial_facts (compiled as its full build). The models still in DuckDB SQL
are listed below and this test fails when one of them becomes portable, so that the list stays true.
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
    # The concept mapping, issuers, periods and wide views, rewritten in DuckDB SQL after the portability
    # pass (QUALIFY, list and struct functions): the next to move behind cross-database macros.
    "int_row_concepts", "int_document_issuers", "int_document_periods", "dim_periods", "income_statement", "balance_sheet",
    "cash_flow",
}
# The functions the portable models may call: Postgres built-ins (9.6 or later; log10 from 12), and
# unaccent from the `unaccent` extension (macros/portability.sql).
POSTGRES_FUNCTIONS = {
    "pg_catalog.like_escape",  # `like ... escape`
    "abs", "concat_ws", "count", "length", "log10", "lower", "max", "md5", "min", "pg_catalog.btrim", "pg_catalog.position",
    "regexp_replace", "replace", "round", "row_number", "split_part", "string_agg", "unaccent",
    # The identity checks: aggregates, arrays of pages and fact ids (macros/portability_identities.sql).
    "array_agg", "array_append", "array_cat", "array_to_string", "avg", "bool_and", "bool_or", "left", "power", "strpos", "sum",
    "trunc", "unnest",
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
