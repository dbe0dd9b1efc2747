"""Where the steps of a run execute, named by a file: LEDGERLINE_EXECUTOR_CONFIG=orchestration/deploy/<...>/executor.yaml.

Without it Dagster's default applies (each step in its own process for runs the UI or the sensor
launch; `ledgerline run` executes its runs in its worker processes, in process). A document is one
partition and one run, so documents fan out on whatever executes runs and steps: Kubernetes jobs
(`k8s`, dagster-k8s), Celery workers (`celery`, dagster-celery), local processes (`multiprocess`).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import dagster as dg
import yaml

from . import settings

# executor name in the file → (module, attribute); the libraries beyond Dagster are optional extras.
EXECUTORS = {
    "multiprocess": ("dagster", "multiprocess_executor", None),
    "k8s": ("dagster_k8s", "k8s_job_executor", "k8s"),
    "celery": ("dagster_celery", "celery_executor", "celery"),
}


def read_executor_file(path: Path) -> tuple[str, dict]:
    """(executor name, its config) from a file of the form `executor: <name>` / `config: {...}`."""
    content = yaml.safe_load(Path(path).read_text()) or {}
    name = content.get("executor")
    if name not in EXECUTORS:
        raise ValueError(f"{path}: `executor` must be one of {', '.join(EXECUTORS)}, not {name!r}")
    return name, content.get("config") or {}


def executor_from_settings(path: Path | None = None) -> dg.ExecutorDefinition | None:
    """The executor the file at `path` (default $LEDGERLINE_EXECUTOR_CONFIG) names, configured; None without one."""
    path = path or settings.executor_config()
    if path is None:
        return None
    name, config = read_executor_file(path)
    module_name, attribute, extra = EXECUTORS[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(f"{path} names the `{name}` executor: install ledgerline[{extra}] ({error})") from error
    return getattr(module, attribute).configured(config, name=f"ledgerline_{name}")
