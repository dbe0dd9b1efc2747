"""A document's run fans out on other Dagster executors than `ledgerline run`'s: the deploy files name
real executors and steps, and the extraction job runs with its steps in separate processes (the
multiprocess executor, the one executor of orchestration/deploy/ that runs on this machine)."""

import json
import os
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest
import yaml

from extract import sha256_of
from orchestration.assets.extraction import FILES_TAG, documents_partitions
from orchestration.executors import EXECUTORS, executor_from_settings, read_executor_file

from .conftest import REFERENCE_PDF, ROOT

DEPLOY = ROOT / "orchestration" / "deploy"
LOCAL_EXECUTOR_FILE = DEPLOY / "local" / "executor.yaml"


def extract_document_job_on_local_processes():
    """The extract_document job with the executor of orchestration/deploy/local (loaded by each step's process)."""
    from orchestration.assets.extraction import raw_extraction
    from orchestration.resources import build_resources
    from orchestration.sensors import extract_document_job

    definitions = dg.Definitions(
        assets=[raw_extraction], jobs=[extract_document_job], resources=build_resources(), executor=executor_from_settings(LOCAL_EXECUTOR_FILE)
    )
    return definitions.resolve_job_def(extract_document_job.name)


def _op_names() -> set[str]:
    from orchestration.definitions import defs

    return {node.name for job in defs.resolve_all_job_defs() for node in job.graph.iterate_op_defs()}


@pytest.mark.parametrize("path", sorted(DEPLOY.glob("*/executor.yaml")), ids=lambda p: p.parent.name)
def test_every_executor_file_names_a_known_executor_and_real_steps(path):
    name, config = read_executor_file(path)
    assert name == path.parent.name if path.parent.name != "local" else name == "multiprocess"
    assert set(config.get("per_step_k8s_config", {})) <= _op_names()
    assert EXECUTORS[name]


@pytest.mark.parametrize("path", sorted(DEPLOY.glob("*/dagster.yaml")), ids=lambda p: p.parent.name)
def test_every_instance_file_keeps_one_warehouse_writer_and_shared_storage(path):
    settings = yaml.safe_load(path.read_text())
    assert settings["concurrency"]["pools"]["default_limit"] == 1
    assert "postgres" in settings["storage"]  # several machines: not SQLite files on one of them


def test_an_executor_file_naming_an_unknown_executor_is_refused(tmp_path):
    (tmp_path / "executor.yaml").write_text("executor: threads\n")
    with pytest.raises(ValueError, match="must be one of"):
        read_executor_file(tmp_path / "executor.yaml")


@pytest.mark.e2e
def test_a_document_run_executes_its_steps_in_separate_processes(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    pdf = Path(shutil.copy(REFERENCE_PDF, inbox))
    warehouse = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("LEDGERLINE_INBOX", str(inbox))
    monkeypatch.setenv("LEDGERLINE_WAREHOUSE", str(warehouse))
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    from orchestration.cli import prepare_dagster_home

    home = prepare_dagster_home()
    document_id = sha256_of(pdf)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        instance.add_dynamic_partitions(documents_partitions.name, [document_id])
        result = dg.execute_job(
            dg.reconstructable(extract_document_job_on_local_processes),
            instance=instance,
            tags={"dagster/partition": document_id, FILES_TAG: json.dumps([str(pdf)])},
        )
        assert result.success
        starts = {
            entry.dagster_event.step_key: entry.dagster_event.pid
            for entry in instance.all_logs(result.run_id, of_type=dg.DagsterEventType.STEP_START)
        }
    assert set(starts) == {"raw_extraction.extract_pdf", "raw_extraction.write_raw_rows"}
    assert len(set(starts.values()) | {os.getpid()}) == 3  # each step in a process of its own
    with duckdb.connect(str(warehouse.with_name("warehouse.work.duckdb")), read_only=True) as connection:
        documents = connection.execute("select document_id, status, line_item_count from raw.documents").fetchall()
        items = connection.execute("select count(*) from raw.line_items").fetchone()[0]
    assert documents == [(document_id, "extracted", items)] and items > 200
