{#
  One concept per printed row of a financial table (every figure of the row carries it), from the seeds
  label_concepts and concepts. Rules, in order of preference:
    exact          the row's normalised label, or its section heading followed by its label, equals a seed label;
    prefix         the label starts with the words of a seed label written with a trailing `*`;
    fuzzy          the label's skeleton (macro label_skeleton: no spaces, no fi/fl/ff lost with ligatures)
                   equals a seed label's skeleton;
    section_total  an unlabelled total that adds up the rows of the section it closes, when the section's
                   heading is a seed label of a concept marked section_total in concepts.csv (`Actifs
                   courants` … 4 610 → CurrentAssets), unless a labelled row of the table carries that concept;
    repeated_total an unlabelled total that repeats, figure by figure, a mapped row of its table.
  Among the seed labels a rule finds, the most specific scope wins: heading + label (8), issuer (4),
  balance-sheet position (2), statement (1); then the longest seed label.

  A seed label scoped to a balance-sheet position applies where the row's position (current / non-current,
  from its heading or the subtotals around it) is that one.

  Each rule is written once, in the model that holds it: the rows and their keys in int_table_rows, the
  seed labels in int_label_concepts, the exact, prefix and fuzzy rules with their scopes and ranks in
  int_row_label_candidates, section_total and repeated_total in int_row_unlabelled_totals, the positions
  in int_balance_sheet_positions. This model makes the final choice: the best label candidate whose
  position fits, a repeated label's first row only, else the unlabelled total's concept.
#}

{#
  A label printed again under the same heading of one table repeats the words in another block (the
  per-share lines of a reconciliation after its amounts, the tax line of each item of other comprehensive
  income): only its first row takes the concept, unless the seed label is scoped by position
  (Brookfield's current and non-current `Provisions`).
#}
with final_choice as (
    select document_id, table_index, row_index, concept, member, mapping_method
    from (
        select
            candidates.*,
            row_number() over (
                partition by candidates.document_id, candidates.table_index, candidates.row_index
                order by candidates.method_rank, candidates.specificity desc, candidates.seed_length desc, candidates.concept
            ) as choice
        from {{ ref('int_row_label_candidates') }} as candidates
        join {{ ref('int_table_rows') }} as rows using (document_id, table_index, row_index)
        left join {{ ref('int_balance_sheet_positions') }} as positions using (document_id, table_index, row_index)
        where (candidates.position is null and rows.repeat_number = 1) or candidates.position = positions.position
    ) as ranked
    where choice = 1
)

select
    rows.document_id,
    rows.table_index,
    rows.row_index,
    rows.label_key,
    positions.position as balance_sheet_position,
    coalesce(final_choice.concept, unlabelled_totals.concept) as concept,
    coalesce(final_choice.member, unlabelled_totals.member) as member,
    coalesce(final_choice.mapping_method, unlabelled_totals.mapping_method) as mapping_method
from {{ ref('int_table_rows') }} as rows
left join final_choice using (document_id, table_index, row_index)
left join {{ ref('int_row_unlabelled_totals') }} as unlabelled_totals using (document_id, table_index, row_index)
left join {{ ref('int_balance_sheet_positions') }} as positions using (document_id, table_index, row_index)
