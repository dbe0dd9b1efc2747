"""The data-quality report: one self-contained HTML file showing each document's figures and problems on its pages.

Pure Python (DuckDB, pdfplumber, Jinja2), no Dagster: the `ledgerline report` command and the
`quality_report` asset both call `build_report`.
"""

from .build import REPORT_FILE, ReportResult, build_report

__all__ = ["REPORT_FILE", "ReportResult", "build_report"]
