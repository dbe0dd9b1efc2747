"""Tables set side by side on one page: a balance sheet's assets beside its liabilities, an income
statement beside a cash-flow statement (standard statement forms, one-page annual accounts).

Read as one table, each line would run from the left panel's label through its figures into the right
panel's label: the left figures become part of a label and the right figures take the left columns'
headers. The page says where the panels meet: on many lines a figure is followed, after a column gap,
by a label whose left edge is the same on every line (the right panel's label column). Lines between
the first and the last of those lines, and the header lines above them, are cut there as long as no
word runs across the cut; each side is then read as a page of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Line, Token
from .numbers import NIL_MARKERS, looks_like_year

# A label starts after a figure this far off (in font sizes): the gap between two panels.
_PANEL_GAP_EM = 0.3
# Right panels' label edges on different lines agree within this many points (left-aligned labels).
_EDGE_TOLERANCE = 3.0
# At least this many lines must put a label right after a figure at the same edge.
_MIN_SUPPORT = 3
# A word may overhang the cut by this much (points) and still belong to one side.
_STROKE = 2.0
_NUMBER = re.compile(r"^[(\-\u2212\u2013]?\d[\d\s.,\u00a0\u202f]*\)?%?$")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")


@dataclass
class Panel:
    """The lines of one side of a page (the whole page when it has no panels)."""

    lines: list[Line]


def _is_number(token: Token) -> bool:
    return _NUMBER.match(token.text) is not None


def _label_after_figure(line: Line) -> list[float]:
    """Left edges of the labels that follow a figure across a column gap on this line."""
    edges = []
    for before, token in zip(line.tokens, line.tokens[1:]):
        if _is_number(before) and _WORD.search(token.text) and token.x0 - before.x1 >= _PANEL_GAP_EM * token.size:
            edges.append(token.x0)
    return edges


def _crosses(line: Line, cut: float) -> bool:
    """A word runs across the cut by more than a stroke on both sides."""
    return any(t.x0 < cut - _STROKE and t.x1 > cut + _STROKE for t in line.tokens)


def _has_figures(tokens: list[Token]) -> bool:
    """Amounts, not a year or a day of a title (`AU 31 DECEMBRE 2022`)."""
    return any(_is_number(t) and len(re.sub(r"\D", "", t.text)) >= 3 and not looks_like_year(t.text) for t in tokens)


def _only_figures(tokens: list[Token]) -> bool:
    """The right side of a row of one wide table (a statement of changes in equity below the panels)
    holds only figures; a right panel's row starts with its label, a header line with its years."""
    return bool(tokens) and all(_is_number(t) or t.text in NIL_MARKERS for t in tokens) and not all(looks_like_year(t.text) for t in tokens)


def _support_windows(supports: list[tuple[float, int]]) -> list[list[tuple[float, int]]]:
    """Groups of label edges that agree within the tolerance, the most lines first (then left to right)."""
    supports = sorted(supports)
    windows: list[list[tuple[float, int]]] = []
    start = 0
    for end in range(len(supports)):
        while supports[end][0] - supports[start][0] > _EDGE_TOLERANCE:
            start += 1
        window = supports[start:end + 1]
        if windows and window[0] == windows[-1][0]:
            windows[-1] = window
        else:
            windows.append(window)
    return sorted(windows, key=lambda w: (-len({i for _, i in w}), w[0][0]))


def _reference_code_before(line: Line, edge: float) -> Token | None:
    """The short number printed right before the label at `edge` (a `POSTE` or `REF` code), if any."""
    before = [t for t in line.tokens if t.x1 <= edge]
    if before and _is_number(before[-1]) and len(re.sub(r"\D", "", before[-1].text)) <= 2:
        return before[-1]
    return None


def _panel_start(lines: list[Line], supporting: list[int], edge: float) -> float:
    """Where the right panel begins: its label column, or the column of reference codes before it when
    most of its rows print one at the same place."""
    codes = [code for i in supporting if (code := _reference_code_before(lines[i], edge)) is not None]
    if 2 * len(codes) > len(supporting) and max(c.x0 for c in codes) - min(c.x0 for c in codes) <= _EDGE_TOLERANCE:
        return min(c.x0 for c in codes)
    return edge


def _find_cut(lines: list[Line]) -> tuple[float, set[int]] | None:
    """(x of the cut, the lines that show it), or None when the page has no panels. A column of labels
    after reference codes (`1  CAISSE`) shows the pattern too, at the left panel's own label edge: each
    edge is tried, the best supported first, until one has figures on both sides."""
    supports: list[tuple[float, int]] = []
    for index, line in enumerate(lines):
        supports.extend((edge, index) for edge in _label_after_figure(line))
    for window in _support_windows(supports):
        lines_supporting = sorted({i for _, i in window})
        if len(lines_supporting) < _MIN_SUPPORT:
            break
        edge = _panel_start(lines, lines_supporting, min(edge for edge, _ in window))
        # The cut runs down the middle of the gap before the right panel's labels, so that a header word
        # set flush with them (`REF` over `CA`, `CB`) falls on one side.
        before = [t.x1 for i in lines_supporting for t in lines[i].tokens if t.x1 <= edge]
        cut = (max(before) + edge) / 2 if before else edge - 1.0
        # Both sides must hold figures on the lines that show the cut: two panels, not a label after a
        # figure in prose.
        left = sum(1 for i in lines_supporting if _has_figures([t for t in lines[i].tokens if t.x1 <= cut]))
        right = sum(1 for i in lines_supporting if _has_figures([t for t in lines[i].tokens if t.x0 >= cut]))
        if left >= _MIN_SUPPORT and right >= 1:
            return cut, set(lines_supporting)
    return None


def _splits(line: Line, cut: float) -> bool:
    """Can this line be cut? Not when a word runs across the cut, nor when its right side goes on with
    figures after figures on the left (a row of one wide table, a statement of changes in equity)."""
    left, right = ([t for t in part.tokens] if part else [] for part in _split_line(line, cut))
    return not _crosses(line, cut) and not (_only_figures(right) and any(_WORD.search(t.text) for t in left) and _has_figures(left))


def _right_label_alone(line: Line, cut: float) -> bool:
    """Only words, right of the cut: part of a right panel's label wrapped around its figures."""
    left, right = _split_line(line, cut)
    return left is None and right is not None and not _has_figures(right.tokens) and any(_WORD.search(t.text) for t in right.tokens)


def _cuttable(lines: list[Line], cut: float) -> list[bool]:
    """Which lines can be cut. A row whose right side holds only figures is one of a right panel whose
    label wraps around them (`CAPITAUX PROPRES ET RESSOURCES` above `74 313  83 574`, `ASSIMILEES`
    below) when a line next to it holds such a label part alone; otherwise a row of one wide table."""
    wrapped = [_right_label_alone(line, cut) for line in lines]
    return [
        _splits(line, cut) or (not _crosses(line, cut) and any(wrapped[j] for j in (index - 1, index + 1) if 0 <= j < len(lines)))
        for index, line in enumerate(lines)
    ]


def _regions(lines: list[Line], cut: float, supporting: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of lines that can be cut and hold at least one line showing the cut."""
    cuttable = _cuttable(lines, cut)
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if not cuttable[index]:
            index += 1
            continue
        end = index
        while end + 1 < len(lines) and cuttable[end + 1]:
            end += 1
        if supporting & set(range(index, end + 1)):
            runs.append((index, end))
        index = end + 1
    return runs


def _split_line(line: Line, cut: float) -> tuple[Line | None, Line | None]:
    left = [t for t in line.tokens if (t.x0 + t.x1) / 2 <= cut]
    right = [t for t in line.tokens if (t.x0 + t.x1) / 2 > cut]
    return (Line(left) if left else None), (Line(right) if right else None)


def _ends_with_figure(line: Line) -> bool:
    last = line.tokens[-1]
    return (_is_number(last) or last.text in NIL_MARKERS) and not looks_like_year(last.text)


def _titles_above(lines: list[Line], count: int = 3) -> list[Line]:
    """The text lines right above a run of panels, up to the nearest row of figures."""
    titles: list[Line] = []
    for line in reversed(lines[-count:]):
        if _ends_with_figure(line):
            break
        titles.insert(0, line)
    return titles


def split_panels(lines: list[Line]) -> list[Panel]:
    """The page as parts read in order: lines outside any panels stay whole; a run of lines set in
    panels becomes a left and a right part (each cut again if it holds panels too). The few
    text lines right above a run (the panels' titles) are given to both its parts as the context their
    tables are named from."""
    found = _find_cut(lines)
    if found is None:
        return [Panel(lines)] if lines else []
    cut, supporting = found
    runs = _regions(lines, cut, supporting)
    if not runs:
        return [Panel(lines)]
    parts: list[Panel] = []
    previous_end = 0
    for top, bottom in runs:
        parts.extend(split_panels(lines[previous_end:top]))
        above = _titles_above(lines[previous_end:top])
        left_lines, right_lines = [], []
        for line in lines[top:bottom + 1]:
            left, right = _split_line(line, cut)
            if left:
                left_lines.append(left)
            if right:
                right_lines.append(right)
        for side in (left_lines, right_lines):
            for panel in split_panels(side):
                parts.append(Panel(above + panel.lines))
        previous_end = bottom + 1
    parts.extend(split_panels(lines[previous_end:]))
    return parts
