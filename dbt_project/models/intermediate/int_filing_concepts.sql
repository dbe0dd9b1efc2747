{#
  Which taxonomy elements stand for each of our concepts: the IFRS Taxonomy element the concept is named
  after (concepts.ifrs_reference, `ifrs-full:Revenue`), and the aliases of filing_concepts.csv (US GAAP
  elements). period_point: concepts whose reference names one end of the period (`ifrs-full:CashAndCashEquivalents
  (period start)`, cash at the beginning of a cash-flow statement) are an instant of that date in a filing.
  weight: -1 for an element counted the other way (`us-gaap:IncreaseDecreaseInInventories` is positive when
  inventories grow, `ifrs-full:AdjustmentsForDecreaseIncreaseInInventories` when they shrink).
#}
with named_after as (
    select
        concept,
        split_part(ifrs_reference, ' ', 1) as element,
        case
            when ifrs_reference like '%(period start)%' then 'start'
            when ifrs_reference like '%(period end)%' then 'end'
        end as period_point
    from {{ ref('concepts') }}
    where ifrs_reference like 'ifrs-full:%'
)

select concept, element, period_point, 1 as weight from named_after
union
select aliases.concept, aliases.element, named_after.period_point, aliases.weight
from {{ ref('filing_concepts') }} as aliases
left join named_after on named_after.concept = aliases.concept
