"""The marts can move to another dbt adapter by configuration: the project compiles for Postgres
(dbt-postgres; `--no-populate-cache --no-introspect`, so no server is needed), and the SQL of the
staging and mart models is valid for Postgres's own parser (libpg_query, through pglast) and calls
only functions Postgres has.

What this does not prove: that the models give the same results on Postgres (no server runs in the
tests; they were compared by hand on a PostgreSQL 15 server, see the README), nor anything about the
incremental branch of fct_financial_facts (compiled as its full build). Every model is held to it.
"""

import subprocess
import sys
from pathlib import Path

import pglast
import pytest
from pglast import visitors

from .conftest import ROOT

DBT_PROJECT = ROOT / "dbt_project"
# The functions the portable models may call: Postgres built-ins (9.6 or later; starts_with from 11, log10
# from 12), and unaccent from the `unaccent` extension (macros/portability.sql).
POSTGRES_FUNCTIONS = {
    "pg_catalog.like_escape",  # `like ... escape`
    "pg_catalog.extract",  # `extract(year from ...)`
    "abs", "array_agg", "array_append", "array_cat", "array_position", "array_to_string", "avg", "bool_and",
    "bool_or", "ceil", "concat_ws", "count", "date_trunc", "left", "length", "log10", "lower", "make_date", "max",
    "md5", "min", "pg_catalog.btrim", "pg_catalog.position", "power", "regexp_replace", "replace", "right", "round",
    "row_number", "rtrim", "split_part", "starts_with", "string_agg", "strpos", "sum", "trunc", "unaccent", "unnest",
    "upper",
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


def test_every_model_is_postgres_sql(compiled):
    assert [name for name, sql in compiled.items() if not _parses_for_postgres(sql)] == []
    calls = _FunctionCalls()
    for sql in compiled.values():
        calls(pglast.parse_sql(sql))
    assert calls.names - POSTGRES_FUNCTIONS == set()
