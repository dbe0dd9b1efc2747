{#
  The seed label_concepts in the form printed rows are matched in: the label normalised as rows' labels
  are (macro normalize_label) without the trailing `*` of a prefix label, empty scopes as nulls, and the
  label's skeleton (macro label_skeleton). A prefix label has no skeleton: it matches by its leading words
  only (int_row_label_candidates), never by skeleton (the fuzzy rule, and the section headings that
  int_row_unlabelled_totals names).
#}
with seed_labels as (
    select
        label,
        {{ normalize_label("rtrim(label, '*')") }} as label_key,
        label like '%*' as is_prefix,
        nullif(statement, '') as statement,
        nullif(position, '') as position,
        nullif(issuer, '') as issuer,
        nullif(member, '') as member,
        concept
    from {{ ref('label_concepts') }}
)

select
    *,
    case when not is_prefix then {{ label_skeleton('label_key') }} end as label_skeleton
from seed_labels
