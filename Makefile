# Two commands do all the set-up: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: install run test test-fast ui manifest docs lock clean browser libreoffice tesseract report bench fuzz

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# The dbt manifest is parsed once here, not in every Dagster step.
manifest: $(STAMP)
	cd dbt_project && ../$(BIN)/dbt parse --quiet --profiles-dir .

run: manifest
	mkdir -p $(DAGSTER_HOME)
	$(BIN)/ledgerline run

# The browser tests (the report and the Dagster UI, opened as a person would) drive Debian's Chromium
# through Playwright; a clean machine gets the packages here instead of a skipped test.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
$(CHROMIUM):
	@echo "Installing Debian's chromium and chromium-driver for the browser tests..."
	$(SUDO) apt-get -o DPkg::Lock::Timeout=600 update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium chromium-driver

browser: $(CHROMIUM)

# The extraction is also tested on documents typeset by software that is not ours (tests/layouts/engines.py):
# Chromium above and LibreOffice's Writer without its GUI (84 MB to download, 259 MB installed, under a
# minute; Chromium is 422 MB installed).
SOFFICE := /usr/bin/soffice
$(SOFFICE):
	@echo "Installing Debian's libreoffice-writer-nogui for the typesetting tests..."
	$(SUDO) apt-get -o DPkg::Lock::Timeout=600 update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends libreoffice-writer-nogui

libreoffice: $(SOFFICE)

# Pages without a usable text layer (scans) are read by Tesseract with its French and English data
# (extract/ocr.py): Debian's tesseract-ocr, tesseract-ocr-fra and tesseract-ocr-eng (about 10 MB to download).
# Without them such pages are not read, and their documents say why.
tesseract:
	@if ! { tesseract --list-langs 2>/dev/null | grep -qx fra && tesseract --list-langs 2>/dev/null | grep -qx eng; }; then \
		echo "Installing Debian's tesseract-ocr with its French and English data for OCR..."; \
		$(SUDO) apt-get -o DPkg::Lock::Timeout=600 update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng; \
	fi

test: manifest browser libreoffice tesseract
	$(BIN)/python -m pytest

# The fast tier (under two minutes): the parsers, the extraction of single real pages and documents, the
# dbt unit tests of the identity checks and the concept mapping, and the snapshot of the Dagster asset
# graph and its checks. No pipeline build, no browser: `make test` runs everything, these included.
FAST_TESTS := tests/test_numbers.py tests/test_periods.py tests/test_units.py tests/test_issuer.py \
	tests/test_spanning_headers.py tests/test_extract_documents.py tests/test_unseen_layouts.py \
	tests/test_warehouse_schema.py tests/test_dbt_unit_tests.py tests/test_asset_graph.py
test-fast: manifest
	$(BIN)/python -m pytest $(FAST_TESTS)

# A longer fault campaign (tests/fuzz/; `make test` runs 30 mutants): damaged and hostile PDFs generated
# from seeds, counts per fault class; fails when any mutant raised, timed out, was reported complete with
# pages or figures missing, or got a reason that does not say what is wrong. FUZZ_SEED draws other mutants.
FUZZ_COUNT ?= 300
FUZZ_SEED ?= 0
fuzz: install
	$(BIN)/python -m tests.fuzz --count $(FUZZ_COUNT) --seed $(FUZZ_SEED)

# Speed and scale on this machine (see benchmarks/RESULTS.md); BENCH_DOCS=100 for a quicker run.
BENCH_DOCS ?= 1000
bench: manifest tesseract
	$(BIN)/python -m benchmarks.bench --docs $(BENCH_DOCS)
	$(BIN)/python -m benchmarks.ocr

ui: manifest
	$(BIN)/ledgerline ui

# The quality report of the published warehouse (`make run` writes it too): reports/index.html.
report: manifest
	$(BIN)/ledgerline report

docs: manifest
	cd dbt_project && LEDGERLINE_WORK_DB=$(CURDIR)/warehouse.duckdb ../$(BIN)/dbt docs generate --profiles-dir . && ../$(BIN)/dbt docs serve --profiles-dir . --host 127.0.0.1 --port 8080

# Re-pin the whole dependency set (needs the registries): the lock is what installs use.
lock:
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) dbt_project/target dbt_project/logs .dagster_home warehouse.duckdb warehouse.work.duckdb reports
