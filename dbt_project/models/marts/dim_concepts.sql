select concept, statement, period_type, normal_sign, nullif(ifrs_reference, '') as ifrs_reference, label_en, label_fr
from {{ ref('concepts') }}
