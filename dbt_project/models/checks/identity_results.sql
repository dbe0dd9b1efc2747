{#
  One row per instance of an accounting identity checked in a document. expected, actual, difference
  and tolerance are in the scale the checked figure is printed in (see `scale`); a check passes when
  |difference| ≤ tolerance, the XBRL Calculations 1.1 rounding bound. A check that does not hold is a
  'fail' only when its model is sure the figures are the same thing (same table or an explicit link,
  periods known, the same scope); otherwise it is 'inconclusive', with the model's reason in
  inconclusive_reason: listed, never counted as a publication's error nor as a pass.
#}
with checks as (
    {% for model in ['int_identity__calculations', 'int_identity__table_totals', 'int_identity__cross_table',
                     'int_identity__cross_statement', 'int_identity__cash_continuity', 'int_identity__variances',
                     'int_identity__ratios'] %}
    select {{ identity_columns() }} from {{ ref(model) }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
)

select
    {{ identity_check_id() }} as check_id,
    document_id,
    check_name,
    split_part(check_name, ':', 1) as check_family,
    statement,
    basis,
    table_index,
    column_index,
    period_start,
    period_end,
    {{ rounded('expected', 6) }} as expected,
    {{ rounded('actual', 6) }} as actual,
    {{ rounded('actual - expected', 6) }} as difference,
    {{ rounded('tolerance', 6) }} as tolerance,
    case
        when abs(actual - expected) <= tolerance + 1e-9 then 'pass'
        when conclusive then 'fail'
        else 'inconclusive'
    end as status,
    case when abs(actual - expected) > tolerance + 1e-9 and not conclusive then inconclusive_reason end as inconclusive_reason,
    scale,
    currency,
    pages,
    description,
    fact_ids,
    weights
from checks
