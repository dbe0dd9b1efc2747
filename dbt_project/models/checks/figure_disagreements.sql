{#
  A figure that another document of the same issuer prints otherwise: the same concept, period, currency
  and reported basis (not adjusted, not pro forma), values that differ by more than the two figures' rounding
  (each ± half a printed unit, in currency units). Costs are compared by size, as between tables of one
  document (compared_amount). One row per figure, with the first such figure of another document: the quality
  report rings these points in its plots of an issuer over time.

  Within one document the same comparison is int_identity__cross_table's, with its scope rules; between
  documents a later publication may restate a figure, so this is a flag to look at, not an identity failure.
#}
with figures as (
    select
        fact_id, document_id, issuer, concept, period_start, period_end, currency, table_index, row_index, column_index,
        page, value_text,
        {{ compared_amount('amount', 'normal_sign') }} * coalesce(scale, 1) as value,
        half_unit * coalesce(scale, 1) as half_value
    from {{ ref('int_checkable_facts') }}
    where concept is not null and period_end is not null and not is_nil and basis not in ('adjusted', 'proforma')
),

disagreements as (
    select
        figure.fact_id,
        figure.document_id,
        other.fact_id as other_fact_id,
        other.document_id as other_document_id,
        'printed ' || other.value_text || ' on p. ' || {{ dbt.cast('other.page', dbt.type_string()) }}
            || ' of ' || left(other.document_id, 12) as reason,
        row_number() over (
            partition by figure.fact_id
            order by other.document_id, other.table_index, other.row_index, other.column_index
        ) as rank_of_other
    from figures as figure
    join figures as other
        on other.issuer = figure.issuer and other.document_id <> figure.document_id
        and other.concept = figure.concept and other.currency is not distinct from figure.currency
        and other.period_start is not distinct from figure.period_start and other.period_end = figure.period_end
        and abs(other.value - figure.value) > other.half_value + figure.half_value
)

select fact_id, document_id, other_fact_id, other_document_id, reason
from disagreements
where rank_of_other = 1
