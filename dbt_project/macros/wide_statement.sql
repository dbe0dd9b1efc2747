{#-
  A statement as an analyst reads it: one row per document × period × basis, one column per main concept.

  Which figure fills a cell when a concept is printed in several tables of the document (a summary table
  on page 5 and the IFRS statement on page 10): the tables of the statement are ranked per document and
  basis by how many distinct concepts of the statement they carry (the full statement carries the most),
  then by their number of rows, then by their order in the document; the figure comes from the best-ranked
  table that prints the concept for that period. Components (facts with a `member`) never fill a cell.

  Amounts are converted to the row's unit, the scale and currency of the best-ranked table printing
  amounts for that period (`unit` = `USD millions`): value = reported_value × scale / unit scale.
  Per-share amounts are as printed, in currency units. Signs are as presented.
-#}
{% macro wide_statement(statement, period_type, columns) %}
with concepts as (
    select concept, value_type
    from {{ ref('dim_concepts') }}
    where concept in ({% for concept, column in columns %}'{{ concept }}'{% if not loop.last %}, {% endif %}{% endfor %})
),

facts as (
    select facts.*, concepts.value_type
    from {{ ref('fct_financial_facts') }} as facts
    join concepts using (concept)
    where facts.statement = '{{ statement }}'
      and facts.period_type = '{{ period_type }}'
      and facts.member is null
      and facts.period_id is not null
),

table_ranks as (
    select
        document_id,
        basis,
        table_index,
        row_number() over (
            partition by document_id, basis
            order by count(distinct concept) desc, max(row_index) desc, table_index
        ) as table_rank
    from facts
    group by document_id, basis, table_index
),

ranked as (
    select facts.*, table_ranks.table_rank
    from facts
    join table_ranks using (document_id, basis, table_index)
),

cells as (
    select * from ranked
    qualify row_number() over (
        partition by document_id, basis, period_id, concept order by table_rank, row_index
    ) = 1
),

units as (
    select
        document_id,
        basis,
        period_id,
        arg_min(scale, table_rank) as scale,
        arg_min(currency, table_rank) as currency,
        arg_min(table_index, table_rank) as primary_table_index
    from ranked
    where value_type = 'monetary'
    group by document_id, basis, period_id
)

select
    md5(concat_ws('|', cells.document_id, cells.period_id, cells.basis)) as row_id,
    cells.document_id,
    any_value(cells.issuer) as issuer,
    any_value(cells.source_file) as source_file,
    cells.period_id,
    any_value(periods.period_label) as period_label,
    any_value(periods.fiscal_year) as fiscal_year,
    any_value(periods.fiscal_period) as fiscal_period,
    any_value(cells.period_start) as period_start,
    any_value(cells.period_end) as period_end,
    cells.basis,
    any_value(units.currency) as currency,
    any_value(units.scale) as scale,
    any_value(trim(coalesce(units.currency, '') || ' ' || case units.scale
        when 1 then 'units' when 1000 then 'thousands' when 1000000 then 'millions' when 1000000000 then 'billions'
        else coalesce(cast(units.scale as varchar), '') end)) as unit,
    any_value(units.primary_table_index) as primary_table_index,
    array_to_string(list_sort(list_distinct(list(cells.page))), ', ') as pages,
    {%- for concept, column in columns %}
    max(case when cells.concept = '{{ concept }}' then
        case when cells.value_type = 'monetary'
             then cells.reported_value * coalesce(cells.scale, 1) / coalesce(units.scale, cells.scale, 1)
             else cells.reported_value end
    end) as {{ column }}{% if not loop.last %},{% endif %}
    {%- endfor %}
from cells
left join units using (document_id, basis, period_id)
left join {{ ref('dim_periods') }} as periods using (period_id)
group by cells.document_id, cells.period_id, cells.basis
{% endmacro %}
