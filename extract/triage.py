"""Which pages of a long document are worth reading in depth, decided from pdfium's text.

pdfminer's reading of a page (extract/layout.py) costs ~70× what pdfium's does. An annual report is
mostly prose, covers and pictures: only pages whose figures stand in columns can hold a financial
table. pdfium's characters and their boxes tell those pages apart cheaply; they also give the words of
the pages not read in depth, so that what the whole document's text decides (title, language, issuer,
fiscal year end, unit, decimal comma: extract/document.py) still sees every page.

The words are formed as `read_tokens` forms pdfplumber's (a word ends at a blank or at a gap wider than
`WORD_GAP`); the figures of a column share a right edge (or a left edge, or a centre) on several lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .layout import LINE_GAP, WORD_GAP, Line, Token, _split_glued_leader, group_lines

# Documents shorter than this are read in depth whole: a release's pages nearly all hold tables, and a
# short document costs little; triage is for half-year and annual reports.
MIN_PAGES_FOR_TRIAGE = 20
# The first pages are always read in depth: the title and the words that tell a half-year from a
# year (`_default_months` reads the first 3,000 characters) come from them.
LEADING_PAGES_IN_DEPTH = 1
# Figures whose edges lie this close (points) on different lines stand in one column.
COLUMN_TOLERANCE = 2.0
# A column of figures: this many figures aligned on different lines (a header year and one row of a
# one-row table are two).
MIN_ALIGNED_FIGURES = 2
# A figure is a table cell when the words beside it stand further than this many font sizes away.
CELL_GAP_EM = 1.0

_FIGURE = re.compile(r"^[(\-\u2212\u2013+]?[$€£¥]?\d[\d.,\s]*\)?\s?%?$")
# What a text layer that cannot be read as printed shows in pdfium (see extract/quality.py): such a
# page is read in depth, so that its issue is reported as today.
_SUSPECT_CHARACTERS = re.compile("[\ufffd\x00\ue000-\uf8ff]")


@dataclass
class PageTriage:
    """One page as pdfium reads it: its words in lines, and whether it must be read in depth."""

    lines: list[Line] = field(default_factory=list)
    in_depth: bool = True
    why: str = ""
    height: float = 0.0


def _words(textpage) -> list[Token]:
    """pdfium's characters grouped into words: a blank, a new line or a gap wider than `WORD_GAP` ends one."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the basic plane: boxes and text no longer line up
        raise ValueError("pdfium's text and characters differ in length")
    tokens: list[Token] = []
    chars: list[str] = []
    x0 = x1 = top = bottom = 0.0
    height = textpage.page.get_height()

    def flush():
        if chars:
            word = "".join(chars).replace("\x00", "\ufffd")
            tokens.extend(_split_glued_leader(Token(word, x0, x1, top, bottom, bottom - top)))
            chars.clear()

    for index, char in enumerate(text):
        if char.isspace():
            flush()
            continue
        left, low, right, high = textpage.get_charbox(index, loose=True)
        char_top, char_bottom = height - high, height - low
        if chars and (left - x1 > WORD_GAP or abs(char_bottom - bottom) > LINE_GAP or left < x0 - WORD_GAP):
            flush()
        if not chars:
            x0, top, bottom = left, char_top, char_bottom
        chars.append(char)
        x1 = max(x1, right) if len(chars) > 1 else right
        top, bottom = min(top, char_top), max(bottom, char_bottom)
    flush()
    return tokens


def figure_cells(lines: list[Line]) -> list[tuple[float, Token]]:
    """(line top, figure) of each figure standing apart like a table cell: the words beside it, if any,
    are more than `CELL_GAP_EM` font sizes away (in prose a figure is one word among words), or are
    figures themselves (narrow columns: `23.9% -31.1%`)."""
    cells = []
    for line in lines:
        tokens = line.tokens
        for index, token in enumerate(tokens):
            if not _FIGURE.match(token.text):
                continue
            gap = CELL_GAP_EM * max(token.size, 1.0)
            before_clear = index == 0 or token.x0 - tokens[index - 1].x1 > gap or _FIGURE.match(tokens[index - 1].text)
            after_clear = index == len(tokens) - 1 or tokens[index + 1].x0 - token.x1 > gap or _FIGURE.match(tokens[index + 1].text)
            if before_clear and after_clear:
                cells.append((round(line.top, 1), token))
    return cells


def aligned_figures(lines: list[Line]) -> int:
    """The most figure cells standing in one column: on different lines, their right edges, left edges
    or centres within `COLUMN_TOLERANCE` of each other."""
    cells = figure_cells(lines)
    best = 0
    for edge in (lambda t: t.x1, lambda t: t.x0, lambda t: (t.x0 + t.x1) / 2):
        positions = sorted((edge(token), top) for top, token in cells)
        start = 0
        for end in range(len(positions)):
            while positions[end][0] - positions[start][0] > COLUMN_TOLERANCE:
                start += 1
            best = max(best, len({top for _, top in positions[start : end + 1]}))
    return best


def triage_page(textpage) -> PageTriage:
    tokens = _words(textpage)
    lines = group_lines(tokens)
    in_depth, why = _decide(tokens, lines)
    return PageTriage(lines, in_depth, why, textpage.page.get_height())


def _decide(tokens: list[Token], lines: list[Line]) -> tuple[bool, str]:
    if not tokens:
        return True, "no text in pdfium: read in depth to tell a scan from a blank page"
    if any(_SUSPECT_CHARACTERS.search(token.text) for token in tokens):
        return True, "characters without a mapping: read in depth to report them"
    aligned = aligned_figures(lines)
    if aligned >= MIN_ALIGNED_FIGURES:
        return True, f"{aligned} figures in a column"
    return False, "no column of figures"


def triage_document(path, page_count: int) -> list[PageTriage] | None:
    """One `PageTriage` per page, or None when the whole document is to be read in depth (short, or
    pdfium does not see the pages pdfminer sees)."""
    if page_count < MIN_PAGES_FOR_TRIAGE:
        return None
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - pdfium refuses what pdfminer may still read: read it all in depth
        return None
    try:
        if len(document) != page_count:
            return None
        pages = []
        for index in range(page_count):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    triage = triage_page(textpage)
                finally:
                    textpage.close()
            finally:
                page.close()
            if index < LEADING_PAGES_IN_DEPTH:
                triage.in_depth, triage.why = True, "a leading page"
            pages.append(triage)
        return pages
    except Exception:  # noqa: BLE001 - a page pdfium cannot read is read in depth with the rest
        return None
    finally:
        document.close()
