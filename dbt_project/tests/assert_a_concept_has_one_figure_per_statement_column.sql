{#
  A concept printed on two rows of one column of a main statement with two different figures is a
  mapping to review (a label that means two things in one statement), not a company's inconsistency:
  reported as a warning with the rows, for seeds/label_concepts.csv to be scoped (position, heading, issuer).
  Components (member) are several by design.
#}
{{ config(severity='warn') }}
select document_id, source_file, table_index, column_index, concept,
       count(distinct reported_value) as figures, string_agg(distinct label, ' | ') as labels
from {{ ref('fct_financial_facts') }}
where concept is not null and member is null and column_role = 'value'
  and statement in ('income_statement', 'balance_sheet', 'cash_flow')
group by document_id, source_file, table_index, column_index, concept
having count(distinct reported_value) > 1
