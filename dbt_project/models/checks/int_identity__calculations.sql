{#
  Check 2-4: declared calculations (seed calculation_links) between the rows of one table column. The
  seed's weights are for costs printed negative; in a table that prints costs positive (to subtract),
  the weight of a cost concept is reversed.
#}
with cells as (
    select * from (
        select *, row_number() over (partition by document_id, table_index, column_index, concept order by row_index) as rank_in_column
        from {{ ref('int_checkable_facts') }}
        where concept is not null
    ) as ranked
    where rank_in_column = 1
),

links as (
    select parent, link_set, child, weight, max(description) over (partition by parent, link_set) as description,
           count(*) over (partition by parent, link_set) as child_count
    from {{ ref('calculation_links') }}
),

calculated as (
    select
        parent_cell.document_id, parent_cell.statement, parent_cell.basis, parent_cell.table_index, parent_cell.column_index,
        parent_cell.period_start, parent_cell.period_end, parent_cell.scale, parent_cell.currency,
        links.parent, links.link_set, {{ dbt.any_value('links.description') }} as description, {{ dbt.any_value('links.child_count') }} as child_count,
        {{ dbt.any_value('parent_cell.amount') }} as actual,
        {{ dbt.any_value('parent_cell.half_unit') }} as parent_half_unit,
        sum(links.weight * child_cell.amount * case when child_cell.normal_sign = -1 and child_cell.costs_printed_positive then -1 else 1 end) as expected,
        sum(abs(links.weight) * child_cell.half_unit) as children_half_units,
        count(*) as children_found,
        {{ dbt.bool_or('child_cell.normal_sign = -1 and child_cell.costs_printed_positive') }} as costs_subtracted,
        {{ dbt.array_append('array_agg(child_cell.page)', dbt.any_value('parent_cell.page')) }} as page_list,
        {{ dbt.array_concat(dbt.array_construct([dbt.any_value('parent_cell.fact_id')]), 'array_agg(child_cell.fact_id order by child_cell.row_index)') }} as fact_ids,
        {# The seed's weight, reversed for a cost this table prints positive; in the order of fact_ids. #}
        {{ dbt.array_concat(dbt.array_construct(['1']), 'array_agg(links.weight * case when child_cell.normal_sign = -1 and child_cell.costs_printed_positive then -1 else 1 end order by child_cell.row_index)') }} as weights
    from cells as parent_cell
    join links on links.parent = parent_cell.concept
    join cells as child_cell
        on child_cell.document_id = parent_cell.document_id
        and child_cell.table_index = parent_cell.table_index
        and child_cell.column_index = parent_cell.column_index
        and child_cell.concept = links.child
    group by
        parent_cell.document_id, parent_cell.statement, parent_cell.basis, parent_cell.table_index, parent_cell.column_index,
        parent_cell.period_start, parent_cell.period_end, parent_cell.scale, parent_cell.currency, links.parent, links.link_set
),

{# A parent the seed can compute in several ways (with or without other revenue, with or without cash
   reclassified as held for sale) is judged on the way its table prints it: the complete link set
   that comes closest, so one missing alternative never flags a figure another one explains. #}
closest as (
    select
        calculated.*,
        row_number() over (
            partition by document_id, parent, table_index, column_index
            order by abs(actual - expected) - (parent_half_unit + children_half_units), link_set
        ) as rank_of_link_set
    from calculated
    where children_found = child_count
)

select
    document_id,
    'calculation:' || parent as check_name,
    statement, basis, table_index, column_index, period_start, period_end,
    expected, actual, parent_half_unit + children_half_units as tolerance, scale, currency,
    {{ page_list('page_list') }} as pages,
    description || case when costs_subtracted then ' — this table prints costs as positive amounts, so they are subtracted' else '' end as description,
    fact_ids,
    weights,
    {{ conclusiveness([(period_unknown('period_end'), period_unknown_reason())]) }}
from closest
where rank_of_link_set = 1
