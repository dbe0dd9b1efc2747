"""PDF results releases → financial tables → line items with provenance. Pure Python, no Dagster."""

__version__ = "0.4.10"

from .document import DocumentExtraction, ExtractedTable, LineItem, PageIssue, extract_document, sha256_of  # noqa: E402

__all__ = ["DocumentExtraction", "ExtractedTable", "LineItem", "PageIssue", "extract_document", "sha256_of", "__version__"]
