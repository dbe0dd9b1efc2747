"""The data-quality report: an index and one self-contained HTML page per document, showing its figures and problems on its pages.

Pure Python (DuckDB, pdfplumber and pdfium, Jinja2), no Dagster: the `ledgerline report` command and the
`quality_report` asset both call `build_report`.
"""

from .build import REPORT_FILE, ReportResult, build_report

__all__ = ["REPORT_FILE", "ReportResult", "build_report"]
