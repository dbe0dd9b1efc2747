"""`make fuzz`: a longer fault campaign, counts per fault class; exit status 1 when any mutant shows a problem.

    python -m tests.fuzz [--count 300] [--seed 0] [--keep DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from .campaign import counts_per_class, format_counts, run_mutant
from .mutants import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="mutants to generate (default 300)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0): the same seed gives the same mutants")
    parser.add_argument("--keep", help="folder to keep the mutants that show a problem in (default: a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ledgerline-fuzz-") as scratch:
        work_dir = Path(args.keep or scratch)
        work_dir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        verdicts = [run_mutant(mutant, index, work_dir) for index, mutant in enumerate(generate(args.count, work_dir, seed=args.seed))]
        print(format_counts(counts_per_class(verdicts)))
        print(f"\n{len(verdicts)} mutants (seed {args.seed}) in {time.perf_counter() - started:.0f} s")
        bad = [v for v in verdicts if v.problems]
        for verdict in bad:
            print(f"  {verdict.mutant.fault} ({verdict.mutant.seed.name}, {verdict.mutant.note}): {', '.join(verdict.problems)}: "
                  f"{verdict.status}: {verdict.error}")
        if bad and args.keep:
            print(f"the mutants with a problem are in {work_dir}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
