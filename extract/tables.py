"""Lines of a page → financial tables: rows with a label, figures assigned to columns by x-position.

The steps, each a function: classify every line (figure row, header, text, page furniture), group
runs of figure rows into table blocks, find the column bands from where figures sit on the page,
attach headers to bands, and build rows with wrapped labels joined and section rows recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .context import classify_statement
from .layout import Line, Rule, Token, glue, join_tokens
from .numbers import ParsedNumber, looks_like_year, parse_number
from .periods import MONTHS, fold, length_list

FIGURE, HEADER, TEXT, FURNITURE = "figure", "header", "text", "furniture"

# A figure column starts at least this far (in font sizes) from the end of its row label.
_LABEL_GAP_EM = 0.8
# Lines further apart than this (in line heights) do not belong to the same table.
_MAX_ROW_GAP = 3.2
_PAGE_MARGIN = 0.055
_HEADER_WORDS = {
    "note", "notes", "var", "var.", "variation", "change", "%", "mois", "months", "month", "weeks", "semaines", "ended",
    "clos", "exercice", "year", "years", "quarter", "trimestre", "semestre", "half", "fy", "au", "at", "as", "of", "le",
    "the", "for", "ended,", "first", "second", "third", "fourth", "premier", "deuxieme", "troisieme", "quatrieme", "non", "audite", "audited", "unaudited", "revise", "revised", "three", "six", "nine", "twelve", "trois", "neuf", "douze", "published", "publie", "reported", "restated", "retraite", "proforma", "pro", "forma", "ytd",
    # Standard statement forms (SYSCOHADA): gross, depreciation, net columns.
    "net", "brut", "amort", "amortissements", "depreciations",
    # Plural period kinds of spanning headers (`Quarters Ended June 30,`, `Exercices terminés le`).
    "quarters", "trimestres", "semestres", "exercices", "halves", "termine",
    "termines", "terminee", "terminees",
}
_PERIOD_TOKEN = re.compile(
    r"^(t|q|s|h)[1-4]$|^[1-4](t|q)$|^fy\d{2,4}$|^\d{1,2}m$|^(19|20)\d\d[a-z]?$|^'\d\d$|^\d{1,2}[/.]\d{1,2}[/.](19|20)?\d\d$|^[1-5]?\d$"
    # Relative years (`31/12/N`, `N-1`, `31/12/N-` with its `1` wrapped to the next line).
    r"|^(\d{1,2}[/.]\d{1,2}[/.])?n(-\d?)?$"
    # A spreadsheet's dates: `31-dec-22`, `dec-22`.
    rf"|^(\d{{1,2}}-)?({'|'.join(MONTHS)})\.?-((19|20)?\d\d)$"
)
_JOINING_WORDS = {
    "de", "des", "du", "d'", "et", "à", "a", "aux", "au", "en", "sur", "par", "pour", "la", "le", "les", "l'",
    "of", "and", "to", "for", "in", "on", "by", "from", "the", "with", "at", "or", "ou",
}
# `NET (1)`, `LIBELLES (2)`: a footnote call in a header line, not an amount in parentheses.
_HEADER_FOOTNOTE = re.compile(r"^\(\d\)$")
_FOOTNOTE_MARKER = re.compile(r"^(\(\w{1,2}\)|\*{1,3}|\w\))$")
# A note reference: `14`, `B.6.`, `4.2`, `B2`, `F1(a)`; a list of them is `C5,C6,C7`.
_NOTE_REF = re.compile(r"^(?:[A-Z]{1,2}\.?)?\d{1,2}(?:\.\d{1,2})*(?:\([a-z]\))?\.?$")


def _is_note_ref(text: str) -> bool:
    return all(_NOTE_REF.match(part) for part in text.rstrip(",").split(","))


@dataclass
class ClassifiedLine:
    line: Line
    kind: str
    label_tokens: list[Token] = field(default_factory=list)
    figures: list[tuple[Token, ParsedNumber]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return join_tokens([t for t in self.label_tokens if not t.is_dot_leader])


@dataclass
class Band:
    x0: float
    x1: float

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Cell:
    column_index: int
    token: Token
    number: ParsedNumber


@dataclass
class Row:
    label: str
    section: str | None
    cells: list[Cell]
    line: Line
    header_group: int
    note: str | None = None
    wrapped: bool = False
    ambiguous: list[Token] = field(default_factory=list)  # figures left out: another one holds their column
    # Every heading line read since the previous row, outermost first (`Earnings per share (€)`,
    # `From continuing operations`): the unit of the rows below may be named only there.
    headings: list[str] = field(default_factory=list)


@dataclass
class TableBlock:
    """One table on one page, before periods and statements are read into it."""

    page_number: int
    lines: list[ClassifiedLine]
    header_groups: list[list[ClassifiedLine]]
    bands: list[Band]
    rows: list[Row]
    column_headers: list[list[str]]  # per header group, per band: the header text
    note_band: Band | None
    context: list[str]  # text lines above the table, nearest first
    caption_left: list[str]  # header-row text sitting in the label column, e.g. `(en millions USD)`

    @property
    def top(self) -> float:
        return min(cl.line.top for cl in self.lines)

    @property
    def bottom(self) -> float:
        return max(cl.line.bottom for cl in self.lines)


def _is_header_token(token: Token) -> bool:
    return _is_header_word(token.text)


def _is_header_word(word: str) -> bool:
    text = fold(word).strip(",.:()")
    return (
        text in _HEADER_WORDS
        or text in MONTHS
        or _PERIOD_TOKEN.match(text) is not None
        or looks_like_year(text)
        or text == "1er"
    )


def classify_line(line: Line, page_height: float, decimal_comma: bool | None) -> ClassifiedLine:
    tokens = line.tokens
    in_margin = line.bottom < page_height * _PAGE_MARGIN or line.top > page_height * (1 - _PAGE_MARGIN)
    near_edge = line.bottom < page_height * 0.1 or line.top > page_height * 0.88
    if (in_margin and len(tokens) <= 12) or (near_edge and _is_page_number(line.text)):
        return ClassifiedLine(line, FURNITURE)
    figures, label = _split_trailing_figures(tokens, decimal_comma)
    period_tokens = [t for t in tokens if _is_header_token(t)]
    all_figures_years = figures and all(looks_like_year(t.text) for t, _ in figures)
    amounts = [n for _, n in figures if not looks_like_year(_.text)]
    # A header names periods; a line quoting amounts (`11,2 M$ en 2024.`) is prose or a row.
    amounts += [
        n for t in tokens
        if (n := parse_number(t.text, decimal_comma=decimal_comma)) is not None and (n.decimals or "(" in t.text or n.kind == "percent")
        and not _HEADER_FOOTNOTE.match(t.text)
    ]
    if period_tokens and not amounts and (all_figures_years or not figures):
        years = [t for t in tokens if looks_like_year(word := fold(t.text).strip(",.:()")) or _PERIOD_TOKEN.match(word)]
        header_share = len(period_tokens) / len(tokens)
        if header_share == 1.0 or (years and (header_share >= 0.5 or all_figures_years or _sits_right_of_text(tokens, years))):
            return ClassifiedLine(line, HEADER, label_tokens=label)
    if not figures and _names_lengths(line.text):
        return ClassifiedLine(line, HEADER, label_tokens=label)
    if figures:
        return ClassifiedLine(line, FIGURE, label_tokens=label, figures=figures)
    return ClassifiedLine(line, TEXT, label_tokens=list(tokens))


def _names_lengths(text: str) -> bool:
    """A line that names a list of lengths and nothing but period words around it (`53 and 52 Weeks
    Ended`, `Three and Six Months Ended June 30,`): a header, though its counts are not header words."""
    listed = length_list(text)
    if listed is None:
        return False
    start, end = listed.span
    around = (text[:start] + " " + text[end:]).split()
    return all(_is_header_word(word) or re.fullmatch(r"\d{1,2},?", word) for word in around)


def _is_page_number(text: str) -> bool:
    return re.fullmatch(r"(page |p\. ?)?\d{1,3}( ?(/|sur|of) ?\d{1,3})?|[-–] ?\d{1,3} ?[-–]", fold(text)) is not None


def _sits_right_of_text(tokens: list[Token], years: list[Token]) -> bool:
    """`(en millions USD)      2025    2024`, `(In Millions)   Apr 1, 2023`: the period phrase before the
    first year is separated from the words on its left by a column gap."""
    index = tokens.index(years[0])
    while index > 0 and _is_header_token(tokens[index - 1]) and tokens[index].x0 - tokens[index - 1].x1 < 2 * tokens[index].size:
        index -= 1
    return index == 0 or tokens[index].x0 - tokens[index - 1].x1 >= 2 * tokens[index].size


def _split_trailing_figures(tokens: list[Token], decimal_comma: bool | None):
    """The figures printed at the end of a row, and the label before them."""
    figures: list[tuple[Token, ParsedNumber]] = []
    index = len(tokens)
    while index > 0:
        token = tokens[index - 1]
        # A currency mark, or a lone dot some tables print in an empty cell, is not a figure.
        if token.is_currency_mark or token.text == ".":
            index -= 1
            continue
        number = parse_number(token.text, decimal_comma=decimal_comma)
        if number is None:
            break
        figures.insert(0, (token, number))
        index -= 1
    label = list(tokens[:index])
    # A number glued to the label (`échéance 2026`, `Note 5`) is part of the label, not a figure.
    while figures and label:
        last_label = next((t for t in reversed(label) if not t.is_dot_leader), None)
        leader = label[-1].is_dot_leader
        first = figures[0][0]
        gap = first.x0 - label[-1].x1
        if leader or last_label is None or gap >= _LABEL_GAP_EM * first.size:
            break
        label.append(figures.pop(0)[0])
    return figures, label


def classify_lines(lines: list[Line], page_height: float, decimal_comma: bool | None) -> list[ClassifiedLine]:
    classified = [classify_line(line, page_height, decimal_comma) for line in lines]
    for index in range(1, len(classified)):
        if _wrapped_header_digits(classified[index - 1], classified[index]):
            classified[index] = ClassifiedLine(classified[index].line, HEADER, label_tokens=list(classified[index].line.tokens))
    for index in range(len(classified) - 1, 0, -1):
        if _period_titles_above(classified[index - 1], classified[index]):
            above = classified[index - 1]
            classified[index - 1] = ClassifiedLine(above.line, HEADER, label_tokens=list(above.line.tokens))
    return classified


# Share of a line's words that must be header words for it to title the columns of the header below it.
_TITLE_SHARE = 0.75


def _period_titles_above(above: ClassifiedLine, header: ClassifiedLine) -> bool:
    """A line of period titles set right over a header's dates, inside the figure columns (`Trimestre
    clos le … Exercice clos le` over `31 décembre 2024 …`) belongs to the header even when one of its
    words is not a header word: a word misread by OCR (`clos te`) would otherwise leave the line as text
    and its columns without the kind of their period (quarter or year), so no period at all."""
    if above.kind != TEXT or header.kind != HEADER or len(above.line.tokens) < 3:
        return False
    dates = [t for t in header.line.tokens if t.text[:1].isdigit()]
    if not dates or above.line.x0 < min(t.x0 for t in dates) - header.line.size:
        return False
    if header.line.top - above.line.bottom > 1.5 * header.line.size:
        return False
    return sum(_is_header_token(t) for t in above.line.tokens) >= _TITLE_SHARE * len(above.line.tokens)


def _wrapped_header_digits(above: ClassifiedLine, cl: ClassifiedLine) -> bool:
    """A lone digit under a header line, without a label, is the end of a header wrapped in its cell
    (`31/12/N-` / `1`), not a row of figures."""
    return (
        above.kind == HEADER and cl.kind == FIGURE and not cl.label_tokens
        and all(re.fullmatch(r"\d{1,2}", t.text) for t, _ in cl.figures)
        and cl.line.top - above.line.bottom < 1.5 * cl.line.size
    )


def _line_pitch(lines: list[ClassifiedLine]) -> float:
    sizes = sorted(cl.line.size for cl in lines) or [10.0]
    return sizes[len(sizes) // 2] * 1.25


def find_blocks(classified: list[ClassifiedLine]) -> list[list[ClassifiedLine]]:
    """Runs of figure rows (with the header, section and wrapped-label lines between them)."""
    content = [cl for cl in classified if cl.kind != FURNITURE]
    pitch = _line_pitch(content)
    blocks: list[list[ClassifiedLine]] = []
    current: list[ClassifiedLine] = []
    figure_x0 = None

    def close():
        nonlocal current, figure_x0
        trailing: list[ClassifiedLine] = []
        while current and current[-1].kind != FIGURE:
            trailing.insert(0, current.pop())
        # The last row's label may wrap onto a line below its figures (`... at end of` / `period`).
        if current and trailing and trailing[0].kind == TEXT and trailing[0].line.top - current[-1].line.bottom < pitch:
            if _continues(current[-1].label, trailing[0].label):
                current.append(trailing[0])
        # Only the header lines right above the figures (and the section lines after them) belong to
        # the table; earlier header-like lines (`A 19` page codes, another box's header) are context.
        first_figure = next((i for i, cl in enumerate(current) if cl.kind == FIGURE), len(current))
        start = first_figure
        while start > 0 and current[start - 1].kind != HEADER:
            start -= 1
        while start > 0 and (current[start - 1].kind == HEADER or _between_headers(current, start - 1)):
            start -= 1
        if any(cl.kind == HEADER for cl in current[:first_figure]):
            current = current[start:]
        # One figure row is a table only under a header of its own, or at the top of a page (the last
        # row of a statement carried over; kept only if it continues the table before it).
        figure_rows = sum(1 for cl in current if cl.kind == FIGURE)
        at_page_top = bool(current) and any(current[0] is cl for cl in content[:2])  # below a running header at most
        if figure_rows >= 2 or (figure_rows == 1 and (at_page_top or any(cl.kind == HEADER for cl in current))):
            blocks.append(current)
        current, figure_x0 = [], None

    leads: list[ClassifiedLine] = []
    for cl in content:
        if current and cl.line.top - current[-1].line.bottom > _MAX_ROW_GAP * pitch and not _heads_after_gap(current, cl):
            close()
        if cl.kind == FIGURE:
            # Where the figures begin, read on rows with a label: a row whose label wraps onto the next
            # line may start with its line code (`7  -  -` / `ASSIMILES`), read as a figure.
            start = min(t.x0 for t, _ in cl.figures) if cl.label_tokens else figure_x0
            # A section heading set tight above the first row of a table without a header (a table
            # going on after a page break: `Cash flows from investing activities`) is its first line.
            if not current and leads and cl.line.top - leads[-1].line.bottom < 0.8 * pitch and max(l.line.x1 for l in leads) < (start or 0.0):
                current.extend(leads)
            figure_x0 = start if figure_x0 is None or start is None else min(figure_x0, start)
            current.append(cl)
        elif cl.kind == HEADER:
            title_at = _statement_title_since_figures([*current, cl])
            if title_at is not None:
                # A new statement's title and header below the last rows (an income statement set
                # right under the balance sheet): another table starts.
                tail = current[title_at:]
                current = current[:title_at]
                close()
                current = tail
            current.append(cl)
        elif current:
            # Text inside a table stays in the label column; text that runs across the figures is prose.
            if figure_x0 is not None and cl.line.x1 > figure_x0 - 2:
                close()
            else:
                current.append(cl)
        if cl.kind == TEXT and not current:
            wraps = leads and cl.line.top - leads[-1].line.bottom < 0.8 * pitch and _continues(leads[-1].label, cl.label)
            leads = [*leads, cl] if wraps else [cl]
        elif cl.kind != FIGURE:
            leads = []
    close()
    return blocks


def _statement_title_since_figures(current: list[ClassifiedLine]) -> int | None:
    """Where the title of another statement than the rows above sits among the lines read since the
    last row of figures, if one does (`Compte de résultat` below a balance sheet's rows; not `Passif`,
    which heads the second half of the same balance sheet). A header line names one by its words in the
    label column (`Compte de Résultat (en milliers)  Exercice 2025 …`, `2 COMPTE DE RÉSULTATS`). Rows
    whose labels name no statement (a bank's form) are another table's too when the title comes with
    column headers of its own: the rows below lose no header by the cut."""
    last_figure = max((i for i, cl in enumerate(current) if cl.kind == FIGURE), default=None)
    if last_figure is None:
        return None
    above = classify_statement("", [cl.label for cl in current if cl.kind == FIGURE])
    for index in range(last_figure + 1, len(current)):
        line = current[index]
        text = line.line.text if line.kind == TEXT else join_tokens(line.label_tokens) if line.kind == HEADER else ""
        named = classify_statement(text, []) if text else "other"
        headed = any(cl.kind == HEADER for cl in current[index:])
        if named != "other" and named != above and (above != "other" or headed):
            return index
    return None


def _between_headers(lines: list[ClassifiedLine], index: int) -> bool:
    """A line of column titles in the label and notes columns (`REF  ACTIF  NOTE`) set between two
    header lines of the periods is part of the header, not a break in it."""
    return (
        lines[index].kind == TEXT and 0 < index < len(lines) - 1
        and lines[index - 1].kind == HEADER and lines[index + 1].kind == HEADER and len(lines[index].line.tokens) <= 8
    )


def _heads_after_gap(current: list[ClassifiedLine], cl: ClassifiedLine) -> bool:
    """A header set far above its first row (a panel whose neighbour's rows start higher, a header
    cell taller than its text) still heads it when the row's figures line up under its periods, one
    each, and nothing but header and label-column text lies between them."""
    if cl.kind != FIGURE or any(c.kind == FIGURE for c in current):
        return False
    header = next((c for c in reversed(current) if c.kind == HEADER), None)
    if header is None:
        return False
    periods = [t for t in header.line.tokens if _PERIOD_TOKEN.match(fold(t.text)) or looks_like_year(t.text)]
    figures = [t for t, _ in cl.figures]
    if len(periods) != len(figures):
        return False
    return all(
        abs((p.x0 + p.x1) / 2 - (f.x0 + f.x1) / 2) <= max(f.x1 - f.x0, p.x1 - p.x0) + 2 * f.size
        for p, f in zip(periods, figures)
    )


def find_bands(rows: list[ClassifiedLine]) -> list[Band]:
    """Column bands: the union of overlapping figure boxes across rows (numbers right-aligned or centred)."""
    intervals = sorted((t.x0, t.x1) for cl in rows for t, _ in cl.figures)
    bands: list[Band] = []
    for x0, x1 in intervals:
        if bands and x0 <= bands[-1].x1 + 0.5:
            bands[-1].x1 = max(bands[-1].x1, x1)
        else:
            bands.append(Band(x0, x1))
    if any(_cells_per_band(cl, bands) for cl in rows):
        bands = _bands_by_right_edge(rows)
    return _nil_marks_in_their_cells(rows, bands)


def _nil_marks_in_their_cells(rows: list[ClassifiedLine], bands: list[Band]) -> list[Band]:
    """A band of nil marks only (`-`), set left of a column's right-aligned figures and never on a row
    with one of them, is that column's: a dash centred in a cell wider than its figures. The column's
    band reaches over it (and over the cell's centre, where its header is set)."""
    merged: list[Band] = []
    for index, band in enumerate(bands):
        if merged and merged[-1] is not None and _nil_only(rows, bands, index - 1) and not _nil_only(rows, bands, index) \
                and not any({index - 1, index} <= {band_index(bands, t) for t, _ in cl.figures} for cl in rows):
            merged[-1] = Band(merged[-1].x0, band.x1)
        else:
            merged.append(band)
    return merged


def _nil_only(rows: list[ClassifiedLine], bands: list[Band], index: int) -> bool:
    return all(number.value is None for cl in rows for token, number in cl.figures if band_index(bands, token) == index)


def _cells_per_band(cl: ClassifiedLine, bands: list[Band]) -> bool:
    """True when one row puts two figures in one band: the bands have swallowed a column gap."""
    seen = [band_index(bands, t) for t, _ in cl.figures]
    return len(seen) != len(set(seen))


def _bands_by_right_edge(rows: list[ClassifiedLine]) -> list[Band]:
    """Fallback for crowded tables: cluster figures by their right edge (numbers are right-aligned)."""
    return _right_edge_clusters([t for cl in rows for t, _ in cl.figures], lambda token: 0.6 * token.size)


def _right_edge_clusters(tokens: list[Token], tolerance) -> list[Band]:
    """Bands of tokens whose right edges follow each other within `tolerance(token)`."""
    bands: list[Band] = []
    for token in sorted(tokens, key=lambda t: t.x1):
        if bands and token.x1 - bands[-1].x1 <= tolerance(token):
            bands[-1].x0, bands[-1].x1 = min(bands[-1].x0, token.x0), max(bands[-1].x1, token.x1)
        else:
            bands.append(Band(token.x0, token.x1))
    return bands


def band_index(bands: list[Band], token: Token) -> int:
    """The band a token sits in: the one it overlaps most, else the nearest."""
    best, best_overlap = None, 0.0
    for index, band in enumerate(bands):
        overlap = min(band.x1, token.x1) - max(band.x0, token.x0)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    if best is not None:
        return best
    center = (token.x0 + token.x1) / 2
    return min(range(len(bands)), key=lambda i: abs(bands[i].center - center))


def _phrases(tokens: list[Token], walls: list[float] = ()) -> list[list[Token]]:
    """Header words grouped into phrases: words closer than a column gap belong together, unless a cell
    border (`walls`, the x of the vertical rules crossing their line) stands between them."""
    phrases: list[list[Token]] = []
    for token in tokens:
        walled = any(phrases[-1][-1].x1 - 0.5 <= wall <= token.x0 + 0.5 for wall in walls) if phrases else False
        if phrases and token.x0 - phrases[-1][-1].x1 < 0.6 * token.size and not walled:
            phrases[-1].append(token)
        else:
            phrases.append([token])
    return phrases


def _within_own_column(x0: float, x1: float, own: Band, bands: list[Band]) -> bool:
    """A phrase set wholly between the previous column's figures and the right edge of its own
    (right-aligned figures under a header centred in a wider cell) heads that column alone."""
    index = bands.index(own)
    left_limit = bands[index - 1].x1 if index > 0 else float("-inf")
    right_limit = bands[index + 1].x0 if index + 1 < len(bands) else float("inf")
    return x0 > left_limit + 1 and x1 <= min(own.x1 + 2, right_limit)


def _heads_one_column(x0: float, x1: float, bands: list[Band]) -> bool:
    """A phrase over the figures of one column only, and within that column."""
    covered = [band for band in bands if x1 > band.x0 and x0 < band.x1]
    return len(covered) == 1 and _within_own_column(x0, x1, covered[0], bands)


def _split_repeated_periods(phrase: list[Token]) -> list[list[Token]]:
    """Adjacent header cells printed too close to be told apart by their gap (`Exercice 2025 Exercice
    2024`, `T4 2025 T4 2024`, `31 décembre 2025 31 décembre 2024`): a phrase made of the same words
    repeated, each time ending in a year, is one header per repetition."""
    ends = [i for i, t in enumerate(phrase) if looks_like_year(t.text.strip(",.:()"))]
    if len(ends) < 2 or ends[-1] != len(phrase) - 1:
        return [phrase]
    pieces, start = [], 0
    for end in ends:
        pieces.append(phrase[start:end + 1])
        start = end + 1
    shapes = {" ".join(fold(t.text) for t in piece[:-1]) for piece in pieces}
    return pieces if len(shapes) == 1 else [phrase]


def _phrase_reaches(x0: float, x1: float, band: Band, bands: list[Band]) -> bool:
    """Does a header phrase name this column? It does when it sits over it; a phrase over another
    column names this one too when it runs across the whole gap to it (a spanning header set
    off-centre, Amcor's `Twelve Months Ended June 30,`) or is centred over both, not when it is merely
    wider than its own right-aligned figures; a phrase over no column (centred over a group) names
    those nearby."""
    if x1 > band.x0 and x0 < band.x1:
        return True
    margin = max(25.0, 0.6 * (x1 - x0))
    if not x0 - margin <= band.center <= x1 + margin:
        return False
    covered = [other for other in bands if x1 > other.x0 and x0 < other.x1]
    if not covered:
        return True
    own = min(covered, key=lambda o: abs(o.center - band.center))
    gap_edge = band.x1 if band.x1 <= x0 else band.x0
    across_the_gap = abs((x0 if band.x1 <= x0 else x1) - gap_edge) <= max(6.0, 0.15 * abs(own.center - band.center)) and not _within_own_column(x0, x1, own, bands)
    centre = (x0 + x1) / 2
    centred_over_both = abs(centre - (own.center + band.center) / 2) < abs(centre - own.center)
    return across_the_gap or centred_over_both


def _spanned_bands(phrase: tuple[float, float, str], lower_lines: list[list[tuple[float, float, str]]], bands: list[Band]) -> set[int]:
    """The columns a spanning header names through the headers beneath it: a phrase centred over two or
    more consecutive phrases of a lower header line, across the gaps between them (`Nine Months Ended`
    over `July 1, 2023` and `June 25, 2022`), names every column those phrases name, even where it
    covers none of their figures (figures set right of their dates, a header centred on the dates).
    Over three phrases or more it must also be wide (half the distance between the outer ones' centres):
    a date over one column is centred over the three around it too. The phrases beneath must name
    neighbouring columns, one each."""
    x0, x1, _ = phrase
    centre = (x0 + x1) / 2
    for line in lower_lines:
        for first in range(len(line)):
            for last in range(first + 1, len(line)):
                left, right = line[first], line[last]
                span_centre = (left[0] + right[1]) / 2
                tolerance = max(6.0, 0.05 * (right[1] - left[0]))
                crosses_the_gaps = x0 < line[first + 1][0] and x1 > line[last - 1][1]
                wide_enough = last == first + 1 or x1 - x0 >= 0.5 * ((right[0] + right[1]) - (left[0] + left[1])) / 2
                if abs(centre - span_centre) <= tolerance and crosses_the_gaps and wide_enough:
                    named = [_nearest_band(bands, (q[0] + q[1]) / 2) for q in line[first:last + 1]]
                    # The phrases beneath name neighbouring columns, one each: a column between them
                    # with no header on that line is one the phrase may be the header of.
                    if named == list(range(named[0], named[0] + len(named))):
                        return set(named)
    return set()


# How far below a header phrase a rule may be drawn to underline it, in the phrase's line heights.
_UNDERLINE_REACH = 1.0


def _walls(line: Line, rules: list[Rule]) -> list[float]:
    """The x of the vertical rules crossing the line's middle: the cell borders on its height."""
    middle = (line.top + line.bottom) / 2
    return [rule.x0 for rule in rules if rule.vertical and rule.top <= middle <= rule.bottom]


def _ruled_span(
    phrase: tuple[float, float, str], line: Line, line_phrases: list[tuple[float, float, str]], rules: list[Rule],
    bands: list[Band], labels_end: float,
) -> set[int]:
    """The columns a header phrase spans by the page's rules: the cell whose vertical borders enclose it
    on its line, or else the rule drawn right under it (`Three Months Ended` underlined over its columns).
    Only a cell or rule that holds no other phrase of the line, begins right of the row labels (not a
    frame around the table or the page) and reaches over two columns or more spans anything."""
    x0, x1, _ = phrase
    height = line.bottom - line.top
    crossing = _walls(line, rules)
    left = max((x for x in crossing if x <= x0 + 0.5), default=None)
    right = min((x for x in crossing if x >= x1 - 0.5), default=None)
    extents = [(left, right)] if left is not None and right is not None else []
    extents += [
        (r.x0, r.x1) for r in rules
        if not r.vertical and line.bottom - 1 <= r.top <= line.bottom + _UNDERLINE_REACH * height and r.x0 <= x0 + 1 and r.x1 >= x1 - 1
    ]
    for start, end in extents:
        alone = all(o[0] >= end or o[1] <= start for o in line_phrases if o is not phrase)
        spanned = {i for i, band in enumerate(bands) if start <= band.center <= end}
        if alone and start > labels_end and len(spanned) >= 2:
            return spanned
    return set()


def _nearest_band(bands: list[Band], x: float) -> int:
    return min(range(len(bands)), key=lambda i: abs(bands[i].center - x))


def read_headers(
    group: list[ClassifiedLine], bands: list[Band], label_right: float, labels_end: float | None = None, rules: list[Rule] = (),
    labels_start: float = 0.0,
) -> tuple[list[str], list[str], Band | None]:
    """Header text per band (lines joined top to bottom), the caption in the label column, the note band.
    `label_right` is where the figures begin, `labels_end` where the rows' labels end (there, unless said),
    `labels_start` where they begin; `rules` are the page's ruling lines."""
    labels_end = label_right if labels_end is None else labels_end
    texts: list[list[str]] = [[] for _ in bands]
    caption: list[str] = []
    note_band = None
    lines: list[list[tuple[float, float, str]]] = []
    ruled_spans: list[list[set[int]]] = []
    for cl in group:
        line_phrases: list[tuple[float, float, str]] = []
        for position, phrase in enumerate(p for phrase in _phrases(cl.line.tokens, _walls(cl.line, rules)) for p in _split_repeated_periods(phrase)):
            x0, x1 = phrase[0].x0, phrase[-1].x1
            text = join_tokens(phrase)
            # Left of the figures is the caption (`(en millions USD)`), unless it is a period set off
            # to the left of its column: after the caption (`($ million)      2022      2023` over
            # right-aligned figures), or first on its line but right of every label (a year centred
            # in a cell wider than its figures, the `$` column between).
            period_words = all(_is_header_token(t) for t in phrase)
            # A `Note` header heads the notes column, set between the labels and the figures: in the
            # label column's right half when the references are not numbers (`B2`, `F1(a)`).
            if fold(text).strip(".") in {"note", "notes", "ref", "réf", "reference"} and x0 - labels_start > (label_right - labels_start) / 2:
                note_band = Band(x0 - 4, x1 + 4)
                continue
            # A list of lengths (`53 and 52 Weeks Ended`) heads the columns wherever it is set.
            if x1 <= label_right and not (period_words and (position > 0 or x0 > labels_end)) and not length_list(text):
                caption.append(text)
                continue
            line_phrases.append((x0, x1, text))
        lines.append(line_phrases)
        ruled_spans.append([_ruled_span(phrase, cl.line, line_phrases, rules, bands, labels_end) for phrase in line_phrases])
    for line_number, line_phrases in enumerate(lines):
        spanned = [_spanned_bands(phrase, lines[line_number + 1:], bands) if bands else set() for phrase in line_phrases]
        if not all(spanned):
            # Spanning headers make a line of their own (`Three Months Ended   Nine Months Ended`): on a
            # line of column headers, a phrase centred over two columns is two headers run together.
            spanned = [set() for _ in line_phrases]
        # A cell drawn around a phrase, or a rule drawn under it, says what it spans whatever its position.
        spanned = [ruled or by_position for ruled, by_position in zip(ruled_spans[line_number], spanned)]
        # Each band takes the nearest phrase of this header line that reaches over it: a spanning
        # header (`Three Months Ended`) is centred over its columns without covering their centres.
        used: set[str] = set()
        served: set[int] = set()
        for index, band in enumerate(bands):
            reaching = [
                (0.0 if index in spans else abs((x0 + x1) / 2 - band.center), text)
                for (x0, x1, text), spans in zip(line_phrases, spanned)
                if index in spans or _phrase_reaches(x0, x1, band, bands)
            ]
            margin = max([25.0] + [x1 - x0 for x0, x1, _ in line_phrases])
            if not reaching and len(line_phrases) >= 2 and line_phrases[0][0] - margin <= band.center <= line_phrases[-1][1] + margin:
                # Column-group headers (`March 31,` over `2024  2025  % Change`): a band no phrase
                # reaches belongs to the group whose phrase is nearest. A phrase that heads one column
                # of its own heads no group: beside two-line headers (`12 mois` / `2025`) a one-line
                # header set between their lines (`Var.`) is not theirs.
                reaching = [(max(x0 - band.center, band.center - x1, 0.0), text) for x0, x1, text in line_phrases
                            if not _heads_one_column(x0, x1, bands)]
            if reaching:
                texts[index].append(min(reaching)[1])
                used.add(min(reaching)[1])
                served.add(index)
        # A header set off to one side of its figures (`2022` printed left of right-aligned amounts)
        # still names the column it is nearest to, if no other header of the line does.
        for x0, x1, text in line_phrases:
            if text in used or not bands:
                continue
            nearest = _nearest_band(bands, (x0 + x1) / 2)
            if nearest not in served:
                texts[nearest].append(text)
                served.add(nearest)
        _share_out_lengths(line_phrases, texts, len(lines[line_number]) == 1)
    return [" ".join(t) for t in texts], caption, note_band


def _share_out_lengths(line_phrases: list[tuple[float, float, str]], texts: list[list[str]], own_line: bool) -> None:
    """A header naming one length per group of its columns (`Three and Six Months Ended` over `2025 2024
    2025 2024`) gives each group its own, the groups contiguous and of one size, in order. On a line of its
    own it heads every column of the table, wherever it is set (`53 and 52 Weeks Ended` printed above the
    caption). When the columns cannot be shared out so, each keeps the whole list, a length unknown."""
    for _, _, text in line_phrases:
        listed = length_list(text)
        headed = [i for i, column in enumerate(texts) if column and column[-1] == text]
        columns = list(range(len(texts))) if own_line else headed
        if listed is None or len(columns) % len(listed.readings):
            continue
        shared = listed.readings
        size = len(columns) // len(shared)
        for position, index in enumerate(columns):
            if index in headed:
                texts[index].pop()
            texts[index].append(shared[position // size])


def _continues(previous_label: str, text: str) -> bool:
    """Does `text` continue the label above it (a wrapped label) rather than start a new row?
    A line ending in a colon introduces the rows below it (`Current assets:`), so it never does."""
    if not text or text.rstrip().endswith(":"):
        return False
    first = text[0]
    last_word = fold(previous_label).split(" ")[-1] if previous_label else ""
    parenthetical = text.startswith("(") and text.rstrip().endswith(")") and text.count("(") == 1  # `(part du Groupe)`
    return first.islower() or parenthetical or previous_label.rstrip().endswith(("-", ",", "/", "(")) or last_word in _JOINING_WORDS


def _overlaps_vertically(upper: Line, lower: Line) -> bool:
    """A label printed on two lines with its figures centred between them: the figure line
    overlaps both label lines."""
    return lower.top < upper.bottom - 0.5


def _in_band(band: Band | None, token: Token) -> bool:
    return band is not None and token.x1 > band.x0 and token.x0 < band.x1


def _split_note(tokens: list[Token], note_band: Band | None) -> tuple[list[Token], str | None]:
    """Label tokens without the note reference, and the reference (`B.6.`, `14, 15, 16`)."""
    if note_band is not None:
        # A word of a long label that only reaches into the band is no reference.
        notes = [t for t in tokens if _in_band(note_band, t) and (_is_note_ref(t.text) or note_band.x0 <= (t.x0 + t.x1) / 2 <= note_band.x1)]
        return [t for t in tokens if t not in notes], join_tokens(notes) or None
    if len(tokens) >= 2 and _is_note_ref(tokens[-1].text) and tokens[-1].x0 - tokens[-2].x1 >= 2 * tokens[-1].size:
        return tokens[:-1], tokens[-1].text
    return tokens, None


def infer_note_band(lines: list[ClassifiedLine], bands: list[Band]) -> Band | None:
    """A notes column without a `Note` header: references (`B.6.`, `14`) set off from their labels by
    a column gap, left of the figures, at the same place in at least two rows."""
    if not bands:
        return None
    references: list[Token] = []
    for cl in lines:
        tokens = [t for t in cl.label_tokens if not t.is_dot_leader] + [t for t, _ in cl.figures]
        for before, token in zip(tokens, tokens[1:]):
            gap = token.x0 - before.x1
            if _is_note_ref(token.text) and token.x1 < bands[0].x0 and (gap >= 2 * token.size or before.is_dot_leader):
                references.append(token)
                break
    if len(references) < 2:
        return None
    references.sort(key=lambda t: t.x0)
    x0 = references[len(references) // 2].x0
    aligned = [t for t in references if abs(t.x0 - x0) <= 3 * t.size]
    if len(aligned) < 2:
        return None
    return Band(min(t.x0 for t in aligned) - 1, min(max(t.x1 for t in aligned) + 2 * aligned[0].size, bands[0].x0 - 1))


def _add_note(row: Row, note: str | None) -> None:
    if note:
        row.note = f"{row.note} {note}" if row.note else note


def _one_cell_per_column(cells: list[Cell], bands: list[Band]) -> tuple[list[Cell], list[Token]]:
    """A row holds one figure per column. When two land in one column, the one centred on it is kept
    and the other is returned, to be reported rather than loaded under a column it may not belong to."""
    kept: dict[int, Cell] = {}
    left_out: list[Token] = []
    for cell in cells:
        other = kept.get(cell.column_index)
        if other is None:
            kept[cell.column_index] = cell
            continue
        center = bands[cell.column_index].center
        distance = lambda c: abs((c.token.x0 + c.token.x1) / 2 - center)  # noqa: E731
        if distance(cell) < distance(other):
            kept[cell.column_index], cell = cell, other
        left_out.append(cell.token)
    return [kept[index] for index in sorted(kept)], left_out


def build_rows(lines: list[ClassifiedLine], bands: list[Band], note_band: Band | None) -> list[Row]:
    rows: list[Row] = []
    pending: list[ClassifiedLine] = []
    pending_note: str | None = None
    section: str | None = None
    header_group = 0
    previous: ClassifiedLine | None = None
    seen_header = False
    # A footnote marker printed beside the last line of a label whose figures are centred on it:
    # it goes after the label's continuation lines (`... opérationnelles (d)`).
    trailing_marker: dict[int, str] = {}
    for cl in lines:
        if cl.kind == HEADER:
            if previous is not None and previous.kind != HEADER and seen_header:
                header_group += 1
            seen_header = True
            pending = []
            previous = cl
            continue
        if cl.kind == TEXT:
            tokens, note = _split_note([t for t in cl.label_tokens if not t.is_dot_leader], note_band)
            overlaps_row = previous is not None and previous.kind == FIGURE and rows and _overlaps_vertically(previous.line, cl.line)
            if not tokens:
                # A note reference stacked on its own line beside a row (Sanofi's `B.6.` / `B.11.`).
                if overlaps_row:
                    _add_note(rows[-1], note)
                else:
                    pending_note = note
                continue
            text = join_tokens(tokens)
            follows_figures = previous is not None and previous.kind == FIGURE and rows and not pending
            if follows_figures and (_continues(rows[-1].label, text) or overlaps_row):
                rows[-1].label = f"{rows[-1].label} {text}".strip()
                rows[-1].wrapped = True
                _add_note(rows[-1], note)
            else:
                pending.append(cl)
            previous = cl
            continue
        figures = [(t, n) for t, n in cl.figures if not _in_band(note_band, t)]
        note_figures = [t for t, _ in cl.figures if _in_band(note_band, t)]
        label_tokens, note = _split_note([t for t in cl.label_tokens if not t.is_dot_leader] + note_figures, note_band)
        label = join_tokens(label_tokens)
        marker = None
        if _FOOTNOTE_MARKER.match(label):
            marker, label = label, ""
        wrapped = False
        if pending and not label and _overlaps_vertically(pending[-1].line, cl.line):
            label = pending.pop().label
            wrapped = True
        elif pending and _continues(pending[-1].label, label):
            joined = [pending.pop()]
            while pending and _continues(pending[-1].label, joined[0].label):
                joined.insert(0, pending.pop())
            label = " ".join([p.label for p in joined] + ([label] if label else []))
            wrapped = True
        headings = [p.label for p in pending]
        if pending:
            # A section heading may wrap too (`Cash flows from financing` / `activities`).
            heading = [pending.pop()]
            while pending and _continues(pending[-1].label, heading[0].label):
                heading.insert(0, pending.pop())
            section = " ".join(p.label for p in heading)
            pending = []
        cells, ambiguous = _one_cell_per_column([Cell(band_index(bands, t), t, n) for t, n in figures], bands)
        if cells:
            if marker and not wrapped:
                label = marker
            elif marker:
                trailing_marker[len(rows)] = marker
            rows.append(Row(label, section, cells, cl.line, header_group, note, wrapped, ambiguous, headings))
            _add_note(rows[-1], pending_note)
            pending_note = None
        previous = cl
    for index, marker in trailing_marker.items():
        rows[index].label = f"{rows[index].label} {marker}"
    return rows


# Line codes of standard statement forms (SYSCOHADA's `AD`, `BZ`, `XA`): two capitals or a capital
# and a digit, printed in a column of their own left of the labels.
_REFERENCE_CODE = re.compile(r"^([A-Z][A-Z0-9]|\d{1,3})$")


def _reference_code(cl: ClassifiedLine) -> Token | None:
    """The line code that starts the row, if any: its label's first word, or its first figure when its
    label is printed on another line (`7  -  -` under `GAINS OU PERTES ... ET`)."""
    tokens = [t for t in cl.label_tokens if not t.is_dot_leader]
    if not tokens and len(cl.figures) > 1 and _REFERENCE_CODE.match(cl.figures[0][0].text):
        return cl.figures[0][0]
    if not tokens or not _REFERENCE_CODE.match(tokens[0].text):
        return None
    following = tokens[1] if len(tokens) > 1 else (cl.figures[0][0] if cl.figures else None)
    if following is not None and following.x0 - tokens[0].x1 < 0.8 * tokens[0].size:
        return None
    return tokens[0]


def strip_reference_codes(block: list[ClassifiedLine]) -> list[ClassifiedLine]:
    """A column of line codes left of the labels (three rows or more, codes at one left edge) is not
    part of the labels: the codes are dropped from them. A row left with no label by it takes the
    text line just above, its label printed at the top of a taller cell (`Terrains` / `AJ  2,070,739,356`)."""
    codes = {id(cl): code for cl in block if cl.kind in (FIGURE, TEXT) and (code := _reference_code(cl))}
    # The column is found by the codes that start labels; a code read as a figure only joins it.
    edges = sorted(code.x0 for cl in block if (code := codes.get(id(cl))) is not None and any(t is code for t in cl.label_tokens))
    if len(edges) < 3:
        return block
    edge = edges[len(edges) // 2]
    codes = {key: code for key, code in codes.items() if abs(code.x0 - edge) <= 3}
    if len(codes) < 3:
        return block
    result: list[ClassifiedLine] = []
    for cl in block:
        code = codes.get(id(cl))
        if code is None:
            result.append(cl)
            continue
        label = [t for t in cl.label_tokens if t is not code]
        figures = [(t, n) for t, n in cl.figures if t is not code]
        line = Line([t for t in cl.line.tokens if t is not code])
        if cl.kind == FIGURE and not [t for t in label if not t.is_dot_leader] and result and result[-1].kind == TEXT \
                and id(result[-1]) not in codes and cl.line.top - result[-1].line.bottom < 1.5 * cl.line.size:
            above = result.pop()
            label = list(above.label_tokens)
            line = Line(label + line.tokens)
        if not line.tokens:
            continue
        result.append(ClassifiedLine(line, cl.kind, label_tokens=label, figures=figures))
    return result


_SIGN_MARKS = {"+", "-", "\u2212", "-/+", "+/-", "+/\u2212"}


def _after_label(line: Line, mark: Token) -> bool:
    """A sign mark set in a column of its own, after text of its row (the label, its reference code)."""
    return any(t.x1 <= mark.x0 and t.text not in _SIGN_MARKS for t in line.tokens)


def strip_sign_column(block: list[ClassifiedLine]) -> list[ClassifiedLine]:
    """Standard statement forms print a column of signs between labels and figures (`+` for income,
    `-` for charges, `-/+` for changes), with a letter naming the subtotals (`A +`). Its `-` is no nil
    figure and its marks are no part of the labels: a column of such marks at one place on three lines
    or more, one of them a `+`, each after its row's label, is dropped, with the letters set just left of
    it. A mark that starts its line is a bullet of the label (`- Part courante`), whatever lines up with it."""
    marks = [
        (cl, t) for cl in block if cl.kind in (FIGURE, TEXT)
        for t in cl.line.tokens if t.text in _SIGN_MARKS and _after_label(cl.line, t)
    ]
    if len(marks) < 3:
        return block
    centres = sorted((t.x0 + t.x1) / 2 for _, t in marks)
    centre = centres[len(centres) // 2]
    column = [(cl, t) for cl, t in marks if abs((t.x0 + t.x1) / 2 - centre) <= 4]
    if len(column) < 3 or not any(t.text != "-" and t.text != "\u2212" for _, t in column):
        return block
    dropped = {id(t) for _, t in column}
    size = column[0][1].size
    letters = {
        id(t) for cl in block for t in cl.line.tokens
        if re.fullmatch(r"[A-Z]", t.text) and 0 < centre - t.x1 <= 4 * size
    }
    dropped |= letters
    result = []
    for cl in block:
        if not any(id(t) in dropped for t in cl.line.tokens):
            result.append(cl)
            continue
        tokens = [t for t in cl.line.tokens if id(t) not in dropped]
        if not tokens:
            continue
        figures = [(t, n) for t, n in cl.figures if id(t) not in dropped]
        label = [t for t in cl.label_tokens if id(t) not in dropped]
        kind = cl.kind if cl.kind != FIGURE or figures else TEXT
        result.append(ClassifiedLine(Line(tokens), kind, label_tokens=label if kind != TEXT or figures else tokens, figures=figures))
    return result


_DASHES = {"-", "\u2212", "\u2013"}
# Figures whose right edges lie this close (points) stand in one column.
_COLUMN_EDGE = 3.0


def _column_edges(block: list[ClassifiedLine]) -> list[float]:
    """The right edges of the block's columns of figures (right edges that agree within a tolerance)."""
    figures = [t for cl in block if cl.kind == FIGURE for t, _ in cl.figures if t.text not in _DASHES]
    return [band.x1 for band in _right_edge_clusters(figures, lambda token: _COLUMN_EDGE)]


def attach_detached_signs(block: list[ClassifiedLine], decimal_comma: bool | None) -> list[ClassifiedLine]:
    """Spreadsheet accounting formats set a negative figure's minus at the left edge of its cell and the
    digits at the right (`-      3 003`). Read apart, the minus is a nil cell of a column that does not
    exist. A dash directly followed by a figure on its row is that figure's sign when no column ends
    between them: they share a cell. A nil dash, centred or flush right, has its column's edge after it."""
    edges = _column_edges(block)
    if not edges:
        return block

    def in_a_column(dash: Token, figure: Token) -> bool:
        return any(dash.x1 - _COLUMN_EDGE <= edge <= figure.x0 for edge in edges)

    result = []
    for cl in block:
        figures = list(cl.figures)
        joined = False
        for index in range(len(figures) - 2, -1, -1):
            dash, _ = figures[index]
            figure, number = figures[index + 1]
            if dash.text in _DASHES and figure.text not in _DASHES and number.value is not None and number.value >= 0 and not in_a_column(dash, figure):
                signed = glue(dash, figure, " ")
                parsed = parse_number(signed.text, decimal_comma=decimal_comma)
                if parsed is not None:
                    figures[index:index + 2] = [(signed, parsed)]
                    joined = True
        if not joined:
            result.append(cl)
            continue
        kept = {id(t) for t, _ in figures} | {id(t) for t in cl.label_tokens}
        own = {id(t) for t in cl.line.tokens}
        tokens = [t for t in cl.line.tokens if id(t) in kept] + [t for t, _ in figures if id(t) not in own]
        result.append(ClassifiedLine(Line(sorted(tokens, key=lambda t: t.x0)), cl.kind, label_tokens=cl.label_tokens, figures=figures))
    return result
