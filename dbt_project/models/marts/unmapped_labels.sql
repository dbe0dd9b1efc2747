{# Labels of amounts that no concept is known for: the list a user extends seeds/label_concepts.csv from. #}
select
    md5(concat_ws('|', statement, label_key)) as unmapped_label_id,
    statement,
    label_key,
    min(label) as example_label,
    min(section) as example_section,
    count(*) as figure_count,
    count(distinct document_id) as document_count,
    string_agg(distinct source_file, ', ' order by source_file) as example_documents
from {{ ref('fct_financial_facts') }}
where concept is null and value_kind = 'amount' and label <> ''
group by statement, label_key
