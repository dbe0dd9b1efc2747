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
