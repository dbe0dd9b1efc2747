"""Tagged filings (XBRL) read offline: an inline XBRL document, an ESEF report package or an XBRL instance → facts.

Pure Python, like extract/: no Dagster, no warehouse. `load_filing(path)` returns a `Filing` whose facts
`orchestration/warehouse.py` writes to `raw.filing_facts`.
"""

from .loader import LOADER_VERSION, Filing, FilingError, FilingFact, load_filing

__all__ = ["LOADER_VERSION", "Filing", "FilingError", "FilingFact", "load_filing"]
