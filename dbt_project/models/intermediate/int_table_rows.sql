{#
  One row per printed row of each table (the grain of int_row_concepts), with what the concept rules
  match on: the row's normalised label (macro normalize_label), its section heading, the two together
  (for the seed labels written `Heading / Label`), the skeletons of label and heading (macro
  label_skeleton: the fuzzy rule and the naming of sections compare them), the document's issuer (seed
  labels scoped to an issuer) and the row's amounts in one string (an unlabelled total repeats a row when
  the strings are equal). The rules themselves are in the models that read this one: int_row_label_candidates,
  int_row_unlabelled_totals, int_balance_sheet_positions and int_row_concepts.
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

{#
  repeat_number numbers the rows of a table printed with the same label under the same heading (1 for the
  first): int_row_concepts gives a label printed again the concept of its first row only.
#}
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
)

select
    *,
    {{ label_skeleton('label_key') }} as label_skeleton,
    {{ label_skeleton('section_key') }} as section_skeleton
from keyed_rows
