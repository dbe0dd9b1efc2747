{#
  One concept per printed row of a financial table (every figure of the row carries it), from the seeds
  label_concepts and concepts. Rules, in order of preference:
    exact          the row's normalised label, or its section heading followed by its label, equals a seed label;
    prefix         the label starts with the words of a seed label written with a trailing `*`;
    fuzzy          the label's skeleton (macro label_skeleton: no spaces, no fi/fl/ff lost with ligatures)
                   equals a seed label's skeleton;
    section_total  an unlabelled total that adds up the rows of the section it closes, when the section's
                   heading is a seed label of a concept marked section_total in concepts.csv (`Actifs
                   courants` … 4 610 → CurrentAssets), unless a labelled row of the table carries that concept;
    repeated_total an unlabelled total that repeats, figure by figure, a mapped row of its table.
  Among the seed labels a rule finds, the most specific scope wins: heading + label (8), issuer (4),
  balance-sheet position (2), statement (1); then the longest seed label.

  The position of a balance-sheet row (current / non-current) comes from its section heading, unless the
  row comes after the total that closed that section; else from the nearest subtotal below it
  (a current-assets subtotal closes current rows); else from the nearest subtotal above it (rows after the
  current-assets subtotal are non-current). Rows under an equity heading have no position.
#}
with items as (
    select * from {{ ref('stg_line_items') }}
),

table_rows as (
    select
        document_id,
        table_index,
        row_index,
        {{ dbt.any_value('statement') }} as statement,
        {{ dbt.any_value('label') }} as label,
        {{ dbt.any_value('section') }} as section,
        {{ dbt.bool_or('is_total') }} as is_total,
        {{ dbt.listagg(
            "case when column_role = 'value' and value_kind = 'amount' then "
                ~ dbt.concat(['column_index', "'='", "coalesce(" ~ dbt.cast('reported_value', dbt.type_string()) ~ ", '-')"]) ~ " end",
            "' '", 'order by column_index') }} as amounts,
        count(case when column_role = 'value' and value_kind = 'amount' then reported_value end) as amount_count
    from items
    group by document_id, table_index, row_index
),

keyed_rows as (
    select
        table_rows.*,
        issuers.issuer,
        {{ normalize_label('table_rows.label') }} as label_key,
        coalesce({{ normalize_label('table_rows.section') }}, '') as section_key,
        case when table_rows.label <> '' then {{ normalize_label("table_rows.section || ' ' || table_rows.label") }} end as heading_label_key,
        row_number() over (
            partition by table_rows.document_id, table_rows.table_index, {{ normalize_label('table_rows.label') }}, coalesce(table_rows.section, '')
            order by table_rows.row_index
        ) as repeat_number
    from table_rows
    left join {{ ref('int_document_issuers') }} as issuers using (document_id)
),

skeleton_rows as (
    select *, {{ label_skeleton('label_key') }} as label_skeleton
    from keyed_rows
    where label_key <> ''
),

seed_labels as (
    select
        {{ normalize_label("rtrim(label, '*')") }} as label_key,
        label like '%*' as is_prefix,
        nullif(statement, '') as statement,
        nullif(position, '') as position,
        nullif(issuer, '') as issuer,
        nullif(member, '') as member,
        concept
    from {{ ref('label_concepts') }}
),

skeleton_seeds as (
    select *, {{ label_skeleton('label_key') }} as label_skeleton
    from seed_labels
    where not is_prefix
),

concept_flags as (
    select concept, section_total from {{ ref('concepts') }}
),

{# Every seed label a row matches, by any rule; the statement and issuer scopes are checked below. #}
{% set matched_columns -%}
rows.document_id, rows.table_index, rows.row_index, rows.statement as row_statement, rows.issuer as row_issuer,
seed.label_key, seed.statement as statement_scope, seed.issuer as issuer_scope, seed.position, seed.member, seed.concept
{%- endset %}
matched as (
    select {{ matched_columns }}, 'exact' as mapping_method, false as by_heading
    from keyed_rows as rows join seed_labels as seed on seed.label_key = rows.label_key and not seed.is_prefix
    union all
    select {{ matched_columns }}, 'exact', true
    from keyed_rows as rows join seed_labels as seed on seed.label_key = rows.heading_label_key and not seed.is_prefix
    union all
    select {{ matched_columns }}, 'prefix', false
    from keyed_rows as rows join seed_labels as seed
        on seed.is_prefix and (rows.label_key = seed.label_key or starts_with(rows.label_key, seed.label_key || ' '))
    union all
    select {{ matched_columns }}, 'fuzzy', false
    from skeleton_rows as rows join skeleton_seeds as seed
        on seed.label_skeleton = rows.label_skeleton and seed.label_key <> rows.label_key
),

candidates as (
    select
        document_id, table_index, row_index, concept, member, position, mapping_method,
        case mapping_method when 'exact' then 1 when 'prefix' then 2 else 3 end as method_rank,
        8 * by_heading::int + 4 * (issuer_scope is not null)::int + 2 * (position is not null)::int
            + (statement_scope is not null)::int as specificity,
        length(label_key) as seed_length
    from matched
    where (statement_scope is null or statement_scope = row_statement)
      and (issuer_scope is null or issuer_scope = row_issuer)
),

{# First pass, without position-scoped labels: the subtotals that positions are read from. #}
first_pass as (
    select document_id, table_index, row_index, concept, member
    from (
        select
            *,
            row_number() over (
                partition by document_id, table_index, row_index
                order by method_rank, specificity desc, seed_length desc, concept
            ) as choice
        from candidates
        where position is null
    ) as ranked
    where choice = 1
),

{#
  Section totals. The heading of a row's section "names" it when it is a seed label of a concept marked
  section_total; sub-headings that name nothing (`Ajustements pour tenir compte…`, `Distributions
  versées :`) keep the section they sit in. An unlabelled total closes its named section when its
  figures are, column by column, the sum of the section's rows that are not totals (within the rounding
  of the figures added); the last such total of the section is the section's.
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
        from keyed_rows as rows
        join skeleton_seeds as seed
            on seed.label_skeleton = {{ label_skeleton('rows.section_key') }} and seed.position is null and seed.member is null
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
        from keyed_rows as rows
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
        from keyed_rows as rows
        join keyed_rows as repeated
            on repeated.document_id = rows.document_id and repeated.table_index = rows.table_index
            and repeated.row_index < rows.row_index and repeated.amounts = rows.amounts
        join first_pass
            on first_pass.document_id = repeated.document_id and first_pass.table_index = repeated.table_index
            and first_pass.row_index = repeated.row_index
        where rows.label_key = '' and rows.amount_count >= 2
    ) as repeats
    where nearest = 1
),

unlabelled_totals as (
    select * from section_totals
    union all
    select * from repeated_totals
    where not exists (
        select 1 from section_totals
        where section_totals.document_id = repeated_totals.document_id and section_totals.table_index = repeated_totals.table_index
          and section_totals.row_index = repeated_totals.row_index
    )
),

first_concepts as (
    select document_id, table_index, row_index, concept from first_pass
    union all
    select document_id, table_index, row_index, concept from unlabelled_totals
),

balance_sheet_rows as (
    select
        rows.document_id,
        rows.table_index,
        rows.row_index,
        case
            when {{ contains_any_of('rows.section_key', ['capitaux propres', 'equity', 'ne donnant pas le controle', 'non controlling', 'noncontrolling', 'minoritaires']) }} then 'equity'
            when {{ contains_any_of('rows.section_key', ['non courant', 'non current', 'noncurrent', 'long terme', 'long term']) }} then 'noncurrent'
            when {{ contains_any_of('rows.section_key', ['courant', 'current', 'court terme', 'short term']) }} then 'current'
        end as section_position,
        coalesce(sum(rows.is_total::int) over (
            partition by rows.document_id, rows.table_index, rows.section_key order by rows.row_index
            rows between unbounded preceding and 1 preceding
        ), 0) as earlier_section_totals,
        case
            when first_concepts.concept in ('CurrentAssets', 'CurrentLiabilities') then 'current'
            when first_concepts.concept in ('NoncurrentAssets', 'NoncurrentLiabilities') then 'noncurrent'
            when first_concepts.concept in ('Assets', 'Liabilities', 'Equity', 'EquityAndLiabilities', 'EquityAttributableToOwnersOfParent') then 'side'
        end as closes
    from keyed_rows as rows
    left join first_concepts using (document_id, table_index, row_index)
    where rows.statement = 'balance_sheet'
),

{#
  The nearest subtotal below and above each row, without `ignore nulls` (Postgres has none): the nearest
  subtotal's row number and what it closes are packed in one number (row_index × 10 + a code), so that
  min over the rows below and max over the rows above find it in one pass.
#}
{% set closes_codes = {'current': 1, 'noncurrent': 2, 'side': 3} %}
nearest_subtotals as (
    select
        *,
        min(closes_key) over (
            partition by document_id, table_index order by row_index rows between 1 following and unbounded following
        ) % 10 as closes_below_code,
        max(closes_key) over (
            partition by document_id, table_index order by row_index rows between unbounded preceding and 1 preceding
        ) % 10 as closes_above_code
    from (
        select
            *,
            row_index * 10 + case closes{% for closes, code in closes_codes.items() %} when '{{ closes }}' then {{ code }}{% endfor %} end as closes_key
        from balance_sheet_rows
    ) as keyed
),

positions as (
    select
        document_id,
        table_index,
        row_index,
        case
            when section_position = 'equity' then null
            when section_position is not null and earlier_section_totals = 0 then section_position
            else coalesce(
                case closes_below_code when {{ closes_codes['current'] }} then 'current' when {{ closes_codes['noncurrent'] }} then 'noncurrent' end,
                case closes_above_code when {{ closes_codes['current'] }} then 'noncurrent' when {{ closes_codes['noncurrent'] }} then 'current' end
            )
        end as position
    from nearest_subtotals
),

{#
  A label printed again under the same heading of one table repeats the words in another block (the
  per-share lines of a reconciliation after its amounts, the tax line of each item of other comprehensive
  income): only its first row takes the concept, unless the seed label is scoped by position
  (Brookfield's current and non-current `Provisions`).
#}
final_choice as (
    select document_id, table_index, row_index, concept, member, mapping_method
    from (
        select
            candidates.*,
            row_number() over (
                partition by candidates.document_id, candidates.table_index, candidates.row_index
                order by candidates.method_rank, candidates.specificity desc, candidates.seed_length desc, candidates.concept
            ) as choice
        from candidates
        join keyed_rows as rows using (document_id, table_index, row_index)
        left join positions using (document_id, table_index, row_index)
        where (candidates.position is null and rows.repeat_number = 1) or candidates.position = positions.position
    ) as ranked
    where choice = 1
)

select
    rows.document_id,
    rows.table_index,
    rows.row_index,
    rows.label_key,
    positions.position as balance_sheet_position,
    coalesce(final_choice.concept, unlabelled_totals.concept) as concept,
    coalesce(final_choice.member, unlabelled_totals.member) as member,
    coalesce(final_choice.mapping_method, unlabelled_totals.mapping_method) as mapping_method
from keyed_rows as rows
left join final_choice using (document_id, table_index, row_index)
left join unlabelled_totals using (document_id, table_index, row_index)
left join positions using (document_id, table_index, row_index)
