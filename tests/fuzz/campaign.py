"""Run mutants through the extraction as the pipeline runs it (a child process with time and memory
limits) and judge each result against the sound document it came from."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extract import DocumentExtraction, extract_document
from extract.isolation import extract_isolated

from .mutants import Mutant, Seed

# What a reason must never show: parser internals a user cannot act on.
PARSER_INTERNALS = re.compile(
    r"\b\w*(Error|Exception)\b|Errno|\[/'|/'\w|\bb'|PDFObjRef|PDFStream|<\w+ object|Traceback|KeyError|\bobjid\b"
)
NO_TEXT_LAYER = "no text layer"
PROBLEMS = ("exception", "timeout", "partial_as_complete", "invented_figures", "misleading_reason", "not_refused")


@dataclass
class Verdict:
    mutant: Mutant
    status: str
    error: str | None
    problems: list[str] = field(default_factory=list)


@cache
def _sound_extraction(seed: Seed, work_dir: Path) -> DocumentExtraction:
    path = work_dir / f"sound_{seed.name}.pdf"
    path.write_bytes(seed.data)
    return extract_document(path)


def _figures(result: DocumentExtraction) -> Counter:
    return Counter((item.page, item.label, item.column_header, item.value_text) for item in result.line_items)


def _values(result: DocumentExtraction) -> set:
    """The numbers a document prints. A mutant that lost a page may attach a figure to less context (no
    column header when the page holding it is gone, a row cut by a page break kept when the page with
    the whole row is gone): the same number with less around it. A number the sound document does not
    print at all is invented (a changed digit)."""
    return {item.reported_value for item in result.line_items}


def judge(mutant: Mutant, result: DocumentExtraction, sound: DocumentExtraction) -> list[str]:
    error = result.error or ""
    problems = []
    if error.startswith("the extractor process died"):
        problems.append("exception")  # extract_document raised (or crashed) in its child process
    if error.startswith("extraction took longer"):
        problems.append("timeout")
    if result.status == "extracted" and (result.pages < sound.pages or _figures(sound) - _figures(result)):
        problems.append("partial_as_complete")
    if result.status in ("extracted", "partial") and _values(result) - _values(sound):
        problems.append("invented_figures")
    no_images = not any(issue.kind == "no_text_layer" for issue in result.page_issues)
    if PARSER_INTERNALS.search(error) or (NO_TEXT_LAYER in error and no_images) or (result.status != "extracted" and not error):
        problems.append("misleading_reason")
    if mutant.fault == "container" and not (result.status == "failed" and error.startswith("not a PDF")):
        problems.append("not_refused")
    return problems


def run_mutant(mutant: Mutant, index: int, work_dir: Path, *, timeout_seconds: float = 60) -> Verdict:
    path = work_dir / f"mutant_{index:04d}_{mutant.fault}.pdf"
    path.write_bytes(mutant.data)
    result = extract_isolated(path, timeout_seconds=timeout_seconds, memory_mb=1024)
    verdict = Verdict(mutant, result.status, result.error, judge(mutant, result, _sound_extraction(mutant.seed, work_dir)))
    if not verdict.problems:
        path.unlink()  # kept only when something is wrong with it, to be looked at
    return verdict


def counts_per_class(verdicts: list[Verdict]) -> dict[str, Counter]:
    table: dict[str, Counter] = {}
    for verdict in verdicts:
        row = table.setdefault(verdict.mutant.fault, Counter())
        row["mutants"] += 1
        row[verdict.status] += 1
        row.update(verdict.problems)
    return table


def format_counts(table: dict[str, Counter]) -> str:
    columns = ("mutants", "extracted", "partial", "failed", "no_tables") + PROBLEMS
    widths = [max(len(c), 5) + 2 for c in columns]
    lines = [f"{'fault class':18}" + "".join(f"{c:>{w}}" for c, w in zip(columns, widths))]
    total: Counter = Counter()
    for fault, row in sorted(table.items()):
        total.update(row)
        lines.append(f"{fault:18}" + "".join(f"{row[c]:>{w}}" for c, w in zip(columns, widths)))
    lines.append(f"{'all':18}" + "".join(f"{total[c]:>{w}}" for c, w in zip(columns, widths)))
    return "\n".join(lines)
