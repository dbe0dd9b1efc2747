"""Tests of the layout generator itself (not of any extractor).

They check that the answer key is trustworthy: every figure is printed where the
key says, the printed text means the value the key gives, and the statements add
up, so that a mismatch in an extractor benchmark is the extractor's fault.
"""

import re
from dataclasses import replace
from collections import Counter, defaultdict
from decimal import Decimal

import pdfplumber
import pytest

from . import STATEMENTS, LayoutOptions, label_keys, plan_corpus, random_options, render_corpus, render_statements

# Hand-picked combinations (every option on at least once, mixed with the
# others) plus whatever random_options draws for a few seeds.
COMBOS = [
    (1, LayoutOptions()),
    (7, LayoutOptions(language='en', ruled=True, periods=4, variance_column=True, notes_column=True,
                      wrapped_labels=True, page_break=True, currency_symbol=True, dot_leaders=True)),
    (11, LayoutOptions(periods=4, variance_column=True, notes_column=True, wrapped_labels=True,
                       dot_leaders=True, scale='thousands')),
    (3, LayoutOptions(language='en', fiscal_year_end=(6, 30), prior_first=True, variance_column=True,
                      page_break=True, currency_symbol=True)),
    (5, LayoutOptions(ruled=True, fiscal_year_end=(9, 30), wrapped_labels=True, page_break=True,
                      currency_symbol=True, notes_column=True)),
    (23, LayoutOptions(language='en', periods=4, prior_first=True, fiscal_year_end=(3, 31),
                       scale='thousands', dot_leaders=True)),
] + [(seed, random_options(seed)) for seed in (100, 101, 102, 103, 104, 105)]

# The header conventions of issue 14, forced (LayoutOptions.headers); kept out of COMBOS, which the
# extraction test on the generator's own PDFs also uses (test_other_typesetters measures them).
CONVENTION_COMBOS = [
    (3, LayoutOptions(language='fr', periods=4, variance_column=True, notes_column=True, headers='adjacent')),
    (8, LayoutOptions(language='en', periods=4, headers='period_span', ruled=True)),
    (5, LayoutOptions(language='en', periods=4, variance_column=True, headers='upper_span')),
    (2, LayoutOptions(language='fr', periods=2, notes_column=True, headers='relative', page_break=True)),
    (4, LayoutOptions(language='en', periods=4, headers='fiscal_quarters', wrapped_labels=True)),
    (9, LayoutOptions(language='fr', periods=4, headers='fiscal_quarters', prior_first=True, ruled=True)),
]
ALL_COMBOS = COMBOS + CONVENTION_COMBOS

IDS = [f'seed{seed}-{o.language}-p{o.periods}-{o.headers}' for seed, o in ALL_COMBOS]

_cache = {}


def rendered(seed, options, tmp_path_factory):
    """Render once per combination: (figures, text of each page, page count)."""
    key = (seed, options)
    if key not in _cache:
        path = tmp_path_factory.mktemp('layouts') / f'{seed}.pdf'
        figures = render_statements(path, seed=seed, options=options)
        with pdfplumber.open(path) as pdf:
            texts = [page.extract_text() for page in pdf.pages]
        _cache[key] = figures, texts
    return _cache[key]


@pytest.fixture(params=ALL_COMBOS, ids=IDS)
def document(request, tmp_path_factory):
    seed, options = request.param
    figures, texts = rendered(seed, options, tmp_path_factory)
    return options, figures, texts


def test_every_figure_is_printed_on_its_page(document):
    _, figures, texts = document
    assert figures
    expected = Counter((f.page, f.value_text) for f in figures)
    for (page, text), count in expected.items():
        assert 1 <= page <= len(texts)
        # At least as many occurrences as the key claims (other text may add more).
        assert texts[page - 1].count(text) >= count, (page, text)


def test_key_is_unique_and_complete(document):
    options, figures, _ = document
    assert Counter((f.statement, f.label, f.column_header) for f in figures).most_common(1)[0][1] == 1
    for name, stmt in STATEMENTS.items():
        mine = [f for f in figures if f.statement == name]
        periods = {f.column_header for f in mine if f.period_type}
        assert len(periods) == (2 if name == 'balance_sheet' else options.periods)
        assert {f.period_type for f in mine if f.period_type} == {stmt.period_type}
        variances = {f.column_header for f in mine if f.period_type is None}
        wants_variance = options.variance_column and name == 'income_statement'
        assert len(variances) == (options.periods // 2 if wants_variance else 0)
        # Every defined row is in the key, in every column.
        keys = label_keys(name)
        rows = Counter(keys[f.label] for f in mine)
        assert set(rows) == {r.key for r in stmt.rows if r.key}
        assert set(rows.values()) == {len(periods) + len(variances)}


_AMOUNT = {
    ('fr', 'millions'): r'\d{1,3}(?: \d{3})*,\d',
    ('fr', 'thousands'): r'\d{1,3}(?: \d{3})*',
    ('en', 'millions'): r'\d{1,3}(?:,\d{3})*\.\d',
    ('en', 'thousands'): r'\d{1,3}(?:,\d{3})*',
}


def parse(text: str, language: str) -> Decimal | None:
    """Read a printed figure independently of the generator's formatting code."""
    if text in ('-', '—', 'n.s.', 'n.m.'):
        return None
    body = text.replace('$', '').replace('€', '').replace('%', '').strip()
    negative = body.startswith(('(', '-'))
    body = body.strip('()+-').strip()
    body = body.replace(' ', '').replace(',', '.') if language == 'fr' else body.replace(',', '')
    return -Decimal(body) if negative else Decimal(body)


def test_printed_text_means_the_value(document):
    options, figures, _ = document
    amount = _AMOUNT[(options.language, options.scale)]
    percent = r'[+-]?\d+,\d %' if options.language == 'fr' else r'[+-]?\d+\.\d%'
    nil = '-|—|n.s.|n.m.'
    for f in figures:
        assert parse(f.value_text, options.language) == f.value, f
        if f.value_kind == 'percent':
            assert re.fullmatch(f'{percent}|{nil}', f.value_text), f
        else:
            assert re.fullmatch(rf'\(?{amount}\)?|-|—', f.value_text), f


def test_currency_symbols_on_total_rows_only(document):
    # value_text never carries the symbol (gold-set convention); the page shows it beside totals.
    options, figures, texts = document
    totals = {(name, label) for name, stmt in STATEMENTS.items() for r in stmt.rows if r.kind == 'total'
              for label in (r.en, r.fr)}
    for f in figures:
        if (f.statement, f.label) in totals and f.value_kind == 'amount' and f.value is not None:
            text = texts[f.page - 1]
            printed = (f'$ {f.value_text}' in text if options.language == 'en'
                       else f'{f.value_text} €' in text or f'{f.value_text} $' in text)
            assert printed == options.currency_symbol, f
    if not options.currency_symbol:
        assert not any('€' in t or '$' in t for t in texts)


def columns(figures, statement):
    """column header -> row key -> value, nil counted as zero."""
    keys = label_keys(statement)
    table = defaultdict(dict)
    for f in figures:
        if f.statement == statement and f.period_type:
            table[f.column_header][keys[f.label]] = f.value or Decimal(0)
    return table


def test_statements_add_up(document):
    _, figures, _ = document
    for name, stmt in STATEMENTS.items():
        for header, col in columns(figures, name).items():
            for row in stmt.rows:
                if row.sum_of:
                    assert col[row.key] == sum(col[k] for k in row.sum_of), (name, header, row.key)
            for key, parts in stmt.identities:
                assert col[key] == sum(col[k] for k in parts), (name, header, key)


def test_statements_tie_to_each_other(document):
    _, figures, _ = document
    income = columns(figures, 'income_statement')
    flows = columns(figures, 'cash_flow')
    assert set(income) == set(flows)  # both flow statements use the same column headers
    for header in income:
        assert flows[header]['cf_net_profit'] == income[header]['net_profit']
    cash_on_balance_sheet = {f.period_end: f.value for f in figures
                             if f.statement == 'balance_sheet' and label_keys('balance_sheet')[f.label] == 'cash'}
    ends = {f.column_header: f.period_end for f in figures if f.statement == 'cash_flow'}
    tied = 0
    for header, col in flows.items():
        if ends[header] in cash_on_balance_sheet:
            assert col['closing_cash'] == cash_on_balance_sheet[ends[header]]
            tied += 1
    assert tied >= 1


# Only documents with a variance column over two periods have pairs unambiguous from the key alone.
VARIANCE_COMBOS = [(seed, o) for seed, o in COMBOS if o.variance_column and o.periods == 2]


@pytest.mark.parametrize(("seed", "options"), VARIANCE_COMBOS, ids=[f"seed{s}" for s, _ in VARIANCE_COMBOS])
def test_variance_is_computed_from_the_figures(seed, options, tmp_path_factory):
    assert VARIANCE_COMBOS, "no combination exercises the variance column"
    figures, _ = rendered(seed, options, tmp_path_factory)
    rows = defaultdict(list)
    for f in figures:
        if f.statement == 'income_statement':
            rows[f.label].append(f)
    for label, row in rows.items():
        current, prior = sorted((f for f in row if f.period_end), key=lambda f: f.period_end, reverse=True)
        (change,) = [f for f in row if f.value_kind == 'percent']
        if change.value is None:
            assert not current.value or not prior.value or (current.value > 0) != (prior.value > 0)
            continue
        expected = ((current.value - prior.value) * 100 / abs(prior.value)).quantize(Decimal('0.1'))
        assert abs(change.value - expected) <= Decimal('0.1'), label


def test_same_seed_same_bytes_and_key(tmp_path):
    options = random_options(42)
    a = render_statements(tmp_path / 'a.pdf', seed=42, options=options)
    b = render_statements(tmp_path / 'b.pdf', seed=42, options=options)
    c = render_statements(tmp_path / 'c.pdf', seed=43, options=options)
    assert a == b
    assert (tmp_path / 'a.pdf').read_bytes() == (tmp_path / 'b.pdf').read_bytes()
    assert [f.value for f in a] != [f.value for f in c]


def test_statement_subset_and_issuer(tmp_path):
    figures = render_statements(tmp_path / 'bs.pdf', seed=3, options=LayoutOptions(language='en'),
                                issuer='Globex Corp', year=2031, statements=('balance_sheet',))
    assert {f.statement for f in figures} == {'balance_sheet'}
    assert max(f.period_end for f in figures).year == 2031
    with pdfplumber.open(tmp_path / 'bs.pdf') as pdf:
        assert 'Globex Corp' in pdf.pages[0].extract_text()


def test_page_break_splits_each_table(tmp_path_factory):
    # Without page_break these combinations happen to fit one page per statement
    # (a very long table would still overflow naturally onto a second page).
    for seed, options in COMBOS:
        figures, _ = rendered(seed, options, tmp_path_factory)
        pages_per_statement = {name: {f.page for f in figures if f.statement == name} for name in STATEMENTS}
        split = [len(pages) == 2 for pages in pages_per_statement.values()]
        assert all(split) if options.page_break else not any(split), (seed, pages_per_statement)


MONTHS = {'fr': {3: 'mars', 6: 'juin', 9: 'septembre', 12: 'décembre'},
          'en': {3: 'March', 6: 'June', 9: 'September', 12: 'December'}}


def test_non_december_year_end_is_named_in_headers(tmp_path_factory):
    checked = 0
    for seed, options in COMBOS:
        if options.fiscal_year_end == (12, 31):
            continue
        figures, _ = rendered(seed, options, tmp_path_factory)
        for f in figures:
            if f.period_type:
                d = f.period_end
                ways = (MONTHS[options.language][d.month], f'{d.day:02d}/{d.month:02d}/', f'{d.month}/{d.day}/')
                assert any(w in f.column_header for w in ways), f.column_header
                checked += 1
    assert checked


def _wrapped_row_positions(figures, text):
    """For labels printed over two lines: 'first' or 'last', the line carrying the figures."""
    lines = text.split('\n')
    rows = defaultdict(list)
    for f in figures:
        rows[f.label].append(f.value_text)
    found = {}
    for label, values in rows.items():
        tail = ' '.join(values)
        for a, b in zip(lines, lines[1:]):
            if a.endswith(' ' + tail) and f'{a[:-len(tail) - 1]} {b}' == label:
                found[label] = 'first'
            elif b.endswith(' ' + tail) and f'{a} {b[:-len(tail) - 1]}' == label:
                found[label] = 'last'
    return found


def test_wrapped_labels_put_figures_on_first_and_last_line(tmp_path):
    # No notes or leaders, so a printed line is exactly "label words [figures]".
    options = LayoutOptions(language='en', wrapped_labels=True)
    figures = render_statements(tmp_path / 'w.pdf', seed=9, options=options)
    positions = {}
    with pdfplumber.open(tmp_path / 'w.pdf') as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            on_page = [f for f in figures if f.page == number]
            positions.update(_wrapped_row_positions(on_page, page.extract_text()))
    assert set(positions.values()) == {'first', 'last'}, positions


def test_random_options_cover_every_choice():
    drawn = [random_options(seed) for seed in range(60)]
    for name in ('ruled', 'prior_first', 'variance_column', 'notes_column', 'wrapped_labels', 'page_break',
                 'currency_symbol', 'dot_leaders'):
        assert {getattr(o, name) for o in drawn} == {True, False}, name
    assert {o.language for o in drawn} == {'fr', 'en'}
    assert {o.periods for o in drawn} == {2, 4}
    assert {o.scale for o in drawn} == {'millions', 'thousands'}
    assert len({o.fiscal_year_end for o in drawn}) > 1
    assert random_options(5) == random_options(5)


def test_invalid_options_are_rejected():
    with pytest.raises(ValueError):
        LayoutOptions(periods=3)
    with pytest.raises(ValueError):
        LayoutOptions(fiscal_year_end=(2, 30))
    for invalid in (dict(headers='sideways'), dict(headers='relative', language='en'),
                    dict(headers='upper_span', fiscal_year_end=(6, 30)),
                    dict(headers='fiscal_quarters', periods=4, variance_column=True)):
        with pytest.raises(ValueError):
            LayoutOptions(**invalid)


@pytest.mark.parametrize(('seed', 'options'), CONVENTION_COMBOS[:4], ids=IDS[len(COMBOS):len(COMBOS) + 4])
def test_a_forced_header_convention_changes_only_the_headers(seed, options, tmp_path):
    # The same seed drawn (headers='drawn') and forced prints the same rows and figures in the same
    # order: forcing a convention leaves the rest of the seed's random choices alone.
    drawn = render_statements(tmp_path / 'drawn.pdf', seed=seed, options=replace(options, headers='drawn'))
    forced = render_statements(tmp_path / 'forced.pdf', seed=seed, options=options)
    assert [(f.statement, f.label, f.value_text) for f in forced] == [(f.statement, f.label, f.value_text) for f in drawn]
    assert {f.column_header for f in forced} != {f.column_header for f in drawn}


def test_a_corpus_varies_issuers_years_and_layouts():
    plan = plan_corpus(1000)
    issuers = {issuer for issuer, _, _, _ in plan}
    assert len(issuers) == 100
    assert len({(issuer, year) for issuer, year, _, _ in plan}) == 1000  # one release per issuer and year
    assert {year for _, year, _, _ in plan} == set(range(2016, 2026))
    assert len({options for _, _, _, options in plan}) > 50
    for issuer in list(issuers)[:10]:
        own = [options for name, _, _, options in plan if name == issuer]
        assert len({(o.language, o.fiscal_year_end) for o in own}) == 1  # an issuer keeps its language and year end
    assert plan_corpus(12, seed=3) == plan_corpus(12, seed=3) != plan_corpus(12, seed=4)


def test_corpus_documents_are_distinct_files_naming_their_issuer_on_page_one(tmp_path):
    documents = render_corpus(tmp_path, 4)
    assert len({d.path.name for d in documents}) == len({d.path.read_bytes() for d in documents}) == 4
    for document in documents:
        assert document.path.name.split('_')[1] == str(document.year)
        with pdfplumber.open(document.path) as pdf:
            assert document.issuer in pdf.pages[0].extract_text()
