{#
  One row per distinct period as a fiscal calendar sees it: the same dates under two fiscal year ends
  (January–March is Q1 for a December year end, Q3 for a June one) are two rows. Quarantined documents'
  periods are held out, like their figures.
#}
{% set period_columns = [
    'period_id', 'period_type', 'period_start', 'period_end', 'fiscal_year_end_month', 'length_days', 'length_months',
    'fiscal_year', 'fiscal_period', 'period_label', 'fiscal_quarter', 'fiscal_half', 'is_year_to_date',
] %}
select
    {{ period_columns | join(', ') }},
    {{ calendar_part('year', 'period_end') }} as calendar_year,
    count(distinct document_id) as document_count,
    sum(figure_count) as figure_count
from {{ ref('int_document_periods') }}
where document_id not in (select document_id from {{ ref('stg_documents') }} where extraction_status = 'quarantined')
group by {{ period_columns | join(', ') }}
