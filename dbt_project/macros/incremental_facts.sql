{#-
  What the mapping of a figure depends on besides its own document: the label and issuer seeds and
  the code of the model. Stored on every fact; when it changes, every document is mapped again.
-#}
{% macro mapping_version() -%}
{{ dbt.hash(dbt.concat([
    "(select " ~ dbt.listagg(dbt.concat(["label", "'|'", "coalesce(statement, '')", "'|'", "concept"]), "';'", "order by label, statement, concept") ~ " from " ~ ref('label_concepts') ~ ")",
    "(select " ~ dbt.listagg(dbt.concat(["match_pattern", "'|'", "issuer"]), "';'", "order by match_pattern, issuer") ~ " from " ~ ref('issuers') ~ ")",
    "'" ~ model.checksum.checksum ~ "'",
])) }}
{%- endmacro %}

{#-
  Pre-hook of the incremental fct_financial_facts: remove the facts of documents extracted again or
  forgotten since the last build, and all facts when the mapping changed; the build then maps the
  documents the table no longer holds.
-#}
{% macro delete_outdated_facts() -%}
{% if incremental_build() %}
delete from {{ this }} as facts
where facts.mapping_version <> {{ mapping_version() }}
   or not exists (
        select 1 from {{ ref('dim_documents') }} as documents
        where documents.document_id = facts.document_id and documents.extracted_at = facts.extracted_at
   )
{% endif %}
{%- endmacro %}

{#-
  dbt's is_incremental(), except when the project is compiled without a database
  (`--vars '{compile_without_database: true}'`, tests/test_dbt_portability.py): is_incremental()
  asks the database whether the table exists; then the full build is compiled.
-#}
{% macro incremental_build() -%}
{{ return(false if var('compile_without_database', false) else is_incremental()) }}
{%- endmacro %}
