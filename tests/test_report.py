"""The quality report, written by a real run and opened in headless Chromium as a person would."""

import base64
import io
import re
from pathlib import Path

import duckdb
import pytest
from PIL import Image

from orchestration.cli import main
from report.pages import CHECKED_OUTLINE, COMPARED_OUTLINE, OUTLINE_PAD_POINTS

from .browser import artifact, chromium, colour_mask, count_colour

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

REFERENCE = "verimatrix_FY2025_fr.pdf"
CASH_IDENTITY = "calculation:IncreaseDecreaseInCashAndCashEquivalents"
SAME_FIGURE_IDENTITY = "same_figure_agrees:EffectOfExchangeRateChangesOnCashAndCashEquivalents"


def query(warehouse, sql, parameters=()):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(sql, list(parameters)).fetchall()


def reference_figures(warehouse, check_name):
    """(fact_id, page, box, value_text) of the figures of a failed identity of the reference, checked one first."""
    return query(
        warehouse,
        """select f.fact_id, f.page, [f.x0, f.top, f.x1, f.bottom], f.value_text
           from marts.identity_results i, unnest(i.fact_ids) with ordinality as involved(fact_id, position)
           join marts.fct_financial_facts f on f.fact_id = involved.fact_id
           join marts.dim_documents d on d.document_id = i.document_id
           where d.source_file = ? and i.check_name = ? and i.status = 'fail' order by position""",
        [REFERENCE, check_name],
    )


def decoded(data_uri: str) -> Image.Image:
    assert data_uri.startswith("data:image/png;base64,")
    return Image.open(io.BytesIO(base64.b64decode(data_uri.split(",", 1)[1]))).convert("RGB")


def document_page(samples_run, source_file=REFERENCE) -> Path:
    """The report's page of a document, as the index links to it."""
    (document_id,) = query(samples_run.warehouse, "select document_id from marts.dim_documents where source_file = ?", [source_file])[0]
    index = samples_run.report.read_text(encoding="utf-8")
    assert f'href="documents/{document_id}.html"' in index
    return samples_run.report.parent / "documents" / f"{document_id}.html"


def identity_ids(report_dir):
    """The failed identities shown by the report's document pages, in the index's order."""
    index = (report_dir / "index.html").read_text(encoding="utf-8")
    pages = dict.fromkeys(re.findall(r'href="(documents/[0-9a-f]+\.html)"', index))
    return [found for page in pages for found in re.findall(r'id="identity-([0-9a-f]+)"', (report_dir / page).read_text(encoding="utf-8"))]


def open_report(context, path):
    """The report in a new page, with every request it makes recorded."""
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page, requests


def test_the_run_writes_a_self_contained_report_with_every_document(samples_run):
    index = samples_run.report.read_text(encoding="utf-8")
    documents = query(samples_run.warehouse, "select document_id, extraction_status from marts.dim_documents")
    assert len(documents) == 4
    pages = sorted((samples_run.report.parent / "documents").glob("*.html"))
    assert [page.stem for page in pages] == sorted(document_id for document_id, _ in documents)
    for document_id, status in documents:
        assert f'href="documents/{document_id}.html"' in index
        html = (samples_run.report.parent / "documents" / f"{document_id}.html").read_text(encoding="utf-8")
        section = re.search(rf'<section class="document" id="doc-{document_id}".*?</section>', html, re.S)
        assert section, f"no section for {document_id}"
        assert f'<span class="status {status}">' in section.group(0)
        assert 'href="../index.html"' in html
    # Nothing fetched from anywhere: no scripts, stylesheets or frames, every image embedded.
    html = "".join(page.read_text(encoding="utf-8") for page in [samples_run.report, *pages])
    assert not re.search(r"<(script|link|iframe)\b", html)
    sources = re.findall(r'<img src="([^"]*)"', html)
    assert sources and all(src.startswith("data:image/png;base64,") for src in sources)


def test_reference_failed_identity_is_told_and_outlined_on_its_page(samples_run):
    checked, *compared = reference_figures(samples_run.warehouse, CASH_IDENTITY)
    assert checked[3] == "(11,6)" and [f[3] for f in compared] == ["(1,6)", "(2,1)", "(8,1)", "(0,2)"]
    with chromium() as context:
        page, requests = open_report(context, document_page(samples_run))
        identity = page.locator(f'section[data-file="{REFERENCE}"] article.identity[data-check="{CASH_IDENTITY}"]')
        text = identity.inner_text()
        assert "(1,6) + (2,1) + (8,1) + (0,2) = (12,0), but “Variation de trésorerie nette” is printed (11,6) (p. 10)" in text
        assert "The difference, 0,4, exceeds the rounding tolerance 0,25" in text
        screenshot = artifact("report_reference_failed_identity.png")
        identity.screenshot(path=str(screenshot))
        print(f"\nscreenshot of the reference's failed identity: {screenshot}")

        crops = identity.locator("figure.identity-crop img")
        assert crops.count() == 1  # all five figures are on p. 10
        crop = crops.first
        assert crop.get_attribute("data-page") == "10"
        assert crop.evaluate("img => img.complete && img.naturalWidth > 0")
        image = decoded(crop.get_attribute("src"))
        region = [float(v) for v in crop.get_attribute("data-region").split(",")]
        points_per_pixel = (region[2] - region[0]) / image.width
        # The magenta frame is drawn around the printed (11,6), where the warehouse says it is.
        frame = colour_mask(image, CHECKED_OUTLINE).getbbox()
        assert frame is not None, "no outline of the checked figure on the crop"
        drawn = [region[0] + frame[0] * points_per_pixel, region[1] + frame[1] * points_per_pixel,
                 region[0] + frame[2] * points_per_pixel, region[1] + frame[3] * points_per_pixel]
        expected = [checked[2][0] - OUTLINE_PAD_POINTS, checked[2][1] - OUTLINE_PAD_POINTS,
                    checked[2][2] + OUTLINE_PAD_POINTS, checked[2][3] + OUTLINE_PAD_POINTS]
        assert all(abs(a - b) <= 2.0 for a, b in zip(drawn, expected)), (drawn, expected)
        # The four figures it is compared with are framed in blue, in the same column.
        blue = colour_mask(image, COMPARED_OUTLINE).getbbox()
        assert blue is not None
        assert region[1] + blue[1] * points_per_pixel <= compared[0][2][1]
        assert region[1] + blue[3] * points_per_pixel >= compared[-1][2][3]
        # And the browser shows them: the displayed crop has the outline colours.
        shown = Image.open(io.BytesIO(crop.screenshot()))
        assert count_colour(shown, CHECKED_OUTLINE) > 40 and count_colour(shown, COMPARED_OUTLINE) > 160

        # The figure printed twice (0,2 on p. 5, (0,2) on p. 10): one crop per page, each with its figure framed.
        checked_twice, compared_twice = reference_figures(samples_run.warehouse, SAME_FIGURE_IDENTITY)
        assert {checked_twice[1], compared_twice[1]} == {5, 10}
        twice = page.locator(f'section[data-file="{REFERENCE}"] article.identity[data-check="{SAME_FIGURE_IDENTITY}"]')
        pages = twice.locator("figure.identity-crop img")
        assert [pages.nth(i).get_attribute("data-page") for i in range(pages.count())] == ["5", "10"]
        for i in range(2):
            image = decoded(pages.nth(i).get_attribute("src"))
            magenta, blue = count_colour(image, CHECKED_OUTLINE), count_colour(image, COMPARED_OUTLINE)
            if pages.nth(i).get_attribute("data-page") == str(checked_twice[1]):
                assert magenta > 40 and blue == 0
            else:
                assert magenta == 0 and blue > 40
        assert all(url.startswith(("file:", "data:")) for url in requests), requests


def test_each_statement_figure_links_to_its_place_on_the_page(samples_run):
    (fact_id, box, region_page), = query(
        samples_run.warehouse,
        """select fact_id, [x0, top, x1, bottom], page from marts.fct_financial_facts
           where source_file = ? and statement = 'cash_flow' and page = 10 and value_text = '(11,6)'""",
        [REFERENCE],
    )
    with chromium() as context:
        page, _ = open_report(context, document_page(samples_run))
        page.locator(f'.statement td a[href="#fig-{fact_id}"]').click()
        assert page.evaluate("location.hash") == f"#fig-{fact_id}"
        target = page.locator(f"#fig-{fact_id}")
        style = target.evaluate("box => { const s = getComputedStyle(box); return [s.outlineStyle, s.outlineColor]; }")
        assert style == ["solid", "rgb({}, {}, {})".format(*CHECKED_OUTLINE)]
        in_view = target.evaluate("box => { const r = box.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
        assert in_view, "the page did not scroll to the figure"
        # The link lands on the printed figure: the overlay sits on the figure's box in the crop.
        container = target.locator("xpath=..")
        image = container.locator("img")
        region = [float(v) for v in image.get_attribute("data-region").split(",")]
        assert image.get_attribute("data-page") == str(region_page)
        shown, placed = image.bounding_box(), target.bounding_box()
        scale = shown["width"] / (region[2] - region[0])
        assert abs(placed["x"] - (shown["x"] + (box[0] - OUTLINE_PAD_POINTS - region[0]) * scale)) <= 2
        assert abs(placed["y"] - (shown["y"] + (box[1] - OUTLINE_PAD_POINTS - region[1]) * scale)) <= 2
        screenshot = artifact("report_statement_figure_link.png")
        container.screenshot(path=str(screenshot))
        print(f"\nscreenshot of a statement figure's place on its page: {screenshot}")
        assert count_colour(Image.open(screenshot), CHECKED_OUTLINE) > 40


def test_an_issuer_with_several_documents_is_plotted_over_its_periods(samples_run):
    revenue = query(
        samples_run.warehouse,
        """select count(*) from marts.fct_financial_facts where issuer like 'Brookfield%' and concept = 'Revenue'
           and value_kind = 'amount' and column_role = 'value' and basis not in ('adjusted', 'proforma') and reported_value is not null""",
    )[0][0]
    assert revenue >= 3
    with chromium() as context:
        page, _ = open_report(context, samples_run.report)
        plots = page.locator("section.plots")
        assert "Brookfield Renewable Partners L.P." in plots.locator("h3").all_inner_texts()
        assert plots.locator('figure[data-measure="Revenue"] svg circle').count() == revenue
        assert plots.locator('figure[data-measure="Cash and cash equivalents"] svg circle').count() >= 2
        # Verimatrix has one document: no plot for it.
        assert "Verimatrix" not in plots.inner_text()
        # A point leads to its figure, outlined on its document's page.
        point = plots.locator('figure[data-measure="Revenue"] svg a').first
        point.click()
        page.wait_for_load_state()
        assert re.search(r"/documents/[0-9a-f]{64}\.html#fig-[0-9a-f]+$", page.url), page.url
        fact_id = page.url.rsplit("#fig-", 1)[1]
        assert page.locator(f"#fig-{fact_id}").count() == 1
        assert page.locator(f'.statement td a[href="#fig-{fact_id}"]').count() == 1


def test_report_command_writes_the_report_and_says_what_it_cannot_show(samples_run, tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["report", "--warehouse", str(samples_run.warehouse), "--inbox", str(samples_run.inbox), "--out", str(out)]) == 0
    identities = identity_ids(out)
    assert identities == identity_ids(samples_run.report.parent)
    assert len(identities) == query(samples_run.warehouse, "select count(*) from marts.identity_results where status = 'fail'")[0][0]
    # The PDFs gone from the inbox: the report is still written, every figure listed, the reason given.
    empty = tmp_path / "empty-inbox"
    empty.mkdir()
    assert main(["report", "--warehouse", str(samples_run.warehouse), "--inbox", str(empty), "--out", str(out)]) == 0
    html = "".join(page.read_text(encoding="utf-8") for page in (out / "documents").glob("*.html"))
    assert "<img" not in html
    assert identity_ids(out) == identities
    assert html.count("Pages not shown: its PDF is not in the inbox any more") == 4
    assert "pages not shown" in capsys.readouterr().out


def test_a_second_build_writes_only_the_pages_that_changed(samples_run, tmp_path, capsys):
    """A document's page is written again only when what it shows changed: building again writes none
    and the same index; a page changed by hand is written again, a forgotten document's page deleted."""
    out = tmp_path / "report"
    command = ["report", "--warehouse", str(samples_run.warehouse), "--inbox", str(samples_run.inbox), "--out", str(out)]
    assert main(command) == 0
    pages = {path: path.stat().st_mtime_ns for path in (out / "documents").glob("*.html")}
    first = re.sub(r"generated [^·]*·", "", (out / "index.html").read_text(encoding="utf-8"))
    assert len(pages) == 4 and "(4 pages written" in capsys.readouterr().out
    assert main(command) == 0
    assert {path: path.stat().st_mtime_ns for path in (out / "documents").glob("*.html")} == pages
    assert re.sub(r"generated [^·]*·", "", (out / "index.html").read_text(encoding="utf-8")) == first
    assert "(0 pages written" in capsys.readouterr().out

    edited, stale = next(iter(pages)), out / "documents" / f"{'0' * 64}.html"
    expected = edited.read_text(encoding="utf-8")
    # As if the page had been written by another version of the code, or from other data.
    edited.write_text(re.sub(r'"fingerprint": "[0-9a-f]+"', '"fingerprint": "0"', expected), encoding="utf-8")
    stale.write_text("<!DOCTYPE html>", encoding="utf-8")
    assert main(command) == 0
    assert "(1 pages written" in capsys.readouterr().out
    assert edited.read_text(encoding="utf-8") == expected and not stale.exists()
