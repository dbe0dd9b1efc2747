{#
  Check 8, rows of ratios: a `% of revenue` row (`En % du CA`, `% of net sales`, `Adjusted EBIT / Sales %`)
  agrees with the figure it is printed under divided by the revenue of the same table column, by
  interval arithmetic on the rounded figures (each ± half a printed unit), like the variances. A
  mismatch fails only when the ratio is plainly linked to its figures: printed right under the figure
  (no row of amounts between them), in a column printing one revenue, with a known period.
#}
with ratios as (
    select fact_id, document_id, statement, basis, table_index, row_index, column_index, label, page, period_start, period_end,
           reported_value as printed, {{ half_unit_of_decimals('printed_decimals') }} as printed_half_unit
    from {{ ref('fct_financial_facts') }}
    where column_role = 'value' and value_kind = 'percent' and reported_value is not null
      and {{ label_matches('label_key', '(% (du|of|de) (ca|chiffre d.affaires|revenues?|sales|net sales|ventes))|(/ ?(sales|revenues?|net sales|ca|chiffre d.affaires))') }}
),

figures as (
    select * from {{ ref('int_checkable_facts') }} where not is_nil
),

{# The figure a ratio row is printed under: the nearest amount above it in the same column. #}
numerators as (
    select * from (
        select ratios.*, figure.amount as numerator, figure.half_unit as numerator_half, figure.label as numerator_label,
               figure.page as numerator_page, figure.fact_id as numerator_fact_id, figure.row_index as numerator_row,
               row_number() over (partition by ratios.fact_id order by figure.row_index desc) as rank_above
        from ratios
        join figures as figure
            on figure.document_id = ratios.document_id and figure.table_index = ratios.table_index
            and figure.column_index = ratios.column_index and figure.row_index < ratios.row_index
    ) as ranked
    where rank_above = 1
),

{# The explicit link between a ratio row and its figure is that nothing stands between them: a row of
   amounts in between (printed in any column, or a dash in this one) means the ratio may belong to
   another part of the table. Rows of rates (`% change`) may stand between. #}
linked as (
    select numerators.*, not exists (
        select 1 from {{ ref('int_checkable_facts') }} as between_row
        where between_row.document_id = numerators.document_id and between_row.table_index = numerators.table_index
          and between_row.row_index > numerators.numerator_row and between_row.row_index < numerators.row_index
    ) as numerator_adjacent
    from numerators
),

{# Revenue printed with several amounts in one column (segments, net sales and total revenues) does
   not say which one a ratio divides by. #}
revenues_per_column as (
    select document_id, table_index, column_index, count(distinct amount) as revenue_amounts
    from figures
    where concept = 'Revenue'
    group by document_id, table_index, column_index
),

pairs as (
    select * from (
        select linked.*, revenue.amount as denominator, revenue.half_unit as denominator_half, revenue.page as revenue_page,
               revenue.fact_id as revenue_fact_id, revenues_per_column.revenue_amounts,
               row_number() over (partition by linked.fact_id order by revenue.row_index) as rank_of_revenue
        from linked
        join figures as revenue
            on revenue.document_id = linked.document_id and revenue.table_index = linked.table_index
            and revenue.column_index = linked.column_index and revenue.concept = 'Revenue'
        join revenues_per_column
            on revenues_per_column.document_id = linked.document_id and revenues_per_column.table_index = linked.table_index
            and revenues_per_column.column_index = linked.column_index
        {# A revenue whose interval contains zero defines no ratio; the ratio row of revenue itself is 100 %. #}
        where abs(revenue.amount) > revenue.half_unit and linked.numerator_fact_id <> revenue.fact_id
    ) as ranked
    where rank_of_revenue = 1
),

{# The quotient's interval: its ends are two of the four quotients of the intervals' ends. #}
bounds as (
    select *,
        least(
            (numerator - numerator_half) / (denominator - denominator_half), (numerator - numerator_half) / (denominator + denominator_half),
            (numerator + numerator_half) / (denominator - denominator_half), (numerator + numerator_half) / (denominator + denominator_half)
        ) as low_quotient,
        greatest(
            (numerator - numerator_half) / (denominator - denominator_half), (numerator - numerator_half) / (denominator + denominator_half),
            (numerator + numerator_half) / (denominator - denominator_half), (numerator + numerator_half) / (denominator + denominator_half)
        ) as high_quotient
    from pairs
)

select
    document_id,
    'ratio' as check_name,
    statement, basis, table_index, column_index, period_start, period_end,
    100 * (low_quotient + high_quotient) / 2 as expected,
    printed as actual,
    printed_half_unit + 100 * (high_quotient - low_quotient) / 2 as tolerance,
    cast(1 as {{ dbt.type_bigint() }}) as scale, '%' as currency,
    {{ page_list(dbt.array_construct(['page', 'numerator_page', 'revenue_page'])) }} as pages,
    'printed "' || label || '" of "' || numerator_label || '" vs ' || {{ amount_text('numerator') }}
        || ' / revenue ' || {{ amount_text('denominator') }} as description,
    {{ dbt.array_construct(['fact_id', 'numerator_fact_id', 'revenue_fact_id']) }} as fact_ids,
    {{ no_weights() }} as weights,
    {{ conclusiveness([
        ('not numerator_adjacent', "'a row of amounts stands between the ratio and the figure above it: the ratio may belong to another part of the table'"),
        ('revenue_amounts > 1', "'the column prints revenue with several amounts: which one the ratio divides by is not known'"),
        (period_unknown('period_end'), period_unknown_reason()),
    ]) }}
from bounds
