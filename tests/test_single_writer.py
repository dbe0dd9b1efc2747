"""One writer at a time, whatever users do: `ledgerline run` processes started together, or killed
(SIGKILL) while they write, leave exactly the warehouse one uninterrupted run leaves.

The runs are real `ledgerline run` processes on the good samples, each module sharing one Dagster
home, as a user's runs share theirs. What one uninterrupted run leaves is `good_only_warehouse`.
"""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from .conftest import copy_good_samples
from .warehouse_state import assert_consistent_build, open_copy_of_work_file, partial_documents, warehouse_rows

pytestmark = pytest.mark.e2e

LEDGERLINE = Path(sys.executable).with_name("ledgerline")


class Site:
    """An inbox, a warehouse and the Dagster home the runs on them share."""

    def __init__(self, root: Path):
        self.root = root
        self.inbox = copy_good_samples(root / "inbox")
        self.warehouse = root / "warehouse.duckdb"
        self.work_file = root / "warehouse.work.duckdb"
        self.temp = root / "tmp"  # the runs' TMPDIR: where a document's rows are staged just before they are written
        self.temp.mkdir()
        self.env = {**os.environ, "DAGSTER_HOME": str(root / "dagster_home"), "TMPDIR": str(self.temp), "PYTHONUNBUFFERED": "1"}
        self.logs = 0

    def start(self, *options: str) -> tuple[subprocess.Popen, Path]:
        self.logs += 1
        log = self.root / f"run{self.logs}.log"
        command = [str(LEDGERLINE), "run", "--inbox", str(self.inbox), "--warehouse", str(self.warehouse), *options]
        with open(log, "w") as handle:
            return subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=self.env), log

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


def kill_when(process: subprocess.Popen, log: Path, moment, what: str, delay: float = 0.0, timeout: float = 300) -> None:
    """SIGKILL the run `delay` seconds after `moment()` becomes true; fail if the run ends first."""
    deadline = time.monotonic() + timeout
    while not moment():
        assert process.poll() is None, f"the run ended before {what}:\n{log.read_text()[-3000:]}"
        assert time.monotonic() < deadline, f"no {what} within {timeout} s"
        time.sleep(0.002)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL


@pytest.fixture(scope="module")
def overlapping_runs(tmp_path_factory):
    """Two `ledgerline run` started at the same moment on the same inbox and (new) warehouse."""
    site = Site(tmp_path_factory.mktemp("overlap"))
    first, second = site.start(), site.start()
    outputs = [wait(*first), wait(*second)]
    return site, outputs, warehouse_rows(site.warehouse)


def test_two_runs_started_together_both_succeed_and_leave_what_one_run_leaves(overlapping_runs, good_only_warehouse):
    site, outputs, rows = overlapping_runs
    assert sum("Waiting for another `ledgerline run`" in output for output in outputs) == 1  # one waited for the other
    assert rows == warehouse_rows(good_only_warehouse)
    assert_consistent_build(site.warehouse)


def test_a_run_killed_while_writing_leaves_the_published_warehouse_whole(overlapping_runs, good_only_warehouse, tmp_path):
    """Kill a forced re-run while it replaces a document's rows, then a run while dbt rebuilds the marts:
    the published warehouse stays the previous one, no document is ever partial, and the next run
    leaves exactly what one uninterrupted run leaves (and nothing waits on the killed runs' slots)."""
    site, _, _ = overlapping_runs
    previous = site.published_digest()
    assert previous is not None

    # 1. While a document's rows are being replaced: they are staged in TMPDIR just before the transaction,
    #    which takes about 0.3 s for the larger document; 0.1 s later the old rows are being deleted or the new inserted.
    process, log = site.start("--force")
    kill_when(process, log, lambda: any(site.temp.glob("ledgerline-*/line_items.jsonl")), "document write", delay=0.1)
    assert site.published_digest() == previous
    with open_copy_of_work_file(site.work_file, tmp_path / "after_kill") as connection:
        assert partial_documents(connection) == []
        assert connection.execute("select count(*) from raw.documents").fetchone()[0] == 2

    # 2. While dbt rebuilds the marts in the working file (the dbt process it started outlives it).
    process, log = site.start()
    kill_when(process, log, lambda: "START sql table model marts." in log.read_text(), "dbt build of the marts")
    assert site.published_digest() == previous
    assert_consistent_build(site.warehouse)

    # 3. The next run finds its way: the work file is whole, the killed runs' slots are released.
    output = wait(*site.start())
    assert "Documents: 2" in output
    assert warehouse_rows(site.warehouse) == warehouse_rows(good_only_warehouse)
    assert_consistent_build(site.warehouse)
    instance = dg.DagsterInstance.from_config(str(site.root / "dagster_home"))
    try:
        from dagster._core.storage.dagster_run import IN_PROGRESS_RUN_STATUSES

        assert instance.get_runs(filters=dg.RunsFilter(statuses=IN_PROGRESS_RUN_STATUSES)) == []
        killed = instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.FAILURE]))
        assert len(killed) == 2
    finally:
        instance.dispose()

