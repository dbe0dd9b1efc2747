{# One row per input document, extracted or not, with its issuer and the periods it covers. #}
with documents as (
    select * from {{ ref('stg_documents') }}
),

files as (
    select document_id, {{ dbt.listagg('file_name', "', '", 'order by file_name') }} as file_names, count(*) as file_count
    from {{ ref('stg_document_files') }}
    group by document_id
),

issuers as (
    select * from {{ ref('int_document_issuers') }}
),

main_periods as (
    select * from {{ ref('int_document_periods') }} where is_main_period
),

{# The period a release reports on: the shortest period ending on its latest date (Q4 beside FY). #}
reporting_periods as (
    select document_id, reporting_period, fiscal_period, fiscal_year, period_end
    from (
        select
            document_id, period_label as reporting_period, fiscal_period, fiscal_year, period_end,
            row_number() over (
                partition by document_id
                order by period_end desc, (period_type = 'duration') desc, length_days, period_start desc
            ) as preference
        from main_periods
    ) as ranked
    where preference = 1
),

{# Periods of the same label (two half-years ending a day apart) are listed once, latest first. #}
labels as (
    select document_id, period_label, max(period_end) as period_end, min(length_days) as length_days
    from main_periods
    where period_type = 'duration' and period_label is not null
    group by document_id, period_label
),

coverage as (
    select
        document_id,
        {{ dbt.any_value('fiscal_year_end_month') }} as fiscal_year_end_month,
        min(period_end) as first_period_end,
        max(period_end) as latest_period_end,
        count(*) as period_count
    from main_periods
    group by document_id
),

balance_sheet_dates as (
    select document_id, {{ dbt.listagg('balance_sheet_date', "', '", 'order by balance_sheet_date desc') }} as balance_sheet_dates
    from (
        select distinct document_id, {{ dbt.cast('period_end', dbt.type_string()) }} as balance_sheet_date
        from main_periods
        where period_type = 'instant'
    ) as instants
    group by document_id
),

covered as (
    select document_id, {{ dbt.listagg('period_label', "', '", 'order by period_end desc, length_days') }} as periods_covered
    from labels
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
),

quarantines as (
    select document_id, {{ dbt.listagg('quarantine_test', "', '", 'order by quarantine_test') }} as quarantine_tests
    from {{ ref('stg_quarantined_documents') }}
    group by document_id
)

select
    documents.document_id,
    documents.source_file,
    coalesce(files.file_names, documents.source_file) as file_names,
    issuers.issuer,
    issuers.issuer_source,
    issuers.issuer_matched_value,
    issuers.issuer_name_in_document,
    issuers.isins_in_document,
    issuers.tickers_in_document,
    documents.language,
    documents.pages,
    documents.pages_unreadable,
    documents.pages_ocr,
    documents.size_bytes,
    documents.title,
    documents.extraction_status,
    documents.extraction_error,
    case when documents.extraction_status = 'quarantined' then quarantines.quarantine_tests end as quarantine_tests,
    documents.table_count,
    documents.line_item_count,
    statements.statements_found,
    reporting_periods.reporting_period,
    case
        when reporting_periods.fiscal_period = 'FY' then 'annual'
        when reporting_periods.fiscal_period like 'H%' then 'half_year'
        when reporting_periods.fiscal_period like 'Q%' then 'quarter'
        when reporting_periods.fiscal_period is not null then 'year_to_date'
    end as period_type,
    reporting_periods.fiscal_year,
    coverage.fiscal_year_end_month,
    covered.periods_covered,
    balance_sheet_dates.balance_sheet_dates,
    coverage.first_period_end,
    coverage.latest_period_end,
    coalesce(coverage.period_count, 0) as period_count,
    coalesce(issues.page_issue_count, 0) as page_issue_count,
    documents.extracted_at,
    documents.extractor_version
from documents
left join files using (document_id)
left join issuers using (document_id)
left join reporting_periods using (document_id)
left join coverage using (document_id)
left join balance_sheet_dates using (document_id)
left join covered using (document_id)
left join statements using (document_id)
left join issues using (document_id)
left join quarantines using (document_id)
