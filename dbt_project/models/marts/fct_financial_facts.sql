{#
  One row per printed figure of a financial table, with the concept of its row (int_row_concepts).
  Incremental, one document at a time: see macros/incremental_facts.sql. A quarantined document's figures
  are held out (and deleted by the pre-hook): everything built on the facts leaves it out too.
#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='sync_all_columns',
        pre_hook={'sql': "{{ delete_outdated_facts() }}", 'transaction': false},
    )
}}
{%- set documents = documents_to_map() %}

with items as (
    select * from {{ ref('stg_line_items') }}
    where true {{ only_documents_to_map('document_id', documents) }}
),

row_concepts as (
    select * from {{ ref('int_row_concepts') }}
    where true {{ only_documents_to_map('document_id', documents) }}
),

concepts as (
    select concept, value_type from {{ ref('concepts') }}
),

{# Amounts carry their row's concept; percentages only a concept that is a percentage (organic growth). #}
mapped as (
    select
        items.*,
        row_concepts.label_key,
        row_concepts.balance_sheet_position,
        case when keep.concept is not null then row_concepts.concept end as mapped_concept,
        case when keep.concept is not null then row_concepts.member end as member,
        case when keep.concept is not null then row_concepts.mapping_method end as mapping_method
    from items
    join row_concepts using (document_id, table_index, row_index)
    left join concepts as keep
        on keep.concept = row_concepts.concept
        and items.column_role = 'value'
        and (items.value_kind = 'amount') = (keep.value_type <> 'percent')
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

periods as (
    select document_id, period_id, period_type, period_start, period_end from {{ ref('int_document_periods') }}
    where true {{ only_documents_to_map('document_id', documents) }}
),

documents as (
    select document_id, source_file, issuer, extracted_at from {{ ref('dim_documents') }}
    where extraction_status <> 'quarantined'
)

select
    {{ dbt.hash(dbt.concat(['positioned.document_id', "'|'", 'positioned.table_index', "'|'", 'positioned.row_index', "'|'", 'positioned.column_index'])) }} as fact_id,
    positioned.document_id,
    documents.source_file,
    documents.issuer,
    positioned.statement,
    positioned.basis,
    positioned.concept,
    positioned.member,
    positioned.mapping_method,
    positioned.label,
    positioned.label_key,
    positioned.section,
    positioned.balance_sheet_position,
    positioned.column_header,
    positioned.column_role,
    periods.period_id,
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
    positioned.table_scope,
    positioned.unit_caption,
    positioned.x0,
    positioned.top,
    positioned.x1,
    positioned.bottom,
    positioned.source,
    positioned.ocr_confidence,
    documents.extracted_at,
    {{ mapping_version() }} as mapping_version
from positioned
join documents using (document_id)
left join periods
    on periods.document_id = positioned.document_id
    and periods.period_type = positioned.period_type
    and periods.period_start is not distinct from positioned.period_start
    and periods.period_end = positioned.period_end
