{#
  Check 6: a concept reported twice in one document for the same period agrees, compared in currency
  units (tables may be printed in different scales). Adjusted figures are compared only with adjusted
  ones; IFRS with IFRS or with tables of undeclared basis. Each figure is compared with the largest
  table reporting it (the statement itself rather than a highlights box): with the row of that table
  it agrees with, else the nearest one. Costs and expenses (concepts whose normal sign is negative) are
  compared by size: a key-figures table prints them positive, the statement negative, a
  reconciliation adds them back; the sign says how a table presents them, not what they are. Other
  figures keep their sign (an exchange effect of 0,2 is not one of (0,2)): compared_amount. Tables
  printing several columns for one period are left out: concept and period do not say which of their
  figures is meant.

  Two tables are compared only when most figures they share agree: a segment table or a note on a
  disposal group disagrees with the statement on most of what they share, a different scope rather
  than the same figures (a single shared figure that disagrees shows no common scope either). Two
  figures that disagree are then a failure only when they are sure to be the same thing; otherwise the
  check is inconclusive, with the reason:
  - the labels name the same scopes (continuing operations, restricted cash...), and both tables
    present the whole reporting entity or both a segment (as their headings say);
  - the larger table prints the concept once for the period (`Net sales` and `Total revenues` both
    read as revenue do not say which one a summary means);
  - both labels carry a footnote marker (`Net earnings (2)`) or neither does: a footnote may say the
    figure is another scope (`attributable to owners of the Company`), and footnotes are not read;
  - neither figure is printed in the other table under another label: a summary's `Net income` equal
    to the statement's `Net income attributable to owners`, a note's aggregate tax beside the
    statement's tax on continuing operations, are two scopes the publication prints both of.
#}
{% set footnote_marker_pattern = '(\\(\\d{1,2}\\)|\\*+)\\s*$' %}

with cells as (
    select
        *,
        {{ compared_amount("amount", "normal_sign") }} as compared_amount,
        case when basis = 'adjusted' then 'adjusted' when basis = 'proforma' then 'proforma' else 'reported' end as basis_family
    from {{ ref('int_checkable_facts') }}
    where concept is not null and period_end is not null and not shares_period_column
),

reference_tables as (
    select * from (
        select
            document_id, concept, basis_family, period_start, period_end, table_index,
            row_number() over (
                partition by document_id, concept, basis_family, period_start, period_end order by table_rows desc, table_index, row_index
            ) as rank_in_document
        from cells
    ) as ranked
    where rank_in_document = 1
),

{# Every row of the reference table holding the concept for the period, and how many amounts they print
   (a group, not `count(distinct ...) over`, which Postgres lacks). #}
reference_cells as (
    select cells.*
    from cells
    join reference_tables
        on reference_tables.document_id = cells.document_id and reference_tables.table_index = cells.table_index
        and reference_tables.concept = cells.concept and reference_tables.basis_family = cells.basis_family
        and reference_tables.period_start is not distinct from cells.period_start and reference_tables.period_end = cells.period_end
),

reference_rows as (
    select reference_cells.*, amounts.reference_amounts
    from reference_cells
    join (
        select document_id, concept, basis_family, period_start, period_end, count(distinct compared_amount) as reference_amounts
        from reference_cells
        group by document_id, concept, basis_family, period_start, period_end
    ) as amounts
        on amounts.document_id = reference_cells.document_id and amounts.concept = reference_cells.concept
        and amounts.basis_family = reference_cells.basis_family
        and amounts.period_start is not distinct from reference_cells.period_start and amounts.period_end = reference_cells.period_end
),

candidates as (
    select
        reference.table_index as reference_table_index,
        reference.row_index as reference_row_index,
        reference.reference_amounts,
        reference.label_scope as reference_scope,
        later.label_scope as later_scope,
        {{ label_matches('later.label', footnote_marker_pattern) }} <> {{ label_matches('reference.label', footnote_marker_pattern) }} as one_label_footnoted,
        reference.table_scope as reference_table_scope,
        later.table_scope as later_table_scope,
        reference.amount * coalesce(reference.scale, 1) as reference_value,
        reference.half_unit * coalesce(reference.scale, 1) as reference_half_value,
        later.amount * coalesce(later.scale, 1) as later_value,
        later.half_unit * coalesce(later.scale, 1) as later_half_value,
        later.row_index as later_row_index,
        later.fact_id as later_fact_id,
        later.document_id,
        'same_figure_agrees:' || later.concept as check_name,
        later.statement, later.basis, later.table_index, later.column_index, later.period_start, later.period_end,
        {{ compare_across_scales('reference', 'later', amount='compared_amount') }},
        later.scale, later.currency,
        {{ page_list(dbt.array_construct(['reference.page', 'later.page'])) }} as pages,
        '"' || later.label || '" (table ' || {{ dbt.cast('later.table_index', dbt.type_string()) }} || ', p. ' || {{ dbt.cast('later.page', dbt.type_string()) }}
            || ') vs "' || reference.label || '" (table ' || {{ dbt.cast('reference.table_index', dbt.type_string()) }}
            || ', p. ' || {{ dbt.cast('reference.page', dbt.type_string()) }} || ')' as description,
        {{ dbt.array_construct(['later.fact_id', 'reference.fact_id']) }} as fact_ids,
        row_number() over (
            partition by later.fact_id
            order by abs(later.compared_amount * coalesce(later.scale, 1) - reference.compared_amount * coalesce(reference.scale, 1)), reference.row_index
        ) as rank_of_reference
    from cells as later
    join reference_rows as reference
        on reference.document_id = later.document_id and reference.concept = later.concept
        and reference.basis_family = later.basis_family
        and reference.period_start is not distinct from later.period_start and reference.period_end = later.period_end
        and reference.table_index <> later.table_index
),

compared as (
    select *, abs(actual - expected) <= tolerance as agrees
    from candidates
    where rank_of_reference = 1
),

{# Two tables that disagree on most of what they share present different scopes (a segment, a note on
   discontinued operations, the assets of a disposal group): their figures are not the same figures,
   and are not compared at all. #}
same_scope as (
    select document_id, reference_table_index, table_index
    from compared
    group by document_id, reference_table_index, table_index
    having avg(case when agrees then 1.0 else 0.0 end) >= 0.5
),

{# Amounts printed in a table for a period, to see whether a figure it disagrees with is printed there
   under another label. Amounts of fewer than ten printed units are left out: they match by chance. #}
printed_amounts as (
    select document_id, table_index, row_index, period_start, period_end,
           abs(amount) * coalesce(scale, 1) as value, half_unit * coalesce(scale, 1) as half_value
    from {{ ref('int_checkable_facts') }}
    where not is_nil and abs(amount) >= 20 * half_unit
),

judged as (
    select
        compared.*,
        exists (
            select 1 from printed_amounts as other
            where other.document_id = compared.document_id and other.table_index = compared.reference_table_index
              and other.row_index <> compared.reference_row_index
              and other.period_start is not distinct from compared.period_start and other.period_end = compared.period_end
              and abs(other.value - abs(compared.later_value)) <= other.half_value + compared.later_half_value
        ) or exists (
            select 1 from printed_amounts as other
            where other.document_id = compared.document_id and other.table_index = compared.table_index
              and other.row_index <> compared.later_row_index
              and other.period_start is not distinct from compared.period_start and other.period_end = compared.period_end
              and abs(other.value - abs(compared.reference_value)) <= other.half_value + compared.reference_half_value
        ) as printed_under_another_label
    from compared
    join same_scope using (document_id, reference_table_index, table_index)
)

select
    document_id, check_name, statement, basis, table_index, column_index, period_start, period_end,
    expected, actual, tolerance, scale, currency, pages, description, fact_ids, {{ no_weights() }} as weights,
    {{ conclusiveness([
        scope_differs('later_scope', 'reference_scope'),
        table_scope_differs('later_table_scope', 'reference_table_scope'),
        ('reference_amounts > 1',
         "'the larger table prints this concept with several amounts for the period: which one is meant is not known'"),
        ('printed_under_another_label',
         "'one figure is printed in the other table under another label: the two labels name different scopes'"),
        ('one_label_footnoted',
         "'one label carries a footnote marker, the other none: the footnote may narrow what the figure covers (footnotes are not read)'"),
    ]) }}
from judged
