"""The Dagster asset graph and its checks, as the definitions load them, against a reviewed snapshot.

A change to the graph (an asset added, renamed or moved, a dependency, a dbt test that becomes a check) is
deliberate: the test fails with a readable diff, and `python -m tests.test_asset_graph` writes the new
snapshot (tests/snapshots/asset_graph.txt) to review and commit with the change.
"""

import difflib
import sys
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "asset_graph.txt"


def describe_asset_graph() -> str:
    """One block per asset, sorted by key: its group, partitioning, upstream assets and check names."""
    import dagster as dg

    from orchestration.definitions import defs

    checks: dict[dg.AssetKey, set[str]] = {}
    for assets_def in defs.assets or []:
        if isinstance(assets_def, dg.AssetsDefinition):
            for spec in assets_def.check_specs:
                checks.setdefault(spec.asset_key, set()).add(spec.name)
    for checks_def in defs.asset_checks or []:
        for spec in checks_def.check_specs:
            checks.setdefault(spec.asset_key, set()).add(spec.name)

    lines = []
    for spec in sorted(defs.resolve_all_asset_specs(), key=lambda s: s.key.to_user_string()):
        partitioned = " (partitioned)" if spec.partitions_def is not None else ""
        lines.append(f"{spec.key.to_user_string()} [{spec.group_name}]{partitioned}")
        for dep in sorted(d.asset_key.to_user_string() for d in spec.deps):
            lines.append(f"  <- {dep}")
        for name in sorted(checks.get(spec.key, ())):
            lines.append(f"  check {name}")
    return "\n".join(lines) + "\n"


def test_the_asset_graph_and_its_checks_match_the_snapshot():
    actual = describe_asset_graph()
    expected = SNAPSHOT.read_text()
    diff = "".join(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True), "snapshot", "definitions"
    ))
    assert not diff, f"The asset graph changed (review, then `python -m tests.test_asset_graph`):\n{diff}"


if __name__ == "__main__":
    SNAPSHOT.write_text(describe_asset_graph())
    print(f"wrote {SNAPSHOT}", file=sys.stderr)
