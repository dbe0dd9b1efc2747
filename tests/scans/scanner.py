"""A PDF "scanned": each page rasterised at a resolution, turned a little (a sheet is never fed quite
straight), speckled with noise, and saved as a PDF of images only, no text layer. Seeded, so that a
scan is the same on every run."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image


def scan_pdf(source: Path, target: Path, *, dpi: int, skew_degrees: float = 0.4, noise: float = 12.0, seed: int = 0) -> Path:
    """`target`: the pages of `source` as grey images at `dpi`, rotated by `skew_degrees` (alternating
    sign from page to page) with Gaussian noise of standard deviation `noise` grey levels."""
    rng = np.random.default_rng(seed)
    document = pdfium.PdfDocument(str(source))
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            turned = image.rotate(skew_degrees * (-1) ** index, resample=Image.BILINEAR, fillcolor=255)
            pixels = np.asarray(turned, dtype=np.float32) + rng.normal(0, noise, size=(turned.height, turned.width))
            images.append(Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)))
    finally:
        document.close()
    images[0].save(target, save_all=True, append_images=images[1:], resolution=float(dpi))
    return target
