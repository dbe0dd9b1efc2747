select
    document_id,
    source_file,
    pages,
    pages_unreadable,
    size_bytes,
    status as extraction_status,
    error as extraction_error,
    language,
    title,
    table_count,
    line_item_count,
    extracted_at,
    extractor_version,
    extraction_seconds,
    issuer_name as issuer_name_in_document,
    isins as isins_in_document,
    tickers as tickers_in_document
from {{ source('raw', 'documents') }}
