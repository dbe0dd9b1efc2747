"""The inbox sensor, evaluated as Dagster evaluates it: new documents become partitions and runs of the
extraction job, the same bytes under two names are one document, and nothing is requested twice."""

import shutil

import dagster as dg

from orchestration.assets.extraction import documents_partitions
from orchestration.definitions import defs
from orchestration.resources import ExtractionResource, WarehouseResource
from orchestration.sensors import extract_document_job, inbox_sensor, refresh_marts_job

from .conftest import REFERENCE_PDF, SAMPLES


def evaluate(instance, inbox, warehouse, cursor=None):
    context = dg.build_sensor_context(
        instance=instance, cursor=cursor,
        resources={"extraction": ExtractionResource(inbox=str(inbox)), "warehouse": WarehouseResource(path=str(warehouse))},
    )
    return inbox_sensor(context), context.cursor


def test_new_files_become_partitions_and_extraction_runs(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(REFERENCE_PDF, inbox / "a.pdf")
    shutil.copy(REFERENCE_PDF, inbox / "same-bytes.pdf")
    shutil.copy(SAMPLES / "brookfield-renewable-bs_FY2023_fr.pdf", inbox)
    with dg.instance_for_test() as instance:
        result, cursor = evaluate(instance, inbox, tmp_path / "warehouse.duckdb")
        extraction_runs = [r for r in result.run_requests if r.job_name == extract_document_job.name]
        assert len(extraction_runs) == 2  # two documents, three files
        assert all(r.partition_key for r in extraction_runs)
        assert [r.job_name for r in result.run_requests if r not in extraction_runs] == [refresh_marts_job.name]
        (added,) = result.dynamic_partitions_requests
        assert sorted(added.partition_keys) == sorted(r.partition_key for r in extraction_runs)
        instance.add_dynamic_partitions(documents_partitions.name, list(added.partition_keys))

        again, _ = evaluate(instance, inbox, tmp_path / "warehouse.duckdb", cursor)
        assert not again.run_requests and "no new document" in again.skip_reason.skip_message


def test_the_definitions_hold_the_sensor_schedule_and_checks():
    repository = defs.get_repository_def()
    assert {s.name for s in repository.sensor_defs} == {"inbox_sensor"}
    assert {s.name for s in repository.schedule_defs} == {"daily_marts_refresh"}
    assert repository.get_job(extract_document_job.name) and repository.get_job(refresh_marts_job.name)


def test_an_inbox_file_is_hashed_again_only_when_its_size_or_time_changes(tmp_path):
    """The run and the report after it remember the inbox's hashes: an unchanged file is not read again."""
    import os

    from orchestration.inbox import scan_inbox_remembered

    inbox, memory = tmp_path / "inbox", tmp_path / "hashes.json"
    inbox.mkdir()
    pdf = inbox / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 first")
    first = scan_inbox_remembered(inbox, memory)
    stat = pdf.stat()
    pdf.write_bytes(b"%PDF-1.4 other")  # same size; its time set back: taken for the same file
    os.utime(pdf, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert scan_inbox_remembered(inbox, memory) == first
    os.utime(pdf, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    changed = scan_inbox_remembered(inbox, memory)
    assert list(changed) != list(first) and changed[next(iter(changed))] == [pdf]
