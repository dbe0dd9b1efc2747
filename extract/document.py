"""A PDF file → its financial tables and line items, with provenance; or a status and a reason.

`extract_document` never raises for a bad input: whatever goes wrong ends in a result whose status
is `failed` (or `no_tables`) with a reason a person understands.
"""

from __future__ import annotations

import calendar
import hashlib
import mmap
import re
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pdfplumber
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page

from . import __version__
from .context import BARE_DOLLAR, Unit, classify_basis, classify_scope, classify_statement, is_unit_caption, looks_french, named_dollar, read_unit, row_scales
from .integrity import Damage, UnreadablePage, check_page, guard_lookups, page_slots, repair_cross_references
from .issuer import IssuerEvidence, read_issuer_evidence
from .layout import Line, Rule, Token, group_lines, read_rules, read_tokens
from .ocr import IMAGE_WITHOUT_TEXT, OCR_PAGE, OcrPage, PageImages, engine_version, installed_languages, mark_ocr_figures, needs_ocr, ocr_page, tokens_of
from .panels import split_panels
from .periods import VARIANCE, Period, _add_months, column_role, document_year, fold, length_list, on_week_calendar, parse_period
from .quality import UNREADABLE_TEXT, page_text_issues
from .parallel import read_split
from .triage import PageTriage, triage_document
from .tables import (
    attach_detached_signs,
    FIGURE, HEADER, TEXT, Band, _between_headers, ClassifiedLine, TableBlock, build_rows, classify_lines, find_bands, find_blocks, infer_note_band, read_headers, strip_reference_codes, strip_sign_column,
)

EXTRACTED, FAILED, NO_TABLES = "extracted", "failed", "no_tables"
# Some pages could not be read (counted in `pages_unreadable`, named in the page issues): the figures
# of the others are stored, and the document never looks complete.
PARTIAL = "partial"
UNREADABLE_PAGE = "unreadable_page"
INSTANT_STATEMENTS = {"balance_sheet", "net_debt"}
MAIN_STATEMENTS = {"income_statement", "balance_sheet", "cash_flow"}
_RATE_LABEL = re.compile(r"(%|\(%\)|\bpercent(age)?|\ben %|\bin %)\s*$", re.I)
_TOTAL_LABEL = re.compile(r"^(total|sous-total|sub-total|subtotal)\b", re.I)


@dataclass
class LineItem:
    page: int
    table_index: int
    row_index: int
    column_index: int
    label: str
    section: str | None
    note: str | None
    column_header: str
    column_role: str  # 'value' | 'variance'
    value_text: str
    reported_value: Decimal | None
    value_kind: str
    printed_decimals: int
    scale: int | None
    currency: str | None
    period_type: str | None
    period_start: date | None
    period_end: date | None
    is_total: bool
    wrapped_label: bool
    x0: float
    top: float
    x1: float
    bottom: float
    # Where the figure was read: 'text_layer', or 'ocr' with the engine's confidence (0-100, its least sure word).
    source: str = "text_layer"
    ocr_confidence: float | None = None


@dataclass
class ExtractedTable:
    table_index: int
    first_page: int
    last_page: int
    caption: str | None
    unit_caption: str | None
    statement: str
    basis: str
    scope: str  # `segment` (a heading names one) or `entity`: see extract/context.py classify_scope
    scale: int | None
    currency: str | None
    row_count: int
    column_count: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class PageIssue:
    page: int
    kind: str
    detail: str


@dataclass
class DocumentExtraction:
    document_id: str
    source_file: str
    size_bytes: int
    pages: int = 0
    status: str = FAILED
    error: str | None = None
    language: str | None = None
    title: str | None = None
    issuer: IssuerEvidence = field(default_factory=IssuerEvidence)
    tables: list[ExtractedTable] = field(default_factory=list)
    line_items: list[LineItem] = field(default_factory=list)
    page_issues: list[PageIssue] = field(default_factory=list)
    pages_unreadable: int = 0
    # Pages read in depth by pdfminer; the others were found by pdfium to hold no column of figures
    # (extract/triage.py) and gave only their words to what the whole text decides.
    pages_analysed: int = 0
    # Pages read by OCR (extract/ocr.py), by page number: their words, confidences and straightening.
    ocr_pages: dict[int, OcrPage] = field(default_factory=dict)
    extracted_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    extractor_version: str = __version__

    @property
    def pages_ocr(self) -> int:
        return len(self.ocr_pages)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# File signatures of what lands in an inbox instead of a PDF. Checked before looking for a PDF header
# further in: a ZIP archive holding a PDF, stored uncompressed, shows `%PDF-` within its first bytes.
_OTHER_FORMATS = (
    (b"PK\x03\x04", "a ZIP archive (an Office document, or a PDF packed in an archive?)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file (a PDF packed in an archive?)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


def _not_a_pdf_reason(head: bytes) -> str | None:
    if not head:
        return "empty file (0 bytes): not a PDF"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-"):
        return None
    for signature, what in _OTHER_FORMATS:
        if head.startswith(signature):
            return f"not a PDF: the file is {what}"
    if b"%PDF-" in head[:1024]:  # readers accept a few bytes of junk before the header
        return None
    sniff = head[:512].lstrip().lower()
    if sniff.startswith((b"<!doctype html", b"<html")) or b"<html" in sniff:
        return "not a PDF: the file is an HTML page (a download that saved a web page?)"
    return "not a PDF: the file does not start with a PDF header"


MEMORY_REASON = (
    "the PDF needs more memory to be read than the extraction memory limit allows "
    "(LEDGERLINE_EXTRACTION_MEMORY_MB; a compressed stream that inflates enormously?)"
)


def _truncation_reason(path: Path, size: int) -> str | None:
    """A PDF ends with `%%EOF` (readers look for it in the last kilobyte). Without it the file was cut
    short, and pdfminer's recovery would silently read whatever pages survived: refuse it instead."""
    with open(path, "rb") as handle:
        handle.seek(max(0, size - 8192))
        tail = handle.read().rstrip(b"\x00 \t\r\n")
    if b"%%EOF" in tail[-1024:]:
        return None
    return (
        "truncated PDF: the file stops before the end-of-file marker every PDF ends with "
        "(an interrupted download or copy?); its last pages or objects are missing"
    )


DAMAGED_STRUCTURE = "damaged PDF: its internal structure is broken (objects missing, of the wrong kind or pointing nowhere), so it cannot be read"


def describe_open_error(error: BaseException) -> str:
    """A reason a person understands for a PDF, or a page of it, that pdfplumber/pdfminer cannot read.
    It names what is wrong with the file; the parser's own message (`Invalid dictionary construct:
    [/'MCID', ...]`, `KeyError: 5`) means nothing to a user and is left out."""
    inner = error.__cause__ or getattr(error, "args", [None])[0] or error
    name = type(inner).__name__ if isinstance(inner, BaseException) else type(error).__name__
    text = f"{name}: {inner}".lower()
    if "memoryerror" in text:  # pdfplumber wraps what pdfminer raises, a memory error included
        return MEMORY_REASON
    if "password" in text:
        return "password-protected PDF: it is encrypted and cannot be opened without its password"
    if "encrypt" in text or "algorithm" in text or "crypt filter" in text:
        return "encrypted PDF with an encryption method Ledgerline cannot read"
    if "recursion" in text:
        return "damaged PDF: its object tree is nested too deeply or refers to itself"
    if "no /root" in text or "catalog" in text:
        return "damaged PDF: its catalog, the object every PDF is read from, is missing or damaged"
    if "xref" in text or "trailer" in text:
        return "damaged PDF: its cross-reference table, which says where each object is, is damaged"
    if "font" in text:
        return "damaged PDF: a font it uses is damaged or incomplete, so the text printed in it cannot be read"
    if "unsupported" in text or "notimplemented" in text:
        return "the PDF is encoded in a way Ledgerline's PDF reader does not support, so its content cannot be read"
    if "ascii85" in text or "zlib" in text or "decod" in text or "lzw" in text or "filter" in text:
        return "damaged PDF: a compressed part of it is corrupted and cannot be decoded"
    if "eof" in text:
        return "damaged or truncated PDF: it ends in the middle of an object"
    return DAMAGED_STRUCTURE


def _decimal_comma(lines_by_page: list[list[Line]]) -> bool:
    comma = dot = 0
    for lines in lines_by_page:
        for line in lines:
            for token in line.tokens:
                text = token.text.strip("()%$€ ")
                if re.fullmatch(r"-?\d{1,3}(?:[ .\u00a0\u202f]\d{3})*,\d{1,2}", text):
                    comma += 1
                elif re.fullmatch(r"-?\d{1,3}(?:,\d{3})*\.\d{1,2}", text) or re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
                    dot += 1
    return comma > dot


# `Exercice clos le 31 décembre`, `Exercice clos le : 31/12/2024`, a title's plural `Exercices clos les
# 31 décembre`, `years ended December 31`, `fiscal year end September 30`: a year's closing, not a half's.
_YEAR_CLOSING = re.compile(r"\b(?:exercices? clos(?:e|es)? l(?:e|es)|(?:fiscal )?years? end(?:ed|ing)?)\b\s?:?\s?(.{3,20})")


def _stated_fiscal_year_end(text: str) -> tuple[int, int] | None:
    """(month, day) of the fiscal year end the document states, or None when it states none; a
    statement naming a day the month does not have (`exercice clos le 0 décembre`, a typo) is not
    one, and the next is read instead."""
    from .periods import MONTHS

    for match in _YEAR_CLOSING.finditer(fold(text)):
        words = match.group(1)
        numeric = re.match(r"(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}", words)
        named = re.match(r"(\d{1,2})(?:er)? ([a-z]+)|([a-z]+)\.? (\d{1,2})\b", words)
        if numeric:
            day, month = int(numeric.group(1)), int(numeric.group(2))
        elif named:
            day, name = (named.group(1), named.group(2)) if named.group(1) else (named.group(4), named.group(3))
            day, month = int(day), MONTHS.get(name, 0)
        else:
            continue
        # A leap year's month lengths: 29 February is a fiscal year end (periods.py clamps it to the 28th).
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]:
            return month, day
    return None


# `ETATS FINANCIERS AU 31/12/2023`, `Comptes consolidés au 31 décembre 2023`, `Financial statements as at
# 31 December 2023`, `Balance sheet as of December 31, 2023`: the day the statements are drawn up at.
_STATEMENTS_DATED = re.compile(
    r"\b(?:etats financiers|comptes (?:annuels|consolides|sociaux)|financial statements|bilans?|balance sheets?)"
    r"(?: (?:consolides?|consolidated|annuels|sociaux|de synthese))?\s+(?:au|as (?:at|of)|arretes? au)\s*:?\s*"
    r"(\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{1,2}(?:er)? [a-z]+\.? \d{4}|[a-z]+\.? \d{1,2},? \d{4})"
)


def titled_statements_date(text: str, month_first: bool) -> date | None:
    """The full date (day, month and year) a title says the statements are drawn up at, if one does."""
    for match in _STATEMENTS_DATED.finditer(fold(text)):
        period = parse_period(match.group(1), month_first=month_first)
        if period is not None:
            return period.end
    return None


def _titled_year_end(text: str, month_first: bool, annual: bool, full_years: frozenset[int]) -> tuple[int, int] | None:
    """In an annual document whose columns are fiscal years (`Exercice 2023`), statements titled as drawn up
    at a day of one of those years close that year on that day: the fiscal year end the document prints.
    A half-year's statements are drawn up at the half's end, so only an annual document is read so."""
    titled = titled_statements_date(text, month_first)
    if titled is None or not annual or titled.year not in full_years:
        return None
    return titled.month, titled.day


def _fiscal_year_end(text: str) -> tuple[int, int]:
    """The stated fiscal year end, else the calendar year's: what a bare year in a header ends on."""
    return _stated_fiscal_year_end(text) or (12, 31)


def _default_months(text: str) -> int:
    folded = fold(text[:3000])
    if re.search(r"semestriel|half[- ]year|premier semestre|first half|\bh1\b|\bs1\b|six months", folded):
        return 6
    if re.search(r"trimestriel|quarterly|\bq[1-4]\b|\bt[1-4]\b|three months|premier trimestre", folded):
        return 3
    return 12


def _context_lines(classified: list[ClassifiedLine], block: list[ClassifiedLine], floor: float) -> list[str]:
    top = min(cl.line.top for cl in block)
    above = [cl for cl in classified if floor <= cl.line.bottom <= top + 0.5 and cl.kind != "furniture" and cl not in block]
    nearest = sorted(above, key=lambda cl: -cl.line.top)
    return [cl.line.text for cl in nearest[:8] if top - cl.line.bottom < 220]


def analyse_block(
    page_number: int, block: list[ClassifiedLine], classified, floor: float, rules: list[Rule] = (), decimal_comma: bool | None = None,
) -> TableBlock | None:
    block = attach_detached_signs(strip_sign_column(block), decimal_comma)
    figure_lines = [cl for cl in block if cl.kind == FIGURE]
    if not figure_lines:
        return None
    bands = find_bands(figure_lines)
    if not bands:
        return None
    # Below the first row, a line of header words in the label column is the end of a wrapped label
    # (`Provisions ... engagements de` / `retraite`), not a header.
    first_row = block.index(figure_lines[0])
    block = [
        ClassifiedLine(cl.line, TEXT, label_tokens=list(cl.line.tokens)) if i > first_row and cl.kind == HEADER and cl.line.x1 < bands[0].x0 else cl
        for i, cl in enumerate(block)
    ]
    first_row = block.index(figure_lines[0])
    block = [
        ClassifiedLine(cl.line, HEADER, label_tokens=cl.label_tokens) if i < first_row and _between_headers(block, i) else cl
        for i, cl in enumerate(block)
    ]
    block = strip_reference_codes(block)
    label_right = bands[0].x0 - 2
    labels_end = max((t.x1 for cl in figure_lines for t in cl.label_tokens), default=label_right)
    labels_start = min((t.x0 for cl in figure_lines for t in cl.label_tokens), default=0.0)
    groups: list[list[ClassifiedLine]] = []
    previous_kind = None
    for cl in block:
        if cl.kind == HEADER:
            if previous_kind != HEADER:
                groups.append([])
            groups[-1].append(cl)
        previous_kind = cl.kind
    if block[0].kind != HEADER:
        groups.insert(0, [])
    headers, caption_left, note_band = [], [], None
    for group in groups:
        texts, caption, note = read_headers(group, bands, label_right, labels_end, rules, labels_start)
        headers.append(texts)
        caption_left.extend(caption)
        note_band = note_band or note
    note_band = note_band or infer_note_band([cl for cl in block if cl.kind == FIGURE], bands)
    if note_band is not None:
        kept = [i for i, band in enumerate(bands) if not (note_band.x0 <= band.center <= note_band.x1)]
        bands = [bands[i] for i in kept]
        headers = [[texts[i] for i in kept] for texts in headers]
        if not bands:
            return None
    rows = build_rows(block, bands, note_band)
    if not rows:
        return None
    return TableBlock(page_number, block, groups, bands, rows, headers, note_band, _context_lines(classified, block, floor), caption_left)


def _block_statement(block: TableBlock) -> str:
    title, _ = _caption(block)
    return classify_statement(title or "", [row.label for row in block.rows])


def _is_continuation(previous: TableBlock, block: TableBlock, page_height: float, previous_statement: str) -> bool:
    """A table that goes on from the previous page: no header of its own, no more columns, at the top
    of its page, after the last table of the previous page (which may end anywhere: a page is often
    broken before a section), and no title naming another statement (`PASSIF` may head the second
    half of a balance sheet; `Tableau des flux de trésorerie` after an income statement starts anew)."""
    if block.page_number != previous.page_number + 1 or any(g for g in block.header_groups):
        return False
    if len(block.bands) > len(previous.bands) or block.top > page_height * 0.35:
        return False
    return not any(is_unit_caption(text) or classify_statement(text, []) not in ("other", previous_statement) for text in block.context)


# A continued table's columns sit where the table's own did, within this many points.
_CONTINUED_COLUMN_SHIFT = 8.0
# Below this share of the page's height are its running footer and number, not its content.
_PAGE_FOOT = 0.9


def _ends_its_page(block: TableBlock, page_lines: list[Line], page_height: float) -> bool:
    """Nothing but page furniture is printed below the block."""
    return not any(line.top > block.bottom and line.bottom < page_height * _PAGE_FOOT for line in page_lines)


def _continued_columns(previous: TableBlock, block: TableBlock, previous_ends_page: bool) -> list[int] | None:
    """The column of the table above that each column of its continuation goes on, or None when the
    columns do not match. They match where they sit (a continuation may lack a column whose cells are
    all blank on its page), or, when the table above is the last thing on its page, in order: a
    typesetter that lays the continued part out as a table of its own moves every column."""
    nearest = [min(range(len(previous.bands)), key=lambda i: abs(previous.bands[i].center - band.center)) for band in block.bands]
    if all(abs(previous.bands[i].center - band.center) < _CONTINUED_COLUMN_SHIFT for i, band in zip(nearest, block.bands)):
        return nearest
    if previous_ends_page and len(block.bands) == len(previous.bands):
        return list(range(len(block.bands)))
    return None


def _numbered_as(block: TableBlock, previous: TableBlock, columns: list[int]) -> TableBlock:
    """The continuation with its cells numbered as the columns of the table it continues (headers are
    the table's, read by column number)."""
    if columns == list(range(len(previous.bands))):
        return block
    bands = list(previous.bands)
    for own, column in zip(block.bands, columns):
        bands[column] = own
    rows = [replace(row, cells=[replace(cell, column_index=columns[cell.column_index]) for cell in row.cells]) for row in block.rows]
    return replace(block, bands=bands, rows=rows)


def with_note_band(block: TableBlock, note_band: Band) -> TableBlock:
    """The block read again with the notes column of the table above it: on a continuation page the
    `Note` header is not repeated and too few rows may carry a reference to find the column alone."""
    kept = [i for i, band in enumerate(block.bands) if not (note_band.x0 <= band.center <= note_band.x1)]
    if len(kept) == len(block.bands) or not kept:
        return block
    bands = [block.bands[i] for i in kept]
    headers = [[texts[i] for i in kept] for texts in block.column_headers]
    rows = build_rows(block.lines, bands, note_band)
    return replace(block, bands=bands, column_headers=headers, rows=rows, note_band=note_band)


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(char in remaining for char in short)


def drop_cut_row(previous: TableBlock, block: TableBlock) -> None:
    """A row cut by a page break (web pages printed to PDF) leaves a sliver at the foot of one page
    and the whole row at the top of the next: same figures, the sliver's label a fragment of the
    whole one (`Sh i` / `Short-term investments`). The row is printed once; keep the whole one."""
    if not previous.rows or not block.rows:
        return
    cut, whole = previous.rows[-1], block.rows[0]
    same_figures = [c.number.value for c in cut.cells] == [c.number.value for c in whole.cells]
    fragment = cut.label.replace(" ", "")
    if same_figures and fragment and len(fragment) < len(whole.label) and _is_subsequence(fragment, whole.label.replace(" ", "")):
        previous.rows.pop()


def _is_title_like(text: str) -> bool:
    """A table title is short and is not a sentence of the surrounding prose."""
    return 2 <= len(text) <= 140 and len(text.split()) <= 12 and not text.rstrip().endswith((".", ",", ";"))


# `B.9. Emprunts ...`, `2.1 Revenue`: a heading above the sentence, not part of it.
_NUMBERED_HEADING = re.compile(r"\s*(([A-Z]|\d+)(\.\d+)*\.|\d+(\.\d+)+)\s")


def _lead_in(context: list[str]) -> str | None:
    """The sentence that introduces the table, when the line just above it ends with a colon
    (`Le tableau ci-dessous présente ... la réconciliation entre ... et le` / `Résultat avant impôts ... :`),
    its wrapped lines joined: its last line alone reads like a title and can name another statement."""
    if not context or not context[0].rstrip().endswith(":"):
        return None
    lines = [context[0]]
    for text in context[1:4]:
        if is_unit_caption(text) or text.rstrip().endswith((".", ":", ";")) or _NUMBERED_HEADING.match(text):
            break
        lines.insert(0, text)
    return " ".join(line.strip() for line in lines)


def _headings(block: TableBlock) -> list[str]:
    """The title-like lines of a table's header-left text and of the lines above it, nearest first."""
    return [text for text in block.caption_left + block.context if not is_unit_caption(text) and _is_title_like(text)]


def _caption(block: TableBlock) -> tuple[str | None, str | None]:
    """(title, unit caption) of a table from its header-left text and the lines above it."""
    unit = next((text for text in block.caption_left + block.context if is_unit_caption(text)), None)
    lead_in = _lead_in(block.context)
    if lead_in and classify_statement(lead_in, []) != "other":
        return lead_in, unit
    titles = _headings(block)
    title = next((text for text in titles if classify_statement(text, []) != "other"), None)
    return title or (titles[0] if titles else None), unit


# A date placed in time (`As of December 31, 2022`, `As at 30 June 2023`, `At 31 December 2022`, `Au 30 juin 2025`):
# a table of another kind than the statements (a note) under it states balances at that date, not flows.
_AS_AT = re.compile(r"(?:^|\s)(?:as (?:at|of)|au)\s+(?:\d|[a-z]+\.? \d)|^at\s+\d")
# With one year only: a spanning title's date (`Statement of Financial Position as of January 1, 2019`) set
# above a column's own (`Dec. 31, 2018`) does not say which the column's is.
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _column_period(header: str, statement: str, fiscal_year_end, default_months: int, month_first: bool, current_year: int | None = None):
    if column_role(header) == VARIANCE:
        return VARIANCE, None, None, None
    period = parse_period(header, fiscal_year_end=fiscal_year_end, month_first=month_first, current_year=current_year)
    if period is None:
        return "value", None, None, None
    if statement in INSTANT_STATEMENTS:
        return "value", "instant", None, period.end
    no_length = period.months is None and period.weeks is None
    if statement == "other" and no_length and _AS_AT.search(fold(header)) and len(_YEAR.findall(header)) == 1:
        return "value", "instant", None, period.end
    if no_length and length_list(header) is not None:
        # A header naming several lengths (`Three and Six Months Ended` over columns it could not be shared
        # out over): which is this column's is unknown, and a duration is not stored without its start.
        return "value", None, None, None
    if no_length:
        period = Period(period.end, default_months)  # a header naming no length: the document's
    return "value", "duration", period.start(), period.end


def _items_for_table(
    table_index: int, blocks: list[TableBlock], statement: str, unit, doc_unit, fiscal_year_end, default_months, month_first: bool,
    relative_years: dict[int, int | None] | None = None,
) -> list[LineItem]:
    items: list[LineItem] = []
    row_index = 0
    first_headers = blocks[0].column_headers
    scales = iter(row_scales([(row.label, row.headings) for block in blocks for row in block.rows], unit.scale or doc_unit.scale, unit.share_scale))
    for block in blocks:
        headers = block.column_headers if any(any(h) for h in block.column_headers) else first_headers
        for row in block.rows:
            group = min(row.header_group, len(headers) - 1)
            column_headers = headers[group] if group >= 0 else []
            if not any(column_headers):
                column_headers = next((h for h in headers if any(h)), column_headers)
            scale = next(scales)
            # A row whose label names its unit as a percentage (`Adjusted EBIT / Sales %`, `Taux (%)`)
            # holds rates even where its cells print no % sign.
            rate_row = _RATE_LABEL.search(row.label) is not None
            for cell in row.cells:
                header = column_headers[cell.column_index] if cell.column_index < len(column_headers) else ""
                role, period_type, start, end = _column_period(
                    header, statement, fiscal_year_end, default_months, month_first, (relative_years or {}).get(block.page_number)
                )
                number = cell.number
                # A variance column is a rate when its cells or its header say so (`+8%`, `Var. %`);
                # a `Variation` column of amounts stays in the table's currency and scale.
                kind = "percent" if number.kind == "percent" or rate_row or (role == VARIANCE and "%" in header) else "amount"
                items.append(
                    LineItem(
                        page=block.page_number,
                        table_index=table_index,
                        row_index=row_index,
                        column_index=cell.column_index,
                        label=row.label,
                        section=row.section,
                        note=row.note,
                        column_header=header,
                        column_role=role,
                        value_text=cell.token.text,
                        reported_value=number.value,
                        value_kind=kind,
                        printed_decimals=number.decimals,
                        scale=1 if kind == "percent" else scale,
                        currency=None if kind == "percent" else (unit.currency or doc_unit.currency),
                        period_type=period_type,
                        period_start=start,
                        period_end=end,
                        is_total=bool(_TOTAL_LABEL.match(row.label)) or not row.label,
                        wrapped_label=row.wrapped,
                        x0=round(cell.token.x0, 2),
                        top=round(cell.token.top, 2),
                        x1=round(cell.token.x1, 2),
                        bottom=round(cell.token.bottom, 2),
                    )
                )
            row_index += 1
    return items


# Words that make two columns of one period two measures (`2024 publié` beside `2024 retraité`).
_MEASURE_WORDS = re.compile(
    r"\b(restated|retraite|published|publie|reported|adjusted|ajuste|pro ?forma|ifrs|gaap|excluding|hors|"
    r"constant|organic|organique|comparable|actual|budget|brut|gross|net|amort\w*|depreciation\w*)\b"
)


def _measure_words(header: str) -> frozenset[str]:
    return frozenset(m.group(0) for m in _MEASURE_WORDS.finditer(fold(header)))


def _columns_in_doubt(first: tuple[int, int], second: tuple[int, int], kinds: dict[tuple[int, int], set]) -> set[tuple[int, int]]:
    """Of two value columns read with one period, those whose period is in doubt. A column of rates
    beside a column of amounts (`en % des ventes` next to the amounts, its own header lost) is the
    amounts' ratio, not a second figure of the period: the header phrase reached both, and only the
    rates cannot be placed. Two columns of amounts, or of rates, cannot both be right: neither is kept."""
    rates = {key for key in (first, second) if kinds[key] == {"percent"}}
    amounts = {key for key in (first, second) if "percent" not in kinds[key]}
    return rates if len(rates) == 1 and len(amounts) == 1 else {first, second}


def unknown_duplicate_periods(items: list[LineItem]) -> list[PageIssue]:
    """Two value columns of one table read with the same period, and nothing in their headers to tell
    two measures apart, cannot both be right (headers run together, a span given to the wrong columns):
    their figures lose the period rather than keep a guess, and the page says why."""
    by_column: dict[tuple[int, int], set] = {}
    headers: dict[tuple[int, int], str] = {}
    kinds: dict[tuple[int, int], set] = {}
    for item in items:
        if item.column_role == "value" and item.period_end is not None:
            key = (item.page, item.column_index)
            by_column.setdefault(key, set()).add((item.period_type, item.period_start, item.period_end))
            headers.setdefault(key, item.column_header)
            kinds.setdefault(key, set()).add(item.value_kind)
    single = {key: next(iter(periods)) for key, periods in by_column.items() if len(periods) == 1}
    clashing: set[tuple[int, int]] = set()
    keys = sorted(single)
    for index, first in enumerate(keys):
        for second in keys[index + 1:]:
            if first[0] == second[0] and single[first] == single[second] and _measure_words(headers[first]) == _measure_words(headers[second]):
                clashing |= _columns_in_doubt(first, second, kinds)
    issues: list[PageIssue] = []
    for page in sorted({page for page, _ in clashing}):
        columns = sorted(column for p, column in clashing if p == page)
        issues.append(PageIssue(
            page, "ambiguous_period",
            f"columns {', '.join(map(str, columns))} of table {items[0].table_index} were read with the same period "
            f"({single[(page, columns[0])][2]}) and nothing in their headers tells them apart: stored without a period",
        ))
    for item in items:
        if (item.page, item.column_index) in clashing:
            item.period_type = item.period_start = item.period_end = None
    return issues


def unknown_unended_periods(items: list[LineItem], balance_sheet_tables: frozenset[int] = frozenset()) -> list[PageIssue]:
    """A duration that ends after the document's latest balance-sheet date had not ended when the
    document was written (a bare year read as a whole year in a quarterly report): no period, said.
    When a balance sheet has a dated column and a column read without its date, the latest balance sheet
    is not known, and nothing is judged by it (else the current year's every column would go with it)."""
    dated, undated = set(), set()
    for item in items:
        if item.table_index in balance_sheet_tables and item.column_role == "value":
            (undated if item.period_end is None else dated).add(item.table_index)
    if dated & undated:
        return []
    instants = [item.period_end for item in items if item.period_type == "instant" and item.period_end]
    if not instants:
        return []
    latest = max(instants)
    late = [item for item in items if item.period_type == "duration" and item.period_end and (item.period_end - latest).days > 7]
    issues = [
        PageIssue(page, "impossible_period",
                  f"columns read as periods ending after the document's latest balance sheet ({latest}), which had not "
                  "ended when it was written: stored without a period")
        for page in sorted({item.page for item in late})
    ]
    for item in late:
        item.period_type = item.period_start = item.period_end = None
    return issues


def _relative_years(lines_by_page: list[list[Line]], all_text: str, month_first: bool) -> dict[int, int | None]:
    """Per page, the year `N` stands for in its headers (`31/12/N`, `N-1`): the year the document's
    closing phrase states (`Exercice clos le : 31/12/2024`), the page's own when it prints one. A page
    stating another year than the document (a form whose header was not updated) leaves N unread:
    either may be wrong."""
    document = document_year(all_text, month_first)
    years: dict[int, int | None] = {}
    for number, lines in enumerate(lines_by_page, start=1):
        own = document_year("\n".join(line.text for line in lines), month_first)
        years[number] = own if document is None else (document if own in (None, document) else None)
    return years


def _relative_year_issues(result: DocumentExtraction, relative_years: dict[int, int | None]) -> None:
    """Pages whose headers count years from N but whose N cannot be told are said in raw.page_issues."""
    pages = sorted({
        item.page for item in result.line_items
        if item.period_end is None and relative_years.get(item.page) is None and _RELATIVE_HEADER.search(fold(item.column_header))
    })
    for page in pages:
        result.page_issues.append(PageIssue(
            page, "unresolved_period",
            "its column headers count years from N (31/12/N, N-1), and the year N stands for cannot be told: the page "
            "and the document state different closing dates, or none, so its figures are stored without a period",
        ))


_RELATIVE_HEADER = re.compile(r"(?<![\w°])n(\s?-\s?\d)?(?![\w°])")


def _prior_year_end(items: list[LineItem], balance_sheet_tables: frozenset[int], annual: bool, full_years: frozenset[int] = frozenset()) -> date | None:
    """The prior fiscal year end a balance sheet prints beside its latest date, or None. Within the year
    before the latest date it is the earliest date printed (`December 31, 2018` before a `March 31, 2019`
    quarter, beside `June 30, 2019`); the same day a year earlier is a comparative, a year end only with
    nothing between and when both dates close years: in an annual document, or in one that presents the
    full year of its latest date (`T4 2025 | Exercice 2025` beside a balance sheet at 31/12/2025 and
    31/12/2024: the year 2025 ends on the balance sheet's date). `full_years`: the years of the columns
    headed by a year alone."""
    dates = {item.period_end for item in items if item.table_index in balance_sheet_tables and item.period_type == "instant" and item.period_end}
    if not dates:
        return None
    latest = max(dates)
    a_year_before = _add_months(latest, -12)
    within = sorted(day for day in dates if a_year_before < day and (latest - day).days > 7)
    if within:
        return within[0]
    closes_years = annual or latest.year in full_years
    return a_year_before if closes_years and a_year_before in dates else None


def _year_labelled(header: str, month_first: bool, current_year: int | None) -> bool:
    """A column headed by a year alone (`2025`, `Exercice 2025`, `Année 2024`, `Exercice N`): the day it
    ends on is the fiscal year end's, which the header does not print."""
    if column_role(header) == VARIANCE:
        return False
    ends = {
        getattr(parse_period(header, fiscal_year_end=year_end, month_first=month_first, current_year=current_year), "end", None)
        for year_end in ((12, 31), (6, 30))
    }
    return len(ends) == 2 and None not in ends


def year_labelled_periods(
    items: list[LineItem], statements: dict[int, str], established: tuple[int, int] | None, assumed: tuple[int, int],
    default_months: int, month_first: bool, relative_years: dict[int, int | None],
) -> list[PageIssue]:
    """A column headed by a year alone is the fiscal year ending in that year, on the fiscal year end the
    document establishes: the one it states (`Exercice clos le 31/12/2024`, `fiscal year ended June 30`),
    else the prior year end its balance sheet prints beside its latest date. Its figures were read with
    `assumed` (the stated end, else December 31): read again with the balance sheet's, or, where the
    document establishes none, stored without a period (a duration needs its start), the page saying why."""
    if established == assumed:
        return []
    unknown: set[int] = set()
    for item in items:
        if item.period_end is None or not _year_labelled(item.column_header, month_first, relative_years.get(item.page)):
            continue
        if established is None:
            if item.period_type != "duration":
                continue  # an instant has no start to place; its day is read as before (titles often name it: `Aux 31 décembre`)
            unknown.add(item.page)
            item.period_type = item.period_start = item.period_end = None
            continue
        _, item.period_type, item.period_start, item.period_end = _column_period(
            item.column_header, statements[item.table_index], established, default_months, month_first, relative_years.get(item.page),
        )
    return [
        PageIssue(page, "unknown_fiscal_year_end",
                  "columns headed by a year alone end on the fiscal year end, which the document neither states nor "
                  "prints in a balance sheet of two dates: stored without a period")
        for page in sorted(unknown)
    ]


def _is_month_end(month_day: tuple[int, int]) -> bool:
    month, day = month_day
    return day >= calendar.monthrange(2001, month)[1]  # 28 February is February's end, 29 too


def _fiscal_year_start(end: date, fiscal_year_end: tuple[int, int]) -> date:
    """The first day of the fiscal year a period ending on `end` falls in, for a year ending on (month, day)."""
    month, day = fiscal_year_end
    for year in (end.year, end.year - 1):
        year_end = date(year, month, min(day, calendar.monthrange(year, month)[1]))
        if year_end < end:
            return year_end + timedelta(days=1)
    return date(end.year - 2, month, min(day, calendar.monthrange(end.year - 2, month)[1])) + timedelta(days=1)


def _week_calendar_start(counted: date, end: date, fiscal_year_end: tuple[int, int] | None, printed_ends: set[date]) -> date | None:
    """The start of a duration ending on a weekday (`Six Months Ended July 2, 2023`) whose header gives
    months, not weeks: `counted` is its start counted in 13-week quarters. Such an end is a 52/53-week
    calendar's only when the fiscal year end itself is no month end (`September 24, 2022`); many issuers
    close their quarters on a weekday and their year on December 31, and then a year-to-date period
    starts the day after that year end, while a later quarter starts the day after an end the document
    may not print. None when the document does not establish it."""
    if counted - timedelta(days=1) in printed_ends:
        return counted  # the previous period's end is printed: the count is confirmed
    if fiscal_year_end is None:
        return None
    if _is_month_end(fiscal_year_end):
        year_start = _fiscal_year_start(end, fiscal_year_end)
        return year_start if abs((year_start - counted).days) <= 7 else None
    # On a 52/53-week calendar a quarter may be 14 weeks: a period that starts within a week of a
    # period end the document prints (the prior fiscal year's balance-sheet date) starts the day after it.
    day_before = counted - timedelta(days=1)
    near = [printed for printed in printed_ends if 0 < abs((printed - day_before).days) <= 7]
    return near[0] + timedelta(days=1) if len(near) == 1 else counted


def week_calendar_starts(items: list[LineItem], fiscal_year_end: tuple[int, int] | None) -> list[PageIssue]:
    """Durations ending on a weekday get the start the document's fiscal calendar gives them
    (`_week_calendar_start`); those whose start it does not establish are stored without a period
    (a duration needs its start), and their pages say why. A header counting weeks keeps its count."""
    printed_ends = {item.period_end for item in items if item.period_end}
    unknown: dict[int, set[date]] = {}
    for item in items:
        if item.period_type != "duration" or not item.period_start or not on_week_calendar(item.period_end):
            continue
        if re.search(r"week|semaine", fold(item.column_header)):
            continue
        start = _week_calendar_start(item.period_start, item.period_end, fiscal_year_end, printed_ends)
        if start is None:
            unknown.setdefault(item.page, set()).add(item.period_end)
            item.period_type = item.period_start = item.period_end = None
        else:
            item.period_start = start
    return [
        PageIssue(page, "unknown_period_start",
                  f"periods ending on {', '.join(map(str, sorted(ends)))} (a weekday) are counted in months, and the document "
                  "does not establish when they start (no fiscal year end stated or printed, or a quarter of a year that "
                  "ends at a month end): stored without a period")
        for page, ends in sorted(unknown.items())
    ]


def _document_unit(lines_by_page: list[list[Line]]):
    """The scale and currency most of the document's unit captions and currency marks name:
    the fallback for a table printed without a caption of its own."""
    scales: Counter = Counter()
    currencies: Counter = Counter()
    for lines in lines_by_page:
        for line in lines:
            if is_unit_caption(line.text):
                unit = read_unit(line.text)
                scales[unit.scale] += 1 if unit.scale else 0
                currencies[unit.currency] += 1 if unit.currency else 0
            for token in line.tokens:
                if token.is_currency_mark:
                    currencies[read_unit(token.text).currency] += 1
    scales.pop(None, None)
    currencies.pop(None, None)
    return Unit(
        scales.most_common(1)[0][0] if scales else None,
        currencies.most_common(1)[0][0] if currencies else None,
    )


def _with_dollar(unit: Unit, dollar: str | None) -> Unit:
    """A unit whose currency is a bare `$` takes the dollar the document names (None: it names several)."""
    return replace(unit, currency=dollar) if unit.currency == BARE_DOLLAR else unit


def _page_objects(pdf) -> list[PDFPage]:
    """The pages pdfminer finds, in order; a page tree damaged part-way yields the pages before the damage
    (the others are counted missing by `page_slots`)."""
    found: list[PDFPage] = []
    pages = PDFPage.create_pages(pdf.doc)
    while True:
        try:
            found.append(next(pages))
        except StopIteration:
            return found
        except (RecursionError, MemoryError):
            raise
        except Exception:  # noqa: BLE001 - the rest of the page tree is damaged
            return found


def _pdfplumber_page(pdf, page_object: PDFPage, number: int, doctop: float) -> Page:
    try:
        return Page(pdf, page_object, page_number=number, initial_doctop=doctop)
    except (TypeError, ValueError, KeyError) as error:  # pdfplumber reads the page's boxes first
        raise UnreadablePage("its page object is damaged: it has no valid page size (MediaBox)") from error


def _read_page(pdf, page_object: PDFPage, number: int, doctop: float, damage: Damage):
    """(tokens, height, text issues, ruling lines) of one page; `UnreadablePage` when what it prints cannot be read as printed."""
    loops_before = set(damage.reference_loops)
    try:
        content = _read_page_content(pdf, page_object, number, doctop)
    except UnreadablePage as unreadable:
        # A loop met on the way is the cause of what followed (a font read as missing, say): say the loop.
        raise _loop_met(damage, loops_before) or unreadable
    loop = _loop_met(damage, loops_before)
    if loop:
        raise loop
    return content


def _loop_met(damage: Damage, before: set[int]) -> UnreadablePage | None:
    """An object the page uses is a reference that leads back to itself: read without it, the page may be
    drawn with the wrong font or without part of its content."""
    if damage.reference_loops == before:
        return None
    loop = ", ".join(map(str, sorted(damage.reference_loops - before)))
    return UnreadablePage(f"objects it uses ({loop}) refer to each other in a loop, so its content cannot be trusted")


def _read_page_content(pdf, page_object: PDFPage, number: int, doctop: float):
    try:
        check_page(page_object)
        page = _pdfplumber_page(pdf, page_object, number, doctop)
        try:
            tokens = read_tokens(page)
            return tokens, float(page.height), page_text_issues(page, tokens), read_rules(page)
        finally:
            page.close()
    except (UnreadablePage, MemoryError):
        raise
    except Exception as error:  # noqa: BLE001 - whatever breaks in one page is a property of that page
        raise UnreadablePage(describe_open_error(error)) from error


def _file_path(pdf) -> str | None:
    path = getattr(pdf.stream, "name", None)
    return path if isinstance(path, str) else None


def _triage(pdf, page_count: int, damage: Damage) -> list[PageTriage] | None:
    """The pages worth reading in depth, for a healthy document opened from a file; None: read all."""
    path = _file_path(pdf)
    if path is None or damage.repaired_cross_references or damage.detached_pages:
        return None
    return triage_document(path, page_count)


def _read_ahead(pdf, slots, by_id, triage: list[PageTriage], damage: Damage) -> dict[int, object]:
    """The pages triage keeps, read on two cores (extract/parallel.py): number → what `_read_page`
    returns, or the `UnreadablePage` it raised. Their tops in the document come from pdfium's heights."""
    doctops, doctop = {}, 0.0
    for slot, page in zip(slots, triage):
        doctops[slot.number] = doctop
        doctop += page.height
    objects = {slot.number: by_id[slot.object_id] for slot in slots}

    def read(number: int):
        try:
            return _read_page(pdf, objects[number], number, doctops[number], damage)
        except UnreadablePage as unreadable:
            return unreadable

    deep = [slot.number for slot, page in zip(slots, triage) if page.in_depth]
    return read_split(deep, read, _file_path(pdf), pdf.stream.fileno())


def _read_pages(pdf, result: DocumentExtraction, damage: Damage) -> tuple[list[list[Line]], list[float], int, set[int], list[list[Rule]]]:
    """Every page of the document's page tree, by its number in the document: its lines (none for a page
    that cannot be read, which gets an `unreadable_page` issue saying why), its height, the number of
    characters read in all, the numbers of the pages read in depth, and the ruling lines of those. A page triage finds without a
    column of figures gives pdfium's lines instead: the whole document's text, not its tables."""
    page_objects = _page_objects(pdf)
    by_id = {page.pageid: page for page in page_objects}
    slots = page_slots(pdf.doc, list(by_id), damage)
    result.pages = len(slots)
    triage = _triage(pdf, len(slots), damage) if all(not slot.missing_reason and slot.object_id in by_id for slot in slots) else None
    read_ahead = _read_ahead(pdf, slots, by_id, triage, damage) if triage else {}
    lines_by_page: list[list[Line]] = []
    rules_by_page: list[list[Rule]] = []
    heights: list[float] = []
    in_depth: set[int] = set()
    chars_total, doctop = 0, 0.0
    images = PageImages(pdf.stream)
    for slot in slots:
        tokens, height, lines, rules = [], 0.0, None, []
        try:
            if slot.missing_reason:
                raise UnreadablePage(slot.missing_reason)
            if slot.object_id not in by_id:
                raise UnreadablePage("the page tree lists it, but it cannot be reached from the tree")
            if triage and not triage[slot.number - 1].in_depth:
                check_page(by_id[slot.object_id])  # a damaged page is reported whether read in depth or not
                lines, height = triage[slot.number - 1].lines, triage[slot.number - 1].height
            else:
                if slot.number in read_ahead:
                    content = read_ahead[slot.number]
                else:
                    content = _read_page(pdf, by_id[slot.object_id], slot.number, doctop, damage)
                if isinstance(content, UnreadablePage):
                    raise content
                tokens, height, issues, rules = content
                result.page_issues.extend(PageIssue(slot.number, kind, detail) for kind, detail in issues)
                tokens = _ocr_if_unusable(images, slot.number, tokens, issues, result)
                in_depth.add(slot.number)
        except UnreadablePage as unreadable:
            result.page_issues.append(PageIssue(slot.number, UNREADABLE_PAGE, str(unreadable)))
        if lines is None:
            lines = group_lines(tokens)
        chars_total += sum(len(t.text) for line in lines for t in line.tokens)
        lines_by_page.append(lines)
        rules_by_page.append(rules)
        heights.append(height)
        doctop += height
    images.close()
    result.pages_unreadable = len(_unreadable_pages(result))
    result.pages_analysed = len(in_depth)
    return lines_by_page, heights, chars_total, in_depth, rules_by_page


def _ocr_if_unusable(images: PageImages, number: int, tokens: list[Token], issues, result: DocumentExtraction) -> list[Token]:
    """The page's tokens read by OCR when its text layer is missing or unreadable (extract/ocr.py), the
    page named in the page issues; its text layer's tokens otherwise, or when no OCR engine is installed."""
    share, boxes = images.textless_images(number, tokens) if tokens else (0.0, [])
    reason = needs_ocr(tokens, issues, share)
    page = ocr_page(images, number, reason) if reason else None
    if page is None:
        return tokens
    if tokens and reason.startswith(IMAGE_WITHOUT_TEXT):
        # The text layer's words keep priority: OCR gives only what lies on its images without words.
        page.words = [w for w in page.words if _inside_any(w, boxes)]
    result.ocr_pages[number] = page
    confidence = f"mean word confidence {page.mean_confidence:.0f}/100" if page.words else "no word found"
    result.page_issues.append(PageIssue(
        number, OCR_PAGE, f"read by OCR ({engine_version()}, {'+'.join(images.languages or installed_languages())}; {confidence}): {reason}",
    ))
    result.page_issues.extend(
        PageIssue(number, "ambiguous_figure", f"'{word.text}' {why} and was not loaded")
        for word, why in page.doubtful
    )
    return tokens_of(page.words) if not (tokens and reason.startswith(IMAGE_WITHOUT_TEXT)) else sorted(
        tokens + tokens_of(page.words), key=lambda t: (t.top, t.x0))


def _inside_any(word, boxes) -> bool:
    middle_x, middle_y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return any(x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes)


def _unreadable_pages(result: DocumentExtraction) -> list[int]:
    return sorted({issue.page for issue in result.page_issues if issue.kind == UNREADABLE_PAGE})


def _page_list(pages: list[int]) -> str:
    return f"page{'s' if len(pages) > 1 else ''} {', '.join(map(str, pages))}"


def _unreadable_reasons(result: DocumentExtraction) -> str:
    """`pages 2, 3: <why>; page 5: <why>`: each reason once, with the pages it stopped."""
    pages_by_reason: dict[str, list[int]] = {}
    for issue in result.page_issues:
        if issue.kind == UNREADABLE_PAGE:
            pages_by_reason.setdefault(issue.detail, []).append(issue.page)
    return "; ".join(f"{_page_list(pages)}: {reason}" for reason, pages in pages_by_reason.items())


def _nothing_readable_reason(result: DocumentExtraction, damage: Damage) -> str:
    if result.pages == 0:
        return "the PDF has no pages: its page tree is empty or damaged"
    if damage.detached_pages:
        return f"the PDF's page tree lists no pages, and the page objects found apart from it cannot be read ({_unreadable_reasons(result)})"
    return f"no page could be read ({_unreadable_reasons(result)})"


def _no_text_reason(result: DocumentExtraction) -> str:
    if result.ocr_pages:
        return "no text: the PDF holds only images (a scan?), and OCR found no text in them"
    if any(issue.kind == "no_text_layer" for issue in result.page_issues):
        return "no text layer: the PDF holds only images (a scan?), and no OCR engine is installed (Tesseract: `make tesseract`)"
    return "no text: the pages hold neither text nor images (blank pages, or content that does not draw anything)"


def _partial_reason(result: DocumentExtraction, unreadable: list[int]) -> str:
    reason = (
        f"{len(unreadable)} of {result.pages} pages could not be read ({_unreadable_reasons(result)}); "
        "their figures are missing (see raw.page_issues)"
    )
    if not result.line_items:
        reason += "; no financial table was found on the other pages"
    return reason


def extract_pdf(pdf, result: DocumentExtraction, damage: Damage | None = None) -> DocumentExtraction:
    """Fill `result` from an open pdfplumber document."""
    damage = damage or Damage()
    lines_by_page, heights, chars_total, in_depth, rules_by_page = _read_pages(pdf, result, damage)
    unreadable = _unreadable_pages(result)
    if len(unreadable) == result.pages:
        result.status, result.error = FAILED, _nothing_readable_reason(result, damage)
        return result
    if chars_total == 0:
        result.status, result.error = FAILED, _no_text_reason(result)
        return result
    all_text = "\n".join(line.text for lines in lines_by_page for line in lines)
    result.language = "fr" if looks_french(all_text[:20000]) else "en"
    result.title = next((line.text for lines in lines_by_page for line in lines if len(line.text) > 12), None)
    result.issuer = read_issuer_evidence(["\n".join(line.text for line in lines) for lines in lines_by_page])
    decimal_comma = _decimal_comma(lines_by_page)
    fiscal_year_end = _fiscal_year_end(all_text)
    default_months = _default_months(all_text)
    relative_years = _relative_years(lines_by_page, all_text, month_first=result.language == "en")
    dollar = named_dollar([line.text for lines in lines_by_page for line in lines])
    doc_unit = _with_dollar(_document_unit(lines_by_page), dollar)

    blocks: list[TableBlock] = []
    for number, (lines, height) in enumerate(zip(lines_by_page, heights), start=1):
        if number not in in_depth:
            continue
        for panel in split_panels(lines):
            classified = classify_lines(panel.lines, height, decimal_comma)
            floor = 0.0
            for block_lines in find_blocks(classified):
                block = analyse_block(number, block_lines, classified, floor, rules_by_page[number - 1], decimal_comma)
                if block is not None:
                    blocks.append(block)
                    floor = block.bottom

    # Group blocks into tables, joining a table that continues on the next page.
    tables: list[list[TableBlock]] = []
    for block in blocks:
        if tables and block.note_band is None and tables[-1][-1].note_band is not None:
            block = with_note_band(block, tables[-1][-1].note_band)
        columns = None
        if tables and _is_continuation(tables[-1][-1], block, heights[block.page_number - 1], _block_statement(tables[-1][0])):
            previous = tables[-1][-1]
            ends_page = _ends_its_page(previous, lines_by_page[previous.page_number - 1], heights[previous.page_number - 1])
            columns = _continued_columns(previous, block, ends_page)
        if columns is not None:
            block = _numbered_as(block, tables[-1][-1], columns)
            drop_cut_row(tables[-1][-1], block)
            tables[-1].append(block)
        elif len(block.rows) == 1 and not any(block.header_groups):
            continue  # a lone row that continues nothing: a figure quoted in the text, not a table
        else:
            tables.append([block])

    for table_index, table_blocks in enumerate(tables):
        first = table_blocks[0]
        title, unit_caption = _caption(first)
        labels = [row.label for block in table_blocks for row in block.rows]
        statement = classify_statement(title or "", labels)
        basis = classify_basis(" ".join(filter(None, [title] + first.caption_left)), labels)
        if basis == "unknown" and statement in MAIN_STATEMENTS:
            # A primary statement that says nothing else is presented on the issuer's reporting basis.
            basis = "ifrs"
        unit = _with_dollar(read_unit(unit_caption or ""), dollar)
        items = _items_for_table(
            table_index, table_blocks, statement, unit, doc_unit, fiscal_year_end, default_months, month_first=result.language == "en",
            relative_years=relative_years,
        )
        if statement in MAIN_STATEMENTS:
            # A segment or breakdown table prints several measures per period (net sales and EBIT, current
            # and non-current) under the same period header: only a main statement has one figure a period.
            result.page_issues.extend(unknown_duplicate_periods(items))
        result.line_items.extend(items)
        for block in table_blocks:
            for row in block.rows:
                for token in row.ambiguous:
                    result.page_issues.append(PageIssue(
                        block.page_number, "ambiguous_figure",
                        f"'{token.text}' in row '{row.label}' shares a column with another figure and was not loaded",
                    ))
        last = table_blocks[-1]
        result.tables.append(
            ExtractedTable(
                table_index=table_index,
                first_page=first.page_number,
                last_page=last.page_number,
                caption=title,
                unit_caption=unit_caption,
                statement=statement,
                basis=basis,
                scope=classify_scope(_headings(first)),
                scale=unit.scale or doc_unit.scale,
                currency=unit.currency or doc_unit.currency,
                row_count=sum(len(b.rows) for b in table_blocks),
                column_count=max(len(b.bands) for b in table_blocks),
                x0=round(min(b.bands[0].x0 for b in table_blocks) if first.bands else 0, 2),
                top=round(first.top, 2),
                x1=round(max(b.bands[-1].x1 for b in table_blocks), 2),
                bottom=round(last.bottom, 2),
            )
        )
    balance_sheets = frozenset(table.table_index for table in result.tables if table.statement == "balance_sheet")
    month_first = result.language == "en"
    year_labelled = [_year_labelled(item.column_header, month_first, relative_years.get(item.page)) for item in result.line_items]
    full_years = frozenset(
        item.period_end.year for item, by_year in zip(result.line_items, year_labelled)
        if by_year and item.period_type == "duration" and item.period_end
    )
    prior_year_end = _prior_year_end(
        [item for item, by_year in zip(result.line_items, year_labelled) if not by_year], balance_sheets,
        annual=default_months == 12, full_years=full_years,
    )
    established_year_end = (
        _stated_fiscal_year_end(all_text)
        or (prior_year_end and (prior_year_end.month, prior_year_end.day))
        or _titled_year_end(all_text, month_first, annual=default_months == 12, full_years=full_years)
    )
    result.page_issues.extend(year_labelled_periods(
        result.line_items, {table.table_index: table.statement for table in result.tables}, established_year_end, fiscal_year_end,
        default_months, month_first, relative_years,
    ))
    result.page_issues.extend(week_calendar_starts(result.line_items, established_year_end))
    result.page_issues.extend(unknown_unended_periods(result.line_items, balance_sheets))
    _relative_year_issues(result, relative_years)
    mark_ocr_figures(result)
    if unreadable:
        result.status, result.error = PARTIAL, _partial_reason(result, unreadable)
    elif result.line_items:
        result.status, result.error = EXTRACTED, None
    else:
        result.status, result.error = NO_TABLES, "no financial table found: no rows of figures aligned in columns"
        garbled = sorted({issue.page for issue in result.page_issues if issue.kind in UNREADABLE_TEXT})
        if garbled:
            result.error += (
                f"; the text of page{'s' if len(garbled) > 1 else ''} {', '.join(map(str, garbled))} uses a font whose "
                "characters have no Unicode mapping (garbled font encoding), so figures printed in it cannot be read "
                "and none were guessed (see raw.page_issues)"
            )
    return result


def extract_document(path: str | Path) -> DocumentExtraction:
    """Extract one PDF. Never raises for bad input: failures end in `status='failed'` with a reason."""
    path = Path(path)
    size = path.stat().st_size
    result = DocumentExtraction(document_id=sha256_of(path), source_file=path.name, size_bytes=size)
    with open(path, "rb") as handle:
        head = handle.read(2048)
    reason = _not_a_pdf_reason(head) or _truncation_reason(path, size)
    if reason:
        result.error = reason
        return result
    try:
        pdf = pdfplumber.open(path)
        # Its file is closed directly: `pdf.close()` builds every page object again, unreadable ones included.
        with closing(pdf.stream), open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            damage = Damage()
            guard_lookups(pdf.doc, damage)
            repair_cross_references(pdf.doc, data, damage)
            return extract_pdf(pdf, result, damage)
    except RecursionError:
        result.status, result.error = FAILED, "damaged PDF: its object tree is nested too deeply or refers to itself"
    except MemoryError:
        result.status, result.error = FAILED, MEMORY_REASON
    except Exception as error:  # noqa: BLE001 - any parser failure is a property of the input file
        result.status, result.error = FAILED, describe_open_error(error)
    result.tables, result.line_items = [], []
    return result
