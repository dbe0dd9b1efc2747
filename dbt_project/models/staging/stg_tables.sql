select
    document_id,
    table_index,
    first_page,
    last_page,
    caption as table_caption,
    unit_caption,
    statement,
    basis,
    scope,
    scale,
    currency,
    row_count,
    column_count
from {{ source('raw', 'tables') }}
