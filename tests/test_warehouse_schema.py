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
