{# Labels of amounts that no concept is known for: the list a user extends seeds/label_concepts.csv from. #}
with unmapped as (
    select statement, label_key, label, document_id, source_file
    from {{ ref('fct_financial_facts') }}
    where concept is null and value_kind = 'amount' and label <> ''
),

counts as (
    select
        statement,
        label_key,
        min(label) as example_label,
        count(*) as figure_count,
        count(distinct document_id) as document_count
    from unmapped
    group by statement, label_key
),

examples as (
    select statement, label_key, {{ dbt.listagg('source_file', "', '", 'order by source_file') }} as example_documents
    from (select distinct statement, label_key, source_file from unmapped) as distinct_files
    group by statement, label_key
)

select counts.*, examples.example_documents
from counts
join examples on examples.statement = counts.statement and examples.label_key = counts.label_key
