{#-
  An inconsistency in a company's own publication: reported as a warning, the build goes on, and the
  failing instances are stored (store_failures) for the Dagster check and the report to show.
-#}
{% test identity_holds(model, check_family) %}
select * from {{ model }}
where status = 'fail' and check_family = '{{ check_family }}'
{% endtest %}
