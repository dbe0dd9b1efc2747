{#
  Check 8, rows of ratios: a `% of revenue` row (`En % du CA`, `% of net sales`, `Adjusted EBIT / Sales %`)
  agrees with the figure it is printed under divided by the revenue of the same table column, by
  interval arithmetic on the rounded figures (each ± half a printed unit), like the variances.
#}
with ratios as (
    select fact_id, document_id, statement, basis, table_index, row_index, column_index, label, page, period_start, period_end,
           reported_value as printed, 0.5 * power(10, -printed_decimals) as printed_half_unit
    from {{ ref('fct_financial_facts') }}
    where column_role = 'value' and value_kind = 'percent' and reported_value is not null
      and regexp_matches(label_key, '(% (du|of|de) (ca|chiffre d.affaires|revenues?|sales|net sales|ventes))|(/ ?(sales|revenues?|net sales|ca|chiffre d.affaires))')
),

figures as (
    select * from {{ ref('int_checkable_facts') }} where not is_nil
),

{# The figure a ratio row is printed under: the nearest amount above it in the same column. #}
numerators as (
    select ratios.*, figure.amount as numerator, figure.half_unit as numerator_half, figure.label as numerator_label,
           figure.page as numerator_page, figure.fact_id as numerator_fact_id
    from ratios
    join figures as figure
        on figure.document_id = ratios.document_id and figure.table_index = ratios.table_index
        and figure.column_index = ratios.column_index and figure.row_index < ratios.row_index
    qualify row_number() over (partition by ratios.fact_id order by figure.row_index desc) = 1
),

pairs as (
    select numerators.*, revenue.amount as denominator, revenue.half_unit as denominator_half, revenue.page as revenue_page,
           revenue.fact_id as revenue_fact_id
    from numerators
    join figures as revenue
        on revenue.document_id = numerators.document_id and revenue.table_index = numerators.table_index
        and revenue.column_index = numerators.column_index and revenue.concept = 'Revenue'
    {# A revenue whose interval contains zero defines no ratio; the ratio row of revenue itself is 100 %. #}
    where abs(revenue.amount) > revenue.half_unit and numerators.numerator_fact_id <> revenue.fact_id
    qualify row_number() over (partition by numerators.fact_id order by revenue.row_index) = 1
),

bounds as (
    select *,
        [ (numerator - numerator_half) / (denominator - denominator_half), (numerator - numerator_half) / (denominator + denominator_half),
          (numerator + numerator_half) / (denominator - denominator_half), (numerator + numerator_half) / (denominator + denominator_half) ] as quotients
    from pairs
)

select
    document_id,
    'ratio' as check_name,
    statement, basis, table_index, column_index, period_start, period_end,
    100 * (list_min(quotients) + list_max(quotients)) / 2 as expected,
    printed as actual,
    printed_half_unit + 100 * (list_max(quotients) - list_min(quotients)) / 2 as tolerance,
    cast(1 as bigint) as scale, '%' as currency,
    array_to_string(list_sort(list_distinct(list_value(page, numerator_page, revenue_page))), ', ') as pages,
    format('printed "{}" of "{}" vs {} / revenue {}', label, numerator_label, numerator, denominator) as description,
    list_value(fact_id, numerator_fact_id, revenue_fact_id) as fact_ids
from bounds
