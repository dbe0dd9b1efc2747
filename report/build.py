"""Assemble the quality report: read the warehouse, render page crops, fill the template, write one HTML file."""

from __future__ import annotations

import hashlib
import inspect
import os
import pickle
from collections import defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import jinja2
import pdfplumber

from .data import MAIN_STATEMENTS, STATEMENT_NAMES, Document, Figure, Identity, StatementTable, read_warehouse
from . import pages
from .pages import CHECKED_OUTLINE, COMPARED_OUTLINE, Crop, crop_region, render_crop
from .plots import issuer_plots, render_svg
from .wording import explain, format_amount, period_text

REPORT_FILE = "index.html"
# Failed identities are read closely: finer than the statement tables, which are there to be browsed.
IDENTITY_RESOLUTION = 130
TABLE_RESOLUTION = 100


@dataclass
class ReportResult:
    path: Path
    documents: int
    failed_identities: int
    crops: int
    # Documents whose pages could not be shown, with the reason (their figures are still listed).
    without_pages: dict[str, str] = field(default_factory=dict)


class CropCache:
    """Crops kept between builds in `out_dir/.crops`, keyed by everything their pixels depend on: the
    document's bytes (its id is their SHA-256), the page, the figures' boxes, the resolution, the
    outlines and the rendering code. Adding a document to a large warehouse renders its crops only; a
    crop no longer in the report is deleted after the build."""

    def __init__(self, directory: Path):
        self._directory = directory
        self._used: set[str] = set()
        self._code = hashlib.sha256(inspect.getsource(pages).encode()).hexdigest()

    def crop(self, pdfs: SourcePdfs, document_id: str, page_number: int, boxes: list, resolution: int, outlines=(), first_row_top=None) -> Crop:
        pdfs.require(document_id)  # a document whose PDF is gone is shown without pages, cached or not
        key = hashlib.sha256(repr((self._code, document_id, page_number, boxes, resolution, outlines, first_row_top)).encode()).hexdigest()
        self._used.add(key)
        path = self._directory / f"{key}.pickle"
        if path.exists():
            return pickle.loads(path.read_bytes())
        page = pdfs.page(document_id, page_number)
        crop = render_crop(page, crop_region(page, boxes, first_row_top), resolution, list(outlines))
        self._directory.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(pickle.dumps(crop))
        os.replace(temporary, path)
        return crop

    def prune(self) -> None:
        for path in self._directory.glob("*.pickle"):
            if path.stem not in self._used:
                path.unlink(missing_ok=True)


class SourcePdfs:
    """Opens each document's PDF once, on first use, and closes them all at the end."""

    def __init__(self, sources: dict[str, Path], stack: ExitStack):
        self._sources, self._stack, self._open = sources, stack, {}

    def require(self, document_id: str) -> Path:
        path = self._sources.get(document_id)
        if path is None:
            raise LookupError("its PDF is not in the inbox any more (the facts are kept; the pages cannot be shown)")
        return path

    def page(self, document_id: str, page_number: int):
        if document_id not in self._open:
            self._open[document_id] = self._stack.enter_context(pdfplumber.open(self.require(document_id)))
        return self._open[document_id].pages[page_number - 1]


def _identity_crops(identity: Identity, pdfs: SourcePdfs, cache: CropCache, table_tops: dict) -> list[tuple[Crop, list[Figure]]]:
    """One crop per page the identity's figures are printed on, with each figure outlined."""
    by_page: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for figure in identity.figures:
        by_page[(figure.document_id, figure.page)].append(figure)
    checked = identity.figures[0].fact_id if identity.figures else None
    crops = []
    for (document_id, page_number), figures in sorted(by_page.items(), key=lambda item: item[0][1]):
        outlines = tuple((f.box, CHECKED_OUTLINE if f.fact_id == checked else COMPARED_OUTLINE) for f in figures)
        first_row_top = min(table_tops.get((document_id, f.table_index, page_number), f.top) for f in figures)
        crop = cache.crop(pdfs, document_id, page_number, [f.box for f in figures], IDENTITY_RESOLUTION, outlines, first_row_top)
        crops.append((crop, figures))
    return crops


def _table_crops(table: StatementTable, pdfs: SourcePdfs, cache: CropCache) -> list[tuple[Crop, list[tuple[Figure, dict]]]]:
    """The table's part of each of its pages, with every figure's position for the links to point at."""
    crops = []
    for page_number in table.pages:
        figures = [f for f in table.figures if f.page == page_number]
        crop = cache.crop(pdfs, figures[0].document_id, page_number, [f.box for f in figures], TABLE_RESOLUTION)
        crops.append((crop, [(f, crop.position(f.box)) for f in figures]))
    return crops


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["period"] = lambda p: period_text(*p)
    environment.filters["percent"] = lambda share: "–" if share is None else f"{100 * share:.0f} %"
    environment.filters["statement_name"] = lambda s: STATEMENT_NAMES.get(s, s.replace("_", " "))
    environment.filters["amount"] = format_amount
    environment.globals.update(checked_colour="rgb{}".format(CHECKED_OUTLINE), compared_colour="rgb{}".format(COMPARED_OUTLINE))
    return environment


def _render_document(document: Document, pdfs: SourcePdfs, cache: CropCache, table_tops: dict, view: dict, result: ReportResult) -> None:
    """Crops of one document; a document whose pages cannot be rendered still gets its section, with the reason."""
    try:
        for identity in document.failed_identities:
            view["identity_crops"][identity.check_id] = _identity_crops(identity, pdfs, cache, table_tops)
        for table in document.tables:
            view["table_crops"][(document.document_id, table.table_index)] = _table_crops(table, pdfs, cache)
    except Exception as error:  # noqa: BLE001 - a damaged or missing PDF must not stop the other documents
        reason = str(error) if isinstance(error, LookupError) else f"its pages could not be rendered ({type(error).__name__}: {error})"
        result.without_pages[document.document_id] = reason


def build_report(warehouse: Path, out_dir: Path, sources: dict[str, Path]) -> ReportResult:
    """Write `out_dir/index.html` for the warehouse; `sources` maps document ids to their PDF files.

    Images are embedded (data URIs): the file opens anywhere, with no network and nothing beside it.
    """
    content = read_warehouse(warehouse)
    documents = content.documents
    result = ReportResult(path=out_dir / REPORT_FILE, documents=len(documents), failed_identities=0, crops=0)
    view: dict = {"identity_crops": {}, "table_crops": {}}
    cache = CropCache(out_dir / ".crops")
    for document in documents:
        with ExitStack() as stack:  # one document's PDFs open at a time
            _render_document(document, SourcePdfs(sources, stack), cache, content.table_tops, view, result)
    anchors = {f.fact_id for crops in view["table_crops"].values() for _, placed in crops for f, _ in placed}
    issuers = {d.document_id: d.issuer or d.source_file for d in documents}
    plots = [(plot, render_svg(plot, anchors)) for plot in issuer_plots(content.series_facts, issuers, content.failing_fact_ids)]
    result.failed_identities = sum(len(d.failed_identities) for d in documents)
    result.crops = sum(len(crops) for kind in ("identity_crops", "table_crops") for crops in view[kind].values())
    html = _environment().get_template("report.html.j2").render(
        warehouse=warehouse,
        generated_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        documents=documents,
        explanations={i.check_id: explain(i, d.language) for d in documents for i in d.failed_identities},
        identity_crops=view["identity_crops"],
        table_crops=view["table_crops"],
        anchors=anchors,
        without_pages=result.without_pages,
        plots=plots,
        main_statements=MAIN_STATEMENTS,
        failed_total=result.failed_identities,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    temporary = out_dir / f".{REPORT_FILE}.tmp"
    temporary.write_text(html, encoding="utf-8")
    os.replace(temporary, result.path)  # a reader never sees half a report
    cache.prune()
    return result
