{# Labels of amounts that no concept is known for: the list a user extends seeds/label_concepts.csv from. #}
with unmapped as (
    select statement, label_key, label, section, document_id, source_file
    from {{ ref('fct_financial_facts') }}
    where concept is null and value_kind = 'amount' and label <> ''
),

counts as (
    select
        statement,
        label_key,
        min(label) as example_label,
        min(section) as example_section,
        count(*) as figure_count,
        count(distinct document_id) as document_count
    from unmapped
    group by statement, label_key
),

{# Aggregated apart and joined after: grouping by the long list of file names would be slow. #}
examples as (
    select statement, label_key, {{ dbt.listagg('source_file', "', '", 'order by source_file') }} as example_documents
    from (select distinct statement, label_key, source_file from unmapped) as distinct_files
    group by statement, label_key
)

select
    {{ dbt.hash(dbt.concat(['counts.statement', "'|'", 'counts.label_key'])) }} as unmapped_label_id,
    counts.statement,
    counts.label_key,
    counts.example_label,
    counts.example_section,
    counts.figure_count,
    counts.document_count,
    examples.example_documents
from counts
join examples on examples.statement = counts.statement and examples.label_key = counts.label_key
