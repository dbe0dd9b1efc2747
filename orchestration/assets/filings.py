"""One dynamic partition per tagged filing (SHA-256 of its bytes): load its facts into the warehouse.

A filing is named by the run that loads it (`ledgerline reconcile FILING [--document ID]`, or a run
launched from the UI with the same tags): its file, and optionally the document it is reconciled with.
"""


from pathlib import Path

import dagster as dg

from filings import FilingError, load_filing

from ..pools import pool_slot
from ..resources import WAREHOUSE_POOL, WarehouseResource

filings_partitions = dg.DynamicPartitionsDefinition(name="filings")
FILING_FILE_TAG = "ledgerline/filing_file"
FILING_DOCUMENT_TAG = "ledgerline/filing_document"


@dg.multi_asset(
    outs={
        "filings": dg.AssetOut(key=["raw", "filings"], description="One row per tagged filing loaded, with its issuer and period.", kinds={"python", "duckdb"}, dagster_type=dg.Nothing),
        "filing_facts": dg.AssetOut(
            key=["raw", "filing_facts"],
            description="The filing's numeric facts: concept, period, dimensions, unit, decimals, value.",
            kinds={"python", "duckdb"},
            dagster_type=dg.Nothing,
        ),
    },
    group_name="extraction",
    partitions_def=filings_partitions,
)
def raw_filing(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Load a filing (inline XBRL, ESEF report package or XBRL instance) offline with Arelle, then replace
    its facts in the warehouse in one transaction."""
    tags = dict(context.run.tags)
    path = Path(tags.get(FILING_FILE_TAG, ""))
    try:
        filing = load_filing(path)
    except FilingError as error:
        raise dg.Failure(description=str(error)) from None
    if filing.filing_id != context.partition_key:
        raise dg.Failure(description=f"{path} has changed since it was named (SHA-256 {filing.filing_id}, not {context.partition_key})")
    document_id = tags.get(FILING_DOCUMENT_TAG) or None
    with pool_slot(context.op_execution_context, WAREHOUSE_POOL, timeout_seconds=warehouse.lock_timeout_seconds):
        warehouse.get().write_filing(filing, document_id=document_id)
    context.log.info(f"{filing.source_file}: {len(filing.facts)} numeric facts, {filing.entity_name}, period ending {filing.period_end}")
    common = {"source_file": filing.source_file, "format": filing.format}
    yield dg.Output(
        None,
        output_name="filings",
        metadata={
            **common,
            "entity": filing.entity_name or "",
            "period_end": str(filing.period_end or ""),
            "document_type": filing.document_type or "",
            "reconciled_with": document_id or "the documents of its issuer and period",
        },
    )
    yield dg.Output(None, output_name="filing_facts", metadata={**common, "dagster/row_count": len(filing.facts)})


load_filing_job = dg.define_asset_job(
    "load_filing",
    selection=dg.AssetSelection.assets(raw_filing),
    description=f"Load one filing: its partition is the SHA-256 of the file, the run's tag {FILING_FILE_TAG} its path "
    f"and, optionally, {FILING_DOCUMENT_TAG} the document it is reconciled with. Then refresh the marts.",
)
