{#
  Amounts of value columns, with their rounding half-unit, in the scale they are printed in, and what
  the identity checks need to know about the table each sits in:
  - costs_printed_positive: the table prints its costs and expenses as positive numbers to subtract
    (US GAAP style), rather than negative numbers to add. Decided per table from the concepts whose
    normal sign is negative, so that a calculation uses the table's own convention.
  - table_rows: the size of the table, so that a figure is compared with the main statement that
    holds it rather than with a highlights box.
  - is_rate_row: the row prints a percentage in a value column (`14 %  0.5  (1)  13 %`, a growth
    decomposition): its other cells are percentage points too, and a `Total` of rates is not a sum.
  - shares_period_column: the table prints several columns for the same period (measures side by
    side: EBITDA, EBIT, EPS...), so concept and period alone do not say which figure a cell is.
  - label_scope: the scope the label names (continuing operations, restricted cash...; '' for none),
    so that figures of one concept are compared across tables only within one scope.
  - reclassifies_cash_held_for_sale: the table (a cash-flow statement) moves cash into or out of
    assets held for sale in some column, so its opening and closing cash may be measured with and
    without that cash.

  A view on DuckDB, whose hash joins do not depend on row estimates. On Postgres, a table with
  statistics: the checks read it a dozen times, and through a view Postgres guessed a few hundred rows
  where there are thousands, chose nested loops and took minutes (more than ten for 52 documents)
  where a second or two suffices.
#}
{{ config(
    materialized='table' if target.type == 'postgres' else 'view',
    post_hook=['analyze {{ this }}'] if target.type == 'postgres' else [],
) }}
with facts as (
    select
        facts.fact_id,
        facts.document_id,
        facts.issuer,
        facts.statement,
        facts.basis,
        facts.table_scope,
        facts.table_index,
        facts.row_index,
        facts.column_index,
        facts.concept,
        facts.label,
        facts.label_key,
        facts.section,
        facts.is_total,
        facts.period_start,
        facts.period_end,
        facts.scale,
        facts.currency,
        facts.page,
        facts.value_text,
        facts.reported_value,
        coalesce(facts.reported_value, 0) as amount,
        {{ half_unit('facts.reported_value', 'facts.printed_decimals') }} as half_unit,
        facts.reported_value is null as is_nil,
        {# The printed label, as label_key has the leading `dont` / `of which` removed. #}
        {{ starts_with_words("trim(regexp_replace(lower(facts.label), '[^a-z0-9%]+', ' ', 'g'))", ['dont', 'of which', 'o w', 'including', 'incl', 'y compris']) }} as is_breakdown,
        concepts.normal_sign,
        {{ label_scope('facts.label_key') }} as label_scope
    from {{ ref('fct_financial_facts') }} as facts
    left join {{ ref('concepts') }} as concepts on concepts.concept = facts.concept
    {# A component printed beside others (one class of non-controlling interests, `member`) is not the concept's total. #}
    where facts.value_kind = 'amount' and facts.column_role = 'value' and facts.member is null
),

tables as (
    select
        document_id,
        table_index,
        count(distinct row_index) as table_rows,
        coalesce(
            avg(case when reported_value > 0 then 1.0 else 0.0 end) filter (where normal_sign = -1 and reported_value <> 0 and statement = 'income_statement') > 0.5,
            false
        ) as costs_printed_positive,
        {{ dbt.bool_or("concept = 'll_IncreaseDecreaseInCashClassifiedAsHeldForSale' and amount <> 0") }} as reclassifies_cash_held_for_sale
    from facts
    group by document_id, table_index
),

rate_rows as (
    select distinct document_id, table_index, row_index
    from {{ ref('fct_financial_facts') }}
    where column_role = 'value' and value_kind = 'percent'
)

select
    facts.*,
    tables.table_rows,
    tables.costs_printed_positive,
    tables.reclassifies_cash_held_for_sale,
    rate_rows.row_index is not null as is_rate_row,
    {# Two distinct columns, without `count(distinct ...) over`, which Postgres lacks. #}
    coalesce(min(facts.column_index) over (
        partition by facts.document_id, facts.table_index, facts.period_start, facts.period_end
    ) < max(facts.column_index) over (
        partition by facts.document_id, facts.table_index, facts.period_start, facts.period_end
    ), false) as shares_period_column
from facts
join tables using (document_id, table_index)
left join rate_rows using (document_id, table_index, row_index)
