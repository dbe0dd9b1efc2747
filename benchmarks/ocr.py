"""OCR speed and accuracy (`make bench` runs it after the main benchmark; `python -m benchmarks.ocr`).

Statements rendered by the layout generator (tests/layouts), scanned (tests/scans: rasterised, turned a
little, speckled) at 150, 200 and 300 dpi, extracted in the pipeline's child process: seconds per OCR'd
page, and figures of the generator's key found with their label and with their period. The issue's target:
a 200-dpi scan yields at least 95 % of its figures with label and period.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.isolation import extract_isolated  # noqa: E402
from tests.layouts.generator import random_options, render_statements  # noqa: E402
from tests.layouts.typeset_scoring import measure  # noqa: E402
from tests.scans.scanner import scan_pdf  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", default="1,2,3", help="layout generator seeds, comma-separated")
    parser.add_argument("--dpi", default="150,200,300", help="scan resolutions, comma-separated")
    args = parser.parse_args()
    print("seed  dpi  pages  s/page  with label  with period  wrong period  never printed")
    with tempfile.TemporaryDirectory(prefix="ledgerline-ocr-") as tmp:
        for seed in (int(s) for s in args.seeds.split(",")):
            source = Path(tmp) / f"statements_{seed}.pdf"
            key = render_statements(source, seed=seed, options=random_options(seed))
            for dpi in (int(d) for d in args.dpi.split(",")):
                scan = scan_pdf(source, Path(tmp) / f"scan_{seed}_{dpi}.pdf", dpi=dpi, seed=seed)
                started = time.perf_counter()
                result = extract_isolated(scan, timeout_seconds=600)
                seconds = time.perf_counter() - started
                score = measure(key, result, source)
                share = lambda n: f"{n}/{score.figures} ({100 * n / max(score.figures, 1):.1f} %)"  # noqa: E731
                print(
                    f"{seed:>4} {dpi:>4} {result.pages_ocr:>6} {seconds / max(result.pages_ocr, 1):>7.1f}  "
                    f"{share(score.with_label):>18} {share(score.with_period):>18} {score.wrong_period:>6} {score.never_printed:>6}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
