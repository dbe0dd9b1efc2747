{#
  Check 1: a total row (`Total…`, or a row printed without a label) equals the sum of the rows it
  closes, inferred from the table alone so that it works for unmapped labels. Two readings are tried:

  1. a run: some rows after the previous total (in the same section), down to the row above it;
  2. a roll-up: the subtotals of the rows above it plus the rows no subtotal closes
     (`Total assets` = `Total current assets` + the non-current rows), where a subtotal is any row
     that equals a run of two or more rows just above it, labelled `Total` or not (Sanofi prints
     `Actifs non courants` without the word).

  The check passes when one reading adds up within rounding. When none does, it fails if the full run
  (every row since the previous total) misses by at most three rounding bounds: the rows are the ones
  the total closes and their sum is off, a figure that does not add up. Otherwise the total is
  reported as inconclusive: the table's structure (nested sections, a `Total` label on an ordinary
  row, columns of different measures) was not recognised, which says nothing about the publication. `dont`/`of which` rows are parts of the row above them and are never summed.
#}
with cells as (
    select * from {{ ref('int_checkable_facts') }}
    {# Tables of notes (statement 'other') nest sub-totals in ways their layout does not show; the
       `Total` of rates is not a sum. #}
    where not is_breakdown and statement <> 'other' and not is_rate_row
),

with_previous_total as (
    select
        cells.*,
        coalesce(max(row_index) filter (where is_total) over (
            partition by document_id, table_index, column_index order by row_index rows between unbounded preceding and 1 preceding
        ), -1) as previous_total_row
    from cells
),

{# Reading 1, for every row: runs of two or more rows since the previous total, ending just above it. #}
runs as (
    select
        target.document_id, target.table_index, target.column_index, target.row_index as target_row,
        run_start.row_index as start_row,
        sum(member.amount) as run_sum,
        sum(member.half_unit) as run_half_units,
        count(*) as run_length,
        list_distinct(list(member.page)) as run_pages,
        list(member.fact_id order by member.row_index) as run_fact_ids
    from with_previous_total as target
    join cells as run_start
        on run_start.document_id = target.document_id and run_start.table_index = target.table_index
        and run_start.column_index = target.column_index
        and run_start.row_index > target.previous_total_row and run_start.row_index < target.row_index
    join cells as member
        on member.document_id = target.document_id and member.table_index = target.table_index
        and member.column_index = target.column_index
        and member.row_index >= run_start.row_index and member.row_index < target.row_index
    group by all
    having count(*) >= 2
),

{# Rows that close a run (labelled totals and unlabelled subtotals alike), with the longest run they close. #}
subtotals as (
    select runs.document_id, runs.table_index, runs.column_index, runs.target_row as row_index, runs.start_row
    from runs
    join cells as target
        on target.document_id = runs.document_id and target.table_index = runs.table_index
        and target.column_index = runs.column_index and target.row_index = runs.target_row
    where abs(target.amount - runs.run_sum) <= target.half_unit + runs.run_half_units
      and target.amount <> 0
    qualify row_number() over (partition by runs.document_id, runs.table_index, runs.column_index, runs.target_row order by runs.run_length desc, runs.start_row) = 1
),

{# Reading 2 in two rounds, so that a total of totals (`Total liabilities` = current + non-current)
   counts as a subtotal for the grand total above it (`Total liabilities and equity`). #}
rollups_1 as ({{ table_total_rollups('subtotals') }}),

subtotals_2 as (
    select document_id, table_index, column_index, row_index, start_row from subtotals
    union all
    select rollups_1.document_id, rollups_1.table_index, rollups_1.column_index, rollups_1.target_row, rollups_1.start_row
    from rollups_1
    join cells as total
        on total.document_id = rollups_1.document_id and total.table_index = rollups_1.table_index
        and total.column_index = rollups_1.column_index and total.row_index = rollups_1.target_row
    where abs(total.amount - rollups_1.run_sum) <= total.half_unit + rollups_1.run_half_units
      and not exists (
          select 1 from subtotals
          where subtotals.document_id = total.document_id and subtotals.table_index = total.table_index
            and subtotals.column_index = total.column_index and subtotals.row_index = total.row_index
      )
    qualify row_number() over (partition by rollups_1.document_id, rollups_1.table_index, rollups_1.column_index, rollups_1.target_row order by rollups_1.run_length desc, rollups_1.start_row) = 1
),

rollups_2 as ({{ table_total_rollups('subtotals_2') }}),

{# The full run: every row since the previous total. Only a near miss of it is a conclusive failure. #}
full_runs as (
    select * from runs
    qualify row_number() over (partition by document_id, table_index, column_index, target_row order by run_length desc, start_row) = 1
),

candidates as (
    select 'run' as reading, * from runs
    union all
    select 'rollup' as reading, * from rollups_2
),

judged as (
    select
        total.*,
        candidates.reading, candidates.start_row, candidates.run_sum, candidates.run_half_units, candidates.run_length, candidates.run_pages, candidates.run_fact_ids,
        total.half_unit + candidates.run_half_units as bound,
        abs(total.amount - candidates.run_sum) <= total.half_unit + candidates.run_half_units as adds_up,
        abs(total.amount - full_runs.run_sum) <= 3 * (total.half_unit + full_runs.run_half_units) as full_run_near
    from cells as total
    join candidates
        on candidates.document_id = total.document_id and candidates.table_index = total.table_index
        and candidates.column_index = total.column_index and candidates.target_row = total.row_index
    left join full_runs
        on full_runs.document_id = total.document_id and full_runs.table_index = total.table_index
        and full_runs.column_index = total.column_index and full_runs.target_row = total.row_index
    where total.is_total
    {# Report a reading that adds up (a run before a roll-up, the longest first), else the nearest one;
       between readings as good, the one starting higher, so that every build reports the same. #}
    qualify row_number() over (
        partition by total.document_id, total.table_index, total.column_index, total.row_index
        order by adds_up desc, case when adds_up then candidates.reading = 'run' end desc,
                 case when adds_up then candidates.run_length end desc,
                 abs(total.amount - candidates.run_sum), candidates.start_row
    ) = 1
)

select
    document_id,
    'table_total' as check_name,
    statement, basis, table_index, column_index, period_start, period_end,
    run_sum as expected, amount as actual, bound as tolerance, scale, currency,
    array_to_string(list_sort(list_distinct(run_pages || list_value(page))), ', ') as pages,
    case
        when adds_up and reading = 'run' then format('"{}" (row {}) = sum of the {} rows from row {}', coalesce(nullif(label, ''), '(no label)'), row_index, run_length, start_row)
        when adds_up then format('"{}" (row {}) = its subtotals and the rows they do not close, from row {} ({} figures)', coalesce(nullif(label, ''), '(no label)'), row_index, start_row, run_length)
        else format('"{}" (row {}) ≠ the nearest sum of the rows above it ({} figures from row {}); no run or roll-up of subtotals adds up', coalesce(nullif(label, ''), '(no label)'), row_index, run_length, start_row)
    end as description,
    list_value(fact_id) || run_fact_ids as fact_ids,
    adds_up or coalesce(full_run_near, false) as conclusive
from judged
