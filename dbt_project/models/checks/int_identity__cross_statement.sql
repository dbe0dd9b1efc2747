{#
  Checks 3 and 5 across tables: total assets = total equity and liabilities (the two halves of a
  balance sheet may be printed as two tables); balance-sheet cash = closing cash of the cash-flow
  statement at the same date; the profit the cash-flow statement starts from = the income
  statement's profit (or its part attributable to owners) for the same period.
  A mismatch is a failure only when the two figures have the same scope: labels naming the same
  scopes (continuing operations, restricted cash...), and for cash no assets held for sale or
  restricted cash on the balance sheet at that date and no cash reclassified as held for sale in the
  cash-flow statement, whose cash may then include theirs (IFRS 5 lets either be presented).
#}
with cells as (
    select * from (
        select
            *,
            {# The statement itself (the largest table), not a highlights box that repeats one of its figures. #}
            row_number() over (partition by document_id, concept, statement, period_start, period_end order by table_rows desc, table_index, row_index) as rank_in_document
        from {{ ref('int_checkable_facts') }}
        where concept is not null and period_end is not null and basis <> 'adjusted' and not shares_period_column
    ) as ranked
    where rank_in_document = 1
),

pairs as (
    select 'balance_sheet:Assets=EquityAndLiabilities' as check_name, 'EquityAndLiabilities' as expected_concept, 'Assets' as actual_concept,
           'balance_sheet' as expected_statement, 'balance_sheet' as actual_statement, false as match_start,
           'total assets = total equity and liabilities' as description
    union all
    select 'cross_statement:cash', 'CashAndCashEquivalentsAtEndOfPeriod', 'CashAndCashEquivalents', 'cash_flow', 'balance_sheet', false,
           'balance-sheet cash = closing cash of the cash-flow statement'
    union all
    select 'cross_statement:profit', 'ProfitLoss', 'ProfitLossInCashFlow', 'income_statement', 'cash_flow', true,
           'profit starting the cash-flow statement = profit of the income statement'
    union all
    select 'cross_statement:profit', 'ProfitLossAttributableToOwnersOfParent', 'ProfitLossInCashFlow', 'income_statement', 'cash_flow', true,
           'profit starting the cash-flow statement = profit of the income statement'
),

{# Balance-sheet dates with assets held for sale or restricted cash printed apart from cash. #}
cash_set_apart as (
    select distinct document_id, period_end
    from {{ ref('int_checkable_facts') }}
    where statement = 'balance_sheet' and amount <> 0
      and concept in ('NoncurrentAssetsOrDisposalGroupsClassifiedAsHeldForSaleOrAsHeldForDistributionToOwners', 'RestrictedCashAndCashEquivalents')
),

compared as (
    select
        actual.document_id, pairs.check_name, actual.statement, actual.basis, actual.table_index, actual.column_index,
        actual.period_start, actual.period_end,
        {{ compare_across_scales('expected', 'actual') }},
        actual.scale, actual.currency,
        {{ page_list(dbt.array_construct(['expected.page', 'actual.page'])) }} as pages,
        pairs.description || ' ("' || actual.label || '" p. ' || {{ dbt.cast('actual.page', dbt.type_string()) }}
            || ' vs "' || expected.label || '" p. ' || {{ dbt.cast('expected.page', dbt.type_string()) }} || ')' as description,
        {{ dbt.array_construct(['actual.fact_id', 'expected.fact_id']) }} as fact_ids,
        {{ no_weights() }} as weights,
        expected.table_index as expected_table_index, expected.column_index as expected_column_index,
        {{ conclusiveness([
            scope_differs('actual.label_scope', 'expected.label_scope'),
            table_scope_differs('actual.table_scope', 'expected.table_scope'),
            ("pairs.check_name = 'cross_statement:cash' and expected.reclassifies_cash_held_for_sale",
             "'the cash-flow statement reclassifies cash as held for sale: its cash may include that of assets held for sale'"),
            ("pairs.check_name = 'cross_statement:cash' and cash_set_apart.document_id is not null",
             "'the balance sheet prints assets held for sale or restricted cash apart at that date: the cash-flow statement''s cash may include theirs'"),
        ]) }}
    from pairs
    join cells as actual on actual.concept = pairs.actual_concept and actual.statement = pairs.actual_statement
    join cells as expected
        on expected.document_id = actual.document_id and expected.concept = pairs.expected_concept
        and expected.statement = pairs.expected_statement and expected.period_end = actual.period_end
        and (not pairs.match_start or expected.period_start is not distinct from actual.period_start)
    left join cash_set_apart on cash_set_apart.document_id = actual.document_id and cash_set_apart.period_end = actual.period_end
)

{# Profit may be compared with the total or the owners' part: the closer of the two is the one meant.
   When both are as close (no minority interests), the description decides, then the expected figure's
   table and column (a quarter's and a half-year's closing cash at one date are the same figure), so that
   every build, on every adapter, picks the same. #}
select {{ identity_columns() }}
from (
    select
        compared.*,
        row_number() over (
            partition by document_id, check_name, table_index, column_index
            order by abs(expected - actual), {{ in_binary_order('description') }}, expected_table_index, expected_column_index
        ) as rank_of_pair
    from compared
) as ranked
where rank_of_pair = 1
