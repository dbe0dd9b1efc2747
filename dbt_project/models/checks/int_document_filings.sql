{#
  Which filing each document is reconciled with: the document named when the filing was loaded
  (`ledgerline reconcile FILING --document ID`), else every document of the filing's issuer whose latest
  period ends within a week of the filing's (52/53-week years end on a weekday, not a month end).
  The filing's issuer: int_filing_issuers.
#}
select documents.document_id, filings.filing_id, filings.filing_file, filings.issuer, filings.filing_period_end,
       filings.linked_document_id is not null as named_when_loaded
from {{ ref('int_filing_issuers') }} as filings
join {{ ref('dim_documents') }} as documents
    on documents.document_id = filings.linked_document_id
    or (
        filings.linked_document_id is null
        and ({{ squashed_name('documents.issuer') }} = {{ squashed_name('filings.issuer') }}
             or {{ squashed_name('documents.issuer_name_in_document') }} = {{ squashed_name('filings.entity_name') }})
        and abs({{ dbt.datediff('documents.latest_period_end', 'filings.filing_period_end', 'day') }}) <= 7
    )
