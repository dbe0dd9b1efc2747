"""The dbt project, in its own module so that the manifest is loaded once.

Nothing is parsed at import but under `dagster dev` (the UI): `make manifest` parses the project, the UI
parses it again when a model was edited since (dagster-dbt's `prepare_if_dev` would too, but with the
`dbt` found on PATH, which a virtual environment need not put there), and `ledgerline` calls
`ensure_manifest` before it builds.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from .settings import DBT_PROJECT_DIR

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def _project_files() -> list[Path]:
    """The files a build depends on: the project file, models, macros, seeds and tests."""
    return [DBT_PROJECT_DIR / "dbt_project.yml"] + sorted(
        path for folder in ("models", "macros", "seeds", "tests") for path in (DBT_PROJECT_DIR / folder).rglob("*") if path.is_file()
    )


def _manifest_is_stale(manifest: Path) -> bool:
    """No manifest yet (a fresh clone), or a model, macro, seed or project file edited since it was parsed."""
    if not manifest.exists():
        return True
    parsed_at = manifest.stat().st_mtime
    return any(path.stat().st_mtime > parsed_at for path in _project_files())


def project_version() -> str:
    """A fingerprint of the dbt project's files: a document quarantined by one version of the models,
    seeds and tests is tested again by the next (a fixed model, a new seed label)."""
    digest = hashlib.sha256()
    for path in _project_files():
        digest.update(str(path.relative_to(DBT_PROJECT_DIR)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def ensure_manifest() -> Path:
    """Parse the dbt project when its manifest is missing or older than the project's files: called before
    the dbt assets are loaded by a command that builds, never on every step."""
    if _manifest_is_stale(dbt_project.manifest_path):
        dbt = Path(sys.executable).with_name("dbt")
        subprocess.run(
            [str(dbt), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
            check=True,
            env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
        )
    return dbt_project.manifest_path


if dbt_project.preparer.using_dagster_dev():  # the models a developer edits are those the UI shows
    ensure_manifest()
