"""The extractor on generated layouts: every figure of every statement, read right (the issue's
target is 100 %), with its period, and variance columns read as variances."""

import pytest

from extract import extract_document
from orchestration.evaluation import GoldFigure, comparable_label, figures_from_extraction, report_text, score_document

from . import random_options, render_statements
from .test_generator import COMBOS

# The hand-picked combinations (every option on at least once) and a spread of random draws.
LAYOUTS = COMBOS + [(seed, random_options(seed)) for seed in range(200, 236)]


@pytest.fixture(scope="module", params=LAYOUTS, ids=[f"seed{seed}" for seed, _ in LAYOUTS])
def layout(request, tmp_path_factory):
    seed, options = request.param
    path = tmp_path_factory.mktemp("layouts") / f"{seed}.pdf"
    figures = render_statements(path, seed=seed, options=options)
    return figures, extract_document(path)


def test_every_figure_is_read_with_its_label_and_period(layout):
    figures, extraction = layout
    gold = [
        GoldFigure(f.page, f.statement, f.label, f.column_header, f.period_end.isoformat(), f.value_text, f.value)
        for f in figures if f.period_type
    ]
    score = score_document("generated.pdf", gold, figures_from_extraction(extraction), {})
    assert (score.matched, len(score.wrong)) == (len(gold), 0), report_text([score])


def test_variance_columns_are_read_as_variances(layout):
    figures, extraction = layout
    expected = sorted((f.page, comparable_label(f.label), f.value_text, str(f.value)) for f in figures if f.period_type is None)
    read = sorted(
        (item.page, comparable_label(item.label), item.value_text, str(item.reported_value))
        for item in extraction.line_items if item.column_role == "variance"
    )
    assert read == expected
