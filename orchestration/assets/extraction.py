"""One dynamic partition per document (SHA-256 of its bytes): extract it, then write its raw rows.

Two steps, so that documents are extracted in parallel (one run per document, runs side by side)
while their writes queue for the warehouse: `extract_pdf` is pure CPU in a child process and holds
no pool; `write_raw_rows` holds a slot of the `duckdb_warehouse` pool while it writes, under the
warehouse's writer lock.
"""


import json
import time
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from extract import DocumentExtraction
from extract.isolation import extract_isolated

from ..inbox import scan_inbox
from ..pools import pool_slot
from ..resources import WAREHOUSE_POOL, ExtractionResource, WarehouseResource

documents_partitions = dg.DynamicPartitionsDefinition(name="documents")
FILES_TAG = "ledgerline/files"
RAW_TABLES = {
    "documents": "One row per input document: extracted, or partial / failed / no_tables with the reason.",
    "document_files": "Every file name a document's bytes were seen under.",
    "tables": "Financial tables found, with caption, unit, statement and basis.",
    "line_items": "One row per printed figure, with its page and box.",
    "page_issues": "Pages with an untrustworthy text layer.",
}
EXTRACTED_CHECK = dg.AssetCheckSpec(
    "document_extracted", asset=["raw", "documents"], description="The document was read and holds financial tables."
)


@dataclass
class ExtractedDocument:
    """What the extraction step hands to the write step."""

    extraction: DocumentExtraction
    files: list[str]
    seconds: float


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


@dg.op(description="Extract one PDF in a child process with time and memory limits (no warehouse access).")
def extract_pdf(context: dg.OpExecutionContext, extraction: ExtractionResource) -> ExtractedDocument:
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
    context.log.info(f"{files[0].name}: {result.status} ({len(result.line_items)} figures in {len(result.tables)} tables, {seconds:.1f} s)")
    return ExtractedDocument(result, [str(p) for p in files], seconds)


@dg.op(
    description=f"Replace the document's rows in the warehouse in one transaction, holding the {WAREHOUSE_POOL} pool's slot.",
    out={**{name: dg.Out(dg.Nothing) for name in RAW_TABLES}, "extracted_check": dg.Out(dg.Nothing)},
)
def write_raw_rows(context: dg.OpExecutionContext, document: ExtractedDocument, warehouse: WarehouseResource):
    result, names = document.extraction, [Path(p).name for p in document.files]
    # The slot is claimed here, for the write only, not by `pool=` for the whole step (see pools.py).
    with pool_slot(context, WAREHOUSE_POOL, timeout_seconds=warehouse.lock_timeout_seconds):
        write_started = time.time()
        warehouse.get().write_document(result, file_names=names, seconds=document.seconds)
        write_seconds = time.time() - write_started

    common = {"source_file": names[0], "status": result.status}
    yield dg.Output(
        None,
        output_name="documents",
        metadata={
            **common,
            "reason": result.error or "",
            "pages": result.pages,
            "file_names": ", ".join(names),
            "seconds": round(document.seconds, 2),
            # When and how long this document held the warehouse (one writer at a time).
            "write_started_at": dg.MetadataValue.timestamp(write_started),
            "write_seconds": write_seconds,
            "extractor_version": result.extractor_version,
        },
    )
    yield dg.Output(None, output_name="document_files", metadata={**common, "dagster/row_count": len(names)})
    yield dg.Output(
        None,
        output_name="tables",
        metadata={
            **common,
            "dagster/row_count": len(result.tables),
            "statements": ", ".join(sorted({t.statement for t in result.tables})),
        },
    )
    yield dg.Output(
        None,
        output_name="line_items",
        metadata={**common, "dagster/row_count": len(result.line_items), "preview": dg.MetadataValue.md(_preview(result))},
    )
    yield dg.Output(
        None,
        output_name="page_issues",
        metadata={**common, "dagster/row_count": len(result.page_issues), "issues": "; ".join(f"p.{i.page} {i.kind}" for i in result.page_issues)},
    )
    yield dg.AssetCheckResult(
        asset_key=EXTRACTED_CHECK.asset_key,
        check_name=EXTRACTED_CHECK.name,
        passed=result.status == "extracted",
        severity=dg.AssetCheckSeverity.WARN,
        # The description is what the UI lists beside a failed check: the document's status and why.
        description=None if result.status == "extracted" else f"{result.status}: {result.error}",
        metadata={**common, "reason": result.error or "extracted"},
    )


@dg.graph_multi_asset(
    outs={
        name: dg.AssetOut(key=["raw", name], description=text, kinds={"python", "duckdb"}, dagster_type=dg.Nothing)
        for name, text in RAW_TABLES.items()
    },
    group_name="extraction",  # (a group_name on each AssetOut is not applied to a graph-backed asset)
    check_specs=[EXTRACTED_CHECK],
    partitions_def=documents_partitions,
)
def raw_extraction():
    """Extract one PDF (time and memory limits), then replace its rows in the warehouse in one transaction."""
    *tables, check = write_raw_rows(extract_pdf())
    return {**dict(zip(RAW_TABLES, tables)), EXTRACTED_CHECK.get_python_identifier(): check}
