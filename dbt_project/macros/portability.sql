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

{#-
  Jaro-Winkler similarity of two labels, 0 to 1 (fuzzy label mapping). Postgres has no built-in
  Jaro-Winkler: there only identical labels match, so a typo leaves a label unmapped (and listed in
  unmapped_labels) rather than mapped by another measure of similarity.
-#}
{% macro label_similarity(left, right) -%}
{{ return(adapter.dispatch('label_similarity', 'ledgerline')(left, right)) }}
{%- endmacro %}

{% macro default__label_similarity(left, right) -%}
jaro_winkler_similarity({{ left }}, {{ right }})
{%- endmacro %}

{% macro postgres__label_similarity(left, right) -%}
case when {{ left }} = {{ right }} then 1.0 else 0.0 end
{%- endmacro %}

{#- True when `text` starts with one of `words` as whole words (regular-expression dialects differ on `\b`). -#}
{% macro starts_with_words(text, words) -%}
{{ return(adapter.dispatch('starts_with_words', 'ledgerline')(text, words)) }}
{%- endmacro %}

{% macro default__starts_with_words(text, words) -%}
regexp_matches({{ text }}, '^({{ words | join("|") }})\b')
{%- endmacro %}

{% macro postgres__starts_with_words(text, words) -%}
({{ text }} ~ '^({{ words | join("|") }})\y')
{%- endmacro %}
