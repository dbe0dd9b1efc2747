"""Every accounting identity on hand-built facts: a case consistent within rounding (pass), an
inconsistent one (fail), and one exactly at the XBRL bound (pass), through the real dbt build.

Each scenario is its own small document written to a fresh warehouse as the extractor would write it;
one Dagster materialisation of the dbt assets then checks them all.
"""

import hashlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import duckdb
import pytest

from extract.context import ENTITY
from extract.document import EXTRACTED, DocumentExtraction, ExtractedTable, LineItem
from extract.numbers import parse_number
from orchestration.cli import _rebuild_marts
from orchestration.warehouse import Warehouse

pytestmark = pytest.mark.e2e

Y2025, Y2024 = date(2025, 12, 31), date(2024, 12, 31)
INSTANT = {"balance_sheet"}


@dataclass
class Table:
    statement: str
    rows: list[tuple[str, list[str]]]  # label, printed figures per column
    periods: tuple[date | None, ...] = (Y2025,)  # None: a column whose header gave no period
    basis: str = "ifrs"
    variance_column: bool = False
    variance_header: str = "Var."
    sections: tuple[str | None, ...] = ()  # the heading each row sits under, row by row (none when empty)


def document(name: str, *tables: Table) -> DocumentExtraction:
    """A document as the extractor returns it: figures parsed from their printed text (French format)."""
    extraction = DocumentExtraction(
        document_id=hashlib.sha256(name.encode()).hexdigest(), source_file=f"{name}.pdf", size_bytes=1, pages=len(tables),
        status=EXTRACTED, language="fr", title=name,
    )
    for table_index, table in enumerate(tables):
        page = table_index + 1
        headers = [str(p.year) if p else "" for p in table.periods] + ([table.variance_header] if table.variance_column else [])
        for row_index, (label, cells) in enumerate(table.rows):
            for column_index, text in enumerate(cells):
                number = parse_number(text, decimal_comma=True)
                variance = column_index >= len(table.periods)
                period = None if variance else table.periods[column_index]
                extraction.line_items.append(LineItem(
                    page=page, table_index=table_index, row_index=row_index, column_index=column_index, label=label,
                    section=table.sections[row_index] if table.sections else None, note=None, column_header=headers[column_index], column_role="variance" if variance else "value",
                    value_text=text, reported_value=number.value, value_kind=number.kind, printed_decimals=number.decimals,
                    scale=1 if number.kind == "percent" else 1_000_000, currency=None if number.kind == "percent" else "EUR",
                    period_type=None if variance or not period else ("instant" if table.statement in INSTANT else "duration"),
                    period_start=None if variance or not period or table.statement in INSTANT else date(period.year, 1, 1),
                    period_end=period, is_total=label.lower().startswith("total") or not label, wrapped_label=False,
                    x0=300.0 + 60 * column_index, top=100.0 + 12 * row_index, x1=340.0 + 60 * column_index, bottom=108.0 + 12 * row_index,
                ))
        extraction.tables.append(ExtractedTable(
            table_index=table_index, first_page=page, last_page=page, caption=name, unit_caption="(en millions d'euros)",
            statement=table.statement, basis=table.basis, scope=ENTITY, scale=1_000_000, currency="EUR", row_count=len(table.rows),
            column_count=len(headers), x0=300.0, top=100.0, x1=500.0, bottom=400.0,
        ))
    return extraction


def income_statement(revenue: str, cost: str, gross: str) -> Table:
    return Table("income_statement", [("Chiffre d'affaires", [revenue]), ("Coût des ventes", [cost]), ("Marge brute", [gross])])


def cash_flow(operating: str, investing: str, financing: str, fx: str, change: str, opening: str, closing: str) -> Table:
    return Table("cash_flow", [
        ("Trésorerie nette provenant des activités opérationnelles", [operating]),
        ("Flux nets de trésorerie liés aux opérations d'investissement", [investing]),
        ("Flux nets de trésorerie liés aux opérations de financement", [financing]),
        ("Incidence du taux de change sur la trésorerie", [fx]),
        ("Variation de trésorerie nette", [change]),
        ("Trésorerie et équivalents de trésorerie à l'ouverture de l'exercice", [opening]),
        ("Trésorerie et équivalents de trésorerie à la clôture de l'exercice", [closing]),
    ])


def net_change_with_held_for_sale(change: str) -> Table:
    return Table("cash_flow", [
        ("Trésorerie nette provenant des activités opérationnelles", ["3,0"]),
        ("Flux nets de trésorerie liés aux opérations d'investissement", ["1,0"]),
        ("Flux nets de trésorerie liés aux opérations de financement", ["(2,0)"]),
        ("Incidence du taux de change sur la trésorerie", ["0,1"]),
        ("Trésorerie reclassée en actifs destinés à être cédés", ["0,5"]),
        ("Variation de trésorerie nette", [change]),
    ])


def balance_sheet(non_current: str, current: str, assets: str, equity: str, liabilities: str, total: str, cash: str = "7,1") -> Table:
    return Table("balance_sheet", [
        ("Trésorerie et équivalents de trésorerie", [cash]),
        ("Total des actifs non courants", [non_current]),
        ("Total des actifs courants", [current]),
        ("Total de l'actif", [assets]),
        ("Total des capitaux propres", [equity]),
        ("Total du passif", [liabilities]),
        ("Total du passif et des capitaux propres", [total]),
    ])


def summary(revenue: str, profit: str) -> Table:
    return Table("income_statement", [("Chiffre d'affaires", [revenue]), ("Résultat net", [profit])])


def statement_with_owners_share() -> Table:
    return Table("income_statement", [
        ("Chiffre d'affaires", ["100,0"]), ("Coût des ventes", ["(60,0)"]), ("Marge brute", ["40,0"]),
        ("Résultat net", ["12,0"]), ("Résultat net part du Groupe", ["10,0"]), ("Résultat net part des intérêts non contrôlants", ["2,0"]),
    ])


def statement_with_two_revenues() -> Table:
    return Table("income_statement", [
        ("Chiffre d'affaires", ["100,0"]), ("Autres produits", ["4,0"]), ("Chiffre d'affaires total", ["104,0"]),
        ("Coût des ventes", ["(60,0)"]), ("Résultat net", ["12,0"]),
    ])


SCENARIOS = [
    # Declared calculation: gross profit = revenue + cost of sales. 46,5 − 17,0 = 29,5; the bound is 3 × 0,05.
    document("calc_within_rounding", income_statement("46,5", "(17,0)", "29,6")),
    document("calc_inconsistent", income_statement("46,5", "(17,0)", "29,8")),
    # 10,0 − 3,6 = 6,4 and 7 stands for [6,5; 7,5]: |7 − 6,4| = 0,6 = 0,5 + 0,05 + 0,05, exactly the bound.
    document("calc_at_bound", income_statement("10,0", "(3,6)", "7")),
    document("calc_beyond_bound", income_statement("10,0", "(3,7)", "7")),
    # A table printing costs as positive amounts to subtract (US GAAP style).
    document("calc_costs_positive", income_statement("100", "60", "40")),
    # Table totals inferred from the table alone (labels unknown to the concept seed).
    document("total_adds_up", Table("kpi", [("Zeta", ["1,2"]), ("Eta", ["2,3"]), ("Total", ["3,6"])], basis="adjusted")),
    document("total_near_miss", Table("revenue", [("Produit alpha", ["10"]), ("Produit beta", ["20"]), ("Total ventes", ["33"])])),
    document("total_unrecognised", Table("revenue", [("Produit alpha", ["10"]), ("Produit beta", ["20"]), ("Total ventes", ["90"])])),
    # `dont` / `of which` rows are parts of the row above them: 10,0 + 20,0 = 30,0, the 4,0 and the 5,0 not added.
    document("total_with_breakdowns", Table("revenue", [
        ("Produit alpha", ["10,0"]), ("– dont France", ["4,0"]), ("Produit beta", ["20,0"]), ("of which online", ["5,0"]), ("Total ventes", ["30,0"]),
    ])),
    # Balance sheet: assets = equity and liabilities; cash agrees with the cash-flow statement.
    document("balance_consistent", balance_sheet("56,1", "35,4", "91,4", "34,6", "56,9", "91,4"),
             cash_flow("(0,3)", "(2,0)", "(1,4)", "(0,1)", "(3,8)", "10,9", "7,1")),
    document("balance_inconsistent", balance_sheet("56,1", "35,4", "91,4", "34,6", "56,9", "91,9", cash="7,3"),
             cash_flow("(0,3)", "(2,0)", "(1,4)", "(0,1)", "(3,9)", "11,2", "7,1")),
    # The same figure printed in two tables agrees (a cash-flow summary and the statement).
    document("same_figure_disagrees",
             Table("cash_flow", [("Trésorerie nette provenant des activités opérationnelles", ["(0,3)"]),
                                 ("Flux nets de trésorerie liés aux opérations d'investissement", ["(2,0)"]),
                                 ("Incidence du taux de change sur la trésorerie", ["0,2"])]),
             Table("cash_flow", [("Trésorerie nette provenant des activités opérationnelles", ["(0,3)"]),
                                 ("Flux nets de trésorerie liés aux opérations d'investissement", ["(2,0)"]),
                                 ("Incidence du taux de change sur la trésorerie", ["(0,2)"]),
                                 ("Autre", ["1,0"])])),
    # A net change that includes cash reclassified as held for sale (IFRS 5): 3 + 1 − 2 + 0,1 + 0,5 = 2,6.
    document("net_change_with_held_for_sale", net_change_with_held_for_sale("2,6")),
    document("net_change_with_held_for_sale_wrong", net_change_with_held_for_sale("3,6")),
    # Closing cash of 2024 is the opening cash of 2025.
    document("continuity_broken", Table("cash_flow", [
        ("Trésorerie et équivalents de trésorerie à l'ouverture de l'exercice", ["11,2", "22,6"]),
        ("Trésorerie et équivalents de trésorerie à la clôture de l'exercice", ["7,1", "11,0"]),
    ], periods=(Y2025, Y2024))),
    # A printed variance: 46,5 vs 57,2 is −18,7 %.
    document("variance_right", Table("revenue", [("Chiffre d'affaires", ["46,5", "57,2", "-18,7%"])], periods=(Y2025, Y2024), variance_column=True)),
    # A `% of revenue` row: 29,5 / 46,5 = 63,44 %, within [63,36; 63,53] with the rounding of both figures.
    document("ratio_right", Table("kpi", [("Chiffre d'affaires", ["46,5"]), ("Marge brute", ["29,5"]), ("En % du CA", ["63,4%"])], basis="adjusted")),
    document("ratio_wrong", Table("kpi", [("Chiffre d'affaires", ["46,5"]), ("Marge brute", ["29,5"]), ("En % du CA", ["60,4%"])], basis="adjusted")),
    document("variance_wrong", Table("revenue", [("Chiffre d'affaires", ["46,5", "57,2", "-12,0%"])], periods=(Y2025, Y2024), variance_column=True)),
    # No false alarms: a mismatch fails only when the figures are surely the same thing. Each case below
    # failed before; its twin with a real flaw still fails.
    # Periods known: a column whose header gave no period (29,8 ≠ 46,5 − 17,0 beyond rounding).
    document("calc_inconsistent_period_unknown", Table("income_statement", [
        ("Chiffre d'affaires", ["46,5"]), ("Coût des ventes", ["(17,0)"]), ("Marge brute", ["29,8"]),
    ], periods=(None,))),
    # A summary's `Résultat net` (10,0) is the statement's profit attributable to owners, printed there
    # under that label: two scopes the publication prints both of, not a misprint.
    document("same_figure_other_scope", summary("100,0", "10,0"), statement_with_owners_share()),
    document("same_figure_misprinted", summary("100,0", "10,5"), statement_with_owners_share()),
    # The statement prints revenue twice (`Chiffre d'affaires` 100,0 and `Chiffre d'affaires total` 104,0):
    # a summary printing 104,0 agrees with one of them; 99,0 matches neither, and which is meant is unknown.
    document("same_figure_two_revenues", summary("104,0", "12,0"), statement_with_two_revenues()),
    document("same_figure_two_revenues_neither", summary("99,0", "12,0"), statement_with_two_revenues()),
    # Balance-sheet cash 7,1 and the cash-flow statement's 7,3: with assets held for sale on the balance
    # sheet, the statement's cash may include theirs (IFRS 5).
    document("cash_with_assets_held_for_sale",
             Table("balance_sheet", [("Trésorerie et équivalents de trésorerie", ["7,1"]), ("Actifs détenus en vue de la vente", ["3,0"])]),
             cash_flow("(0,3)", "(2,0)", "(1,4)", "(0,1)", "(3,8)", "11,1", "7,3")),
    # The 2024 closing cash (10,5) excludes the 0,5 reclassified as held for sale; the 2025 opening
    # cash (11,0) includes it.
    document("continuity_with_held_for_sale", Table("cash_flow", [
        ("Trésorerie et équivalents de trésorerie à l'ouverture de l'exercice", ["11,0", "8,0"]),
        ("Trésorerie reclassée en actifs destinés à être cédés", ["–", "(0,5)"]),
        ("Trésorerie et équivalents de trésorerie à la clôture de l'exercice", ["12,0", "10,5"]),
    ], periods=(Y2025, Y2024))),
    # A change at constant exchange rates is not the change of the reported figures beside it.
    document("variance_at_constant_currency", Table("revenue", [("Chiffre d'affaires", ["46,5", "57,2", "-12,0%"])],
                                                    periods=(Y2025, Y2024), variance_column=True, variance_header="Var. à changes constants")),
    # Two documents of one issuer: the 2025 release opens with 10,5 where the 2024 one closed with 10,0
    # (a restatement in the later publication, or a flaw: the two documents alone cannot tell).
    document("continuityco_FY2024", Table("cash_flow", [
        ("Trésorerie et équivalents de trésorerie à l'ouverture de l'exercice", ["8,0"]),
        ("Trésorerie et équivalents de trésorerie à la clôture de l'exercice", ["10,0"]),
    ], periods=(Y2024,))),
    document("continuityco_FY2025", Table("cash_flow", [
        ("Trésorerie et équivalents de trésorerie à l'ouverture de l'exercice", ["10,5"]),
        ("Trésorerie et équivalents de trésorerie à la clôture de l'exercice", ["12,0"]),
    ], periods=(Y2025,))),
    # A sub-section total: `Total services` closes the two service rows, not the products above them
    # (another heading), though all four come within three rounding bounds of it.
    document("total_of_a_sub_section", Table("revenue", [
        ("Produit alpha", ["0,1"]), ("Produit beta", ["0,2"]), ("Service gamma", ["10,0"]), ("Service delta", ["20,0"]), ("Total services", ["30,9"]),
    ], sections=("Produits", "Produits", "Services", "Services", "Services"))),
    document("total_near_miss_one_section", Table("revenue", [
        ("Produit alpha", ["0,1"]), ("Produit beta", ["0,2"]), ("Service gamma", ["10,0"]), ("Service delta", ["20,0"]), ("Total ventes", ["30,9"]),
    ], sections=("Ventes",) * 5)),
    # The ratio row is printed under a row whose cell is a dash: it may be that row's ratio, not the
    # gross margin's two rows above.
    document("ratio_not_under_its_figure", Table("kpi", [
        ("Chiffre d'affaires", ["46,5"]), ("Marge brute", ["29,5"]), ("Éléments non courants", ["–"]), ("En % du CA", ["0,0%"]),
    ], basis="adjusted")),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    path = tmp_path_factory.mktemp("identities") / "warehouse.duckdb"
    store = Warehouse(path)
    for extraction in SCENARIOS:
        store.write_document(extraction, file_names=[extraction.source_file])
    _rebuild_marts(path)
    with duckdb.connect(str(path), read_only=True) as connection:
        rows = connection.execute(
            """select d.source_file, i.check_name, i.period_end, i.status, i.expected, i.actual, i.tolerance, i.inconclusive_reason
               from marts.identity_results i join marts.dim_documents d using (document_id)"""
        ).fetchall()
    by_document: dict[str, list[tuple]] = {}
    for source_file, *rest in rows:
        by_document.setdefault(source_file.removesuffix(".pdf"), []).append(tuple(rest))
    return by_document


def statuses(results, name, check_prefix):
    return sorted(status for check, _, status, *_ in results.get(name, []) if check.startswith(check_prefix))


@pytest.mark.parametrize("name, expected", [
    ("calc_within_rounding", ["pass"]),
    ("calc_inconsistent", ["fail"]),
    ("calc_at_bound", ["pass"]),
    ("calc_beyond_bound", ["fail"]),
    ("calc_costs_positive", ["pass"]),
])
def test_declared_calculation(results, name, expected):
    assert statuses(results, name, "calculation:GrossProfit") == expected


def test_the_bound_is_the_xbrl_interval_sum(results):
    (_, _, _, expected, actual, tolerance, _), = [r for r in results["calc_at_bound"] if r[0] == "calculation:GrossProfit"]
    assert (Decimal(str(expected)), Decimal(str(actual)), round(tolerance, 9)) == (Decimal("6.4"), Decimal("7"), 0.6)


@pytest.mark.parametrize("name, expected", [
    ("total_adds_up", ["pass"]),
    ("total_near_miss", ["fail"]),
    ("total_unrecognised", ["inconclusive"]),
    ("total_with_breakdowns", ["pass"]),
])
def test_table_total(results, name, expected):
    assert statuses(results, name, "table_total") == expected


def test_balance_sheet_and_cash_identities(results):
    assert statuses(results, "balance_consistent", "balance_sheet:") == ["pass"]
    assert statuses(results, "balance_inconsistent", "balance_sheet:") == ["fail"]
    assert statuses(results, "balance_consistent", "cross_statement:cash") == ["pass"]
    assert statuses(results, "balance_inconsistent", "cross_statement:cash") == ["fail"]
    # operating + investing + financing + exchange effect = net change: (3,8) holds, (3,9) is off by 0,1
    # with a bound of 0,25 — within rounding — while opening 11,2 + (3,9) = 7,3 ≠ closing 7,1 beyond 0,15.
    assert statuses(results, "balance_consistent", "calculation:IncreaseDecreaseInCashAndCashEquivalents") == ["pass"]
    assert statuses(results, "balance_inconsistent", "calculation:IncreaseDecreaseInCashAndCashEquivalents") == ["pass"]
    assert statuses(results, "balance_consistent", "calculation:CashAndCashEquivalentsAtEndOfPeriod") == ["pass"]
    assert statuses(results, "balance_inconsistent", "calculation:CashAndCashEquivalentsAtEndOfPeriod") == ["fail"]


def test_net_change_with_cash_reclassified_as_held_for_sale(results):
    """The complete link set nearest the printed net change is judged: with the reclassified cash."""
    assert statuses(results, "net_change_with_held_for_sale", "calculation:IncreaseDecreaseInCashAndCashEquivalents") == ["pass"]
    assert statuses(results, "net_change_with_held_for_sale_wrong", "calculation:IncreaseDecreaseInCashAndCashEquivalents") == ["fail"]


def test_same_figure_in_two_tables(results):
    checks = {check: status for check, _, status, *_ in results["same_figure_disagrees"] if check.startswith("same_figure_agrees")}
    assert checks == {
        "same_figure_agrees:CashFlowsFromUsedInOperatingActivities": "pass",
        "same_figure_agrees:CashFlowsFromUsedInInvestingActivities": "pass",
        "same_figure_agrees:EffectOfExchangeRateChangesOnCashAndCashEquivalents": "fail",
    }


def test_cash_continuity_across_periods(results):
    assert statuses(results, "continuity_broken", "cash_continuity") == ["fail"]


def test_printed_variance(results):
    assert statuses(results, "variance_right", "variance") == ["pass"]
    assert statuses(results, "variance_wrong", "variance") == ["fail"]


def test_printed_ratio_of_revenue(results):
    assert statuses(results, "ratio_right", "ratio") == ["pass"]
    assert statuses(results, "ratio_wrong", "ratio") == ["fail"]


def reasons(results, name, check_prefix):
    return [reason for check, _, status, *_, reason in results.get(name, []) if check.startswith(check_prefix) and status == "inconclusive"]


def test_a_period_not_read_makes_a_mismatch_inconclusive(results):
    assert statuses(results, "calc_inconsistent", "calculation:GrossProfit") == ["fail"]
    assert statuses(results, "calc_inconsistent_period_unknown", "calculation:GrossProfit") == ["inconclusive"]
    assert "no period read" in reasons(results, "calc_inconsistent_period_unknown", "calculation:GrossProfit")[0]


def test_a_figure_printed_under_another_label_is_another_scope(results):
    assert statuses(results, "same_figure_other_scope", "same_figure_agrees:Revenue") == ["pass"]
    assert statuses(results, "same_figure_other_scope", "same_figure_agrees:ProfitLoss") == ["inconclusive"]
    assert "under another label" in reasons(results, "same_figure_other_scope", "same_figure_agrees:ProfitLoss")[0]
    assert statuses(results, "same_figure_misprinted", "same_figure_agrees:ProfitLoss") == ["fail"]


def test_a_concept_printed_twice_in_the_statement(results):
    assert statuses(results, "same_figure_two_revenues", "same_figure_agrees:Revenue") == ["pass"]
    assert statuses(results, "same_figure_two_revenues_neither", "same_figure_agrees:Revenue") == ["inconclusive"]
    assert "several amounts" in reasons(results, "same_figure_two_revenues_neither", "same_figure_agrees:Revenue")[0]


def test_cash_of_assets_held_for_sale(results):
    assert statuses(results, "balance_inconsistent", "cross_statement:cash") == ["fail"]
    assert statuses(results, "cash_with_assets_held_for_sale", "cross_statement:cash") == ["inconclusive"]
    assert statuses(results, "continuity_broken", "cash_continuity") == ["fail"]
    assert statuses(results, "continuity_with_held_for_sale", "cash_continuity") == ["inconclusive"]
    assert "held for sale" in reasons(results, "continuity_with_held_for_sale", "cash_continuity")[0]


def test_cash_continuity_between_two_documents_is_not_judged(results):
    assert statuses(results, "continuityco_FY2025", "cash_continuity") == ["inconclusive"]
    assert "another document" in reasons(results, "continuityco_FY2025", "cash_continuity")[0]
    assert statuses(results, "continuity_broken", "cash_continuity") == ["fail"]


def test_a_total_of_a_sub_section(results):
    assert statuses(results, "total_of_a_sub_section", "table_total") == ["inconclusive"]
    assert "sub-section" in reasons(results, "total_of_a_sub_section", "table_total")[0]
    assert statuses(results, "total_near_miss_one_section", "table_total") == ["fail"]


def test_a_ratio_not_printed_under_its_figure(results):
    assert statuses(results, "ratio_not_under_its_figure", "ratio") == ["inconclusive"]
    assert statuses(results, "ratio_wrong", "ratio") == ["fail"]


def test_a_change_at_constant_exchange_rates(results):
    assert statuses(results, "variance_at_constant_currency", "variance") == ["inconclusive"]
    assert statuses(results, "variance_wrong", "variance") == ["fail"]
