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

{# A table printing a period twice (two blocks side by side) fills the cell from its first column. #}
cells as (
    select *
    from (
        select
            ranked.*,
            row_number() over (
                partition by document_id, basis, period_id, concept order by table_rank, row_index, column_index
            ) as cell_rank
        from ranked
    ) as numbered
    where cell_rank = 1
),

{#
  The unit of a row: the scale and the currency of the best-ranked table that gives its amounts one (a
  table's amounts of one period share them; the smallest is taken if not). Aggregates rather than
  window functions: three orderings of every figure cost DuckDB more than these two small groupings.
#}
table_units as (
    select document_id, basis, period_id, table_rank, table_index, min(scale) as scale, min(currency) as currency
    from ranked
    where value_type = 'monetary'
    group by document_id, basis, period_id, table_rank, table_index
),

best_table_ranks as (
    select
        document_id,
        basis,
        period_id,
        min(table_rank) as primary_table_rank,
        min(case when scale is not null then table_rank end) as scale_table_rank,
        min(case when currency is not null then table_rank end) as currency_table_rank
    from table_units
    group by document_id, basis, period_id
),

units as (
    select
        document_id,
        basis,
        period_id,
        max(case when table_rank = scale_table_rank then scale end) as scale,
        max(case when table_rank = currency_table_rank then currency end) as currency,
        max(case when table_rank = primary_table_rank then table_index end) as primary_table_index
    from table_units
    join best_table_ranks using (document_id, basis, period_id)
    group by document_id, basis, period_id
),

pages as (
    select document_id, basis, period_id, {{ dbt.listagg(dbt.cast('page', dbt.type_string()), "', '", 'order by page') }} as pages
    from (select distinct document_id, basis, period_id, page from cells) as cell_pages
    group by document_id, basis, period_id
)

select
    md5(concat_ws('|', cells.document_id, cells.period_id, cells.basis)) as row_id,
    cells.document_id,
    {{ dbt.any_value('cells.issuer') }} as issuer,
    {{ dbt.any_value('cells.source_file') }} as source_file,
    cells.period_id,
    {{ dbt.any_value('periods.period_label') }} as period_label,
    {{ dbt.any_value('periods.fiscal_year') }} as fiscal_year,
    {{ dbt.any_value('periods.fiscal_period') }} as fiscal_period,
    {{ dbt.any_value('cells.period_start') }} as period_start,
    {{ dbt.any_value('cells.period_end') }} as period_end,
    cells.basis,
    {{ dbt.any_value('units.currency') }} as currency,
    {{ dbt.any_value('units.scale') }} as scale,
    {{ dbt.any_value("trim(coalesce(units.currency, '') || ' ' || case units.scale
        when 1 then 'units' when 1000 then 'thousands' when 1000000 then 'millions' when 1000000000 then 'billions'
        else coalesce(" ~ dbt.cast('units.scale', dbt.type_string()) ~ ", '') end)") }} as unit,
    {{ dbt.any_value('units.primary_table_index') }} as primary_table_index,
    {{ dbt.any_value('pages.pages') }} as pages,
    {%- for concept, column in columns %}
    max(case when cells.concept = '{{ concept }}' then
        case when cells.value_type = 'monetary'
             then cells.reported_value * coalesce(cells.scale, 1) / coalesce(units.scale, cells.scale, 1)
             else cells.reported_value end
    end) as {{ column }}{% if not loop.last %},{% endif %}
    {%- endfor %}
from cells
left join units using (document_id, basis, period_id)
left join pages using (document_id, basis, period_id)
left join {{ ref('dim_periods') }} as periods using (period_id)
group by cells.document_id, cells.period_id, cells.basis
{% endmacro %}
