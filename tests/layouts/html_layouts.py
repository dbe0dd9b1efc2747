"""The generator's statements as HTML, for typesetters that are not ours (Chromium, LibreOffice).

The tables, their headers and the answer key come from the generator's own content model
(``lay_out_statements``): only the drawing differs. The browser or office suite decides where words
go, how wide columns are, where rules fall; the HTML only says what a person writing a release in
HTML would say:

* ``ruled``: a border on every cell (``border-collapse``), or no rule at all;
* ``width``: ``narrow`` columns that hug their figures (adjacent header cells nearly touch:
  ``31 décembre 2025 31 décembre 2024``) or a ``wide`` table across the page;
* spanning headers are ``colspan`` cells over the columns they name.

Each statement starts a new page and must fit on it (checked when the PDF is read): the key's page
of a figure is its statement's place in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from pathlib import Path

from .generator import STATEMENT_NAMES, ExpectedFigure, LayoutOptions, _TEXT, lay_out_statements, relative_year_line

WIDTHS = ('narrow', 'wide')
_BREAK = ' style="page-break-before: always"'

# The generator's PDF base fonts, as families every machine with DejaVu has (metrics differ: the
# engines wrap and place text their own way, which is the point).
_FAMILIES = {'Helvetica': "'DejaVu Sans', Arial, Helvetica, sans-serif",
             'Times-Roman': "'DejaVu Serif', 'Times New Roman', Times, serif"}


@dataclass(frozen=True)
class HtmlOptions:
    ruled: bool = False
    width: str = 'narrow'  # 'narrow' | 'wide'

    def __post_init__(self) -> None:
        if self.width not in WIDTHS:
            raise ValueError(f'width must be one of {WIDTHS}, not {self.width!r}')


@dataclass(frozen=True)
class HtmlStatements:
    html: str
    figures: list[ExpectedFigure]  # page = the statement's page in the printed document
    pages: int  # one per statement


def statements_html(
    *, seed: int, options: LayoutOptions, html: HtmlOptions, issuer: str = 'Acme SA', year: int = 2025,
    statements=STATEMENT_NAMES,
) -> HtmlStatements:
    layout = lay_out_statements(seed=seed, options=options, issuer=issuer, year=year, statements=statements)
    style = layout.style
    landscape = any(t.page_size[0] > t.page_size[1] for t in layout.tables)
    paper = ('A4' if style.language == 'fr' else 'letter') + (' landscape' if landscape else '')
    sections = [_section(table, style, html, index) for index, table in enumerate(layout.tables)]
    running = f'{escape(layout.issuer)} – {escape(layout.title.split(" - ", 1)[1])}'
    press = escape(_TEXT[style.language]['press'])
    page = '\n'.join(
        f'<p class="running"{_BREAK if index else ""}>{running} — <i>{press}</i></p>\n{section}'
        for index, section in enumerate(sections))
    document = (
        f'<!DOCTYPE html>\n<html lang="{style.language}"><head><meta charset="utf-8">'
        f'<title>{escape(layout.title)}</title>\n<style>{_css(style, html, paper, layout.tables[0].size)}</style>'
        f'</head>\n<body>\n{page}\n</body></html>\n'
    )
    order = {name: index for index, name in enumerate(statements)}
    figures = [replace(f, page=order[f.statement] + 1) for f in layout.figures]
    return HtmlStatements(document, figures, len(sections))


def write_statements_html(path: Path, **kwargs) -> HtmlStatements:
    rendered = statements_html(**kwargs)
    Path(path).write_text(rendered.html, encoding='utf-8')
    return rendered


def _css(style, html: HtmlOptions, paper: str, size: float) -> str:
    family = _FAMILIES[style.font]
    border = '0.6pt solid #000' if html.ruled else 'none'
    padding = '0.5pt 2pt' if html.width == 'narrow' else '1pt 6pt'
    return f"""
@page {{ size: {paper}; margin: 14mm 16mm; }}
body {{ font-family: {family}; font-size: {size}pt; margin: 0; }}
p {{ margin: 0 0 3pt 0; }}
p.running {{ font-size: 7pt; color: #555; border-bottom: 0.3pt solid #999; margin-bottom: 10pt; }}
h1 {{ font-size: {size + 3}pt; margin: 0 0 4pt 0; }}
p.caption {{ font-style: italic; }}
table {{ border-collapse: collapse; {'width: 100%;' if html.width == 'wide' else ''} }}
td, th {{ border: {border}; padding: {padding}; line-height: 1.2; }}
th {{ font-weight: {'bold' if style.header_bold else 'normal'}; text-align: {style.header_align};
      vertical-align: bottom; white-space: nowrap; }}
th.label {{ text-align: left; font-style: italic; font-weight: normal; }}
th.span {{ text-align: center; }}
th.note, td.note {{ text-align: center; }}
td.figure {{ text-align: right; white-space: nowrap; }}
td.figure .currency {{ float: left; }}
tr.subtotal td, tr.total td, tr.heading td {{ font-weight: bold; }}
tr.heading.italic td {{ font-weight: normal; font-style: italic; }}
tr.spacer td {{ height: 4pt; padding: 0; }}
tr.first td {{ vertical-align: top; }}
tr.last td {{ vertical-align: bottom; }}
"""


def _section(table, style, html: HtmlOptions, index: int) -> str:
    lang = style.language
    title = table.stmt.title(lang)
    if style.title_upper:
        title = title.upper()
    parts = [f'<h1>{escape(title)}</h1>']
    if style.caption_place in ('title', 'right'):
        align = ' style="text-align: right"' if style.caption_place == 'right' else ''
        parts.append(f'<p class="caption"{align}>{escape(style.caption)}</p>')
    if relative_year_line(style):
        parts.append(f'<p>{escape(relative_year_line(style))}</p>')
    parts.append(_table(table, style, html))
    return '\n'.join(parts)


def _table(table, style, html: HtmlOptions) -> str:
    label_width = f' style="width: {table.cols[0].width:.0f}pt"' if style.options.wrapped_labels else ''
    head = []
    if table.spans:
        cells, i = [], 0
        while i < len(table.cols):
            span = next((s for s in table.spans if s.first == i), None)
            if span:
                cells.append(f'<th class="span" align="center" colspan="{span.last - span.first + 1}">'
                             f'{_lines(span.lines)}</th>')
                i = span.last + 1
            else:
                cells.append('<th></th>')
                i += 1
        head.append(f'<tr>{"".join(cells)}</tr>')
    cells = []
    for col in table.cols:
        css = col.kind  # label | note | period | variance
        width = label_width if col.kind == 'label' else ''
        align = {'label': 'left', 'note': 'center'}.get(col.kind, style.header_align)
        cells.append(f'<th class="{css}" align="{align}" valign="bottom"{width}>{_lines(col.lines)}</th>')
    head.append(f'<tr>{"".join(cells)}</tr>')
    body = [_row(row, table, style) for row in table.rows]
    # Presentational attributes beside the CSS: LibreOffice's HTML import reads these, not the style sheet.
    attributes = (f'border="{1 if html.ruled else 0}" cellspacing="0" '
                  f'cellpadding="{1 if html.width == "narrow" else 3}"' + (' width="100%"' if html.width == 'wide' else ''))
    return f'<table {attributes}>\n<thead>\n{chr(10).join(head)}\n</thead>\n<tbody>\n{chr(10).join(body)}\n</tbody>\n</table>'


def _row(row, table, style) -> str:
    if row.kind == 'spacer':
        return f'<tr class="spacer">{"<td></td>" * len(table.cols)}</tr>'
    classes = [row.kind]
    if row.kind == 'heading' and style.heading_italic and not row.label.isupper():
        classes.append('italic')
    if row.cells:
        classes.append('last' if row.figures_last else 'first')
    indent = f' style="padding-left: {row.indent * table.size:.1f}pt"' if row.indent else ''
    strong = row.kind in ('subtotal', 'total') or (row.kind == 'heading' and 'italic' not in classes)
    emphasis = (lambda text: f'<b>{text}</b>') if strong else (lambda text: text)
    valign = ' valign="bottom"' if row.figures_last else ' valign="top"'
    cells = [f'<td class="label"{indent}{valign}>{emphasis(escape(row.label))}</td>']
    for index, col in enumerate(table.cols[1:], start=1):
        if col.kind == 'note':
            cells.append(f'<td class="note" align="center"{valign}>{escape(row.note)}</td>')
        elif index in row.cells:
            cells.append(f'<td class="figure" align="right" nowrap{valign}>{emphasis(_figure(row.cells[index], style))}</td>')
        else:
            cells.append('<td></td>')
    return f'<tr class="{" ".join(classes)}">{"".join(cells)}</tr>'


def _figure(cell, style) -> str:
    if not cell.currency:
        return escape(cell.text)
    if style.language == 'fr':  # '1 141 $', as Canadian French releases print it
        return f'{escape(cell.text)} {escape(cell.currency)}'
    return f'<span class="currency">{escape(cell.currency)}</span>{escape(cell.text)}'


def _lines(lines) -> str:
    return '<br>'.join(escape(line) for line in lines)
