{# A pipeline fault, not a property of a document: every concept says how it was found, and nothing else does. #}
{{ config(severity='error') }}
select fact_id, concept, mapping_method
from {{ ref('fct_financial_facts') }}
where (concept is null) <> (mapping_method is null)
