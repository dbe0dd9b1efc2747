"""Pages without a usable text layer, read by OCR (Tesseract, offline, on CPU) into the same tokens a
text layer gives, so that they go through the same table extraction.

Why Tesseract called directly (its TSV output) rather than OCRmyPDF: the TSV gives every word's box
*and* confidence, which each figure carries into the warehouse; a text layer written by OCRmyPDF and
read back by pdfplumber gives the boxes but loses the confidence, and costs a PDF rewrite per page.

What is done to a page image before Tesseract reads it, and why:
- rendered by pdfium at 300 dpi in grey: Tesseract reads best with capitals ~30 px high; a 150-dpi scan
  is upsampled, which costs nothing in accuracy;
- straightened (a projection profile: the angle whose rows of ink are the sharpest): a figure at the
  right of a 1° skewed row sits a line lower than its label, and rows would be joined wrongly;
- black and white (`clean_page`), light text on dark fills inverted (`light_on_dark`);
- ruled lines removed (runs of ink longer than a quarter of an inch): a cell border beside a figure is
  read as `]`, `)` or `1` (`852)` would be a negative figure), and a grid hides the text from
  Tesseract's page layout.
Tesseract reads the page as one block (`--psm 6`): its automatic layout (`--psm 3`) drops most cells of a
ruled statement (57 figures of ~500 on a scanned balance sheet). The words' boxes are mapped back to the
page as printed (skew included), so that a figure's box frames it on the page image. After Tesseract:
words after a figure read as letters are read again as figures, a page's digit-group separator is applied
to the few figures read with the other mark, and a whole number in a column of decimals (a lost decimal
mark) is left out and named.
"""

from __future__ import annotations

import ctypes
import math
import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO

import numpy as np
from PIL import Image

from .layout import Token
from .numbers import NIL_MARKERS, day_and_year, glued_digit_groups, group_separator, parse_number, repair_ocr_figure
from .quality import GARBLED_FONT_ENCODING

ENGINE = "tesseract"
OCR_DPI = 300
OCR_PAGE = "ocr_page"  # the page issue that says a page was read by OCR, and why
NO_TEXT_LAYER = "no_text_layer"
IMAGE_ONLY = "the page is an image without a text layer"
# Tesseract's languages, in order of preference; those installed are used together.
LANGUAGES = ("fra", "eng")
# One page must not take the whole document's time limit; the extraction's own limit still applies.
PAGE_TIMEOUT_SECONDS = 120
# A ruling line is a run of ink longer than this (inches): a printed character is at most ~0.2 in wide or high
# (an 18-point capital), and the edge of a header band filled in colour is ~0.3 in high.
_RULE_INCHES = 1 / 4
_MAX_SKEW_DEGREES = 3.0
_INK_PER_EM = 0.75
_BEARING_EM = 0.1
# Where black begins, from the darkest ink (0) to the paper (1).
_INK_THRESHOLD = 0.65
# Share of ink around a pixel above which it is inside a dark fill.
_FILL_SHARE = 0.6
# A page whose text layer has at least this share of garbled words is read by OCR.
_GARBLED_SHARE = 0.2
# Right edges within this many points make a column of figures; a column printing decimals in this share of
# its figures (or more) prints them in all.
_COLUMN_ALIGNMENT = 4.0
_COLUMN_SHARE = 0.8
# A word read again as a figure replaces the first reading only when Tesseract is at least this sure of it.
_SURE = 80
_STANDARD_FONTS = {"Helvetica", "Times", "Times-Roman", "Courier", "Symbol", "ZapfDingbats", "Arial", "TimesNewRoman"}


@dataclass
class OcrWord:
    """A word as Tesseract read it, its box in the straightened image (PDF points)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float


@dataclass
class OcrPage:
    """What the OCR of one page produced: its words, and the rotation that straightened the page
    (degrees, counter-clockwise, about the page's centre) to map boxes back to the page as printed."""

    words: list[OcrWord] = field(default_factory=list)
    # Figures left out, each with why: read without the decimal mark their column prints (see
    # `lost_decimal_marks`), or with a quote mark where a sign stands (`sign_read_as_quote`).
    doubtful: list[tuple[OcrWord, str]] = field(default_factory=list)
    angle: float = 0.0
    width: float = 0.0
    height: float = 0.0
    reason: str = ""

    @property
    def mean_confidence(self) -> float | None:
        return sum(w.confidence for w in self.words) / len(self.words) if self.words else None

    def to_page(self, x: float, y: float) -> tuple[float, float]:
        """A point of the straightened page → the same point on the page as printed."""
        theta = math.radians(self.angle)
        cx, cy = self.width / 2, self.height / 2
        dx, dy_up = x - cx, cy - y
        x_page = dx * math.cos(theta) + dy_up * math.sin(theta)
        y_page_up = -dx * math.sin(theta) + dy_up * math.cos(theta)
        return cx + x_page, cy - y_page_up

    def box_on_page(self, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        corners = [self.to_page(x, y) for x in (x0, x1) for y in (top, bottom)]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        return min(xs), min(ys), max(xs), max(ys)

    def confidence_within(self, x0: float, top: float, x1: float, bottom: float) -> float | None:
        """The lowest confidence of the words a figure's box (straightened frame) is made of: a figure is
        as doubtful as its most doubtful part (`1` + `234,5`)."""
        inside = [
            w.confidence for w in self.words
            if min(x1, w.x1) - max(x0, w.x0) > 0.3 * min(x1 - x0, w.x1 - w.x0) and min(bottom, w.bottom) - max(top, w.top) > 0
        ]
        return min(inside) if inside else None


# Images without a word of the text layer on them covering this share of the page make it worth OCR: a
# statement embedded as a picture under a title and a footer that are text.
_IMAGE_SHARE = 0.25
IMAGE_WITHOUT_TEXT = "images without text cover"


def textless_image_boxes(page, tokens: list[Token]) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom, PDF points from the page's top) of the pdfium page's images on which
    the text layer has no word: what only OCR can read there."""
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    boxes = []
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = image.get_bounds()
        box = (left, height - top, right, height - bottom)
        if not any(box[0] <= (t.x0 + t.x1) / 2 <= box[2] and box[1] <= (t.top + t.bottom) / 2 <= box[3] for t in tokens):
            boxes.append(box)
    return boxes


def textless_image_share(page, tokens: list[Token]) -> float:
    """The share of the page its images without words cover (overlaps counted once per image)."""
    width, height = page.get_width(), page.get_height()
    covered = sum(
        max(0.0, min(x1, width) - max(x0, 0.0)) * max(0.0, min(bottom, height) - max(top, 0.0))
        for x0, top, x1, bottom in textless_image_boxes(page, tokens)
    )
    return min(1.0, covered / (width * height)) if width and height else 0.0


def _garbled(text: str) -> bool:
    return "(cid:" in text or any(0xE000 <= ord(c) <= 0xF8FF for c in text)


def needs_ocr(tokens: list[Token], issues: list[tuple[str, str]], textless_share: float = 0.0) -> str | None:
    """Why a page must be read by OCR, or None when its text layer is usable: it has none (an image);
    images on which it has no word cover a good part of the page (`textless_share`: a statement embedded
    as a picture, its title in text); or raw.page_issues flags its font encoding as garbled and a good
    part of its words are (a font without a Unicode map). A few lost glyphs (`ﬁ` ligatures, a bullet)
    leave the text layer, figures included, better than any OCR."""
    kinds = {kind for kind, _ in issues}
    if not tokens and NO_TEXT_LAYER in kinds:
        return IMAGE_ONLY
    if tokens and textless_share >= _IMAGE_SHARE:
        return f"{IMAGE_WITHOUT_TEXT} {textless_share:.0%} of the page (read there by OCR; the text layer's words kept)"
    garbled = sum(_garbled(token.text) for token in tokens)
    if GARBLED_FONT_ENCODING in kinds and garbled >= _GARBLED_SHARE * len(tokens):
        details = "; ".join(detail for kind, detail in issues if kind == GARBLED_FONT_ENCODING)
        return f"its text layer cannot be read ({details}; {garbled} of its {len(tokens)} words)"
    return None


@lru_cache(maxsize=1)
def installed_languages() -> tuple[str, ...]:
    """The languages of LANGUAGES Tesseract has data for; empty when Tesseract is not installed."""
    if not shutil.which(ENGINE):
        return ()
    try:
        listed = subprocess.run([ENGINE, "--list-langs"], capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    available = set(listed.split())
    return tuple(language for language in LANGUAGES if language in available)


@lru_cache(maxsize=1)
def engine_version() -> str:
    try:
        first = subprocess.run([ENGINE, "--version"], capture_output=True, text=True, timeout=30).stdout.splitlines()
    except (OSError, subprocess.SubprocessError):
        return ENGINE
    return first[0] if first else ENGINE


class PageImages:
    """The document opened once by pdfium, to render the pages that need OCR; and the language its
    pages are read in, once the first of them has told it (see `document_languages`)."""

    def __init__(self, stream):
        self._stream = stream
        self._document = None
        self.languages: tuple[str, ...] | None = None

    def _source(self):
        name = getattr(self._stream, "name", None)
        if isinstance(name, str) and os.path.isfile(name):
            return name
        self._stream.seek(0)
        return self._stream.read()

    def _page(self, page_number: int):
        import pypdfium2 as pdfium

        if self._document is None:
            self._document = pdfium.PdfDocument(self._source())
        if not 1 <= page_number <= len(self._document):
            return None
        return self._document[page_number - 1]

    def render(self, page_number: int) -> Image.Image | None:
        page = self._page(page_number)
        if page is None:
            return None
        try:
            return page.render(scale=OCR_DPI / 72, grayscale=True).to_pil().convert("L")
        finally:
            page.close()

    def textless_images(self, page_number: int, tokens: list[Token]) -> tuple[float, list[tuple[float, float, float, float]]]:
        """(share of the page, boxes) of the page's images without a word of the text layer on them."""
        try:
            page = self._page(page_number)
        except Exception:  # noqa: BLE001 - pdfium refuses what pdfminer read: the text layer stands alone
            return 0.0, []
        if page is None:
            return 0.0, []
        try:
            return textless_image_share(page, tokens), textless_image_boxes(page, tokens)
        except Exception:  # noqa: BLE001 - an image pdfium cannot place is not read
            return 0.0, []
        finally:
            page.close()

    def fonts_not_embedded(self, page_number: int) -> list[str]:
        """Fonts the page's text is drawn in whose glyphs the PDF does not carry (the 14 standard fonts
        apart, which every reader has): a reader draws something else in their place."""
        import pypdfium2.raw as pdfium_c

        page = self._page(page_number)
        if page is None:
            return []
        missing: set[str] = set()
        try:
            for text_object in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
                font = pdfium_c.FPDFTextObj_GetFont(text_object.raw)
                name = ctypes.create_string_buffer(256)
                pdfium_c.FPDFFont_GetBaseFontName(font, name, 256)
                base = name.value.decode("latin-1").split("+")[-1]
                if not pdfium_c.FPDFFont_GetIsEmbedded(font) and base.split("-")[0] not in _STANDARD_FONTS:
                    missing.add(base)
        finally:
            page.close()
        return sorted(missing)

    def close(self) -> None:
        if self._document is not None:
            self._document.close()


def _ink(pixels: np.ndarray) -> np.ndarray:
    """Dark pixels: below the midpoint between the page's paper and its darkest ink."""
    paper, ink = np.percentile(pixels, 90), np.percentile(pixels, 0.5)
    return pixels < (paper + ink) / 2


def skew_angle(image: Image.Image) -> float:
    """The rotation (degrees, counter-clockwise) that makes the page's rows of text horizontal: the one
    whose row profile of ink is the sharpest, searched coarse then fine on a quarter-size image."""
    small = image.reduce(4)
    ink = Image.fromarray(np.where(_ink(np.asarray(small)), 255, 0).astype(np.uint8))

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.NEAREST, fillcolor=0), dtype=np.float64).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = max(np.arange(-_MAX_SKEW_DEGREES, _MAX_SKEW_DEGREES + 0.01, 0.5), key=sharpness)
    fine = max(np.arange(coarse - 0.5, coarse + 0.51, 0.1), key=sharpness)
    return round(float(fine), 2)


def _runs_at_least(ink: np.ndarray, length: int) -> np.ndarray:
    """Pixels that belong to a horizontal run of ink at least `length` long (an opening of the image
    by a 1 × length line: erosion then dilation, each a difference of cumulative sums)."""
    height, width = ink.shape
    if width <= length:
        return np.zeros_like(ink)
    counts = np.zeros((height, width + 1), dtype=np.int32)
    np.cumsum(ink, axis=1, out=counts[:, 1:])
    starts = np.zeros((height, width), dtype=np.int32)
    starts[:, : width - length + 1] = (counts[:, length:] - counts[:, :-length]) == length  # a full run starts here
    # Pixel j is covered when a run starts within the `length` pixels up to it.
    started = np.zeros((height, width + length), dtype=np.int32)
    np.cumsum(starts, axis=1, out=started[:, length:])
    return (started[:, length:] - started[:, :width]) > 0


def clean_page(image: Image.Image) -> Image.Image:
    """The page in black and white, without its ruled lines (table borders, underlines). Tesseract reads
    a black-and-white page twice as fast as a grey one (3.5 s instead of 7.6 s for a statement page) and
    misreads fewer small digits (`7.7` read `LT` in grey). The threshold sits nearer the paper than the
    ink so that thin strokes survive: halfway, or after a median filter, a comma's tail is lost and
    `16,198` is read `16.198` (15 and 21 of 50 grouped figures on a 200-dpi scan; 5 at 65 %).
    Shaded cell backgrounds, lighter still, go white."""
    pixels = np.asarray(image)
    paper, ink = np.percentile(pixels, 90), np.percentile(pixels, 0.5)
    black = pixels < ink + _INK_THRESHOLD * (paper - ink)
    return remove_rules(Image.fromarray(np.where(light_on_dark(black), 0, 255).astype(np.uint8)))


def light_on_dark(black: np.ndarray) -> np.ndarray:
    """Text printed light on a dark fill (a coloured header band, a highlighted total row) turned dark on
    light: a pixel whose surroundings (a sixth of an inch square) are mostly ink is inside a fill, and is
    inverted. Ordinary text never covers that much of its surroundings; the fill's edges left behind
    are long straight runs, which `remove_rules` takes away."""
    half = int(OCR_DPI / 12)
    inside_fill = _box_sum(black, half) > _FILL_SHARE * (2 * half + 1) ** 2
    # The fill reaches a little further than where its ink dominates: around its letters, and to its edges.
    near_fill = _box_sum(inside_fill, half // 2) > 0
    return np.where(near_fill, ~black, black)


def _box_sum(mask: np.ndarray, half: int) -> np.ndarray:
    """For each pixel, how many pixels of `mask` lie in the square of side 2·half + 1 around it."""
    height, width = mask.shape
    integral = np.zeros((height + 1, width + 1), dtype=np.int32)
    np.cumsum(np.cumsum(mask, axis=0, dtype=np.int32), axis=1, out=integral[1:, 1:])
    top, bottom = np.clip(np.arange(height) - half, 0, height), np.clip(np.arange(height) + half + 1, 0, height)
    left, right = np.clip(np.arange(width) - half, 0, width), np.clip(np.arange(width) + half + 1, 0, width)
    return integral[bottom][:, right] - integral[top][:, right] - integral[bottom][:, left] + integral[top][:, left]


def remove_rules(image: Image.Image) -> Image.Image:
    """The image without its ruled lines, painted over in paper colour; gaps of a pixel or two in a
    scanned line are bridged first, so the line goes whole."""
    pixels = np.asarray(image)
    ink = _ink(pixels)
    bridged = ink | np.roll(ink, 1, axis=1) & np.roll(ink, -1, axis=1)
    length = int(OCR_DPI * _RULE_INCHES)
    rules = _runs_at_least(bridged, length) | _runs_at_least(np.ascontiguousarray((ink | np.roll(ink, 1, axis=0) & np.roll(ink, -1, axis=0)).T), length).T
    # A scanned line is blurred a pixel or two beyond its core.
    rules = rules | np.roll(rules, 1, axis=0) | np.roll(rules, -1, axis=0) | np.roll(rules, 1, axis=1) | np.roll(rules, -1, axis=1)
    cleaned = pixels.copy()
    cleaned[rules] = 255
    return Image.fromarray(cleaned)


def _die_with_parent() -> None:
    """Tesseract is killed with the extraction process (time or memory limit), never left running."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def run_tesseract(image: Image.Image, languages: tuple[str, ...], *, page_segmentation: int = 6, characters: str | None = None) -> list[OcrWord]:
    """Tesseract's words with their boxes (PDF points) and confidences (0–100); `characters` limits what
    it may read."""
    png = BytesIO()
    image.save(png, format="PNG")
    only = ["-c", f"tessedit_char_whitelist={characters}"] if characters else []
    completed = subprocess.run(
        [ENGINE, "stdin", "stdout", "-l", "+".join(languages), "--psm", str(page_segmentation), "--dpi", str(OCR_DPI), *only, "tsv"],
        input=png.getvalue(), capture_output=True, timeout=PAGE_TIMEOUT_SECONDS, check=True,
        # One thread: the machine's cores go to the documents extracted side by side.
        env={**os.environ, "OMP_THREAD_LIMIT": "1"}, preexec_fn=_die_with_parent,
    )
    return parse_tsv(completed.stdout.decode("utf-8", "replace"))


_FIGURE_CHARACTERS = "0123456789.,()-%+"


def _is_figure(text: str) -> bool:
    return parse_number(text) is not None or text.lower() in NIL_MARKERS


def _same_line(a: OcrWord, b: OcrWord) -> bool:
    return min(a.bottom, b.bottom) - max(a.top, b.top) > 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def figure_suspects(words: list[OcrWord]) -> list[int]:
    """Words read as letters where a figure stands: after a figure on its line (labels come first, then
    figures: `Intangible assets 7.3 LT`, the second `7.7` read as letters in a small font). A misread
    like this one breaks the row into text and cuts the table in two; read again as a figure, it is kept."""
    suspects = []
    for index, word in enumerate(words):
        if _is_figure(word.text) or len(word.text) > 12 or sum(c.islower() for c in word.text) >= 3:
            continue  # a word (`June`, `results`), not a figure read as letters
        if any(_is_figure(other.text) and other.x1 < word.x0 and _same_line(word, other) for other in words[max(0, index - 12):index]):
            suspects.append(index)
    return suspects


def reread_as_figures(image: Image.Image, words: list[OcrWord], languages: tuple[str, ...]) -> list[OcrWord]:
    """The suspects of `figure_suspects` read again alone, as one line of figure characters; kept only
    when that reading is a number Tesseract is sure of (otherwise the word stays as first read)."""
    scale = OCR_DPI / 72
    words = list(words)
    for index in figure_suspects(words):
        word = words[index]
        margin = (word.bottom - word.top) * 0.4
        box = tuple(int(round(v * scale)) for v in (word.x0 - margin, word.top - margin, word.x1 + margin, word.bottom + margin))
        reread = run_tesseract(image.crop(box), languages, page_segmentation=7, characters=_FIGURE_CHARACTERS)
        if len(reread) == 1 and parse_number(reread[0].text) is not None and reread[0].confidence >= _SURE:
            words[index] = OcrWord(reread[0].text, word.x0, word.top, word.x1, word.bottom, reread[0].confidence)
    return words


def _decimals(text: str) -> int | None:
    number = parse_number(text)
    return number.decimals if number is not None and number.value is not None and number.kind == "amount" else None


def _in_a_row_of_figures(word: OcrWord, words: list[OcrWord]) -> bool:
    """A cell of a row of figures: a label on its line to its left, and no word of text right after it
    (`31 décembre` in a header, `Q4 2024` read `042024`, are not figures to judge by their column)."""
    line = [other for other in words if other is not word and _same_line(word, other)]
    labelled = any(other.x1 < word.x0 and sum(c.isalpha() for c in other.text) >= 3 for other in line)
    em = word.bottom - word.top
    followed_by_text = any(0 <= other.x0 - word.x1 < em and any(c.isalpha() for c in other.text) for other in line)
    return labelled and not followed_by_text


def lost_decimal_marks(words: list[OcrWord]) -> list[int]:
    """Figures read without the decimal mark their column prints: in a column (figures whose right edges
    align) where at least four of five other figures print d ≥ 1 decimals (zeros aside), a whole number of two digits or more
    (`747` among `74.7`, `08` among `0,8`). Tesseract loses a decimal mark more often than any digit, and
    the digits alone are another figure; such a figure is not loaded (the column's own `0` stays)."""
    figures = [(index, word, _decimals(word.text)) for index, word in enumerate(words)]
    figures = [(index, word, decimals) for index, word, decimals in figures if decimals is not None]
    doubtful = []
    for index, word, decimals in figures:
        digits = sum(c.isdigit() for c in word.text)
        if decimals or digits < 2 or _YEAR.match(word.text) or not _in_a_row_of_figures(word, words):
            continue
        # The other figures of its column; a zero is printed `0` in any column.
        column = [
            other_decimals for _, other, other_decimals in figures
            if other is not word and abs(other.x1 - word.x1) <= _COLUMN_ALIGNMENT and parse_number(other.text).value != 0
        ]
        printed = [d for d in column if d]
        if len(column) >= 4 and len(printed) >= _COLUMN_SHARE * len(column) and len(set(printed)) == 1:
            doubtful.append(index)
    return doubtful


# What a word without a letter or a digit may still be: a nil mark, brackets and signs of a figure read apart.
_MARKS_THAT_PRINT = set("()%-\u2212\u2013\u2014+€$£")


def without_specks(words: list[OcrWord]) -> list[OcrWord]:
    """The words as printed (`repair_ocr_figure`: `——` one nil dash, `1O5,3` → `105,3`), without what
    Tesseract makes of specks: underscores (the stub of a removed rule, a dash
    read low: `—_`, `_`) are taken out of words, and a word left without a letter or a digit that is not a
    mark a statement prints (`=`, `'`, `~` from noise between two header dates) is dropped: it would join
    the dates into one header (`6/30/2024 = 6/30/2025`, no period for either) or end a label. An
    underscore alone in a figure's place leaves the cell empty: unknown, rather than a dash guessed."""
    kept = []
    for word in words:
        text = repair_ocr_figure(word.text.replace("_", ""))
        if not text or not (any(c.isalnum() for c in text) or set(text) <= _MARKS_THAT_PRINT):
            continue
        kept.append(word if text == word.text else OcrWord(text, word.x0, word.top, word.x1, word.bottom, word.confidence))
    return kept


LOST_DECIMAL_MARK = "was read by OCR without the decimal mark of its column"
SIGN_READ_AS_QUOTE = "was read by OCR with a quote mark where its sign stands"
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`"


def sign_read_as_quote(words: list[OcrWord]) -> list[int]:
    """Figures read with a quote mark before them (`“13.7%` for `−13.7%`): no statement prints a quote
    before a figure, so the mark is a sign Tesseract misread, and which sign is not known. Left as a word,
    it would end the row's label and cut the row from its columns; read as a figure, its sign would be a
    guess. It is left out: the cell is unknown, the row keeps its other figures."""
    return [
        index for index, word in enumerate(words)
        if word.text[:1] in _QUOTES and parse_number(word.text.lstrip(_QUOTES)) is not None
    ]


def parse_tsv(tsv: str) -> list[OcrWord]:
    points = 72 / OCR_DPI
    words: list[OcrWord] = []
    for line in tsv.splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        left, top, width, height = (int(v) for v in fields[6:10])
        words.append(OcrWord(
            fields[11].strip(), left * points, top * points, (left + width) * points, (top + height) * points,
            round(float(fields[10]), 1),
        ))
    return words


_YEAR = re.compile(r"^(19|20)\d\d$")


def split_glued_groups(token: Token) -> list[Token]:
    """`914819` → `914`, `819`, each at its place in the word: Tesseract joins the digit groups of a figure
    when its thousands spaces are narrow, and may join only some (`87`, `997`, `914819`), which would
    leave the figure in pieces. Split into groups of three (`glued_digit_groups`), the layout's own gluing
    of figure fragments joins them whole again, as it does for a text layer's `1` + `234,5`."""
    groups = glued_digit_groups(token.text)
    return [token] if len(groups) == 1 else _pieces(token, groups)


def _pieces(token: Token, texts: list[str]) -> list[Token]:
    """The token cut into `texts` (which make up its text), each at its share of the token's width."""
    width = (token.x1 - token.x0) / len(token.text)
    pieces, start = [], 0
    for text in texts:
        pieces.append(Token(text, token.x0 + start * width, token.x0 + (start + len(text)) * width, token.top, token.bottom, token.size))
        start += len(text)
    return pieces


def page_group_separator(words: list[OcrWord]) -> str | None:
    """The separator the page prints between digit groups, when its figures say so clearly (three to
    one): a page prints its numbers one way, so a figure of that shape read with the other mark is a
    misread (`16.198` for `16,198`, the comma's tail lost in the scan)."""
    counts = {".": 0, ",": 0}
    for word in words:
        separator = group_separator(word.text)
        if separator:
            counts[separator] += 1
    for mark, other in ((".", ","), (",", ".")):
        if counts[mark] >= 3 and counts[mark] >= 3 * counts[other]:
            return mark
    return None


def with_page_separator(words: list[OcrWord]) -> list[OcrWord]:
    """The page's figures of the grouped shape, read with its group separator."""
    separator = page_group_separator(words)
    if separator is None:
        return words
    other = "," if separator == "." else "."
    return [
        OcrWord(w.text.replace(other, separator), w.x0, w.top, w.x1, w.bottom, w.confidence) if group_separator(w.text) else w
        for w in words
    ]


def split_day_and_year(token: Token) -> list[Token]:
    """`31,2025` → `31,` `2025`, as printed: a header the period reader understands."""
    pieces = day_and_year(token.text)
    return [token] if len(pieces) == 1 else _pieces(token, pieces)


def tokens_of(words: list[OcrWord]) -> list[Token]:
    """Tokens as the text layer gives them. A word's size is its font size, estimated from its line:
    Tesseract's boxes are the ink's (`250,4` from the top of its digits to its comma's tail, `Marge`
    from its capital to its descender), and the ink of a line's median word is about 3/4 of an em. The
    gap that glues `1 250,4` back together is measured in it, as for a text layer; and as a text layer's
    boxes span the characters' advance widths, not their ink, each box is widened by a side bearing
    (`1` inks only the middle of its width: the ink gap in `1 250,4` is half an em, its space a quarter)."""
    tokens: list[Token] = []
    for word in words:
        middle = (word.top + word.bottom) / 2
        heights = sorted(w.bottom - w.top for w in words if abs((w.top + w.bottom) / 2 - middle) < 3)
        size = heights[len(heights) // 2] / _INK_PER_EM
        bearing = _BEARING_EM * size
        token = Token(word.text, word.x0 - bearing, word.x1 + bearing, word.top, word.bottom, size)
        tokens.extend(piece for part in split_day_and_year(token) for piece in split_glued_groups(part))
    return tokens


# Words that say a page is in one language: its commonest short words.
_FUNCTION_WORDS = {
    "fra": {"de", "des", "et", "le", "la", "les", "du", "en", "au", "aux", "sur", "par", "à"},
    "eng": {"the", "and", "of", "in", "to", "for", "on", "by", "with", "from"},
}
# A page tells its language when this many of its words are function words, three to one for one language.
_MIN_FUNCTION_WORDS = 12


def document_languages(words: list[OcrWord], languages: tuple[str, ...]) -> tuple[str, ...]:
    """The one language of `languages` the page is written in, when its function words say so clearly;
    all of them otherwise. Tesseract given French and English together reads French accents as English
    would (`mère` read `mére`, `intérêts` `intéréts`, `à` `a`: 16 figures of a 200-dpi French statement
    lost their label), so a document is read in its own language once its first page has shown it."""
    counts = {language: 0 for language in languages if language in _FUNCTION_WORDS}
    for word in words:
        text = word.text.lower().strip(",.;:()")
        for language in counts:
            counts[language] += text in _FUNCTION_WORDS[language]
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    if len(ranked) < 2 or sum(counts.values()) < _MIN_FUNCTION_WORDS or ranked[0][1] < 3 * ranked[1][1]:
        return languages
    return (ranked[0][0],)


def _read_in_document_language(images: PageImages, cleaned: Image.Image, languages: tuple[str, ...]) -> list[OcrWord]:
    """The page's words, read in the document's language: the first page read by OCR is read with every
    installed language, and again in its own when it shows one."""
    if images.languages is not None:
        return run_tesseract(cleaned, images.languages)
    words = run_tesseract(cleaned, languages)
    images.languages = document_languages(words, languages)
    return words if images.languages == languages else run_tesseract(cleaned, images.languages)


def ocr_page(images: PageImages, page_number: int, reason: str) -> OcrPage | None:
    """The page read by OCR, or None when no OCR engine is installed or the page cannot be rendered."""
    languages = installed_languages()
    if not languages:
        return None
    if not reason.startswith(IMAGE_ONLY) and images.fonts_not_embedded(page_number):
        # A text layer that cannot be read, in a font the PDF does not carry: its page image shows a stand-in
        # font's glyphs, not the printed characters, and OCR would read figures nobody printed.
        return None
    image = images.render(page_number)
    if image is None:
        return None
    # A page whose text layer is kept is read as printed, not straightened: its words and the OCR'd ones
    # must share one frame.
    angle = 0.0 if reason.startswith(IMAGE_WITHOUT_TEXT) else skew_angle(image)
    straight = image.rotate(angle, resample=Image.BICUBIC, fillcolor=255) if angle else image
    cleaned = clean_page(straight)
    words = without_specks(_read_in_document_language(images, cleaned, languages))
    words = with_page_separator(reread_as_figures(cleaned, words, images.languages or languages))
    why = {index: SIGN_READ_AS_QUOTE for index in sign_read_as_quote(words)}
    why.update((index, LOST_DECIMAL_MARK) for index in lost_decimal_marks(words))
    points = 72 / OCR_DPI
    return OcrPage(
        [w for i, w in enumerate(words) if i not in why], [(words[i], why[i]) for i in sorted(why)],
        angle, image.width * points, image.height * points, reason,
    )


def mark_ocr_figures(result) -> None:
    """Every figure of a page read by OCR says so, with the engine's confidence in it, and its box (and its
    table's) is moved from the straightened image back onto the page as printed."""
    pages = result.ocr_pages
    if not pages:
        return
    for item in result.line_items:
        page = pages.get(item.page)
        if page is None:
            continue
        confidence = page.confidence_within(item.x0, item.top, item.x1, item.bottom)
        if confidence is None and page.reason.startswith(IMAGE_WITHOUT_TEXT):
            continue  # a figure of the text layer kept on a page OCR'd where its images are
        item.source, item.ocr_confidence = "ocr", confidence
        item.x0, item.top, item.x1, item.bottom = (round(v, 2) for v in page.box_on_page(item.x0, item.top, item.x1, item.bottom))
    for table in result.tables:
        first, last = pages.get(table.first_page), pages.get(table.last_page)
        if first is not None:
            table.x0, table.top = (round(v, 2) for v in first.to_page(table.x0, table.top))
        if last is not None:
            table.x1, table.bottom = (round(v, 2) for v in last.to_page(table.x1, table.bottom))
