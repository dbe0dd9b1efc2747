"""One document's extraction runs in a child process: past its time or memory limit it is stopped and
recorded as failed with the reason, and the process that asked goes on."""

from extract.isolation import extract_isolated

from . import bad_pdfs


def test_a_document_over_the_time_limit_is_stopped_with_the_reason(tmp_path):
    long = bad_pdfs.long_tables_pdf(tmp_path / "long.pdf", pages=300)  # about 2 s of work
    result = extract_isolated(long, timeout_seconds=0.5)
    assert (result.status, result.error) == (
        "failed",
        "extraction took longer than the limit of 0.5 s and was stopped (LEDGERLINE_EXTRACTION_TIMEOUT)",
    )
    assert result.source_file == "long.pdf" and result.line_items == []


def test_a_document_over_the_memory_limit_is_stopped_with_the_reason(tmp_path):
    bomb = bad_pdfs.decompression_bomb_pdf(tmp_path / "bomb.pdf")  # 1 MB that inflates to 1 GiB
    result = extract_isolated(bomb, timeout_seconds=120, memory_mb=512)
    assert (result.status, result.error) == (
        "failed",
        "the PDF needs more memory to be read than the extraction memory limit allows "
        "(LEDGERLINE_EXTRACTION_MEMORY_MB; a compressed stream that inflates enormously?)",
    )


def test_within_its_limits_the_child_returns_the_extraction(tmp_path):
    result = extract_isolated(bad_pdfs.income_statement_pdf(tmp_path / "release.pdf"), timeout_seconds=60)
    assert result.status == "extracted"
    assert sorted((i.label, i.column_header, i.reported_value) for i in result.line_items) == sorted(
        (f.label, f.column_header, f.value) for f in bad_pdfs.income_statement_figures()
    )


def _extraction_processes() -> dict[int, int]:
    """pid → parent pid of the processes started from the forkserver of extract/isolation.py."""
    from pathlib import Path

    found = {}
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and b"forkserver" in (entry / "cmdline").read_bytes():
                found[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return found


def test_a_document_stopped_at_the_time_limit_leaves_no_page_reader_behind(tmp_path):
    """A long document's pages are read by two processes (extract/parallel.py): stopping the extraction
    stops both."""
    import os
    import time

    long = bad_pdfs.long_tables_pdf(tmp_path / "long.pdf", pages=1500)  # 750 pages for each process, ~5 s
    before = _extraction_processes()
    assert extract_isolated(long, timeout_seconds=2.5).status == "failed"
    time.sleep(0.5)
    left = {pid for pid, parent in _extraction_processes().items() if pid not in before and parent != os.getpid()}
    assert left == set()
