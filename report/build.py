"""Assemble the quality report: an index page, and one page per document with its crops, written only when it changed."""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import re
import shutil
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import jinja2
from markupsafe import Markup
import pdfplumber
import pypdfium2

from .data import STATEMENT_NAMES, Document, Figure, Identity, StatementTable, read_warehouse
from .pages import CHECKED_OUTLINE, COMPARED_OUTLINE, Crop, crop_region, render_crop
from .plots import issuer_plots, render_svg
from .wording import explain, format_amount, period_text

REPORT_FILE = "index.html"
DOCUMENTS_FOLDER = "documents"


def page_name(document_id: str) -> str:
    """A document's page in DOCUMENTS_FOLDER; the pages link to each other by this name."""
    return f"{document_id}.html"

# Failed identities are read closely: finer than the statement tables, which are there to be browsed.
IDENTITY_RESOLUTION = 130
TABLE_RESOLUTION = 100
_PAGE_RECORD = re.compile(r"<!-- ledgerline-page (\{.*?\}) -->")


@dataclass
class ReportResult:
    path: Path
    documents: int
    failed_identities: int
    crops: int
    # Document pages written by this build; the others were already up to date.
    pages_written: int = 0
    # Documents whose pages could not be shown, with the reason (their figures are still listed).
    without_pages: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PageJob:
    """Everything one document's page shows; the fingerprint of it all decides whether the page is written again."""

    document: Document
    path: Path
    warehouse: str
    # The PDFs its crops are cut from (an identity can compare figures of another document).
    sources: dict[str, Path]
    # Top of each table's first figure row, by (document, table, page): crops start above it, at the column headers.
    table_tops: dict[tuple[str, int, int], float]
    # Where each figure of its failed identities is outlined, for those that are (statement tables' figures).
    links: dict[str, str]
    # Set when the page is written without crops because rendering them failed.
    pages_unavailable: str | None = None

    @functools.cached_property
    def fingerprint(self) -> str:
        if self.pages_unavailable:
            return ""  # written again by the next build
        state = (_code_digest(), self.document, self.warehouse, sorted(self.sources), sorted(self.table_tops.items()), sorted(self.links.items()))
        return hashlib.sha256(repr(state).encode()).hexdigest()


@functools.cache
def _code_digest() -> str:
    """What a document's page looks like depends on this code and the templates as much as on its data."""
    files = sorted(path for pattern in ("*.py", "templates/*.j2") for path in Path(__file__).parent.glob(pattern))
    return hashlib.sha256(b"".join(path.name.encode() + path.read_bytes() for path in files)).hexdigest()


@dataclass(frozen=True)
class PageRecord:
    """What the index needs to know of a written page; kept in the page itself, for the next build."""

    fingerprint: str
    crops: int
    without_pages: str | None


class SourcePdfs:
    """Opens each document's PDF once, on first use (pdfplumber for its geometry, pdfium to render it), and closes them all at the end."""

    def __init__(self, sources: dict[str, Path], stack: ExitStack):
        self._sources, self._stack, self._open = sources, stack, {}

    def require(self, document_id: str) -> Path:
        path = self._sources.get(document_id)
        if path is None:
            raise LookupError("its PDF is not in the inbox any more (the facts are kept; the pages cannot be shown)")
        return path

    def page(self, document_id: str, page_number: int):
        if document_id not in self._open:
            path = self.require(document_id)
            rendered = pypdfium2.PdfDocument(path)
            self._stack.callback(rendered.close)
            self._open[document_id] = (self._stack.enter_context(pdfplumber.open(path)), rendered)
        geometry, rendered = self._open[document_id]
        return geometry.pages[page_number - 1], rendered[page_number - 1]

    def crop(self, document_id: str, page_number: int, boxes: list, resolution: int, outlines=(), first_row_top=None) -> Crop:
        page, pdfium_page = self.page(document_id, page_number)
        return render_crop(page, pdfium_page, crop_region(page, boxes, first_row_top), resolution, list(outlines))


def _identity_crops(identity: Identity, pdfs: SourcePdfs, table_tops: dict) -> list[tuple[Crop, list[Figure]]]:
    """One crop per page the identity's figures are printed on, with each figure outlined."""
    by_page: dict[tuple[str, int], list[Figure]] = defaultdict(list)
    for figure in identity.figures:
        by_page[(figure.document_id, figure.page)].append(figure)
    checked = identity.figures[0].fact_id if identity.figures else None
    crops = []
    for (document_id, page_number), figures in sorted(by_page.items(), key=lambda item: item[0][1]):
        outlines = tuple((f.box, CHECKED_OUTLINE if f.fact_id == checked else COMPARED_OUTLINE) for f in figures)
        first_row_top = min(table_tops.get((document_id, f.table_index, page_number), f.top) for f in figures)
        crop = pdfs.crop(document_id, page_number, [f.box for f in figures], IDENTITY_RESOLUTION, outlines, first_row_top)
        crops.append((crop, figures))
    return crops


def _table_crops(table: StatementTable, pdfs: SourcePdfs) -> list[tuple[Crop, list[tuple[Figure, dict]]]]:
    """The table's part of each of its pages, with every figure's position for the links to point at."""
    crops = []
    for page_number in table.pages:
        figures = [f for f in table.figures if f.page == page_number]
        crop = pdfs.crop(figures[0].document_id, page_number, [f.box for f in figures], TABLE_RESOLUTION)
        crops.append((crop, [(f, crop.position(f.box)) for f in figures]))
    return crops


@functools.cache
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


def _write_atomically(path: Path, text: str) -> None:
    """A reader (the report server, a browser) never sees half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def write_document_page(job: PageJob) -> PageRecord:
    """Render the document's crops and write its page; a document whose pages cannot be rendered still
    gets its page, with the reason."""
    document = job.document
    identity_crops, table_crops, without_pages = {}, {}, job.pages_unavailable
    if without_pages is None:
        try:
            with ExitStack() as stack:
                pdfs = SourcePdfs(job.sources, stack)
                for identity in document.failed_identities:
                    identity_crops[identity.check_id] = _identity_crops(identity, pdfs, job.table_tops)
                for table in document.tables:
                    table_crops[table.table_index] = _table_crops(table, pdfs)
        except Exception as error:  # noqa: BLE001 - a damaged or missing PDF must not stop the other documents
            identity_crops, table_crops = {}, {}
            without_pages = str(error) if isinstance(error, LookupError) else f"its pages could not be rendered ({type(error).__name__}: {error})"
    crops = sum(len(c) for c in identity_crops.values()) + sum(len(c) for c in table_crops.values())
    record = PageRecord(job.fingerprint, crops, without_pages)
    # Inside an HTML comment, where no "--" may appear: JSON may escape any character of a string.
    record_text = Markup(json.dumps(record.__dict__).replace("-", "\\u002d"))
    html = _environment().get_template("document.html.j2").render(
        record=record_text,
        warehouse=job.warehouse,
        document=document,
        explanations={i.check_id: explain(i, document.language) for i in document.failed_identities},
        identity_crops=identity_crops,
        table_crops=table_crops,
        links=job.links,
        without_pages=without_pages,
    )
    _write_atomically(job.path, html)
    return record


def _written_record(path: Path) -> PageRecord | None:
    try:
        with path.open(encoding="utf-8") as page:
            found = _PAGE_RECORD.search(page.read(4096))
        return PageRecord(**json.loads(found.group(1))) if found else None
    except (OSError, ValueError, TypeError):
        return None  # no page, or not one this code wrote: write it


def _write_pages(jobs: list[PageJob], workers: int) -> dict[str, PageRecord]:
    """Write the pages, in `workers` processes when there are many (rendering crops is the report's main cost)."""
    if workers <= 1 or len(jobs) <= workers:
        return {job.document.document_id: write_document_page(job) for job in jobs}
    records = {}
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {pool.submit(write_document_page, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                records[job.document.document_id] = future.result()
            except BrokenProcessPool:
                # pdfium crashed on a PDF (or the process was killed): the page is written without crops.
                records[job.document.document_id] = write_document_page(
                    replace(job, pages_unavailable="its pages could not be rendered (the process rendering them died)")
                )
    return records


def build_report(warehouse: Path, out_dir: Path, sources: dict[str, Path], workers: int = 1) -> ReportResult:
    """Write `out_dir/index.html` and `out_dir/documents/<document id>.html` for the warehouse; `sources`
    maps document ids to their PDF files.

    Images are embedded (data URIs) and pages link to each other by relative paths: the folder opens
    anywhere, with no network. A page whose content has not changed since the last build is kept as is.
    """
    content = read_warehouse(warehouse)
    documents = content.documents
    pages_folder = out_dir / DOCUMENTS_FOLDER
    # Every figure of a statement table is outlined on its page's crop, wherever the PDF is at hand.
    outlined = {f.fact_id: d.document_id for d in documents if d.document_id in sources for t in d.tables for f in t.figures}

    def link(fact_id: str, from_document: str) -> str:
        document_id = outlined[fact_id]
        return f"#fig-{fact_id}" if document_id == from_document else f"{page_name(document_id)}#fig-{fact_id}"

    jobs = []
    for document in documents:
        figures = [f for i in document.failed_identities for f in i.figures]
        involved = {document.document_id} | {f.document_id for f in figures}
        table_keys = {(f.document_id, f.table_index, f.page) for f in figures}
        jobs.append(PageJob(
            document=document,
            path=pages_folder / page_name(document.document_id),
            warehouse=str(warehouse),
            sources={d: sources[d] for d in involved if d in sources},
            table_tops={key: content.table_tops[key] for key in table_keys if key in content.table_tops},
            links={f.fact_id: link(f.fact_id, document.document_id) for f in figures if f.fact_id in outlined},
        ))
    records = {job.document.document_id: record for job in jobs if (record := _written_record(job.path)) and record.fingerprint == job.fingerprint}
    written = _write_pages([job for job in jobs if job.document.document_id not in records], workers)
    records.update(written)
    for page in pages_folder.glob("*.html"):
        if page.stem not in records:  # a document forgotten since the last build
            page.unlink()
    shutil.rmtree(out_dir / ".crops", ignore_errors=True)  # the crop cache of earlier versions

    result = ReportResult(
        path=out_dir / REPORT_FILE,
        documents=len(documents),
        failed_identities=sum(len(d.failed_identities) for d in documents),
        crops=sum(r.crops for r in records.values()),
        pages_written=len(written),
        without_pages={d.document_id: records[d.document_id].without_pages for d in documents if records[d.document_id].without_pages},
    )
    issuers = {d.document_id: d.issuer or d.source_file for d in documents}
    plot_links = {fact_id: f"{DOCUMENTS_FOLDER}/{page_name(document_id)}#fig-{fact_id}" for fact_id, document_id in outlined.items()}
    plots = [(plot, render_svg(plot, plot_links)) for plot in issuer_plots(content.series_facts, issuers, content.inconsistencies)]
    html = _environment().get_template("index.html.j2").render(
        warehouse=warehouse,
        generated_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        documents=documents,
        document_pages={job.document.document_id: f"{DOCUMENTS_FOLDER}/{job.path.name}" for job in jobs},
        plots=plots,
        failed_total=result.failed_identities,
    )
    _write_atomically(result.path, html)
    return result
