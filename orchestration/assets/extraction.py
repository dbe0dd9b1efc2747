"""One dynamic partition per document (SHA-256 of its bytes): extract it and write its raw rows."""


import json
import time
from pathlib import Path

import dagster as dg

from extract.isolation import extract_isolated

from ..inbox import scan_inbox
from ..resources import WAREHOUSE_POOL, ExtractionResource, WarehouseResource

documents_partitions = dg.DynamicPartitionsDefinition(name="documents")
FILES_TAG = "ledgerline/files"
RAW_TABLES = {
    "documents": "One row per input document: extracted, or failed / no_tables with the reason.",
    "document_files": "Every file name a document's bytes were seen under.",
    "tables": "Financial tables found, with caption, unit, statement and basis.",
    "line_items": "One row per printed figure, with its page and box.",
    "page_issues": "Pages with an untrustworthy text layer.",
}


def _document_files(document_id: str, tags: dict[str, str], inbox: Path) -> list[Path]:
    """The files holding a document: named by the run (sensor, CLI), else found by hashing the inbox."""
    named = [Path(p) for p in json.loads(tags.get(FILES_TAG, "[]"))]
    if named and all(p.exists() for p in named):
        return named
    documents, _ = scan_inbox(inbox)
    return documents.get(document_id, [])


def _preview(extraction) -> str:
    rows = ["| page | table | label | column | value |", "|---|---|---|---|---|"]
    for item in extraction.line_items[:15]:
        label = item.label.replace("|", "/")[:60]
        rows.append(f"| {item.page} | {item.table_index} | {label} | {item.column_header.replace('|', '/')} | {item.value_text} |")
    return "\n".join(rows)


@dg.multi_asset(
    specs=[dg.AssetSpec(["raw", name], description=text, group_name="extraction", kinds={"python", "duckdb"}) for name, text in RAW_TABLES.items()],
    check_specs=[
        dg.AssetCheckSpec("document_extracted", asset=["raw", "documents"], description="The document was read and holds financial tables.")
    ],
    partitions_def=documents_partitions,
    pool=WAREHOUSE_POOL,
)
def raw_extraction(context: dg.AssetExecutionContext, warehouse: WarehouseResource, extraction: ExtractionResource):
    """Extract one PDF in a child process (time and memory limits) and replace its rows in one transaction."""
    document_id = context.partition_key
    files = _document_files(document_id, dict(context.run.tags), extraction.inbox_dir)
    if not files:
        raise dg.Failure(
            description=f"No file in {extraction.inbox_dir} has SHA-256 {document_id}: the document was removed from the inbox. "
            "Its rows stay in the warehouse; use `ledgerline forget` to remove them."
        )
    started = time.perf_counter()
    result = extract_isolated(files[0], timeout_seconds=extraction.timeout_seconds, memory_mb=extraction.memory_mb)
    seconds = time.perf_counter() - started
    warehouse.get().write_document(result, file_names=[p.name for p in files], seconds=seconds)
    context.log.info(f"{files[0].name}: {result.status} ({len(result.line_items)} figures in {len(result.tables)} tables, {seconds:.1f} s)")

    common = {"source_file": files[0].name, "status": result.status}
    yield dg.MaterializeResult(
        asset_key=["raw", "documents"],
        metadata={
            **common,
            "reason": result.error or "",
            "pages": result.pages,
            "file_names": ", ".join(p.name for p in files),
            "seconds": round(seconds, 2),
            "extractor_version": result.extractor_version,
        },
    )
    yield dg.MaterializeResult(asset_key=["raw", "document_files"], metadata={**common, "dagster/row_count": len(files)})
    yield dg.MaterializeResult(
        asset_key=["raw", "tables"],
        metadata={
            **common,
            "dagster/row_count": len(result.tables),
            "statements": ", ".join(sorted({t.statement for t in result.tables})),
        },
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "line_items"],
        metadata={**common, "dagster/row_count": len(result.line_items), "preview": dg.MetadataValue.md(_preview(result))},
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "page_issues"],
        metadata={**common, "dagster/row_count": len(result.page_issues), "issues": "; ".join(f"p.{i.page} {i.kind}" for i in result.page_issues)},
    )
    yield dg.AssetCheckResult(
        asset_key=["raw", "documents"],
        check_name="document_extracted",
        passed=result.status == "extracted",
        severity=dg.AssetCheckSeverity.WARN,
        # The description is what the UI lists beside a failed check: the document's status and why.
        description=None if result.status == "extracted" else f"{result.status}: {result.error}",
        metadata={**common, "reason": result.error or "extracted"},
    )
