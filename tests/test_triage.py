"""Page triage (extract/triage.py): pages pdfium finds without a column of figures are not read in depth,
and no table is lost for it. The whole proof on every shipped document is
`python -m benchmarks.compare_line_items` (dump before and after, compare); here the same claim on the
long samples (extracted with and without triage), and the rule itself."""

import pypdfium2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import extract_document, triage
from extract.layout import Token, group_lines
from extract.triage import MIN_ALIGNED_FIGURES, MIN_PAGES_FOR_TRIAGE, aligned_figures

from .conftest import SAMPLES

LONG_SAMPLES = [path for path in sorted(SAMPLES.glob("*.pdf")) if len(pypdfium2.PdfDocument(path)) >= MIN_PAGES_FOR_TRIAGE]


@pytest.fixture(scope="module", params=LONG_SAMPLES, ids=lambda p: p.name)
def both_ways(request):
    """A long sample extracted with every page read in depth, as before triage, and with triage."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(triage, "MIN_PAGES_FOR_TRIAGE", 10**9)
        whole = extract_document(request.param)
    return request.param, whole, extract_document(request.param)


def test_there_are_long_samples_to_triage():
    assert len(LONG_SAMPLES) >= 2


def test_every_page_with_line_items_is_read_in_depth(both_ways):
    path, whole, triaged = both_ways
    decisions = triage.triage_document(path, whole.pages)
    skipped = {number for number, page in enumerate(decisions, start=1) if not page.in_depth}
    assert whole.pages_analysed == whole.pages and triaged.pages_analysed == whole.pages - len(skipped)
    assert skipped, "a long report has pages of prose or pictures"
    assert not skipped & {item.page for item in whole.line_items}


def test_triage_loses_nothing(both_ways):
    """Same line items, tables and page issues; the same title, language and issuer, read from the whole
    text (pdfium's words for the pages not read in depth)."""
    _, whole, triaged = both_ways
    assert triaged.line_items == whole.line_items
    assert triaged.tables == whole.tables and triaged.page_issues == whole.page_issues
    assert (triaged.status, triaged.title, triaged.language, triaged.issuer) == (whole.status, whole.title, whole.language, whole.issuer)


# -------------------------------------------------------------------------------- the rule

SIZE = 9.0
_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=2, max_size=10)
_figures = st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}") | st.integers(1, 999_999).map(lambda n: f"({n:,})")


def _token(text: str, x0: float, top: float) -> Token:
    return Token(text, x0, x0 + 0.5 * SIZE * len(text), top, top + SIZE, SIZE)


def _prose_line(words: list[str], top: float) -> list[Token]:
    tokens, x = [], 50.0
    for word in words:
        tokens.append(_token(word, x, top))
        x = tokens[-1].x1 + 0.25 * SIZE  # a word space
    return tokens


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.lists(_words, min_size=1, max_size=5), _figures), min_size=MIN_ALIGNED_FIGURES, max_size=12), st.floats(350, 500))
def test_figures_right_aligned_under_each_other_are_a_column(rows, right_edge):
    tokens = []
    for index, (label, figure) in enumerate(rows):
        top = 100 + index * 14
        tokens += _prose_line(label, top)[:2]  # a short label, far left of the column
        width = 0.5 * SIZE * len(figure)
        tokens.append(Token(figure, right_edge - width, right_edge, top, top + SIZE, SIZE))
    assert aligned_figures(group_lines(tokens)) >= len(rows)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(_words, st.none() | _figures), min_size=2, max_size=10), min_size=1, max_size=30))
def test_figures_within_sentences_are_no_column(sentences):
    """In prose a figure stands between words at a word space: however many there are and wherever
    they fall, they make no column (a figure alone on a line, say a page number, is one cell)."""
    lines = []
    for index, pairs in enumerate(sentences):
        words = [word for pair in pairs for word in pair if word] + ["end"]  # a sentence starts and ends with a word
        lines += _prose_line(words, 100 + index * 14)
    assert aligned_figures(group_lines(lines)) < MIN_ALIGNED_FIGURES



# ------------------------------------------------------------------- two cores (extract/parallel.py)


def _split_read(tmp_path, read):
    from extract.parallel import read_split

    path = tmp_path / "any.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    with open(path, "rb") as handle:
        return read_split(list(range(1, 31)), read, str(path), handle.fileno())


def test_a_long_document_s_pages_are_read_on_two_cores(tmp_path):
    import os

    from extract.parallel import _cores

    read = _split_read(tmp_path, lambda number: (number * number, os.getpid()))
    assert sorted(read) == list(range(1, 31)) and all(read[n][0] == n * n for n in read)
    assert len({pid for _, pid in read.values()}) == min(2, _cores())


def test_pages_a_dead_child_did_not_send_are_read_by_the_parent(tmp_path):
    import os
    import signal

    parent = os.getpid()

    def read(number):
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # the child runs out of memory, say
        return number * number

    assert _split_read(tmp_path, read) == {n: n * n for n in range(1, 31)}


def test_the_pages_read_in_depth_are_counted_in_the_warehouse(both_ways, tmp_path):
    import duckdb

    from orchestration.warehouse import Warehouse

    path, _, triaged = both_ways
    store = Warehouse(tmp_path / "warehouse.duckdb")
    store.write_document(triaged, file_names=[path.name])
    with duckdb.connect(str(store.work_path), read_only=True) as connection:
        counted = connection.execute("select pages, pages_analysed from raw.documents").fetchall()
    assert counted == [(triaged.pages, triaged.pages_analysed)] and triaged.pages_analysed < triaged.pages
