"""How well the extractor reads a rendering, against its answer key.

Three counts per rendering (the issue's target: every figure with its label and period, nothing
invented):

* found with label: a figure of the key read on its page, with its label and its value;
* with the right period: and with its period (type, end, and the start of a duration);
* with a wrong period: read with a period that is not theirs (worse than none: unknown beats wrong);
* never printed: extracted figures whose text is not on their page at all (an invented number).

``reference_key`` builds the key of the reference release (data/samples/reference_content.py) for
a PDF typeset by anyone: the periods come from the content, each row's page from the printed PDF.
"""

from __future__ import annotations

import importlib
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pdfplumber

from orchestration.evaluation import comparable_label

from .generator import ExpectedFigure

SAMPLES = Path(__file__).resolve().parents[2] / 'data' / 'samples'


@dataclass
class Measure:
    figures: int = 0
    with_label: int = 0
    with_period: int = 0
    wrong_period: int = 0
    never_printed: int = 0
    misses: list[str] = field(default_factory=list)  # one line per figure not read right, then per invented one

    @property
    def complete(self) -> bool:
        return self.with_label == self.with_period == self.figures and not self.never_printed

    def summary(self) -> str:
        return (f'{self.with_label}/{self.figures} with label, {self.with_period}/{self.figures} with the right period, '
                f'{self.wrong_period} with a wrong one, {self.never_printed} never printed')


def _squeezed(text: str) -> str:
    """Text as compared with a page's: NFKC, no whitespace, one apostrophe."""
    return re.sub(r'\s+', '', unicodedata.normalize('NFKC', text).replace('\u2019', "'"))


def key_figures_not_on_their_page(key: list[ExpectedFigure], pdf_path: Path) -> list[ExpectedFigure]:
    """The key's period figures (those ``measure`` counts) whose text is not on the page the key gives.
    (A variance may be cut by its typesetter: LibreOffice wraps '+213,0 %' in a narrow column.)"""
    pages = _page_texts(pdf_path)
    return [f for f in key if f.period_type
            and (f.page > len(pages) or _squeezed(f.value_text) not in pages[f.page - 1])]


def _page_texts(pdf_path: Path) -> list[str]:
    with pdfplumber.open(pdf_path) as pdf:
        return [_squeezed(page.extract_text() or '') for page in pdf.pages]


def _page_words(pdf_path: Path) -> list[set[str]]:
    with pdfplumber.open(pdf_path) as pdf:
        return [{_squeezed(w['text']) for w in page.extract_words()} for page in pdf.pages]


def _printed(value_text: str, text: str, words: set[str]) -> bool:
    """On the page as one piece, or as a figure wrapped in a cell too narrow for it: two words of the page
    that make it (`11,` over `0`, `+213,0` over `%`)."""
    value = _squeezed(value_text)
    return value in text or any(value[:k] in words and value[k:] in words for k in range(1, len(value)))


def measure(key: list[ExpectedFigure], extraction, pdf_path: Path) -> Measure:
    """The key's period figures (variance columns aside) against an ``extract.DocumentExtraction``."""
    figures = [f for f in key if f.period_type]
    items = [i for i in extraction.line_items if i.column_role == 'value']
    by_cell: dict[tuple, list] = {}
    for item in items:
        by_cell.setdefault((item.page, comparable_label(item.label)), []).append(item)
    result = Measure(figures=len(figures))
    labelled, periods = set(), set()
    for figure in figures:
        pool = [i for i in by_cell.get((figure.page, comparable_label(figure.label)), [])
                if _same_value(figure.value, i.reported_value)]
        right = next((i for i in pool if id(i) not in periods and _same_period(figure, i)), None)
        found = right or next((i for i in pool if id(i) not in labelled), None)
        if found is None:
            result.misses.append(f'p.{figure.page} {figure.label!r} {figure.column_header!r} {figure.value_text}: not read')
            continue
        labelled.add(id(found))
        result.with_label += 1
        if right is not None:
            periods.add(id(right))
            result.with_period += 1
        else:
            result.wrong_period += found.period_end is not None
            result.misses.append(
                f'p.{figure.page} {figure.label!r} {figure.column_header!r} {figure.value_text}: read with period '
                f'{found.period_type} {found.period_start}..{found.period_end} (column header {found.column_header!r}), '
                f'key {figure.period_type} {figure.period_start}..{figure.period_end}')
    pages, words = _page_texts(pdf_path), _page_words(pdf_path)
    for item in extraction.line_items:
        if not _printed(item.value_text, pages[item.page - 1], words[item.page - 1]):
            result.never_printed += 1
            result.misses.append(f'p.{item.page} {item.label!r} {item.value_text!r}: never printed on its page')
    return result


def _same_value(expected: Decimal | None, read) -> bool:
    if expected is None or read is None:
        return expected is None and read is None
    return Decimal(str(read)) == expected


def _same_period(figure: ExpectedFigure, item) -> bool:
    return (item.period_type == figure.period_type and item.period_end == figure.period_end
            and (figure.period_type != 'duration' or item.period_start == figure.period_start))


# ----------------------------------------------------------------- reference release


def reference_modules():
    """data/samples' content and HTML builder (scripts beside the PDF, not a package)."""
    if str(SAMPLES) not in sys.path:
        sys.path.insert(0, str(SAMPLES))
    return importlib.import_module('reference_content'), importlib.import_module('build_reference_html')


def printed_value(text: str) -> Decimal | None:
    """A figure of the reference release as its text means it (French; its one '0.8' with a point too)."""
    body = text.replace('%', '').strip()
    if body in ('-', ''):
        return None
    negative = body.startswith(('(', '-'))
    body = body.strip('()+-').replace(' ', '').replace(',', '.')
    return -Decimal(body) if negative else Decimal(body)


def reference_tables(content):
    """(source page, table) of every table of the release, in reading order."""
    for number, page in enumerate(content.PAGES, start=1):
        for block in page():
            if isinstance(block, content.AtPageFoot):
                yield number, block.table
            elif isinstance(block, content.FinancialTable):
                yield number, block


def reference_key(pdf_path: Path) -> list[ExpectedFigure]:
    """Every figure of the release's tables, its page found in ``pdf_path``: each row is looked for
    (the end of its label, then its first figure) after the previous row, so a page that overflowed
    in another typesetter moves the rows after it."""
    content, _ = reference_modules()
    pages = _page_texts(pdf_path)
    cursor = (0, 0)  # page index, offset in its squeezed text
    figures = []
    statements = {8: 'income_statement', 9: 'balance_sheet', 10: 'cash_flow'}
    header_of = {}
    for source_page, table in reference_tables(content):
        if table.header:  # the page-5 continuation keeps its page-4 header
            header_of = _column_headers(table)
        for row in table.rows:
            if row.kind == 'spacer':
                continue
            label = row.label.replace('\n', ' ')
            first = next((v for v in row.values if v), '')
            tail_and_figure = _squeezed(row.label.split('\n')[-1])[-20:] + _squeezed(first)
            try:
                page, cursor = _locate(pages, cursor, tail_and_figure, label)
            except LookupError:  # the typesetter set the figures beside another line of the label
                page, cursor = _locate(pages, cursor, _squeezed(label)[:20], label)
            for column, (text, period) in enumerate(zip(row.values, table.periods), start=1):
                if not text:
                    continue
                figures.append(ExpectedFigure(
                    page=page + 1, statement=statements.get(source_page, 'other'),
                    label=label, column_header=header_of.get(column, ''), period_end=period.end,
                    period_type=period.period_type, value_text=text, value=printed_value(text),
                    value_kind='percent' if text.endswith('%') else 'amount', period_start=period.start,
                ))
    return figures


def _column_headers(table) -> dict[int, str]:
    headers = {}
    for column in range(1, len(table.widths)):
        lines = []
        for r, header_row in enumerate(table.header):
            spanning = next((header_row[c0] for (c0, r0), (c1, _) in table.spans if r0 == r and c0 <= column <= c1), None)
            text = spanning if spanning is not None else header_row[column]
            lines += [line for line in text.split('\n') if line]
        headers[column] = ' '.join(lines)
    return headers


def _locate(pages: list[str], cursor: tuple[int, int], needle: str, label: str) -> tuple[int, tuple[int, int]]:
    page, offset = cursor
    for index in range(page, len(pages)):
        found = pages[index].find(needle, offset if index == page else 0)
        if found >= 0:
            return index, (index, found + len(needle))
    raise LookupError(f'row {label!r} ({needle!r}) not found after page {page + 1}')
