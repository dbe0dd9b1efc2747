"""Line items (and the document-level readings) of every shipped document, dumped and compared.

    python -m benchmarks.compare_line_items dump OUT.json       # extract every document, write what was read
    python -m benchmarks.compare_line_items compare A.json B.json

Used to prove that page triage (extract/triage.py) loses nothing: dump before and after, compare.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # `../shared/` beside the repository


def shipped_documents(shared: Path = SHARED) -> list[Path]:
    """data/samples, the known corpus and corpus-wide."""
    folders = [ROOT / "data" / "samples", shared / "corpus", shared / "corpus-wide"]
    return [path for folder in folders for path in sorted(folder.glob("*.pdf"))]


def _line_item_key(item) -> list:
    return [str(value) for value in dataclasses.astuple(item)]


def reading(path: Path) -> dict:
    from extract.document import extract_document

    started = time.perf_counter()
    result = extract_document(path)
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "pages": result.pages,
        "pages_analysed": getattr(result, "pages_analysed", result.pages),
        "status": result.status,
        "error": result.error,
        "title": result.title,
        "language": result.language,
        "issuer": str(result.issuer),
        "tables": [_line_item_key(table) for table in result.tables],
        "line_items": [_line_item_key(item) for item in result.line_items],
        "page_issues": [_line_item_key(issue) for issue in result.page_issues],
    }


def dump(out: Path, only: list[str]) -> None:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    readings = {}
    for path in shipped_documents():
        if only and path.name not in only:
            continue
        key = f"{path.parent.name}/{path.name}"
        readings[key] = reading(path)
        print(f"{key}: {readings[key]['pages']} pages, {readings[key]['pages_analysed']} analysed, "
              f"{len(readings[key]['line_items'])} line items, {readings[key]['seconds']} s", flush=True)
        out.write_text(json.dumps(readings, indent=1))


# Where the table number stands in a line item and in a table.
_NUMBERED = {"line_items": 1, "tables": 0}
_COMPARED = ("status", "error", "title", "language", "issuer", "tables", "line_items", "page_issues")


def compare(before: dict, after: dict) -> list[str]:
    """Every difference, one line each; empty when the two readings agree on every document."""
    differences = []
    for key in sorted(set(before) | set(after)):
        if key not in before or key not in after:
            differences.append(f"{key}: read only {'after' if key in after else 'before'}")
            continue
        for field in _COMPARED:
            a, b = before[key][field], after[key][field]
            if a == b:
                continue
            if field in _NUMBERED:  # a table less before it renumbers the tables: compare without the number
                a, b = [x[:_NUMBERED[field]] + x[_NUMBERED[field] + 1 :] for x in a], [x[:_NUMBERED[field]] + x[_NUMBERED[field] + 1 :] for x in b]
                if a == b:
                    continue
            if isinstance(a, list):
                lost = [x for x in a if x not in b]
                gained = [x for x in b if x not in a]
                differences.append(f"{key}: {field}: {len(lost)} lost, {len(gained)} gained; e.g. lost {lost[:2]} gained {gained[:2]}")
            else:
                differences.append(f"{key}: {field}: {a!r} -> {b!r}")
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--only", nargs="*", default=[])
    comparing = sub.add_parser("compare")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.out, args.only)
        return 0
    differences = compare(json.loads(args.before.read_text()), json.loads(args.after.read_text()))
    print("\n".join(differences) or "same line items, tables, page issues and document readings everywhere")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
