"""Synthetic financial statements rendered to PDF, with the answer key.

``render_statements`` draws an income statement, a balance sheet and a cash-flow
statement whose figures are generated from a seed, in one of many layouts
(language, rulings, column headers, wrapped labels, page breaks...), and returns
every printed figure as an ``ExpectedFigure``.  The extractor can then be scored
against layouts no real document in the corpus happens to use.

Pipeline: seed -> figures (integers in the smallest printed unit, so every sum is
exact) -> tables (columns, header spans, rows of printed text) -> pages (a list of
drawing operations, which is where page numbers in the key come from) -> PDF.
Two independent random streams are used ("figures" and "layout") so that changing
a cosmetic choice never changes the numbers of a seed.
"""

from __future__ import annotations

import calendar
import math
import random
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

STATEMENT_NAMES = ('income_statement', 'balance_sheet', 'cash_flow')


# --------------------------------------------------------------------------- API


@dataclass(frozen=True)
class ExpectedFigure:
    page: int  # 1-based page number where the figure is printed
    statement: str  # 'income_statement' | 'balance_sheet' | 'cash_flow'
    label: str  # full label as printed, wrapped lines joined with one space
    column_header: str  # span lines then column lines, top to bottom, joined with one space
    period_end: date | None  # None for variance columns
    period_type: str | None  # 'duration' | 'instant' | None for variance columns
    value_text: str  # as printed minus any currency symbol (as in tests/gold): '(1 234,5)', '-', '+8,0 %'
    value: Decimal | None  # signed value as printed in its scale; None for nil / 'n.m.'
    value_kind: str  # 'amount' | 'percent'
    period_start: date | None = None  # first day of a duration; None for instants and variance columns


@dataclass(frozen=True)
class LayoutOptions:
    language: str = 'fr'
    ruled: bool = False
    periods: int = 2
    prior_first: bool = False
    variance_column: bool = False
    notes_column: bool = False
    wrapped_labels: bool = False
    page_break: bool = False
    currency_symbol: bool = False
    dot_leaders: bool = False
    fiscal_year_end: tuple[int, int] = (12, 31)
    scale: str = 'millions'
    # Column-header convention: 'drawn' from the seed (the default), or one forced (HEADER_CONVENTIONS).
    headers: str = 'drawn'

    def __post_init__(self) -> None:
        if self.headers not in ('drawn',) + HEADER_CONVENTIONS:
            raise ValueError(f'headers must be drawn or one of {HEADER_CONVENTIONS}, not {self.headers!r}')
        if self.headers == 'upper_span' and self.fiscal_year_end != (12, 31):
            raise ValueError('upper_span names quarters without their dates: December year ends only')
        if self.headers == 'relative' and (self.language, self.periods) != ('fr', 2):
            raise ValueError('relative headers (N, N-1) are a French annual convention: language fr, periods 2')
        if self.headers == 'fiscal_quarters' and (self.periods, self.fiscal_year_end, self.variance_column) != (4, (12, 31), False):
            # Quarters named by their number alone are dated by a December year end; a variance
            # column between two quarters of one year is not a comparison releases print.
            raise ValueError('fiscal_quarters: periods 4, a December year end, no variance column')
        if self.language not in ('fr', 'en'):
            raise ValueError(f'language must be fr or en, not {self.language!r}')
        if self.periods not in (2, 4):
            raise ValueError(f'periods must be 2 or 4, not {self.periods!r}')
        if self.scale not in ('millions', 'thousands'):
            raise ValueError(f'scale must be millions or thousands, not {self.scale!r}')
        month, day = self.fiscal_year_end
        date(2023, month, day)  # a non-leap year: rejects Feb 29 and impossible dates


def random_options(seed: int) -> LayoutOptions:
    """A varied combination of options; the common cases are drawn more often."""
    rng = random.Random(f'{seed}/options')
    return LayoutOptions(
        language=rng.choice(('fr', 'en')),
        ruled=rng.random() < 0.4,
        periods=rng.choice((2, 2, 4)),
        prior_first=rng.random() < 0.2,
        variance_column=rng.random() < 0.35,
        notes_column=rng.random() < 0.4,
        wrapped_labels=rng.random() < 0.4,
        page_break=rng.random() < 0.3,
        currency_symbol=rng.random() < 0.3,
        dot_leaders=rng.random() < 0.25,
        fiscal_year_end=rng.choice(((12, 31),) * 5 + ((6, 30), (3, 31), (9, 30))),
        scale=rng.choice(('millions', 'millions', 'thousands')),
    )


def render_statements(
    path: Path,
    *,
    seed: int,
    options: LayoutOptions,
    issuer: str = 'Acme SA',
    year: int = 2025,
    statements=STATEMENT_NAMES,
) -> list[ExpectedFigure]:
    """Render the statements to ``path`` and return every printed figure."""
    layout = lay_out_statements(seed=seed, options=options, issuer=issuer, year=year, statements=statements)
    _render(Path(path), layout.pages, title=layout.title)
    return layout.figures


@dataclass
class StatementsLayout:
    """A document's statements as the generator composed them, before any drawing: the content model
    other typesetters (tests/layouts/html.py) render from, and this module's own pages."""

    style: '_Style'
    tables: list['_Table']
    pages: list['_Page']
    figures: list[ExpectedFigure]  # pages are those of this module's own rendering
    issuer: str
    year: int

    @property
    def title(self) -> str:
        return f'{self.issuer} - {_release_title(self.style.language, self.style.scheme, self.year)}'


def lay_out_statements(
    *, seed: int, options: LayoutOptions, issuer: str = 'Acme SA', year: int = 2025, statements=STATEMENT_NAMES,
) -> StatementsLayout:
    """Everything ``render_statements`` draws, composed from the seed: tables, pages, answer key."""
    unknown = [s for s in statements if s not in STATEMENTS]
    if unknown:
        raise ValueError(f'unknown statements: {unknown}')
    layout_rng = random.Random(f'{seed}/layout')
    scheme = _period_scheme(options, year, layout_rng)
    style = _draw_style(layout_rng, options, scheme)
    values = _generate_values(random.Random(f'{seed}/figures'), options.scale, scheme)

    pages: list[_Page] = []
    figures: list[ExpectedFigure] = []
    tables: list[_Table] = []
    if style.intro_page:
        pages.append(_intro_page(style, issuer, year, layout_rng))
    state = _DocState(style.note_style, layout_rng)
    for name in statements:
        table = _build_table(STATEMENTS[name], scheme, values, options, style, state, layout_rng)
        _fit(table, style)
        state.assign_figure_lines(table)
        new_pages, new_figures = _paginate(table, style, layout_rng)
        figures += [replace(f, page=f.page + len(pages) + 1) for f in new_figures]
        pages += new_pages
        tables.append(table)
    _add_page_furniture(pages, style, issuer, year)
    return StatementsLayout(style, tables, pages, figures, issuer, year)


# ------------------------------------------------------------------- corpora

# Issuer names are drawn from these two lists: 40 x 8 distinct names, enough for a corpus of
# several thousand releases (ten fiscal years per issuer).
_ISSUER_STEMS = (
    'Arvalis', 'Belcourt', 'Castelmor', 'Dunmere', 'Estoril', 'Fenwick', 'Galvane', 'Harrowgate',
    'Isoline', 'Jurance', 'Kestrel', 'Lorvane', 'Marbury', 'Norvale', 'Orlane', 'Pemberly',
    'Quimper', 'Rosmar', 'Sablon', 'Tervuren', 'Ulmont', 'Valmorel', 'Westhaven', 'Yverdon',
    'Zephyra', 'Aubrac', 'Brennock', 'Corvina', 'Delamere', 'Elsinor', 'Fontvieille', 'Glenmoor',
    'Hautvillers', 'Ingleby', 'Jasmund', 'Kerlouan', 'Lindqvist', 'Montbrison', 'Nantua', 'Ostend',
)
_ISSUER_FORMS = {
    'fr': ('SA', 'Groupe', 'Industries SA', 'Holding SE', 'Technologies SA', 'Énergie SA', 'Distribution SA', 'Santé SA'),
    'en': ('plc', 'Group plc', 'Industries Inc.', 'Holdings Ltd', 'Technologies Inc.', 'Energy Corp.', 'Retail plc', 'Health Inc.'),
}


@dataclass(frozen=True)
class CorpusDocument:
    """One release of a generated corpus: where it was written and what it was drawn from."""

    path: Path
    issuer: str
    year: int
    seed: int
    options: LayoutOptions


def corpus_issuer(index: int) -> tuple[str, str]:
    """(name, language) of the index-th issuer of a corpus; distinct for index < 320."""
    stem = _ISSUER_STEMS[index % len(_ISSUER_STEMS)]
    form_index = (index // len(_ISSUER_STEMS)) % len(_ISSUER_FORMS['fr'])
    language = 'fr' if (index * 7 + form_index) % 3 else 'en'
    return f'{stem} {_ISSUER_FORMS[language][form_index]}', language


def corpus_file_name(issuer: str, year: int, language: str) -> str:
    """``<issuer-slug>_<year>_<language>.pdf``, the naming of data/samples (the issuer comes first)."""
    ascii_name = unicodedata.normalize('NFKD', issuer).encode('ascii', 'ignore').decode()
    slug = '-'.join(filter(None, (''.join(c for c in word.lower() if c.isalnum()) for word in ascii_name.split())))
    return f'{slug}_{year}_{language}.pdf'


def plan_corpus(count: int, *, seed: int = 0, years_per_issuer: int = 10, last_year: int = 2025):
    """The releases of a corpus of ``count`` documents, without rendering them.

    Each issuer publishes one release a year for up to ``years_per_issuer`` years, always in
    its language and with its fiscal year end; every other layout choice varies from release to
    release (``random_options``), so that no two documents are alike.
    """
    if count < 0:
        raise ValueError(f'count must be >= 0, not {count}')
    issuers = max(1, math.ceil(count / years_per_issuer))
    plan = []
    for k in range(count):
        issuer, language = corpus_issuer(k % issuers)
        issuer_rng = random.Random(f'{seed}/issuer/{issuer}')
        fiscal_year_end = issuer_rng.choice(((12, 31),) * 5 + ((6, 30), (3, 31), (9, 30)))
        document_seed = seed * 1_000_003 + k
        options = replace(random_options(document_seed), language=language, fiscal_year_end=fiscal_year_end)
        plan.append((issuer, last_year - k // issuers, document_seed, options))
    return plan


def render_corpus(folder: Path, count: int, *, seed: int = 0, years_per_issuer: int = 10) -> list[CorpusDocument]:
    """Render a corpus of ``count`` varied releases into ``folder`` (see ``plan_corpus``)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    documents = []
    for issuer, year, document_seed, options in plan_corpus(count, seed=seed, years_per_issuer=years_per_issuer):
        path = folder / corpus_file_name(issuer, year, options.language)
        render_statements(path, seed=document_seed, options=options, issuer=issuer, year=year)
        documents.append(CorpusDocument(path, issuer, year, document_seed, options))
    return documents


# ------------------------------------------------------- statement definitions


@dataclass(frozen=True)
class RowDef:
    """One printed row.  ``sum_of`` makes it a computed (sub)total of earlier rows."""

    key: str | None
    fr: str
    en: str
    kind: str = 'item'  # 'item' | 'subtotal' | 'total' | 'heading' | 'spacer'
    sum_of: tuple[str, ...] = ()
    long_fr: str | None = None  # longer wording, used when labels are made to wrap
    long_en: str | None = None
    nil_able: bool = False  # may be printed as a dash ('-' / '—')
    indent: int = 1

    def label(self, language: str, long: bool = False) -> str:
        if long and self.long_variants(language):
            return self.long_fr if language == 'fr' else self.long_en
        return self.fr if language == 'fr' else self.en

    def long_variants(self, language: str) -> bool:
        return (self.long_fr if language == 'fr' else self.long_en) is not None


@dataclass(frozen=True)
class StatementDef:
    name: str
    title_fr: str
    title_en: str
    period_type: str  # 'duration' | 'instant'
    rows: tuple[RowDef, ...]
    identities: tuple[tuple[str, tuple[str, ...]], ...] = ()  # key == sum(keys), beyond sum_of

    def title(self, language: str) -> str:
        return self.title_fr if language == 'fr' else self.title_en


def _item(key, fr, en, **kw) -> RowDef:
    return RowDef(key, fr, en, **kw)


def _subtotal(key, fr, en, sum_of, kind='subtotal', **kw) -> RowDef:
    return RowDef(key, fr, en, kind=kind, sum_of=sum_of, indent=0, **kw)


def _heading(fr, en) -> RowDef:
    return RowDef(None, fr, en, kind='heading', indent=0)


_SPACER = RowDef(None, '', '', kind='spacer')

INCOME_STATEMENT = StatementDef(
    'income_statement', 'Compte de résultat consolidé', 'Consolidated income statement', 'duration', (
        _item('revenue', 'Chiffre d’affaires', 'Revenue',
              long_fr='Chiffre d’affaires des activités poursuivies',
              long_en='Revenue from contracts with customers'),
        _item('cost_of_sales', 'Coût des ventes', 'Cost of sales',
              long_fr='Coût des produits et services vendus',
              long_en='Cost of sales, excluding amortisation of acquired intangibles'),
        _subtotal('gross_profit', 'Marge brute', 'Gross profit', ('revenue', 'cost_of_sales')),
        _item('rd', 'Frais de recherche et développement', 'Research and development expenses'),
        _item('sm', 'Frais commerciaux et de marketing', 'Sales and marketing expenses'),
        _item('ga', 'Frais généraux et administratifs', 'General and administrative expenses',
              long_fr='Frais généraux, administratifs et de structure du Groupe'),
        _item('other_operating', 'Autres produits et charges opérationnels',
              'Other operating income and expenses', nil_able=True,
              long_fr='Autres produits et charges opérationnels non courants',
              long_en='Other operating income and expenses, including restructuring costs'),
        _subtotal('operating_profit', 'Résultat opérationnel', 'Operating profit',
                  ('gross_profit', 'rd', 'sm', 'ga', 'other_operating')),
        _item('finance_income', 'Produits financiers', 'Finance income'),
        _item('finance_costs', 'Charges financières', 'Finance costs',
              long_fr='Coût de l’endettement financier brut et autres charges financières',
              long_en='Interest expense on borrowings and other finance costs'),
        _subtotal('finance_result', 'Résultat financier', 'Net finance result',
                  ('finance_income', 'finance_costs')),
        _item('associates', 'Quote-part du résultat des entreprises associées',
              'Share of profit of associates', nil_able=True,
              long_fr='Quote-part dans le résultat net des entreprises mises en équivalence',
              long_en='Share of profit of associates and joint ventures accounted for '
                      'using the equity method'),
        _subtotal('profit_before_tax', 'Résultat avant impôt', 'Profit before tax',
                  ('operating_profit', 'finance_result', 'associates')),
        _item('income_tax', 'Impôt sur le résultat', 'Income tax expense',
              long_fr='Impôts sur les bénéfices courants et différés',
              long_en='Income tax expense, current and deferred'),
        _subtotal('net_profit', 'Résultat net', 'Net profit',
                  ('profit_before_tax', 'income_tax'), kind='total'),
        _heading('Attribuable aux :', 'Attributable to:'),
        _item('net_profit_owners', 'Actionnaires de la société mère', 'Owners of the parent',
              indent=2, long_fr='Actionnaires de la société mère (part du Groupe)'),
        _item('net_profit_nci', 'Intérêts minoritaires', 'Non-controlling interests',
              indent=2, nil_able=True),
    ),
    identities=(('net_profit', ('net_profit_owners', 'net_profit_nci')),),
)

BALANCE_SHEET = StatementDef(
    'balance_sheet', 'Bilan consolidé', 'Consolidated balance sheet', 'instant', (
        _heading('ACTIF', 'ASSETS'),
        _heading('Actifs non courants', 'Non-current assets'),
        _item('goodwill', 'Écarts d’acquisition', 'Goodwill'),
        _item('intangibles', 'Immobilisations incorporelles', 'Intangible assets',
              long_fr='Immobilisations incorporelles hors écarts d’acquisition',
              long_en='Intangible assets other than goodwill'),
        _item('ppe', 'Immobilisations corporelles', 'Property, plant and equipment',
              long_en='Property, plant and equipment, net of accumulated depreciation'),
        _item('right_of_use', 'Droits d’utilisation', 'Right-of-use assets'),
        _item('associates_investments', 'Participations dans les entreprises associées',
              'Investments in associates', nil_able=True,
              long_fr='Titres mis en équivalence et participations dans les entreprises associées',
              long_en='Investments in associates and joint ventures'),
        _item('deferred_tax_assets', 'Impôts différés actifs', 'Deferred tax assets'),
        _item('other_nc_financial_assets', 'Autres actifs financiers non courants',
              'Other non-current financial assets'),
        _subtotal('total_non_current_assets', 'Total actifs non courants', 'Total non-current assets',
                  ('goodwill', 'intangibles', 'ppe', 'right_of_use', 'associates_investments',
                   'deferred_tax_assets', 'other_nc_financial_assets')),
        _heading('Actifs courants', 'Current assets'),
        _item('inventories', 'Stocks', 'Inventories'),
        _item('receivables', 'Clients et comptes rattachés', 'Trade receivables',
              long_fr='Créances clients et comptes rattachés nettes des dépréciations',
              long_en='Trade and other receivables, net of allowance for expected credit losses'),
        _item('other_current_assets', 'Autres actifs courants', 'Other current assets'),
        _item('held_for_sale', 'Actifs destinés à être cédés', 'Assets held for sale', nil_able=True),
        _item('cash', 'Trésorerie et équivalents de trésorerie', 'Cash and cash equivalents'),
        _subtotal('total_current_assets', 'Total actifs courants', 'Total current assets',
                  ('inventories', 'receivables', 'other_current_assets', 'held_for_sale', 'cash')),
        _subtotal('total_assets', 'Total actif', 'Total assets',
                  ('total_non_current_assets', 'total_current_assets'), kind='total'),
        _SPACER,
        _heading('PASSIF', 'EQUITY AND LIABILITIES'),
        _heading('Capitaux propres', 'Equity'),
        _item('share_capital', 'Capital social', 'Share capital'),
        _item('share_premium', 'Primes d’émission', 'Share premium'),
        _item('reserves', 'Réserves et résultats accumulés', 'Retained earnings and other reserves',
              long_fr='Réserves consolidées, résultats accumulés et écarts de conversion'),
        _subtotal('equity_owners', 'Capitaux propres part du Groupe',
                  'Equity attributable to owners of the parent',
                  ('share_capital', 'share_premium', 'reserves')),
        _item('equity_nci', 'Intérêts minoritaires', 'Non-controlling interests', nil_able=True),
        _subtotal('total_equity', 'Total capitaux propres', 'Total equity',
                  ('equity_owners', 'equity_nci')),
        _heading('Passifs non courants', 'Non-current liabilities'),
        _item('lt_borrowings', 'Emprunts et dettes financières à long terme', 'Long-term borrowings',
              long_en='Long-term borrowings, net of current portion'),
        _item('lease_liabilities_nc', 'Dettes locatives non courantes', 'Non-current lease liabilities'),
        _item('provisions_nc', 'Provisions non courantes', 'Non-current provisions',
              long_fr='Provisions non courantes et engagements de retraite',
              long_en='Provisions for employee benefits and other non-current provisions'),
        _item('deferred_tax_liabilities', 'Impôts différés passifs', 'Deferred tax liabilities'),
        _subtotal('total_non_current_liabilities', 'Total passifs non courants',
                  'Total non-current liabilities',
                  ('lt_borrowings', 'lease_liabilities_nc', 'provisions_nc', 'deferred_tax_liabilities')),
        _heading('Passifs courants', 'Current liabilities'),
        _item('st_borrowings', 'Emprunts et dettes financières à court terme', 'Short-term borrowings',
              long_en='Short-term borrowings and current portion of long-term debt'),
        _item('lease_liabilities_c', 'Dettes locatives courantes', 'Current lease liabilities'),
        _item('payables', 'Fournisseurs et comptes rattachés', 'Trade payables',
              long_fr='Dettes fournisseurs et comptes rattachés',
              long_en='Trade payables and accrued expenses'),
        _item('tax_payable', 'Dettes d’impôt sur le résultat', 'Income tax payable'),
        _item('other_current_liabilities', 'Autres passifs courants', 'Other current liabilities'),
        _subtotal('total_current_liabilities', 'Total passifs courants', 'Total current liabilities',
                  ('st_borrowings', 'lease_liabilities_c', 'payables', 'tax_payable',
                   'other_current_liabilities')),
        _subtotal('total_equity_and_liabilities', 'Total passif', 'Total equity and liabilities',
                  ('total_equity', 'total_non_current_liabilities', 'total_current_liabilities'),
                  kind='total'),
    ),
    identities=(('total_assets', ('total_equity_and_liabilities',)),),
)

CASH_FLOW = StatementDef(
    'cash_flow', 'Tableau des flux de trésorerie', 'Consolidated statement of cash flows', 'duration', (
        _heading('Flux de trésorerie liés à l’activité', 'Cash flows from operating activities'),
        _item('cf_net_profit', 'Résultat net', 'Net profit'),
        _item('depreciation', 'Dotations aux amortissements et dépréciations',
              'Depreciation and amortisation',
              long_fr='Dotations nettes aux amortissements, dépréciations et provisions',
              long_en='Depreciation, amortisation and impairment of non-current assets'),
        _item('other_non_cash', 'Autres éléments sans effet sur la trésorerie', 'Other non-cash items',
              nil_able=True),
        _item('working_capital', 'Variation du besoin en fonds de roulement', 'Change in working capital',
              long_en='Changes in operating assets and liabilities (working capital)'),
        _item('taxes_paid', 'Impôts versés', 'Income taxes paid'),
        _subtotal('cfo', 'Flux nets de trésorerie liés à l’activité', 'Net cash from operating activities',
                  ('cf_net_profit', 'depreciation', 'other_non_cash', 'working_capital', 'taxes_paid')),
        _heading('Flux de trésorerie liés aux opérations d’investissement',
                 'Cash flows from investing activities'),
        _item('capex', 'Acquisitions d’immobilisations corporelles et incorporelles',
              'Purchases of property, plant and equipment and intangible assets'),
        _item('acquisitions', 'Acquisitions de filiales, nettes de la trésorerie acquise',
              'Acquisition of subsidiaries, net of cash acquired', nil_able=True),
        _item('disposals', 'Cessions d’immobilisations', 'Proceeds from disposal of assets', nil_able=True,
              long_fr='Produits de cession d’immobilisations corporelles et incorporelles'),
        _subtotal('cfi', 'Flux nets de trésorerie liés aux opérations d’investissement',
                  'Net cash used in investing activities', ('capex', 'acquisitions', 'disposals')),
        _heading('Flux de trésorerie liés aux opérations de financement',
                 'Cash flows from financing activities'),
        _item('borrowings_raised', 'Émissions d’emprunts', 'Proceeds from borrowings'),
        _item('borrowings_repaid', 'Remboursements d’emprunts', 'Repayment of borrowings'),
        _item('lease_payments', 'Remboursements des dettes locatives', 'Payment of lease liabilities',
              long_en='Payment of principal portion of lease liabilities'),
        _item('dividends', 'Dividendes versés aux actionnaires', 'Dividends paid', nil_able=True,
              long_fr='Dividendes versés aux actionnaires de la société mère',
              long_en='Dividends paid to owners of the parent'),
        _item('buybacks', 'Rachats d’actions propres', 'Purchase of treasury shares', nil_able=True),
        _subtotal('cff', 'Flux nets de trésorerie liés aux opérations de financement',
                  'Net cash from (used in) financing activities',
                  ('borrowings_raised', 'borrowings_repaid', 'lease_payments', 'dividends', 'buybacks')),
        _SPACER,
        _item('fx_effect', 'Incidence des variations des cours des devises',
              'Effect of exchange rate changes on cash', nil_able=True, indent=0,
              long_en='Effect of exchange rate changes on cash and cash equivalents'),
        _subtotal('net_change', 'Variation nette de la trésorerie',
                  'Net increase (decrease) in cash and cash equivalents',
                  ('cfo', 'cfi', 'cff', 'fx_effect')),
        _item('opening_cash', 'Trésorerie à l’ouverture', 'Cash and cash equivalents at beginning of period',
              indent=0),
        _subtotal('closing_cash', 'Trésorerie à la clôture', 'Cash and cash equivalents at end of period',
                  ('opening_cash', 'net_change'), kind='total'),
    ),
)

STATEMENTS: dict[str, StatementDef] = {
    s.name: s for s in (INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW)
}


def label_keys(statement: str) -> dict[str, str]:
    """Every label the generator may print for ``statement`` -> its row key.

    Lets tests (and later accounting checks) map an ``ExpectedFigure`` back to
    the row definition, whatever the language or wording variant.
    """
    keys = {}
    for row in STATEMENTS[statement].rows:
        if row.key:
            for text in (row.fr, row.en, row.long_fr, row.long_en):
                if text:
                    keys[text] = row.key
    return keys


# -------------------------------------------------------------------- periods

_MONTHS = {
    'fr': ('janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
           'septembre', 'octobre', 'novembre', 'décembre'),
    'en': ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
           'September', 'October', 'November', 'December'),
}


def _is_month_end(d: date) -> bool:
    return d.day == calendar.monthrange(d.year, d.month)[1]


def _shift_months(d: date, months: int) -> date:
    """Move by whole months; month-ends stay month-ends (Jun 30 -> Dec 31)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, last if _is_month_end(d) else min(d.day, last))


def _day_month(d: date, lang: str) -> str:
    if lang == 'fr':
        return f"{'1er' if d.day == 1 else d.day} {_MONTHS['fr'][d.month - 1]}"
    return f"{_MONTHS['en'][d.month - 1]} {d.day}"


def _long_date(d: date, lang: str) -> str:
    return f'{_day_month(d, lang)} {d.year}' if lang == 'fr' else f'{_day_month(d, lang)}, {d.year}'


def _numeric_date(d: date, lang: str) -> str:
    return f'{d.day:02d}/{d.month:02d}/{d.year}' if lang == 'fr' else f'{d.month}/{d.day}/{d.year}'


@dataclass(frozen=True)
class _Period:
    end: date
    months: int  # length of a duration; 0 for a balance-sheet instant
    current: bool  # False for the comparative (prior-year) column

    @property
    def start_instant(self) -> date:
        """The balance-sheet date just before the period (its opening cash)."""
        return _shift_months(self.end, -self.months)


@dataclass(frozen=True)
class _Scheme:
    """Which periods the document covers.  Flow statements show ``pairs``."""

    mode: str  # 'annual' | 'interim' | 'q4fy' | 'q2h1'
    fye: tuple[int, int]
    pairs: tuple[tuple[_Period, _Period], ...]  # (current, prior) grouped by length
    instants: tuple[_Period, _Period]  # (current, prior) balance-sheet dates

    @property
    def flows(self) -> tuple[_Period, ...]:
        return tuple(p for pair in self.pairs for p in pair)

    @property
    def december(self) -> bool:
        return self.fye == (12, 31)


def _period_scheme(options: LayoutOptions, year: int, rng: random.Random) -> _Scheme:
    month, day = options.fiscal_year_end

    def year_end(y: int) -> date:
        return date(y, month, day)

    def half_year_end(y: int) -> date:
        # The fiscal half-year end that falls in calendar year y.
        later = _shift_months(year_end(y), 6)
        return later if later.year == y else _shift_months(year_end(y), -6)

    if options.periods == 2:
        mode = rng.choices(('annual', 'interim'), (0.7, 0.3))[0]
    else:
        mode = rng.choices(('q4fy', 'q2h1'), (0.65, 0.35))[0]
    if options.headers == 'relative':  # N and N-1 are fiscal years (drawn first: the random stream stays the same)
        mode = 'annual'
    if options.headers == 'fiscal_quarters':
        return _fiscal_quarters_scheme(options, year)
    end = year_end if mode in ('annual', 'q4fy') else half_year_end
    lengths = {'annual': (12,), 'interim': (6,), 'q4fy': (3, 12), 'q2h1': (3, 6)}[mode]
    pairs = tuple((_Period(end(year), n, True), _Period(end(year - 1), n, False)) for n in lengths)
    latest = end(year)
    # Balance sheets compare with the last fiscal year end (Dec 31, 2024 for June 30, 2025).
    prior_instant = _shift_months(latest, -12 if mode in ('annual', 'q4fy') else -6)
    instants = (_Period(latest, 0, True), _Period(prior_instant, 0, False))
    return _Scheme(mode, options.fiscal_year_end, pairs, instants)


def _fiscal_quarters_scheme(options: LayoutOptions, year: int) -> _Scheme:
    """The four quarters of one fiscal year side by side ('Fiscal 2025' over Q1 Q2 Q3 Q4); the balance
    sheet compares the year end with the one before."""
    year_end = date(year, *options.fiscal_year_end)
    q1, q2, q3, q4 = (_Period(_shift_months(year_end, -3 * k), 3, True) for k in (3, 2, 1, 0))
    instants = (_Period(year_end, 0, True), _Period(_shift_months(year_end, -12), 0, False))
    return _Scheme('quarters', options.fiscal_year_end, ((q4, q3), (q2, q1)), instants)


def _quarter(p: _Period, fye: tuple[int, int]) -> int:
    """Fiscal quarter (1-4) in which a period ends: Q4 at the fiscal year end."""
    return (p.end.month - fye[0] - 1) % 12 // 3 + 1


# -------------------------------------------------------------------- figures
# Amounts are integers in the smallest printed unit (0.1 million or 1 thousand),
# so subtotals are exact sums of what is printed.  Zero prints as a dash.


@dataclass(frozen=True)
class _Company:
    revenue: int  # current fiscal year
    growth: float
    cogs: float
    rd: float
    sm: float
    ga: float
    assets: int  # total assets at the latest balance-sheet date
    share_capital: int
    share_premium: int
    mix: dict[str, float]  # balance-sheet line -> share of total assets, stable across dates


# Balance-sheet lines as a share of total assets (range drawn from once per company,
# so a line moves by a few percent between two dates instead of jumping).
_BALANCE_MIX = {
    'goodwill': (0.05, 0.25), 'intangibles': (0.02, 0.1), 'ppe': (0.1, 0.35), 'right_of_use': (0.02, 0.06),
    'associates_investments': (0.005, 0.03), 'deferred_tax_assets': (0.005, 0.03),
    'other_nc_financial_assets': (0.005, 0.03), 'inventories': (0.03, 0.15), 'receivables': (0.08, 0.2),
    'other_current_assets': (0.01, 0.05), 'held_for_sale': (0.005, 0.03),
    'lt_borrowings': (0.08, 0.25), 'lease_liabilities_nc': (0.015, 0.05), 'provisions_nc': (0.01, 0.05),
    'deferred_tax_liabilities': (0.005, 0.03), 'st_borrowings': (0.01, 0.06),
    'lease_liabilities_c': (0.004, 0.012), 'payables': (0.06, 0.15), 'tax_payable': (0.005, 0.02),
    'other_current_liabilities': (0.03, 0.1), 'equity_nci': (0.005, 0.03),
}
_ASSET_LINES = ('goodwill', 'intangibles', 'ppe', 'right_of_use', 'associates_investments',
                'deferred_tax_assets', 'other_nc_financial_assets', 'inventories', 'receivables',
                'other_current_assets', 'held_for_sale')
_LIABILITY_LINES = ('lt_borrowings', 'lease_liabilities_nc', 'provisions_nc', 'deferred_tax_liabilities',
                    'st_borrowings', 'lease_liabilities_c', 'payables', 'tax_payable',
                    'other_current_liabilities')


def _draw_company(rng: random.Random, scale: str) -> _Company:
    lo, hi = (1_500, 250_000) if scale == 'millions' else (8_000, 900_000)
    revenue = round(10 ** rng.uniform(math.log10(lo), math.log10(hi)))
    loss_making = rng.random() < 0.2  # so that subtotals too come out in parentheses
    assets = round(revenue * rng.uniform(0.9, 1.8))
    return _Company(
        revenue=revenue,
        growth=rng.uniform(-0.1, 0.25),
        cogs=rng.uniform(0.55, 0.75) if loss_making else rng.uniform(0.35, 0.6),
        rd=rng.uniform(0.03, 0.12),
        sm=rng.uniform(0.05, 0.15),
        ga=rng.uniform(0.04, 0.1) + (0.08 if loss_making else 0.0),
        assets=assets,
        share_capital=_units(assets * rng.uniform(0.01, 0.05)),
        share_premium=_units(assets * (rng.uniform(0.4, 0.6) if loss_making else rng.uniform(0.05, 0.2))),
        mix={key: rng.uniform(lo, hi) for key, (lo, hi) in _BALANCE_MIX.items()},
    )


def _units(x: float) -> int:
    """A strictly positive amount (a generated line item is never accidentally nil)."""
    return max(1, round(x))


def _signed(rng: random.Random, magnitude: float) -> int:
    return rng.choice((-1, 1)) * _units(magnitude * rng.uniform(0.1, 1.0))


_Values = dict[str, dict[str, dict[_Period, int]]]  # statement -> row key -> period -> units


def _generate_values(rng: random.Random, scale: str, scheme: _Scheme) -> _Values:
    company = _draw_company(rng, scale)
    nil = _draw_nil_rows(rng)
    income = {p: _income_statement(rng, company, p, nil) for p in scheme.flows}
    sizes, cash = _balance_sheet_dates(rng, company, scheme)
    balance = {i: _balance_sheet(rng, company, i, sizes[i.end], cash[i.end], nil) for i in scheme.instants}
    flows = {p: _cash_flow(rng, p, income[p], cash, nil) for p in scheme.flows}
    values: _Values = {}
    for stmt, by_period in ((INCOME_STATEMENT, income), (BALANCE_SHEET, balance), (CASH_FLOW, flows)):
        for period, leaves in by_period.items():
            for key, units in _with_totals(stmt, leaves).items():
                values.setdefault(stmt.name, {}).setdefault(key, {})[period] = units
    return values


def _draw_nil_rows(rng: random.Random) -> dict[str, str]:
    """Rows printed as dashes: in every column ('all') or only the comparatives ('prior').

    At least one per statement, so every document exercises nil handling.
    """
    nil = {}
    for stmt in STATEMENTS.values():
        candidates = [r.key for r in stmt.rows if r.nil_able]
        chosen = {}
        for key in candidates:
            draw = rng.random()
            if draw < 0.3:
                chosen[key] = 'all'
            elif draw < 0.45:
                chosen[key] = 'prior'
        if not chosen:
            chosen[rng.choice(candidates)] = 'all'
        nil.update(chosen)
    return nil


def _nil_or(nil: dict[str, str], key: str, period: _Period, units: int) -> int:
    mode = nil.get(key)
    return 0 if mode == 'all' or (mode == 'prior' and not period.current) else units


def _income_statement(rng, co: _Company, p: _Period, nil) -> dict[str, int]:
    annual = co.revenue if p.current else co.revenue / (1 + co.growth)
    rev = _units(annual * p.months / 12 * rng.uniform(0.93, 1.07))

    def cost(ratio: float) -> int:
        return -_units(rev * ratio * rng.uniform(0.9, 1.1))

    v = {
        'revenue': rev,
        'cost_of_sales': cost(co.cogs),
        'rd': cost(co.rd),
        'sm': cost(co.sm),
        'ga': cost(co.ga),
        'other_operating': _nil_or(nil, 'other_operating', p, _signed(rng, rev * 0.02)),
        'finance_income': _units(rev * rng.uniform(0.001, 0.01)),
        'finance_costs': -_units(rev * rng.uniform(0.004, 0.03)),
        'associates': _nil_or(nil, 'associates', p, _signed(rng, rev * 0.01)),
    }
    pbt = sum(v.values())  # every line so far is a component of profit before tax
    v['income_tax'] = -_units(pbt * rng.uniform(0.2, 0.32)) if pbt > 0 else _units(-pbt * rng.uniform(0.01, 0.1))
    net = pbt + v['income_tax']
    nci = _nil_or(nil, 'net_profit_nci', p, _units(abs(net) * rng.uniform(0.01, 0.08)) * (1 if net > 0 else -1))
    v['net_profit_owners'], v['net_profit_nci'] = net - nci, nci
    return v


def _balance_sheet_dates(rng, co: _Company, scheme: _Scheme) -> tuple[dict[date, float], dict[date, int]]:
    """Balance-sheet size and cash at every date a statement needs.

    Cash is shared between balance sheet and cash-flow statement (closing cash of
    a period = cash on the balance sheet at its end) so the roll-forward ties.
    """
    dates = {i.end for i in scheme.instants}
    dates |= {p.end for p in scheme.flows} | {p.start_instant for p in scheme.flows}
    latest = max(dates)
    sizes, cash = {}, {}
    for d in sorted(dates):  # sorted: a set's order must not leak into the random stream
        years_back = (latest - d).days / 365.25
        sizes[d] = co.assets * (1 + co.growth * 0.6) ** -years_back * rng.uniform(0.97, 1.03)
        cash[d] = _units(sizes[d] * rng.uniform(0.05, 0.2))
    return sizes, cash


def _balance_sheet(rng, co: _Company, i: _Period, size: float, cash: int, nil) -> dict[str, int]:
    def line(key: str) -> int:
        return _nil_or(nil, key, i, _units(size * co.mix[key] * rng.uniform(0.92, 1.08)))

    assets = {key: line(key) for key in _ASSET_LINES} | {'cash': cash}
    liabilities = {key: line(key) for key in _LIABILITY_LINES}
    equity = {'share_capital': co.share_capital, 'share_premium': co.share_premium, 'equity_nci': line('equity_nci')}
    # Reserves are the balancing item: assets = equity + liabilities by construction.
    equity['reserves'] = sum(assets.values()) - sum(liabilities.values()) - sum(equity.values())
    return assets | liabilities | equity


def _cash_flow(rng, p: _Period, income: dict[str, int], cash: dict[date, int], nil) -> dict[str, int]:
    rev = income['revenue']
    net = income['net_profit_owners'] + income['net_profit_nci']
    tax = income['income_tax']
    v = {
        'cf_net_profit': net,
        'depreciation': _units(rev * rng.uniform(0.03, 0.08)),
        'other_non_cash': _nil_or(nil, 'other_non_cash', p, _signed(rng, rev * 0.02)),
        'working_capital': _signed(rng, rev * 0.05),
        'taxes_paid': -_units(abs(tax) * rng.uniform(0.8, 1.2) if tax < 0 else rev * 0.003),
        'capex': -_units(rev * rng.uniform(0.03, 0.09)),
        'acquisitions': _nil_or(nil, 'acquisitions', p, -_units(rev * rng.uniform(0.01, 0.1))),
        'disposals': _nil_or(nil, 'disposals', p, _units(rev * rng.uniform(0.001, 0.01))),
    }
    opening, closing = cash[p.start_instant], cash[p.end]
    v['opening_cash'] = opening
    v['fx_effect'] = _nil_or(nil, 'fx_effect', p, _signed(rng, opening * 0.03))
    v['lease_payments'] = -_units(rev * rng.uniform(0.01, 0.03))
    v['dividends'] = _nil_or(nil, 'dividends', p, -_units(net * rng.uniform(0.2, 0.5)) if net > 0 else 0)
    v['buybacks'] = _nil_or(nil, 'buybacks', p, -_units(rev * rng.uniform(0.005, 0.03)))
    # Net borrowing is the balancing item so that opening + net change = closing cash.
    operating_and_investing = sum(v[k] for k in ('cf_net_profit', 'depreciation', 'other_non_cash',
                                                'working_capital', 'taxes_paid', 'capex',
                                                'acquisitions', 'disposals'))
    other_financing = v['lease_payments'] + v['dividends'] + v['buybacks']
    net_borrowing = closing - opening - operating_and_investing - v['fx_effect'] - other_financing
    gross = _units(rev * rng.uniform(0.02, 0.1))
    if net_borrowing >= 0:
        v['borrowings_raised'], v['borrowings_repaid'] = net_borrowing + gross, -gross
    else:
        v['borrowings_raised'], v['borrowings_repaid'] = gross, net_borrowing - gross
    return v


def _with_totals(stmt: StatementDef, leaves: dict[str, int]) -> dict[str, int]:
    """Add the (sub)totals and check the statement's identities (a generator bug guard)."""
    values = dict(leaves)
    for row in stmt.rows:
        if row.sum_of:
            values[row.key] = sum(values[k] for k in row.sum_of)
    for key, parts in stmt.identities:
        assert values[key] == sum(values[k] for k in parts), (stmt.name, key)
    missing = [r.key for r in stmt.rows if r.key and r.key not in values]
    assert not missing, missing
    return values


# ----------------------------------------------------------------- formatting

_NOT_MEANINGFUL = {'fr': 'n.s.', 'en': 'n.m.'}


def _digits(magnitude: Decimal, decimals: int, lang: str) -> str:
    whole, _, fraction = f'{magnitude:.{decimals}f}'.partition('.')
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    grouped = (' ' if lang == 'fr' else ',').join(groups)
    return f"{grouped}{',' if lang == 'fr' else '.'}{fraction}" if decimals else grouped


def _format_amount(units: int, decimals: int, lang: str, nil: str) -> tuple[str, Decimal | None]:
    """'(1 234,5)' / '(1,234.5)'; zero is nil and prints as a dash (value None).

    A currency symbol is drawn beside the cell, not part of it: the answer key
    follows the gold set, whose value_text excludes currency symbols.
    """
    if units == 0:
        return nil, None
    value = Decimal(units).scaleb(-decimals)
    text = _digits(abs(value), decimals, lang)
    if units < 0:
        text = f'({text})'
    return text, value


def _format_change(current: int, prior: int, lang: str) -> tuple[str, Decimal | None]:
    """(current - prior) / |prior|, one decimal; meaningless across nil or a sign change."""
    if current == 0 or prior == 0 or (current > 0) != (prior > 0):
        return _NOT_MEANINGFUL[lang], None
    pct = (Decimal(current - prior) * 100 / abs(Decimal(prior))).quantize(Decimal('0.1'), ROUND_HALF_UP)
    if abs(pct) >= 1000:
        return _NOT_MEANINGFUL[lang], None
    pct = abs(pct) if pct == 0 else pct  # no '-0.0'
    sign = '+' if pct > 0 else '-' if pct < 0 else ''
    body = f'{abs(pct):.1f}'.replace('.', ',' if lang == 'fr' else '.')
    return (f'{sign}{body} %' if lang == 'fr' else f'{sign}{body}%'), pct


# ---------------------------------------------------------------------- texts

_TEXT = {
    'fr': {
        'note': ('Note', 'Notes'),
        'variance': ('Var.', 'Variation', 'Var. %'),
        'continued': '(suite)',
        'unaudited': '(non audité)',
        'relative_year': 'Exercice N clos le {date}',
        'caption': {('millions', '€'): ('(en millions d’euros)', 'En millions d’euros', '(en M€)'),
                    ('thousands', '€'): ('(en milliers d’euros)', 'En milliers d’euros', '(en K€)'),
                    ('millions', '$'): ('(en millions de dollars américains)', '(en millions de dollars US)'),
                    ('thousands', '$'): ('(en milliers de dollars américains)', '(en milliers de dollars US)')},
        'footnote': 'Les notes annexes font partie intégrante des états financiers consolidés.',
        'press': 'Communiqué de presse',
        'release': {'annual': 'Résultats annuels {y}', 'interim': 'Résultats semestriels {y}',
                    'quarters': 'Résultats trimestriels {y}',
                    'q4fy': 'Résultats du 4e trimestre et de l’exercice {y}',
                    'q2h1': 'Résultats du 2e trimestre et du 1er semestre {y}'},
        'page': ('{n}', 'Page {n}', 'Page {n} sur {N}', '- {n} -', '{n}/{N}'),
        'filler': (
            'Le chiffre d’affaires progresse dans l’ensemble des zones géographiques, porté par la '
            'dynamique commerciale des activités principales.',
            'La marge opérationnelle bénéficie des mesures d’efficacité engagées au cours de '
            'l’exercice précédent.',
            'Le Groupe poursuit ses investissements dans l’innovation et la transformation '
            'numérique de ses activités.',
            'La génération de trésorerie reste solide et permet de financer la croissance tout en '
            'maintenant une structure financière saine.',
            'Les perspectives pour l’exercice à venir sont confirmées dans un environnement '
            'macroéconomique qui demeure incertain.',
            'Le Conseil d’administration proposera à l’Assemblée générale le versement d’un '
            'dividende au titre de l’exercice.',
            'Les comptes consolidés ont été arrêtés par le Conseil d’administration ; les '
            'procédures d’audit sont en cours.',
        ),
    },
    'en': {
        'note': ('Note', 'Notes'),
        'variance': ('Change', '% Change', 'Var.'),
        'continued': '(continued)',
        'unaudited': '(unaudited)',
        'caption': {
            ('millions', '$'): ('(in millions of U.S. dollars)', '(in millions)', 'In millions of dollars'),
            ('thousands', '$'): ('(in thousands)', '(in thousands of U.S. dollars)', 'In thousands of dollars'),
        },
        'footnote': 'The accompanying notes are an integral part of these consolidated financial statements.',
        'press': 'Press release',
        'release': {'annual': 'Full-year {y} results', 'interim': 'First-half {y} results',
                    'quarters': 'Quarterly results {y}',
                    'q4fy': 'Fourth quarter and full-year {y} results',
                    'q2h1': 'Second quarter and first-half {y} results'},
        'page': ('{n}', 'Page {n}', 'Page {n} of {N}', '- {n} -', '{n}'),
        'filler': (
            'Revenue grew across all regions, driven by strong commercial momentum in our core '
            'businesses.',
            'Operating margin benefited from the efficiency programme launched in the prior year.',
            'The Group continued to invest in innovation and in the digital transformation of its '
            'operations.',
            'Cash generation remained robust, funding growth while maintaining a sound balance sheet.',
            'The outlook for the coming year is confirmed in a macroeconomic environment that '
            'remains uncertain.',
            'The Board of Directors will propose a dividend to the Annual General Meeting.',
            'The consolidated financial statements were approved by the Board of Directors; audit '
            'procedures are in progress.',
        ),
    },
}

# Column-header vocabulary, keyed by (months, fiscal quarter in which the period ends).
_PHRASE = {'fr': {3: 'Trimestre clos le', 6: 'Semestre clos le', 12: 'Exercice clos le'},
           'en': {3: 'Three Months Ended', 6: 'Six Months Ended', 12: 'Year Ended'}}
_NAME = {'fr': {(3, 4): '4e trimestre', (3, 2): '2e trimestre', (6, 2): '1er semestre', (12, 4): 'Exercice'},
         'en': {(3, 4): 'Fourth Quarter', (3, 2): 'Second Quarter', (6, 2): 'First Half', (12, 4): 'Full Year'}}
_CODE = {'fr': {(3, 4): 'T4', (3, 2): 'T2', (6, 2): 'S1', (12, 4): 'Exercice'},
         'en': {(3, 4): 'Q4', (3, 2): 'Q2', (6, 2): 'H1', (12, 4): 'FY'}}
# 'adjacent' headers: quarters by their code, longer periods by their length ('12 mois 2025').
_MONTHS_CODE = {'fr': {3: None, 6: '6 mois', 12: '12 mois'}, 'en': {3: None, 6: 'Six months', 12: 'Twelve months'}}
# 'period_span': the period kind in the plural over a row of years ('Quarters Ended June 30,').
_PLURAL_PHRASE = {'fr': {3: 'Trimestres clos le', 6: 'Semestres clos le', 12: 'Exercices clos le'},
                  'en': {3: 'Quarters Ended', 6: 'Six Months Ended', 12: 'Years Ended'}}
# 'upper_span': capitalised names without dates ('SECOND QUARTER' / 'SIX MONTHS'), December year ends only.
_UPPER_NAME = {'fr': {(3, 4): 'QUATRIÈME TRIMESTRE', (3, 2): 'DEUXIÈME TRIMESTRE', (6, 2): 'SIX MOIS', (12, 4): 'DOUZE MOIS'},
               'en': {(3, 4): 'FOURTH QUARTER', (3, 2): 'SECOND QUARTER', (6, 2): 'SIX MONTHS', (12, 4): 'TWELVE MONTHS'}}
HEADER_CONVENTIONS = ('adjacent', 'period_span', 'upper_span', 'relative', 'fiscal_quarters')
# 'fiscal_quarters': the fiscal year once, spanning its quarters, which are named by number only.
_FISCAL = {'fr': 'Exercice {y}', 'en': 'Fiscal {y}'}
_QUARTER_NUMBER = {'fr': 'T{q}', 'en': 'Q{q}'}
_VARIANCE_CODE = {'fr': {(3, 4): 'Var. T4', (3, 2): 'Var. T2', (6, 2): 'Var. S1', (12, 4): 'Var. annuelle'},
                  'en': {(3, 4): 'Q4 change', (3, 2): 'Q2 change', (6, 2): 'H1 change', (12, 4): 'FY change'}}

# Flow-statement header styles per scheme mode.  Styles that do not name the
# period end are only used with a December year end: otherwise headers say so.
_FLOW_STYLES = {
    'quarters': ('fiscal',),
    'annual': ('years', 'code', 'span', 'date', 'phrase'),
    'interim': ('code', 'span', 'phrase', 'single'),
    'q4fy': ('code', 'span', 'phrase'),
    'q2h1': ('code', 'span', 'phrase'),
}
_DECEMBER_ONLY = ('years', 'code')


def _release_title(lang: str, scheme: _Scheme, year: int) -> str:
    return _TEXT[lang]['release'][scheme.mode].format(y=year)


# ---------------------------------------------------------------------- style


@dataclass(frozen=True)
class _Style:
    """Cosmetic choices drawn once per document from the seed."""

    options: LayoutOptions
    scheme: _Scheme
    font: str
    bold: str
    italic: str
    size: float
    leading: float  # line height / font size
    margin: float
    nil: str  # '-' or '—'
    currency: str  # '€' | '$'
    header_align: str  # 'center' | 'right'
    header_bold: bool
    hang_parens: bool  # positives stop one ')' short, so digits align with negatives
    caption: str
    caption_place: str  # 'title' | 'corner' | 'right'
    accent_rules: bool  # unruled tables: rules under headers and around totals
    header_fill: bool  # ruled tables: grey header band
    full_width: bool  # label column takes the slack so the table spans the text width
    wrap_fraction: float  # wrapped labels: label column as a fraction of the longest label
    leader: str
    note_style: str
    flow_header: str
    span_form: str  # 'name' | 'one' | 'two' lines for spanning flow headers
    balance_header: str
    unaudited: bool
    variance_word: str
    footer: str
    footer_issuer: bool
    footnote: bool
    intro_page: bool
    title_upper: bool
    heading_italic: bool
    filler_share: float  # forced page breaks: commentary above the table fills at most this share of the page
    balance_span_prefix: bool  # 'As of December 31,' rather than 'December 31,'

    @property
    def language(self) -> str:
        return self.options.language

    @property
    def decimals(self) -> int:
        return 1 if self.options.scale == 'millions' else 0


def _draw_style(rng: random.Random, options: LayoutOptions, scheme: _Scheme) -> _Style:
    lang = options.language
    text = _TEXT[lang]
    # French releases are mostly in euros, but Canadian ones print '1 141 $'.
    currency = rng.choices(('€', '$'), (0.7, 0.3))[0] if lang == 'fr' else '$'
    family = rng.choices((('Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique'),
                          ('Times-Roman', 'Times-Bold', 'Times-Italic')), (0.7, 0.3))[0]
    flow_styles = [s for s in _FLOW_STYLES[scheme.mode]
                   if (scheme.december or s not in _DECEMBER_ONLY) and (s != 'single' or lang == 'en')]
    current, prior = (i.end for i in scheme.instants)
    same_day = (current.month, current.day) == (prior.month, prior.day)
    balance_styles = ['single', 'stacked', 'numeric'] + (['span', 'span'] if same_day else [])
    style = _Style(
        options=options,
        scheme=scheme,
        font=family[0], bold=family[1], italic=family[2],
        size=rng.choice((8.0, 8.5, 9.0, 9.5)),
        leading=rng.uniform(1.35, 1.6),
        margin=rng.uniform(40, 65),
        nil=rng.choice(('-', '—')),
        header_align=rng.choice(('center', 'right')),
        header_bold=rng.random() < 0.6,
        hang_parens=rng.random() < 0.5,
        currency=currency,
        caption=rng.choice(text['caption'][(options.scale, currency)]),
        caption_place=rng.choice(('title', 'title', 'corner', 'right')),
        accent_rules=rng.random() < 0.6,
        header_fill=rng.random() < 0.4,
        full_width=rng.random() < 0.6,
        wrap_fraction=rng.uniform(0.5, 0.7),
        leader=rng.choice(('.', '. ')),
        note_style=rng.choice(('int', 'letter', 'decimal')),
        flow_header=rng.choice(flow_styles),
        span_form=rng.choice(('name', 'one', 'two') if scheme.december else ('one', 'two')),
        balance_header=rng.choice(balance_styles),
        unaudited=scheme.mode in ('interim', 'q2h1') and rng.random() < 0.5,
        variance_word=rng.choice(text['variance']),
        footer=rng.choice(text['page']),
        footer_issuer=rng.random() < 0.5,
        footnote=rng.random() < 0.5,
        intro_page=rng.random() < 0.3,
        title_upper=rng.random() < 0.2,
        heading_italic=rng.random() < 0.4,
        filler_share=rng.choice((0.0, 0.3, 0.5)),
        balance_span_prefix=rng.random() < 0.5,
    )
    return _with_header_convention(style, same_day)


def _with_header_convention(style: _Style, same_day: bool) -> _Style:
    """A forced header convention (LayoutOptions.headers) in place of the drawn one; the random draws
    happen all the same, so every other choice of a seed stays what it was."""
    convention = style.options.headers
    if convention == 'drawn':
        return style
    # Adjacent cells: each column names its own period ('T4 2025 | T4 2024 | 12 mois 2025 | 12 mois 2024').
    flow, span, balance = {
        'adjacent': ('months', style.span_form, 'single'),
        'period_span': ('span', 'plural', 'span' if same_day else 'stacked'),
        'upper_span': ('span', 'upper', 'span' if same_day else 'stacked'),
        'relative': ('relative', style.span_form, 'relative'),
        'fiscal_quarters': ('fiscal', style.span_form, 'single' if style.language == 'fr' else 'stacked'),
    }[convention]
    return replace(style, flow_header=flow, span_form=span, balance_header=balance)


# --------------------------------------------------------------------- tables


@dataclass
class _Col:
    kind: str  # 'label' | 'note' | 'period' | 'variance'
    lines: tuple[str, ...] = ()  # own header lines, bottom-aligned
    period: _Period | None = None
    pair: tuple[_Period, _Period] | None = None  # variance: (current, prior)
    width: float = 0.0
    x0: float = 0.0
    x1: float = 0.0


@dataclass(frozen=True)
class _Span:
    lines: tuple[str, ...]
    first: int  # column indexes covered, inclusive
    last: int


@dataclass
class _Cell:
    text: str
    value: Decimal | None
    kind: str  # 'amount' | 'percent'
    currency: str = ''  # symbol drawn beside the figure: '$' at the column's left edge (en), after it (fr)


@dataclass
class _Row:
    kind: str
    key: str | None
    label: str
    indent: int
    note: str = ''
    cells: dict[int, _Cell] = field(default_factory=dict)
    figures_last: bool = False  # when wrapped: figures on the last label line
    lines: list[str] = field(default_factory=list)  # label lines, set by _fit


@dataclass
class _Table:
    stmt: StatementDef
    cols: list[_Col]
    spans: list[_Span]
    rows: list[_Row]
    # Geometry, set by _fit.
    page_size: tuple[float, float] = A4
    size: float = 9.0
    leading: float = 1.45

    @property
    def line_h(self) -> float:
        return self.size * self.leading

    @property
    def span_rows(self) -> int:
        return max((len(s.lines) for s in self.spans), default=0)

    @property
    def col_rows(self) -> int:
        return max(len(c.lines) for c in self.cols)

    def header_text(self, index: int) -> str:
        """The column header as the key reports it: span lines, then the column's own."""
        lines = [line for s in self.spans if s.first <= index <= s.last for line in s.lines]
        return ' '.join(lines + list(self.cols[index].lines))


class _DocState:
    """Choices that run across the statements of one document."""

    def __init__(self, note_style: str, rng: random.Random):
        self.note_style = note_style
        self.note = rng.randint(2, 7)  # 'int' notes run through the whole document
        self.section_notes: dict[int, int] = {}  # 'B.6.' / '3.2' notes restart per statement
        self.wrapped = rng.randint(0, 1)  # alternates figures-first / figures-last

    def next_note(self, stmt_index: int, rng: random.Random) -> str:
        step = rng.choice((0, 1, 1, 2))  # 0: two lines referring to the same note
        if self.note_style == 'int':
            self.note += step
            return str(self.note)
        n = self.section_notes.get(stmt_index, 0) + max(step, 0 if stmt_index in self.section_notes else 1)
        self.section_notes[stmt_index] = n
        if self.note_style == 'letter':
            return f"{'BCD'[stmt_index]}.{n}."
        return f'{stmt_index + 3}.{n}'

    def assign_figure_lines(self, table: _Table) -> None:
        """Wrapped rows put their figures on the first or the last line, alternately,
        so that every document with wrapped labels exercises both variants."""
        for row in table.rows:
            if len(row.lines) > 1 and row.cells:
                self.wrapped += 1
                row.figures_last = self.wrapped % 2 == 0


def _build_table(stmt, scheme, values, options, style, state, rng) -> _Table:
    if stmt.period_type == 'instant':
        cols, spans = _balance_columns(scheme, style)
    else:
        cols, spans = _flow_columns(scheme, style, variance=options.variance_column and stmt is INCOME_STATEMENT)
    label_lines = (style.caption,) if style.caption_place == 'corner' else ()
    cols.insert(0, _Col('label', label_lines))
    if options.notes_column:
        cols.insert(1, _Col('note', (rng.choice(_TEXT[style.language]['note']),)))
    offset = 2 if options.notes_column else 1
    spans = [replace(s, first=s.first + offset, last=s.last + offset) for s in spans]
    rows = _build_rows(stmt, cols, values[stmt.name], style, state, rng)
    return _Table(stmt, cols, spans, rows, leading=style.leading)


def _flow_columns(scheme: _Scheme, style: _Style, variance: bool) -> tuple[list[_Col], list[_Span]]:
    if style.flow_header == 'fiscal':
        return _fiscal_quarter_columns(scheme, style)
    cols, spans = [], []
    for current, prior in scheme.pairs:
        first = len(cols)
        pair = (prior, current) if style.options.prior_first else (current, prior)
        cols += [_Col('period', _flow_lines(p, style), period=p) for p in pair]
        span = _flow_span(current, style)
        if variance:
            cols.append(_Col('variance', (_variance_header(current, style, bool(span)),), pair=(current, prior)))
        if span:
            # With two groups the variance sits under its group's span, which keeps
            # the two variance headers distinct; a lone pair's span covers the years only.
            last = len(cols) - 1 if len(scheme.pairs) > 1 or not variance else len(cols) - 2
            spans.append(_Span(span, first, last))
    return cols, spans


def _fiscal_quarter_columns(scheme: _Scheme, style: _Style) -> tuple[list[_Col], list[_Span]]:
    """Q1 .. Q4 under one span naming the fiscal year (latest first unless prior_first)."""
    lang = style.language
    quarters = sorted(scheme.flows, key=lambda p: p.end, reverse=not style.options.prior_first)
    cols = [_Col('period', (_QUARTER_NUMBER[lang].format(q=_quarter(p, scheme.fye)),), period=p) for p in quarters]
    fiscal_year = scheme.instants[0].end.year
    return cols, [_Span((_FISCAL[lang].format(y=fiscal_year),), 0, len(cols) - 1)]


def _flow_lines(p: _Period, style: _Style) -> tuple[str, ...]:
    lang, fye = style.language, style.scheme.fye
    which = (p.months, _quarter(p, fye))
    year = str(p.end.year)
    comma = ',' if lang == 'en' else ''
    if style.flow_header == 'months':
        code = _MONTHS_CODE[lang][p.months] or _CODE[lang][which]
        return (f'{code} {year}',)
    return {
        'years': (year,),
        'span': (year,),
        'relative': ('N' if p.current else 'N-1',),
        'code': (f'{_CODE[lang][which]} {year}',),
        'date': (_day_month(p.end, lang) + comma, year),
        'phrase': (_PHRASE[lang][p.months].capitalize(), _long_date(p.end, lang)),
        'single': (f'{_PHRASE[lang][p.months].capitalize()} {_long_date(p.end, lang)}',),
    }[style.flow_header]


def _flow_span(p: _Period, style: _Style) -> tuple[str, ...]:
    if style.flow_header != 'span':
        return ()
    lang = style.language
    when = _day_month(p.end, lang) + (',' if lang == 'en' else '')
    phrase = _PHRASE[lang][p.months]
    if style.span_form == 'name':
        return (_NAME[lang][(p.months, _quarter(p, style.scheme.fye))],)
    if style.span_form == 'upper':
        return (_UPPER_NAME[lang][(p.months, _quarter(p, style.scheme.fye))],)
    if style.span_form == 'plural':
        return (f'{_PLURAL_PHRASE[lang][p.months]} {when}',)
    if style.span_form == 'one':
        return (f'{phrase} {when}',)
    return (phrase, when)


def _variance_header(current: _Period, style: _Style, under_span: bool) -> str:
    if len(style.scheme.pairs) == 1 or under_span:
        return style.variance_word
    # Two groups and no spans: the header itself must say which pair it compares.
    return _VARIANCE_CODE[style.language][(current.months, _quarter(current, style.scheme.fye))]


def _balance_columns(scheme: _Scheme, style: _Style) -> tuple[list[_Col], list[_Span]]:
    lang = style.language
    current, prior = scheme.instants
    order = (prior, current) if style.options.prior_first else (current, prior)
    cols = []
    for i in order:
        lines = {
            'single': (_long_date(i.end, lang),),
            'stacked': (_day_month(i.end, lang) + (',' if lang == 'en' else ''), str(i.end.year)),
            'numeric': (_numeric_date(i.end, lang),),
            'span': (str(i.end.year),),
            'relative': (f'{i.end.day:02d}/{i.end.month:02d}/' + ('N' if i.current else 'N-1'),),
        }[style.balance_header]
        if i.current and style.unaudited:
            lines += (_TEXT[lang]['unaudited'],)
        cols.append(_Col('period', lines, period=i))
    spans = []
    if style.balance_header == 'span':
        when = _day_month(current.end, lang) + (',' if lang == 'en' else '')
        prefix = ('Au ' if lang == 'fr' else 'As of ') if style.balance_span_prefix else ''
        spans.append(_Span((prefix + when,), 0, 1))
    return cols, spans


def _build_rows(stmt, cols, values, style, state, rng) -> list[_Row]:
    options = style.options
    lang = style.language
    long_keys = _pick_long_labels(stmt, lang, rng) if options.wrapped_labels else set()
    stmt_index = STATEMENT_NAMES.index(stmt.name)
    rows = []
    for d in stmt.rows:
        if d.kind == 'spacer':
            if not options.ruled:  # a ruled grid has no room for blank separators
                rows.append(_Row('spacer', None, '', 0))
            continue
        row = _Row(d.kind, d.key, d.label(lang, long=d.key in long_keys), d.indent if d.kind == 'item' else 0)
        if d.kind != 'heading':
            if options.notes_column and d.kind == 'item' and rng.random() < 0.45:
                row.note = state.next_note(stmt_index, rng)
            row.cells = {i: _cell(c, values[d.key], d, style) for i, c in enumerate(cols)
                         if c.kind in ('period', 'variance')}
        rows.append(row)
    return rows


def _pick_long_labels(stmt: StatementDef, lang: str, rng: random.Random) -> set[str]:
    candidates = [r.key for r in stmt.rows if r.key and r.long_variants(lang)]
    return set(rng.sample(candidates, max(2, round(len(candidates) * 0.6))))


def _cell(col: _Col, by_period: dict[_Period, int], d: RowDef, style: _Style) -> _Cell:
    if col.kind == 'variance':
        current, prior = col.pair
        return _Cell(*_format_change(by_period[current], by_period[prior], style.language), 'percent')
    text, value = _format_amount(by_period[col.period], style.decimals, style.language, style.nil)
    currency = style.currency if style.options.currency_symbol and d.kind == 'total' else ''
    return _Cell(text, value, 'amount', currency)


# -------------------------------------------------------------------- fitting


def _fit(table: _Table, style: _Style) -> None:
    """Choose font size and orientation so the table fits the text width, then place columns.

    Real statements shrink the type first and turn the page only as a last resort.
    """
    portrait = A4 if style.language == 'fr' else LETTER
    candidates = [(portrait, s / 2) for s in range(int(style.size * 2), 13, -1)]
    candidates += [(landscape(portrait), s / 2) for s in range(int(style.size * 2), 11, -1)]
    for page_size, size in candidates:
        table.page_size, table.size = page_size, size
        available = page_size[0] - 2 * style.margin
        needed = _measure(table, style)
        if needed <= available:
            break
    slack = available - needed
    if style.full_width and not style.options.wrapped_labels and slack > 0:
        table.cols[0].width += slack
    _place(table, style)


def _gap(table: _Table) -> float:
    return table.size * 1.4


def _measure(table: _Table, style: _Style) -> float:
    """Set column widths and label lines at the current size; return the table width."""
    size = table.size
    header_font = style.bold if style.header_bold else style.font
    for index, col in enumerate(table.cols):
        if col.kind == 'label':
            col.width = _wrap_labels(table, style)
            col.width = max([col.width] + [stringWidth(t, style.italic, size) for t in col.lines])
            continue
        texts = [stringWidth(t, header_font, size) for t in col.lines]
        if col.kind == 'note':
            texts += [stringWidth(r.note, style.font, size) for r in table.rows]
        else:
            texts += [_cell_width(r.cells[index], _row_font(r, style), style, size) for r in table.rows if r.cells]
        col.width = max(texts + [size * 4])
    gap = _gap(table)
    for span in table.spans:  # a span wider than its columns widens them evenly
        covered = table.cols[span.first:span.last + 1]
        room = sum(c.width for c in covered) + gap * (len(covered) - 1)
        need = max(stringWidth(t, header_font, size) for t in span.lines)
        for c in covered:
            c.width += max(0.0, need - room) / len(covered)
    return sum(c.width for c in table.cols) + gap * (len(table.cols) - 1)


def _row_font(row: _Row, style: _Style) -> str:
    if row.kind == 'heading' and style.heading_italic and not row.label.isupper():
        return style.italic
    return style.bold if row.kind in ('subtotal', 'total', 'heading') else style.font


def _cell_width(cell: _Cell, font: str, style: _Style, size: float) -> float:
    width = stringWidth(cell.text, font, size) + _hang(cell, style, size)
    if cell.currency:
        width += stringWidth(f'{cell.currency}  ', font, size)
    return width


def _suffix_currency(cell: _Cell, style: _Style) -> bool:
    return bool(cell.currency) and style.language == 'fr'


def _hang(cell: _Cell, style: _Style, size: float) -> float:
    """Room for the ')' of negatives when positives are set one parenthesis short."""
    if (style.hang_parens and cell.kind == 'amount' and not cell.text.endswith(')')
            and not _suffix_currency(cell, style)):
        return stringWidth(')', style.font, size)
    return 0.0


def _wrap_labels(table: _Table, style: _Style) -> float:
    """Split labels into lines; return the label column width."""
    size = table.size
    indent = size

    def width(row: _Row, text: str) -> float:
        return row.indent * indent + stringWidth(text, _row_font(row, style), size)

    rows = [r for r in table.rows if r.kind != 'spacer']
    if not style.options.wrapped_labels:
        for r in rows:
            r.lines = [r.label]
        return max(width(r, r.label) for r in rows)
    # Narrower than the longest label (so it wraps), but wide enough that every
    # label fits on two lines: greedy wrapping then never needs a third line.
    longest = max(width(r, r.label) for r in rows)
    column = max(max(_balanced_width(r.label, lambda t, r=r: width(r, t)) for r in rows),
                 longest * style.wrap_fraction)
    for r in rows:
        r.lines = _greedy_wrap(r.label, lambda t, r=r: width(r, t), column)
    return column


def _balanced_width(label: str, width) -> float:
    words = label.split(' ')
    if len(words) == 1:
        return width(label)
    return min(max(width(' '.join(words[:k])), width(' '.join(words[k:]))) for k in range(1, len(words)))


def _greedy_wrap(label: str, width, column: float) -> list[str]:
    lines, current = [], ''
    for word in label.split(' '):
        candidate = f'{current} {word}' if current else word
        if current and width(candidate) > column:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current]


def _place(table: _Table, style: _Style) -> None:
    x = style.margin
    for col in table.cols:
        col.x0, col.x1 = x, x + col.width
        x = col.x1 + _gap(table)


# ---------------------------------------------------------------------- pages


@dataclass(frozen=True)
class _Text:
    x: float
    y: float
    text: str
    font: str
    size: float
    align: str = 'left'  # 'left' | 'right' | 'center'


@dataclass(frozen=True)
class _Rule:
    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5


@dataclass(frozen=True)
class _Fill:
    x: float
    y: float
    w: float
    h: float
    gray: float = 0.88


_HEADER_ROOM = 58.0  # running header band at the top of every page
_FOOTER_ROOM = 52.0  # page-number band at the bottom


@dataclass
class _Page:
    size: tuple[float, float]
    ops: list = field(default_factory=list)

    @property
    def top(self) -> float:
        return self.size[1] - _HEADER_ROOM

    @property
    def bottom(self) -> float:
        return _FOOTER_ROOM


def _paginate(table: _Table, style: _Style, rng: random.Random) -> tuple[list[_Page], list[ExpectedFigure]]:
    """Lay the table out over as many pages as needed (one forced break with page_break).

    Figures carry the 0-based index of their page within this statement.
    """
    split = _choose_split(table, rng) if style.options.page_break else None
    repeat_header = rng.random() < 0.5
    pages, figures = [], []
    i = 0
    while i < len(table.rows):
        page = _Page(table.page_size)
        y = page.top
        first = not pages
        if first and split is not None:
            y = _filler(page, table, style, y, y - page.bottom - _height_until(table, style, split), rng)
        with_header = first or repeat_header
        if with_header:
            y = _title_block(page, table, style, y, continued=not first)
        stop = split if first and split is not None else len(table.rows)
        y_table = y
        if with_header:
            y = _header_block(page, table, style, y)
        bounds = [y]
        # len(bounds) == 1: a page always takes at least one row, so layout always progresses.
        while i < stop and (y - _row_height(table, table.rows[i]) >= page.bottom or len(bounds) == 1):
            y = _row_block(page, table, style, table.rows[i], y, len(pages), figures)
            bounds.append(y)
            i += 1
        if style.options.ruled:
            _grid(page, table, style, y_table, with_header, bounds)
        pages.append(page)
    if style.footnote and y - 2.5 * table.line_h > pages[-1].bottom:
        pages[-1].ops.append(_Text(style.margin, y - 2 * table.line_h, _TEXT[style.language]['footnote'],
                                   style.italic, table.size - 0.5))
    return pages, figures


def _choose_split(table: _Table, rng: random.Random) -> int:
    """A break in the middle of the table, never right after a heading or before a spacer."""
    n = len(table.rows)
    ok = [i for i in range(max(2, n * 3 // 10), n * 7 // 10 + 1)
          if table.rows[i - 1].kind not in ('heading', 'spacer') and table.rows[i].kind != 'spacer']
    return rng.choice(ok)


def _row_height(table: _Table, row: _Row) -> float:
    if row.kind == 'spacer':
        return table.line_h * 0.5
    return table.line_h * max(1, len(row.lines))


def relative_year_line(style: _Style) -> str | None:
    """With N / N-1 headers, the one place the page gives the year: 'Exercice N clos le 31 décembre 2025'."""
    if style.flow_header != 'relative':
        return None
    return _TEXT[style.language]['relative_year'].format(date=_long_date(style.scheme.instants[0].end, style.language))


def _title_height(table: _Table, style: _Style) -> float:
    caption_lines = (1 if style.caption_place in ('title', 'right') else 0) + (1 if relative_year_line(style) else 0)
    return (table.size + 3) * 1.6 + (caption_lines + 0.6) * table.size * 1.6


def _header_height(table: _Table, style: _Style) -> float:
    return (table.span_rows + table.col_rows) * table.line_h + (0 if style.options.ruled else table.line_h * 0.3)


def _height_until(table: _Table, style: _Style, split: int) -> float:
    return (_title_height(table, style) + _header_height(table, style)
            + sum(_row_height(table, r) for r in table.rows[:split]))


def _filler(page: _Page, table: _Table, style: _Style, y: float, room: float, rng: random.Random) -> float:
    """Commentary above the table, so that the forced break falls near the page bottom."""
    size = table.size + 0.5
    leading = size * 1.4
    slack = rng.uniform(0.2, 1.5) * table.line_h
    # Past the cap the table simply starts higher and the break leaves white space.
    room = min(room - slack, page.size[1] * style.filler_share)
    n_lines = int((room - leading) // leading)
    if n_lines < 3:
        return y
    width = page.size[0] - 2 * style.margin
    for line in _paragraph_lines(style, width, size, n_lines, rng):
        if line:
            page.ops.append(_Text(style.margin, y - size, line, style.font, size))
        y -= leading
    return y - leading


def _paragraph_lines(style: _Style, width: float, size: float, n_lines: int, rng: random.Random) -> list[str]:
    sentences = list(_TEXT[style.language]['filler'])
    rng.shuffle(sentences)
    lines: list[str] = []
    while True:  # whole paragraphs only: a sentence cut at the table would look machine-made
        paragraph = ' '.join(sentences[:3])
        sentences = sentences[3:] + sentences[:3]  # cycle, so paragraphs differ
        wrapped = _greedy_wrap(paragraph, lambda t: stringWidth(t, style.font, size), width)
        if len(lines) + len(wrapped) > n_lines:
            return lines
        lines += wrapped + ['']


def _title_block(page: _Page, table: _Table, style: _Style, y: float, continued: bool) -> float:
    lang = style.language
    title = table.stmt.title(lang)
    if style.title_upper:
        title = title.upper()
    if continued:
        title = f"{title} {_TEXT[lang]['continued']}"
    title_size, size = table.size + 3, table.size
    top = y
    y -= title_size * 1.6
    page.ops.append(_Text(style.margin, y + title_size * 0.4, title, style.bold, title_size))
    if style.caption_place in ('title', 'right'):
        y -= size * 1.6
        x, align = (style.margin, 'left') if style.caption_place == 'title' else (table.cols[-1].x1, 'right')
        page.ops.append(_Text(x, y + size * 0.4, style.caption, style.italic, size, align))
    if relative_year_line(style):
        y -= size * 1.6
        page.ops.append(_Text(style.margin, y + size * 0.4, relative_year_line(style), style.font, size))
    return top - _title_height(table, style)


def _baseline(table: _Table, y_top: float, line: int) -> float:
    return y_top - (line + 1) * table.line_h + 0.3 * table.line_h


def _header_block(page: _Page, table: _Table, style: _Style, y: float) -> float:
    size, lh = table.size, table.line_h
    font = style.bold if style.header_bold else style.font
    height = (table.span_rows + table.col_rows) * lh
    if style.options.ruled and style.header_fill:
        left, right = _table_edges(table)
        page.ops.append(_Fill(left, y - height, right - left, height))
    for span in table.spans:
        x0, x1 = table.cols[span.first].x0, table.cols[span.last].x1
        offset = table.span_rows - len(span.lines)
        for k, line in enumerate(span.lines):
            page.ops.append(_Text((x0 + x1) / 2, _baseline(table, y, offset + k), line, font, size, 'center'))
        if style.accent_rules and not style.options.ruled:
            rule_y = y - table.span_rows * lh + 0.03 * lh  # clear of descenders
            page.ops.append(_Rule(x0, rule_y, x1, rule_y))
    for col in table.cols:
        offset = table.span_rows + table.col_rows - len(col.lines)
        for k, line in enumerate(col.lines):
            base = _baseline(table, y, offset + k)
            if col.kind == 'label':
                page.ops.append(_Text(col.x0, base, line, style.italic, size))
            elif col.kind == 'note' or style.header_align == 'center':
                page.ops.append(_Text((col.x0 + col.x1) / 2, base, line, font, size, 'center'))
            else:
                page.ops.append(_Text(col.x1, base, line, font, size, 'right'))
        if style.accent_rules and not style.options.ruled and col.kind in ('period', 'variance'):
            rule_y = y - height + 0.1 * lh
            page.ops.append(_Rule(col.x0, rule_y, col.x1, rule_y))
    return y - _header_height(table, style)


def _row_block(page, table, style, row, y, page_index, figures) -> float:
    size = table.size
    if row.kind == 'spacer':
        return y - _row_height(table, row)
    font = _row_font(row, style)
    x_label = table.cols[0].x0 + row.indent * size
    figure_line = len(row.lines) - 1 if row.figures_last else 0
    for k, line in enumerate(row.lines):
        page.ops.append(_Text(x_label, _baseline(table, y, k), line, font, size))
    base = _baseline(table, y, figure_line)
    if style.options.dot_leaders and row.kind != 'heading':
        _leader(page, table, style, row, x_label + stringWidth(row.lines[figure_line], font, size), base)
    if row.note:
        note_col = table.cols[1]
        page.ops.append(_Text((note_col.x0 + note_col.x1) / 2, base, row.note, style.font, size, 'center'))
    for index, cell in row.cells.items():
        col = table.cols[index]
        if _suffix_currency(cell, style):
            page.ops.append(_Text(col.x1, base, f'{cell.text} {cell.currency}', font, size, 'right'))
        else:
            page.ops.append(_Text(col.x1 - _hang(cell, style, size), base, cell.text, font, size, 'right'))
            if cell.currency:  # US style: the dollar sign hugs the left edge of the column
                page.ops.append(_Text(col.x0, base, cell.currency, font, size))
        figures.append(_expected(table, row, index, cell, page_index))
    if style.accent_rules and not style.options.ruled and row.kind in ('subtotal', 'total'):
        _total_rules(page, table, row, y)
    return y - _row_height(table, row)


def _leader(page, table, style, row, x_start, base) -> None:
    x_start += stringWidth(' ', style.font, table.size)
    x_end = table.cols[1].x0 - _gap(table) * 0.5
    n = int((x_end - x_start) // stringWidth(style.leader, style.font, table.size))
    if n >= 3:
        page.ops.append(_Text(x_start, base, (style.leader * n).rstrip(), style.font, table.size))


def _total_rules(page: _Page, table: _Table, row: _Row, y: float) -> None:
    """Single rule over subtotal figures; totals also get the accountant's double underline."""
    bottom = y - _row_height(table, row)
    for col in table.cols:
        if col.kind in ('period', 'variance'):
            page.ops.append(_Rule(col.x0, y - 0.05 * table.line_h, col.x1, y - 0.05 * table.line_h))
            if row.kind == 'total':
                for dy in (0.12, 0.2):
                    page.ops.append(_Rule(col.x0, bottom + dy * table.line_h, col.x1, bottom + dy * table.line_h))


def _expected(table: _Table, row: _Row, index: int, cell: _Cell, page_index: int) -> ExpectedFigure:
    period = table.cols[index].period
    return ExpectedFigure(
        page=page_index,
        statement=table.stmt.name,
        label=row.label,
        column_header=table.header_text(index),
        period_end=period.end if period else None,
        period_type=(table.stmt.period_type if period else None),
        value_text=cell.text,
        value=cell.value,
        value_kind=cell.kind,
        period_start=(_shift_months(period.end, -period.months) + timedelta(days=1)
                      if period and period.months else None),
    )


def _table_edges(table: _Table) -> tuple[float, float]:
    pad = _gap(table) / 2
    return table.cols[0].x0 - pad, table.cols[-1].x1 + pad


def _boundary(table: _Table, i: int) -> float:
    """x of the ruling between column i and column i + 1 (mid-gap)."""
    return (table.cols[i].x1 + table.cols[i + 1].x0) / 2


def _grid(page: _Page, table: _Table, style: _Style, top: float, with_header: bool, bounds: list[float]) -> None:
    """Full ruling: every row and column boundary; inside a span, columns split below it."""
    left, right = _table_edges(table)
    bottom = bounds[-1]
    for y in ([top] if with_header else []) + bounds:
        page.ops.append(_Rule(left, y, right, y))
    span_bottom = top - table.span_rows * table.line_h
    if with_header:
        for span in table.spans:
            x0 = _boundary(table, span.first - 1)
            x1 = right if span.last == len(table.cols) - 1 else _boundary(table, span.last)
            page.ops.append(_Rule(x0, span_bottom, x1, span_bottom))
    page.ops.append(_Rule(left, bottom, left, top))
    page.ops.append(_Rule(right, bottom, right, top))
    for i in range(len(table.cols) - 1):
        x = _boundary(table, i)
        inside_span = with_header and any(s.first <= i < s.last for s in table.spans)
        page.ops.append(_Rule(x, bottom, x, span_bottom if inside_span else top))


def _intro_page(style: _Style, issuer: str, year: int, rng: random.Random) -> _Page:
    """A press-release cover page: narrative only, no table."""
    lang = style.language
    page = _Page(A4 if lang == 'fr' else LETTER)
    y = page.top - 20
    for text, font, size in ((issuer, style.bold, 18), (_TEXT[lang]['press'], style.font, 11),
                             (_release_title(lang, style.scheme, year), style.bold, 14)):
        page.ops.append(_Text(style.margin, y, text, font, size))
        y -= size * 1.8
    y -= 10
    width = page.size[0] - 2 * style.margin
    for line in _paragraph_lines(style, width, 10, 30, rng):
        if line:
            page.ops.append(_Text(style.margin, y, line, style.font, 10))
        y -= 14
    return page


def _add_page_furniture(pages: list[_Page], style: _Style, issuer: str, year: int) -> None:
    """Running header and page number: noise every extractor must learn to ignore."""
    lang = style.language
    running = f'{issuer} – {_release_title(lang, style.scheme, year)}'
    for n, page in enumerate(pages, start=1):
        width, height = page.size
        page.ops.append(_Text(style.margin, height - 32, running, style.font, 7.5))
        page.ops.append(_Text(width - style.margin, height - 32, _TEXT[lang]['press'], style.italic, 7.5, 'right'))
        page.ops.append(_Rule(style.margin, height - 37, width - style.margin, height - 37, 0.3))
        page.ops.append(_Text(width / 2, 28, style.footer.format(n=n, N=len(pages)), style.font, 8, 'center'))
        if style.footer_issuer:
            page.ops.append(_Text(style.margin, 28, issuer, style.font, 7))


# --------------------------------------------------------------------- render


def _render(path: Path, pages: list[_Page], title: str) -> None:
    canvas = Canvas(str(path), pagesize=pages[0].size, invariant=1)  # invariant: byte-stable output
    canvas.setTitle(title)
    for page in pages:
        canvas.setPageSize(page.size)
        for op in page.ops:
            _draw(canvas, op)
        canvas.showPage()
    canvas.save()


def _draw(canvas: Canvas, op) -> None:
    if isinstance(op, _Text):
        canvas.setFont(op.font, op.size)
        draw = {'left': canvas.drawString, 'right': canvas.drawRightString, 'center': canvas.drawCentredString}
        draw[op.align](op.x, op.y, op.text)
    elif isinstance(op, _Rule):
        canvas.setLineWidth(op.width)
        canvas.line(op.x0, op.y0, op.x1, op.y1)
    elif isinstance(op, _Fill):
        canvas.setFillGray(op.gray)
        canvas.rect(op.x, op.y, op.w, op.h, stroke=0, fill=1)
        canvas.setFillGray(0)
