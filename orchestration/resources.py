"""Resources, configured in one place: the warehouse, the extraction limits, dbt, the quality report."""

from __future__ import annotations

import sys
from pathlib import Path

import dagster as dg

from . import settings
from .warehouse import Warehouse

# Every asset that writes the warehouse runs in this pool; `dagster.yaml` / the UI give it limit 1.
WAREHOUSE_POOL = "duckdb_warehouse"


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse file users query (runs write its working copy, then publish it)."""

    path: str
    lock_timeout_seconds: float = 1800.0

    def get(self) -> Warehouse:
        return Warehouse(self.path, lock_timeout_seconds=self.lock_timeout_seconds)


class ExtractionResource(dg.ConfigurableResource):
    """Where documents arrive and how much time and memory one document may take."""

    inbox: str
    timeout_seconds: float = 300.0
    memory_mb: int = 2048

    @property
    def inbox_dir(self) -> Path:
        return Path(self.inbox)


class ReportResource(dg.ConfigurableResource):
    """Where the quality report is written, and where `ledgerline ui` serves it over HTTP."""

    directory: str
    port: int = 3001
    # Processes rendering the documents' page crops, as many as extract documents (LEDGERLINE_WORKERS).
    workers: int = 1

    @property
    def out_dir(self) -> Path:
        return Path(self.directory)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def extraction_resources(inbox: Path | None = None, warehouse: Path | None = None) -> dict[str, object]:
    """What a document's extraction run needs: `ledgerline run`'s worker processes load only these
    (dbt's libraries take longer to import than a document takes to extract)."""
    return {
        "warehouse": WarehouseResource(path=str(warehouse or settings.warehouse_path())),
        "extraction": ExtractionResource(
            inbox=str(inbox or settings.inbox_dir()),
            timeout_seconds=settings.extraction_timeout_seconds(),
            memory_mb=settings.extraction_memory_mb(),
        ),
    }


def build_resources(inbox: Path | None = None, warehouse: Path | None = None) -> dict[str, object]:
    from dagster_dbt import DbtCliResource

    from .dbt_project import dbt_project

    warehouse = warehouse or settings.warehouse_path()
    return {
        **extraction_resources(inbox, warehouse),
        "report": ReportResource(directory=str(settings.report_dir(warehouse)), port=settings.report_port(), workers=settings.extraction_workers()),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=str(Path(sys.executable).with_name("dbt"))),
        # Steps on other machines (orchestration/deploy/) hand the extraction over through a shared folder;
        # by default Dagster keeps it in $DAGSTER_HOME/storage.
        **({"io_manager": dg.FilesystemIOManager(base_dir=str(settings.io_manager_dir()))} if settings.io_manager_dir() else {}),
    }
