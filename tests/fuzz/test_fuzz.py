"""The fast tier of the fault campaign, run by `make test`: a few dozen seeded mutants, every fault
class drawn, each judged against its sound document (see campaign.py). `make fuzz` runs a few hundred."""

import pytest

from .campaign import PROBLEMS, counts_per_class, format_counts, run_mutant
from .mutants import generate

MUTANTS = 30  # three of each of the ten fault classes: about 10 s on two shared cores


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("fuzz")
    verdicts = [run_mutant(mutant, index, work_dir) for index, mutant in enumerate(generate(MUTANTS, work_dir, seed=20))]
    print("\n" + format_counts(counts_per_class(verdicts)))
    return verdicts


def test_every_fault_class_is_drawn(verdicts):
    assert {verdict.mutant.fault for verdict in verdicts} == {
        "byte_flip", "truncation", "duplicated_chunk", "damaged_xref", "reference_loop", "nested_forms",
        "deflate_bomb", "broken_font", "damaged_page_tree", "container",
    }


@pytest.mark.parametrize("problem", PROBLEMS)
def test_no_mutant_shows_the_problem(verdicts, problem):
    shown = [f"{v.mutant.fault} ({v.mutant.seed.name}, {v.mutant.note}): {v.status}: {v.error}" for v in verdicts if problem in v.problems]
    assert shown == []


def test_the_judge_sees_each_problem():
    """The oracle itself: a result with each problem is caught (a judge that never complains proves nothing)."""
    from extract import DocumentExtraction, LineItem

    from .campaign import judge
    from .mutants import Mutant, Seed

    def item(page, text, value=None):
        value = int(text) if value is None else value
        return LineItem(page, 0, 0, 0, "Revenue", None, None, "2025", "value", text, value, "amount", 0, 1, None, None, None, None, False, False, 0, 0, 1, 1)

    sound = DocumentExtraction("s", "s.pdf", 1, pages=2, status="extracted", line_items=[item(1, "10"), item(2, "20")])
    mutant = Mutant("container", Seed("s", b""), b"", "")
    cases = {
        "exception": DocumentExtraction("m", "m.pdf", 1, error="the extractor process died (exit code 1); ..."),
        "timeout": DocumentExtraction("m", "m.pdf", 1, error="extraction took longer than the limit of 300 s and was stopped"),
        "partial_as_complete": DocumentExtraction("m", "m.pdf", 1, pages=2, status="extracted", line_items=[item(1, "10")]),
        "invented_figures": DocumentExtraction("m", "m.pdf", 1, pages=2, status="partial", error="1 of 2 pages", line_items=[item(1, "16", 16)]),
        "misleading_reason": DocumentExtraction("m", "m.pdf", 1, error="unreadable PDF (TypeError: 'NoneType' object is not iterable)"),
        "not_refused": DocumentExtraction("m", "m.pdf", 1, pages=2, status="extracted", line_items=sound.line_items),
    }
    assert {problem: problem in judge(mutant, result, sound) for problem, result in cases.items()} == dict.fromkeys(PROBLEMS, True)
