{#
  Check 8: a printed variance (`Var.`, `%`, `Change`) agrees with the two figures to its left, by
  interval arithmetic: each figure is an interval of ± half a printed unit, so the change lies in an
  interval too, which must overlap the printed percentage ± half its unit. Both conventions in use are
  accepted: current/prior − 1 and (current − prior)/|prior|; the closer one is reported. A change whose
  header names an adjustment (constant exchange rates, organic, like-for-like) that does not agree is
  inconclusive: it measures another scope than the reported figures.
#}
with variances as (
    select fact_id, document_id, statement, basis, table_index, row_index, column_index, label, page, period_start, period_end,
           reported_value as printed, {{ half_unit_of_decimals('printed_decimals') }} as printed_half_unit,
           {# A change at constant exchange rates, organic or like-for-like measures another scope than the
              reported figures beside it. #}
           {{ label_matches("lower(" ~ unaccented('coalesce(column_header, \'\')') ~ ")",
                            '(constant|currenc|devise|(^|[^a-z])fx([^a-z]|$)|organi|comparable|like.for.like|perimetre|adj)') }} as adjusted_change
    from {{ ref('fct_financial_facts') }}
    where column_role = 'variance' and reported_value is not null and strpos(value_text, '%') > 0
),

figures as (
    select * from {{ ref('int_checkable_facts') }} where not is_nil
),

pairs as (
    select
        variances.*,
        case when left_1.period_end >= left_2.period_end then left_1.amount else left_2.amount end as current_value,
        case when left_1.period_end >= left_2.period_end then left_1.half_unit else left_2.half_unit end as current_half,
        case when left_1.period_end >= left_2.period_end then left_2.amount else left_1.amount end as prior_value,
        case when left_1.period_end >= left_2.period_end then left_2.half_unit else left_1.half_unit end as prior_half,
        left_1.page as page_1, left_1.scale, left_1.currency, left_1.fact_id as fact_id_1, left_2.fact_id as fact_id_2
    from variances
    join figures as left_1
        on left_1.document_id = variances.document_id and left_1.table_index = variances.table_index
        and left_1.row_index = variances.row_index and left_1.column_index = variances.column_index - 1
    join figures as left_2
        on left_2.document_id = variances.document_id and left_2.table_index = variances.table_index
        and left_2.row_index = variances.row_index and left_2.column_index = variances.column_index - 2
    where left_1.period_end <> left_2.period_end
),

{# Each convention's interval: its ends are two of the four values computed from the intervals' ends. #}
conventions as (
    select
        pairs.*,
        100 * (least(
            (current_value - current_half) / (prior_value - prior_half), (current_value - current_half) / (prior_value + prior_half),
            (current_value + current_half) / (prior_value - prior_half), (current_value + current_half) / (prior_value + prior_half)
        ) - 1) as low_a,
        100 * (greatest(
            (current_value - current_half) / (prior_value - prior_half), (current_value - current_half) / (prior_value + prior_half),
            (current_value + current_half) / (prior_value - prior_half), (current_value + current_half) / (prior_value + prior_half)
        ) - 1) as high_a,
        100 * least(
            (current_value - current_half - prior_value + prior_half) / abs(prior_value), (current_value + current_half - prior_value - prior_half) / abs(prior_value)
        ) as low_b,
        100 * greatest(
            (current_value - current_half - prior_value + prior_half) / abs(prior_value), (current_value + current_half - prior_value - prior_half) / abs(prior_value)
        ) as high_b
    from pairs
    {# A prior figure whose interval contains zero has no defined percentage change. #}
    where abs(prior_value) > prior_half
),

closest as (
    select *,
        abs((low_a + high_a) / 2 - printed) - (high_a - low_a) / 2 <= abs((low_b + high_b) / 2 - printed) - (high_b - low_b) / 2 as ratio_is_closer
    from conventions
),

computed as (
    select *,
        case when ratio_is_closer then low_a else low_b end as computed_low,
        case when ratio_is_closer then high_a else high_b end as computed_high
    from closest
)

select
    document_id,
    'variance' as check_name,
    statement, basis, table_index, column_index, period_start, period_end,
    (computed_low + computed_high) / 2 as expected,
    printed as actual,
    printed_half_unit + (computed_high - computed_low) / 2 as tolerance,
    cast(1 as {{ dbt.type_bigint() }}) as scale, '%' as currency,
    {{ page_list(dbt.array_construct(['page', 'page_1'])) }} as pages,
    'printed change of "' || label || '" vs the change computed from ' || {{ amount_text('current_value') }}
        || ' and ' || {{ amount_text('prior_value') }} as description,
    {{ dbt.array_construct(['fact_id', 'fact_id_1', 'fact_id_2']) }} as fact_ids,
    {{ no_weights() }} as weights,
    {# Same row, the two columns beside the variance, each with its period read (else no pair). #}
    {{ conclusiveness([
        ('adjusted_change', "'the change is printed at constant exchange rates, organic or like-for-like: another scope than the reported figures beside it'"),
    ]) }}
from computed
