select document_id, test_name as quarantine_test, reason as quarantine_reason, extracted_at, project_version, quarantined_at
from {{ source('raw', 'quarantined_documents') }}
