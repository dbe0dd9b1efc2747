"""Crops of PDF pages, rendered by pdfium, with the figures of an identity outlined on them."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

import pypdfium2
from markupsafe import Markup
from pdfplumber.page import Page
from PIL import Image, ImageDraw

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
    def data_uri(self) -> Markup:
        # Base64 needs no HTML escaping: marked safe, the template does not scan megabytes for nothing.
        return Markup("data:image/png;base64," + base64.b64encode(self.png).decode("ascii"))

    def position(self, box: Box) -> dict[str, float]:
        """Where a box lies on the crop, in percent of its size (for overlays that scale with the image)."""
        x0, top, x1, bottom = self.region
        width, height = x1 - x0, bottom - top
        left, upper, right, lower = _padded(box)
        return {
            "left": round(100 * (left - x0) / width, 3),
            "top": round(100 * (upper - top) / height, 3),
            "width": round(100 * (right - left) / width, 3),
            "height": round(100 * (lower - upper) / height, 3),
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


# Crops are drawn in grey with a few colours on top, so that they are palette images from the start:
# quantising a colour rendering to a palette took as long as rendering and encoding it together.
GREY_LEVELS = 64
BANDED = GREY_LEVELS  # palette index of the first grey under the row band


def _palette(colours: list[Colour]) -> list[int]:
    """The page's greys, the same greys under the row band, then the outline colours."""
    greys = [round(level * 255 / (GREY_LEVELS - 1)) for level in range(GREY_LEVELS)]
    *band, alpha = ROW_BAND
    opacity = alpha / 255
    palette = [value for grey in greys for value in (grey, grey, grey)]
    palette += [round(grey * (1 - opacity) + channel * opacity) for grey in greys for channel in band]
    return palette + [value for colour in colours for value in colour]


def render_crop(page: Page, pdfium_page: pypdfium2.PdfPage, region: Box, resolution: int, outlines: list[tuple[Box, Colour]] = ()) -> Crop:
    """Render `region` of `page` in grey; each (box, colour) of `outlines` is framed, its row lightly banded.

    pdfium renders the region only (pdfplumber's `to_image` would open the file again and render the
    whole page for every crop): `pdfium_page` is `page` in the document pdfium has open.
    """
    scale = resolution / 72
    left, top, right, bottom = region
    # pdfium draws the page's crop box; pdfplumber's coordinates are the media box's, top-left origin.
    box_left, box_top, box_right, box_bottom = page.cropbox
    margins = (max(0.0, left - box_left), max(0.0, box_bottom - bottom), max(0.0, box_right - right), max(0.0, top - box_top))
    rendered = pdfium_page.render(
        scale=scale, crop=margins, grayscale=True, no_smoothtext=True, no_smoothpath=True, no_smoothimage=True
    ).to_pil()
    image = rendered.point([value * GREY_LEVELS // 256 for value in range(256)])

    def pixels(box: Box) -> tuple[int, int, int, int]:
        return (round((box[0] - left) * scale), round((box[1] - top) * scale), round((box[2] - left) * scale), round((box[3] - top) * scale))

    colours = list(dict.fromkeys(colour for _, colour in outlines))
    for box, _ in outlines:
        band = pixels((left + MARGIN_POINTS, box[1] - 1, max(left + MARGIN_POINTS + 1, box[0] - OUTLINE_PAD_POINTS), box[3] + 1))
        image.paste(image.crop(band).point(lambda level: level + BANDED if level < BANDED else level), band[:2])
    draw = ImageDraw.Draw(image)
    stroke_width = max(2, round(resolution / 40))
    for box, colour in outlines:
        draw.rectangle(pixels(_padded(box)), outline=2 * GREY_LEVELS + colours.index(colour), width=stroke_width)
    palette_image = Image.frombytes("P", image.size, image.tobytes())
    palette_image.putpalette(_palette(colours))
    buffer = io.BytesIO()
    # zlib's level 3 encodes twice as fast as its default 6, for files about 1.6 times as large.
    palette_image.save(buffer, format="PNG", compress_level=3)
    return Crop(page=page.page_number, region=region, png=buffer.getvalue(), width_px=image.width, height_px=image.height)
