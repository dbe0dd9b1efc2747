"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright: tests look at pages as a person would.

`make test` installs the browser when it is missing (`make browser`); a test that cannot find it fails
with that instruction, it is never skipped.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium stalls on a machine with no general network access.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Screenshots for a person to look at (ignored by git); each test prints where it saved its own.
ARTIFACTS = ROOT / "tests" / "artifacts"


@contextmanager
def chromium(width: int = 1400, height: int = 1000) -> Iterator:
    """A browser context with a fresh profile; closed (and its profile removed) at the end."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium. Run `make browser` "
            "(apt-get install chromium chromium-driver); `make test` does it.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory(prefix="ledgerline-chromium-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, viewport={"width": width, "height": height}
        )
        try:
            yield context
        finally:
            context.close()


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


def colour_mask(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 40) -> Image.Image:
    """A black-and-white mask of the pixels within `tolerance` of `colour` on every channel."""
    channels = image.convert("RGB").split()
    masks = [channel.point(lambda v, c=c: 255 if abs(v - c) <= tolerance else 0) for channel, c in zip(channels, colour)]
    return ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])


def count_colour(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 40) -> int:
    return colour_mask(image, colour, tolerance).histogram()[255]
