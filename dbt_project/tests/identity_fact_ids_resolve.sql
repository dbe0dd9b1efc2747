{#
  Every identity instance names the figures it involves, each one a fact, and the first one is the
  checked figure (its printed amount is `actual`, up to the sign): the quality report outlines them on the page.
#}
{{ config(meta={'dagster': {'ref': {'name': 'identity_results'}}}) }}

with instances as (
    select check_id, fact_ids, actual, check_family from {{ ref('identity_results') }}
),

involved as (
    select instances.check_id, unnest(instances.fact_ids) as fact_id from instances
)

select check_id, 'no figure' as problem from instances where coalesce(array_length(fact_ids, 1), 0) = 0  {# Postgres: null for an empty array #}
union all
select involved.check_id, 'unknown fact ' || involved.fact_id
from involved
left join {{ ref('fct_financial_facts') }} as facts using (fact_id)
where facts.fact_id is null
union all
select instances.check_id, 'first figure is not the checked one'
from instances
join {{ ref('fct_financial_facts') }} as facts on facts.fact_id = instances.fact_ids[1]
{# Up to the sign: a cost printed positive in one table is compared in the convention of costs printed negative. #}
where abs(coalesce(facts.reported_value, 0)) <> abs(instances.actual)
