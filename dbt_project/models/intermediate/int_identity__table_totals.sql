{#
  Check 1: a total row (`Total…`, or a row printed without a label) equals the sum of the rows it
  closes, inferred from the table alone so that it works for unmapped labels. The rows it closes run
  from some row after the previous total (or the start of its section) down to the row above it; the
  check passes when one such run adds up within rounding, and fails when none does. `dont`/`of which`
  rows are parts of the row above them and are never summed.
#}
with cells as (
    select * from {{ ref('int_checkable_facts') }}
    {# Tables of notes (statement 'other') nest sub-totals in ways their layout does not show. #}
    where not is_breakdown and statement <> 'other'
),

totals as (
    select
        total.*,
        (
            select max(previous.row_index) from cells as previous
            where previous.document_id = total.document_id and previous.table_index = total.table_index
              and previous.column_index = total.column_index and previous.is_total and previous.row_index < total.row_index
        ) as previous_total_row
    from cells as total
    where total.is_total
),

runs as (
    select
        totals.document_id, totals.table_index, totals.column_index, totals.row_index as total_row,
        run_start.row_index as start_row,
        sum(member.amount) as run_sum,
        sum(member.half_unit) as run_half_units,
        count(*) as run_length,
        list_distinct(list(member.page)) as run_pages
    from totals
    join cells as run_start
        on run_start.document_id = totals.document_id and run_start.table_index = totals.table_index
        and run_start.column_index = totals.column_index
        and run_start.row_index > coalesce(totals.previous_total_row, -1) and run_start.row_index < totals.row_index
        and run_start.section is not distinct from totals.section
    join cells as member
        on member.document_id = totals.document_id and member.table_index = totals.table_index
        and member.column_index = totals.column_index
        and member.row_index >= run_start.row_index and member.row_index < totals.row_index
    group by all
    having count(*) >= 2
),

judged as (
    select
        totals.*,
        runs.start_row, runs.run_sum, runs.run_half_units, runs.run_length, runs.run_pages,
        abs(totals.amount - runs.run_sum) <= totals.half_unit + runs.run_half_units as adds_up
    from totals
    join runs
        on runs.document_id = totals.document_id and runs.table_index = totals.table_index
        and runs.column_index = totals.column_index and runs.total_row = totals.row_index
    {# Report the longest run that adds up, or the whole run when none does. #}
    qualify row_number() over (
        partition by totals.document_id, totals.table_index, totals.column_index, totals.row_index
        order by adds_up desc, runs.run_length desc
    ) = 1
)

select
    document_id,
    'table_total' as check_name,
    statement, basis, table_index, column_index, period_start, period_end,
    run_sum as expected, amount as actual, half_unit + run_half_units as tolerance, scale, currency,
    array_to_string(list_sort(list_distinct(run_pages || list_value(page))), ', ') as pages,
    case
        when adds_up then format('"{}" (row {}) = sum of the {} rows from row {}', coalesce(nullif(label, ''), '(no label)'), row_index, run_length, start_row)
        else format('"{}" (row {}) ≠ sum of the {} rows above it since the previous total; no shorter run adds up either', coalesce(nullif(label, ''), '(no label)'), row_index, run_length)
    end as description
from judged
