"""The renderings the typesetting tests measure, and the table of what the extractor makes of them.

    .venv/bin/python -m tests.layouts.typesetting [--all] [--misses N]

prints, per typesetter and rendering, the figures read with their label, with their period, and
those never printed, with the first misses; ``--all`` measures every header convention in every
ruling and width (32 renderings per typesetter, about ten minutes here) instead of the tests' selection.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

from .engines import ENGINES, print_to_pdf
from .generator import HEADER_CONVENTIONS, ExpectedFigure, LayoutOptions, render_statements
from .html_layouts import WIDTHS, HtmlOptions, write_statements_html

# The generator's own typesetting (reportlab) beside the others: a miss there too is the header
# convention's, not the typesetter's. Only the ruling of the HTML options applies to it.
TYPESETTERS = ('reportlab',) + ENGINES

# One rendering per header convention, each with another ruling and width, so that every option is on
# at least once per typesetter. (name, seed, generator options, HTML options)
RENDERINGS = [
    ('adjacent-ruled-narrow', 3, LayoutOptions(language='fr', periods=4, variance_column=True, notes_column=True,
                                               headers='adjacent'), HtmlOptions(ruled=True, width='narrow')),
    ('period_span-unruled-wide', 8, LayoutOptions(language='en', periods=4, headers='period_span'),
     HtmlOptions(ruled=False, width='wide')),
    ('upper_span-unruled-narrow', 5, LayoutOptions(language='en', periods=4, variance_column=True,
                                                   headers='upper_span'), HtmlOptions(ruled=False, width='narrow')),
    ('relative-ruled-wide', 2, LayoutOptions(language='fr', periods=2, notes_column=True, headers='relative'),
     HtmlOptions(ruled=True, width='wide')),
    ('fiscal_quarters-ruled-narrow', 4, LayoutOptions(language='en', periods=4, notes_column=True,
                                                      headers='fiscal_quarters'), HtmlOptions(ruled=True, width='narrow')),
    # The generator's first seed, its headers as drawn ('Exercice 2025', '31 décembre 2025'), in narrow cells.
    ('drawn1-ruled-narrow', 1, LayoutOptions(), HtmlOptions(ruled=True, width='narrow')),
    ('drawn-unruled-narrow', 7, LayoutOptions(language='en', periods=4, variance_column=True, notes_column=True,
                                              wrapped_labels=True, currency_symbol=True),
     HtmlOptions(ruled=False, width='narrow')),
]


class OverflowedPage(RuntimeError):
    """A statement did not fit on its page: the key's page numbers would be wrong."""


def typeset_statements(engine: str, rendering, folder: Path) -> tuple[list[ExpectedFigure], Path]:
    """(answer key, PDF) of one rendering typeset by ``engine``."""
    name, seed, options, html_options = rendering
    pdf = Path(folder) / f'{name}-{engine}.pdf'
    if engine == 'reportlab':
        return render_statements(pdf, seed=seed, options=replace(options, ruled=html_options.ruled)), pdf
    html = write_statements_html(Path(folder) / f'{name}.html', seed=seed, options=options, html=html_options)
    print_to_pdf(engine, Path(folder) / f'{name}.html', pdf)
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        if len(document.pages) != html.pages:
            raise OverflowedPage(f'{engine} printed {name} on {len(document.pages)} pages, not {html.pages}')
    return html.figures, pdf


def every_rendering() -> list:
    """Every header convention in every ruling and width (and the drawn headers of a few seeds)."""
    bases = {
        'adjacent': (3, LayoutOptions(language='fr', periods=4, variance_column=True, notes_column=True, headers='adjacent')),
        'period_span': (8, LayoutOptions(language='en', periods=4, headers='period_span')),
        'upper_span': (5, LayoutOptions(language='en', periods=4, variance_column=True, headers='upper_span')),
        'relative': (2, LayoutOptions(language='fr', periods=2, notes_column=True, headers='relative')),
        'fiscal_quarters': (4, LayoutOptions(language='en', periods=4, notes_column=True, headers='fiscal_quarters')),
    }
    assert set(bases) == set(HEADER_CONVENTIONS)
    bases |= {f'drawn{seed}': (seed, options) for seed, options in (
        (7, LayoutOptions(language='en', periods=4, variance_column=True, notes_column=True, wrapped_labels=True,
                          currency_symbol=True)),
        (11, LayoutOptions(periods=4, variance_column=True, notes_column=True, wrapped_labels=True, scale='thousands')),
        (1, LayoutOptions()),
    )}
    return [(f'{name}-{"ruled" if ruled else "unruled"}-{width}', seed, options, HtmlOptions(ruled=ruled, width=width))
            for name, (seed, options) in bases.items() for ruled in (True, False) for width in WIDTHS]


def main(argv=None) -> int:
    from extract import extract_document

    from .typeset_scoring import measure

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--all', action='store_true', help='every convention × ruling × width')
    parser.add_argument('--misses', type=int, default=3, help='misses shown per rendering, by kind')
    args = parser.parse_args(argv)
    renderings = every_rendering() if args.all else RENDERINGS
    with tempfile.TemporaryDirectory(prefix='ledgerline-typeset-') as folder:
        for rendering in renderings:
            for engine in TYPESETTERS:
                try:
                    figures, pdf = typeset_statements(engine, rendering, Path(folder))
                except OverflowedPage as overflow:
                    print(f'{engine:12} {rendering[0]:36} {overflow}')
                    continue
                result = measure(figures, extract_document(pdf), pdf)
                print(f'{engine:12} {rendering[0]:36} {result.summary()}')
                kinds = Counter(_kind(miss) for miss in result.misses)
                for kind, count in kinds.most_common(args.misses):
                    print(f'{"":14}{count:4} × {kind}')
    return 0


def _kind(miss: str) -> str:
    """A miss without its figure, so that misses of one kind count together."""
    kind = re.sub(r"^p\.\d+ (['\"]).*?\1 ", '', miss)  # page and label
    kind = re.sub(r"^('[^']*') [^:]*:", r'\1:', kind)  # the figure after the column header
    return re.sub(r'\d{4}-\d\d-\d\d', '<date>', kind)


if __name__ == '__main__':
    raise SystemExit(main())
