{#
  Check 7: the closing cash of one period is the opening cash of the next, within a document and
  between documents of the same issuer. A mismatch is a failure only when both figures have the same
  scope: labels naming the same scopes, and no cash reclassified as held for sale in either table (a
  year's closing cash without it, the next year's opening cash with it, is a presentation, not an error);
  and only within one document: between two documents, the later may restate the earlier's figures.
#}
with closing as (
    select * from {{ ref('int_checkable_facts') }}
    where concept = 'CashAndCashEquivalentsAtEndOfPeriod'
),

opening as (
    select * from {{ ref('int_checkable_facts') }}
    where concept = 'CashAndCashEquivalentsAtBeginningOfPeriod' and period_start is not null
),

matched as (
    select
        opening.document_id,
        'cash_continuity' as check_name,
        opening.statement, opening.basis, opening.table_index, opening.column_index, opening.period_start, opening.period_end,
        {{ compare_across_scales('closing', 'opening') }},
        opening.scale, opening.currency,
        {{ page_list(dbt.array_construct(['closing.page', 'opening.page'])) }} as pages,
        'opening cash of the period starting ' || {{ dbt.cast('opening.period_start', dbt.type_string()) }}
            || ' = closing cash at ' || {{ dbt.cast('closing.period_end', dbt.type_string()) }}
            || ' (' || case when closing.document_id = opening.document_id then 'same document' else 'document ' || left(closing.document_id, 12) end
            || ')' as description,
        {{ dbt.array_construct(['opening.fact_id', 'closing.fact_id']) }} as fact_ids,
        {{ no_weights() }} as weights,
        {{ conclusiveness([
            scope_differs('opening.label_scope', 'closing.label_scope'),
            ('opening.reclassifies_cash_held_for_sale or closing.reclassifies_cash_held_for_sale',
             "'the cash-flow statement reclassifies cash as held for sale: an opening and a closing cash may be measured with and without it'"),
            ('closing.document_id <> opening.document_id',
             "'the closing cash is another document''s: a later publication may restate it (a disposal group, a change of accounting policy)'"),
        ]) }},
        row_number() over (
            partition by opening.document_id, opening.table_index, opening.column_index
            order by (closing.document_id = opening.document_id) desc, closing.table_index,
                     closing.document_id, closing.row_index, closing.column_index  {# the same pick in every build #}
        ) as rank_of_closing
    from opening
    join closing
        on closing.issuer = opening.issuer
        and closing.period_end = {{ dbt.dateadd('day', -1, 'opening.period_start') }}
        and (closing.basis = 'adjusted') = (opening.basis = 'adjusted')
)

select {{ identity_columns() }}
from matched
where rank_of_closing = 1
