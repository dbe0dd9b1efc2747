{# One row per input document, extracted or not, with the issuer and the periods it covers. #}
with documents as (
    select * from {{ ref('stg_documents') }}
),

files as (
    select
        document_id,
        {{ dbt.listagg('file_name', "', '", 'order by file_name') }} as file_names,
        count(*) as file_count
    from {{ ref('stg_document_files') }}
    group by document_id
),

{# The longest issuer pattern found in the title or the file name names the issuer. #}
issuer_candidates as (
    select
        documents.document_id,
        issuers.issuer,
        row_number() over (partition by documents.document_id order by length(issuers.match_pattern) desc) as preference
    from documents
    join {{ ref('issuers') }} as issuers
        on {{ dbt.position('lower(issuers.match_pattern)', "lower(" ~ dbt.concat(["coalesce(documents.title, '')", "' '", "documents.source_file"]) ~ ")") }} > 0
),

issuer_match as (
    select document_id, issuer from issuer_candidates where preference = 1
),

periods as (
    select
        document_id,
        min(period_end) as first_period_end,
        max(period_end) as last_period_end,
        count(distinct period_end) as period_count
    from {{ ref('stg_line_items') }}
    where period_end is not null
    group by document_id
),

statements as (
    select document_id, {{ dbt.listagg('statement', "', '", 'order by statement') }} as statements_found
    from (select distinct document_id, statement from {{ ref('stg_tables') }}) as distinct_statements
    group by document_id
),

issues as (
    select document_id, count(*) as page_issue_count
    from {{ ref('stg_page_issues') }}
    group by document_id
)

select
    documents.document_id,
    documents.source_file,
    coalesce(files.file_names, documents.source_file) as file_names,
    coalesce(issuer_match.issuer, regexp_replace(documents.source_file, '(_.*)?\.pdf$', '')) as issuer,
    documents.language,
    documents.pages,
    documents.size_bytes,
    documents.extraction_status,
    documents.extraction_error,
    documents.table_count,
    documents.line_item_count,
    statements.statements_found,
    periods.first_period_end,
    periods.last_period_end,
    coalesce(periods.period_count, 0) as period_count,
    coalesce(issues.page_issue_count, 0) as page_issue_count,
    documents.extracted_at,
    documents.extractor_version
from documents
left join files on files.document_id = documents.document_id
left join issuer_match on issuer_match.document_id = documents.document_id
left join periods on periods.document_id = documents.document_id
left join statements on statements.document_id = documents.document_id
left join issues on issues.document_id = documents.document_id
