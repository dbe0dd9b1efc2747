{#
  Each figure of a document that has a concept, against the tagged filing of the same issuer and period
  (int_document_filings): the filing's fact for the same concept (int_filing_concepts: its IFRS element
  or a US GAAP alias) and period, for the whole entity (no dimension).

  Both sides are compared in base units as intervals: a figure printed in millions with no decimal is
  value ± 0.5 million, a fact with decimals -6 the same (half_unit, the rounding rule of the identity
  checks; a fact with decimals INF is exact). They agree when the intervals overlap. Costs and expenses
  (concepts whose normal sign is negative) are compared by size, as between tables (compared_amount):
  a release prints them in parentheses or not, a taxonomy records them positive.
  Periods agree by type and by end (and start) date within a week: a 52/53-week year ends on a weekday.

  status: match | mismatch | restated (differs from the filing's figure but equals the figure previously
  reported: the one the filing tags on a restatement axis, see previously_reported_members.csv, or the
  whole entity's figure in an earlier filing of the issuer, where the period was reported first) | no_counterpart (the filing has no fact for the concept and period,
  or the concept has no taxonomy element).

  A figure that is one of several of its concept for one period in its table (net sales of each segment
  under its heading, `is_breakdown`) is a component, not the entity's total: it may also agree with a fact
  of the same concept and period with dimensions (the segment's), which the counterpart then names.
  Components the mapping names (`member`) are left out: which dimension stands for a member is not known.
#}
with release as (
    select
        facts.fact_id,
        facts.document_id,
        facts.statement,
        facts.concept,
        facts.label,
        facts.page,
        facts.period_type,
        facts.period_start,
        facts.period_end,
        facts.currency,
        facts.value_text,
        coalesce(facts.value, 0) as release_value,
        {{ half_unit('facts.value', 'facts.decimals') }} as release_half_unit,
        concepts.normal_sign,
        min(facts.value) over (partition by facts.document_id, facts.table_index, facts.concept, facts.period_start, facts.period_end)
            < max(facts.value) over (partition by facts.document_id, facts.table_index, facts.concept, facts.period_start, facts.period_end) as is_breakdown
    from {{ ref('fct_financial_facts') }} as facts
    join {{ ref('concepts') }} as concepts on concepts.concept = facts.concept
    where facts.value_kind = 'amount' and facts.column_role = 'value' and facts.member is null and facts.period_end is not null
),

pairs as (
    select release.*, links.filing_id, links.filing_file
    from release
    join {{ ref('int_document_filings') }} as links on links.document_id = release.document_id
),

{# Where a pair's facts come from: its own filing, and the issuer's earlier filings (what was reported before). #}
sources as (
    select filing_id, filing_id as source_filing_id, false as from_earlier_filing
    from {{ ref('int_filing_issuers') }}
    union all
    select later.filing_id, earlier.filing_id, true
    from {{ ref('int_filing_issuers') }} as later
    join {{ ref('int_filing_issuers') }} as earlier
        on {{ squashed_name('earlier.issuer') }} = {{ squashed_name('later.issuer') }}
        and {{ dbt.datediff('earlier.filing_period_end', 'later.filing_period_end', 'day') }} > 7
),

candidates as (
    select
        pairs.fact_id,
        pairs.filing_id,
        filed.element,
        filed.value as filing_value,
        filed.decimals as filing_decimals,
        filed.dimensions,
        filed.dimensions = '' and not sources.from_earlier_filing as is_whole_entity,
        previously.dimension is not null or sources.from_earlier_filing as is_previously_reported,
        abs({{ compared_amount('pairs.release_value', 'pairs.normal_sign') }} - {{ compared_amount('elements.weight * filed.value', 'pairs.normal_sign') }}) as difference,
        {# decimals INF (null) is an exact fact: power(10, -null) is null, and no half-unit. #}
        pairs.release_half_unit + coalesce({{ half_unit('filed.value', 'filed.decimals') }}, 0) as tolerance
    from pairs
    join sources on sources.filing_id = pairs.filing_id
    join {{ ref('int_filing_concepts') }} as elements on elements.concept = pairs.concept
    join {{ ref('stg_filing_facts') }} as filed
        on filed.filing_id = sources.source_filing_id
        and filed.element = elements.element
        and filed.value is not null
        {# The opening balance of a period is the instant at the end of the day before it starts. #}
        and abs({{ dbt.datediff(
            "case elements.period_point when 'start' then " ~ dbt.dateadd('day', -1, 'pairs.period_start') ~ " else pairs.period_end end",
            'filed.period_end', 'day') }}) <= 7
        and (
            (elements.period_point is not null and filed.period_type = 'instant')
            or (elements.period_point is null and filed.period_type = pairs.period_type
                and (pairs.period_type = 'instant' or abs({{ dbt.datediff('pairs.period_start', 'filed.period_start', 'day') }}) <= 7))
        )
    left join {{ ref('previously_reported_members') }} as previously on previously.dimension = filed.dimensions
    where case
        when sources.from_earlier_filing then filed.dimensions = ''
        else filed.dimensions = '' or previously.dimension is not null or pairs.is_breakdown
    end
),

judged as (
    select
        fact_id,
        filing_id,
        {{ dbt.bool_or('not is_previously_reported and difference <= tolerance') }} as agrees,
        {{ dbt.bool_or('is_whole_entity') }} as has_counterpart,
        {{ dbt.bool_or('is_previously_reported and difference <= tolerance') }} as agrees_with_previously_reported
    from candidates
    group by fact_id, filing_id
),

{# The filing's figure shown beside the release's: the one that agrees if any (the whole entity's first), else the
   whole entity's closest. #}
counterparts as (
    select * from (
        select
            candidates.*,
            row_number() over (
                partition by fact_id, filing_id
                order by case when difference <= tolerance then 0 else 1 end, case when is_whole_entity then 0 else 1 end, difference, element, dimensions
            ) as rank_of_counterpart
        from candidates
        where not is_previously_reported and (is_whole_entity or difference <= tolerance)
    ) as ranked
    where rank_of_counterpart = 1
),

previously_reported as (
    select fact_id, filing_id, min(filing_value) as previously_reported_value
    from candidates
    where is_previously_reported and difference <= tolerance
    group by fact_id, filing_id
)

select
    pairs.document_id,
    pairs.filing_id,
    pairs.filing_file,
    pairs.fact_id,
    pairs.statement,
    pairs.concept,
    pairs.label,
    pairs.page,
    pairs.period_type,
    pairs.period_start,
    pairs.period_end,
    pairs.value_text,
    pairs.release_value,
    counterparts.element as filing_element,
    counterparts.dimensions as filing_dimensions,
    counterparts.filing_value,
    counterparts.filing_decimals,
    case when not judged.agrees and judged.has_counterpart then previously_reported.previously_reported_value end as previously_reported_value,
    counterparts.difference,
    counterparts.tolerance,
    case
        when judged.agrees then 'match'
        when judged.has_counterpart and judged.agrees_with_previously_reported then 'restated'
        when judged.has_counterpart then 'mismatch'
        else 'no_counterpart'
    end as status,
    case
        when judged.agrees and counterparts.dimensions <> ''
            then 'one of several figures of its concept in its table: agrees with the filing''s figure for ' || counterparts.dimensions
        when judged.agrees then 'agrees with the filing within rounding'
        when judged.has_counterpart and judged.agrees_with_previously_reported
            then 'the filing restates this figure: the release prints the amount previously reported'
        when judged.has_counterpart then 'differs from the filing by more than the rounding of both'
        when not exists (select 1 from {{ ref('int_filing_concepts') }} as elements where elements.concept = pairs.concept)
            then 'no taxonomy element for this concept (add one to filing_concepts.csv)'
        else 'the filing has no fact of this concept for this period without dimensions'
    end as explanation
from pairs
left join judged on judged.fact_id = pairs.fact_id and judged.filing_id = pairs.filing_id
left join counterparts on counterparts.fact_id = pairs.fact_id and counterparts.filing_id = pairs.filing_id
left join previously_reported on previously_reported.fact_id = pairs.fact_id and previously_reported.filing_id = pairs.filing_id
