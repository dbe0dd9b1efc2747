select document_id, page, kind as issue_kind, detail as issue_detail
from {{ source('raw', 'page_issues') }}
