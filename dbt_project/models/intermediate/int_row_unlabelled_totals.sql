{#
  The concept of a printed total that has no label, from the rows around it (one row per such total that
  a rule maps; labelled rows are int_row_label_candidates'):
    section_total   an unlabelled total that adds up the rows of the section it closes, when the section's
                    heading is a seed label of a concept marked section_total in concepts.csv (`Actifs
                    courants` … 4 610 → CurrentAssets), unless a labelled row of the table carries that concept;
    repeated_total  an unlabelled total that repeats, figure by figure, a mapped row of its table.
  A total both rules map is a section total. "Mapped" and "labelled row carries" are read from the first
  pass of the label rules (int_row_label_candidates.is_first_pass).
#}
with items as (
    select * from {{ ref('stg_line_items') }}
),

table_rows as (
    select * from {{ ref('int_table_rows') }}
),

seed_labels as (
    select * from {{ ref('int_label_concepts') }}
),

first_pass as (
    select document_id, table_index, row_index, concept, member
    from {{ ref('int_row_label_candidates') }}
    where is_first_pass
),

concept_flags as (
    select concept, section_total from {{ ref('concepts') }}
),

{#
  Section totals. The heading of a row's section "names" it when it is a seed label of a concept marked
  section_total (compared by skeleton: prefix seed labels have none); sub-headings that name nothing
  (`Ajustements pour tenir compte…`, `Distributions versées :`) keep the section they sit in. An unlabelled
  total closes its named section when its figures are, column by column, the sum of the section's rows
  that are not totals (within the rounding of the figures added); the last such total of the section is
  the section's.
#}
named_sections as (
    select document_id, table_index, row_index, concept
    from (
        select
            rows.document_id,
            rows.table_index,
            rows.row_index,
            seed.concept,
            row_number() over (
                partition by rows.document_id, rows.table_index, rows.row_index
                order by seed.issuer nulls last, seed.statement nulls last, seed.concept
            ) as choice
        from table_rows as rows
        join seed_labels as seed
            on seed.label_skeleton = rows.section_skeleton and seed.position is null and seed.member is null
            and (seed.statement is null or seed.statement = rows.statement)
            and (seed.issuer is null or seed.issuer = rows.issuer)
        join concept_flags on concept_flags.concept = seed.concept and concept_flags.section_total
        where rows.section_key <> ''
    ) as ranked
    where choice = 1
),

{#
  Each row's section is the last named section at or above it (rows of tables without a named section have
  none and are left out). Postgres has no `ignore nulls` in window functions: the rows are numbered by how
  many named sections start at or above them, and the one row of each number that starts a section gives
  its concept and heading to the others.
#}
section_runs as (
    select
        document_id,
        table_index,
        row_index,
        label_key,
        is_total,
        max(named_concept) over same_section as section_concept,
        max(case when named_concept is not null then section_key end) over same_section as section_heading
    from (
        select
            rows.document_id,
            rows.table_index,
            rows.row_index,
            rows.label_key,
            rows.is_total,
            rows.section_key,
            named_sections.concept as named_concept,
            count(named_sections.concept) over (
                partition by rows.document_id, rows.table_index order by rows.row_index rows between unbounded preceding and current row
            ) as section_number
        from table_rows as rows
        left join named_sections using (document_id, table_index, row_index)
        where exists (
            select 1 from named_sections as named
            where named.document_id = rows.document_id and named.table_index = rows.table_index
        )
    ) as numbered
    window same_section as (partition by document_id, table_index, section_number)
),

{#
  Each cell of a row in a named section that has an unlabelled total, with the sum of the same column over
  the section's rows above it that are not totals (a running sum rather than a join of every total with
  every row above it, which Postgres planned as a nested loop of 200 million rows on 12 documents).
#}
section_cells as (
    select
        runs.document_id,
        runs.table_index,
        runs.row_index,
        runs.label_key,
        runs.is_total,
        runs.section_concept,
        cell.column_role = 'value' and cell.value_kind = 'amount' as is_amount,
        cell.reported_value,
        sum(case when not runs.is_total then coalesce(cell.reported_value, 0) end) over parts_above as parts_sum,
        count(case when not runs.is_total then 1 end) over parts_above as part_count,
        max(case when not runs.is_total then cell.printed_decimals end) over parts_above as part_decimals
    from section_runs as runs
    join items as cell
        on cell.document_id = runs.document_id and cell.table_index = runs.table_index and cell.row_index = runs.row_index
    where runs.section_heading is not null
      and exists (
          select 1 from section_runs as total
          where total.document_id = runs.document_id and total.table_index = runs.table_index
            and total.section_heading = runs.section_heading and total.label_key = '' and total.is_total
      )
    window parts_above as (
        partition by runs.document_id, runs.table_index, runs.section_heading, cell.column_index
        order by runs.row_index rows between unbounded preceding and 1 preceding
    )
),

section_totals as (
    select document_id, table_index, row_index, concept, {{ dbt.cast('null', dbt.type_string()) }} as member, 'section_total' as mapping_method
    from (
        select
            document_id,
            table_index,
            row_index,
            section_concept as concept,
            row_number() over (partition by document_id, table_index, section_concept order by row_index desc) as from_last
        from section_cells as total
        where label_key = '' and is_total and section_concept is not null and is_amount
          and not exists (
              select 1 from first_pass
              where first_pass.document_id = total.document_id and first_pass.table_index = total.table_index
                and first_pass.concept = total.section_concept
          )
        group by document_id, table_index, row_index, section_concept
        {# every amount of the total adds up its column's rows, within the rounding of the figures added #}
        having min(case
            when part_count > 0
                 and abs(coalesce(reported_value, 0) - parts_sum) <= {{ half_unit_of_decimals('part_decimals') }} * (part_count + 1)
                then 1 else 0
        end) = 1
    ) as complete_totals
    where from_last = 1
),

repeated_totals as (
    select document_id, table_index, row_index, concept, member, 'repeated_total' as mapping_method
    from (
        select
            rows.document_id,
            rows.table_index,
            rows.row_index,
            first_pass.concept,
            first_pass.member,
            row_number() over (partition by rows.document_id, rows.table_index, rows.row_index order by repeated.row_index desc) as nearest
        from table_rows as rows
        join table_rows as repeated
            on repeated.document_id = rows.document_id and repeated.table_index = rows.table_index
            and repeated.row_index < rows.row_index and repeated.amounts = rows.amounts
        join first_pass
            on first_pass.document_id = repeated.document_id and first_pass.table_index = repeated.table_index
            and first_pass.row_index = repeated.row_index
        where rows.label_key = '' and rows.amount_count >= 2
    ) as repeats
    where nearest = 1
)

{# A total both rules map is a section total. #}
select * from section_totals
union all
select * from repeated_totals
where not exists (
    select 1 from section_totals
    where section_totals.document_id = repeated_totals.document_id and section_totals.table_index = repeated_totals.table_index
      and section_totals.row_index = repeated_totals.row_index
)
