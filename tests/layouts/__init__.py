"""Synthetic financial-statement PDFs with a known answer key (see ``generator``)."""

from .generator import (
    STATEMENTS,
    ExpectedFigure,
    LayoutOptions,
    label_keys,
    random_options,
    render_statements,
)

__all__ = [
    'ExpectedFigure',
    'LayoutOptions',
    'STATEMENTS',
    'label_keys',
    'random_options',
    'render_statements',
]
