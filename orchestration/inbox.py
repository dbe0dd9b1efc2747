"""The inbox folder: which documents (by SHA-256 of their bytes) are there, under which names."""

from __future__ import annotations

from pathlib import Path

from extract import sha256_of


def scan_inbox(inbox: Path, known: dict[str, tuple[int, int, str]] | None = None) -> tuple[dict[str, list[Path]], dict[str, tuple[int, int, str]]]:
    """document_id → the files holding those bytes, and a (size, mtime) → hash cache to pass back next time.

    Every `*.pdf` counts, whatever its content: a `.pdf` that is not a PDF still gets a row with a reason.
    """
    known = known or {}
    documents: dict[str, list[Path]] = {}
    cache: dict[str, tuple[int, int, str]] = {}
    for path in sorted(p for p in inbox.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"):
        stat = path.stat()
        cached = known.get(str(path))
        if cached and cached[0] == stat.st_size and cached[1] == stat.st_mtime_ns:
            digest = cached[2]
        else:
            digest = sha256_of(path)
        cache[str(path)] = (stat.st_size, stat.st_mtime_ns, digest)
        documents.setdefault(digest, []).append(path)
    return documents, cache


def document_sources(inbox: Path) -> dict[str, Path]:
    """document_id → one file of the inbox holding its bytes (none for a document no longer there)."""
    if not inbox.is_dir():
        return {}
    documents, _ = scan_inbox(inbox)
    return {document_id: paths[0] for document_id, paths in documents.items()}
