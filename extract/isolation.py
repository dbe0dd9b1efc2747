"""Run one extraction in a child process with a time and a memory limit.

pdfminer can loop or balloon on malformed files; a child process is the only way to stop it for
sure. A document that exceeds a limit, or kills its process, ends as `failed` with the reason.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
import signal
from pathlib import Path

from .document import FAILED, DocumentExtraction, extract_document, sha256_of

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["extract.document"])


def _child(path: str, memory_mb: int | None, connection) -> None:
    # pdfminer warns about every odd font (`Could not get FontBBox ...`), hundreds of lines for one
    # document; what matters for the figures is reported as page issues (extract/quality.py).
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        connection.send(extract_document(path))
    finally:
        connection.close()


def extract_isolated(path: str | Path, *, timeout_seconds: float = 300, memory_mb: int | None = 2048) -> DocumentExtraction:
    """`extract_document` in a child process; a time-out or a crash becomes a failed extraction."""
    path = Path(path)
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_child, args=(str(path), memory_mb, sender), daemon=True)
    process.start()
    sender.close()
    result = None
    timed_out = not receiver.poll(timeout_seconds)
    if not timed_out:
        try:
            result = receiver.recv()
        except EOFError:  # the child died before it could answer
            result = None
    process.join(0 if timed_out else 5)
    if process.is_alive():
        process.kill()
        process.join()
    receiver.close()
    if result is not None:
        return result
    failed = DocumentExtraction(document_id=sha256_of(path), source_file=path.name, size_bytes=path.stat().st_size, status=FAILED)
    if timed_out:
        failed.error = f"extraction took longer than the limit of {timeout_seconds:g} s and was stopped (LEDGERLINE_EXTRACTION_TIMEOUT)"
    else:
        failed.error = (
            f"the extractor process died ({_how_it_ended(process.exitcode)}); the PDF may be malformed "
            f"or need more than the {memory_mb} MB memory limit (LEDGERLINE_EXTRACTION_MEMORY_MB)"
        )
    return failed


def _how_it_ended(exitcode: int | None) -> str:
    """`killed by SIGSEGV` (a crash in a C library), `SIGKILL` (the system ran out of memory), or the exit code."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            pass
    return f"exit code {exitcode}"
