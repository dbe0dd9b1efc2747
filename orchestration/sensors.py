"""Unattended operation: the inbox sensor adds a partition per new document; a daily schedule refreshes marts."""


import json

import dagster as dg
from extract import __version__ as extractor_version

from .assets.extraction import FILES_TAG, documents_partitions, raw_extraction
from .assets.marts import ledgerline_dbt_models, published_warehouse
from .assets.report import quality_report
from .inbox import scan_inbox
from .resources import ExtractionResource, WarehouseResource

# Partitioned by document, as its asset is (Dagster infers the partitions from the selection).
extract_document_job = dg.define_asset_job("extract_document", selection=dg.AssetSelection.assets(raw_extraction))
# The marts, and every check dbt runs with them: those of the source tests are on the raw assets.
MARTS_SELECTION = dg.AssetSelection.assets(ledgerline_dbt_models, published_warehouse, quality_report) | dg.AssetSelection.checks(
    ledgerline_dbt_models
)
refresh_marts_job = dg.define_asset_job("refresh_marts", selection=MARTS_SELECTION)


@dg.sensor(jobs=[extract_document_job, refresh_marts_job], minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def inbox_sensor(context: dg.SensorEvaluationContext, extraction: ExtractionResource, warehouse: WarehouseResource):
    """New or changed files in the inbox become documents (by the hash of their bytes) and runs.

    The cursor keeps (size, mtime, hash) per path so that unchanged files are not hashed again.
    The same bytes under two names are one document; a removed file keeps its facts. A document
    the published warehouse already holds from this extractor version is not extracted again.
    """
    known = {path: tuple(entry) for path, entry in json.loads(context.cursor or "{}").items()}
    documents, cache = scan_inbox(extraction.inbox_dir, known)
    seen_before = {entry[2] for entry in known.values()}
    existing = set(context.instance.get_dynamic_partitions(documents_partitions.name))
    up_to_date = {doc_id for doc_id, version in warehouse.get().published_documents().items() if version == extractor_version}
    new_ids = [
        doc_id for doc_id in documents
        if (doc_id not in existing or doc_id not in seen_before) and doc_id not in up_to_date
    ]
    context.update_cursor(json.dumps(cache))
    new_partitions = [d for d in documents if d not in existing]
    if not new_ids:
        return dg.SensorResult(
            skip_reason=dg.SkipReason(f"no new document in {extraction.inbox_dir}"),
            dynamic_partitions_requests=[documents_partitions.build_add_request(new_partitions)] if new_partitions else [],
        )
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=doc_id,
                job_name=extract_document_job.name,
                partition_key=doc_id,
                tags={FILES_TAG: json.dumps([str(p) for p in documents[doc_id]])},
            )
            for doc_id in new_ids
        ]
        + [dg.RunRequest(run_key=f"marts-after-{'-'.join(sorted(new_ids))[:64]}", job_name=refresh_marts_job.name)],
        dynamic_partitions_requests=[documents_partitions.build_add_request(new_partitions)] if new_partitions else [],
    )


daily_refresh_schedule = dg.ScheduleDefinition(
    name="daily_marts_refresh",
    job=refresh_marts_job,
    cron_schedule="0 6 * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Rebuild the marts, republish the warehouse and its quality report every morning.",
)
