{#
  The issuer of each document, from what the document prints (raw.documents: ISINs, tickers, a legal
  name, read by extract/issuer.py) and the user-maintained seed issuers.csv, in this order:
    1. a seed row whose ISIN the document prints, 2. whose ticker it prints, 3. whose name equals the
    printed name (case, spaces and punctuation aside), 4. whose file-name fragment is in the file name;
    5. the name the document prints; 6. the file name without its `_…` suffix.
  Within one rule, the identifier printed first wins.
#}
with documents as (
    select
        document_id,
        source_file,
        issuer_name_in_document,
        coalesce(isins_in_document, {{ dbt.array_construct([], dbt.type_string()) }}) as isins,
        coalesce(tickers_in_document, {{ dbt.array_construct([], dbt.type_string()) }}) as tickers
    from {{ ref('stg_documents') }}
),

seed as (
    select
        issuer,
        match_type,
        case
            when match_type = 'ticker' then upper(regexp_replace(trim(match_value), '\s*:\s*', ':'))
            when match_type = 'isin' then upper(trim(match_value))
            else trim(match_value)
        end as match_value
    from {{ ref('issuers') }}
),

{# Arrays as both DuckDB (lists) and Postgres read them: `value = any(array)`, array_position (1-based). #}
matches as (
    select document_id, issuer, match_type, match_value
    from (
        select
            documents.document_id,
            seed.issuer,
            seed.match_type,
            seed.match_value,
            row_number() over (
                partition by documents.document_id
                order by
                    case seed.match_type when 'isin' then 1 when 'ticker' then 2 when 'name' then 3 else 4 end,
                    case seed.match_type
                        when 'isin' then array_position(documents.isins, seed.match_value)
                        when 'ticker' then array_position(documents.tickers, seed.match_value)
                        else 1
                    end,
                    seed.issuer
            ) as match_rank
        from documents
        join seed
            on (seed.match_type = 'isin' and seed.match_value = any(documents.isins))
            or (seed.match_type = 'ticker' and seed.match_value = any(documents.tickers))
            or (seed.match_type = 'name' and {{ squashed_name('seed.match_value') }} = {{ squashed_name('documents.issuer_name_in_document') }})
            or (seed.match_type = 'file_name' and {{ dbt.position('lower(seed.match_value)', 'lower(documents.source_file)') }} > 0)
    ) as ranked
    where match_rank = 1
)

select
    documents.document_id,
    coalesce(matches.issuer, documents.issuer_name_in_document, regexp_replace(documents.source_file, '(_.*)?\.pdf$', '', 'i')) as issuer,
    case
        when matches.issuer is not null then matches.match_type
        when documents.issuer_name_in_document is not null then 'document_name'
        else 'file_name_stem'
    end as issuer_source,
    matches.match_value as issuer_matched_value,
    documents.issuer_name_in_document,
    documents.isins as isins_in_document,
    documents.tickers as tickers_in_document
from documents
left join matches using (document_id)
