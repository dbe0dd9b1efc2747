"""Score the warehouse against hand-checked answer keys (tests/gold): extraction and concept mapping.

A gold row is one printed figure of a main statement: (page, label, period, value). An extracted figure
is *found with its label* when it sits on the same page with the same value (both null for a printed
dash) and the same label once whitespace, case and quote styles are unified; it is *found* (with the
right period) when, besides, its column has the key's period end and, where the key gives one, its
period start. Matching is one-to-one, so a figure extracted twice counts once.

Precision is measured over the tables the gold set covers (every extracted figure of a table holding at
least one gold figure found with its label): a figure of those tables not found with the right period
is wrong (wrong value, period or label, or not a figure at all). Recall is over all gold rows.

A figure *never printed* is one of a main-statement table whose digits are no number of its page's text
layer (see `printed_numbers`): split, merged or invented by the extraction. Counting them needs the PDFs.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
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
    # None when the key has no period_start column (older keys): the period start is then not checked;
    # empty for an instant.
    period_start: str | None = None


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
    period_start: str = ""
    source: str = "text_layer"


@dataclass
class DocumentScore:
    source_file: str
    gold: int = 0
    in_scope: int = 0
    matched: int = 0
    with_label: int = 0
    with_concept: int = 0
    # Figures of the document's main-statement tables that are no number of their page (None: PDF not found).
    never_printed: list[ExtractedFigure] | None = None
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
                period_start=row.get("period_start"),
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
               coalesce(strftime(period_end, '%Y-%m-%d'), ''), value_text, reported_value, concept, mapping_method,
               coalesce(strftime(period_start, '%Y-%m-%d'), ''), source
        FROM marts.fct_financial_facts WHERE document_id = ? AND column_role = 'value'
        ORDER BY page, table_index, row_index, column_index
        """,
        [document[0]],
    ).fetchall()
    return [ExtractedFigure(*row[:8], Decimal(row[8]) if row[8] is not None else None, *row[9:]) for row in rows]


def figures_from_extraction(extraction) -> list[ExtractedFigure]:
    """The figures of an `extract.DocumentExtraction`, to score the extractor without a warehouse."""
    statements = {table.table_index: table.statement for table in extraction.tables}
    return [
        ExtractedFigure(
            item.page, item.table_index, item.row_index, item.column_index, statements[item.table_index], item.label,
            item.period_end.isoformat() if item.period_end else "", item.value_text, item.reported_value, None, None,
            item.period_start.isoformat() if item.period_start else "", item.source,
        )
        for item in extraction.line_items
        if item.column_role == "value"
    ]


def _same_value(gold: GoldFigure, figure: ExtractedFigure) -> bool:
    if gold.value is None or figure.value is None:
        return gold.value is None and figure.value is None
    return gold.value == figure.value


def _right_period(gold: GoldFigure, figure: ExtractedFigure) -> bool:
    """The key's period end, and its period start where the key gives one (a duration of a key that has the column)."""
    return figure.period_end == gold.period_end and (not gold.period_start or figure.period_start == gold.period_start)


def _why_missed(gold: GoldFigure, figures: list[ExtractedFigure]) -> str:
    """The closest extracted figure, so a miss says what went wrong rather than only that it did."""
    same_page = [f for f in figures if f.page == gold.page]
    same_value = [f for f in same_page if _same_value(gold, f)]
    for figure in same_value:
        if comparable_label(figure.label) == comparable_label(gold.label):
            if figure.period_end == gold.period_end:
                return f"read with period start {figure.period_start or 'none'}, the key's is {gold.period_start} (column header {gold.column_header!r})"
            return f"read with period end {figure.period_end or 'none'} (column header {gold.column_header!r})"
    for figure in same_value:
        if _right_period(gold, figure):
            return f"read with label {figure.label!r}"
    same_cell = [f for f in same_page if comparable_label(f.label) == comparable_label(gold.label) and _right_period(gold, f)]
    if same_cell:
        return f"read as {same_cell[0].value_text!r}"
    return "not extracted"


def _match(gold: list[GoldFigure], extracted: list[ExtractedFigure], fits) -> list[ExtractedFigure | None]:
    """One-to-one: each gold figure takes the first unused extracted figure of its page and label that `fits` it."""
    candidates: dict[tuple, list[ExtractedFigure]] = defaultdict(list)
    for figure in extracted:
        candidates[(figure.page, comparable_label(figure.label))].append(figure)
    used: set[ExtractedFigure] = set()
    hits = []
    for figure_gold in gold:
        pool = candidates[(figure_gold.page, comparable_label(figure_gold.label))]
        hit = next((f for f in pool if f not in used and fits(figure_gold, f)), None)
        if hit is not None:
            used.add(hit)
        hits.append(hit)
    return hits


def score_document(
    source_file: str,
    gold: list[GoldFigure],
    extracted: list[ExtractedFigure] | None,
    expected_concepts: dict[tuple[str, str, str, int], str],
    *,
    check_period_start: bool = True,
) -> DocumentScore:
    """`check_period_start=False` scores periods by their end alone, as the keys did before they had starts."""
    score = DocumentScore(source_file=source_file, gold=len(gold))
    if extracted is None:
        score.missing_document = True
        score.misses = [(g, "document not in the warehouse") for g in gold]
        return score
    if not check_period_start:
        gold = [replace(g, period_start=None) for g in gold]
    with_label = _match(gold, extracted, _same_value)
    right_period = _match(gold, extracted, lambda g, f: _same_value(g, f) and _right_period(g, f))
    stem = Path(source_file).stem
    # Concepts are judged on the figures read with their label: a wrong period is the extraction's, not the mapping's.
    for figure_gold, occurrence, hit in zip(gold, occurrences(gold), with_label):
        if hit is None:
            continue
        if hit.concept:
            score.with_concept += 1
        expected = expected_concepts.get((stem, figure_gold.statement, comparable_label(figure_gold.label), occurrence))
        # A figure without a concept is counted by the concept share; a wrong concept is one that is set
        # and differs from the key (an empty key concept: no concept fits, the label is the issuer's own).
        if expected is not None and hit.concept and hit.concept != expected:
            score.wrong_concepts.append((figure_gold, expected, hit.concept or "(none)"))
    score.misses = [(g, _why_missed(g, extracted)) for g, hit in zip(gold, right_period) if hit is None]
    matched = {hit for hit in right_period if hit is not None}
    # A table read with every period wrong is still a table of the key: its figures count as wrong.
    gold_tables = {(f.page, f.table_index) for f in with_label if f is not None}
    scope = [f for f in extracted if (f.page, f.table_index) in gold_tables]
    score.in_scope = len(scope)
    score.matched = len(matched)
    score.with_label = sum(hit is not None for hit in with_label)
    score.wrong = [f for f in scope if f not in matched]
    return score


# A word that continues the number before it on its line: three digits after a thousands gap (`1 225,5`, `933)`).
_CONTINUATION = re.compile(r"^\d{3}(?:[.,]\d+)?\)?%?$")
# A thousands gap is a fraction of the glyph height; columns stand much further apart.
_THOUSANDS_GAP = 0.5


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text or "")


def printed_numbers(words: list[dict]) -> set[str]:
    """The digit strings of the numbers printed on a page, as a reader groups its words (pdfplumber
    `extract_words` dicts): a word, joined with the next ones on its line that continue it after a thin gap.
    Only whole numbers count: `14` and `000` read apart from `14 000` were never printed as such."""
    numbers, group, previous = set(), "", None
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        continues = (
            previous is not None and group
            and abs(word["top"] - previous["top"]) < 2
            and 0 <= word["x0"] - previous["x1"] <= _THOUSANDS_GAP * (word["bottom"] - word["top"])
            and _CONTINUATION.match(word["text"])
        )
        if continues:
            group += _digits(word["text"])
        else:
            numbers.add(group)
            group = _digits(word["text"])
        previous = word
    numbers.add(group)
    numbers.discard("")
    return numbers


def _page_numbers(page) -> set[str]:
    """The numbers printed on a page as two readers see them: pdfplumber's default words, and the lines
    the extraction forms from the same characters (sideways text left out, footnote markers split from
    the figure they touch: `247.8` + superscript `1`). A figure is printed when either reader finds its
    digits as one number; a figure made of two cells, a repaired digit or an invented total is in neither."""
    from extract.layout import group_lines, read_tokens

    extraction_words = [
        {"text": token.text, "x0": token.x0, "x1": token.x1, "top": token.top, "bottom": token.bottom}
        for line in group_lines(read_tokens(page)) for token in line.tokens
    ]
    return printed_numbers(page.extract_words()) | printed_numbers(extraction_words)


def never_printed(pdf: Path, figures: list[ExtractedFigure]) -> list[ExtractedFigure]:
    """The figures of main-statement tables whose digits are no number printed on their page. Figures read
    by OCR are left out: their page has no text layer to compare them with (the identities proofread them)."""
    import pdfplumber

    in_statements = [
        f for f in figures if f.statement in MAIN_STATEMENTS and _digits(f.value_text) and f.source != "ocr"
    ]
    unprinted = []
    with pdfplumber.open(pdf) as document:
        for page in sorted({f.page for f in in_statements}):
            numbers = _page_numbers(document.pages[page - 1]) if page <= len(document.pages) else set()
            unprinted += [f for f in in_statements if f.page == page and _digits(f.value_text) not in numbers]
    return unprinted


def find_pdf(source_file: str, folders: list[Path]) -> Path | None:
    return next((folder / source_file for folder in folders if (folder / source_file).is_file()), None)


def gold_files(gold_dirs: list[Path]) -> list[Path]:
    """The answer keys of these folders (not their concept keys)."""
    return [path for folder in gold_dirs for path in sorted(folder.glob("*.csv")) if path.name != "concepts.csv"]


def evaluate(warehouse: Path, gold_dirs: Path | list[Path], pdf_dirs: list[Path] = ()) -> list[DocumentScore]:
    """Score every key of `gold_dirs`; the PDFs, for the figures never printed, are looked for beside the keys,
    then in `pdf_dirs` (the inbox)."""
    gold_dirs = [gold_dirs] if isinstance(gold_dirs, Path) else list(gold_dirs)
    expected_concepts = {key: concept for folder in gold_dirs for key, concept in read_expected_concepts(folder / "concepts.csv").items()}
    connection = read_only(warehouse)
    try:
        scores = []
        for path in gold_files(gold_dirs):
            source_file = f"{path.stem}.pdf"
            extracted = read_extracted(connection, source_file)
            score = score_document(source_file, read_gold(path), extracted, expected_concepts)
            pdf = find_pdf(source_file, [path.parent, *pdf_dirs])
            if extracted is not None and pdf is not None:
                score.never_printed = never_printed(pdf, extracted)
            scores.append(score)
        return scores
    finally:
        connection.close()


def _percent(numerator: int, denominator: int) -> str:
    return f"{100 * numerator / denominator:6.2f}%" if denominator else "     -"


def report_text(scores: list[DocumentScore], *, details: bool = True) -> str:
    header = (
        f"{'document':42} {'gold':>5} {'found':>6} {'wrong':>6} {'precision':>9} {'recall':>8} {'concept':>8} {'bad concept':>11}"
        f" {'label':>6} {'unprinted':>9}"
    )
    lines = [header, "-" * len(header)]
    totals = DocumentScore(source_file="total", never_printed=[])

    def line(score: DocumentScore) -> str:
        unprinted = "-" if score.never_printed is None else str(len(score.never_printed))
        return (
            f"{score.source_file:42} {score.gold:5} {score.matched:6} {len(score.wrong):6} "
            f"{_percent(score.matched, score.in_scope):>9} {_percent(score.matched, score.gold):>8} "
            f"{_percent(score.with_concept, score.with_label):>8} {len(score.wrong_concepts):11} "
            f"{score.with_label:6} {unprinted:>9}"
        )

    for score in scores:
        lines.append(line(score))
        totals.gold += score.gold
        totals.matched += score.matched
        totals.with_label += score.with_label
        totals.in_scope += score.in_scope
        totals.with_concept += score.with_concept
        totals.wrong += score.wrong
        totals.wrong_concepts += score.wrong_concepts
        totals.never_printed += score.never_printed or []
    lines.append("-" * len(header))
    lines.append(line(totals))
    lines.append("found = gold figures read with their label, value and period (end, and start where the key has one); "
                 "label = read with their label and value, whatever the period;")
    lines.append("precision = found / figures extracted in the gold tables; recall = found / gold; "
                 "concept = share of the figures read with their label carrying a concept; bad concept = a concept other than tests/gold/concepts.csv's;")
    lines.append("unprinted = figures of the document's main-statement tables whose digits are no number of their page's text "
                 "(figures read by OCR not counted; - : its PDF was not found beside the key or in the inbox)")
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
        if score.never_printed:
            lines.append(f"\n{score.source_file}: {len(score.never_printed)} never printed (no number of their page)")
            lines += [f"  p.{f.page} table {f.table_index} {f.label!r} {f.value_text!r}" for f in score.never_printed]
    return "\n".join(lines)
