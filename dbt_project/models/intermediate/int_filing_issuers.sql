{#
  Each filing with its issuer: the one issuers.csv gives for one of its tickers or its name, else the name it
  states (dei:EntityRegistrantName, ifrs-full:NameOfReportingEntityOrOtherMeansOfIdentification).
#}
select
    filings.*,
    coalesce(
        (select min(seed.issuer) from {{ ref('issuers') }} as seed
         where (seed.match_type = 'ticker' and upper(seed.match_value) = any(filings.tickers))
            or (seed.match_type = 'name' and {{ squashed_name('seed.match_value') }} = {{ squashed_name('filings.entity_name') }})),
        filings.entity_name
    ) as issuer
from {{ ref('stg_filings') }} as filings
