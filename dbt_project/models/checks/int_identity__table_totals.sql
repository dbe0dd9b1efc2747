{#
  Check 1: a total row (`Total…`, or a row printed without a label) equals the sum of the rows it
  closes, inferred from the table alone so that it works for unmapped labels. Two readings are tried:

  1. a run: some rows after the previous total (in the same section), down to the row above it;
  2. a roll-up: the subtotals of the rows above it plus the rows no subtotal closes
     (`Total assets` = `Total current assets` + the non-current rows), where a subtotal is any row
     that equals a run of two or more rows just above it, labelled `Total` or not (Sanofi prints
     `Actifs non courants` without the word).

  The check passes when one reading adds up within rounding. When none does, it fails if the full run
  (every row since the previous total) misses by at most three rounding bounds, the column's period is
  known and those rows all sit under the total's own heading: the rows are the ones the total closes
  and their sum is off, a figure that does not add up. Otherwise the total is reported as
  inconclusive, with the reason: the table's structure (nested sections, a `Total` label on an
  ordinary row, columns of different measures) was not recognised, its header was not read, or the
  total may close only the last of several sub-sections; none says anything about the publication. `dont`/`of which` rows are parts of the row above them and are never summed.
#}
{#- A view on DuckDB. On Postgres a table, planned without nested loops: the runs are ranges of rows
    (`run_start.row_index < target.row_index`), whose count Postgres underestimates by orders of
    magnitude (one row where there are thousands), and its nested loops over them took more than ten
    minutes for 52 documents where hash joins take a few seconds. #}
{{ config(
    materialized='table' if target.type == 'postgres' else 'view',
    pre_hook=['set local enable_nestloop = off'] if target.type == 'postgres' else [],
) }}
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
        array_agg(member.page) as run_pages,
        array_agg(member.fact_id order by member.row_index) as run_fact_ids,
        array_agg(1 order by member.row_index) as run_weights,
        {{ dbt.bool_or('member.section is distinct from target.section') }} as crosses_section
    from with_previous_total as target
    join cells as run_start
        on run_start.document_id = target.document_id and run_start.table_index = target.table_index
        and run_start.column_index = target.column_index
        and run_start.row_index > target.previous_total_row and run_start.row_index < target.row_index
    join cells as member
        on member.document_id = target.document_id and member.table_index = target.table_index
        and member.column_index = target.column_index
        and member.row_index >= run_start.row_index and member.row_index < target.row_index
    group by target.document_id, target.table_index, target.column_index, target.row_index, run_start.row_index
    having count(*) >= 2
),

{# Rows that close a run (labelled totals and unlabelled subtotals alike), with the longest run they close. #}
subtotals as ({{ rows_closing_a_run('runs', 'total.amount <> 0') }}),

{# Reading 2 in two rounds, so that a total of totals (`Total liabilities` = current + non-current)
   counts as a subtotal for the grand total above it (`Total liabilities and equity`). #}
rollups_1 as ({{ table_total_rollups('subtotals') }}),

subtotals_2 as (
    select document_id, table_index, column_index, row_index, start_row from subtotals
    union all
    {{ rows_closing_a_run('rollups_1', 'not exists (
        select 1 from subtotals
        where subtotals.document_id = total.document_id and subtotals.table_index = total.table_index
          and subtotals.column_index = total.column_index and subtotals.row_index = total.row_index
    )') }}
),

rollups_2 as ({{ table_total_rollups('subtotals_2') }}),

{# The full run: every row since the previous total. Only a near miss of it is a conclusive failure. #}
full_runs as (
    select * from (
        select runs.*, row_number() over (partition by document_id, table_index, column_index, target_row order by run_length desc, start_row) as rank_of_run
        from runs
    ) as ranked
    where rank_of_run = 1
),

candidates as (
    select 'run' as reading, document_id, table_index, column_index, target_row, start_row, run_sum, run_half_units, run_length, run_pages, run_fact_ids, run_weights
    from runs
    union all
    select 'rollup' as reading, rollups_2.* from rollups_2
),

readings as (
    select
        total.*,
        candidates.reading, candidates.start_row, candidates.run_sum, candidates.run_half_units, candidates.run_length, candidates.run_pages, candidates.run_fact_ids, candidates.run_weights,
        total.half_unit + candidates.run_half_units as bound,
        abs(total.amount - candidates.run_sum) <= total.half_unit + candidates.run_half_units as adds_up,
        abs(total.amount - full_runs.run_sum) <= 3 * (total.half_unit + full_runs.run_half_units) as full_run_near,
        full_runs.crosses_section as full_run_crosses_section
    from cells as total
    join candidates
        on candidates.document_id = total.document_id and candidates.table_index = total.table_index
        and candidates.column_index = total.column_index and candidates.target_row = total.row_index
    left join full_runs
        on full_runs.document_id = total.document_id and full_runs.table_index = total.table_index
        and full_runs.column_index = total.column_index and full_runs.target_row = total.row_index
    where total.is_total
),

judged as (
    select * from (
        select
            readings.*,
            {# Report a reading that adds up (a run before a roll-up, the longest first), else the nearest one;
               between readings as good, the one starting higher, then the run, so that every build reports the same. #}
            row_number() over (
                partition by document_id, table_index, column_index, row_index
                order by adds_up desc, case when adds_up then reading = 'run' end desc,
                         case when adds_up then run_length end desc,
                         abs(amount - run_sum), start_row, reading desc
            ) as rank_of_reading
        from readings
    ) as ranked
    where rank_of_reading = 1
)

select
    document_id,
    'table_total' as check_name,
    statement, basis, table_index, column_index, period_start, period_end,
    run_sum as expected, amount as actual, bound as tolerance, scale, currency,
    {{ page_list(dbt.array_append('run_pages', 'page')) }} as pages,
    '"' || coalesce(nullif(label, ''), '(no label)') || '" (row ' || {{ dbt.cast('row_index', dbt.type_string()) }} || ') '
    || case
        when adds_up and reading = 'run'
            then '= sum of the ' || {{ dbt.cast('run_length', dbt.type_string()) }} || ' rows from row ' || {{ dbt.cast('start_row', dbt.type_string()) }}
        when adds_up
            then '= its subtotals and the rows they do not close, from row ' || {{ dbt.cast('start_row', dbt.type_string()) }}
                 || ' (' || {{ dbt.cast('run_length', dbt.type_string()) }} || ' figures)'
        else '≠ the nearest sum of the rows above it (' || {{ dbt.cast('run_length', dbt.type_string()) }} || ' figures from row '
             || {{ dbt.cast('start_row', dbt.type_string()) }} || '); no run or roll-up of subtotals adds up'
    end as description,
    {{ dbt.array_concat(dbt.array_construct(['fact_id']), 'run_fact_ids') }} as fact_ids,
    {{ dbt.array_concat(dbt.array_construct(['1']), 'run_weights') }} as weights,
    {{ conclusiveness([
        ('not (adds_up or coalesce(full_run_near, false))',
         "'no run of the rows above it nor roll-up of its subtotals comes within three rounding bounds: the table''s structure (nested sections, a Total label on an ordinary row, columns of different measures) was not recognised'"),
        (period_unknown('period_end'), period_unknown_reason()),
        ('full_run_crosses_section',
         "'the rows since the previous total sit under more than one heading: the total may close only its own sub-section'"),
    ]) }}
from judged
