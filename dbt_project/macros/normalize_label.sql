{#-
  The form in which printed labels are matched to the concept seed: lower case, no accents, typographic
  apostrophes folded, footnote markers such as `(1)`, `(a)`, `*` removed, leading `dont` / `of which` /
  `total` / bullets removed, punctuation replaced by spaces, single spaces.
-#}
{% macro normalize_label(column) -%}
trim(regexp_replace(
    regexp_replace(
        regexp_replace(
            regexp_replace(
                lower({{ unaccented("replace(replace(" ~ column ~ ", '’', ''''), 'œ', 'oe')") }}),
                '\s*(\((\d{1,2}|[a-z])\)|\*+|\d$)', ' ', 'g'),
            '^\s*([-•–·]\s*)*((dont|of which|total|sous-total|subtotal)\s*:?\s+)?', ''),
        '[^a-z0-9%'']+', ' ', 'g'),
    '\s+', ' ', 'g'))
{%- endmacro %}
