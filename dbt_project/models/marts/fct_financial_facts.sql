{#
  One row per printed figure of a financial table, mapped to a concept where the seed knows its label.

  Incremental, one document at a time: a build maps the figures of the documents it does not hold
  yet. Before it, `delete_outdated_facts` removes the documents extracted again since (their
  `extracted_at` changed) or forgotten, and every row when the mapping seeds or this model changed
  (`mapping_version`), so that adding one document to a large warehouse maps that document only.
#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='sync_all_columns',
        pre_hook="{{ delete_outdated_facts() }}",
    )
}}

with items as (
    select *, {{ normalize_label('label') }} as label_key
    from {{ ref('stg_line_items') }}
    {% if incremental_build() %}
    where document_id not in (select document_id from {{ this }})
    {% endif %}
),

concept_labels as (
    select distinct {{ normalize_label('label') }} as label_key, nullif(statement, '') as statement, concept
    from {{ ref('label_concepts') }}
),

exact_candidates as (
    select
        items.*,
        coalesce(scoped.concept, unscoped.concept) as exact_concept,
        row_number() over (
            partition by items.document_id, items.table_index, items.row_index, items.column_index
            order by scoped.concept nulls last, unscoped.concept
        ) as preference
    from items
    left join concept_labels as scoped
        on scoped.label_key = items.label_key and scoped.statement = items.statement
    left join concept_labels as unscoped
        on unscoped.label_key = items.label_key and unscoped.statement is null
),

exact as (
    select * from exact_candidates where preference = 1
),

{# A label that differs from a known one only by a typo or an accent is matched, and flagged as fuzzy. #}
fuzzy_candidates as (
    select
        exact.document_id, exact.table_index, exact.row_index, exact.column_index,
        concept_labels.concept as fuzzy_concept,
        row_number() over (
            partition by exact.document_id, exact.table_index, exact.row_index, exact.column_index
            order by {{ label_similarity('concept_labels.label_key', 'exact.label_key') }} desc, concept_labels.concept
        ) as preference
    from exact
    join concept_labels
        on (concept_labels.statement = exact.statement or concept_labels.statement is null)
        and {{ label_similarity('concept_labels.label_key', 'exact.label_key') }} >= 0.95
    where exact.exact_concept is null and exact.value_kind = 'amount' and length(exact.label_key) >= 6
),

fuzzy as (
    select document_id, table_index, row_index, column_index, fuzzy_concept from fuzzy_candidates where preference = 1
),

mapped as (
    select
        exact.*,
        case when exact.value_kind = 'amount' then coalesce(exact.exact_concept, fuzzy.fuzzy_concept) end as mapped_concept,
        case
            when exact.value_kind <> 'amount' then null
            when exact.exact_concept is not null then 'exact'
            when fuzzy.fuzzy_concept is not null then 'fuzzy'
        end as mapping_method
    from exact
    left join fuzzy
        on fuzzy.document_id = exact.document_id and fuzzy.table_index = exact.table_index
        and fuzzy.row_index = exact.row_index and fuzzy.column_index = exact.column_index
),

{# A net change in cash printed above the exchange-rate effect excludes it: a different concept. #}
positioned as (
    select
        mapped.*,
        case
            when mapped.mapped_concept = 'IncreaseDecreaseInCashAndCashEquivalents' and exists (
                select 1 from mapped as later
                where later.document_id = mapped.document_id
                  and later.table_index = mapped.table_index
                  and later.mapped_concept = 'EffectOfExchangeRateChangesOnCashAndCashEquivalents'
                  and later.row_index > mapped.row_index
            ) then 'IncreaseDecreaseInCashAndCashEquivalentsBeforeEffectOfExchangeRateChanges'
            else mapped.mapped_concept
        end as concept
    from mapped
),

documents as (
    select * from {{ ref('dim_documents') }}
)

select
    {{ dbt.hash(dbt.concat(['positioned.document_id', "'|'", 'positioned.table_index', "'|'", 'positioned.row_index', "'|'", 'positioned.column_index'])) }} as fact_id,
    positioned.document_id,
    documents.source_file,
    documents.issuer,
    positioned.statement,
    positioned.basis,
    positioned.concept,
    positioned.mapping_method,
    positioned.label,
    positioned.label_key,
    positioned.section,
    positioned.column_header,
    positioned.column_role,
    positioned.period_type,
    positioned.period_start,
    positioned.period_end,
    positioned.currency,
    positioned.reported_value,
    positioned.scale,
    positioned.reported_value * coalesce(positioned.scale, 1) as value,
    case
        when positioned.value_kind = 'percent' or positioned.scale is null then positioned.printed_decimals
        else positioned.printed_decimals - cast(round(log10(positioned.scale)) as integer)
    end as decimals,
    positioned.printed_decimals,
    positioned.value_kind,
    positioned.value_text,
    positioned.is_total,
    positioned.page,
    positioned.table_index,
    positioned.row_index,
    positioned.column_index,
    positioned.table_caption,
    positioned.unit_caption,
    positioned.x0,
    positioned.top,
    positioned.x1,
    positioned.bottom,
    documents.extracted_at,
    {{ mapping_version() }} as mapping_version
from positioned
join documents on documents.document_id = positioned.document_id
