{{ config(materialized='view') }}
{# The cash-flow statement of every document, one row per period and basis (macro wide_statement explains the choices). #}
{{ wide_statement('cash_flow', 'duration', [
    ('ProfitLossInCashFlow', 'profit_loss'),
    ('AdjustmentsForDepreciationAndAmortisationExpense', 'depreciation_and_amortisation'),
    ('IncreaseDecreaseInWorkingCapital', 'change_in_working_capital'),
    ('CashFlowsFromUsedInOperatingActivities', 'net_cash_from_operating_activities'),
    ('PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities', 'purchase_of_property_plant_and_equipment'),
    ('CashFlowsFromUsedInInvestingActivities', 'net_cash_from_investing_activities'),
    ('DividendsPaidClassifiedAsFinancingActivities', 'dividends_paid'),
    ('CashFlowsFromUsedInFinancingActivities', 'net_cash_from_financing_activities'),
    ('IncreaseDecreaseInCashAndCashEquivalentsBeforeEffectOfExchangeRateChanges', 'net_change_in_cash_before_exchange_rate_effect'),
    ('EffectOfExchangeRateChangesOnCashAndCashEquivalents', 'effect_of_exchange_rate_changes'),
    ('IncreaseDecreaseInCashAndCashEquivalents', 'net_change_in_cash'),
    ('CashAndCashEquivalentsAtBeginningOfPeriod', 'cash_at_beginning_of_period'),
    ('CashAndCashEquivalentsAtEndOfPeriod', 'cash_at_end_of_period'),
]) }}
