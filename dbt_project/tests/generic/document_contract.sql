{#-
  The contract tests one document can break: a duplicate grain, a figure whose period is incomplete, a
  category outside the accepted ones. Each failing row names its document (document_id) and says why
  (reason, in words a reader of the quality report understands). They warn rather than fail: after the
  build the dbt asset (orchestration/assets/marts.py) quarantines the documents they name, holds their
  rows out of the marts and builds again, so that one document never stops the others. The tag
  `document_contract` is how the asset finds them; every other `error` test means the warehouse itself
  is broken and stops the publish.
-#}

{#- `column_name`: the key within a document (the test groups by document_id); `what`: what one key stands for. -#}
{% test unique_in_document(model, column_name, what=none) %}
{{ config(severity='warn', tags=['document_contract']) }}
select
    document_id,
    {{ column_name }} as unique_field,
    count(*) as n_records,
    '{{ what or (model.identifier ~ " key") }} stored ' || {{ dbt.cast('count(*)', dbt.type_string()) }}
        || ' times (' || {{ dbt.cast(column_name, dbt.type_string()) }} || ')' as reason
from {{ model }}
where {{ column_name }} is not null
group by document_id, {{ column_name }}
having count(*) > 1
{% endtest %}

{% test accepted_values_in_document(model, column_name, values) %}
{{ config(severity='warn', tags=['document_contract']) }}
select
    document_id,
    {{ column_name }} as value_field,
    count(*) as n_records,
    '{{ model.identifier }}.{{ column_name }} is ''' || {{ dbt.cast(column_name, dbt.type_string()) }}
        || ''' on ' || {{ dbt.cast('count(*)', dbt.type_string()) }} || ' rows, not one of {{ values | join(", ") }}' as reason
from {{ model }}
where {{ column_name }} is not null
  and {{ column_name }} not in ({% for value in values %}'{{ value }}'{% if not loop.last %}, {% endif %}{% endfor %})
group by document_id, {{ column_name }}
{% endtest %}

{% test not_null_in_document(model, column_name) %}
{{ config(severity='warn', tags=['document_contract']) }}
select
    document_id,
    count(*) as n_records,
    '{{ model.identifier }}.{{ column_name }} is missing on ' || {{ dbt.cast('count(*)', dbt.type_string()) }} || ' rows' as reason
from {{ model }}
where {{ column_name }} is null
group by document_id
{% endtest %}

{#- A rule every row of a document must meet (`expression`), and what a row breaking it means (`what`). -#}
{% test holds_in_document(model, expression, what) %}
{{ config(severity='warn', tags=['document_contract']) }}
select
    document_id,
    count(*) as n_records,
    '{{ what }} (' || {{ dbt.cast('count(*)', dbt.type_string()) }} || ' rows of {{ model.identifier }})' as reason
from {{ model }}
where not coalesce({{ expression }}, false)
group by document_id
{% endtest %}

{#- One instance per identity and figures (see the macro identity_check_id): tested on every check model. -#}
{% test identity_instances_are_unique(model) %}
{{ config(severity='warn', tags=['document_contract']) }}
select
    document_id,
    check_name,
    count(*) as n_records,
    'the identity check ' || check_name || ' is computed ' || {{ dbt.cast('count(*)', dbt.type_string()) }}
        || ' times on the same figures (' || min(description) || ')' as reason
from {{ model }}
group by document_id, check_name, {{ identity_check_id() }}
having count(*) > 1
{% endtest %}
