#!/usr/bin/env python3
"""Typeset the Verimatrix FY2025 French results release as a reference PDF.

The PDF is a test fixture for Ledgerline's table extractor.  It reproduces the
text of a real release (Verimatrix, « Chiffre d’affaires et résultats de
l’exercice 2025 », 12 March 2026, millions of USD) laid out the way a listed
company publishes it: A4, justified prose, whitespace-aligned tables without
vertical rules, a running header and page numbers.

Fidelity rules (the extractor is tested against these):
  * every figure is copied verbatim from the source text, flaws included
    (the ``0.8`` written with a dot, empty cells, ``-`` for nil, ...);
  * long labels break exactly where the source breaks them, figures sit on the
    label's last line;
  * the summary cash-flow table is split across pages 4 and 5 without
    repeating its header, as in the original;
  * the running header and the bare page number are deliberate noise.

The content lives in reference_content.py (the source text is outside the repository); this
file typesets it with reportlab.  Output is byte-for-byte reproducible (reportlab ``invariant=1``).

Usage:  python build_reference_pdf.py [OUTPUT.pdf]
        (default: verimatrix_FY2025_fr.pdf beside this script)
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)

import reference_content as content
from reference_content import FOOTNOTES_BY_PAGE, PAGES, RUNNING_HEADER, Row

# Repeatable output: fixed timestamps and document ID.
rl_config.invariant = 1

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "verimatrix_FY2025_fr.pdf")


# --------------------------------------------------------------------------
# Fonts
# --------------------------------------------------------------------------
# DejaVu Sans Condensed has metrics close to Arial/Helvetica, the usual press
# release face.  If it is missing we fall back to the built-in Helvetica, whose
# WinAnsi encoding covers every character used here (’ « » – — • œ €), so the
# text and the layout stay the same (only the bytes change).
DEJAVU_DIR = "/usr/share/fonts/truetype/dejavu"
DEJAVU_FILES = {
    "Body": "DejaVuSansCondensed.ttf",
    "Body-Bold": "DejaVuSansCondensed-Bold.ttf",
    "Body-Italic": "DejaVuSansCondensed-Oblique.ttf",
    "Body-BoldItalic": "DejaVuSansCondensed-BoldOblique.ttf",
}


def register_fonts() -> dict[str, str]:
    """Return the font names to use for regular/bold/italic/bolditalic."""
    paths = {name: os.path.join(DEJAVU_DIR, f) for name, f in DEJAVU_FILES.items()}
    if all(os.path.exists(p) for p in paths.values()):
        for name, path in paths.items():
            pdfmetrics.registerFont(TTFont(name, path))
        pdfmetrics.registerFontFamily("Body", normal="Body", bold="Body-Bold",
                                      italic="Body-Italic",
                                      boldItalic="Body-BoldItalic")
        return {"regular": "Body", "bold": "Body-Bold",
                "italic": "Body-Italic", "bolditalic": "Body-BoldItalic"}
    return {"regular": "Helvetica", "bold": "Helvetica-Bold",
            "italic": "Helvetica-Oblique", "bolditalic": "Helvetica-BoldOblique"}


FONT = register_fonts()
# Helvetica draws "•" but extracts as "(cid:127)"; use the middle dot instead.
BULLET = "•" if FONT["regular"] == "Body" else "·"

# --------------------------------------------------------------------------
# Page geometry and styles
# --------------------------------------------------------------------------
PAGE_W, PAGE_H = A4
MARGIN_X = 2.0 * cm
MARGIN_TOP = 2.3 * cm
MARGIN_BOTTOM = 2.9 * cm          # leaves room for footnotes above the folio
CONTENT_W = PAGE_W - 2 * MARGIN_X

BRAND = colors.HexColor("#1B365D")     # dark blue used for titles
GREY = colors.HexColor("#7F7F7F")
RULE = colors.HexColor("#B0B0B0")


def _style(name, size=10, leading=13, font="regular", **kw):
    return ParagraphStyle(name, fontName=FONT[font], fontSize=size,
                          leading=leading, **kw)


S = {
    "title": _style("title", 17, 21, "bold", textColor=BRAND, alignment=TA_CENTER,
                    spaceAfter=8),
    "subtitle": _style("subtitle", 11.5, 14.5, "bold", alignment=TA_CENTER,
                       spaceAfter=8),
    "kicker": _style("kicker", 11, 14, "bold", textColor=BRAND,
                     alignment=TA_CENTER, spaceAfter=2),
    "kicker_text": _style("kicker_text", 10, 13, alignment=TA_CENTER,
                          spaceAfter=3),
    "box_head": _style("box_head", 10.5, 13.5, "bold", textColor=BRAND,
                       spaceBefore=5, spaceAfter=2),
    "bullet_o": _style("bullet_o", 10, 13, leftIndent=34, bulletIndent=18,
                       bulletFontName=FONT["regular"]),
    "body": _style("body", alignment=TA_JUSTIFY, spaceAfter=6),
    "quote": _style("quote", font="italic", alignment=TA_JUSTIFY, spaceAfter=6),
    "center": _style("center", 9.5, 12, alignment=TA_CENTER),
    "h1": _style("h1", 11.5, 14.5, "bold", textColor=BRAND, spaceBefore=8,
                 spaceAfter=6),
    "h2": _style("h2", 10, 13, "bold", spaceBefore=4, spaceAfter=3),
    "table_title": _style("table_title", 10, 13, "bold", textColor=BRAND,
                          spaceBefore=8, spaceAfter=5),
    "bullet_dot": _style("bullet_dot", 10, 13, alignment=TA_JUSTIFY,
                         leftIndent=28, bulletIndent=14, spaceAfter=2,
                         bulletFontName=FONT["regular"]),
    "list": _style("list", leftIndent=14, spaceAfter=2),
    "small": _style("small", 8.5, 11, alignment=TA_JUSTIFY, spaceAfter=5),
    "small_bold": _style("small_bold", 8.5, 11, "bold", spaceBefore=4,
                         spaceAfter=2),
    "contact": _style("contact", 9, 11.5),
    "footnote": _style("footnote", 7.5, 9),
}


def P(text: str, style: str = "body") -> Paragraph:
    return Paragraph(text, S[style])


def bullets(items, style="bullet_o", mark="o"):
    mark = BULLET if mark == content.BULLET_MARK else mark
    return [Paragraph(t, S[style], bulletText=mark) for t in items]



# --------------------------------------------------------------------------
# Financial tables
# --------------------------------------------------------------------------
SPACER_HEIGHT = 5
CELL_PAD = 3
SUB_INDENT = 10


class TableLook(NamedTuple):
    size: float
    leading: float
    row_pad: float       # top and bottom cell padding


# The narrative tables (pp. 2-7) are set a little larger and airier than the
# IFRS statements of Annexe 2 (pp. 8-10), as is common when the statements
# are pasted in from the accounts.
LOOKS = {content.NARRATIVE: TableLook(9.5, 12, 2.2), content.STATEMENT: TableLook(9, 11, 1.8)}


def _cell_style(look: TableLook, kind: str = "plain", *, align=TA_RIGHT,
                font: str | None = None) -> ParagraphStyle:
    font = font or {"bold": "bold", "total": "bold", "pct": "italic"}.get(kind, "regular")
    indent = SUB_INDENT if (kind == "sub" and align == TA_LEFT) else 0
    return ParagraphStyle(f"cell-{look.size}-{kind}-{align}-{font}",
                          fontName=FONT[font], fontSize=look.size,
                          leading=look.leading, alignment=align, leftIndent=indent)


def _check_label_fits(r: Row, style: ParagraphStyle, width: float) -> None:
    """Fail loudly if a label would wrap somewhere the source does not."""
    room = width - 2 * CELL_PAD - style.leftIndent
    for line in r.label.split("\n"):
        w = pdfmetrics.stringWidth(line, style.fontName, style.fontSize)
        if w > room:
            raise ValueError(f"label line too wide ({w:.0f} > {room:.0f} pt): {line!r}")


def financial_table(header: list[list[str]], rows: list[Row],
                    col_widths: list[float], look: TableLook = LOOKS[content.NARRATIVE], *,
                    spans=(), ruled=False) -> Table:
    """Label column + right-aligned period columns, no vertical rules.

    ``header`` is a list of header rows; the first cell of a header row is the
    caption (e.g. "(en millions USD)"), "\n" in a cell gives a two-line header.
    ``spans`` are SPAN cell ranges inside the header (centred, underlined).
    ``ruled`` draws a light rule under every body row.
    Cells are bottom-aligned so figures share the baseline of a wrapped
    label's last line, and single-line headers sit on the year line.
    """
    ncols = len(col_widths)
    data, heights, cmds = [], [], []
    caption = _cell_style(look, align=TA_LEFT, font="italic")
    head = _cell_style(look, font="bold")
    head_centred = _cell_style(look, align=TA_CENTER, font="bold")

    for hrow in header:
        assert len(hrow) == ncols, hrow
        cells = [Paragraph(hrow[0].replace("\n", "<br/>"), caption)]
        for c, text in enumerate(hrow[1:], start=1):
            centred = any(c0 == c and r0 == len(data) for (c0, r0), _ in spans)
            cells.append(Paragraph(text.replace("\n", "<br/>"),
                                   head_centred if centred else head))
        data.append(cells)
        heights.append(None)
    nhead = len(data)

    for r in rows:
        i = len(data)
        if r.kind == "spacer":
            data.append([""] * ncols)
            heights.append(SPACER_HEIGHT)
            continue
        assert len(r.values) == ncols - 1, (r.label, r.values)
        lstyle = _cell_style(look, r.kind, align=TA_LEFT)
        _check_label_fits(r, lstyle, col_widths[0])
        nstyle = _cell_style(look, r.kind)
        data.append([Paragraph(r.label.replace("\n", "<br/>"), lstyle)]
                    + [Paragraph(v, nstyle) for v in r.values])
        heights.append(None)
        if r.kind == "total":
            cmds.append(("LINEABOVE", (0, i), (-1, i), 0.6, colors.black))
        if ruled:
            cmds.append(("LINEBELOW", (0, i), (-1, i), 0.25, RULE))

    style = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), look.row_pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), look.row_pad),
        ("BOTTOMPADDING", (0, nhead - 1), (-1, nhead - 1), 3) if nhead else None,
    ]
    if nhead:
        style.append(("LINEBELOW", (0, nhead - 1), (-1, nhead - 1), 0.8, colors.black))
    for (c0, r0), (c1, r1) in spans:
        style.append(("SPAN", (c0, r0), (c1, r1)))
        # a short rule under a spanning header, as in printed statements
        style.append(("LINEBELOW", (c0, r0), (c1, r1), 0.4, colors.black))
    t = Table(data, colWidths=col_widths, rowHeights=heights, hAlign="LEFT")
    t.setStyle(TableStyle([s for s in style if s] + cmds))
    return t


class ExpectPage(Flowable):
    """Zero-size marker: fails the build if content overflowed a page, since
    the fixture's pagination is part of what the extractor is tested on."""

    def __init__(self, page: int):
        super().__init__()
        self.page = page

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        actual = self.canv.getPageNumber()
        if actual != self.page:
            raise RuntimeError(f"content of page {self.page - (actual > self.page)} "
                               f"overflowed (marker for page {self.page} "
                               f"landed on page {actual})")


class PushToBottom(Flowable):
    """Blank space that leaves exactly enough room for ``following``."""

    def __init__(self, following: Flowable, min_gap: float = 0):
        super().__init__()
        self.following, self.min_gap = following, min_gap

    def wrap(self, avail_w, avail_h):
        _, h = self.following.wrap(avail_w, avail_h)
        # 0.5 pt of slack so rounding never pushes the table to the next page
        self.height = max(self.min_gap, avail_h - h - 0.5)
        return avail_w, self.height

    def draw(self):
        pass




def contact_block(left: list[str], right: list[str]) -> Table:
    """Two contact cards side by side, no rules."""
    cells = [[P("<br/>".join(left), "contact"), P("<br/>".join(right), "contact")]]
    t = Table(cells, colWidths=[CONTENT_W / 2] * 2, hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return t



def flowables(block) -> list[Flowable]:
    """The reportlab flowables of one block of reference_content."""
    if isinstance(block, content.Para):
        return [P(block.text, block.style)]
    if isinstance(block, content.Bullets):
        return bullets(block.items, block.style, block.mark)
    if isinstance(block, content.Space):
        return [Spacer(0, block.height)]
    if isinstance(block, content.FinancialTable):
        return [financial_table(block.header, block.rows, block.widths, LOOKS[block.look],
                                spans=block.spans, ruled=block.ruled)]
    if isinstance(block, content.AtPageFoot):
        table, = flowables(block.table)
        return [PushToBottom(table, min_gap=block.min_gap), table]
    if isinstance(block, content.Contacts):
        return [contact_block(block.left, block.right)]
    raise TypeError(f"unknown block {block!r}")




# --------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------
def draw_page_furniture(canv, doc) -> None:
    """Running header, footnote (if any) and centred folio.

    The header and the bare page number are kept on purpose: the extractor
    must learn to ignore them.
    """
    canv.saveState()
    canv.setFont(FONT["regular"], 7.5)
    canv.setFillColor(GREY)
    canv.drawString(MARGIN_X, PAGE_H - 1.3 * cm, RUNNING_HEADER)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.4)
    canv.line(MARGIN_X, PAGE_H - 1.45 * cm, PAGE_W - MARGIN_X, PAGE_H - 1.45 * cm)

    canv.setFont(FONT["regular"], 8.5)
    canv.setFillColor(colors.black)
    canv.drawCentredString(PAGE_W / 2, 1.2 * cm, str(doc.page))

    note = FOOTNOTES_BY_PAGE.get(doc.page)
    if note:
        para = Paragraph(note, S["footnote"])
        _, h = para.wrap(CONTENT_W, 5 * cm)
        bottom = 1.9 * cm
        para.drawOn(canv, MARGIN_X, bottom)
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, bottom + h + 3, MARGIN_X + 5 * cm, bottom + h + 3)
    canv.restoreState()


def build(output: str) -> None:
    doc = BaseDocTemplate(
        output, pagesize=A4, invariant=1,
        leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=content.TITLE,
        author="VERIMATRIX",
        subject="Ledgerline reference fixture (typeset reproduction of the "
                "FY2025 French results release)",
        creator="Ledgerline data/samples/build_reference_pdf.py",
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W,
                  PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="release", frames=[frame],
                                       onPage=draw_page_furniture)])

    # Each function holds exactly one printed page of the original; explicit
    # breaks reproduce its pagination (notably the p4/p5 table split).
    story = []
    for n, page in enumerate(PAGES, start=1):
        if n > 1:
            story.append(PageBreak())
        story.append(ExpectPage(n))
        for block in page():
            story.extend(flowables(block))
    story.append(ExpectPage(len(PAGES)))
    doc.build(story)


def main(argv: list[str]) -> int:
    if len(argv) > 2:
        print(__doc__.split("Usage:")[1].strip(), file=sys.stderr)
        return 2
    output = os.path.abspath(argv[1]) if len(argv) == 2 else DEFAULT_OUTPUT
    build(output)
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))