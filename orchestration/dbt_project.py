"""The dbt project, in its own module so that the manifest is loaded once (see README: `make manifest`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from .settings import DBT_PROJECT_DIR

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def ensure_manifest() -> Path:
    """Parse the dbt project once when no manifest exists yet (a fresh clone), never on every step."""
    if not dbt_project.manifest_path.exists():
        dbt = Path(sys.executable).with_name("dbt")
        subprocess.run(
            [str(dbt), "parse", "--quiet", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)],
            check=True,
            env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"},
        )
    return dbt_project.manifest_path


ensure_manifest()
