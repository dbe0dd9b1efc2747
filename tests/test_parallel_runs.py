"""Documents are extracted side by side in worker processes, one Dagster run per document, while their
writes queue for the warehouse's single writer; the marts then grow one document at a time. Real
Dagster runs, dbt and DuckDB on generated releases, compared with one process doing it all at once."""

import shutil

import dagster as dg
import duckdb
import pytest

from orchestration.cli import run_pipeline
from orchestration.resources import WAREHOUSE_POOL

from .layouts import render_corpus
from .warehouse_state import assert_consistent_build, warehouse_rows

pytestmark = pytest.mark.e2e

DOCUMENTS = 7  # 6 extracted by 2 workers (3 each), then 1 added


def _run(root, inbox, workers):
    home = root / f"home-{inbox.name}"
    home.mkdir(exist_ok=True)
    warehouse = root / f"{inbox.name}.duckdb"
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("DAGSTER_HOME", str(home))
        environment.setenv("LEDGERLINE_REPORT_DIR", str(root / f"reports-{inbox.name}"))
        run_pipeline(inbox, warehouse, workers=workers, echo=lambda *_: None)
    return warehouse, home


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("parallel")
    documents = render_corpus(root / "corpus", DOCUMENTS)
    grown, at_once = root / "grown", root / "at_once"
    grown.mkdir()
    for document in documents[:-1]:
        shutil.copy(document.path, grown)
    parallel_warehouse, parallel_home = _run(root, grown, workers=2)
    with dg.DagsterInstance.from_config(str(parallel_home)) as instance:
        parallel_steps = _step_intervals(instance)
        parallel_writes = _write_intervals(instance)
    shutil.copy(documents[-1].path, grown)
    grown_warehouse, _ = _run(root, grown, workers=2)  # one new document: its run, then an incremental dbt build
    shutil.copytree(root / "corpus", at_once)
    at_once_warehouse, _ = _run(root, at_once, workers=1)
    return {"steps": parallel_steps, "writes": parallel_writes, "home": parallel_home, "grown": grown_warehouse, "at_once": at_once_warehouse}


def _write_intervals(instance) -> list[tuple[float, float]]:
    """(start, end) of each document's write to the warehouse, from its raw/documents materialisation."""
    intervals = []
    for entry in instance.get_event_records(dg.EventRecordsFilter(dg.DagsterEventType.ASSET_MATERIALIZATION, asset_key=dg.AssetKey(["raw", "documents"]))):
        metadata = entry.asset_materialization.metadata
        started = metadata["write_started_at"].value
        intervals.append((started, started + metadata["write_seconds"].value))
    return intervals


def _step_intervals(instance) -> dict[str, list[tuple[float, float, int]]]:
    """step name → (start, end, process id) of each extraction run's steps."""
    steps: dict[str, list[tuple[float, float, int]]] = {}
    for run in instance.get_runs():
        started = {}
        for entry in instance.all_logs(run.run_id):
            event = entry.dagster_event
            if event is None or not event.step_key or not event.step_key.startswith("raw_extraction."):
                continue
            name = event.step_key.split(".", 1)[1]
            if event.event_type == dg.DagsterEventType.STEP_START:
                started[name] = (entry.timestamp, event.pid)
            elif event.event_type == dg.DagsterEventType.STEP_SUCCESS and name in started:
                steps.setdefault(name, []).append((started[name][0], entry.timestamp, started[name][1]))
    return steps


def _overlapping(intervals) -> bool:
    ordered = sorted(intervals)
    return any(later[0] < earlier[1] for earlier, later in zip(ordered, ordered[1:]))


def test_documents_are_extracted_in_parallel_processes(runs):
    extractions = runs["steps"]["extract_pdf"]
    assert len(extractions) == DOCUMENTS - 1
    assert len({pid for _, _, pid in extractions}) == 2  # two worker processes
    assert _overlapping(extractions)


def test_warehouse_writes_never_overlap_and_release_the_pool(runs):
    # The write steps themselves overlap (a step waits inside for the pool's slot); the writes never do.
    writes = runs["writes"]
    assert len(writes) == len(runs["steps"]["write_raw_rows"]) == DOCUMENTS - 1
    assert not _overlapping(writes)
    with dg.DagsterInstance.from_config(str(runs["home"])) as instance:
        assert instance.event_log_storage.get_concurrency_info(WAREHOUSE_POOL).claimed_slots == []
        extraction_runs = [run for run in instance.get_runs() if "dagster/partition" in run.tags]
        assert len(extraction_runs) == DOCUMENTS  # the parallel ones, then the added document's
        assert {run.status for run in extraction_runs} == {dg.DagsterRunStatus.SUCCESS}


def _identities(path):
    # Which of two equal figures an identity names in fact_ids is left to row order where a document
    # prints the same figure twice in one table (int_identity__cross_statement): every other column.
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute("select * exclude (fact_ids) from marts.identity_results order by all").fetchall()


def test_a_warehouse_grown_in_parallel_then_by_one_document_equals_one_built_at_once(runs):
    assert_consistent_build(runs["grown"])
    grown, at_once = warehouse_rows(runs["grown"]), warehouse_rows(runs["at_once"])
    assert sum(grown["marts.fct_financial_facts"].values()) > 500
    assert grown.pop("marts.identity_results") and at_once.pop("marts.identity_results")
    assert grown == at_once
    assert len(_identities(runs["grown"])) > 50
    assert _identities(runs["grown"]) == _identities(runs["at_once"])
