{#
  The position (current / non-current) of each balance-sheet row, for the seed labels scoped to a position
  (Brookfield's current and non-current `Provisions`): int_row_concepts keeps such a label only where the
  row's position is the label's.

  A current or non-current subtotal is in the position it closes. Another row's position comes from its section heading, unless the row comes after the total that closed that
  section; else from the nearest subtotal below it (a current-assets subtotal closes current rows); else
  from the nearest subtotal above it (rows after the current-assets subtotal are non-current). Rows under an
  equity heading have no position. What a subtotal closes is read from the concept the row has before
  positions are known: the first pass of the label rules (int_row_label_candidates.is_first_pass), else an
  unlabelled total's (int_row_unlabelled_totals).
#}
with table_rows as (
    select * from {{ ref('int_table_rows') }}
),

first_pass as (
    select document_id, table_index, row_index, concept
    from {{ ref('int_row_label_candidates') }}
    where is_first_pass
),

unlabelled_totals as (
    select * from {{ ref('int_row_unlabelled_totals') }}
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
    from table_rows as rows
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
)

select
    document_id,
    table_index,
    row_index,
    case
        when section_position = 'equity' then null
        {# A subtotal is in the position it closes (the nearest subtotal is looked for on other rows). #}
        when closes in ('current', 'noncurrent') then closes
        when section_position is not null and earlier_section_totals = 0 then section_position
        else coalesce(
            case closes_below_code when {{ closes_codes['current'] }} then 'current' when {{ closes_codes['noncurrent'] }} then 'noncurrent' end,
            case closes_above_code when {{ closes_codes['current'] }} then 'noncurrent' when {{ closes_codes['noncurrent'] }} then 'current' end
        )
    end as position
from nearest_subtotals
