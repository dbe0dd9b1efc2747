select
    filing_id,
    source_file as filing_file,
    format as filing_format,
    entity_identifier,
    entity_name,
    tickers,
    document_type as filing_document_type,
    period_end as filing_period_end,
    document_id as linked_document_id,
    fact_count,
    loaded_at,
    loader_version
from {{ source('raw', 'filings') }}
