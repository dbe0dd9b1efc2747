"""A pool slot held by a step for a short part of its work, claimed with a fine-grained wait.

Dagster claims a step's pool slot before the step starts and, when the slot is taken, looks again
after 1 s, then 1.1 s, and so on up to 15 s: right for long steps. A document's write takes a tenth
of a second; with several workers writing, each write waited a second or more for a slot that had
long been free, and two workers extracted more slowly than one (benchmarks/RESULTS.md). The write
step therefore claims its slot in the same pool itself, looking every few milliseconds, and frees it
as soon as the write is committed. Steps that declare `pool=` (dbt, publish) queue in the same pool.
"""

from __future__ import annotations

import time
from contextlib import contextmanager

import dagster as dg


@contextmanager
def pool_slot(context: dg.OpExecutionContext, pool: str, *, timeout_seconds: float, poll_seconds: float = 0.02):
    storage = context.instance.event_log_storage
    if not storage.supports_global_concurrency_limits or not _has_limit(storage, pool):
        yield  # no limit on this instance: Dagster's own steps would not wait either
        return
    run_id, step_key = context.run_id, context.get_step_execution_context().step.key
    deadline = time.monotonic() + timeout_seconds
    try:
        while not storage.claim_concurrency_slot(pool, run_id, step_key).is_claimed:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no slot of the {pool!r} pool became free within {timeout_seconds:.0f} s")
            time.sleep(poll_seconds)
        yield
    finally:
        storage.free_concurrency_slot_for_step(run_id, step_key)  # the claim, or the place in its queue


def _has_limit(storage, pool: str) -> bool:
    """The pool's limit, set to the instance's default (dagster.yaml) the first time, as Dagster does."""
    if any(limit.name == pool for limit in storage.get_pool_limits()):
        return True
    storage.initialize_concurrency_limit_to_default(pool)
    return any(limit.name == pool for limit in storage.get_pool_limits())
