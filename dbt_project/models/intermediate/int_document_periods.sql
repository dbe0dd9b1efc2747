{#
  Every period a document's figures refer to, placed in the document's fiscal calendar.

  The fiscal year end is read from the document's main statements: the end of its 12-month periods;
  else the day before the start of its longest period ending on its latest date, when that period is
  longer than a quarter ending there (a year to date: `36 weeks ended May 7` starts the fiscal year);
  else 31 December. It is snapped to the nearest month end, so that 52/53-week years (ending on the
  Saturday nearest a month end) keep one fiscal year end. A fiscal year is named after the calendar year
  it ends in (Costco's FY2023 ends on 3 September 2023).

  A period is "main" when it holds at least 5% of the dated figures of the document's main statements
  (or of all its tables when it has no main statement): maturity schedules and outlook columns are not
  periods the document covers.
#}
{% set main_statements = "('income_statement', 'balance_sheet', 'cash_flow')" %}
with dated as (
    select document_id, statement, period_type, period_start, period_end
    from {{ ref('stg_line_items') }}
    where period_end is not null and period_type is not null and column_role = 'value'
),

documents_with_main_statements as (
    select distinct document_id from dated where statement in {{ main_statements }}
),

periods as (
    select
        dated.document_id,
        dated.period_type,
        dated.period_start,
        dated.period_end,
        count(*) as figure_count,
        count(*) filter (
            where dated.statement in {{ main_statements }}
               or dated.document_id not in (select document_id from documents_with_main_statements)
        ) as main_figure_count
    from dated
    group by dated.document_id, dated.period_type, dated.period_start, dated.period_end
),

shares as (
    select
        *,
        main_figure_count >= 0.05 * sum(main_figure_count) over (partition by document_id) and main_figure_count > 0 as is_main_period,
        case when period_type = 'duration' then {{ dbt.datediff('period_start', 'period_end', 'day') }} + 1 end as length_days
    from periods
),

latest as (
    select document_id, max(period_end) as latest_period_end
    from shares where is_main_period
    group by document_id
),

{# The longest period ending on the document's latest date: a year to date when longer than a quarter. #}
year_to_date as (
    select document_id, period_start, length_days
    from (
        select
            shares.document_id,
            shares.period_start,
            shares.length_days,
            row_number() over (partition by shares.document_id order by shares.length_days desc nulls last) as length_rank
        from shares
        join latest on latest.document_id = shares.document_id and latest.latest_period_end = shares.period_end
        where shares.is_main_period and shares.period_type = 'duration'
    ) as longest
    where length_rank = 1
),

{# The end most of the document's 12-month periods share; among equally frequent ends, the latest. #}
twelve_month_ends as (
    select document_id, period_end
    from (
        select
            document_id,
            period_end,
            row_number() over (partition by document_id order by count(*) desc, period_end desc) as frequency_rank
        from shares
        where is_main_period and length_days between 350 and 380
        group by document_id, period_end
    ) as ends
    where frequency_rank = 1
),

fiscal_year_ends as (
    select
        latest.document_id,
        coalesce(
            twelve_month_ends.period_end,
            case when year_to_date.length_days between 100 and 349 then {{ dbt.dateadd('day', -1, 'year_to_date.period_start') }} end
        ) as fiscal_year_end_date
    from latest
    left join twelve_month_ends using (document_id)
    left join year_to_date using (document_id)
),

{# The fiscal year end snapped to the nearest month end: 2022-08-28 → August, 2023-01-01 → December. #}
{%- set year_end = 'fiscal_year_ends.fiscal_year_end_date' %}
{%- set snapped_year_end -%}
    case
        when {{ calendar_part('day', year_end) }} <= 15 then {{ dbt.last_day(dbt.dateadd('month', -1, year_end), 'month') }}
        else {{ dbt.last_day(year_end, 'month') }}
    end
{%- endset %}
calendars as (
    select
        latest.document_id,
        latest.latest_period_end,
        coalesce({{ calendar_part('month', snapped_year_end) }}, 12) as fiscal_year_end_month
    from latest
    left join fiscal_year_ends using (document_id)
),

placed as (
    select
        shares.*,
        coalesce(calendars.fiscal_year_end_month, 12) as fiscal_year_end_month,
        {# the first fiscal year end on or after the period end (less 10 days for 52/53-week years) #}
        {%- set period_end_less_10_days = dbt.dateadd('day', -10, 'shares.period_end') %}
        case
            when {{ month_end(calendar_part('year', period_end_less_10_days), 'coalesce(calendars.fiscal_year_end_month, 12)') }}
                 >= {{ period_end_less_10_days }}
                then {{ calendar_part('year', period_end_less_10_days) }}
            else {{ calendar_part('year', period_end_less_10_days) }} + 1
        end as fiscal_year
    from shares
    left join calendars using (document_id)
),

positioned as (
    select
        *,
        cast({{ dbt.dateadd('day', 1, month_end('fiscal_year - 1', 'fiscal_year_end_month')) }} as date) as fiscal_year_start,
        case when period_type = 'duration' then cast(round(length_days / 30.44) as integer) end as length_months
    from placed
),

quartered as (
    select
        *,
        least(4, greatest(1, cast(round(round(({{ dbt.datediff('fiscal_year_start', 'period_end', 'day') }} + 1) / 30.44) / 3) as integer))) as end_quarter,
        period_type = 'duration' and abs({{ dbt.datediff('fiscal_year_start', 'period_start', 'day') }}) <= 10 as is_year_to_date
    from positioned
),

labelled as (
    select
        *,
        case
            when period_type = 'instant' then case end_quarter when 4 then 'FY' when 2 then 'H1' else 'Q' || end_quarter end
            when length_months between 11 and 13 then 'FY'
            when is_year_to_date then case end_quarter when 1 then 'Q1' when 2 then 'H1' when 3 then '9M' else 'FY' end
            when length_months between 2 and 4 then 'Q' || end_quarter
            when length_months between 5 and 7 then 'H' || cast(ceil(end_quarter / 2.0) as integer)  {#- 2.0: Postgres divides integers to an integer #}
        end as fiscal_period
    from quartered
)

select
    md5(concat_ws('|', period_type, period_start, period_end, fiscal_year_end_month)) as period_id,
    document_id,
    period_type,
    period_start,
    period_end,
    fiscal_year_end_month,
    length_days,
    length_months,
    fiscal_year,
    fiscal_period,
    case
        when fiscal_period is null then null
        when period_type = 'instant' then 'end of ' || case fiscal_period when 'FY' then '' else fiscal_period || ' ' end || 'FY' || fiscal_year
        when fiscal_period = 'FY' then 'FY' || fiscal_year
        else fiscal_period || ' FY' || fiscal_year
    end as period_label,
    case when fiscal_period like 'Q%' then cast(right(fiscal_period, 1) as integer) end as fiscal_quarter,
    case when fiscal_period like 'H%' then cast(right(fiscal_period, 1) as integer) end as fiscal_half,
    is_year_to_date,
    is_main_period,
    figure_count
from labelled
