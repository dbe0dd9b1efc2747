{#
  Check 6: a concept reported twice in one document for the same period agrees, compared in currency
  units (tables may be printed in different scales). Adjusted figures are compared only with adjusted
  ones; IFRS with IFRS or with tables of undeclared basis. Each figure is compared with the one of the
  largest table reporting it (the statement itself rather than a highlights box). Costs and expenses
  (concepts whose normal sign is negative) are compared by size: a key-figures table prints them
  positive, the statement negative, a reconciliation adds them back; the sign says how a table
  presents them, not what they are. Other figures keep their sign (an exchange effect of 0,2 is not
  one of (0,2)): compared_amount. Tables printing several columns for one period are left out:
  concept and period do not say which of their figures is meant.
#}
with cells as (
    select
        *,
        {{ compared_amount("amount", "normal_sign") }} as compared_amount,
        case when basis = 'adjusted' then 'adjusted' when basis = 'proforma' then 'proforma' else 'reported' end as basis_family
    from {{ ref('int_checkable_facts') }}
    where concept is not null and period_end is not null and not shares_period_column
),

first_seen as (
    select * from (
        select
            *,
            row_number() over (
                partition by document_id, concept, basis_family, period_start, period_end order by table_rows desc, table_index, row_index
            ) as rank_in_document
        from cells
    ) as ranked
    where rank_in_document = 1
),

compared as (
select
    first_seen.table_index as first_table_index,
    later.document_id,
    'same_figure_agrees:' || later.concept as check_name,
    later.statement, later.basis, later.table_index, later.column_index, later.period_start, later.period_end,
    {{ compare_across_scales('first_seen', 'later', amount='compared_amount') }},
    later.scale, later.currency,
    {{ page_list(dbt.array_construct(['first_seen.page', 'later.page'])) }} as pages,
    '"' || later.label || '" (table ' || {{ dbt.cast('later.table_index', dbt.type_string()) }} || ', p. ' || {{ dbt.cast('later.page', dbt.type_string()) }}
        || ') vs "' || first_seen.label || '" (table ' || {{ dbt.cast('first_seen.table_index', dbt.type_string()) }}
        || ', p. ' || {{ dbt.cast('first_seen.page', dbt.type_string()) }} || ')' as description,
    {{ dbt.array_construct(['later.fact_id', 'first_seen.fact_id']) }} as fact_ids
from cells as later
join first_seen
    on first_seen.document_id = later.document_id and first_seen.concept = later.concept
    and first_seen.basis_family = later.basis_family
    and first_seen.period_start is not distinct from later.period_start and first_seen.period_end = later.period_end
    and first_seen.table_index <> later.table_index
),

{# Two tables that disagree on most of what they share present different scopes (a segment, a note on
   discontinued operations), not the same figures: only tables that mostly agree are compared. #}
same_scope as (
    select document_id, first_table_index, table_index
    from compared
    group by document_id, first_table_index, table_index
    having avg(case when abs(actual - expected) <= tolerance then 1.0 else 0.0 end) >= 0.5
)

select {{ identity_columns() }}
from compared
join same_scope using (document_id, first_table_index, table_index)
