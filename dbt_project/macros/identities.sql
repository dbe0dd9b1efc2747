{#-
  Rounding after XBRL Calculations 1.1: a figure printed with d decimals stands for value ± ½·10^-d
  (in its printed scale). The one place this bound is written: every check and mapping rule that allows
  for rounding uses these two macros.
-#}
{% macro half_unit_of_decimals(printed_decimals) -%}
0.5 * power(10, -{{ printed_decimals }})
{%- endmacro %}

{#- The same for a printed cell: a nil cell (`-`, no reported value) is exactly zero. -#}
{% macro half_unit(reported_value, printed_decimals) -%}
case when {{ reported_value }} is null then 0 else {{ half_unit_of_decimals(printed_decimals) }} end
{%- endmacro %}

{#- The pages an identity's figures are printed on, once each and in order: `9, 10`. -#}
{% macro page_list(pages) -%}
array_to_string({{ sorted_distinct(pages) }}, ', ')
{%- endmacro %}

{#- The columns every identity check model returns, in this order (see identity_results). fact_ids: the
    figures the identity involves, the checked one first, so that a report can outline them on the page.
    weights: for a sum (calculations, table totals), aligned with fact_ids: 1 for the checked figure, then the
    weight of each figure in the sum it must equal (-1 for a cost subtracted); null for other checks. -#}
{% macro identity_columns() -%}
document_id, check_name, statement, basis, table_index, column_index, period_start, period_end,
expected, actual, tolerance, scale, currency, pages, description, fact_ids, weights, conclusive, inconclusive_reason
{%- endmacro %}

{#- The weights of a check that is not a sum. -#}
{% macro no_weights() -%}
cast(null as {{ dbt.type_int() }}[])
{%- endmacro %}

{#-
  A check reports `fail` only when it is sure its figures are the same thing; otherwise a mismatch is
  `inconclusive`, with the reason. `reasons` is a list of (condition, reason) pairs, each condition true
  when that doubt applies: the check is conclusive when none applies, and the reason is the first that
  does. Returns the two columns `conclusive, inconclusive_reason`.
-#}
{% macro conclusiveness(reasons) -%}
{%- if reasons -%}
{%- for condition, _ in reasons %}not coalesce({{ condition }}, false){% if not loop.last %} and {% endif %}{% endfor %} as conclusive,
case
{%- for condition, reason in reasons %}
    when coalesce({{ condition }}, false) then {{ reason }}
{%- endfor %}
end as inconclusive_reason
{%- else -%}
true as conclusive, cast(null as {{ dbt.type_string() }}) as inconclusive_reason
{%- endif -%}
{%- endmacro %}

{#- The doubt every check shares: a figure whose column has no period read from its header (the header
    was not understood, so neither is the table). -#}
{% macro period_unknown(period_end) -%}
({{ period_end }} is null)
{%- endmacro %}

{% macro period_unknown_reason() -%}
'no period read for the column (its header was not understood, nor perhaps its rows)'
{%- endmacro %}

{#-
  The scope a label names, when it names one: the words that make two figures of one concept different
  things (continuing operations or the total, cash with restricted cash, cash of assets held for sale or
  net of bank overdrafts, one segment). `label_key` is a normalised label (lower case, no accents, words
  separated by single spaces). Two figures compared across tables are the same thing only when their
  labels name the same scopes: the result is comparable text ('' when the label names none).
-#}
{% macro label_scope(label_key) -%}
concat_ws(', ',
    case when {{ label_matches(label_key, '(^| )(continuing|poursuivies|maintenues)( |$)') }} then 'continuing operations' end,
    case when {{ label_matches(label_key, '(^| )(discontinued|abandonnees|arretees)( |$)') }} then 'discontinued operations' end,
    case when {{ label_matches(label_key, '(^| )restrict') }} then 'restricted cash' end,
    case when {{ label_matches(label_key, 'held for sale|en vue de la vente|destines a etre cedes') }} then 'held for sale' end,
    case when {{ label_matches(label_key, 'overdraft|decouvert|concours bancaires') }} then 'bank overdrafts' end,
    case when {{ label_matches(label_key, '(^| )(segments?|secteurs?)( |$)') }} then 'a segment' end
)
{%- endmacro %}

{#- An identity instance is one check on given figures: its id is made of its grain (document, check and the
    figures it involves, the checked one first), so that two rows with one id are the same check computed
    twice, which the test identity_instances_are_unique finds on every check model. -#}
{% macro identity_check_id() -%}
{{ dbt.hash("document_id || '|' || check_name || '|' || array_to_string(fact_ids, ',')") }}
{%- endmacro %}

{#-
  Two figures of one identity printed in different scales (millions in one table, thousands in
  another): expected, actual and tolerance are expressed in the scale of the checked figure.
-#}
{% macro compare_across_scales(reference, checked, amount='amount') -%}
{{ reference }}.{{ amount }} * coalesce({{ reference }}.scale, 1) / coalesce({{ checked }}.scale, 1) as expected,
{{ checked }}.{{ amount }} as actual,
({{ reference }}.half_unit * coalesce({{ reference }}.scale, 1) + {{ checked }}.half_unit * coalesce({{ checked }}.scale, 1)) / coalesce({{ checked }}.scale, 1) as tolerance
{%- endmacro %}

{#-
  Table totals (int_identity__table_totals): the rows whose figure equals the sum of one of `runs`
  (a table of runs of rows ending just above a target row) and meets `condition` on `total`, each with
  the longest run it closes.
-#}
{% macro rows_closing_a_run(runs, condition) -%}
select document_id, table_index, column_index, row_index, start_row from (
    select
        run.document_id, run.table_index, run.column_index, run.target_row as row_index, run.start_row,
        row_number() over (partition by run.document_id, run.table_index, run.column_index, run.target_row order by run.run_length desc, run.start_row) as rank_of_run
    from {{ runs }} as run
    join cells as total
        on total.document_id = run.document_id and total.table_index = run.table_index
        and total.column_index = run.column_index and total.row_index = run.target_row
    where abs(total.amount - run.run_sum) <= total.half_unit + run.run_half_units
      and {{ condition }}
) as ranked
where rank_of_run = 1
{%- endmacro %}

{#-
  Table totals, reading 2 (int_identity__table_totals): for each total row and each start row above
  it, the sum of the rows that no subtotal between the start and the total closes, at least one of
  them a subtotal. `subtotals` holds (row_index, start_row) of rows known to close a run.
-#}
{% macro table_total_rollups(subtotals) -%}
select
    total.document_id, total.table_index, total.column_index, total.row_index as target_row,
    run_start.row_index as start_row,
    sum(member.amount) as run_sum,
    sum(member.half_unit) as run_half_units,
    count(*) as run_length,
    array_agg(member.page) as run_pages,
    array_agg(member.fact_id order by member.row_index) as run_fact_ids,
    array_agg(1 order by member.row_index) as run_weights
from cells as total
join cells as run_start
    on run_start.document_id = total.document_id and run_start.table_index = total.table_index
    and run_start.column_index = total.column_index and run_start.row_index < total.row_index
join cells as member
    on member.document_id = total.document_id and member.table_index = total.table_index
    and member.column_index = total.column_index
    and member.row_index >= run_start.row_index and member.row_index < total.row_index
left join {{ subtotals }} as own
    on own.document_id = member.document_id and own.table_index = member.table_index
    and own.column_index = member.column_index and own.row_index = member.row_index
where total.is_total
  and not exists (
      select 1 from {{ subtotals }} as closing
      where closing.document_id = member.document_id and closing.table_index = member.table_index
        and closing.column_index = member.column_index
        and closing.row_index > member.row_index and closing.row_index < total.row_index
        and closing.start_row <= member.row_index and closing.start_row >= run_start.row_index
  )
group by total.document_id, total.table_index, total.column_index, total.row_index, run_start.row_index
{# At least one subtotal, and none whose own rows the start row cuts through (that would count them twice). #}
having count(*) >= 2 and {{ dbt.bool_or('own.row_index is not null') }} and bool_and(own.row_index is null or own.start_row >= run_start.row_index)
{%- endmacro %}

{#- Two figures whose labels name different scopes (label_scope of each): the doubt and its reason, for
    conclusiveness(). -#}
{% macro scope_differs(checked_scope, reference_scope) -%}
{{ return((checked_scope ~ ' <> ' ~ reference_scope,
           "'the labels name different scopes (' || coalesce(nullif(" ~ checked_scope ~ ", ''), 'none named') || ' vs '
            || coalesce(nullif(" ~ reference_scope ~ ", ''), 'none named') || ')'")) }}
{%- endmacro %}

{#- A condition and its reason for a conclusiveness list: one of two tables presents a segment of the
    reporting entity (its heading names one, extract/context.py classify_scope), the other does not, so
    the two figures need not be the same. Tables read before the scope was read (null) are compared. -#}
{% macro table_scope_differs(checked_scope, reference_scope) -%}
{{ return(("'segment' in (" ~ checked_scope ~ ", " ~ reference_scope ~ ") and " ~ checked_scope ~ " is distinct from " ~ reference_scope,
           "'one table presents a segment (its heading names one), the other the whole reporting entity'")) }}
{%- endmacro %}

{#- An amount as compared between two presentations of one figure: costs and expenses (normal sign
    negative) by size, since one table prints them negative, another positive; other figures with their sign. -#}
{% macro compared_amount(amount, normal_sign) -%}
case when {{ normal_sign }} = -1 then abs({{ amount }}) else {{ amount }} end
{%- endmacro %}
