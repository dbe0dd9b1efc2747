"""The inbox folder: which documents (by SHA-256 of their bytes) are there, under which names, and
which entries were passed over and why (a run says so instead of skipping them silently)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from extract import sha256_of


@dataclass(frozen=True)
class SkippedEntry:
    path: Path
    reason: str


def inbox_entries(inbox: Path) -> tuple[list[Path], list[SkippedEntry]]:
    """The `*.pdf` files to read, and the entries passed over with the reason. Folders behind symbolic
    links are not walked (a link to a parent folder would loop), so such links are listed as passed over."""
    files: list[Path] = []
    skipped: list[SkippedEntry] = []
    for path in sorted(inbox.rglob("*")):
        is_pdf_name = path.suffix.lower() == ".pdf"
        reason = _why_not_read(path) if is_pdf_name or path.is_symlink() else None
        if reason:
            skipped.append(SkippedEntry(path, reason))
        elif is_pdf_name:
            files.append(path)
    return files, skipped


def _why_not_read(path: Path) -> str | None:
    """None for a readable PDF file (or a link to one); else why the entry is not read."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (RuntimeError, OSError) as error:  # Python 3.11 raises RuntimeError for a loop, later versions OSError
            if isinstance(error, FileNotFoundError):
                return "a symbolic link to something that does not exist"
            return "a symbolic link loop (it leads back to itself)"
        if target.is_dir():
            if path.parent.resolve().is_relative_to(target):
                return "a symbolic link to a folder that contains it (a loop); not followed"
            return "a symbolic link to a folder; folders behind links are not read (they can loop back)"
    if path.is_dir():
        return "a folder named like a PDF, not a file (the files inside it are read)"
    if not path.is_file():
        return "not a regular file (a device, pipe or socket)"
    if not os.access(path, os.R_OK):
        return "the file cannot be read (permission denied)"
    return None


def scan_inbox(inbox: Path, known: dict[str, tuple[int, int, str]] | None = None) -> tuple[dict[str, list[Path]], dict[str, tuple[int, int, str]]]:
    """document_id → the files holding those bytes, and a (size, mtime) → hash cache to pass back next time.

    Every `*.pdf` counts, whatever its content: a `.pdf` that is not a PDF still gets a row with a reason.
    """
    known = known or {}
    documents: dict[str, list[Path]] = {}
    cache: dict[str, tuple[int, int, str]] = {}
    files, _ = inbox_entries(inbox)
    for path in files:
        stat = path.stat()
        cached = known.get(str(path))
        if cached and cached[0] == stat.st_size and cached[1] == stat.st_mtime_ns:
            digest = cached[2]
        else:
            digest = sha256_of(path)
        cache[str(path)] = (stat.st_size, stat.st_mtime_ns, digest)
        documents.setdefault(digest, []).append(path)
    return documents, cache


def scan_inbox_remembered(inbox: Path, memory: Path) -> dict[str, list[Path]]:
    """`scan_inbox`, hashing only the files that are new or changed (size, modification time) since the
    last scan remembered in the file `memory`, which is then updated: a run over 1,000 documents already
    known reads none of them, and the report written after it does not hash them again."""
    try:
        known = {path: tuple(entry) for path, entry in json.loads(memory.read_text()).items()}
    except (OSError, ValueError):  # none yet, or unreadable: everything is hashed
        known = {}
    documents, cache = scan_inbox(inbox, known)
    if cache != known:
        partial = memory.with_name(f".{memory.name}.{os.getpid()}")  # renamed over it: never half a file
        partial.write_text(json.dumps(cache))
        os.replace(partial, memory)
    return documents


def inbox_memory(warehouse: Path) -> Path:
    """Where the hashes of the inbox's files are remembered for a warehouse: beside it, hidden."""
    return warehouse.with_name(f".{warehouse.name}.inbox-hashes.json")


def document_sources(inbox: Path, warehouse: Path) -> dict[str, Path]:
    """document_id → one file of the inbox holding its bytes (none for a document no longer there)."""
    if not inbox.is_dir():
        return {}
    documents = scan_inbox_remembered(inbox, inbox_memory(warehouse))
    return {document_id: paths[0] for document_id, paths in documents.items()}
