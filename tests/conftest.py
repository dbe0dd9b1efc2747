from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
REFERENCE_PDF = SAMPLES / "verimatrix_FY2025_fr.pdf"


@pytest.fixture(scope="session")
def reference_extraction():
    from extract import extract_document

    return extract_document(REFERENCE_PDF)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class SamplesRun:
    inbox: Path
    warehouse: Path
    dagster_home: Path
    report: Path
    report_port: int


# The reference release and one issuer with several documents (its three statements): enough for
# every part of the report, quick enough to run once per session.
RUN_SAMPLES = [
    "verimatrix_FY2025_fr.pdf",
    "brookfield-renewable-bs_FY2023_fr.pdf",
    "brookfield-renewable-cf_FY2023_fr.pdf",
    "brookfield-renewable-is_FY2023_fr.pdf",
]


def copy_run_samples(inbox: Path) -> Path:
    import shutil

    inbox.mkdir(parents=True, exist_ok=True)
    for name in RUN_SAMPLES:
        shutil.copy(SAMPLES / name, inbox / name)
    return inbox


@pytest.fixture(scope="session")
def samples_run(tmp_path_factory) -> SamplesRun:
    """A real run (Dagster, dbt, DuckDB, the quality report) with its own Dagster instance, as `make run` does.
    The robustness tests take its warehouse for what one uninterrupted run over these documents leaves."""
    import yaml

    from orchestration.cli import run_pipeline
    from report import REPORT_FILE

    root = tmp_path_factory.mktemp("samples-run")
    inbox = copy_run_samples(root / "inbox")
    dagster_home = root / "dagster_home"
    dagster_home.mkdir()
    # The UI test looks at this instance: runs its inbox sensor would queue are not under test there and
    # would compete for the machine's cores, so the run queue is paused (0 runs at a time).
    instance_settings = yaml.safe_load((ROOT / "orchestration" / "dagster.yaml").read_text())
    instance_settings["concurrency"]["runs"] = {"max_concurrent_runs": 0}
    (dagster_home / "dagster.yaml").write_text(yaml.safe_dump(instance_settings))
    warehouse = root / "warehouse.duckdb"
    report_port = free_port()
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("DAGSTER_HOME", str(dagster_home))
        environment.setenv("LEDGERLINE_REPORT_PORT", str(report_port))
        environment.delenv("LEDGERLINE_REPORT_DIR", raising=False)
        run_pipeline(inbox, warehouse, echo=lambda *_: None)
    return SamplesRun(inbox, warehouse, dagster_home, root / "reports" / REPORT_FILE, report_port)


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory):
    """The real pipeline (Dagster, dbt, DuckDB) run once on every sample PDF: the published warehouse."""
    from orchestration.cli import run_pipeline

    path = tmp_path_factory.mktemp("samples") / "warehouse.duckdb"
    run_pipeline(SAMPLES, path, echo=lambda *_: None)
    return path
