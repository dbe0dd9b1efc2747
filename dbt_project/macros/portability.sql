{#-
  The few functions the models need that no dbt cross-database macro covers (`dbt.listagg`,
  `dbt.hash`, `dbt.concat`, `dbt.position`, `dbt.cast`... cover the rest). Each dispatches on the
  adapter: DuckDB (and MotherDuck) is the default; Postgres is given its equivalent. Another adapter
  needs its own `<adapter>__` version here, nowhere else.
-#}

{#- Accents removed: `Écarts` → `Ecarts`. Postgres needs the `unaccent` extension (contrib). -#}
{% macro unaccented(text) -%}
{{ return(adapter.dispatch('unaccented', 'ledgerline')(text)) }}
{%- endmacro %}

{% macro default__unaccented(text) -%}
strip_accents({{ text }})
{%- endmacro %}

{% macro postgres__unaccented(text) -%}
unaccent({{ text }})
{%- endmacro %}

{#- True when `text` contains a match of the regular expression `pattern` (written for both dialects:
    no `\b`, no look-around). -#}
{% macro label_matches(text, pattern) -%}
{{ return(adapter.dispatch('label_matches', 'ledgerline')(text, pattern)) }}
{%- endmacro %}

{% macro default__label_matches(text, pattern) -%}
regexp_matches({{ text }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__label_matches(text, pattern) -%}
({{ text }} ~ '{{ pattern }}')
{%- endmacro %}

{#- True when `text` (a label key: lower case, unaccented) starts with one of `words` as whole words:
    the regular-expression dialects differ on `\b`, so the boundary is spelled out. -#}
{% macro starts_with_words(text, words) -%}
{{ label_matches(text, '^(' ~ words | join('|') ~ ')([^a-z0-9_]|$)') }}
{%- endmacro %}

{#- The elements of an array, each once, in ascending order (nulls dropped). Postgres has no array
    function for it: the array is unnested and aggregated again. -#}
{% macro sorted_distinct(array) -%}
{{ return(adapter.dispatch('sorted_distinct', 'ledgerline')(array)) }}
{%- endmacro %}

{% macro default__sorted_distinct(array) -%}
list_sort(list_distinct({{ array }}))
{%- endmacro %}

{% macro postgres__sorted_distinct(array) -%}
array(select distinct element from unnest({{ array }}) as element where element is not null order by element)
{%- endmacro %}

{#-
  An amount written into a description, as the checks have always written it (DuckDB's `format('{}')`
  of the value as a double: `8.0`, `-10.2`, `375.0`). Postgres writes a double without the `.0` of a
  whole number: it is added, so that a description, and the check_id hashed from it, is the same on both.
-#}
{% macro amount_text(amount) -%}
{{ return(adapter.dispatch('amount_text', 'ledgerline')(amount)) }}
{%- endmacro %}

{% macro default__amount_text(amount) -%}
cast(cast({{ amount }} as double) as varchar)
{%- endmacro %}

{% macro postgres__amount_text(amount) -%}
case when {{ amount }} = trunc({{ amount }}) then cast(trunc({{ amount }}) as text) || '.0'
     else cast(cast({{ amount }} as double precision) as text) end
{%- endmacro %}

{#- A number rounded to `digits` decimals. Postgres rounds only numerics to a number of decimals, not
    doubles: the value is cast to numeric there (DuckDB keeps its type, as it always has). -#}
{% macro rounded(number, digits) -%}
{{ return(adapter.dispatch('rounded', 'ledgerline')(number, digits)) }}
{%- endmacro %}

{% macro default__rounded(number, digits) -%}
round({{ number }}, {{ digits }})
{%- endmacro %}

{% macro postgres__rounded(number, digits) -%}
round(cast({{ number }} as numeric), {{ digits }})
{%- endmacro %}

{#- Text ordered by its bytes, as DuckDB orders it, whatever the database's collation (a Postgres
    database created with `en_US.UTF-8` sorts `Profit (loss)` after `Profit attributable`): ties
    broken on text pick the same row on every adapter. -#}
{% macro in_binary_order(text) -%}
{{ return(adapter.dispatch('in_binary_order', 'ledgerline')(text)) }}
{%- endmacro %}

{% macro default__in_binary_order(text) -%}
{{ text }}
{%- endmacro %}

{% macro postgres__in_binary_order(text) -%}
{{ text }} collate "C"
{%- endmacro %}
