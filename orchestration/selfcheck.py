"""`ledgerline eval --unlabelled`: the signs of a bad extraction that need no answer key.

For each document of a warehouse: the share of main-statement figures without a period, the tables where
two value columns carry the same period and basis, the columns whose period contradicts the document's
own periods, the identity checks passed / failed / inconclusive, which main concepts were found, and
(when its PDF is at hand) the figures whose digits are no number printed on their page.

A column contradicts the document when
- it is a balance-sheet date that is neither the end of one of the document's duration columns nor the day
  before one starts (an opening balance): a balance sheet stands at a period end of the document;
- it is a duration ending after the document's latest balance-sheet date: the document's flows end where
  its balance sheet stands;
- it ends after the document was extracted: a period that has not happened (a misread year).
The first two need both kinds of column in the document; without them nothing is claimed. (A PDF's own
CreationDate would bound the periods closer, but it is often a placeholder: the reference release says 2000.)
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import duckdb

from .evaluation import MAIN_STATEMENTS, ExtractedFigure, find_pdf, never_printed, read_extracted

# The main concepts a usable extraction of a set of statements finds: (wide mart, column, name shown).
MAIN_CONCEPTS = (
    ("income_statement", "revenue", "revenue"),
    ("income_statement", "profit_loss", "net income"),
    ("balance_sheet", "total_assets", "total assets"),
    ("cash_flow", "net_cash_from_operating_activities", "operating cash flow"),
    ("cash_flow", "cash_at_end_of_period", "closing cash"),
)


@dataclass(frozen=True)
class Column:
    page: int
    table_index: int
    column_index: int
    statement: str
    period_type: str | None
    period_start: date | None
    period_end: date | None
    basis: str | None
    header: str

    def describe(self) -> str:
        period = f"{self.period_start} to {self.period_end}" if self.period_start else f"{self.period_type or 'period'} {self.period_end}"
        return f"p.{self.page} table {self.table_index} column {self.column_index} {self.header!r} ({self.statement}, {period})"


@dataclass
class DocumentSignals:
    source_file: str
    status: str
    figures: int = 0
    without_period: int = 0
    same_period_tables: list[str] = field(default_factory=list)
    contradicting_columns: dict[Column, list[str]] = field(default_factory=dict)
    checks: dict[str, int] = field(default_factory=dict)
    concepts_found: list[str] = field(default_factory=list)
    concepts_missing: list[str] = field(default_factory=list)
    never_printed: list[ExtractedFigure] | None = None

    @property
    def share_without_period(self) -> float | None:
        return self.without_period / self.figures if self.figures else None


@contextmanager
def open_warehouse(path: Path):
    """A read-only connection under the published warehouse's catalog name, whichever file holds it: the
    wide marts are views that name their catalog, and an unpublished working copy has another file name."""
    catalog = path.name.split(".")[0]
    connection = duckdb.connect()
    try:
        connection.execute(f"ATTACH '{path}' AS \"{catalog}\" (READ_ONLY)")
        connection.execute(f'USE "{catalog}"')
        yield connection
    finally:
        connection.close()


def _main_statement_columns(connection, document_id: str) -> list[Column]:
    rows = connection.execute(
        f"""
        SELECT DISTINCT page, table_index, column_index, statement, period_type, period_start, period_end, basis,
               coalesce(column_header, '')
        FROM raw.line_items
        WHERE document_id = ? AND column_role = 'value' AND statement IN {MAIN_STATEMENTS}
        ORDER BY page, table_index, column_index
        """,
        [document_id],
    ).fetchall()
    return [Column(*row) for row in rows]


def same_period_tables(columns: list[Column]) -> list[str]:
    """Tables with two value columns of one period and basis: one of them was given a period it does not have."""
    by_period: dict[tuple, set[int]] = defaultdict(set)
    for column in columns:
        if column.period_end is not None:
            by_period[(column.page, column.table_index, column.period_type, column.period_start, column.period_end, column.basis)].add(column.column_index)
    return [
        f"p.{page} table {table}: columns {', '.join(map(str, sorted(indexes)))} all {start or ''}{' to ' if start else ''}{end} ({basis or 'no basis'})"
        for (page, table, _, start, end, basis), indexes in by_period.items()
        if len(indexes) > 1
    ]


def contradicting_columns(columns: list[Column], extracted_on: date | None) -> dict[Column, list[str]]:
    """Each column whose period contradicts the document's own, with the reasons."""
    durations = [c for c in columns if c.period_type == "duration" and c.period_end is not None]
    instants = [c for c in columns if c.statement == "balance_sheet" and c.period_end is not None]
    period_ends = {c.period_end for c in durations} | {c.period_start - timedelta(days=1) for c in durations if c.period_start}
    found: dict[Column, list[str]] = defaultdict(list)
    if durations:
        for column in instants:
            if column.period_end not in period_ends:
                found[column].append("a balance-sheet date that is no period end of the document")
    if instants:
        latest_balance = max(c.period_end for c in instants)
        for column in durations:
            if column.period_end > latest_balance:
                found[column].append(f"ends after the document's latest balance sheet ({latest_balance})")
    if extracted_on is not None:
        for column in columns:
            if column.period_end is not None and column.period_end > extracted_on:
                found[column].append(f"ends after the document was extracted ({extracted_on})")
    return dict(found)


def _concepts(connection, document_id: str) -> tuple[list[str], list[str]]:
    found, missing = [], []
    for mart, column, name in MAIN_CONCEPTS:
        (count,) = connection.execute(f"SELECT count({column}) FROM marts.{mart} WHERE document_id = ?", [document_id]).fetchone()
        (found if count else missing).append(name)
    return found, missing


def document_signals(connection, document_id: str, source_file: str, status: str, extracted_on: date | None, pdf: Path | None) -> DocumentSignals:
    signals = DocumentSignals(source_file=source_file, status=status)
    signals.figures, signals.without_period = connection.execute(
        f"""SELECT count(*), count(*) FILTER (WHERE period_end IS NULL) FROM raw.line_items
            WHERE document_id = ? AND column_role = 'value' AND statement IN {MAIN_STATEMENTS}""",
        [document_id],
    ).fetchone()
    columns = _main_statement_columns(connection, document_id)
    signals.same_period_tables = same_period_tables(columns)
    signals.contradicting_columns = contradicting_columns(columns, extracted_on)
    signals.checks = dict(connection.execute(
        "SELECT status, count(*) FROM marts.identity_results WHERE document_id = ? GROUP BY status", [document_id]
    ).fetchall())
    signals.concepts_found, signals.concepts_missing = _concepts(connection, document_id)
    if pdf is not None and status == "extracted":
        signals.never_printed = never_printed(pdf, read_extracted(connection, source_file) or [])
    return signals


def self_check(warehouse: Path, pdf_dirs: list[Path] = ()) -> list[DocumentSignals]:
    with open_warehouse(warehouse) as connection:
        documents = connection.execute(
            "SELECT document_id, source_file, status, extracted_at::date FROM raw.documents ORDER BY source_file"
        ).fetchall()
        return [
            document_signals(connection, document_id, source_file, status, extracted_on, find_pdf(source_file, list(pdf_dirs)))
            for document_id, source_file, status, extracted_on in documents
        ]


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def self_check_text(signals: list[DocumentSignals], *, details: bool = True) -> str:
    header = (
        f"{'document':42} {'status':9} {'figures':>7} {'no period':>9} {'same-period':>11} {'contradict':>10} "
        f"{'pass':>4} {'fail':>4} {'inconcl':>7} {'concepts':>8} {'unprinted':>9}  missing concepts"
    )
    lines = [header, "-" * len(header)]
    total = DocumentSignals("total", "", checks=defaultdict(int), never_printed=[])
    for s in signals:
        unprinted = "-" if s.never_printed is None else str(len(s.never_printed))
        lines.append(
            f"{s.source_file:42} {s.status:9} {s.figures:7} {_share(s.without_period, s.figures):>9} {len(s.same_period_tables):11} "
            f"{len(s.contradicting_columns):10} {s.checks.get('pass', 0):4} {s.checks.get('fail', 0):4} {s.checks.get('inconclusive', 0):7} "
            f"{len(s.concepts_found):>4}/{len(MAIN_CONCEPTS)}   {unprinted:>9}  {', '.join(s.concepts_missing)}"
        )
        total.figures += s.figures
        total.without_period += s.without_period
        total.same_period_tables += s.same_period_tables
        for status, count in s.checks.items():
            total.checks[status] += count
        total.concepts_found += s.concepts_found
        total.never_printed += s.never_printed or []
    lines.append("-" * len(header))
    lines.append(
        f"{'total':42} {'':9} {total.figures:7} {_share(total.without_period, total.figures):>9} {len(total.same_period_tables):11} "
        f"{sum(len(s.contradicting_columns) for s in signals):10} {total.checks['pass']:4} {total.checks['fail']:4} {total.checks['inconclusive']:7} "
        f"{len(total.concepts_found):>4}/{len(MAIN_CONCEPTS) * len(signals)} {len(total.never_printed):>9}"
    )
    lines.append("figures = values of main-statement tables (income statement, balance sheet, cash flow); no period = share of them without a period;")
    lines.append("same-period = tables with two value columns of one period and basis; contradict = columns whose period contradicts the document's own;")
    lines.append("pass / fail / inconcl = identity checks; concepts = of " + ", ".join(name for _, _, name in MAIN_CONCEPTS) + ";")
    lines.append("unprinted = figures whose digits are no number of their page's text (figures read by OCR not counted; - : PDF not at hand)")
    if not details:
        return "\n".join(lines)
    for s in signals:
        notes = [f"  same period: {t}" for t in s.same_period_tables] + [
            f"  contradicts: {column.describe()}: {'; '.join(reasons)}" for column, reasons in s.contradicting_columns.items()
        ]
        notes += [f"  never printed: p.{f.page} table {f.table_index} {f.label!r} {f.value_text!r}" for f in s.never_printed or []]
        if notes:
            lines.append(f"\n{s.source_file}:")
            lines += notes
    return "\n".join(lines)
