"""dbt models, seeds and tests as Dagster assets and checks; then the atomic publish of the warehouse."""


import json
from collections.abc import Mapping
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from ..dbt_project import dbt_project, project_version
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


# The tag of the contract tests one document can break (dbt_project/tests/generic/document_contract.sql).
DOCUMENT_CONTRACT_TAG = "document_contract"
# Holding a document out can, in a rare case, uncover another's failure its rows were hiding (a check
# that compared the two): each build quarantines what the previous one found, up to this many builds.
MAX_BUILDS = 3


def _document_contract_failures(invocation, work_path: str) -> dict[str, list[tuple[str, str]]]:
    """document_id → (test, reason) of every document-level contract test that failed in this build,
    read from the tests' stored failures (their rows name the document and say why)."""
    results = invocation.get_artifact("run_results.json")["results"]
    nodes = invocation.manifest["nodes"]
    failed = [
        nodes[result["unique_id"]] for result in results
        if result["status"] in ("warn", "fail") and DOCUMENT_CONTRACT_TAG in nodes.get(result["unique_id"], {}).get("tags", [])
    ]
    failures: dict[str, list[tuple[str, str]]] = {}
    if not failed:
        return failures
    with duckdb.connect(work_path, read_only=True) as connection:
        known = {d for (d,) in connection.execute("select document_id from raw.documents").fetchall()}
        for node in failed:
            rows = connection.execute(
                f'select document_id, min(reason) from "{node["schema"]}"."{node["alias"]}" group by document_id order by document_id'
            ).fetchall()
            unknown = [document_id for document_id, _ in rows if document_id not in known]
            if unknown:
                raise dg.Failure(
                    description=f"the contract test {node['name']} failed on rows of no known document "
                    f"({', '.join(str(d)[:12] for d in unknown)}): a pipeline fault, nothing to quarantine"
                )
            for document_id, reason in rows:
                failures.setdefault(document_id, []).append((node["name"], reason))
    return failures


def _build_errors(invocation) -> str:
    """The models and `error` tests that failed, by name, for the one line that says why nothing was published."""
    results = invocation.get_artifact("run_results.json")["results"]
    nodes = invocation.manifest["nodes"]
    failed = sorted({nodes[result["unique_id"]]["name"] for result in results if result["status"] in ("error", "fail")})
    return ", ".join(failed) or "see the dbt logs of this step"


def _quarantined_by_test(work_path: str) -> dict[str, list[tuple[str, str, str]]]:
    """test → (document, file, reason) of the documents held out of the marts, for the checks' metadata."""
    with duckdb.connect(work_path, read_only=True) as connection:
        rows = connection.execute(
            """select quarantined.test_name, documents.document_id, documents.source_file, quarantined.reason
               from raw.quarantined_documents as quarantined join raw.documents as documents using (document_id)
               where documents.status = 'quarantined' order by 1, 3"""
        ).fetchall()
    by_test: dict[str, list[tuple[str, str, str]]] = {}
    for test_name, document_id, source_file, reason in rows:
        by_test.setdefault(test_name, []).append((document_id, source_file, reason))
    return by_test


def quarantine_table(rows: list[tuple[str, str, str]]) -> str:
    """Quarantined documents as a Markdown table (document, file, reason) for Dagster metadata."""
    lines = ["| document | file | why it is quarantined |", "|---|---|---|"]
    lines += [f"| {document_id[:12]} | {name} | {reason.replace('|', '/')} |" for document_id, name, reason in rows]
    return "\n".join(lines)


def _with_quarantine(event, quarantined: dict[str, list[tuple[str, str, str]]]):
    """A document-level test's check names the documents it sent to quarantine. The test passes once their
    rows are out of the models it tests (it still warns on raw tables, which keep them): either way the
    check says which documents it held out, and why."""
    if not isinstance(event, dg.AssetCheckResult) or event.check_name not in quarantined:
        return event
    rows = quarantined[event.check_name]
    return event.with_metadata(
        {**event.metadata, "quarantined_documents": dg.MetadataValue.md(quarantine_table(rows)), "quarantined_count": len(rows)}
    )


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    # Source tests (the keys of raw.tables and raw.line_items) are checks of the raw assets.
    dagster_dbt_translator=LedgerlineDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_source_tests_as_checks=True)),
    pool=WAREHOUSE_POOL,
)
def ledgerline_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """`dbt build` on the working copy of the warehouse: seeds, models, and tests as asset checks.

    A document that breaks a document-level contract test (a duplicate grain, a figure without its period,
    a category outside the accepted ones) is quarantined: recorded in raw.documents with the test and its
    reason, and the marts are built again without its rows. Only the other tests, which mean the warehouse
    itself is broken, stop the publish. Documents quarantined on another extraction or by another version of
    the dbt project are released first and tested again.
    """
    store = warehouse.get()
    store.ensure_schema()  # dbt's sources exist on a new warehouse, and an older one's have today's columns
    # The profile's path is a dbt variable given per invocation (no write to this process's environment).
    warehouse_vars = ["--vars", json.dumps({"warehouse_path": str(store.work_path)})]
    version = project_version()
    with store.writer_lock():
        released = store.release_quarantine(version)
        if released:
            context.log.info(f"{len(released)} documents leave quarantine to be tested again: {', '.join(d[:12] for d in released)}")
        quarantined = store.quarantined_documents()
        for build in range(1, MAX_BUILDS + 1):
            invocation = dbt.cli(["build", *warehouse_vars], context=context, raise_on_error=False)
            events = list(invocation.stream())
            new = {d: broken for d, broken in _document_contract_failures(invocation, str(store.work_path)).items() if d not in quarantined}
            if not new:
                break
            if build == MAX_BUILDS:
                raise dg.Failure(description=f"documents were still being quarantined after {MAX_BUILDS} dbt builds: a pipeline fault")
            store.quarantine(new, version)
            quarantined |= set(new)
            context.log.warning(
                f"quarantined {len(new)} documents (their rows are held out of the marts), building again: "
                + "; ".join(f"{d[:12]}: {', '.join(test for test, _ in broken)}" for d, broken in new.items())
            )
        if invocation.is_successful():
            store.keep_build()
    held_out = _quarantined_by_test(str(store.work_path))
    for event in events:
        yield _with_quarantine(_with_failures(event, str(store.work_path)), held_out)
    if not invocation.is_successful():
        raise dg.Failure(
            description=f"the dbt build failed on {_build_errors(invocation)}: the warehouse itself, not one document "
            "(a model did not build or a warehouse-level test failed)"
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
                union all select 'quarantined_documents', count(*) from marts.dim_documents where extraction_status = 'quarantined'
                """
            ).fetchall()
        )
        quarantined = connection.execute(
            "select document_id, file_names, extraction_error from marts.dim_documents where extraction_status = 'quarantined' order by file_names"
        ).fetchall()
    context.log.info(f"published {path}: {counts}")
    metadata = {
        "path": dg.MetadataValue.path(str(path)),
        "size_bytes": path.stat().st_size,
        **{name: int(value) for name, value in counts.items()},
    }
    if quarantined:
        context.log.warning(f"{len(quarantined)} documents quarantined, held out of the marts: {', '.join(name for _, name, _ in quarantined)}")
        metadata["quarantined"] = dg.MetadataValue.md(quarantine_table(quarantined))
    return dg.MaterializeResult(metadata=metadata)
