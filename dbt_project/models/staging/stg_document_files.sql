select document_id, file_name, first_seen_at
from {{ source('raw', 'document_files') }}
