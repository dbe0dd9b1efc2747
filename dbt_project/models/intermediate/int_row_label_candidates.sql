{#
  Every seed label (int_label_concepts) a printed row's label matches, one row per row and seed label, by
  the label rules:
    exact   the row's normalised label, or its section heading followed by its label, equals a seed label;
    prefix  the label starts with the words of a seed label written with a trailing `*`;
    fuzzy   the label's skeleton (no spaces, no fi/fl/ff lost with ligatures) equals a seed label's
            skeleton (and the label itself is not the seed label, which the exact rule finds).
  A seed label scoped to a statement or an issuer is kept only for rows of that statement or issuer; one
  scoped to a balance-sheet position is kept here, and int_row_concepts keeps it only where the row's
  position (int_balance_sheet_positions) is that one.

  Each candidate carries what ranks it (method_rank, specificity, seed_length): the exact rule before
  prefix before fuzzy; then the most specific scope, heading + label (8), issuer (4), balance-sheet
  position (2), statement (1); then the longest seed label.

  is_first_pass marks the row's best candidate among those not scoped to a position: the first pass, which
  names the subtotals that positions are read from (int_balance_sheet_positions) and the mapped rows that
  unlabelled totals repeat or must not duplicate (int_row_unlabelled_totals). The final choice, with
  positions and repeated labels, is int_row_concepts'.
#}
with table_rows as (
    select * from {{ ref('int_table_rows') }}
),

seed_labels as (
    select * from {{ ref('int_label_concepts') }}
),

{# Every seed label a row matches, by any rule; the statement and issuer scopes are checked below. #}
{% set matched_columns -%}
rows.document_id, rows.table_index, rows.row_index, rows.statement as row_statement, rows.issuer as row_issuer,
seed.label_key, seed.statement as statement_scope, seed.issuer as issuer_scope, seed.position, seed.member, seed.concept
{%- endset %}
matched as (
    select {{ matched_columns }}, 'exact' as mapping_method, false as by_heading
    from table_rows as rows join seed_labels as seed on seed.label_key = rows.label_key and not seed.is_prefix
    union all
    select {{ matched_columns }}, 'exact', true
    from table_rows as rows join seed_labels as seed on seed.label_key = rows.heading_label_key and not seed.is_prefix
    union all
    select {{ matched_columns }}, 'prefix', false
    from table_rows as rows join seed_labels as seed
        on seed.is_prefix and (rows.label_key = seed.label_key or starts_with(rows.label_key, seed.label_key || ' '))
    union all
    {# prefix seed labels have no skeleton (int_label_concepts); unlabelled rows have nothing to compare #}
    select {{ matched_columns }}, 'fuzzy', false
    from table_rows as rows join seed_labels as seed
        on seed.label_skeleton = rows.label_skeleton and seed.label_key <> rows.label_key
    where rows.label_key <> ''
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
)

{# First pass, without position-scoped labels: the subtotals that positions are read from. #}
select
    *,
    row_number() over (
        partition by document_id, table_index, row_index
        order by method_rank, specificity desc, seed_length desc, concept
    ) = 1 as is_first_pass
from candidates
where position is null
union all
select *, false as is_first_pass
from candidates
where position is not null
