{#-
  fct_financial_facts is built one document at a time (incremental): a build maps the documents whose
  facts the table does not hold as they are now, and a pre-hook first deletes the facts of documents
  extracted again or forgotten. Each fact records the document's extracted_at and the mapping_version:
  a fingerprint of the code and seeds the mapping depends on (this model and every model and seed
  upstream of it, by dbt's checksums). When one of them changes, every document is mapped again; a
  change to a macro alone is not seen: build with --full-refresh then. A quarantined document has no
  facts: its facts are deleted, and it is mapped again once it leaves quarantine.
-#}
{% macro mapping_version() -%}
{%- set checksums = [] -%}
{%- set seen = [] -%}
{%- set todo = [model.unique_id] -%}
{%- for node_id in todo -%}
    {%- if node_id not in seen and node_id in graph.nodes -%}
        {%- do seen.append(node_id) -%}
        {%- do checksums.append(node_id ~ '=' ~ graph.nodes[node_id].checksum.checksum) -%}
        {%- do todo.extend(graph.nodes[node_id].depends_on.nodes) -%}
    {%- endif -%}
{%- endfor -%}
'{{ local_md5(checksums | sort | join(';')) }}'
{%- endmacro %}

{#- The documents to map in this build, as a SQL list; none listed means all (a full build). -#}
{% macro documents_to_map() -%}
{%- if incremental_build() and execute and facts_are_fingerprinted() -%}
    {%- set query -%}
        select documents.document_id from {{ ref('dim_documents') }} as documents
        where documents.extraction_status <> 'quarantined' and not exists (
            select 1 from {{ this }} as facts
            where facts.document_id = documents.document_id and facts.extracted_at = documents.extracted_at
              and facts.mapping_version = {{ mapping_version() }}
        )
        order by 1
    {%- endset -%}
    {{ return(run_query(query).columns[0].values() | list) }}
{%- endif -%}
{{ return(none) }}
{%- endmacro %}

{#- `and document_id in (...)` for an incremental build, nothing for a full one. -#}
{% macro only_documents_to_map(column, documents) -%}
{%- if documents is not none -%}
and {{ column }} in ({% for document_id in documents %}'{{ document_id }}'{% if not loop.last %}, {% endif %}{% else %}null{% endfor %})
{%- endif -%}
{%- endmacro %}

{#- Pre-hook: delete the facts of documents extracted again, forgotten or quarantined since, or mapped by other code. -#}
{% macro delete_outdated_facts() -%}
{% if incremental_build() and not facts_are_fingerprinted() %}
alter table {{ this }} add column if not exists extracted_at timestamp with time zone;
alter table {{ this }} add column if not exists mapping_version {{ dbt.type_string() }};
delete from {{ this }}
{% elif incremental_build() %}
delete from {{ this }} as facts
where facts.mapping_version <> {{ mapping_version() }}
   or not exists (
        select 1 from {{ ref('dim_documents') }} as documents
        where documents.document_id = facts.document_id and documents.extracted_at = facts.extracted_at
          and documents.extraction_status <> 'quarantined'
   )
{% endif %}
{%- endmacro %}

{#-
  Whether the table already holds each fact's extracted_at and mapping_version. A warehouse built
  before this model was incremental does not: the pre-hook adds the columns and deletes all its facts,
  which are mapped again, rather than failing the build or keeping stale rows. It runs outside the
  model's transaction: DuckDB refuses to commit a transaction that deletes rows of a table and then
  alters it (on_schema_change) or appends to the altered table. The build works on the warehouse's
  working copy, published only when the whole build succeeds: a build that fails after the delete
  publishes nothing.
-#}
{% macro facts_are_fingerprinted() -%}
{%- set columns = adapter.get_columns_in_relation(this) | map(attribute='name') | map('lower') | list -%}
{{ return('extracted_at' in columns and 'mapping_version' in columns) }}
{%- endmacro %}

{#-
  dbt's is_incremental(), except when the project is compiled without a database
  (`--vars '{compile_without_database: true}'`, tests/test_dbt_portability.py): is_incremental()
  asks the database whether the table exists; then the full build is compiled.
-#}
{% macro incremental_build() -%}
{{ return(false if var('compile_without_database', false) else is_incremental()) }}
{%- endmacro %}
