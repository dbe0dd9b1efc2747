"""Everything Dagster loads, assembled in one place (`dagster dev -m orchestration.definitions`)."""

import dagster as dg

from .assets.extraction import raw_extraction
from .assets.filings import load_filing_job, raw_filing
from .assets.marts import ledgerline_dbt_models, published_warehouse
from .assets.report import quality_report
from .executors import executor_from_settings
from .resources import build_resources
from .sensors import daily_refresh_schedule, extract_document_job, inbox_sensor, refresh_marts_job

defs = dg.Definitions(
    assets=[raw_extraction, raw_filing, ledgerline_dbt_models, published_warehouse, quality_report],
    jobs=[extract_document_job, refresh_marts_job, load_filing_job],
    sensors=[inbox_sensor],
    schedules=[daily_refresh_schedule],
    resources=build_resources(),
    executor=executor_from_settings(),
)
