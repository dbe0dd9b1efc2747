"""The dbt `unit_tests` (given rows → expected rows, as dbt-labs' jaffle-shop writes them) of the identity
checks and of the label → concept mapping, run by dbt itself without building a warehouse: the raw tables are
created empty, `dbt build --empty` makes every model an empty relation of the right columns (so that dbt knows
the types of each input), and the unit tests run against their fixtures only. About 20 s.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

DBT_PROJECT = ROOT / "dbt_project"
# The rules that must each be held by unit tests: every identity check and the concept mapping, whose
# rules are split over the models the header of models/intermediate/int_row_concepts.sql names.
CONCEPT_MAPPING_MODELS = [
    "int_table_rows", "int_label_concepts", "int_row_label_candidates", "int_row_unlabelled_totals",
    "int_balance_sheet_positions", "int_row_concepts",
]
RULE_MODELS = sorted([path.stem for path in (DBT_PROJECT / "models").rglob("int_identity__*.sql")] + CONCEPT_MAPPING_MODELS)


@pytest.fixture(scope="module")
def unit_test_build(tmp_path_factory):
    """run_results.json and manifest.json of `dbt build --empty` without the data tests, on an empty warehouse."""
    from orchestration.warehouse import Warehouse

    root = tmp_path_factory.mktemp("dbt-unit")
    warehouse = Warehouse(root / "warehouse.duckdb")
    warehouse.ensure_schema()  # the raw tables the staging models select from, empty
    target = root / "target"
    dbt = Path(sys.executable).with_name("dbt")
    result = subprocess.run(
        [str(dbt), "build", "--empty", "--exclude", "test_type:data", "--profiles-dir", str(DBT_PROJECT),
         "--project-dir", str(DBT_PROJECT), "--target-path", str(target), "--log-path", str(target)],
        capture_output=True, text=True,
        env={**os.environ, "LEDGERLINE_WORK_DB": str(warehouse.work_path), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
    )
    run_results = json.loads((target / "run_results.json").read_text()) if (target / "run_results.json").exists() else {"results": []}
    manifest = json.loads((target / "manifest.json").read_text())
    return result, run_results, manifest


def test_every_unit_test_passes(unit_test_build):
    result, run_results, _ = unit_test_build
    unit_results = [r for r in run_results["results"] if r["unique_id"].startswith("unit_test.")]
    failed = {r["unique_id"]: r["message"] for r in unit_results if r["status"] != "pass"}
    assert unit_results, f"no unit test ran:\n{result.stdout[-3000:]}{result.stderr[-2000:]}"
    assert not failed, "\n\n".join(f"{name}:\n{message}" for name, message in failed.items())
    assert result.returncode == 0, result.stdout[-3000:]



def test_every_identity_rule_and_the_mapping_have_unit_tests(unit_test_build):
    _, _, manifest = unit_test_build
    tested = {test["model"] for test in manifest["unit_tests"].values()}
    assert RULE_MODELS and not set(RULE_MODELS) - tested, f"models without unit tests: {sorted(set(RULE_MODELS) - tested)}"
