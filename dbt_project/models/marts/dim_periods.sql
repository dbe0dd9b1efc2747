{#
  One row per distinct period as a fiscal calendar sees it: the same dates under two fiscal year ends
  (January–March is Q1 for a December year end, Q3 for a June one) are two rows.
#}
select
    * exclude (document_id, figure_count, is_main_period),
    year(period_end) as calendar_year,
    count(distinct document_id) as document_count,
    sum(figure_count) as figure_count
from {{ ref('int_document_periods') }}
group by all
