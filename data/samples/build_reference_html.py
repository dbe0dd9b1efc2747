#!/usr/bin/env python3
"""The Verimatrix FY2025 reference release as HTML, for typesetters that are not ours.

Same content as the committed PDF (reference_content.py), written as a person would write it in
HTML: paragraphs, lists, and tables whose figures are right-aligned cells. Printed by headless
Chromium or LibreOffice (tests/layouts/engines.py), it tests the extractor on the same figures
typeset by other software, which places, wraps and rules them its own way.

* ``ruled``: a border on every table cell; otherwise no rule at all (not even the reportlab
  version's rules under headers and above totals).
* Each page of the original starts a new page (``page-break-before``); a page that overflows
  pushes the rest down, so the answer key finds each row's page in the printed PDF.

Usage:  python build_reference_html.py [--ruled] OUTPUT.html
"""

from __future__ import annotations

import re
import sys
from html import escape
from pathlib import Path

import reference_content as content

_BREAK = ' style="page-break-before: always"'

# Paragraph styles of reference_content as HTML elements.
_PARAGRAPHS = {
    'title': ('h1', ' align="center"'), 'subtitle': ('h2', ' align="center"'),
    'kicker': ('h3', ' align="center"'), 'kicker_text': ('p', ' align="center"'),
    'box_head': ('h3', ''), 'h1': ('h2', ''), 'h2': ('h3', ''), 'table_title': ('h3', ''),
    'center': ('p', ' align="center"'), 'body': ('p', ' align="justify"'), 'quote': ('p', ' class="quote" align="justify"'),
    'list': ('p', ''), 'small': ('p', ' class="small" align="justify"'), 'small_bold': ('h4', ''),
    'contact': ('p', ''), 'footnote': ('p', ' class="small"'),
}

_CSS = """
@page { size: A4; margin: 23mm 20mm 29mm 20mm; }
body { font-family: 'DejaVu Sans Condensed', 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; }
h1 { font-size: 17pt; color: #1B365D; } h2 { font-size: 11.5pt; color: #1B365D; }
h3 { font-size: 10.5pt; } h4 { font-size: 8.5pt; }
p.running { font-size: 7.5pt; color: #7F7F7F; border-bottom: 0.4pt solid #B0B0B0; }
p.small { font-size: 8.5pt; } p.quote { font-style: italic; }
table.figures { border-collapse: collapse; margin: 6pt 0; }
table.figures td, table.figures th { padding: 1.5pt 3pt; vertical-align: bottom; }
table.ruled td, table.ruled th { border: 0.6pt solid #000; }
td.figure, th.figure { text-align: right; white-space: nowrap; }
"""


def release_html(*, ruled: bool) -> str:
    pages = []
    for number, page in enumerate(content.PAGES, start=1):
        parts = [f'<p class="running"{_BREAK if number > 1 else ""}>{escape(content.RUNNING_HEADER)}</p>']
        parts += [_block(block, ruled) for block in page()]
        if number in content.FOOTNOTES_BY_PAGE:
            parts.append(f'<p class="small">{_markup(content.FOOTNOTES_BY_PAGE[number])}</p>')
        pages.append('\n'.join(parts))
    return (f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>{escape(content.TITLE)}</title>'
            f'<style>{_CSS}</style></head>\n<body>\n' + '\n'.join(pages) + '\n</body></html>\n')


def _markup(text: str) -> str:
    """reportlab's inline markup as HTML: <super> is <sup>; links lose reportlab's colour attribute."""
    text = re.sub(r'<super[^>]*>', '<sup>', text).replace('</super>', '</sup>')
    return re.sub(r'(<a href="[^"]*") color="[^"]*"', r'\1', text)


def _block(block, ruled: bool) -> str:
    if isinstance(block, content.Para):
        tag, attributes = _PARAGRAPHS[block.style]
        return f'<{tag}{attributes}>{_markup(block.text)}</{tag}>'
    if isinstance(block, content.Bullets):
        items = ''.join(f'<li>{_markup(item)}</li>' for item in block.items)
        kind = 'circle' if block.mark == 'o' else 'disc'
        return f'<ul type="{kind}" style="list-style-type: {kind}">{items}</ul>'
    if isinstance(block, content.Space):
        return f'<div style="height: {block.height}pt"></div>'
    if isinstance(block, content.FinancialTable):
        return financial_table_html(block, ruled)
    if isinstance(block, content.AtPageFoot):
        return financial_table_html(block.table, ruled)
    if isinstance(block, content.Contacts):
        cells = ''.join(f'<td valign="top">{"<br>".join(_markup(line) for line in card)}</td>'
                        for card in (block.left, block.right))
        return f'<table border="0" width="100%"><tr>{cells}</tr></table>'
    raise TypeError(f'unknown block {block!r}')


def financial_table_html(table: content.FinancialTable, ruled: bool) -> str:
    # Presentational attributes beside the CSS: LibreOffice's HTML import reads these, not the style sheet.
    widths = [f' width="{round(w * 4 / 3)}"' for w in table.widths]  # points to CSS pixels
    rows = []
    for r, header_row in enumerate(table.header):
        cells, c = [], 0
        while c < len(header_row):
            span = next(((c0, c1) for (c0, r0), (c1, _) in table.spans if (c0, r0) == (c, r)), None)
            text = '<br>'.join(escape(line) for line in header_row[c].split('\n'))
            if c == 0:
                cells.append(f'<th align="left"{widths[0]}><i>{text}</i></th>')
                c += 1
            elif span:
                cells.append(f'<th align="center" colspan="{span[1] - span[0] + 1}">{text}</th>')
                c = span[1] + 1
            else:
                cells.append(f'<th class="figure" align="right"{widths[c]}>{text}</th>')
                c += 1
        rows.append(f'<tr>{"".join(cells)}</tr>')
    for r in table.rows:
        if r.kind == 'spacer':
            rows.append(f'<tr>{"<td></td>" * len(table.widths)}</tr>')
            continue
        wrap = {'bold': ('<b>', '</b>'), 'total': ('<b>', '</b>'), 'pct': ('<i>', '</i>')}.get(r.kind, ('', ''))
        label = '<br>'.join(escape(line) for line in r.label.split('\n'))
        indent = ' style="padding-left: 13pt"' if r.kind == 'sub' else ''
        cells = [f'<td{indent}{widths[0] if not table.header else ""}>{wrap[0]}{label}{wrap[1]}</td>']
        cells += [f'<td class="figure" align="right" valign="bottom">{wrap[0]}{escape(v)}{wrap[1]}</td>' for v in r.values]
        rows.append(f'<tr valign="bottom">{"".join(cells)}</tr>')
    classes = 'figures ruled' if ruled else 'figures'
    return (f'<table class="{classes}" border="{1 if ruled else 0}" cellspacing="0" cellpadding="2">\n'
            + '\n'.join(rows) + '\n</table>')


def main(argv: list[str]) -> int:
    arguments = argv[1:]
    ruled = '--ruled' in arguments
    arguments = [a for a in arguments if a != '--ruled']
    if len(arguments) != 1:
        print(__doc__.split('Usage:')[1].strip(), file=sys.stderr)
        return 2
    Path(arguments[0]).write_text(release_html(ruled=ruled), encoding='utf-8')
    print(arguments[0])
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
