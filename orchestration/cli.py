"""`ledgerline`: run the pipeline through Dagster, open the UI, query the warehouse, write the report, forget a document,
reconcile a release with its tagged filing."""

from __future__ import annotations

import argparse
import fcntl
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, redirect_stdout
from pathlib import Path

from . import settings

# Names the lock file held by the `ledgerline` process that runs a Dagster run (see `owned_runs`).
RUN_OWNER_TAG = "ledgerline/owner_lock"


def _set_locations(args) -> tuple[Path, Path]:
    """The inbox and the warehouse: CLI flags, else the environment (settings.py), else the defaults."""
    inbox = Path(getattr(args, "inbox", None) or settings.inbox_dir()).resolve()
    warehouse = Path(getattr(args, "warehouse", None) or settings.warehouse_path()).resolve()
    return inbox, warehouse


# The instance settings of a Dagster home, and the same settings without the capture of the steps'
# stdout and stderr, for the extraction runs of `ledgerline run` (see `extraction_instance`).
INSTANCE_FILE = "dagster.yaml"
EXTRACTION_INSTANCE_FILE = "dagster-extraction.yaml"
# Dagster's own compute log manager that captures nothing (a configurable class of Dagster's, named in the
# instance settings as Dagster's documentation names its storages).
NO_CAPTURE = {"module": "dagster._core.storage.noop_compute_log_manager", "class": "NoOpComputeLogManager", "config": {}}
# A home written by an earlier Ledgerline names this module, now gone: its settings are written again.
_REMOVED_STORAGE_MODULE = "orchestration.dagster_storage"


def prepare_dagster_home(home: Path | None = None) -> Path:
    """The Dagster home `home` (default $DAGSTER_HOME, else .dagster_home) with Ledgerline's instance settings
    (the warehouse pool's limit of 1, one event log): a home without settings gets orchestration/dagster.yaml,
    and beside its settings, whatever they are (a user's Postgres storage), their extraction variant."""
    home = Path(home or os.environ.get("DAGSTER_HOME") or settings.PROJECT_ROOT / ".dagster_home").resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / INSTANCE_FILE
    if not config.exists() or _REMOVED_STORAGE_MODULE in config.read_text():
        _write_aside(config, instance_settings(home))
    extraction = extraction_settings(config.read_text())
    extraction_config = home / EXTRACTION_INSTANCE_FILE
    if not extraction_config.exists() or extraction_config.read_text() != extraction:
        _write_aside(extraction_config, extraction)
    return home


def _write_aside(path: Path, text: str) -> None:
    """Written aside and renamed: a second `ledgerline` starting at the same moment never reads half a file."""
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(text)
    os.replace(partial, path)


def instance_settings(home: Path) -> str:
    """orchestration/dagster.yaml for the Dagster home `home`: its event log's folder is written out, so
    that whoever opens this home (a worker, the UI, `DagsterInstance.from_config`) finds the same log
    whatever their own DAGSTER_HOME."""
    import yaml

    config = yaml.safe_load((settings.PROJECT_ROOT / "orchestration" / INSTANCE_FILE).read_text())
    config["event_log_storage"]["config"]["base_dir"] = str(home)
    return yaml.safe_dump(config, sort_keys=False)


def extraction_settings(instance_text: str) -> str:
    """A home's instance settings without the capture of the steps' stdout and stderr."""
    import yaml

    config = yaml.safe_load(instance_text) or {}
    config["compute_logs"] = NO_CAPTURE
    return yaml.safe_dump(config, sort_keys=False)


def _instance():
    """The instance of $DAGSTER_HOME, or an ephemeral one when it is not set."""
    import dagster as dg

    if os.environ.get("DAGSTER_HOME"):
        return dg.DagsterInstance.from_config(str(prepare_dagster_home()))
    return dg.DagsterInstance.ephemeral()


def in_progress_statuses() -> list:
    """Every run status but the three a run ends in (Dagster's public enum; new statuses count as in progress)."""
    import dagster as dg

    finished = {dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED}
    return [status for status in dg.DagsterRunStatus if status not in finished]


def release_abandoned_runs(instance) -> list[str]:
    """Mark failed the runs of `ledgerline` processes that died (killed, power cut) and free their slots.

    Dagster frees a step's slot in the `duckdb_warehouse` pool when the step ends; a killed process never
    ends its step, and every later run would wait for that slot for ever. A run is abandoned when the
    owner lock file it is tagged with is no longer held: the kernel releases the lock of a dead process.
    """
    import dagster as dg

    abandoned = [
        run
        for run in instance.get_runs(filters=dg.RunsFilter(statuses=in_progress_statuses()))
        if RUN_OWNER_TAG in run.tags and not _lock_is_held(Path(run.tags[RUN_OWNER_TAG]))
    ]
    for run in abandoned:
        instance.report_run_failed(run, "the `ledgerline` process running this run was killed before the run ended")
    storage = instance.event_log_storage
    if storage.supports_global_concurrency_limits:
        for run_id in storage.get_concurrency_run_ids():
            run = instance.get_run_by_id(run_id)
            if run is None or run.is_finished:
                storage.free_concurrency_slots_for_run(run_id)
    return [run.run_id for run in abandoned]


def _lock_is_held(path: Path) -> bool:
    try:
        handle = open(path, "a+")
    except FileNotFoundError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        path.unlink(missing_ok=True)
        return False


@contextmanager
def owned_runs(instance):
    """Tags for the runs this process starts, naming a lock file it holds until it exits; abandoned runs
    of processes that died before are released first."""
    if instance.is_ephemeral:
        yield {}
        return
    release_abandoned_runs(instance)
    owners = Path(instance.root_directory) / "ledgerline_owners"
    owners.mkdir(exist_ok=True)
    path = owners / f"{os.getpid()}-{uuid.uuid4().hex[:12]}.lock"
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield {RUN_OWNER_TAG: str(path)}
        finally:
            path.unlink(missing_ok=True)


# Dagster's own per-event logging stays in the run logs (and the UI); the CLI prints a summary.
QUIET_RUN_CONFIG = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
# Every extraction run of one `ledgerline run` carries this tag, so that runs a dead worker left
# behind can be found, marked failed and made to release their warehouse pool slot.
BATCH_TAG = "ledgerline/batch"
# A worker process takes seconds to start (it imports Dagster): each must have this many documents
# to extract to be worth starting, else the runs execute one after the other in this process.
MIN_DOCUMENTS_PER_WORKER = 3


@contextmanager
def _shared_dagster_home():
    """The Dagster home of the runs: $DAGSTER_HOME, else a temporary one for this invocation.

    Extraction runs execute in several worker processes, which must share one instance (its run
    history and the warehouse pool's slots); an ephemeral instance lives in a single process.
    """
    if os.environ.get("DAGSTER_HOME"):
        yield prepare_dagster_home()
        return
    with tempfile.TemporaryDirectory(prefix="ledgerline-dagster-") as home:
        yield prepare_dagster_home(Path(home))  # its settings name the folder: the workers open it by path


def _materialize_extraction(instance, resources, document_id: str, files: list[str], tags: dict[str, str]) -> tuple[bool, float]:
    """One Dagster run for one document's partition: extract it, then write its rows."""
    import dagster as dg

    from .assets.extraction import FILES_TAG, raw_extraction

    started = time.perf_counter()
    result = dg.materialize(
        [raw_extraction],
        partition_key=document_id,
        instance=instance,
        resources=resources,
        tags={**tags, FILES_TAG: json.dumps(files)},
        run_config=QUIET_RUN_CONFIG,
        raise_on_error=False,
    )
    return result.success, time.perf_counter() - started


def extraction_instance(home: Path):
    """The instance of the Dagster home `home`, for the extraction runs of `ledgerline run`: it does not
    capture the steps' stdout and stderr.

    Dagster's capture starts, for every run, a `tail` process and a Python interpreter watching it for
    each of the two streams: 0.09 s of processor time per document, a third of what Dagster itself
    spends on the run, on a machine whose cores are all extracting.
    The extraction steps write nothing there: they report through `context.log` (kept in the run's
    event log, as are a failed step's error and stack trace), the extraction's child process silences
    pdfminer, and what that child writes on stderr went to the file of whichever run had started the
    worker's fork server anyway. What the UI loses is the run's raw stdout/stderr view, which stays for
    every other run: dbt's output, and documents extracted by the inbox sensor's runs.
    """
    import dagster as dg

    return dg.DagsterInstance.from_config(str(home), config_filename=EXTRACTION_INSTANCE_FILE)


# A worker process executes many runs: its instance and resources are made once, by the pool's
# initializer, and kept here (state of that worker process only).
_worker_state: dict = {}


def _start_worker(dagster_home: str, inbox: str, warehouse: str) -> None:
    import dagster as dg

    from .resources import extraction_resources

    _die_with_parent()
    _worker_state["instance"] = extraction_instance(Path(dagster_home))
    _worker_state["resources"] = extraction_resources(inbox=Path(inbox), warehouse=Path(warehouse))


def _die_with_parent() -> None:
    """A worker is killed with the `ledgerline` process that started it (Linux): were that process killed,
    its workers would otherwise finish their runs and then wait for work for ever. Their unfinished runs
    are then released like the parent's, by the next run (see `release_abandoned_runs`)."""
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        parent = multiprocessing.parent_process()
        if parent is not None and os.getppid() != parent.pid:  # it died before the line above
            os._exit(1)


def _run_in_worker(document_id: str, files: list[str], tags: dict[str, str]) -> tuple[bool, float]:
    return _materialize_extraction(_worker_state["instance"], _worker_state["resources"], document_id, files, tags)


def _extract_in_parallel(todo, documents, *, home: Path, inbox: Path, warehouse: Path, workers: int, tags: dict[str, str], report) -> list[str]:
    """Run the documents' extraction runs in `workers` processes; return the documents whose worker died twice.

    A worker that dies (killed, out of memory) breaks the whole process pool: the documents it
    left unfinished are given one more chance in a new pool, so one bad process never stops the rest.
    """
    remaining = list(todo)
    for _attempt in range(2):
        broken = []
        with ProcessPoolExecutor(
            max_workers=min(workers, len(remaining)),
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(str(home), str(inbox), str(warehouse)),
        ) as pool:
            futures = {
                pool.submit(_run_in_worker, document_id, [str(p) for p in documents[document_id]], tags): document_id
                for document_id in remaining
            }
            for future in as_completed(futures):
                try:
                    report(futures[future], *future.result())
                except BrokenProcessPool:
                    broken.append(futures[future])
        if not broken:
            return []
        remaining = broken
    return remaining


def _release_runs_of_dead_workers(instance, batch: str) -> None:
    """Runs of this batch still in progress after the pool ended lost their worker process (while this
    process, which holds the owner lock, lives on): fail them and free their pool slots."""
    import dagster as dg

    for run in instance.get_runs(filters=dg.RunsFilter(tags={BATCH_TAG: batch}, statuses=in_progress_statuses())):
        instance.report_run_failed(run, "the worker process executing this run died")
        instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)


def run_pipeline(inbox: Path, warehouse: Path, *, force: bool = False, echo=print, workers: int | None = None) -> dict:
    """Materialise every asset through Dagster: one extraction run per new document, `workers` runs at a time
    in separate processes (default: $LEDGERLINE_WORKERS or one per CPU), then dbt, publish, report.

    One run at a time per warehouse: a second run started meanwhile waits for it, then does what is left."""
    import dagster as dg

    from .warehouse import Warehouse

    if not inbox.is_dir():
        raise SystemExit(f"ledgerline: the inbox {inbox} is not a folder")
    with Warehouse(warehouse).run_lock(on_wait=echo), _shared_dagster_home() as home:
        with dg.DagsterInstance.from_config(str(home)) as instance, owned_runs(instance) as owner_tags:
            return _run_pipeline_locked(
                inbox, warehouse, instance, home, owner_tags, force=force, echo=echo, workers=workers or settings.extraction_workers()
            )


def _run_pipeline_locked(inbox: Path, warehouse: Path, instance, home: Path, owner_tags: dict[str, str], *, force: bool, echo, workers: int) -> dict:
    from .assets.extraction import documents_partitions
    from .inbox import inbox_entries, inbox_memory, scan_inbox_remembered
    from .resources import build_resources
    from .warehouse import Warehouse

    resources = build_resources(inbox=inbox, warehouse=warehouse)
    documents = scan_inbox_remembered(inbox, inbox_memory(warehouse))
    _, skipped = inbox_entries(inbox)
    known = Warehouse(warehouse).known_documents()
    from extract import __version__ as extractor_version

    todo = [d for d in documents if force or known.get(d) != extractor_version]
    # One query for the known partitions, not one per document: 1,000 documents made 1,000 queries.
    partitions = set(instance.get_dynamic_partitions(documents_partitions.name))
    instance.add_dynamic_partitions(documents_partitions.name, [d for d in documents if d not in partitions])
    workers = min(workers, len(todo) // MIN_DOCUMENTS_PER_WORKER)
    echo(
        f"Ledgerline: {len(documents)} documents in {inbox}; {len(todo)} to extract, {len(documents) - len(todo)} already up to date"
        + (f" ({workers} at a time)" if workers > 1 else "")
    )
    for entry in skipped:
        echo(f"  skipped {entry.path.relative_to(inbox)}: {entry.reason}")
    failed_runs = []
    done = 0

    def report(document_id: str, success: bool, seconds: float) -> None:
        nonlocal done
        done += 1
        names = ", ".join(p.name for p in documents[document_id])
        if not success:
            failed_runs.append(names)
        echo(f"  [{done}/{len(todo)}] {names}: {'ok' if success else 'RUN FAILED'} ({seconds:.1f} s)")

    tags = {**owner_tags, BATCH_TAG: uuid.uuid4().hex}
    if workers > 1:
        lost = _extract_in_parallel(todo, documents, home=home, inbox=inbox, warehouse=warehouse, workers=workers, tags=tags, report=report)
        for document_id in lost:
            report(document_id, False, 0.0)
        _release_runs_of_dead_workers(instance, tags[BATCH_TAG])
    else:
        with extraction_instance(home) as extraction:
            for document_id in todo:
                report(document_id, *_materialize_extraction(extraction, resources, document_id, [str(p) for p in documents[document_id]], tags))
    echo("Building the marts with dbt, publishing the warehouse and writing its quality report...")
    _build_marts(instance, resources, owner_tags, echo)
    return {"failed_runs": failed_runs, "skipped": {str(entry.path.relative_to(inbox)): entry.reason for entry in skipped}}


def _build_marts(instance, resources: dict, owner_tags: dict[str, str], echo=print) -> None:
    """dbt build, publish, then the quality report: a report that cannot be written never fails the warehouse."""
    import dagster as dg

    from .dbt_project import ensure_manifest

    ensure_manifest()  # before the dbt assets are loaded from it
    from .assets.extraction import raw_extraction
    from .assets.filings import raw_filing
    from .assets.marts import ledgerline_dbt_models, published_warehouse
    from .assets.report import quality_report
    from .sensors import MARTS_SELECTION

    log_path = dbt_log_path(Path(resources["warehouse"].path))
    echo(f"  dbt's log: {log_path}")
    # dagster-dbt echoes every dbt event to stdout: in the UI that is the step's captured log, here it
    # would bury the summary under hundreds of lines.
    with open(log_path, "w") as log, redirect_stdout(log):
        result = dg.materialize(
            [raw_extraction, raw_filing, ledgerline_dbt_models, published_warehouse, quality_report],
            selection=MARTS_SELECTION,
            instance=instance,
            resources=resources,
            tags=owner_tags,
            run_config=QUIET_RUN_CONFIG,
            raise_on_error=False,
        )
    if result.success:
        return
    failures = result.get_step_failure_events()
    if {event.step_key for event in failures} == {quality_report.op.name}:
        echo("ledgerline: the warehouse is published, but its quality report could not be written (see the run in `ledgerline ui`)")
        return
    # The whole account stays in dbt's log; the user gets one line: what stopped the publish.
    raise SystemExit(f"ledgerline: nothing published: {_failure_reason(failures)} (details: {log_path}, or the run in `ledgerline ui`)")


def _failure_reason(failures) -> str:
    """Why a step failed, in one line: the description the asset gave (dg.Failure), else the error's first line."""
    for event in failures:
        data = event.event_specific_data
        if data.user_failure_data is not None and data.user_failure_data.description:
            return data.user_failure_data.description
    for event in failures:
        if event.event_specific_data.error is not None:
            return f"step {event.step_key} failed: " + event.event_specific_data.error.message.strip().splitlines()[0]
    return "a step failed"


def dbt_log_path(warehouse: Path) -> Path:
    """The log of the last dbt build of `ledgerline run`, beside the warehouse: `warehouse.dbt.log`."""
    return warehouse.with_name(f"{warehouse.stem}.dbt.log")


def summary_text(warehouse: Path) -> str:
    from report.wording import format_amount

    from .warehouse import read_only

    with read_only(warehouse) as connection:
        lines = [f"Warehouse: {warehouse}"]
        totals = connection.execute(
            """select (select count(*) from marts.dim_documents),
                      (select count(*) from raw.tables),
                      (select count(*) from raw.line_items),
                      (select count(*) from marts.fct_financial_facts),
                      (select count(*) from marts.fct_financial_facts where concept is not null),
                      (select count(*) from marts.identity_results where status = 'pass'),
                      (select count(*) from marts.identity_results where status = 'fail'),
                      (select count(*) from marts.identity_results where status = 'inconclusive'),
                      (select count(*) from marts.dim_documents where extraction_status = 'quarantined')"""
        ).fetchone()
        lines.append(
            f"Documents: {totals[0]}  tables: {totals[1]}  line items: {totals[2]}  facts: {totals[3]} "
            f"({totals[4]} mapped to a concept)  identity checks: {totals[5]} passed, {totals[6]} failed, "
            f"{totals[7]} inconclusive (not sure the figures are the same thing; see inconclusive_reason)"
        )
        if totals[8]:
            lines.append(
                f"Quarantined: {totals[8]} documents broke a document-level contract test; their figures are held out "
                "of the marts, everything else is published (reasons below)"
            )
        lines.append("")
        lines.append(f"{'document':44} {'status':11} {'pages':>5} {'tables':>6} {'figures':>7} {'checks':>6} {'failed':>6} {'inconcl.':>8}")
        rows = connection.execute(
            """select d.file_names, d.extraction_status, d.pages, d.table_count, d.line_item_count,
                      count(i.check_id), count(i.check_id) filter (where i.status = 'fail'),
                      count(i.check_id) filter (where i.status = 'inconclusive'), d.extraction_error
               from marts.dim_documents d left join marts.identity_results i using (document_id)
               group by all order by d.file_names"""
        ).fetchall()
        for name, status, pages, tables, figures, checks, failed, inconclusive, error in rows:
            lines.append(f"{name:44} {status:11} {pages or 0:>5} {tables:>6} {figures:>7} {checks:>6} {failed:>6} {inconclusive:>8}")
            if error:
                lines.append(f"    reason: {error}")
        failures = connection.execute(
            """select d.file_names, d.language, i.check_name, i.statement, i.period_end, i.expected, i.actual,
                      i.difference, i.tolerance, i.pages, i.description, i.currency
               from marts.identity_results i join marts.dim_documents d using (document_id)
               where i.status = 'fail' order by d.source_file, i.pages, i.check_name"""
        ).fetchall()
        if failures:
            lines.append("")
            lines.append("Failed identities (inconsistencies in the publications):")
            current = None
            for name, language, check, statement, period_end, expected, actual, difference, tolerance, pages, description, currency in failures:
                if name != current:
                    lines.append(f"  {name}")
                    current = name
                fmt = lambda v: format_amount(v, None, language or "en")  # noqa: E731
                unit = "%" if currency == "%" else ""
                lines.append(
                    f"    {statement} {period_end or ''}: {check}: printed {fmt(actual)}{unit} ≠ expected {fmt(expected)}{unit} "
                    f"(difference {fmt(difference)}, tolerance {fmt(tolerance)}; p. {pages}) — {description}"
                )
    reconciliation = reconciliation_text(warehouse)
    if reconciliation:
        lines += ["", reconciliation]
    return "\n".join(lines)


def _report_location(warehouse: Path) -> str:
    from report import REPORT_FILE

    path = settings.report_dir(warehouse) / REPORT_FILE
    if not path.exists():
        return "Quality report: none written yet (`ledgerline report`)"
    return f"Quality report: {path}\n  (open it in a browser; `ledgerline ui` also serves it on http://127.0.0.1:{settings.report_port()}/)"


def command_run(args) -> int:
    inbox, warehouse = _set_locations(args)
    run_pipeline(inbox, warehouse, force=args.force)
    print()
    print(summary_text(warehouse))
    print()
    print(_report_location(warehouse))
    return 0


def _warehouse_exists(warehouse: Path) -> bool:
    if not warehouse.exists():
        print(f"ledgerline: no warehouse at {warehouse}; run `ledgerline run` first", file=sys.stderr)
    return warehouse.exists()


def command_report(args) -> int:
    """Write the quality report straight from the published warehouse (no Dagster run needed)."""
    from report import build_report

    from .inbox import document_sources
    from .warehouse import read_only

    inbox, warehouse = _set_locations(args)
    if not _warehouse_exists(warehouse):
        return 2
    read_only(warehouse).close()  # a damaged warehouse file is said in one line, before any work
    out_dir = Path(args.out).resolve() if args.out else settings.report_dir(warehouse)
    result = build_report(warehouse, out_dir, document_sources(inbox, warehouse), workers=settings.extraction_workers())
    print(f"Quality report: {result.path}")
    print(f"  {result.documents} documents ({result.pages_written} pages written, the others unchanged), "
          f"{result.failed_identities} failed identities, {result.crops} page crops")
    for document_id, reason in result.without_pages.items():
        print(f"  {document_id[:12]}: pages not shown: {reason}")
    return 0


def command_sql(args) -> int:
    import duckdb

    from .warehouse import read_only

    _, warehouse = _set_locations(args)
    if not _warehouse_exists(warehouse):
        return 2
    with read_only(warehouse, user_query=True) as connection:
        try:
            cursor = connection.execute(args.query)
        except duckdb.Error as error:
            print(f"ledgerline: {error}", file=sys.stderr)
            return 2
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall()
    if args.format == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
        return 0
    texts = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in texts]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    for row in texts:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))
    print(f"({len(rows)} rows)")
    return 0


def command_forget(args) -> int:
    from .warehouse import Warehouse

    _, warehouse = _set_locations(args)
    store = Warehouse(warehouse)
    removed = store.forget_document(args.document_id)
    if not removed:
        print(f"ledgerline: no document {args.document_id} in {warehouse}", file=sys.stderr)
        return 2
    print(f"Removed document {args.document_id} from the raw tables; rebuilding the marts...")
    _rebuild_marts(warehouse)
    print(f"Document {args.document_id} is gone from {warehouse}.")
    return 0


def _rebuild_marts(warehouse: Path) -> None:
    """dbt build, publish and report through Dagster, after any `ledgerline run` on the warehouse has finished."""
    from .resources import build_resources
    from .warehouse import Warehouse

    with Warehouse(warehouse).run_lock(on_wait=print):
        instance = _instance()
        with owned_runs(instance) as owner_tags:
            _build_marts(instance, build_resources(warehouse=warehouse), owner_tags)


def resolve_document(warehouse: Path, reference: str) -> str:
    """A document named by its SHA-256, a unique prefix of it, or one of its file names."""
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as connection:
        matches = [
            document_id for (document_id,) in connection.execute(
                "select distinct document_id from raw.document_files where starts_with(document_id, ?) or file_name = ?",
                [reference.lower(), reference],
            ).fetchall()
        ]
    if len(matches) != 1:
        found = "no document" if not matches else f"{len(matches)} documents"
        raise SystemExit(f"ledgerline: {found} in {warehouse} named {reference!r} (give its SHA-256, a unique prefix of it or its file name)")
    return matches[0]


def reconcile_filing(filing: Path, warehouse: Path, *, document_id: str | None = None, echo=print, build: bool = True) -> str:
    """Load a tagged filing through Dagster (its partition of `raw_filing`), then rebuild, publish and report:
    `marts.filing_reconciliation` compares it with `document_id`, or with the documents of its issuer and
    period. Returns the filing's id (SHA-256 of its bytes). `build=False` leaves the build to the next
    `ledgerline run` (filings loaded before the releases they reconcile, one build for all)."""
    import hashlib

    import dagster as dg

    from .assets.filings import FILING_DOCUMENT_TAG, FILING_FILE_TAG, filings_partitions, raw_filing
    from .resources import build_resources
    from .warehouse import Warehouse

    if not filing.is_file():
        raise SystemExit(f"ledgerline: no filing at {filing}")
    filing_id = hashlib.sha256(filing.read_bytes()).hexdigest()
    resources = build_resources(warehouse=warehouse)
    with Warehouse(warehouse).run_lock(on_wait=echo):
        instance = _instance()
        with owned_runs(instance) as owner_tags:
            if not instance.has_dynamic_partition(filings_partitions.name, filing_id):
                instance.add_dynamic_partitions(filings_partitions.name, [filing_id])
            tags = {**owner_tags, FILING_FILE_TAG: str(filing.resolve()), **({FILING_DOCUMENT_TAG: document_id} if document_id else {})}
            result = dg.materialize(
                [raw_filing], partition_key=filing_id, instance=instance, resources=resources, tags=tags,
                run_config=QUIET_RUN_CONFIG, raise_on_error=False,
            )
            if not result.success:
                reasons = [event.step_failure_data.user_failure_data.description for event in result.get_step_failure_events()
                           if event.step_failure_data.user_failure_data is not None]
                raise SystemExit(f"ledgerline: the filing {filing.name} could not be loaded: {'; '.join(filter(None, reasons)) or 'see the run in `ledgerline ui`'}")
            echo(f"Loaded {filing.name} (filing {filing_id[:12]})")
            if build:
                echo("Building the marts, publishing the warehouse and writing its quality report...")
                _build_marts(instance, resources, owner_tags, echo)
    return filing_id


def reconciliation_text(warehouse: Path, filing_id: str | None = None) -> str:
    """Per document and filing: how many figures match, and every figure that does not."""
    import duckdb

    from report.wording import format_amount

    where = "where r.filing_id = ?" if filing_id else ""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        built = connection.execute(
            "select count(*) from information_schema.tables where table_schema = 'marts' and table_name = 'filing_reconciliation'"
        ).fetchone()[0]
        if not built:  # a warehouse built before filings could be reconciled
            return ""
        counts = connection.execute(
            f"""select d.file_names, r.filing_file, count(*) filter (where r.status = 'match'), count(*) filter (where r.status = 'mismatch'),
                       count(*) filter (where r.status = 'restated'), count(*) filter (where r.status = 'no_counterpart')
                from marts.filing_reconciliation r join marts.dim_documents d using (document_id) {where}
                group by all order by all""",
            [filing_id] if filing_id else [],
        ).fetchall()
        differences = connection.execute(
            f"""select d.file_names, r.filing_file, r.status, r.statement, r.label, r.period_end, r.value_text, r.release_value,
                       r.filing_value, r.filing_element, r.page, r.explanation
                from marts.filing_reconciliation r join marts.dim_documents d using (document_id)
                {where} {'and' if where else 'where'} r.status in ('mismatch', 'restated')
                order by d.file_names, r.page, r.statement, r.label, r.period_end""",
            [filing_id] if filing_id else [],
        ).fetchall()
    if not counts:
        return "Filing reconciliation: no document of this filing's issuer and period (use --document)." if filing_id else ""
    lines = ["Filing reconciliation (release figures against the tagged filing):"]
    for name, filing_file, matched, mismatched, restated, missing in counts:
        lines.append(f"  {name} ↔ {filing_file}: {matched} match, {mismatched} mismatch, {restated} restated, {missing} without counterpart")
    for name, filing_file, status, statement, label, period_end, text, release, filed, element, page, explanation in differences:
        lines.append(
            f"    {status.upper()} p. {page} {statement} {period_end}: “{label}” printed {text} = {format_amount(release, None, 'en')}, "
            f"filed {format_amount(filed, None, 'en')} ({element}) — {explanation}"
        )
    return "\n".join(lines)


def command_reconcile(args) -> int:
    _, warehouse = _set_locations(args)
    if not _warehouse_exists(warehouse):
        return 2
    document_id = resolve_document(warehouse, args.document) if args.document else None
    filing_id = reconcile_filing(Path(args.filing).resolve(), warehouse, document_id=document_id)
    print()
    print(reconciliation_text(warehouse, filing_id))
    return 0


def command_summary(args) -> int:
    _, warehouse = _set_locations(args)
    print(summary_text(warehouse))
    return 0


def serve_reports(directory: Path, port: int):
    """Serve the report folder on 127.0.0.1 in a background thread, so that the asset's link opens from the UI."""
    import functools
    import http.server
    import threading

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - the signature of the base class
            pass

    directory.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, name="report-server", daemon=True).start()
    return server


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def command_ui(args) -> int:
    inbox, warehouse = _set_locations(args)
    home = prepare_dagster_home()
    try:
        server = serve_reports(settings.report_dir(warehouse), args.report_port)
        print(f"Quality report served on http://127.0.0.1:{args.report_port}/", flush=True)
    except OSError as error:
        server = None
        print(f"ledgerline: cannot serve the quality report on port {args.report_port} ({error}); open its file instead", file=sys.stderr)
    dagster = Path(sys.executable).with_name("dagster")
    command = [str(dagster), "dev", "-m", "orchestration.definitions", "--host", "127.0.0.1", "--port", str(args.port)]
    # dagster dev runs in its own session: Ctrl-C or SIGTERM here reaches it once, as one SIGTERM, which it
    # handles like Ctrl-C (it stops its webserver and daemon); a second signal would cut that shutdown short.
    # It maps SIGTERM to its SIGINT handling, so SIGINT must not be ignored, as it is in a background job:
    # a Python handler here is reset to the default in the child.
    previous_sigint = signal.signal(signal.SIGINT, signal.default_int_handler)
    previous = signal.signal(signal.SIGTERM, _interrupt)
    # The definitions `dagster dev` loads read the same locations from its environment (settings.py).
    environment = {
        **os.environ, "DAGSTER_HOME": str(home), "LEDGERLINE_INBOX": str(inbox), "LEDGERLINE_WAREHOUSE": str(warehouse),
        "LEDGERLINE_REPORT_PORT": str(args.report_port),
    }
    process = subprocess.Popen(command, cwd=settings.PROJECT_ROOT, env=environment, start_new_session=True)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            return process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_sigint)
        if server is not None:
            server.shutdown()


def command_eval(args) -> int:
    from .evaluation import evaluate, report_text

    if args.unlabelled is not None:
        return command_self_check(args)
    inbox, warehouse = _set_locations(args)
    if not _warehouse_exists(warehouse):
        return 2
    gold_dirs = [Path(folder) for folder in args.gold or [settings.PROJECT_ROOT / "tests" / "gold"]]
    print(report_text(evaluate(warehouse, gold_dirs, pdf_dirs=[inbox]), details=not args.brief))
    return 0


def command_self_check(args) -> int:
    """`eval --unlabelled`: the signs of a bad extraction, on an existing warehouse or on a folder run into a
    temporary one (the same run as `ledgerline run`)."""
    from .selfcheck import self_check, self_check_text

    if not args.unlabelled:
        inbox, warehouse = _set_locations(args)
        if not _warehouse_exists(warehouse):
            return 2
        print(self_check_text(self_check(warehouse, pdf_dirs=[inbox]), details=not args.brief))
        return 0
    inbox = Path(args.unlabelled).resolve()
    with tempfile.TemporaryDirectory(prefix="ledgerline-selfcheck-") as folder:
        warehouse = Path(folder) / "selfcheck.duckdb"
        warehouse = _run_for_self_check(inbox, warehouse)
        print(self_check_text(self_check(warehouse, pdf_dirs=[inbox]), details=not args.brief))
    return 0


def _run_for_self_check(inbox: Path, warehouse: Path) -> Path:
    """Run the pipeline on `inbox` into `warehouse`; the warehouse to read. When the build does not publish
    (a dbt test of the marts failed), the self-check reads the working copy dbt built, and says so: its
    signals are what the run would have published."""
    progress = lambda *parts: print(*parts, file=sys.stderr)  # noqa: E731 - stdout holds the self-check only
    try:
        run_pipeline(inbox, warehouse, echo=progress)
    except SystemExit as failure:
        from .warehouse import working_path

        if not working_path(warehouse).exists():
            raise
        progress(f"{failure}\nledgerline: the self-check reads the unpublished working copy {working_path(warehouse)}")
        return working_path(warehouse)
    return warehouse


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ledgerline", description="PDF results releases → a validated DuckDB warehouse.")
    sub = parser.add_subparsers(dest="command", required=True)

    def locations(p, inbox=True):
        if inbox:
            p.add_argument("--inbox", help="folder of PDFs (default: $LEDGERLINE_INBOX or data/samples)")
        p.add_argument("--warehouse", help="DuckDB file (default: $LEDGERLINE_WAREHOUSE or warehouse.duckdb)")

    p = sub.add_parser("run", help="extract every PDF of the inbox, build the marts, publish the warehouse, print a summary")
    locations(p)
    p.add_argument("--force", action="store_true", help="extract again documents already extracted by this version")
    p.set_defaults(func=command_run)

    p = sub.add_parser("sql", help="run a SQL query on the published warehouse (read-only)")
    locations(p, inbox=False)
    p.add_argument("query")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.set_defaults(func=command_sql)

    p = sub.add_parser("summary", help="print the summary of the published warehouse")
    locations(p, inbox=False)
    p.set_defaults(func=command_summary)

    p = sub.add_parser("forget", help="remove a document (by its SHA-256) everywhere")
    locations(p, inbox=False)
    p.add_argument("document_id")
    p.set_defaults(func=command_forget)

    p = sub.add_parser("reconcile", help="load a tagged filing (inline XBRL, ESEF package, XBRL instance) and reconcile a release with it")
    locations(p, inbox=False)
    p.add_argument("filing", help="an inline XBRL document (.htm, .xhtml), an ESEF report package (.zip) or an XBRL instance (.xml)")
    p.add_argument("--document", help="the release to reconcile (SHA-256, a unique prefix or a file name); default: the documents of the filing's issuer and period")
    p.set_defaults(func=command_reconcile)

    p = sub.add_parser("report", help="write the quality report (HTML pages, self-contained) of the published warehouse")
    locations(p)
    p.add_argument("--out", help="folder for index.html (default: $LEDGERLINE_REPORT_DIR or reports/ beside the warehouse)")
    p.set_defaults(func=command_report)

    p = sub.add_parser("ui", help="start the Dagster UI on 127.0.0.1 (and serve the quality report)")
    locations(p)
    p.add_argument("--port", type=int, default=3000)
    p.add_argument("--report-port", type=int, default=settings.report_port(), help="port serving the quality report (default 3001)")
    p.set_defaults(func=command_ui)

    p = sub.add_parser("eval", help="precision and recall of extracted figures and concepts against the gold answer keys")
    locations(p)
    p.add_argument("--gold", action="append", help="folder of answer keys, repeatable (default: tests/gold); the PDFs are looked for beside the keys, then in the inbox")
    p.add_argument("--brief", action="store_true", help="only the per-document figures, not every miss")
    p.add_argument(
        "--unlabelled", nargs="?", const="", metavar="DIR",
        help="no keys: the signs of a bad extraction per document, of the warehouse (--warehouse) or of DIR run into a temporary warehouse",
    )
    p.set_defaults(func=command_eval)

    args = parser.parse_args(argv)
    from .warehouse import WarehouseUnreadable

    try:
        return args.func(args)
    except WarehouseUnreadable as error:
        print(f"ledgerline: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
