"""Words and lines of a page, read once from pdfplumber's characters.

pdfplumber splits `1 234,5` into `1` and `234,5` because the thousands separator is a space; we
glue such fragments back when they are closer than a word space and form a valid grouping, so that
`20   1 141 $` (a note reference, then a figure) stays two tokens.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from statistics import median

from pdfplumber.utils import extract_words, line_to_edge

from .numbers import CURRENCY_MARKS, NIL_MARKERS

_GROUP_HEAD = re.compile(r"^[(\-\u2212\u2013+]?\d{1,3}$")
_GROUP_TAIL = re.compile(r"^\d{3}(?:[.,]\d+)?\)?%?$")
# A sign printed apart from its figure (`– 2.2`); further away, a dash alone is a nil cell.
_SIGNS = {"(", "-", "\u2212", "\u2013", "+"}
# Dot leaders: a run of dots, or dots printed one by one with spaces between (`. . . .`).
_DOT_LEADER = re.compile(r"^[.\u2026·_ ]{3,}$|^[.\u2026·]$")
# How close two fragments must be, in font sizes, to be one figure: a thousands space is ~0.2 em.
_GROUP_GAP_EM = 0.45


@dataclass
class Token:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False

    @property
    def is_dot_leader(self) -> bool:
        return _DOT_LEADER.match(self.text) is not None

    @property
    def is_currency_mark(self) -> bool:
        return self.text in CURRENCY_MARKS


@dataclass
class Line:
    tokens: list[Token] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(t.top for t in self.tokens)

    @property
    def bottom(self) -> float:
        return max(t.bottom for t in self.tokens)

    @property
    def x0(self) -> float:
        return self.tokens[0].x0

    @property
    def x1(self) -> float:
        return self.tokens[-1].x1

    @property
    def size(self) -> float:
        return median(t.size for t in self.tokens)

    @property
    def text(self) -> str:
        return join_tokens([t for t in self.tokens if not t.is_dot_leader])


def join_tokens(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens).strip()


def _token_from_word(word: dict) -> Token:
    fontname = word.get("fontname") or ""
    return Token(
        # A glyph the font maps to no character comes out as NUL; U+FFFD shows the loss without
        # putting control characters into labels.
        text=word["text"].replace("\x00", "\ufffd"),
        x0=float(word["x0"]),
        x1=float(word["x1"]),
        top=float(word["top"]),
        bottom=float(word["bottom"]),
        size=float(word.get("size") or (word["bottom"] - word["top"])),
        bold="bold" in fontname.lower() or "black" in fontname.lower(),
    )


_GLUED_LEADER = re.compile(r"^(.*?[^.])(\.{4,})$")


def _split_glued_leader(token: Token) -> list[Token]:
    """`vente..........` → `vente` + a dot leader, so the leader never becomes part of a label."""
    match = _GLUED_LEADER.match(token.text)
    if not match:
        return [token]
    word, leader = match.groups()
    split_x = token.x0 + (token.x1 - token.x0) * len(word) / len(token.text)
    return [
        Token(word, token.x0, split_x, token.top, token.bottom, token.size, token.bold),
        Token(leader, split_x, token.x1, token.top, token.bottom, token.size, token.bold),
    ]


# Text set sideways on a page of upright text (a running title up the margin, `ANNUAL REPORT 2022`)
# is page furniture: its characters would otherwise be read as one-letter words and stray figures.
_UPRIGHT_SHARE = 0.8
# pdfminer calls a character upright when its text matrix (a b c d) has b·c ≤ 0, so a plain scaling
# with float noise (`0.804 -6e-08 -1.6e-07 0.837`, as some office suites write it) is "turned text" and
# every character becomes a one-letter word. A matrix that turns its glyph by less than this (b/a and c/d,
# in radians: 0.06°) is upright.
_TURN_TOLERANCE = 1e-3


def _upright(char: dict) -> dict:
    """The character, upright when pdfminer called it turned for float noise alone."""
    a, b, c, d = char["matrix"][:4]
    barely_turned = a > 0 and d > 0 and abs(b) <= _TURN_TOLERANCE * a and abs(c) <= _TURN_TOLERANCE * d
    return {**char, "upright": True} if not char.get("upright", True) and barely_turned else char


def _readable_chars(page) -> list[dict]:
    """The page's characters with their true orientation, without sideways page furniture, and without
    blanks drawn over printed glyphs."""
    chars = _without_overprinted_blanks([_upright(char) for char in page.chars])
    sideways = sum(1 for char in chars if not char["upright"])
    if not sideways or sideways > (1 - _UPRIGHT_SHARE) * len(chars):
        return chars
    return [char for char in chars if char["upright"]]


# A blank drawn over this share of its width by a glyph of its line separates nothing.
_OVERPRINT = 0.5


def _without_overprinted_blanks(chars: list[dict]) -> list[dict]:
    """Blanks that lie on printed glyphs removed: a cell padded with spaces that overlap its right-aligned
    figure (`1 79` for 179 when the pad's last space falls between its digits) would split the figure.
    A space separates words only where it is blank on the page."""
    printed: dict[int, list[tuple[float, float]]] = {}
    for char in chars:
        if char["text"].strip():
            printed.setdefault(round(char["top"]), []).append((char["x0"], char["x1"]))
    for spans in printed.values():
        spans.sort()

    def overprinted(blank: dict) -> bool:
        width = blank["x1"] - blank["x0"]
        if width <= 0:
            return False
        for top in (round(blank["top"]) - 1, round(blank["top"]), round(blank["top"]) + 1):
            spans = printed.get(top, [])
            start = bisect_left(spans, (blank["x0"] - blank["size"], blank["x0"]))
            for x0, x1 in spans[start:]:
                if x0 >= blank["x1"]:
                    break
                if min(x1, blank["x1"]) - max(x0, blank["x0"]) > _OVERPRINT * width:
                    return True
        return False

    return [char for char in chars if char["text"].strip() or not overprinted(char)]


# pdfplumber's word tolerances, in points: characters further apart than WORD_GAP are two words, and
# characters whose tops differ by more than LINE_GAP are on two lines (extract/triage.py reads pdfium's
# characters with the same two).
WORD_GAP = 1.5
LINE_GAP = 3


@dataclass(frozen=True)
class Rule:
    """A ruling line of the page: a drawn line, or a side of a rectangle (a table cell's border)."""

    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def vertical(self) -> bool:
        return self.bottom - self.top > self.x1 - self.x0


# Segments shorter than this (points) are no rules: the strokes of a logo, a check box, a hyphen drawn as a line.
_SHORTEST_RULE = 6.0


def read_rules(page) -> list[Rule]:
    """The page's ruling lines (pdfplumber's edges of its lines and rectangles), longer than a stroke.
    Curves are left out: a chart's many segments rule no table."""
    edges = [line_to_edge(line) for line in page.lines] + page.rect_edges
    rules = (Rule(float(e["x0"]), float(e["x1"]), float(e["top"]), float(e["bottom"])) for e in edges)
    return [rule for rule in rules if max(rule.x1 - rule.x0, rule.bottom - rule.top) >= _SHORTEST_RULE]


def read_tokens(page) -> list[Token]:
    """All words of a pdfplumber page as tokens, in reading order of pdfplumber."""
    words = extract_words(
        _readable_chars(page), x_tolerance=WORD_GAP, y_tolerance=LINE_GAP, keep_blank_chars=False, use_text_flow=False,
        extra_attrs=["size", "fontname"],
    )
    return [piece for w in words if w["text"].strip() for piece in _split_glued_leader(_token_from_word(w))]


def _vertical_overlap(a: Token, line: Line) -> float:
    """Overlap with the line's first token, not with the line's whole height: a figure centred
    between two label lines must not chain them into one line."""
    anchor = line.tokens[0]
    overlap = min(a.bottom, anchor.bottom) - max(a.top, anchor.top)
    return overlap / max(min(a.bottom - a.top, anchor.bottom - anchor.top), 0.1)


def group_lines(tokens: list[Token]) -> list[Line]:
    """Tokens that share a baseline band form a line; lines are sorted top to bottom."""
    lines: list[Line] = []
    for token in sorted(tokens, key=lambda t: (round(t.top, 1), t.x0)):
        target = next((line for line in reversed(lines[-3:]) if _vertical_overlap(token, line) > 0.55), None)
        if target is None:
            lines.append(Line([token]))
        else:
            target.tokens.append(token)
    for line in lines:
        line.tokens.sort(key=lambda t: t.x0)
        line.tokens = merge_figure_fragments(attach_superscripts(line.tokens))
    lines.sort(key=lambda line: line.top)
    return _join_wrapped_cells(lines)


# The end of a figure whose cell was too narrow for it, wrapped onto a line of its own (`+213,0` / `%`,
# `11,` / `0`, `(1 234` / `)`): set flush right under its figure, within this many points and line heights.
_WRAPPED_TAIL = re.compile(r"^(\)|%|\)%|\d{1,3}\)?%?)$")
_UNFINISHED_FIGURE = re.compile(r"^[(+\-\u2212\u2013]?\d[\d .,]*$")
_FLUSH = 2.0
_WRAP_GAP = 0.8


def _wrapped_from(line: Line, tail: Token) -> int | None:
    """The figure of `line` that `tail` is the wrapped end of, by its index, or None."""
    if not _WRAPPED_TAIL.match(tail.text):
        return None
    for index, token in enumerate(line.tokens):
        flush = abs(token.x1 - tail.x1) <= _FLUSH and 0 <= tail.top - token.bottom < _WRAP_GAP * token.size
        # Digits continue only a figure cut after its decimal mark; a bracket or % closes any figure.
        cut = not tail.text[0].isdigit() or token.text.endswith((",", "."))
        if flush and cut and _UNFINISHED_FIGURE.match(token.text):
            return index
    return None


def _glued_below(figure: Token, tail: Token) -> Token:
    """A figure and its end wrapped onto the line below, as one token."""
    return glue(figure, tail, "" if tail.text[0].isdigit() or tail.text.startswith(")") else " ")


def _join_wrapped_cells(lines: list[Line]) -> list[Line]:
    """Figures wrapped in their cells made whole: a line made only of wrapped ends joins the figures above
    it; a line made only of cut figures (`11,`, the row's label set lower, beside the end) joins the
    line below, where their ends are."""
    joined: list[Line] = []
    for line in lines:
        above = joined[-1] if joined else None
        targets = [_wrapped_from(above, tail) for tail in line.tokens] if above else []
        ends = {index: position for position, index in enumerate(targets) if index is not None}
        if above and len(ends) == len(targets) == len(line.tokens):
            for index, position in ends.items():
                figure = above.tokens[index]
                above.tokens[index] = replace(_glued_below(figure, line.tokens[position]), top=figure.top, bottom=figure.bottom)
            continue
        if above and len(ends) == len(above.tokens) and len(set(targets) - {None}) == len(ends):
            for index, position in ends.items():
                tail = line.tokens[position]
                line.tokens[position] = replace(_glued_below(above.tokens[index], tail), top=tail.top, bottom=tail.bottom)
            joined[-1] = line
            continue
        joined.append(line)
    return joined


def _is_superscript(base: Token, token: Token) -> bool:
    """A smaller, raised token touching the one before it: a footnote marker (`directs¹`, `year⁽¹⁾`).
    pdfplumber splits it off because its size differs."""
    return token.size < 0.85 * base.size and token.x0 - base.x1 < 0.5 and token.top < base.top - 0.3


def attach_superscripts(tokens: list[Token]) -> list[Token]:
    """Footnote markers join the word they mark, as printed; after a figure they are dropped, so that
    `815⁽¹⁾` stays the figure 815 and the marker is never read as a figure of its own. A digit glued
    to a nil mark (`n/m1`, same size) is such a marker too."""
    result: list[Token] = []
    for token in tokens:
        touching_marker = (
            result and token.x0 - result[-1].x1 < 0.5 and re.fullmatch(r"\(?\d{1,2}\)?|\*+", token.text) is not None
            and not result[-1].text[-1:].isdigit() and result[-1].text.lower() in NIL_MARKERS
        )
        if result and (touching_marker or (_is_superscript(result[-1], token) and len(token.text) <= 4)):
            base = result[-1]
            if base.text[-1:].isdigit() or base.text.lower() in NIL_MARKERS:
                continue
            result[-1] = Token(f"{base.text}{token.text}", base.x0, token.x1, base.top, base.bottom, base.size, base.bold)
            continue
        result.append(token)
    return result


def glue(left: Token, right: Token, separator: str) -> Token:
    """`left` and `right` as one token, over the box of both (`right` may be set below `left`)."""
    return Token(
        text=f"{left.text}{separator}{right.text}",
        x0=min(left.x0, right.x0),
        x1=max(left.x1, right.x1),
        top=min(left.top, right.top),
        bottom=max(left.bottom, right.bottom),
        size=max(left.size, right.size),
        bold=left.bold and right.bold,
    )


def merge_figure_fragments(tokens: list[Token]) -> list[Token]:
    """Join `1` + `234,5` into `1 234,5`, and stray `(`, `)` or `%` into the figure they belong to."""
    merged: list[Token] = []
    for token in tokens:
        if merged:
            previous = merged[-1]
            gap = token.x0 - previous.x1
            close = gap <= _GROUP_GAP_EM * max(previous.size, token.size)
            head = previous.text.rsplit(" ", 1)[-1] if " " in previous.text else previous.text
            if close and _GROUP_HEAD.match(head) and _GROUP_TAIL.match(token.text) and _GROUP_HEAD.match(previous.text.split(" ")[0]):
                merged[-1] = glue(previous, token, " ")
                continue
            if close and (token.text in {")", "%", ")%"} or previous.text in _SIGNS) and _touches_digit(previous, token):
                merged[-1] = glue(previous, token, "" if token.text != "%" else " ")
                continue
        merged.append(token)
    return merged


def _touches_digit(left: Token, right: Token) -> bool:
    return left.text[-1:].isdigit() or right.text[:1].isdigit()
