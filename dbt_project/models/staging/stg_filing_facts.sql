select
    filing_id,
    concept_prefix || ':' || concept_name as element,
    period_type,
    period_start,
    period_end,
    array_to_string(dimensions, '; ') as dimensions,
    unit,
    decimals,
    value,
    issue
from {{ source('raw', 'filing_facts') }}
