"""A warehouse written by an earlier version gets the new raw columns instead of failing the next run."""

import duckdb

from extract.document import EXTRACTED, DocumentExtraction
from extract.issuer import IssuerEvidence
from orchestration.warehouse import Warehouse

OLD_DOCUMENTS = """
CREATE SCHEMA raw;
CREATE TABLE raw.documents (
    document_id VARCHAR PRIMARY KEY, source_file VARCHAR NOT NULL, pages INTEGER, size_bytes BIGINT NOT NULL,
    status VARCHAR NOT NULL, error VARCHAR, language VARCHAR, title VARCHAR, table_count INTEGER NOT NULL,
    line_item_count INTEGER NOT NULL, extracted_at TIMESTAMPTZ NOT NULL, extractor_version VARCHAR NOT NULL,
    extraction_seconds DOUBLE
);
INSERT INTO raw.documents VALUES ('old', 'old.pdf', 1, 1, 'extracted', NULL, 'fr', 'Old', 0, 0, now(), '0.1.0', 1.0);
"""


def test_issuer_columns_are_added_to_an_existing_warehouse(tmp_path):
    store = Warehouse(tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(store.work_path)) as connection:
        connection.execute(OLD_DOCUMENTS)
    extraction = DocumentExtraction(
        document_id="new", source_file="new.pdf", size_bytes=1, status=EXTRACTED,
        issuer=IssuerEvidence(name="Verimatrix", isins=["FR0010291245"], tickers=["EURONEXT PARIS:VMX"]),
    )
    store.write_document(extraction, file_names=["new.pdf"])
    with duckdb.connect(str(store.work_path), read_only=True) as connection:
        rows = connection.execute("select document_id, issuer_name, isins, tickers from raw.documents order by document_id").fetchall()
    assert rows == [("new", "Verimatrix", ["FR0010291245"], ["EURONEXT PARIS:VMX"]), ("old", None, None, None)]


OLD_LINE_ITEMS = """
CREATE TABLE raw.line_items (
    document_id VARCHAR NOT NULL, page INTEGER NOT NULL, table_index INTEGER NOT NULL, row_index INTEGER NOT NULL,
    column_index INTEGER NOT NULL, label VARCHAR NOT NULL, section VARCHAR, note VARCHAR, column_header VARCHAR NOT NULL,
    column_role VARCHAR NOT NULL, value_text VARCHAR NOT NULL, reported_value DECIMAL(38, 6), value_kind VARCHAR NOT NULL,
    printed_decimals INTEGER NOT NULL, scale BIGINT, currency VARCHAR, period_type VARCHAR, period_start DATE, period_end DATE,
    is_total BOOLEAN NOT NULL, wrapped_label BOOLEAN NOT NULL, x0 DOUBLE NOT NULL, top DOUBLE NOT NULL, x1 DOUBLE NOT NULL,
    bottom DOUBLE NOT NULL, table_caption VARCHAR, unit_caption VARCHAR, statement VARCHAR NOT NULL, basis VARCHAR NOT NULL
);
INSERT INTO raw.line_items VALUES ('old', 1, 0, 0, 0, 'Revenue', NULL, NULL, '2023', 'value', '12,5', 12.5, 'amount', 1,
    1000000, 'EUR', 'duration', '2023-01-01', '2023-12-31', false, false, 1, 2, 3, 4, NULL, NULL, 'income_statement', 'ifrs');
"""


def test_ocr_provenance_columns_are_added_and_older_figures_read_from_the_text_layer(tmp_path):
    """A warehouse from before OCR gets raw.documents.pages_ocr and raw.line_items.source/ocr_confidence;
    its figures were all read from a text layer, and say so."""
    store = Warehouse(tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(store.work_path)) as connection:
        connection.execute(OLD_DOCUMENTS + OLD_LINE_ITEMS)
    store.write_document(DocumentExtraction(document_id="new", source_file="new.pdf", size_bytes=1, status=EXTRACTED), file_names=["new.pdf"])
    with duckdb.connect(str(store.work_path), read_only=True) as connection:
        documents = connection.execute("select document_id, pages_ocr from raw.documents order by 1").fetchall()
        items = connection.execute("select document_id, source, ocr_confidence from raw.line_items").fetchall()
    assert documents == [("new", 0), ("old", None)]
    assert items == [("old", "text_layer", None)]
