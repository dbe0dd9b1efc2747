"""Score the warehouse against hand-checked answer keys (tests/gold): extraction and concept mapping.

A gold row is one printed figure of a main statement: (page, label, period end, value). An extracted
figure matches it when it sits on the same page, in a column of the same period end, with the same
value (both null for a printed dash) and the same label once whitespace, case and quote styles are
unified. Matching is one-to-one, so a figure extracted twice counts once.

Precision is measured over the tables the gold set covers (every extracted figure of a table holding at
least one gold figure): a figure of those tables that matches no gold row is wrong (wrong value, period
or label, or not a figure at all). Recall is over all gold rows.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

from .warehouse import read_only

MAIN_STATEMENTS = ("income_statement", "balance_sheet", "cash_flow")


def comparable_label(label: str) -> str:
    """The label as a reader compares it: one space, one quote style, one dash style, no case."""
    text = unicodedata.normalize("NFKC", label or "")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"\.{3,}", " ", text)
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class GoldFigure:
    page: int
    statement: str
    label: str
    column_header: str
    period_end: str
    value_text: str
    value: Decimal | None


@dataclass(frozen=True)
class ExtractedFigure:
    page: int
    table_index: int
    row_index: int
    column_index: int
    statement: str
    label: str
    period_end: str
    value_text: str
    value: Decimal | None
    concept: str | None
    mapping_method: str | None


@dataclass
class DocumentScore:
    source_file: str
    gold: int = 0
    in_scope: int = 0
    matched: int = 0
    with_concept: int = 0
    misses: list[tuple[GoldFigure, str]] = field(default_factory=list)
    wrong: list[ExtractedFigure] = field(default_factory=list)
    wrong_concepts: list[tuple[GoldFigure, str, str]] = field(default_factory=list)
    missing_document: bool = False

    @property
    def precision(self) -> float:
        return self.matched / self.in_scope if self.in_scope else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0


def read_gold(path: Path) -> list[GoldFigure]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            GoldFigure(
                page=int(row["page"]),
                statement=row["statement"],
                label=row["label"],
                column_header=row["column_header"],
                period_end=row["period_end"],
                value_text=row["value_text"],
                value=Decimal(row["value"]) if row["value"] else None,
            )
            for row in csv.DictReader(handle)
        ]


def read_expected_concepts(path: Path) -> dict[tuple[str, str, str, int], str]:
    """(document stem, statement, comparable label, occurrence) → concept, from the hand-checked concept
    key. `occurrence` tells apart a label printed twice with two meanings (Brookfield's current and
    non-current `Provisions`): the n-th printed row with that label in the statement."""
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        return {
            (row["document"], row["statement"], comparable_label(row["label"]), int(row.get("occurrence") or 1)): row["concept"]
            for row in csv.DictReader(handle)
        }


def occurrences(gold: list[GoldFigure]) -> list[int]:
    """For each gold figure, the n-th printed row its label has in its statement (gold rows are in
    reading order: a printed row ends when the label changes or a column header comes back)."""
    numbers, counts, row, headers = [], defaultdict(int), None, set()
    for figure in gold:
        key = (figure.page, figure.statement, figure.label)
        if key != row or figure.column_header in headers:
            row, headers = key, set()
            counts[(figure.statement, figure.label)] += 1
        headers.add(figure.column_header)
        numbers.append(counts[(figure.statement, figure.label)])
    return numbers


def read_extracted(connection: duckdb.DuckDBPyConnection, source_file: str) -> list[ExtractedFigure] | None:
    document = connection.execute(
        "SELECT document_id FROM raw.document_files WHERE file_name = ? LIMIT 1", [source_file]
    ).fetchone()
    if document is None:
        return None
    rows = connection.execute(
        """
        SELECT page, table_index, row_index, column_index, statement, label,
               coalesce(strftime(period_end, '%Y-%m-%d'), ''), value_text, reported_value, concept, mapping_method
        FROM marts.fct_financial_facts WHERE document_id = ? AND column_role = 'value'
        ORDER BY page, table_index, row_index, column_index
        """,
        [document[0]],
    ).fetchall()
    return [ExtractedFigure(*row[:8], Decimal(row[8]) if row[8] is not None else None, row[9], row[10]) for row in rows]


def figures_from_extraction(extraction) -> list[ExtractedFigure]:
    """The figures of an `extract.DocumentExtraction`, to score the extractor without a warehouse."""
    statements = {table.table_index: table.statement for table in extraction.tables}
    return [
        ExtractedFigure(
            item.page, item.table_index, item.row_index, item.column_index, statements[item.table_index], item.label,
            item.period_end.isoformat() if item.period_end else "", item.value_text, item.reported_value, None, None,
        )
        for item in extraction.line_items
        if item.column_role == "value"
    ]


def _same_value(gold: GoldFigure, figure: ExtractedFigure) -> bool:
    if gold.value is None or figure.value is None:
        return gold.value is None and figure.value is None
    return gold.value == figure.value


def _why_missed(gold: GoldFigure, figures: list[ExtractedFigure]) -> str:
    """The closest extracted figure, so a miss says what went wrong rather than only that it did."""
    same_page = [f for f in figures if f.page == gold.page]
    same_value = [f for f in same_page if _same_value(gold, f)]
    for figure in same_value:
        if comparable_label(figure.label) == comparable_label(gold.label):
            return f"read with period end {figure.period_end or 'none'} (column header {gold.column_header!r})"
    for figure in same_value:
        if figure.period_end == gold.period_end:
            return f"read with label {figure.label!r}"
    same_cell = [f for f in same_page if comparable_label(f.label) == comparable_label(gold.label) and f.period_end == gold.period_end]
    if same_cell:
        return f"read as {same_cell[0].value_text!r}"
    return "not extracted"


def score_document(
    source_file: str,
    gold: list[GoldFigure],
    extracted: list[ExtractedFigure] | None,
    expected_concepts: dict[tuple[str, str, str, int], str],
) -> DocumentScore:
    score = DocumentScore(source_file=source_file, gold=len(gold))
    if extracted is None:
        score.missing_document = True
        score.misses = [(g, "document not in the warehouse") for g in gold]
        return score
    candidates: dict[tuple, list[ExtractedFigure]] = defaultdict(list)
    for figure in extracted:
        candidates[(figure.page, comparable_label(figure.label), figure.period_end)].append(figure)
    matched: set[ExtractedFigure] = set()
    stem = Path(source_file).stem
    for figure_gold, occurrence in zip(gold, occurrences(gold)):
        pool = candidates[(figure_gold.page, comparable_label(figure_gold.label), figure_gold.period_end)]
        hit = next((f for f in pool if f not in matched and _same_value(figure_gold, f)), None)
        if hit is None:
            score.misses.append((figure_gold, _why_missed(figure_gold, extracted)))
            continue
        matched.add(hit)
        if hit.concept:
            score.with_concept += 1
        expected = expected_concepts.get((stem, figure_gold.statement, comparable_label(figure_gold.label), occurrence))
        # A figure without a concept is counted by the concept share; a wrong concept is one that is set
        # and differs from the key (an empty key concept: no concept fits, the label is the issuer's own).
        if expected is not None and hit.concept and hit.concept != expected:
            score.wrong_concepts.append((figure_gold, expected, hit.concept or "(none)"))
    gold_tables = {(f.page, f.table_index) for f in matched}
    scope = [f for f in extracted if (f.page, f.table_index) in gold_tables]
    score.in_scope = len(scope)
    score.matched = len(matched)
    score.wrong = [f for f in scope if f not in matched]
    return score


def evaluate(warehouse: Path, gold_dir: Path) -> list[DocumentScore]:
    expected_concepts = read_expected_concepts(gold_dir / "concepts.csv")
    connection = read_only(warehouse)
    try:
        scores = []
        for path in sorted(gold_dir.glob("*.csv")):
            if path.name == "concepts.csv":
                continue
            source_file = f"{path.stem}.pdf"
            scores.append(score_document(source_file, read_gold(path), read_extracted(connection, source_file), expected_concepts))
        return scores
    finally:
        connection.close()


def _percent(numerator: int, denominator: int) -> str:
    return f"{100 * numerator / denominator:6.2f}%" if denominator else "     -"


def report_text(scores: list[DocumentScore], *, details: bool = True) -> str:
    header = f"{'document':42} {'gold':>5} {'found':>6} {'wrong':>6} {'precision':>9} {'recall':>8} {'concept':>8} {'bad concept':>11}"
    lines = [header, "-" * len(header)]
    totals = DocumentScore(source_file="total")
    for score in scores:
        lines.append(
            f"{score.source_file:42} {score.gold:5} {score.matched:6} {len(score.wrong):6} "
            f"{_percent(score.matched, score.in_scope):>9} {_percent(score.matched, score.gold):>8} "
            f"{_percent(score.with_concept, score.matched):>8} {len(score.wrong_concepts):11}"
        )
        totals.gold += score.gold
        totals.matched += score.matched
        totals.in_scope += score.in_scope
        totals.with_concept += score.with_concept
        totals.wrong += score.wrong
        totals.wrong_concepts += score.wrong_concepts
    lines.append("-" * len(header))
    lines.append(
        f"{'total':42} {totals.gold:5} {totals.matched:6} {len(totals.wrong):6} "
        f"{_percent(totals.matched, totals.in_scope):>9} {_percent(totals.matched, totals.gold):>8} "
        f"{_percent(totals.with_concept, totals.matched):>8} {len(totals.wrong_concepts):11}"
    )
    lines.append("precision = found / figures extracted in the gold tables; recall = found / gold; "
                 "concept = share of found figures carrying a concept; bad concept = a concept other than tests/gold/concepts.csv's")
    if not details:
        return "\n".join(lines)
    for score in scores:
        if score.missing_document:
            lines.append(f"\n{score.source_file}: not in the warehouse (run `ledgerline run` on a folder holding it)")
            continue
        if score.misses:
            lines.append(f"\n{score.source_file}: {len(score.misses)} missed")
            lines += [f"  p.{g.page} {g.label!r} {g.period_end} {g.value_text!r}: {why}" for g, why in score.misses]
        if score.wrong:
            lines.append(f"\n{score.source_file}: {len(score.wrong)} wrong (extracted, not in the gold set)")
            lines += [f"  p.{f.page} table {f.table_index} {f.label!r} {f.period_end or 'no period'} {f.value_text!r}" for f in score.wrong]
        if score.wrong_concepts:
            lines.append(f"\n{score.source_file}: {len(score.wrong_concepts)} wrong concepts")
            lines += [f"  p.{g.page} {g.label!r}: expected {expected}, got {got}" for g, expected, got in score.wrong_concepts]
    return "\n".join(lines)
