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
