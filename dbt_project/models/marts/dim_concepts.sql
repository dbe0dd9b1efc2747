{# The concepts facts are mapped to, with how many seed labels and facts each has. #}
with labels as (
    select concept, count(*) as seed_label_count from {{ ref('label_concepts') }} group by concept
),

facts as (
    select concept, count(*) as fact_count from {{ ref('fct_financial_facts') }} where concept is not null group by concept
)

select
    concepts.concept,
    concepts.statement,
    concepts.period_type,
    concepts.normal_sign,
    concepts.value_type,
    concepts.section_total,
    nullif(concepts.ifrs_reference, '') as ifrs_reference,
    concepts.concept like 'll\_%' escape '\' as is_ledgerline_concept,
    concepts.label_en,
    concepts.label_fr,
    coalesce(labels.seed_label_count, 0) as seed_label_count,
    coalesce(facts.fact_count, 0) as fact_count
from {{ ref('concepts') }} as concepts
left join labels using (concept)
left join facts using (concept)
