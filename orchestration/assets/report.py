"""The data-quality report: an index page, and one page per document showing its figures and problems on its pages."""


import dagster as dg

from report import REPORT_FILE, build_report

from ..inbox import document_sources
from ..resources import ExtractionResource, ReportResource, WarehouseResource
from .marts import published_warehouse


@dg.asset(deps=[published_warehouse], group_name="warehouse", kinds={"html"})
def quality_report(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource, extraction: ExtractionResource, report: ReportResource
) -> dg.MaterializeResult:
    """A self-contained HTML report of the published warehouse: per document its status, statements, periods,
    share of figures mapped and identity checks; every failed identity in words and outlined on its pages.
    Only the pages of documents whose content changed are written again."""
    path = warehouse.get().path
    result = build_report(path, report.out_dir, document_sources(extraction.inbox_dir, path), workers=report.workers)
    context.log.info(
        f"wrote {result.path}: {result.documents} documents ({result.pages_written} pages written again), {result.failed_identities} failed identities"
    )
    metadata = {
        # Opens from the UI while `ledgerline ui` serves the report folder; the path opens in any browser.
        "report": dg.MetadataValue.url(report.url + REPORT_FILE),
        "report_path": dg.MetadataValue.path(str(result.path)),
        "documents": result.documents,
        "failed_identities": result.failed_identities,
        "page_crops": result.crops,
        "document_pages_written": result.pages_written,
    }
    if result.without_pages:
        rows = ["| document | why its pages are not shown |", "|---|---|"]
        rows += [f"| {document_id[:12]} | {reason.replace('|', '/')} |" for document_id, reason in result.without_pages.items()]
        metadata["documents_without_pages"] = dg.MetadataValue.md("\n".join(rows))
    return dg.MaterializeResult(metadata=metadata)
