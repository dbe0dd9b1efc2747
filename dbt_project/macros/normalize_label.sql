{#-
  The form in which printed labels are matched to the concept seed: lower case, no accents, typographic
  apostrophes folded; note references left at the end of a label (`B.11.`, `B.2. - B.3.`), unit notes
  such as `(en millions)` / `(in thousands)` and footnote markers such as `(1)`, `(a)`, `*` or a digit
  glued to the last word (`directs1`) removed; leading bullets and `dont` / `of which` / `less` / `total`
  removed; punctuation (apostrophes included) replaced by spaces; single spaces. Null stays null.
-#}
{% macro normalize_label(column) -%}
trim(regexp_replace(
    regexp_replace(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(
                        lower({{ unaccented("replace(replace(" ~ column ~ ", '’', ''''), 'œ', 'oe')") }}),
                        '(\s+[a-z]\.\d{1,2}\.?(\s*-\s*[a-z]\.\d{1,2}\.?)*)+\s*$', ''),
                    '\((en|in) (millions?|milliers|thousands?|milliards?|billions?|euros?|dollars?|usd|eur)[^)]*\)', ' ', 'g'),
                '\s*(\((\d{1,2}|[a-z])\)|\*+)', ' ', 'g'),
            '([a-z]{3})\d$', '\1'),
        '^\s*([-•–·]\s*)*((dont|of which|less|total|sous-total|subtotal)\s*:?\s+)?', ''),
    '[^a-z0-9%]+', ' ', 'g'))
{%- endmacro %}


{#-
  What is left of a normalised label once the differences a text layer makes without changing the words
  are dropped: the letter pairs `fi` / `fl` / `ff` that fonts print as ligatures and text layers lose
  (`bene ts` for `benefits`), and spaces (`In struments`, `Noncurrent` / `Non-current`). Two labels with the
  same skeleton are the same words; the fuzzy mapping rule compares skeletons, never similarity scores
  (a score cannot tell `… at beginning of period` from `… at end of period`).
-#}
{% macro label_skeleton(label_key) -%}
replace(regexp_replace({{ label_key }}, 'f[fil]', '', 'g'), ' ', '')
{%- endmacro %}
