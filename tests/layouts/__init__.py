"""Synthetic financial-statement PDFs with a known answer key (see ``generator``)."""

from .generator import (
    STATEMENTS,
    CorpusDocument,
    ExpectedFigure,
    LayoutOptions,
    label_keys,
    plan_corpus,
    random_options,
    render_corpus,
    render_statements,
)

__all__ = [
    'CorpusDocument',
    'ExpectedFigure',
    'LayoutOptions',
    'STATEMENTS',
    'label_keys',
    'plan_corpus',
    'random_options',
    'render_corpus',
    'render_statements',
]
