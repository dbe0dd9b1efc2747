{#- A company name compared without case, accents, spaces or punctuation: `BROOKFIELD RENEWABLE PARTNERS L.P.`. -#}
{% macro squashed_name(column) -%}
lower(regexp_replace({{ unaccented(column) }}, '[^A-Za-z0-9]', '', 'g'))
{%- endmacro %}
