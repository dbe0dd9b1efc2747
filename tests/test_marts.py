"""The marts on the real run over every sample: issuers, periods, concepts, wide statements."""

import csv
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from orchestration.evaluation import evaluate, report_text

from .conftest import SAMPLES

pytestmark = pytest.mark.e2e

GOLD = Path(__file__).parent / "gold"


def query(path, sql, params=None):
    with duckdb.connect(str(path), read_only=True) as connection:
        return connection.execute(sql, params or []).fetchall()


def manifest_issuers():
    with open(SAMPLES / "MANIFEST.csv", newline="", encoding="utf-8") as handle:
        return {row["file"]: row["issuer"] for row in csv.DictReader(handle)}


def test_every_sample_names_its_issuer_as_the_manifest_does(sample_warehouse):
    found = {file: (issuer, source) for file, issuer, source in query(
        sample_warehouse, "select source_file, issuer, issuer_source from marts.dim_documents")}
    expected = manifest_issuers() | {"verimatrix_FY2025_fr.pdf": "Verimatrix"}
    assert {file: issuer for file, (issuer, _) in found.items()} == expected
    # Identified from the document's own text; only Goodfellow's page prints no name, ISIN or ticker.
    assert {file for file, (_, source) in found.items() if source not in ("isin", "ticker", "name", "document_name")} == {
        "goodfellow-quarters_FY2023_fr.pdf"
    }


def test_the_evidence_each_document_prints(sample_warehouse):
    evidence = {file: (name, isins, tickers) for file, name, isins, tickers in query(
        sample_warehouse, "select source_file, issuer_name_in_document, isins_in_document, tickers_in_document from marts.dim_documents")}
    assert evidence["verimatrix_FY2025_fr.pdf"] == ("Verimatrix", ["FR0010291245"], ["EURONEXT PARIS:VMX"])
    assert evidence["intel_2023Q1_en.pdf"] == ("Intel Corporation", [], ["NASDAQ:INTC"])
    assert evidence["amcor_FY2023Q4_en.pdf"] == ("Amcor plc", [], ["NYSE:AMCR", "ASX:AMC"])
    assert evidence["sanofi_2025H1_fr.pdf"][2] == ["EURONEXT:SAN", "NASDAQ:SNY"]
    # The seed merges spellings: the page prints the name in capitals.
    assert evidence["brookfield-renewable-bs_FY2023_fr.pdf"][0] == "BROOKFIELD RENEWABLE PARTNERS L.P."
    assert evidence["goodfellow-quarters_FY2023_fr.pdf"] == (None, [], [])


@pytest.mark.parametrize(
    ("file", "reporting_period", "period_type", "fiscal_year_end_month"),
    [
        ("verimatrix_FY2025_fr.pdf", "FY2025", "annual", 12),
        ("sanofi_2025H1_fr.pdf", "H1 FY2025", "half_year", 12),
        ("costco_FY2023Q3_en.pdf", "Q3 FY2023", "quarter", 8),  # 36 weeks ended May 7 start the fiscal year
        ("intel_2023Q1_en.pdf", "Q1 FY2023", "quarter", 12),
        ("pepsico_2023Q2_en.pdf", "Q2 FY2023", "quarter", 12),
        ("amcor_FY2023Q4_en.pdf", "Q4 FY2023", "quarter", 6),  # three and twelve months ended June 30
        ("brookfield-renewable-bs_FY2023_fr.pdf", "end of FY2023", "annual", 12),
    ],
)
def test_the_period_a_document_covers_comes_from_its_tables(sample_warehouse, file, reporting_period, period_type, fiscal_year_end_month):
    assert query(
        sample_warehouse,
        "select reporting_period, period_type, fiscal_year_end_month from marts.dim_documents where source_file = ?", [file],
    ) == [(reporting_period, period_type, fiscal_year_end_month)]


def test_fiscal_labels_of_periods(sample_warehouse):
    costco = dict(query(
        sample_warehouse,
        "select length_days, period_label from marts.dim_periods where period_type = 'duration' and period_end = '2023-05-07'",
    ))
    assert costco == {84: "Q3 FY2023", 252: "9M FY2023"}
    (covered,) = query(sample_warehouse, "select periods_covered from marts.dim_documents where source_file = 'pepsico_2023Q2_en.pdf'")[0]
    assert covered == "Q2 FY2023, H1 FY2023, Q2 FY2022, H1 FY2022"


def test_main_statement_figures_carry_concepts_and_none_is_wrong(sample_warehouse):
    scores = evaluate(sample_warehouse, GOLD)
    gold = sum(score.gold for score in scores)
    with_concept = sum(score.with_concept for score in scores)
    report = report_text(scores)
    assert with_concept / gold >= 0.97, report
    assert [wrong for score in scores for wrong in score.wrong_concepts] == [], report


def test_components_carry_their_member(sample_warehouse):
    """Brookfield prints each class of non-controlling interests on its own row: NoncontrollingInterests with
    the class as member, never the total, so they stay out of identity checks and of the wide view."""
    members = query(sample_warehouse, """
        select member, reported_value from marts.fct_financial_facts
        where source_file = 'brookfield-renewable-bs_FY2023_fr.pdf' and concept = 'NoncontrollingInterests' and period_end = '2023-12-31'
        order by row_index""")
    assert members[0] == ("Participating non-controlling interests in operating subsidiaries", Decimal("18863"))
    assert len(members) == 6 and all(member for member, _ in members)
    assert query(sample_warehouse, """
        select non_controlling_interests, total_equity from marts.balance_sheet
        where source_file = 'brookfield-renewable-bs_FY2023_fr.pdf' and period_end = '2023-12-31'""") == [(None, 29979.0)]


def test_unlabelled_totals_take_the_concept_of_the_section_they_add_up(sample_warehouse):
    rows = query(sample_warehouse, """
        select source_file, concept, string_agg(value_text, ' | ' order by column_index) from marts.fct_financial_facts
        where mapping_method = 'section_total' and source_file like 'brookfield%' group by all order by 1, 2""")
    assert ("brookfield-renewable-bs_FY2023_fr.pdf", "CurrentAssets", "4 610 | 4 183") in rows
    assert ("brookfield-renewable-cf_FY2023_fr.pdf", "CashFlowsFromUsedInOperatingActivities", "1 865 | 1 711 | 734") in rows
    # The 1 390 subtotal inside the operating section closes nothing the seeds name.
    assert not any("1 390" in figures for *_, figures in rows)


def test_fuzzy_mapping_only_undoes_what_the_text_layer_lost(sample_warehouse):
    fuzzy = query(sample_warehouse, "select distinct label, concept from marts.fct_financial_facts where mapping_method = 'fuzzy'")
    assert ("Accrued salaries and bene\ufffdts", "ShorttermEmployeeBenefitsAccruals") in fuzzy
    ebitdar = query(sample_warehouse, "select distinct concept from marts.fct_financial_facts where label = 'Adjusted EBITDAR'")
    assert ebitdar and all(concept is None for (concept,) in ebitdar)


def test_wide_views_show_the_reference_release_at_a_glance(sample_warehouse):
    income = query(sample_warehouse, """
        select fiscal_year, unit, revenue, gross_profit, operating_profit, profit_before_tax, profit_loss
        from marts.income_statement where issuer = 'Verimatrix' and basis = 'ifrs' order by fiscal_year""")
    assert income == [
        (2024, "USD millions", 57.2, 38.9, -5.6, -8.6, -10.3),
        (2025, "USD millions", 46.5, 29.5, -73.1, -78.0, -78.6),
    ]
    balance = query(sample_warehouse, """
        select period_end::varchar, cash_and_cash_equivalents, total_assets, total_equity, non_current_borrowings, current_borrowings
        from marts.balance_sheet where issuer = 'Verimatrix' order by period_end""")
    assert balance == [("2024-12-31", 11.0, 171.9, 111.5, 29.9, 2.4), ("2025-12-31", 7.1, 91.4, 34.6, 11.5, 20.6)]


def test_the_primary_statement_wins_over_the_summary_table(sample_warehouse):
    """The release prints the 2024 exchange effect 0,2 in its summary (p. 5) and (0,2) in the IFRS statement
    (p. 10): the wide view shows the statement's, the one of the table carrying the most cash-flow concepts."""
    cash_flow = query(sample_warehouse, """
        select fiscal_year, net_cash_from_operating_activities, effect_of_exchange_rate_changes, net_change_in_cash,
               cash_at_beginning_of_period, cash_at_end_of_period, pages
        from marts.cash_flow where issuer = 'Verimatrix' and basis = 'ifrs' order by fiscal_year""")
    assert [row[:6] for row in cash_flow] == [(2024, -1.6, -0.2, -11.6, 22.6, 11.0), (2025, -0.3, -0.1, -3.9, 11.0, 7.1)]
    assert all("10" in pages.split(", ") for *_, pages in cash_flow)
