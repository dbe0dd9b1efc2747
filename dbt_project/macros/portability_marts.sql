{#-
  Small SQL helpers of the concept mapping, the periods and the wide statements that read the same on
  every adapter: they expand to standard SQL (LIKE, EXTRACT, make_date) that DuckDB and Postgres both
  run, so none of them needs an adapter-specific version (macros/portability.sql holds those).
-#}

{#-
  True when `text` contains one of `words` (plain words, no LIKE wildcards): the portable form of a
  regular-expression alternation such as `regexp_matches(text, '(equity|capitaux propres)')`.
-#}
{% macro contains_any_of(text, words) -%}
({% for word in words %}{{ text }} like '%{{ word }}%'{% if not loop.last %} or {% endif %}{% endfor %})
{%- endmacro %}

{#- A calendar part (`year`, `month`, `day`) of a date or timestamp as a bigint (DuckDB's `year()`; Postgres's extract is numeric). -#}
{% macro calendar_part(part, date) -%}
{{ dbt.cast("extract(" ~ part ~ " from " ~ date ~ ")", dbt.type_bigint()) }}
{%- endmacro %}

{#- The last day of a month given by its year and month number (Postgres's make_date takes integers only). -#}
{% macro month_end(year, month) -%}
{{ dbt.last_day("make_date(" ~ dbt.cast(year, dbt.type_int()) ~ ", " ~ dbt.cast(month, dbt.type_int()) ~ ", 1)", 'month') }}
{%- endmacro %}
