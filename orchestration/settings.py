"""Where things are: one place for the environment variables the CLI and the Dagster code share."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"


def inbox_dir() -> Path:
    return Path(os.environ.get("LEDGERLINE_INBOX", PROJECT_ROOT / "data" / "samples")).resolve()


def warehouse_path() -> Path:
    return Path(os.environ.get("LEDGERLINE_WAREHOUSE", PROJECT_ROOT / "warehouse.duckdb")).resolve()


def extraction_timeout_seconds() -> float:
    return float(os.environ.get("LEDGERLINE_EXTRACTION_TIMEOUT", "300"))


def extraction_memory_mb() -> int:
    return int(os.environ.get("LEDGERLINE_EXTRACTION_MEMORY_MB", "2048"))


def report_dir(warehouse: Path | None = None) -> Path:
    """Where the quality report is written: $LEDGERLINE_REPORT_DIR, else `reports/` beside the warehouse."""
    default = (warehouse or warehouse_path()).resolve().parent / "reports"
    return Path(os.environ.get("LEDGERLINE_REPORT_DIR", default)).resolve()


def report_port() -> int:
    """The port on 127.0.0.1 where `ledgerline ui` serves the report, so that it opens from the Dagster UI."""
    return int(os.environ.get("LEDGERLINE_REPORT_PORT", "3001"))


def extraction_workers() -> int:
    """How many documents are extracted at a time, each in its own process (default: one per CPU)."""
    return max(1, int(os.environ.get("LEDGERLINE_WORKERS") or os.cpu_count() or 1))


def executor_config() -> Path | None:
    """The file naming the Dagster executor of the runs (orchestration/deploy/), if any."""
    value = os.environ.get("LEDGERLINE_EXECUTOR_CONFIG")
    return Path(value).resolve() if value else None


def io_manager_dir() -> Path | None:
    """Where a run's steps hand over their outputs when they run on other machines (a shared volume)."""
    value = os.environ.get("LEDGERLINE_IO_MANAGER_DIR")
    return Path(value).resolve() if value else None
