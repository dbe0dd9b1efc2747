"""What the report shows, read from a published warehouse (read-only) into plain dataclasses."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb

# The statements a reader checks first; their tables are shown in full, figure by figure.
MAIN_STATEMENTS = ("income_statement", "balance_sheet", "cash_flow")

STATEMENT_NAMES = {
    "income_statement": "Income statement",
    "balance_sheet": "Balance sheet",
    "cash_flow": "Cash-flow statement",
    "revenue": "Revenue breakdown",
    "net_debt": "Net debt",
    "reconciliation": "Reconciliation",
    "other": "Other tables",
}

FIGURE_COLUMNS = """
    fact_id, document_id, page, table_index, row_index, column_index, label, column_header, column_role,
    value_text, reported_value, printed_decimals, value_kind, concept, statement, basis, period_type,
    period_start, period_end, scale, currency, unit_caption, x0, top, x1, bottom, source, ocr_confidence
"""


@dataclass(frozen=True)
class Figure:
    """One printed figure with where it is printed (page and box in PDF points, top-left origin)."""

    fact_id: str
    document_id: str
    page: int
    table_index: int
    row_index: int
    column_index: int
    label: str
    column_header: str
    column_role: str
    value_text: str
    reported_value: Decimal | None
    printed_decimals: int
    value_kind: str
    concept: str | None
    statement: str
    basis: str
    period_type: str | None
    period_start: date | None
    period_end: date | None
    scale: int | None
    currency: str | None
    unit_caption: str | None
    x0: float
    top: float
    x1: float
    bottom: float
    # 'text_layer', or 'ocr' (read from the page image) with the engine's confidence, 0-100.
    source: str = "text_layer"
    ocr_confidence: float | None = None

    @property
    def read_by_ocr(self) -> bool:
        return self.source == "ocr"

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


@dataclass
class Identity:
    """A failed accounting identity: the checked figure first, then the figures it is compared with."""

    check_id: str
    check_name: str
    family: str
    statement: str
    period_start: date | None
    period_end: date | None
    expected: Decimal
    actual: Decimal
    difference: Decimal
    tolerance: Decimal
    currency: str | None
    pages: str
    description: str
    figures: list[Figure]
    # Weight of each figure after the first in the sum it must equal (calculations, table totals; from dbt).
    weights: list[Decimal] = field(default_factory=list)

    @property
    def ocr_figures(self) -> list[Figure]:
        """Its figures read by OCR: a misread digit is then as likely a cause as the publication."""
        return [figure for figure in self.figures if figure.read_by_ocr]


@dataclass
class StatementTable:
    table_index: int
    statement: str
    basis: str
    caption: str | None
    unit_caption: str | None
    figures: list[Figure]

    @property
    def pages(self) -> list[int]:
        return sorted({f.page for f in self.figures})

    @property
    def columns(self) -> list[tuple[int, str]]:
        return sorted({(f.column_index, f.column_header) for f in self.figures})

    @property
    def rows(self) -> list[tuple[str, dict[int, Figure]]]:
        """(label, figure by column index) per printed row, in printed order."""
        by_row: dict[int, dict[int, Figure]] = defaultdict(dict)
        labels: dict[int, str] = {}
        for figure in self.figures:
            by_row[figure.row_index][figure.column_index] = figure
            labels[figure.row_index] = figure.label
        return [(labels[row], by_row[row]) for row in sorted(by_row)]


@dataclass(frozen=True)
class ReconciledFigure:
    """A figure of the document against the tagged filing of its period (marts.filing_reconciliation)."""

    filing_file: str
    status: str
    statement: str
    page: int
    label: str
    period_type: str | None
    period_start: date | None
    period_end: date | None
    value_text: str
    release_value: Decimal
    filing_element: str | None
    filing_value: Decimal | None
    previously_reported_value: Decimal | None
    explanation: str


@dataclass
class Document:
    document_id: str
    source_file: str
    file_names: str
    issuer: str | None
    language: str | None
    status: str
    # Why it failed, or why it is quarantined (its figures held out of the marts).
    error: str | None
    page_count: int | None
    statements_found: list[str]
    periods: list[tuple[str | None, date | None, date]]
    amount_count: int = 0
    mapped_count: int = 0
    # (passed, failed, inconclusive) per check family.
    checks: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    failed_identities: list[Identity] = field(default_factory=list)
    tables: list[StatementTable] = field(default_factory=list)
    page_issues: list[tuple[int, str, str]] = field(default_factory=list)
    # The document-level contract tests a quarantined document broke.
    quarantine_tests: str | None = None
    reconciliation: list[ReconciledFigure] = field(default_factory=list)
    # Pages read by OCR (no usable text layer): their figures are marked.
    pages_ocr: int = 0

    @property
    def failures_with_ocr(self) -> list[Identity]:
        return [identity for identity in self.failed_identities if identity.ocr_figures]

    @property
    def reconciliation_counts(self) -> dict[str, dict[str, int]]:
        """Per filing: how many figures match, mismatch, are restated or have no counterpart."""
        counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(RECONCILIATION_STATUSES, 0))
        for figure in self.reconciliation:
            counts[figure.filing_file][figure.status] += 1
        return dict(counts)

    @property
    def reconciliation_differences(self) -> list[ReconciledFigure]:
        return [f for f in self.reconciliation if f.status in ("mismatch", "restated")]

    @property
    def mapped_share(self) -> float | None:
        return self.mapped_count / self.amount_count if self.amount_count else None

    @property
    def checks_passed(self) -> int:
        return sum(counts[0] for counts in self.checks.values())

    @property
    def checks_failed(self) -> int:
        return sum(counts[1] for counts in self.checks.values())

    @property
    def checks_inconclusive(self) -> int:
        return sum(counts[2] for counts in self.checks.values())


@dataclass
class WarehouseContent:
    documents: list[Document]
    # Facts of every issuer's main concepts over time (see `issuer_series`), and the facts of failed identities.
    series_facts: list[Figure]
    failing_fact_ids: set[str]
    # Why a figure is inconsistent, for the plots: a failed identity involves it, or another document of its
    # issuer prints it otherwise (marts.figure_disagreements).
    inconsistencies: dict[str, str]
    # Top of each table's first figure row on each page: crops start above it to show the column headers.
    table_tops: dict[tuple[str, int, int], float]


def _decimal(value) -> Decimal:
    """Identity amounts are DECIMAL or DOUBLE depending on the check (figures in two scales are divided)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _figure(row: tuple) -> Figure:
    return Figure(*row)


def _figures(connection, where: str, parameters: list | None = None) -> list[Figure]:
    rows = connection.execute(
        f"select {FIGURE_COLUMNS} from marts.fct_financial_facts where {where} "
        "order by document_id, table_index, row_index, column_index",
        parameters or [],
    ).fetchall()
    return [_figure(row) for row in rows]


def _documents(connection) -> list[Document]:
    rows = connection.execute(
        """select document_id, source_file, file_names, issuer, language, extraction_status, extraction_error,
                  pages, coalesce(statements_found, ''), quarantine_tests, coalesce(pages_ocr, 0)
           from marts.dim_documents order by issuer nulls last, source_file"""
    ).fetchall()
    documents = [
        Document(
            document_id=row[0], source_file=row[1], file_names=row[2], issuer=row[3], language=row[4],
            status=row[5], error=row[6], page_count=row[7],
            statements_found=[s for s in row[8].split(", ") if s], periods=[], quarantine_tests=row[9], pages_ocr=row[10],
        )
        for row in rows
    ]
    return documents


def _attach_periods_and_mapping(connection, by_id: dict[str, Document]) -> None:
    for document_id, period_type, start, end in connection.execute(
        """select distinct document_id, period_type, period_start, period_end from marts.fct_financial_facts
           where period_end is not null order by document_id, period_end, period_start nulls first"""
    ).fetchall():
        by_id[document_id].periods.append((period_type, start, end))
    for document_id, amounts, mapped in connection.execute(
        """select document_id, count(*), count(concept) from marts.fct_financial_facts
           where value_kind = 'amount' and column_role = 'value' group by document_id"""
    ).fetchall():
        by_id[document_id].amount_count, by_id[document_id].mapped_count = amounts, mapped
    for document_id, family, passed, failed, inconclusive in connection.execute(
        """select document_id, check_family, count(*) filter (where status = 'pass'), count(*) filter (where status = 'fail'),
                  count(*) filter (where status = 'inconclusive')
           from marts.identity_results group by all order by document_id, check_family"""
    ).fetchall():
        by_id[document_id].checks[family] = (passed, failed, inconclusive)
    for document_id, page, kind, detail in connection.execute(
        "select document_id, page, kind, detail from raw.page_issues order by document_id, page"
    ).fetchall():
        if document_id in by_id:
            by_id[document_id].page_issues.append((page, kind, detail))


def _attach_failed_identities(connection, by_id: dict[str, Document]) -> set[str]:
    rows = connection.execute(
        """select check_id, document_id, check_name, check_family, statement, period_start, period_end,
                  expected, actual, difference, tolerance, currency, pages, description, fact_ids, weights
           from marts.identity_results where status = 'fail'
           order by document_id, table_index, period_end desc nulls last, check_name, column_index"""
    ).fetchall()
    fact_ids = sorted({fact_id for row in rows for fact_id in row[14]})
    figures = {f.fact_id: f for f in _figures(connection, "fact_id in (select unnest(?::varchar[]))", [fact_ids])}
    for row in rows:
        involved = [figures[fact_id] for fact_id in row[14] if fact_id in figures]
        # A sum's weights come with its figures (identity_results.weights, aligned with fact_ids), the
        # checked figure's first.
        weights = [Decimal(w) for fact_id, w in zip(row[14], row[15] or []) if fact_id in figures]
        identity = Identity(
            check_id=row[0], check_name=row[2], family=row[3], statement=row[4], period_start=row[5], period_end=row[6],
            expected=_decimal(row[7]), actual=_decimal(row[8]), difference=_decimal(row[9]), tolerance=_decimal(row[10]),
            currency=row[11], pages=row[12],
            description=row[13], figures=involved, weights=weights[1:],
        )
        by_id[row[1]].failed_identities.append(identity)
    return set(fact_ids)


RECONCILIATION_STATUSES = ("match", "mismatch", "restated", "no_counterpart")


def _attach_reconciliation(connection, by_id: dict[str, Document]) -> None:
    rows = connection.execute(
        """select document_id, filing_file, status, statement, page, label, period_type, period_start, period_end, value_text,
                  release_value, filing_element, filing_value, previously_reported_value, explanation
           from marts.filing_reconciliation order by document_id, filing_file, page, statement, label, period_end"""
    ).fetchall()
    for row in rows:
        if row[0] in by_id:
            by_id[row[0]].reconciliation.append(ReconciledFigure(*row[1:]))


def _attach_statement_tables(connection, by_id: dict[str, Document]) -> None:
    tables = connection.execute(
        """select document_id, table_index, statement, basis, caption, unit_caption from raw.tables
           where statement in (select unnest(?::varchar[])) order by document_id, table_index""",
        [list(MAIN_STATEMENTS)],
    ).fetchall()
    figures: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for figure in _figures(connection, "statement in (select unnest(?::varchar[]))", [list(MAIN_STATEMENTS)]):
        figures[(figure.document_id, figure.table_index)].append(figure)
    for document_id, table_index, statement, basis, caption, unit_caption in tables:
        if document_id in by_id and figures.get((document_id, table_index)):
            by_id[document_id].tables.append(
                StatementTable(table_index, statement, basis, caption, unit_caption, figures[(document_id, table_index)])
            )


# The concepts plotted over time for an issuer with several documents, by the name shown.
PLOTTED_CONCEPTS = {
    "Revenue": ("Revenue",),
    "Profit": ("ProfitLoss",),
    "Cash and cash equivalents": ("CashAndCashEquivalents", "CashAndCashEquivalentsAtEndOfPeriod"),
}


def _series_facts(connection) -> list[Figure]:
    concepts = [c for names in PLOTTED_CONCEPTS.values() for c in names]
    return _figures(
        connection,
        """concept in (select unnest(?::varchar[])) and value_kind = 'amount' and column_role = 'value'
           and reported_value is not null and period_end is not null and basis not in ('adjusted', 'proforma')
           and document_id in (select document_id from marts.dim_documents where issuer in (
               select issuer from marts.dim_documents where issuer is not null group by issuer having count(*) >= 2))""",
        [concepts],
    )


def _inconsistencies(connection, failing_fact_ids: set[str]) -> dict[str, str]:
    whys: dict[str, list[str]] = defaultdict(list)
    for fact_id in failing_fact_ids:
        whys[fact_id].append("a failed identity involves it")
    for fact_id, reason in connection.execute("select fact_id, reason from marts.figure_disagreements").fetchall():
        whys[fact_id].append(reason)
    return {fact_id: "; ".join(reasons) for fact_id, reasons in whys.items()}


def read_warehouse(path: Path) -> WarehouseContent:
    """Everything the report shows, in a few queries on a read-only connection."""
    with duckdb.connect(str(path), read_only=True) as connection:
        documents = _documents(connection)
        by_id = {d.document_id: d for d in documents}
        _attach_periods_and_mapping(connection, by_id)
        failing = _attach_failed_identities(connection, by_id)
        _attach_statement_tables(connection, by_id)
        _attach_reconciliation(connection, by_id)
        series = _series_facts(connection)
        table_tops = {
            (document_id, table_index, page): top
            for document_id, table_index, page, top in connection.execute(
                "select document_id, table_index, page, min(top) from raw.line_items group by all"
            ).fetchall()
        }
        inconsistencies = _inconsistencies(connection, failing)
    return WarehouseContent(
        documents=documents, series_facts=series, failing_fact_ids=failing, inconsistencies=inconsistencies, table_tops=table_tops
    )
