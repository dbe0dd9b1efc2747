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

The content lives in this file (the source text is outside the repository).
Output is byte-for-byte reproducible (reportlab ``invariant=1``).

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

RUNNING_HEADER = "VERIMATRIX — Résultats annuels 2025"

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
    # The source uses Word's "o" list marker on page 1 and "•" on page 5.
    return [Paragraph(t, S[style], bulletText=mark) for t in items]


def sup(n) -> str:
    # Modest rise keeps the mark on its line for text extractors ("proforma1").
    return f'<super rise="30%" size="70%">{n}</super>'


def link(text: str, url: str) -> str:
    return f'<a href="{url}" color="#1F4E9E"><u>{text}</u></a>'


# --------------------------------------------------------------------------
# Financial tables
# --------------------------------------------------------------------------
class Row(NamedTuple):
    label: str           # "\n" marks a forced break inside the label cell
    values: tuple
    kind: str = "plain"  # plain | sub | bold | total | pct | spacer


def row(label, *v):
    return Row(label, v)


def sub(label, *v):      # "dont ..." lines, indented
    return Row(label, v, "sub")


def bold(label, *v):
    return Row(label, v, "bold")


def total(label, *v):    # bold, thin rule above
    return Row(label, v, "total")


def pct(label, *v):      # "En % du CA" ratio lines, italic
    return Row(label, v, "pct")


SPACER = Row("", (), "spacer")
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
NARRATIVE = TableLook(9.5, 12, 2.2)
STATEMENT = TableLook(9, 11, 1.8)


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
                    col_widths: list[float], look: TableLook = NARRATIVE, *,
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


# --- table data (verbatim from the release) --------------------------------

REVENUE_HEADER = [["(en millions USD)", "T4 2025", "T4 2024", "Var.",
                   "12 mois\n2025", "12 mois\n2024", "Var."]]
REVENUE_ROWS = [
    bold("CA récurrent", "8,0", "8,6", "-7%", "33,1", "34,1", "-3%"),
    sub("dont abonnements", "4,8", "4,6", "+6%", "18,8", "17,3", "+8%"),
    sub("dont maintenance", "3,2", "4,1", "-21%", "14,3", "16,8", "-15%"),
    SPACER,
    bold("CA non récurrent", "2,2", "3,7", "-41%", "13,5", "23,1", "-42%"),
    total("CA total", "10,2", "12,3", "-17%", "46,5", "57,2", "-19%"),
    SPACER,
    SPACER,
    # ARR is a point-in-time figure: only the 12-month columns are filled.
    bold("ARR", "", "", "", "31,0", "33,0", "-6%"),
    sub("dont abonnements", "", "", "", "18,9", "18,0", "+5%"),
    sub("dont maintenance", "", "", "", "12,1", "15,0", "-19%"),
]

ADJUSTED_HEADER = [["En millions de dollars", "2025", "2024", "Var."]]
ADJUSTED_ROWS = [
    row("Chiffre d'affaires (CA)", "46,5", "57,2", "-18,7%"),
    bold("Marge brute", "29,5", "39,1", "-24,4%"),
    pct("En % du CA", "63,5%", "68,3%", ""),
    row("Frais de recherche et développement", "(16,1)", "(18,1)", "-10,7%"),
    row("Frais commerciaux et de marketing", "(9,8)", "(13,5)", "-27,0%"),
    row("Frais généraux et administratifs", "(9,5)", "(10,2)", "-6,8%"),
    row("Autres produits/(charges) opérationnels, nets", "0,3", "(0,3)", "-185,9%"),
    total("Total des dépenses opérationnelles ajustées", "(35,2)", "(42,0)", "-16,2%"),
    pct("En % du CA", "-75,6%", "-73,4%", ""),
    bold("EBITDA ajusté", "(0,2)", "2,8", "-105,6%"),
    pct("En % du CA", "-0,3%", "4,9%", ""),
    bold("Résultat opérationnel ajusté", "(5,7)", "(2,9)", "94,9%"),
    pct("En % du CA", "-12,2%", "-5,1%", ""),
    row("Produits financiers/(perte), net", "(4,9)", "(3,0)", "63,2%"),
    row("Charges d'impôts sur le résultat", "(0,6)", "(1,7)", "-67,7%"),
    total("Résultat net/(perte) ajusté", "(11,2)", "(7,7)", "45,6%"),
]

RECONCILIATION_HEADER = [["(en millions de dollars)", "2025", "2024"]]
RECONCILIATION_ROWS = [
    bold("Résultat opérationnel ajusté", "(5,7)", "(2,9)"),
    row("Amortissement et dépréciation d'actifs reconnus lors d'acquisitions\n"
        "d'activités et/ou d'entreprises (éléments sans impact sur la trésorerie)",
        "0,0", "(0,3)"),
    row("Coûts liés aux acquisitions", "-", "-"),
    row("Coûts non recurrents liés aux restructurations", "(4,2)", "(1,7)"),
    row("Paiements fondés sur des actions", "(0,3)", "(0,6)"),
    row("Perte de valeur / dépréciation du goodwill", "(60,0)", "-"),
    row("Perte de valeur / dépréciation sur les actifs destinés à être cédés",
        "(3,0)", "-"),
    total("Résultat opérationnel", "(73,1)", "(5,6)"),
    row("Produits / (charges) financiers, nets", "(4,9)", "(3,0)"),
    row("Charges d'impôts sur le résultat", "(0,6)", "(1,7)"),
    total("Résultat net consolidé", "(78,6)", "(10,3)"),
]

CASHFLOW_SUMMARY_HEADER = [["(en millions de dollars)", "2025", "2024"]]
CASHFLOW_SUMMARY_ROWS = [
    row("Résultat net", "(78,6)", "(10,3)"),
    row("Elimination des éléments sans incidence de trésorerie", "11,8", "11,1"),
    row("Elimination de la perte de valeur / dépréciation du goodwill", "60,0", "-"),
    row("Elimination de la perte de valeur / dépréciation sur les actifs destinés "
        "à être cédés", "3,0", "-"),
    # "0.8" is printed with a decimal point in the source: kept on purpose.
    bold("Flux de trésorerie générés par les activités hors variation du BFR",
         "(3,8)", "0.8"),
    row("Flux de trésorerie absorbés par le besoin en fonds de roulement", "6,4", "2,7"),
    bold("Trésorerie générée par les activités", "2,6", "3,5"),
    row("Impôts payés", "(0,7)", "(1,6)"),
    row("Intérêts payés", "(2,2)", "(3,5)"),
    bold("Trésorerie nette générée par l'activité opérationnelle", "(0,3)", "(1,6)"),
    row("Flux nets de trésorerie liés aux opérations d'investissement", "(2,0)", "(2,1)"),
    row("Flux nets de trésorerie liés aux opérations de financement", "(1,4)", "(8,1)"),
    total("Variation nette de la trésorerie", "(3,7)", "(11,8)"),
    # -- page break in the original: the rows below open page 5 --
    row("Trésorerie et équivalents de trésorerie à l'ouverture", "11,0", "22,6"),
    row("Effets de change", "(0,1)", "0,2"),
    total("Trésorerie et équivalents de trésorerie à la clôture", "7,1", "11,0"),
]
CASHFLOW_SUMMARY_SPLIT = 13   # rows on page 4; the rest continue on page 5

NET_DEBT_HEADER = [["(en million de dollars)", "31 décembre\n2025", "31 décembre\n2024"]]
NET_DEBT_ROWS = [
    SPACER,
    row("Trésorerie et équivalents de trésorerie", "7,1", "11,0"),
    row("Emprunt privé échéance 2026", "(18,7)", "(18,2)"),
    row("Autres emprunts", "(8,7)", "(7,7)"),
    SPACER,
    total("Trésorerie/(dette) nette", "(20,2)", "(14,9)"),
    SPACER,
    row("Passifs de loyers (IFRS16)", "(4,7)", "(6,4)"),
    SPACER,
    total("Trésorerie/(dette) nette incluant IFRS16", "(24,9)", "(21,3)"),
]

INCOME_HEADER = [["(en million de dollars)", "Exercice clos le 31 décembre", ""],
                 ["", "2025", "2024"]]
INCOME_SPANS = [((1, 0), (2, 0))]
INCOME_ROWS = [
    SPACER,
    row("Chiffre d'affaires", "46,5", "57,2"),
    row("Coût des ventes", "(17,0)", "(18,3)"),
    SPACER,
    total("Marge brute", "29,5", "38,9"),
    SPACER,
    row("Frais de recherche et développement", "(16,1)", "(18,3)"),
    row("Frais commerciaux et de marketing", "(9,8)", "(13,4)"),
    row("Frais généraux et administratifs", "(9,8)", "(10,8)"),
    row("Autres produits / (charges) opérationnels, nets", "(3,9)", "(2,0)"),
    row("Perte de valeur / dépréciation du goodwill", "(60,0)", "-"),
    row("Perte de valeur / dépréciation sur les actifs destinés à être cédés",
        "(3,0)", "-"),
    SPACER,
    total("Résultat opérationnel", "(73,1)", "(5,6)"),
    SPACER,
    row("Coût de l'endettement financier, net", "(3,2)", "(3,8)"),
    row("Autres produits / (charges) financiers, net", "(1,7)", "0,8"),
    SPACER,
    total("Résultat avant impôts", "(78,0)", "(8,6)"),
    row("Charge d'impôts sur le résultat", "(0,6)", "(1,7)"),
    SPACER,
    total("Résultat net consolidé", "(78,6)", "(10,3)"),
]

BALANCE_HEADER = [["(en million de dollars)", "31 décembre 2025", "31 décembre 2024"]]
ASSETS_ROWS = [
    row("Goodwill", "48,2", "115,2"),
    row("Immobilisations incorporelles", "4,2", "10,5"),
    row("Immobilisations corporelles", "3,0", "4,2"),
    row("Autres actifs", "0,8", "1,1"),
    total("Total des actifs non courants", "56,1", "131,0"),
    SPACER,
    row("Stocks", "0,4", "0,4"),
    row("Clients et comptes rattachés", "16,7", "26,8"),
    row("Autres actifs courants", "2,7", "2,7"),
    row("Instruments financiers dérivés actifs", "0,0", "-"),
    row("Trésorerie et équivalents de trésorerie", "7,1", "11,0"),
    row("Actifs destinés à être cédés", "8,3", "-"),
    total("Total des actifs courants", "35,4", "40,9"),
    SPACER,
    total("Total de l'actif", "91,4", "171,9"),
]
LIABILITIES_ROWS = [
    row("Capital", "10,6", "41,5"),
    row("Primes d'émission", "93,9", "94,7"),
    row("Réserves et reports à nouveau", "8,6", "(14,4)"),
    row("Résultat de la période", "(78,6)", "(10,3)"),
    bold("Capitaux propres part du Groupe", "34,6", "111,5"),
    SPACER,
    row("Intérêts non contrôlant", "-", "-"),
    SPACER,
    total("Total des capitaux propres", "34,6", "111,5"),
    SPACER,
    row("Dettes financières", "11,5", "29,9"),
    row("Provisions", "0,5", "1,0"),
    row("Impôt différé passif", "0,0", "1,0"),
    total("Total des passifs non courants", "12,0", "31,8"),
    SPACER,
    row("Dettes financières", "20,6", "2,4"),
    row("Fournisseurs et dettes rattachées", "5,0", "4,2"),
    row("Autres dettes", "6,6", "8,0"),
    row("Dettes fiscales courantes", "1,0", ""),          # no 2024 figure in source
    row("Instruments dérivés", "0,0", "0,3"),
    row("Provisions", "0,4", "0,2"),
    row("Produits constatés d'avance", "9,1", "13,5"),
    row("Passifs liés aux actifs destinés à être cédés", "2,2", ""),  # idem
    total("Total des passifs courants", "44,9", "28,6"),
    SPACER,
    total("Total du passif", "56,9", "60,4"),
    SPACER,
    total("Total du passif et des capitaux propres", "91,4", "171,9"),
]

CASHFLOW_IFRS_HEADER = [["(en millions de dollars)", "31 décembre\n2025",
                         "31 décembre\n2024"]]
CASHFLOW_IFRS_ROWS = [
    row("Résultat net", "(78,6)", "(10,3)"),
    row("Elimination des éléments sans incidence de trésorerie", "11,8", "11,1"),
    row("Elimination de la perte de valeur / dépréciation du goodwill", "60,0", "-"),
    row("Elimination de la perte de valeur / dépréciation sur les actifs destinés à être\n"
        "cédés", "3,0", "-"),
    bold("Flux de trésorerie générés par l'activité hors variation du BFR",
         "(3,8)", "0,8"),
    row("Variation du besoin en fonds de roulement des activités poursuivies",
        "6,4", "2,7"),
    bold("Trésorerie provenant des activités opérationnelles", "2,6", "3,5"),
    row("Impôts payés", "(0,7)", "(1,6)"),
    row("Intérêts payés", "(2,2)", "(3,5)"),
    total("Trésorerie nette provenant des activités opérationnelles", "(0,3)", "(1,6)"),
    row("Acquisitions d'immobilisations corporelles", "(0,4)", "(0,1)"),
    row("Acquisitions d'immobilisations incorporelles", "(1,7)", "(2,0)"),
    total("Flux nets de trésorerie liés aux opérations d'investissement",
          "(2,0)", "(2,1)"),
    row("Remboursement d'emprunt", "-", "(6,5)"),
    row("Remboursement des passifs de loyers sous IFRS16", "(1,4)", "(1,6)"),
    total("Flux nets de trésorerie liés aux opérations de financement",
          "(1,4)", "(8,1)"),
    row("Incidence du taux de change sur la trésorerie", "(0,1)", "(0,2)"),
    total("Variation de trésorerie nette", "(3,9)", "(11,6)"),
    row("Trésorerie et équivalents de trésorerie à l'ouverture de l'exercice",
        "11,0", "22,6"),
    total("Trésorerie et équivalents de trésorerie à la clôture de l'exercice",
          "7,1", "11,0"),
]

# Column widths (pt).  Label columns are sized so that every single-line
# label fits and the two forced breaks are the only wraps
# (_check_label_fits enforces it).
W_REVENUE = [128] + [58.5] * 6
W_ADJUSTED = [262, 70, 70, 70]
W_TWO_PERIODS_WIDE = [362, 60, 60]      # summary cash flow (long one-liners)
W_RECONCILIATION = [342, 70, 70]
W_NET_DEBT = [262, 85, 85]
W_INCOME = [322, 80, 80]
W_BALANCE = [282, 100, 100]
W_CASHFLOW_IFRS = [322, 80, 80]


# --------------------------------------------------------------------------
# Prose (verbatim)
# --------------------------------------------------------------------------
TEAMS_URL = ("https://events.teams.microsoft.com/event/"
             "2c04850b-d475-4899-b7e8-51d927706b4f@8dc9ffd3-7cd6-4982-af24-2d6b4a18e5ce")

# Footnotes, keyed by the page whose foot carries them (drawn with the folio).
FOOTNOTES_BY_PAGE = {
    1: f"{sup(1)} Proforma : données non auditées",
    2: f"{sup(2)} L’ARR (Annual Recurring Revenue) correspond à la somme des revenus "
       "récurrents issus des abonnements vendus, projeté sur une année pleine.",
}


def page1():
    return [
        P("Chiffre d’affaires et résultats de l’exercice 2025", "title"),
        P("Activité et résultats en retrait malgré une croissance continue des "
          "revenus récurrents issus des abonnements", "subtitle"),
        P("Nouvelle feuille de route 2026-2028", "kicker"),
        P("Recentrage sur l'anti-piratage (protection vidéo), cœur de métier du "
          "groupe, et déploiement de relais de croissance sur le marché de l’OTT",
          "kicker_text"),
        P("Finalisation de la cession de la ligne de produits Extended Threat "
          "Defense (XTD - protection des applications mobiles)", "kicker_text"),
        P("Chiffre d’affaires annuel 2025", "box_head"),
        *bullets([
            "Chiffre d’affaires consolidé : 46,5 M$ (-19% vs.2024)",
            f"Chiffre d’affaires consolidé proforma{sup(1)} (hors XTD) : 41,7 M$ "
            "(-19% vs.2024)",
            "Chiffre d’affaires récurrent : 71 % du chiffre d’affaires total à "
            "33,1M$ (-9%)",
            "ARR issu des abonnements : 18,9 M$ (+5% vs.2024)",
            f"ARR proforma{sup(1)} issu des abonnements (hors XTD) : 15,2 M€ "
            "(+7% vs.2024)",
        ]),
        P("Résultats financiers de l’exercice 2025", "box_head"),
        *bullets([
            "EBITDA ajusté : -0,2 M$ (vs 2,8 M$ en 2024)",
            f"EBITDA ajusté proforma{sup(1)} (hors XTD) : 1,1 M$",
            "Réduction de la structure de charges opérationnelles : -16,2%",
            "Résultat net ajusté : -11,2 M$ (vs. -7,7 M$ en 2024)",
            "Trésorerie disponible : 7,1 M$ à fin décembre 2025",
        ]),
        P("Objectifs horizon 2028", "box_head"),
        *bullets([
            "Reprise de la croissance de l’activité",
            "Progression de l’Ebitda et génération d’un flux de trésorerie positif",
            "80% de revenus récurrents",
        ]),
        Spacer(0, 8),
        P("<b>Aix-en-Provence, France et San Diego, États-Unis, 12 mars 2026, "
          "17h45</b> — VERIMATRIX (Euronext Paris : VMX, FR0010291245), fournisseur "
          "leader de solutions de sécurité au service des utilisateurs pour un monde "
          "connecté plus sûr, publie son chiffre d’affaires et ses résultats "
          "financiers de l’exercice 2025 clos au 31 décembre."),
        P("« En dépit d’une progression continue des revenus issus des abonnements, "
          "les résultats 2025 ne sont pas à la hauteur de nos attentes, en raison des "
          "difficultés de la ligne de produits XTD à s’imposer sur le marché de la "
          "protection mobile. » déclare Laurent DECHAUX, Directeur Général de "
          "VERIMATRIX. « La cession de cette ligne de produits début 2026 et le "
          "recentrage du groupe sur son cœur de métier ouvrent un nouveau chapitre "
          "pour Verimatrix. Nous allons rationaliser notre portefeuille de produits "
          "au profit des plus récurrents et des plus rentables, optimiser "
          "l'allocation de nos ressources et déployer des relais de croissance "
          "innovants sur le marché de l’OTT. Cette feuille de route doit permettre "
          "au groupe de renouer avec une dynamique de croissance rentable dès 2028 "
          "et de retrouver un free cash-flow positif. Verimatrix dispose d'une base "
          "technologique solide et de partenariats stratégiques sur lesquels nos "
          "équipes peuvent s'appuyer pour saisir de nouvelles opportunités "
          "commerciales. »", "quote"),
        Spacer(0, 6),
        P("***", "center"),
        Spacer(0, 4),
        P("<b>Laurent Dechaux</b>, CEO", "center"),
        P("<b>Jean-François Labadie</b>, Directeur Financier", "center"),
        P("animeront un webinaire à 18h00", "center"),
        P("pour commenter la publication des Résultats annuels 2025.", "center"),
        Spacer(0, 6),
        P("Pour rejoindre le webinaire, cliquez sur le lien suivant :", "center"),
        P(link("Webinaire VERIMATRIX | Rejoindre la réunion | Microsoft Teams",
               TEAMS_URL), "center"),
        Spacer(0, 4),
        P("***", "center"),
    ]


def page2():
    return [
        P("Le Conseil d’administration de VERIMATRIX s’est réuni le 11 mars 2026 sous "
          "la présidence d’Amedeo D’Angelo pour examiner les comptes de l’exercice "
          "2025. Ceux-ci sont en cours d’audit et seront arrêtés définitivement "
          "d’ici fin avril 2026. L’ensemble des résultats mentionnés ci-après "
          "correspondent à des données financières estimées."),
        P(f"Chiffre d’affaires 2025 et revenu récurrent annuel (ARR{sup(2)})", "h1"),
        P("Chiffre d’affaires de l’exercice 2025", "h2"),
        P("VERIMATRIX publie un chiffre d’affaires 2025 de 46,5 M$ contre 57,2 M$ "
          "sur la même période de l’exercice précédent."),
        P("Chiffre d’affaires récurrent", "h2"),
        P("Le chiffre d’affaires récurrent s’établit à 33,1 M$, en recul de 3% "
          "(34,1 M$ en 2024) et représente désormais 71% du chiffre d’affaires total "
          "du Groupe, contre 60% en 2024. Cette évolution favorable du mix activité "
          "s’inscrit dans la stratégie du groupe poursuivie avec succès depuis 2021, "
          "visant à déployer un modèle économique de vente de solutions logicielles "
          "de cybersécurité par abonnement."),
        P("Toutefois, la progression des revenus issus des abonnements (+8% à "
          "18,8 M$ vs 17,3 M$ en 2024), portée par l’activation de nouveaux contrats "
          "avec des opérateurs télécoms, ne suffit pas à compenser la baisse "
          "corrélative des revenus issus de la maintenance (-15% à 14,3 M$ vs "
          "16,8 M$ en 2024)."),
        Spacer(0, 8),
        financial_table(REVENUE_HEADER, REVENUE_ROWS, W_REVENUE),
    ]


def page3():
    return [
        P("Chiffre d’affaires non récurrent", "h2"),
        P("Le chiffre d’affaires non récurrent s’établit à 13,5 M$, en recul de 42% "
          "(23,1 M$ en 2024). Conformément à la stratégie et aux prévisions du "
          "Groupe, cette activité intègre une baisse structurelle et continue des "
          "redevances liées à la fourniture de nouveaux décodeurs, accentuée par un "
          "décalage des ventes de licences perpétuelles en Amérique Latine, où le "
          "Brésil et l’Argentine connaissent des contextes économiques difficiles "
          "marqués par un fort attentisme."),
        P(f"Revenu récurrent annuel (ARR{sup(2)})", "h2"),
        P("Au 31 décembre 2025, l’ARR s’établit à 31 M$, en baisse de 6% par rapport "
          "au 31 décembre 2024."),
        P("Cette évolution inclut une progression de 5% de l’ARR issu des abonnements "
          "à 18,9 M$ (contre 18 M$ au 31/12/2024), porté par la dynamique de la ligne "
          "de produits Anti-Piracy (protection vidéo), dont l’ARR issu des "
          "abonnements enregistre une croissance de 7%. Cette performance illustre "
          "la solidité du positionnement de Verimatrix sur ce segment stratégique et "
          "le dynamisme de l’activité commerciale liée aux ventes d’abonnements, "
          "notamment sur les régions Europe et Amérique Latine. À l’inverse, l’ARR "
          "issu des abonnements liés à la ligne de produits Extended Threat Defense "
          "(protection des applications mobiles) recule de 3%, traduisant la "
          "difficulté du groupe à conquérir de nouveaux clients malgré la qualité et "
          "le caractère innovant de son offre."),
        P("Résultats 2025", "h1"),
        financial_table(ADJUSTED_HEADER, ADJUSTED_ROWS, W_ADJUSTED),
        Spacer(0, 10),
        P("La marge brute 2025 s’établit à 29,5 M$, contre 39,1 M$ un an plus tôt, "
          "représentant 64 % du chiffre d’affaires (68 % en 2024). Cette baisse "
          "s’explique par le faible niveau des ventes de licences perpétuelles à "
          "forte contribution, par ailleurs Verimatrix a continué à optimiser ses "
          "couts de support et à améliorer l’efficience des solutions proposées en "
          "mode SaaS."),
        P("Les dépenses de recherche et développement ont été maitrisées et sont en "
          "baisse de 11%. L’évolution des frais commerciaux et marketing, en baisse "
          "de 27% correspond à un recentrage du groupe vers les activités "
          "Anti-Piracy combiné avec un alignement géographique des forces de ventes "
          "sur la dynamique observée dans les région."),
    ]


def page4():
    cash_top = financial_table(CASHFLOW_SUMMARY_HEADER,
                               CASHFLOW_SUMMARY_ROWS[:CASHFLOW_SUMMARY_SPLIT],
                               W_TWO_PERIODS_WIDE)
    return [
        P("Le total des dépenses opérationnelles ajustées s’élève à 35,2 M$, en "
          "baisse de 16% par rapport à l’exercice précédent. L’EBITDA ajusté est "
          "ainsi quasiment à l’équilibre (-0,2 M$ contre 2,8 million de dollars en "
          "2024)."),
        P("Les frais financiers augmentent de 63% et la charge d’impôt est en baisse "
          "de 68% par rapport à l’exercice 2024. Le résultat net représente une "
          "perte de 11,2 M$, contre un résultat net négatif de 7,7 M$ en 2024."),
        P("Rapprochement du résultat opérationnel ajusté avec le résultat "
          "opérationnel et le résultat net IFRS", "table_title"),
        financial_table(RECONCILIATION_HEADER, RECONCILIATION_ROWS, W_RECONCILIATION),
        P("Situation financière et flux de trésorerie", "h1"),
        P("La dette nette, hors engagements de location selon la norme IFRS 16, "
          "s'élève à 20,1 M$ au 31 décembre 2025, contre 14,9 M$ au 31 décembre "
          "2024."),
        P("La dette comprend de la dette privée pour un montant de juste valeur de "
          "18,7 M$ et du Prêt Participatif Relance (PPR) contracté pour un montant "
          "total de 8,6 M$. La dette privée a été reclassé en dette financière "
          "courant et fait l’objet de discussion pour redéfinir la maturité et les "
          "nouveaux « covenants » à mettre en place pour les prochaines années."),
        # In the original the table runs into the foot of page 4 and its last
        # rows carry over to page 5: sit this part flush with the bottom margin.
        PushToBottom(cash_top, min_gap=6),
        cash_top,
    ]


def contact_block(left: list[str], right: list[str]) -> Table:
    """Two contact cards side by side, no rules."""
    cells = [[P("<br/>".join(left), "contact"), P("<br/>".join(right), "contact")]]
    t = Table(cells, colWidths=[CONTENT_W / 2] * 2, hAlign="LEFT")
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("TOPPADDING", (0, 0), (-1, -1), 1),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return t


def mail(addr: str) -> str:
    return link(addr, f"mailto:{addr}")


def page5():
    return [
        # Continuation of the page-4 table: same columns, no repeated header.
        financial_table([], CASHFLOW_SUMMARY_ROWS[CASHFLOW_SUMMARY_SPLIT:],
                        W_TWO_PERIODS_WIDE),
        Spacer(0, 10),
        P("La trésorerie et les équivalents de trésorerie s'élevaient à 7,1 M$ au "
          "31 décembre 2025, soit une baisse de 3,9 M$ par rapport aux sommes "
          "disponibles à fin décembre 2024."),
        P("Cette variation de trésorerie s’explique principalement par :"),
        *bullets([
            "une génération négative de flux de trésorerie opérationnels, avant "
            "variation du besoin en fonds de roulement, de 3,8 M$,",
            "une baisse du besoin en fonds de roulement de 3,7 M$,",
            "et des investissements pour 2 M$.",
        ], style="bullet_dot", mark=BULLET),
        Spacer(0, 4),
        P("Par ailleurs, les intérêts financiers net s’élèvent à 2,2 M$ et les taxes "
          "ont représenté 0,7 M$."),
        P("Nouvelle feuille de route 2026-2028", "h1"),
        P("Dans un monde de plus en plus digitalisé, le développement accéléré de "
          "l’IA pose de nouveaux défis à relever en matière de sécurité. En "
          "s’appuyant sur son expertise en matière d’anti-piratage et en déployant "
          "de nouveaux relais de croissance sur des segments à fort potentiel comme "
          "le sport et l’Internet des objets (IoT), Verimatrix a pour ambition de "
          "s’imposer comme une référence mondiale de la sécurisation et de "
          "l’authentification des contenus numériques et des objets connectés."),
        P("Au-delà du secteur télécoms et médias dans lequel le groupe bénéficie "
          "d’un référencement historique, Verimatrix poursuivra sa stratégie de "
          "partenariats avec des distributeurs, revendeurs et intégrateurs de "
          "solutions de cybersécurité afin de conquérir de nouveaux clients, en "
          "France et à l’international, notamment aux Etats-Unis et en Asie."),
        P("A horizon 2028, le groupe se fixe comme objectifs une reprise de la "
          "croissance de l’activité, associée à une progression de l’Ebitda et un "
          "flux de trésorerie disponible positif."),
        P("Prochains rendez-vous :", "h2"),
        P("Chiffre d’affaires du 1er trimestre 2026 : 27 avril 2026 (après bourse)",
          "list"),
        P("Assemblée générale : 11 juin 2026", "list"),
        P("Chiffre d’affaires et résultats du 1er semestre 2026 : 27 juillet 2026 "
          "(après bourse)", "list"),
        P("Chiffre d’affaires du 3e trimestre 2026 : 26 octobre 2026 (après bourse)",
          "list"),
        Spacer(0, 4),
        P("Contacts Investisseurs :", "h2"),
        contact_block(["Jean-François Labadie", "Directeur financier",
                       mail("finance@verimatrix.com")],
                      ["Jean-Yves Barbara", "SEITOSEI.ACTIFIN",
                       mail("jean-yves.barbara@seitosei-actifin.com")]),
        P("Contacts Media :", "h2"),
        contact_block(["Etats-Unis", "Matthew Zintel",
                       mail("matthew.zintel@zintelpr.com")],
                      ["Europe", "SEITOSEI.ACTIFIN",
                       mail("presse@seitosei-actifin.com")]),
        P("A propos de Verimatrix", "small_bold"),
        P("Verimatrix (Euronext Paris : VMX) contribue à rendre le monde connecté "
          "plus sûr grâce à ses solutions de sécurité conviviales. Le groupe protège "
          "les contenus, les applications et les objets connectés en fournissant une "
          "sécurité intuitive, sans contrainte et entièrement orientée vers "
          "l'utilisateur. Les principaux acteurs du marché font confiance à "
          "VERIMATRIX pour protéger leurs contenus, notamment les films premium, le "
          "streaming sportif, les données financières et médicales sensibles, ainsi "
          "que les applications mobiles essentielles à leur activité.", "small"),
    ]


def page6():
    return [
        P("Verimatrix garantit une relation de confiance sur laquelle ses clients "
          "comptent pour fournir des contenus et des services de qualité à des "
          "millions de consommateurs dans le monde entier. Verimatrix soutient ses "
          "partenaires en leur permettant d'accéder plus rapidement au marché et en "
          "les aidant à développer leur activité, à protéger leurs revenus et à "
          "gagner de nouveaux clients. Plus d’information sur "
          + link("www.verimatrix.com", "http://www.verimatrix.com/") + ".", "small"),
        P("Informations financières complémentaires non IFRS", "small_bold"),
        P("VERIMATRIX utilise dans le présent communiqué de presse des agrégats "
          "financiers et indicateurs de performance qui ne sont pas des mesures "
          "comptables strictement définies par les normes IFRS. Ils sont définis dans "
          "l’annexe 2 au présent communiqué de presse. Ils doivent être considérés "
          "comme une information complémentaire, non substituable à toute autre "
          "mesure de performance opérationnelle et financière à caractère "
          "strictement comptable, telle que présentée dans les états financiers "
          "consolidés de la Société, notamment dans le compte de résultat qui figure "
          "en Annexe 1 au présent communiqué.", "small"),
        P("Déclarations prospectives", "small_bold"),
        P("Ce communiqué de presse contient certaines déclarations prospectives "
          "concernant VERIMATRIX, VERIMATRIX estime que ses anticipations sont "
          "fondées sur des hypothèses raisonnables, mais elles ne constituent pas des "
          "garanties de performance future. Par conséquent, les résultats réels de "
          "la Société peuvent différer sensiblement de ceux anticipés dans ces "
          "énoncés prospectifs en raison d’un certain nombre de risques et "
          "d’incertitudes.", "small"),
    ]


def page7():
    return [
        P("Annexe 1 — Informations financières complémentaires non IFRS — "
          "Réconciliation des résultats IFRS avec les résultats ajustés", "h1"),
        P("Les indicateurs de performance à caractère non strictement comptables "
          "présentés dans le présent communiqué sont définis ci-dessous. Ces "
          "indicateurs ne sont pas des agrégats définis par les normes IFRS et ne "
          "constituent pas des éléments de mesure comptable de la performance "
          "financière de la Société. Ils doivent être considérés comme une "
          "information complémentaire, non substituable à toute autre mesure de "
          "performance opérationnelle et financière à caractère strictement "
          "comptable, telle que présentée dans les états financiers consolidés de la "
          "Société et leurs notes annexes. La Société suit ces indicateurs, car il "
          "estime qu’ils sont des mesures pertinentes de sa rentabilité "
          "opérationnelle courante et de la génération de ses flux de trésorerie "
          "opérationnels. Bien que généralement utilisés par les sociétés du même "
          "secteur dans le monde, ces indicateurs peuvent ne pas être strictement "
          "comparables à ceux d’autres sociétés qui pourraient avoir défini ou "
          "calculé de manière différente des indicateurs présentés pourtant sous la "
          "même dénomination."),
        P("La <b>marge brute ajustée</b> est définie comme la marge brute avant (i) "
          "l’amortissement des actifs incorporels liés aux regroupements "
          "d’entreprises, (ii) les éventuelles dépréciations des écarts "
          "d’acquisition, (iii) la charge comptable liée aux paiements fondés sur "
          "les actions et (iv) les coûts non récurrents liés aux restructurations et "
          "aux acquisitions et cessions conduites par la Société."),
        P("Le <b>résultat opérationnel ajusté</b> est défini comme le résultat "
          "opérationnel avant (i) l’amortissement des actifs incorporels liés aux "
          "regroupements d’entreprises et des masques achetés via un regroupement "
          "d’entreprises, (ii) les éventuelles dépréciations des écarts "
          "d’acquisition, (iii) la charge comptable liée aux paiements fondés sur "
          "les actions et (iv) les coûts non récurrents liés aux restructurations et "
          "aux acquisitions et cessions conduites par la Société."),
        P("L’<b>EBITDA</b> est défini comme le résultat opérationnel ajusté avant les "
          "amortissements et dépréciations non liés aux regroupements "
          "d’entreprises."),
        P("Les <b>revenus récurrents annuels, ou ARR</b>, correspondent à la valeur "
          "annualisée de tous les revenus récurrents des contrats en cours au moment "
          "de la mesure. L'ARR comprend tous les types de contrats de nature "
          "récurrente et pour lesquels des revenus sont actuellement comptabilisés. "
          "L'ARR est un nombre glissant qui s'accumule au fil du temps, tandis que la "
          "mesure de la valeur totale du contrat (ou TCV) également utilisée par la "
          "Société est généralement utilisée pour mesurer les commandes (nouvelles "
          "ou complémentaires) prises au cours d'une période. La Société calcule un "
          "ARR pour les abonnements SaaS et non SaaS et un ARR combinant les "
          "abonnements et la maintenance."),
        P("Réconciliation de la dette nette", "table_title"),
        financial_table(NET_DEBT_HEADER, NET_DEBT_ROWS, W_NET_DEBT),
    ]


def page8():
    return [
        P("Annexe 2 — États financiers consolidés (IFRS)", "h1"),
        Spacer(0, 6),
        P("Compte de résultat consolidé", "table_title"),
        financial_table(INCOME_HEADER, INCOME_ROWS, W_INCOME, STATEMENT,
                        spans=INCOME_SPANS),
    ]


def page9():
    return [
        P("Bilan consolidé", "table_title"),
        P("Actif", "h2"),
        financial_table(BALANCE_HEADER, ASSETS_ROWS, W_BALANCE, STATEMENT,
                        ruled=True),
        Spacer(0, 10),
        P("Passif et capitaux propres", "h2"),
        financial_table(BALANCE_HEADER, LIABILITIES_ROWS, W_BALANCE, STATEMENT,
                        ruled=True),
    ]


def page10():
    return [
        P("Flux de trésorerie", "table_title"),
        Spacer(0, 2),
        financial_table(CASHFLOW_IFRS_HEADER, CASHFLOW_IFRS_ROWS, W_CASHFLOW_IFRS,
                        STATEMENT),
    ]


PAGES = [page1, page2, page3, page4, page5, page6, page7, page8, page9, page10]


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
        title="Verimatrix — Chiffre d’affaires et résultats de l’exercice 2025",
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
        story.extend(page())
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
