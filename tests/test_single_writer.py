"""One writer at a time, whatever users do: `ledgerline run` processes killed (SIGKILL) while they
write, then two started together, leave exactly the warehouse one uninterrupted run leaves.

The runs are real `ledgerline run` processes on the documents of the session's `samples_run`, sharing
one Dagster home as a user's runs share theirs. They start from a copy of the warehouse that run left
(what one uninterrupted run leaves), so that a killed run has a previous published warehouse to keep.
"""

import fcntl
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from orchestration.cli import dbt_log_path, in_progress_statuses
from orchestration.resources import WAREHOUSE_POOL
from orchestration.warehouse import Warehouse

from .conftest import RUN_SAMPLES, copy_run_samples
from .warehouse_state import assert_consistent_build, open_copy_of_work_file, partial_documents, warehouse_rows

pytestmark = pytest.mark.e2e

LEDGERLINE = Path(sys.executable).with_name("ledgerline")


class Site:
    """An inbox, a warehouse and the Dagster home the runs on them share."""

    def __init__(self, root: Path):
        self.root = root
        self.inbox = copy_run_samples(root / "inbox")
        self.warehouse = root / "warehouse.duckdb"
        self.work_file = root / "warehouse.work.duckdb"
        self.temp = root / "tmp"  # the runs' TMPDIR: where a document's rows are staged just before they are written
        self.temp.mkdir()
        self.env = {**os.environ, "DAGSTER_HOME": str(root / "dagster_home"), "TMPDIR": str(self.temp), "PYTHONUNBUFFERED": "1"}
        self.logs = 0
        self.uninterrupted_rows = None  # what one uninterrupted run over the inbox leaves, to compare with

    def start(self, *options: str) -> tuple[subprocess.Popen, Path]:
        self.logs += 1
        log = self.root / f"run{self.logs}.log"
        command = [str(LEDGERLINE), "run", "--inbox", str(self.inbox), "--warehouse", str(self.warehouse), *options]
        with open(log, "w") as handle:
            return subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=self.env), log

    def writer_lock_held(self) -> bool:
        with open(Warehouse(self.warehouse).lock_path, "a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False

    def published_digest(self) -> str | None:
        return hashlib.sha256(self.warehouse.read_bytes()).hexdigest() if self.warehouse.exists() else None


def wait(process: subprocess.Popen, log: Path, timeout: float = 300) -> str:
    try:
        process.wait(timeout)
    finally:
        if process.poll() is None:
            process.kill()
    output = log.read_text()
    assert process.returncode == 0, output[-3000:]
    return output


def kill_when(process: subprocess.Popen, log: Path, moment, what: str, timeout: float = 300) -> None:
    """SIGKILL the run as soon as `moment()` is true; fail if the run ends first."""
    deadline = time.monotonic() + timeout
    while not moment():
        assert process.poll() is None, f"the run ended before {what}:\n{log.read_text()[-3000:]}"
        assert time.monotonic() < deadline, f"no {what} within {timeout} s"
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def site(tmp_path_factory, samples_run) -> Site:
    """The documents, and the warehouse (published and working files) an uninterrupted run left over them."""
    site = Site(tmp_path_factory.mktemp("single_writer"))
    shutil.copy2(samples_run.warehouse, site.warehouse)
    shutil.copy2(samples_run.warehouse.with_name(site.work_file.name), site.work_file)
    site.uninterrupted_rows = warehouse_rows(samples_run.warehouse)
    return site


@pytest.fixture(scope="module")
def killed_runs(site, tmp_path_factory):
    """Kill a forced re-run while it replaces a document's rows, then a run while dbt rebuilds the marts."""
    seen = {"previous": site.published_digest()}

    # While a document's rows are replaced: they are staged in TMPDIR, then written under the writer lock
    # (opening the working file, deleting the old rows, inserting the new ones, committing, checkpointing).
    process, log = site.start("--force")
    kill_when(process, log, lambda: any(site.temp.glob("ledgerline-*/line_items.jsonl")) and site.writer_lock_held(), "document write")
    seen["after_document_kill"] = site.published_digest()
    with open_copy_of_work_file(site.work_file, tmp_path_factory.mktemp("work_after_kill")) as connection:
        seen["partial_documents"] = partial_documents(connection)
        seen["documents"] = connection.execute("select count(*) from raw.documents").fetchone()[0]

    # While dbt rebuilds the marts in the working file (the dbt process the run started outlives it).
    dbt_log = dbt_log_path(site.warehouse)
    dbt_log.unlink(missing_ok=True)  # the log of an earlier build
    process, log = site.start()
    kill_when(process, log, lambda: dbt_log.exists() and "START sql table model marts." in dbt_log.read_text(), "dbt build of the marts")
    seen["after_dbt_kill"] = site.published_digest()
    return seen


@pytest.fixture(scope="module")
def overlapping_runs(site, killed_runs):
    """Then two `ledgerline run` started at the same moment on the same inbox and warehouse."""
    first, second = site.start(), site.start()
    return [wait(*first), wait(*second)]


def test_a_run_killed_while_writing_leaves_the_published_warehouse_as_it_was(site, killed_runs):
    assert killed_runs["previous"] is not None
    assert killed_runs["after_document_kill"] == killed_runs["previous"]
    assert killed_runs["after_dbt_kill"] == killed_runs["previous"]
    assert_consistent_build(site.warehouse)


def test_a_run_killed_while_writing_leaves_no_partial_document(killed_runs):
    assert killed_runs["partial_documents"] == []
    assert killed_runs["documents"] == len(RUN_SAMPLES)


def test_two_runs_started_together_after_the_kills_both_succeed_and_leave_what_one_run_leaves(site, overlapping_runs):
    assert sum("Waiting for another `ledgerline run`" in output for output in overlapping_runs) == 1  # one waited for the other
    assert warehouse_rows(site.warehouse) == site.uninterrupted_rows
    assert_consistent_build(site.warehouse)


def test_the_killed_runs_show_as_failed_in_dagster_and_hold_no_slot(site, overlapping_runs):
    instance = dg.DagsterInstance.from_config(str(site.root / "dagster_home"))
    try:
        assert instance.get_runs(filters=dg.RunsFilter(statuses=in_progress_statuses())) == []
        failed = instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.FAILURE]))
        assert len(failed) == 2
        messages = [entry.message for run in failed for entry in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.RUN_FAILURE)]
        assert messages == ["the `ledgerline` process running this run was killed before the run ended"] * 2
        assert instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).claimed_slots == []
    finally:
        instance.dispose()
