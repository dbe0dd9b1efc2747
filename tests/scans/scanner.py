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


def statement_as_picture(source: Path, target: Path, *, dpi: int = 200, page_index: int = 0, title: str = "Acme - Annual results") -> Path:
    """`target`: one page whose title and footer are text and whose statement (page `page_index` of
    `source`, rasterised at `dpi`) is a picture embedded below the title: a text layer that is small, and a
    table only OCR can read."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    document = pdfium.PdfDocument(str(source))
    try:
        page = document[page_index]
        width, height = page.get_size()
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        page.close()
    finally:
        document.close()
    canvas = Canvas(str(target), pagesize=(width, height + 90))
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(40, height + 60, title)
    canvas.drawImage(ImageReader(image), 0, 30, width=width, height=height)
    canvas.setFont("Helvetica", 8)
    canvas.drawString(40, 12, "This page is published for information only.")
    canvas.showPage()
    canvas.save()
    return target
