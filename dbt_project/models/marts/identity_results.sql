{#
  One row per instance of an accounting identity checked in a document. expected, actual, difference
  and tolerance are in the scale the checked figure is printed in (see `scale`); a check passes when
  |difference| ≤ tolerance, the XBRL Calculations 1.1 rounding bound. A table total whose rows could
  not be matched to any reading of the table's structure is 'inconclusive' (see int_identity__table_totals):
  listed, never counted as a publication's error nor as a pass.
#}
with checks as (
    {% for model in ['int_identity__calculations', 'int_identity__table_totals', 'int_identity__cross_table',
                     'int_identity__cross_statement', 'int_identity__cash_continuity', 'int_identity__variances',
                     'int_identity__ratios'] %}
    select {{ identity_columns() }}, {{ 'conclusive' if model == 'int_identity__table_totals' else 'true as conclusive' }} from {{ ref(model) }}
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
    scale,
    currency,
    pages,
    description,
    fact_ids
from checks
