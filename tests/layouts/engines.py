"""HTML printed to PDF by typesetters that are not ours: headless Chromium and LibreOffice.

Both are Debian packages the Makefile installs (`make browser`, `make libreoffice`); a missing one
raises ``EngineMissing`` with that instruction, which the tests turn into a failure, never a skip.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = Path('/usr/bin/chromium')
SOFFICE = Path('/usr/bin/soffice')
ENGINES = ('chromium', 'libreoffice')
TIMEOUT_SECONDS = 180


class EngineMissing(RuntimeError):
    pass


def print_to_pdf(engine: str, html: Path, pdf: Path) -> Path:
    """Print ``html`` (a file) to ``pdf`` with ``engine``; returns ``pdf``."""
    if engine not in ENGINES:
        raise ValueError(f'engine must be one of {ENGINES}, not {engine!r}')
    html, pdf = Path(html).resolve(), Path(pdf).resolve()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    (_chromium if engine == 'chromium' else _libreoffice)(html, pdf)
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError(f'{engine} wrote no PDF for {html}')
    return pdf


def _chromium(html: Path, pdf: Path) -> None:
    if not CHROMIUM.exists():
        raise EngineMissing(f'{CHROMIUM} is missing: run `make browser` (apt-get install chromium)')
    from ..browser import CHROMIUM_ARGS  # the flags that keep Chromium from stalling offline

    with tempfile.TemporaryDirectory(prefix='ledgerline-print-') as profile:
        _run([str(CHROMIUM), *CHROMIUM_ARGS, f'--user-data-dir={profile}', '--no-pdf-header-footer',
              f'--print-to-pdf={pdf}', html.as_uri()])


def _libreoffice(html: Path, pdf: Path) -> None:
    if not SOFFICE.exists():
        raise EngineMissing(f'{SOFFICE} is missing: run `make libreoffice` (apt-get install libreoffice-writer-nogui)')
    # A private profile: two conversions at once (or a user's open LibreOffice) would share and lock one.
    with tempfile.TemporaryDirectory(prefix='ledgerline-soffice-') as work:
        work = Path(work)
        # Imported into Writer proper ('HTML (StarWriter)'): Writer/Web, the default for .html, spaces every
        # table cell's paragraph by half a centimetre, which no office document does.
        _run([str(SOFFICE), f'-env:UserInstallation={(work / "profile").as_uri()}', '--headless', '--norestore',
              '--infilter=HTML (StarWriter)', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', str(work / 'out'),
              str(html)])
        shutil.move(work / 'out' / f'{html.stem}.pdf', pdf)


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
    if done.returncode != 0:
        raise RuntimeError(f'{command[0]} failed ({done.returncode}): {done.stderr[-2000:]}')
