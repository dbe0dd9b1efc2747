"""`ledgerline ui` started for real and looked at in headless Chromium, as a person would."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from .browser import artifact, chromium
from .conftest import ROOT, free_port

pytestmark = [pytest.mark.e2e, pytest.mark.browser]

EXTRACTION_ASSETS = ["documents", "document_files", "tables", "line_items", "page_issues"]
DBT_ASSETS = ["stg_line_items", "stg_documents", "dim_documents", "identity_results", "label_concepts"]
# True when every named node of the graph is drawn as materialised (its box takes the green background).
MATERIALIZED_NODES = """names => names.every(name => [...document.querySelectorAll('foreignObject div')].some(
    element => element.textContent === name && element.children.length === 0
        && (element.closest('[style*="--minimal-bg"]')?.getAttribute('style') || '').includes('green')))"""
IDENTITY_CHECKS = ["identity_calculation", "identity_same_figure_agrees", "identity_table_total", "identity_fact_ids_resolve"]


def processes_marked(marker: str) -> list[int]:
    """Processes whose environment carries `marker`: `ledgerline ui` and everything it started."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def wait_until_serving(url: str, process: subprocess.Popen, log: Path, timeout: float = 150) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"`ledgerline ui` exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(f"the Dagster UI did not answer on {url} within {timeout} s:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen, marker: str) -> None:
    """SIGTERM, as a service manager would: the UI must shut down with everything it started."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=90)
    except subprocess.TimeoutExpired:
        process.kill()
    deadline = time.monotonic() + 30
    while processes_marked(marker) and time.monotonic() < deadline:
        time.sleep(0.5)
    leftovers = processes_marked(marker)
    for pid in leftovers:
        os.kill(pid, signal.SIGKILL)
    assert not leftovers, f"processes left running after the UI was stopped: {leftovers}"


def test_ui_shows_the_asset_graph_with_its_checks_and_opens_the_report(samples_run, tmp_path):
    port, marker = free_port(), f"ledgerline-ui-test-{uuid.uuid4()}"
    log = tmp_path / "ui.log"
    environment = {
        **os.environ,
        "DAGSTER_HOME": str(samples_run.dagster_home),
        "LEDGERLINE_WAREHOUSE": str(samples_run.warehouse),
        "LEDGERLINE_INBOX": str(samples_run.inbox),
        "LEDGERLINE_UI_TEST_MARKER": marker,
    }
    environment.pop("LEDGERLINE_REPORT_DIR", None)
    command = [str(Path(sys.executable).with_name("ledgerline")), "ui", "--port", str(port), "--report-port", str(samples_run.report_port)]
    with open(log, "wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/server_info", process, log)
        from playwright.sync_api import expect

        # Tall enough for the whole graph, expanded, at a scale where the UI draws every node with its name.
        with chromium(1800, 4400) as context:
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/asset-groups")
            graph = page.locator("foreignObject")
            # The graph is drawn once the GraphQL queries answer: its group boxes carry their names.
            expect(graph.get_by_text("extraction", exact=True).first).to_be_visible(timeout=90_000)
            community = page.get_by_role("button", name="Skip")
            try:
                community.click(timeout=5_000)  # a new instance greets its first visitor with a newsletter form
            except Exception:  # noqa: BLE001 - no greeting: nothing to dismiss
                pass
            page.keyboard.press("Alt+e")  # expand all groups, the UI's shortcut
            shown = EXTRACTION_ASSETS + DBT_ASSETS + ["quality_report"]
            for name in shown:
                expect(graph.get_by_text(name, exact=True).first).to_be_visible(timeout=30_000)
            # Each node turns green once the UI has loaded its latest materialisation: the run's, in this instance.
            page.wait_for_function(MATERIALIZED_NODES, arg=shown, timeout=90_000)
            screenshot = artifact("ui_asset_graph.png")
            page.screenshot(path=str(screenshot))
            print(f"\nscreenshot of the Dagster asset graph: {screenshot}")

            # The checks, in the asset's panel beside the graph: dbt's tests, and the extraction's check.
            graph.get_by_text("identity_results", exact=True).first.click()
            panel_checks = page.get_by_text("View all check details")
            expect(panel_checks).to_be_visible(timeout=30_000)
            panel_checks.scroll_into_view_if_needed()
            rows = {check: page.get_by_text(check, exact=True).first.locator("xpath=ancestor::a[1]/..") for check in IDENTITY_CHECKS}
            for row in rows.values():
                expect(row).to_be_visible()
            # The reference release's publication flaws are failed checks, shown as such.
            expect(rows["identity_calculation"]).to_contain_text("Failed")
            expect(rows["identity_same_figure_agrees"]).to_contain_text("Failed")
            expect(rows["identity_fact_ids_resolve"]).to_contain_text("Passed")
            screenshot = artifact("ui_identity_checks.png")
            page.screenshot(path=str(screenshot))
            print(f"screenshot of the identity checks in the asset graph: {screenshot}")
            graph.get_by_text("documents", exact=True).first.click()
            expect(page.get_by_text("document_extracted", exact=True).first).to_be_visible(timeout=30_000)

            # The report is linked from its asset's metadata, and opens from there.
            page.goto(f"http://127.0.0.1:{port}/assets/quality_report")
            link = page.get_by_role("link", name=f"http://127.0.0.1:{samples_run.report_port}/index.html")
            expect(link).to_be_visible(timeout=60_000)
            with context.expect_page() as opened:
                link.click()
            report = opened.value
            expect(report.get_by_role("heading", name="Ledgerline quality report")).to_be_visible(timeout=30_000)
            # The index leads to the reference's own page, served beside it.
            report.locator("section.overview a", has_text="verimatrix_FY2025_fr.pdf").click()
            expect(report.locator('section[data-file="verimatrix_FY2025_fr.pdf"] article.identity').first).to_be_visible(timeout=30_000)
            assert report.url.startswith(f"http://127.0.0.1:{samples_run.report_port}/documents/")
    finally:
        stop(process, marker)
    assert process.returncode is not None
