"""Crops of PDF pages, rendered by pdfplumber, with the figures of an identity outlined on them."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from pdfplumber.page import Page

Box = tuple[float, float, float, float]
Colour = tuple[int, int, int]

# The figure an identity checks, and the figures it is compared with: colours no release prints in.
CHECKED_OUTLINE: Colour = (230, 0, 126)
COMPARED_OUTLINE: Colour = (0, 102, 255)
# A light band along the figure's row, from the label to the figure, so the eye finds the label.
ROW_BAND = (255, 204, 0, 70)

# Column headers sit above the first figure row: this much of the page above it is shown too.
HEADER_POINTS = 48.0
MARGIN_POINTS = 8.0
BOTTOM_MARGIN_POINTS = 3.0
OUTLINE_PAD_POINTS = 2.5


@dataclass(frozen=True)
class Crop:
    """A rendered part of one page; `region` is in PDF points (x0, top, x1, bottom)."""

    page: int
    region: Box
    png: bytes
    width_px: int
    height_px: int

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")

    def position(self, box: Box) -> dict[str, float]:
        """Where a box lies on the crop, in percent of its size (for overlays that scale with the image)."""
        x0, top, x1, bottom = self.region
        width, height = x1 - x0, bottom - top
        return {
            "left": round(100 * (box[0] - OUTLINE_PAD_POINTS - x0) / width, 3),
            "top": round(100 * (box[1] - OUTLINE_PAD_POINTS - top) / height, 3),
            "width": round(100 * (box[2] - box[0] + 2 * OUTLINE_PAD_POINTS) / width, 3),
            "height": round(100 * (box[3] - box[1] + 2 * OUTLINE_PAD_POINTS) / height, 3),
        }


def crop_region(page: Page, boxes: list[Box], first_row_top: float | None = None) -> Box:
    """The full width of the page (labels left, figures right) from the column headers down to the boxes' rows.

    The headers are above `first_row_top` (the table's first figure row on this page), or above the boxes.
    """
    top = min([box[1] for box in boxes] + ([first_row_top] if first_row_top is not None else [])) - HEADER_POINTS
    bottom = max(box[3] for box in boxes) + BOTTOM_MARGIN_POINTS
    x0, page_top, x1, page_bottom = page.bbox
    return (x0, max(page_top, top), x1, min(page_bottom, bottom))


def _padded(box: Box) -> Box:
    return (box[0] - OUTLINE_PAD_POINTS, box[1] - OUTLINE_PAD_POINTS, box[2] + OUTLINE_PAD_POINTS, box[3] + OUTLINE_PAD_POINTS)


def render_crop(page: Page, region: Box, resolution: int, outlines: list[tuple[Box, Colour]] = ()) -> Crop:
    """Render `region` of `page`; each (box, colour) of `outlines` is framed, its row lightly banded."""
    image = page.crop(region).to_image(resolution=resolution)
    stroke_width = max(2, round(resolution / 40))
    for box, colour in outlines:
        band = (region[0] + MARGIN_POINTS, box[1] - 1, max(region[0] + MARGIN_POINTS + 1, box[0] - OUTLINE_PAD_POINTS), box[3] + 1)
        image.draw_rect(band, fill=ROW_BAND, stroke=ROW_BAND, stroke_width=0)
        image.draw_rect(_padded(box), fill=(0, 0, 0, 0), stroke=(*colour, 255), stroke_width=stroke_width)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    width, height = image.annotated.size
    return Crop(page=page.page_number, region=region, png=buffer.getvalue(), width_px=width, height_px=height)
