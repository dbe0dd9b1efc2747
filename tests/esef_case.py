"""An IFRS case for the reconciliation: a generated release (tests/layouts) and an ESEF-style report package
(inline XBRL in a zip) tagging the same figures, with one typo and one restatement planted.

The package is written from the generator's own account of what it printed (ExpectedFigure), never from
what the pipeline read, so the reconciliation is tested against an independent truth.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from tests.layouts.generator import ExpectedFigure, LayoutOptions, label_keys, render_statements

ISSUER = "Norvale Group plc"
LEI = "529900NORVALE0000001"
YEAR = 2025
OPTIONS = LayoutOptions(language="en", periods=2, scale="millions")
SEED = 3  # an annual release (12-month periods ending 31 December): its durations start a year before they end
STATEMENTS = ("income_statement", "balance_sheet")

# The IFRS Taxonomy element the issuer tags each row with; `None`: an extension element of its own (the
# taxonomy has no element for `Retained earnings and other reserves` together).
ELEMENTS = {
    "revenue": "Revenue", "cost_of_sales": "CostOfSales", "gross_profit": "GrossProfit",
    "rd": "ResearchAndDevelopmentExpense", "sm": "SellingExpense", "ga": "AdministrativeExpense",
    "other_operating": "OtherOperatingIncomeExpense", "operating_profit": "ProfitLossFromOperatingActivities",
    "finance_income": "FinanceIncome", "finance_costs": "FinanceCosts", "finance_result": "FinanceIncomeCost",
    "associates": "ShareOfProfitLossOfAssociatesAndJointVenturesAccountedForUsingEquityMethod",
    "profit_before_tax": "ProfitLossBeforeTax", "income_tax": "IncomeTaxExpenseContinuingOperations",
    "net_profit": "ProfitLoss", "net_profit_owners": "ProfitLossAttributableToOwnersOfParent",
    "net_profit_nci": "ProfitLossAttributableToNoncontrollingInterests",
    "goodwill": "Goodwill", "intangibles": "IntangibleAssetsOtherThanGoodwill", "ppe": "PropertyPlantAndEquipment",
    "right_of_use": "RightofuseAssets", "associates_investments": "InvestmentsAccountedForUsingEquityMethod",
    "deferred_tax_assets": "DeferredTaxAssets", "other_nc_financial_assets": "OtherNoncurrentFinancialAssets",
    "total_non_current_assets": "NoncurrentAssets", "inventories": "Inventories", "receivables": "CurrentTradeReceivables",
    "other_current_assets": "OtherCurrentAssets",
    "held_for_sale": "NoncurrentAssetsOrDisposalGroupsClassifiedAsHeldForSaleOrAsHeldForDistributionToOwners",
    "cash": "CashAndCashEquivalents", "total_current_assets": "CurrentAssets", "total_assets": "Assets",
    "share_capital": "IssuedCapital", "share_premium": "SharePremium", "reserves": None,
    "equity_owners": "EquityAttributableToOwnersOfParent", "equity_nci": "NoncontrollingInterests", "total_equity": "Equity",
    "lt_borrowings": "NoncurrentPortionOfNoncurrentBorrowings", "lease_liabilities_nc": "NoncurrentLeaseLiabilities",
    "provisions_nc": "NoncurrentProvisions", "deferred_tax_liabilities": "DeferredTaxLiabilities",
    "total_non_current_liabilities": "NoncurrentLiabilities",
    "st_borrowings": "CurrentBorrowingsAndCurrentPortionOfNoncurrentBorrowings", "lease_liabilities_c": "CurrentLeaseLiabilities",
    "payables": "TradeAndOtherCurrentPayablesToTradeSuppliers", "tax_payable": "CurrentTaxLiabilitiesCurrent",
    "other_current_liabilities": "OtherCurrentLiabilities", "total_current_liabilities": "CurrentLiabilities",
    "total_equity_and_liabilities": "EquityAndLiabilities",
}
# Costs the taxonomy records as positive amounts, whatever sign a release prints them with.
POSITIVE_COSTS = {"cost_of_sales", "rd", "sm", "ga", "finance_costs", "income_tax"}

# What is planted: the release's revenue of the year differs from the filing's (a typo: two digits swapped in
# the release); the filing restates last year's inventories (tagging the release's figure as previously
# stated); and it restates last year's goodwill without saying so (as when a purchase price allocation is
# completed within IFRS 3's measurement period), the release printing what last year's filing (also written
# here) reported.
TYPO_KEY, TYPO_CURRENT = "revenue", True
RESTATED_KEY, RESTATED_CURRENT = "inventories", False
SILENTLY_RESTATED_KEY = "goodwill"
RESTATEMENT = Decimal("3")  # in the printed scale (millions)
PREVIOUSLY_STATED = "ifrs-full:RetrospectiveApplicationAndRetrospectiveRestatementAxis", "ifrs-full:PreviouslyStatedMember"


@dataclass(frozen=True)
class TaggedFigure:
    figure: ExpectedFigure
    key: str
    element: str  # prefix:name
    period_start: date | None
    filed_value: Decimal  # in the printed scale, sign as the taxonomy records it
    planted: str | None  # typo | restated | restated_silently | None


def _decimals(value_text: str) -> int:
    digits = value_text.strip("()-+ ")
    return len(digits.split(".")[1]) if "." in digits else 0


def _swap_two_digits(value: Decimal) -> Decimal:
    """The value with its two leading digits swapped (1,234.5 → 2,134.5); a value whose two leading digits are equal gains 9 units instead."""
    sign = -1 if value < 0 else 1
    text = f"{abs(value):f}"
    if len(text) < 2 or text[0] == text[1] or not text[1].isdigit():
        return value + 9
    return sign * Decimal(text[1] + text[0] + text[2:])


def tagged_figures(figures: list[ExpectedFigure]) -> list[TaggedFigure]:
    keys = {statement: label_keys(statement) for statement in STATEMENTS}
    current_end = max(f.period_end for f in figures if f.period_end)
    tagged = []
    for figure in figures:
        if figure.value is None or figure.value_kind != "amount" or figure.period_end is None:
            continue
        key = keys[figure.statement][figure.label]
        element = f"ifrs-full:{ELEMENTS[key]}" if ELEMENTS[key] else "nrv:RetainedEarningsAndOtherReserves"
        start = None
        if figure.period_type == "duration":
            assert (figure.period_end.month, figure.period_end.day) == (12, 31), "the case needs an annual release"
            start = figure.period_end.replace(year=figure.period_end.year - 1) + timedelta(days=1)
        value = abs(figure.value) if key in POSITIVE_COSTS else figure.value
        current = figure.period_end == current_end
        planted = None
        if (key, current) == (TYPO_KEY, TYPO_CURRENT):
            value, planted = _swap_two_digits(value), "typo"
        elif (key, current) == (RESTATED_KEY, RESTATED_CURRENT):
            value, planted = value + RESTATEMENT, "restated"
        elif (key, current) == (SILENTLY_RESTATED_KEY, False):
            value, planted = value + RESTATEMENT, "restated_silently"
        tagged.append(TaggedFigure(figure, key, element, start, value, planted))
    return tagged


def _context_id(period_start: date | None, period_end: date, dimension: tuple[str, str] | None) -> str:
    base = f"d{period_start:%Y%m%d}_{period_end:%Y%m%d}" if period_start else f"i{period_end:%Y%m%d}"
    return base + ("_prev" if dimension else "")


def _context(period_start, period_end, dimension) -> str:
    period = (
        f"<xbrli:startDate>{period_start}</xbrli:startDate><xbrli:endDate>{period_end}</xbrli:endDate>"
        if period_start else f"<xbrli:instant>{period_end}</xbrli:instant>"
    )
    segment = f'<xbrli:segment><xbrldi:explicitMember dimension="{dimension[0]}">{dimension[1]}</xbrldi:explicitMember></xbrli:segment>' if dimension else ""
    return (
        f'<xbrli:context id="{_context_id(period_start, period_end, dimension)}"><xbrli:entity>'
        f'<xbrli:identifier scheme="http://standards.iso.org/iso/17442">{LEI}</xbrli:identifier>{segment}</xbrli:entity>'
        f"<xbrli:period>{period}</xbrli:period></xbrli:context>"
    )


def _number(value: Decimal, decimals: int, fact_id: int, element: str, context: str) -> str:
    shown = f"{abs(value):,.{decimals}f}"
    sign = ' sign="-"' if value < 0 else ""
    return (
        f'<ix:nonFraction id="f{fact_id}" name="{element}" contextRef="{context}" unitRef="EUR" scale="6" '
        f'decimals="{decimals - 6}" format="ixt:num-dot-decimal"{sign}>{shown}</ix:nonFraction>'
    )


def inline_report(tagged: list[TaggedFigure]) -> str:
    """An inline XBRL (XHTML) report: a table per statement, every figure tagged, the contexts in ix:header."""
    contexts = {(t.period_start, t.figure.period_end, None) for t in tagged}
    contexts |= {(t.period_start, t.figure.period_end, PREVIOUSLY_STATED) for t in tagged if t.planted == "restated"}
    contexts.add((None, max(t.figure.period_end for t in tagged), None))
    rows = []
    for number, t in enumerate(tagged, start=1):
        cells = [_number(t.filed_value, _decimals(t.figure.value_text), number, t.element, _context_id(t.period_start, t.figure.period_end, None))]
        if t.planted == "restated":
            previous = abs(t.figure.value) if t.key in POSITIVE_COSTS else t.figure.value
            cells.append(
                "previously stated: "
                + _number(previous, _decimals(t.figure.value_text), 10_000 + number, t.element, _context_id(t.period_start, t.figure.period_end, PREVIOUSLY_STATED))
            )
        rows.append(f"<tr><td>{escape(t.figure.label)}</td><td>{t.figure.period_end}</td><td>{' '.join(cells)}</td></tr>")
    latest = max(t.figure.period_end for t in tagged)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
      xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" xmlns:xbrli="http://www.xbrl.org/2003/instance"
      xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
      xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
      xmlns:ifrs-full="https://xbrl.ifrs.org/taxonomy/2024-03-27/ifrs-full" xmlns:nrv="http://norvale.example/2025">
<head><title>{ISSUER} annual financial report {YEAR}</title></head>
<body>
<div style="display:none"><ix:header><ix:references>
<link:schemaRef xlink:type="simple" xlink:href="https://www.esma.europa.eu/taxonomy/2024-03-27/esef_cor.xsd"/>
</ix:references><ix:resources>
{''.join(_context(*c) for c in sorted(contexts, key=str))}
<xbrli:unit id="EUR"><xbrli:measure>iso4217:EUR</xbrli:measure></xbrli:unit>
</ix:resources></ix:header></div>
<p>Name of reporting entity: <ix:nonNumeric name="ifrs-full:NameOfReportingEntityOrOtherMeansOfIdentification" contextRef="{_context_id(None, latest, None)}">{ISSUER}</ix:nonNumeric></p>
<table>{''.join(rows)}</table>
</body></html>
"""


def as_reported_last_year(tagged: list[TaggedFigure]) -> list[TaggedFigure]:
    """Last year's filing: the release's prior-year figures, as they were reported then (nothing restated)."""
    latest = max(t.figure.period_end for t in tagged)
    return [
        TaggedFigure(t.figure, t.key, t.element, t.period_start, abs(t.figure.value) if t.key in POSITIVE_COSTS else t.figure.value, None)
        for t in tagged if t.figure.period_end < latest
    ]


def write_package(path: Path, tagged: list[TaggedFigure], year: int = YEAR) -> Path:
    """An XBRL report package as ESEF files it: <top>/META-INF/reportPackage.json and <top>/reports/<report>.xhtml."""
    top = f"norvale-{year}-12-31-en"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{top}/META-INF/reportPackage.json", json.dumps({"documentInfo": {"documentType": "https://xbrl.org/report-package/2023/xbri"}}))
        archive.writestr(f"{top}/reports/{top}.xhtml", inline_report(tagged))
    return path


def build_case(folder: Path) -> tuple[Path, Path, Path, list[TaggedFigure]]:
    """(release PDF, this year's report package, last year's, tagged figures) in `folder`."""
    release = folder / f"norvale_FY{YEAR}_en.pdf"
    figures = render_statements(release, seed=SEED, options=OPTIONS, issuer=ISSUER, year=YEAR, statements=STATEMENTS)
    tagged = tagged_figures(figures)
    this_year = write_package(folder / f"norvale-{YEAR}-12-31-en.zip", tagged)
    last_year = write_package(folder / f"norvale-{YEAR - 1}-12-31-en.zip", as_reported_last_year(tagged), YEAR - 1)
    return release, this_year, last_year, tagged
