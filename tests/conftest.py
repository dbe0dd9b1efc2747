from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
REFERENCE_PDF = SAMPLES / "verimatrix_FY2025_fr.pdf"


@pytest.fixture(scope="session")
def reference_extraction():
    from extract import extract_document

    return extract_document(REFERENCE_PDF)
