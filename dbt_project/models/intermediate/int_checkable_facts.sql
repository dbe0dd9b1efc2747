{# Amounts of value columns, with their rounding half-unit, in the scale they are printed in. #}
select
    document_id,
    issuer,
    statement,
    basis,
    table_index,
    row_index,
    column_index,
    concept,
    label,
    label_key,
    section,
    is_total,
    period_start,
    period_end,
    scale,
    currency,
    page,
    reported_value,
    coalesce(reported_value, 0) as amount,
    {{ half_unit('reported_value', 'printed_decimals') }} as half_unit,
    reported_value is null as is_nil,
    regexp_matches(label_key, '^(dont|of which|o w|including|incl|y compris)\b') as is_breakdown
from {{ ref('fct_financial_facts') }}
where value_kind = 'amount' and column_role = 'value'
