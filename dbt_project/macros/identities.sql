{#-
  Rounding after XBRL Calculations 1.1: a figure printed with d decimals stands for value ± ½·10^-d
  (in its printed scale). A nil cell (`-`) is exactly zero.
-#}
{% macro half_unit(reported_value, printed_decimals) -%}
case when {{ reported_value }} is null then 0 else 0.5 * power(10, -{{ printed_decimals }}) end
{%- endmacro %}

{#- The columns every identity check model returns, in this order (see identity_results). -#}
{% macro identity_columns() -%}
document_id, check_name, statement, basis, table_index, column_index, period_start, period_end,
expected, actual, tolerance, scale, currency, pages, description
{%- endmacro %}

{#-
  Two figures of one identity printed in different scales (millions in one table, thousands in
  another): expected, actual and tolerance are expressed in the scale of the checked figure.
-#}
{% macro compare_across_scales(reference, checked) -%}
{{ reference }}.amount * coalesce({{ reference }}.scale, 1) / coalesce({{ checked }}.scale, 1) as expected,
{{ checked }}.amount as actual,
({{ reference }}.half_unit * coalesce({{ reference }}.scale, 1) + {{ checked }}.half_unit * coalesce({{ checked }}.scale, 1)) / coalesce({{ checked }}.scale, 1) as tolerance
{%- endmacro %}
