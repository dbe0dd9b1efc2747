"""dbt models, seeds and tests as Dagster assets and checks; then the atomic publish of the warehouse."""


import os
from collections.abc import Mapping
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from ..dbt_project import dbt_project
from ..resources import WAREHOUSE_POOL, WarehouseResource

FAILURE_PREVIEW_ROWS = 20


class LedgerlineDbtTranslator(DagsterDbtTranslator):
    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        folder = dbt_resource_props.get("fqn", ["", "models"])[1]
        return folder if folder in {"staging", "intermediate", "marts"} else "marts"


def _failing_instances(connection, relation: str) -> str:
    """The stored failures of an identity test, as a Markdown table for the check's metadata."""
    rows = connection.execute(
        f"select document_id, check_name, period_end, expected, actual, difference, tolerance, pages, description "
        f"from {relation} order by abs(difference) desc limit {FAILURE_PREVIEW_ROWS}"
    ).fetchall()
    lines = ["| document | check | period end | expected | actual | difference | tolerance | pages | what |", "|---|---|---|---|---|---|---|---|---|"]
    for row in rows:
        cells = [str(row[0])[:12]] + ["" if v is None else str(v).replace("|", "/") for v in row[1:]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _with_failures(event, work_path: str):
    """Add the failing instances (expected, actual, difference, tolerance, pages) to identity checks."""
    if not isinstance(event, dg.AssetCheckResult) or event.passed or not event.check_name.startswith("identity_"):
        return event
    try:
        connection = duckdb.connect(work_path, read_only=True)
    except duckdb.Error:
        return event
    try:
        preview = _failing_instances(connection, f"audit.{event.check_name}")
    except duckdb.Error:
        return event
    finally:
        connection.close()
    return event.with_metadata({**event.metadata, "failing_instances": dg.MetadataValue.md(preview)})


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    # Source tests (the keys of raw.tables and raw.line_items) are checks of the raw assets.
    dagster_dbt_translator=LedgerlineDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_source_tests_as_checks=True)),
    pool=WAREHOUSE_POOL,
)
def ledgerline_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """`dbt build` on the working copy of the warehouse: seeds, models, and tests as asset checks."""
    store = warehouse.get()
    with store.connect_for_writing():
        pass  # creates the raw schema on a new warehouse, so that dbt's sources exist
    os.environ["LEDGERLINE_WORK_DB"] = str(store.work_path)
    with store.writer_lock():
        invocation = dbt.cli(["build"], context=context, raise_on_error=False)
        events = list(invocation.stream())
        if invocation.is_successful():
            store.keep_build()
    for event in events:
        yield _with_failures(event, str(store.work_path))
    if not invocation.is_successful():
        raise dg.Failure(
            description="dbt build failed: a model did not build or an `error` test failed (a pipeline fault, "
            "not a company's inconsistency). See the dbt logs of this step."
        )


@dg.asset(
    deps=list(ledgerline_dbt_models.keys),
    pool=WAREHOUSE_POOL,
    group_name="warehouse",
    kinds={"duckdb"},
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Publish the working copy atomically: users querying the old file keep a consistent view."""
    path = warehouse.get().publish()
    with duckdb.connect(str(path), read_only=True) as connection:
        counts = dict(
            connection.execute(
                """
                select 'documents', count(*) from marts.dim_documents
                union all select 'facts', count(*) from marts.fct_financial_facts
                union all select 'identity_checks', count(*) from marts.identity_results
                union all select 'identity_failures', count(*) from marts.identity_results where status = 'fail'
                """
            ).fetchall()
        )
    context.log.info(f"published {path}: {counts}")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(path)),
            "size_bytes": path.stat().st_size,
            **{name: int(value) for name, value in counts.items()},
        }
    )
