"""Bad input, generated: each function writes one file into a folder and returns its path.

Most files are drawn with reportlab. The ones reportlab cannot produce (a page tree that contains
itself, arrays nested thousands deep, a font whose glyphs have no Unicode mapping) are written as
hand-made PDF bytes with `pdf_bytes`, which lays out the objects and a correct cross-reference table.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points


@dataclass(frozen=True)
class Figure:
    label: str
    column_header: str
    value_text: str
    value: Decimal


# A statement names the year end its columns `2025` and `2024` close on (without it they get no period).
INCOME_STATEMENT_TITLE = "Consolidated income statement, years ended December 31"
INCOME_STATEMENT_UNIT = "(in millions of euros)"
INCOME_STATEMENT_HEADERS = ("2025", "2024")
INCOME_STATEMENT_ROWS = (
    ("Revenue", "1,234.5", "1,100.2"),
    ("Cost of sales", "(700.1)", "(650.0)"),
    ("Gross profit", "534.4", "450.2"),
    ("Operating expenses", "(300.0)", "(280.1)"),
    ("Operating income", "234.4", "170.1"),
)
COLUMN_RIGHT_EDGES = (420.0, 500.0)
LABEL_X = 72.0
PROSE = (
    "This page describes the activity of the period in plain sentences and holds no table of",
    "figures. The company continued to serve its customers and to invest in its products while",
    "keeping its costs under control; the outlook for the coming year is unchanged.",
)


def income_statement_figures() -> list[Figure]:
    """What a correct extraction of the generated income statement reads, figure by figure."""
    figures = []
    for label, *texts in INCOME_STATEMENT_ROWS:
        for header, text in zip(INCOME_STATEMENT_HEADERS, texts):
            digits = text.strip("()").replace(",", "")
            figures.append(Figure(label, header, text, -Decimal(digits) if text.startswith("(") else Decimal(digits)))
    return figures


def _income_statement_lines(top: float = 760.0) -> list[tuple[float, float, str, str]]:
    """(x, baseline, alignment, text) of the income statement, drawn from `top` down."""
    lines = [(LABEL_X, top, "left", INCOME_STATEMENT_TITLE), (LABEL_X, top - 16, "left", INCOME_STATEMENT_UNIT)]
    lines += [(right, top - 40, "right", header) for right, header in zip(COLUMN_RIGHT_EDGES, INCOME_STATEMENT_HEADERS)]
    for index, (label, *texts) in enumerate(INCOME_STATEMENT_ROWS):
        baseline = top - 58 - 16 * index
        lines.append((LABEL_X, baseline, "left", label))
        lines += [(right, baseline, "right", text) for right, text in zip(COLUMN_RIGHT_EDGES, texts)]
    return lines


def _draw_lines(canvas: Canvas, lines) -> None:
    canvas.setFont("Helvetica", 10)
    for x, y, align, text in lines:
        (canvas.drawRightString if align == "right" else canvas.drawString)(x, y, text)


def _draw_prose(canvas: Canvas, heading: str, top: float = 760.0) -> None:
    _draw_lines(canvas, [(LABEL_X, top, "left", heading)] + [(LABEL_X, top - 20 - 14 * i, "left", t) for i, t in enumerate(PROSE)])


def _canvas(path: Path, **kwargs) -> Canvas:
    return Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, **kwargs)


# ----------------------------------------------------------------- files reportlab can draw


def income_statement_pdf(path: Path, **canvas_options) -> Path:
    """A one-page release: a short introduction and the income statement."""
    canvas = _canvas(path, **canvas_options)
    _draw_prose(canvas, "Acme SE - Full-year 2025 results", top=800)
    _draw_lines(canvas, _income_statement_lines(top=700))
    canvas.showPage()
    canvas.save()
    return path


def user_password_pdf(path: Path) -> Path:
    """Encrypted so that it cannot be opened without the password `secret`."""
    return income_statement_pdf(path, encrypt=StandardEncryption("secret", ownerPassword="owner-secret", strength=128))


def owner_password_pdf(path: Path) -> Path:
    """Encrypted with an owner password only: anyone opens it with the empty password (copying is 'forbidden')."""
    return income_statement_pdf(path, encrypt=StandardEncryption("", ownerPassword="owner-secret", canCopy=0, canModify=0, strength=128))


def truncated_pdf(path: Path) -> Path:
    """The first 60 % of a valid release, as an interrupted download leaves it."""
    whole = income_statement_pdf(path.with_suffix(".whole"))
    data = whole.read_bytes()
    whole.unlink()
    path.write_bytes(data[: int(len(data) * 0.6)])
    return path


def image_only_pdf(path: Path) -> Path:
    """A scanned page: a picture of a table, no text layer."""
    image = Image.new("L", (850, 1100), 255)
    draw = ImageDraw.Draw(image)
    for index in range(12):
        draw.rectangle((100, 120 + 60 * index, 300 + 25 * (index % 5), 140 + 60 * index), fill=0)
        draw.rectangle((600, 120 + 60 * index, 700, 140 + 60 * index), fill=0)
    canvas = _canvas(path)
    canvas.drawImage(ImageReader(image), 0, 0, width=PAGE_WIDTH, height=PAGE_HEIGHT)
    canvas.showPage()
    canvas.save()
    return path


def prose_only_pdf(path: Path) -> Path:
    """Text, but no table of figures (a press release that only comments the results)."""
    canvas = _canvas(path)
    _draw_prose(canvas, "Acme SE appoints a new chief financial officer")
    canvas.showPage()
    canvas.save()
    return path


def long_pdf(path: Path, pages: int = 500, table_page: int = 250) -> Path:
    """A very long document: `pages` pages of prose, with the income statement on `table_page`."""
    canvas = _canvas(path)
    for number in range(1, pages + 1):
        if number == table_page:
            _draw_lines(canvas, _income_statement_lines())
        else:
            _draw_prose(canvas, f"Chapter {number}")
        canvas.showPage()
    canvas.save()
    return path


def long_tables_pdf(path: Path, pages: int = 300) -> Path:
    """A very long document of tables: every page holds an income statement, so every page is read in
    depth (a long document of prose costs little since pages without tables are not, see extract/triage.py)."""
    canvas = _canvas(path)
    for _ in range(pages):
        _draw_lines(canvas, _income_statement_lines())
        canvas.showPage()
    canvas.save()
    return path


def html_pdf(path: Path) -> Path:
    path.write_bytes(b"<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head><body>Access denied</body></html>\n")
    return path


def empty_pdf(path: Path) -> Path:
    path.write_bytes(b"")
    return path


# --------------------------------------------------------------------------- hand-made bytes


def pdf_bytes(objects: dict[int, bytes], root: int = 1) -> bytes:
    """A PDF file from numbered object bodies, with a correct cross-reference table and trailer."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def _pdf_string(text: str) -> bytes:
    return b"(" + text.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _show(x: float, y: float, text: str, font: bytes = b"/F1") -> bytes:
    return b"BT %s 10 Tf %.2f %.2f Td %s Tj ET\n" % (font, x, y, _pdf_string(text))


def _content(lines) -> bytes:
    """Content stream drawing (x, baseline, alignment, text) lines in Helvetica 10."""
    ops = b""
    for x, y, align, text in lines:
        left = x - stringWidth(text, "Helvetica", 10) if align == "right" else x
        ops += _show(left, y, text)
    return ops


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def self_referencing_pdf(path: Path) -> Path:
    """Objects that contain themselves around one real page with the income statement: the page tree
    root lists itself among its kids, a form drawing invokes itself, an annotation and an array point
    at themselves. Readers that follow references without remembering where they have been never stop."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Outlines 8 0 R >>",
        2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
        3: b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Loop 6 0 R >> >> "
        b"/Contents 4 0 R /Annots [7 0 R] >>",
        4: _stream(_content(_income_statement_lines()) + b"/Loop Do\n"),
        5: HELVETICA,
        6: _stream(b"/Loop Do\n", b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Loop 6 0 R >> >>"),
        7: b"<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /P 3 0 R /A 7 0 R >>",
        8: b"[8 0 R << /Next 8 0 R >>]",
    }
    path.write_bytes(pdf_bytes(objects))
    return path


def deeply_nested_pdf(path: Path, depth: int = 5_000) -> Path:
    """A page tree `depth` levels deep (real ones have a handful), whose page holds arrays and
    dictionaries nested as deep: a reader that recurses once per level overflows its stack."""
    first = 10
    objects = {
        1: b"<< /Type /Catalog /Pages %d 0 R >>" % first,
        3: b"<< /Type /Page /Parent %d 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Nested %s >>"
        % (first + depth - 1, b"[<< /A " * depth + b"0" + b" >>]" * depth),
        4: _stream(_content(_income_statement_lines())),
        5: HELVETICA,
    }
    for level in range(depth):
        number = first + level
        kid = number + 1 if level < depth - 1 else 3
        parent = b" /Parent %d 0 R" % (number - 1) if level else b""
        objects[number] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 /MediaBox [0 0 595 842]%s >>" % (kid, parent)
    path.write_bytes(pdf_bytes(objects))
    return path


def _to_unicode_cmap(mapping: dict[int, int]) -> bytes:
    entries = b"".join(b"<%04X> <%04X>\n" % (code, unicode) for code, unicode in sorted(mapping.items()))
    return (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Garbled def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"%d beginbfchar\n%sendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end" % (len(mapping), entries)
    )


def _identity_font(to_unicode: int | None) -> bytes:
    """A Type0 font with two-byte glyph ids (Identity-H); without a ToUnicode map its text cannot be read."""
    unicode_entry = b" /ToUnicode %d 0 R" % to_unicode if to_unicode else b""
    return (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /GarbledSans /Encoding /Identity-H%s /DescendantFonts [<< /Type /Font "
        b"/Subtype /CIDFontType2 /BaseFont /GarbledSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/DW 556 /FontDescriptor << /Type /FontDescriptor /FontName /GarbledSans /Flags 32 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >> >>] >>" % unicode_entry
    )


def _garbled_figures_content() -> bytes:
    """The income statement with its labels in Helvetica and every figure and year in the Identity-H font."""
    ops = b""
    for x, y, align, text in _income_statement_lines():
        if any(c.isdigit() for c in text) and not any(c.isalpha() for c in text):  # a figure or a year, not the title
            codes = b"".join(b"%04X" % (ord(c) - 29) for c in text)  # glyph ids, as a subset font numbers them
            left = x - 5.56 * len(text) if align == "right" else x
            ops += b"BT /F2 10 Tf %.2f %.2f Td <%s> Tj ET\n" % (left, y, codes)
        else:
            ops += _content([(x, y, align, text)])
    return ops


def garbled_font_pdf(path: Path) -> Path:
    """Two pages whose figures cannot be read: on page 1 the glyphs have no Unicode mapping at all
    (pdfminer shows `(cid:N)`), on page 2 they map to private-use code points."""
    private_use = {ord(c) - 29: 0xE000 + ord(c) for c in "0123456789,.()"}
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 /MediaBox [0 0 595 842] >>",
        3: b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> /Contents 4 0 R >>",
        4: _stream(_garbled_figures_content()),
        5: HELVETICA,
        6: b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R /F2 9 0 R >> >> /Contents 7 0 R >>",
        7: _stream(_garbled_figures_content()),
        8: _identity_font(None),
        9: _identity_font(10),
        10: _stream(_to_unicode_cmap(private_use)),
    }
    path.write_bytes(pdf_bytes(objects))
    return path


def decompression_bomb_pdf(path: Path, inflated_mib: int = 1024) -> Path:
    """A page whose 1 MB content stream inflates to `inflated_mib` MiB of spaces.

    The stream is one valid zlib stream built without compressing a gibibyte: after a full flush the
    compressor forgets what it has seen, so every further MiB of spaces compresses to the same bytes."""
    mebibyte = b" " * (1 << 20)
    compressor = zlib.compressobj(9)
    first = compressor.compress(mebibyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(mebibyte) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush()[:-4]  # the final block, without the checksum of the two MiB it has seen
    checksum = 1
    for _ in range(inflated_mib):
        checksum = zlib.adler32(mebibyte, checksum)
    stream = first + repeated * (inflated_mib - 1) + end + checksum.to_bytes(4, "big")
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
        3: b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        4: _stream(stream, b"/Filter /FlateDecode"),
        5: HELVETICA,
    }
    path.write_bytes(pdf_bytes(objects))
    return path


def write_all(folder: Path, *, long_pages: int = 500) -> dict[str, Path]:
    """Every bad file of the suite into `folder`, by file name."""
    makers = {
        "html_page.pdf": html_pdf,
        "empty.pdf": empty_pdf,
        "truncated.pdf": truncated_pdf,
        "user_password.pdf": user_password_pdf,
        "owner_password.pdf": owner_password_pdf,
        "image_only.pdf": image_only_pdf,
        "prose_only.pdf": prose_only_pdf,
        "self_referencing.pdf": self_referencing_pdf,
        "deeply_nested.pdf": deeply_nested_pdf,
        "garbled_font.pdf": garbled_font_pdf,
    }
    files = {name: make(folder / name) for name, make in makers.items()}
    files["long_500_pages.pdf"] = long_pdf(folder / "long_500_pages.pdf", pages=long_pages)
    return {**files, **write_faults(folder)}



# ------------------------------------------------------------------------ damaged and hostile files
# The fault classes of the fault campaign (tests/fuzz/ generates many of each): one file per class,
# each with the reason or the figures the extraction must give.


def typo_fiscal_year_end_pdf(path: Path) -> Path:
    """A sound release whose introduction prints an impossible fiscal year end (`le 0 décembre`, a typo)."""
    canvas = _canvas(path)
    _draw_lines(canvas, [(LABEL_X, 800, "left", "Acme SE - Comptes de l'exercice clos le 0 decembre 2025")])
    _draw_lines(canvas, _income_statement_lines(top=700))
    canvas.showPage()
    canvas.save()
    return path


def zip_archive_pdf(path: Path) -> Path:
    """A sound release stored (not compressed) in a ZIP archive named `.pdf`: its `%PDF-` header shows in the first bytes."""
    import io
    import zipfile

    sound = income_statement_pdf(path.with_suffix(".inner"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(zipfile.ZipInfo("release.pdf", date_time=(2025, 1, 1, 0, 0, 0)), sound.read_bytes())
    sound.unlink()
    path.write_bytes(buffer.getvalue())
    return path


def three_page_objects(content: bytes | None = None) -> dict[int, bytes]:
    """Three pages printing the income statement: page n is object 10n, its content 10n+1, the font 5."""
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [10 0 R 20 0 R 30 0 R] /Count 3 /MediaBox [0 0 595 842] >>",
        5: HELVETICA,
        **{
            number: body
            for page in (10, 20, 30)
            for number, body in (
                (page, b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents %d 0 R >>" % (page + 1)),
                (page + 1, content or _stream(_content(_income_statement_lines()))),
            )
        },
    }


def damaged_pages_pdf(path: Path) -> Path:
    """Three pages: the first sound, the second's compressed content corrupted half-way (its checksum
    fails), the third's page object gone (the page tree still lists it)."""
    objects = three_page_objects()
    compressed = bytearray(zlib.compress(_content(_income_statement_lines())))
    compressed[len(compressed) // 2] ^= 0x10
    objects[21] = _stream(bytes(compressed), b"/Filter /FlateDecode")
    del objects[30]
    path.write_bytes(pdf_bytes(objects))
    return path


def damaged_cross_references_pdf(path: Path) -> Path:
    """The three-page release with every offset of its cross-reference table moved by a few bytes, as
    when bytes are inserted before the objects: the objects are intact, the table points beside them."""
    data = pdf_bytes(three_page_objects())
    xref = data.rfind(b"\nxref\n")
    table = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), data[xref:])
    path.write_bytes(data[:xref] + table)
    return path


def empty_page_tree_pdf(path: Path) -> Path:
    """A page tree without pages (`/Kids []`): the page object exists but nothing leads to it."""
    objects = three_page_objects()
    objects[2] = b"<< /Type /Pages /Kids [] /Count 0 >>"
    for page in (20, 30):
        del objects[page], objects[page + 1]
    path.write_bytes(pdf_bytes(objects))
    return path


def unreadable_length_pdf(path: Path) -> Path:
    """Every page's content stream says `/Length abc`: the page exists, its drawing cannot be read."""
    content = b"<< /Length abc >>\nstream\n" + _content(_income_statement_lines()) + b"\nendstream"
    path.write_bytes(pdf_bytes(three_page_objects(content)))
    return path


def nest_forms(objects: dict[int, bytes], page: int, depth: int) -> dict[int, bytes]:
    """Make page object `page` (of `three_page_objects`) draw a form that draws the next twice, `depth`
    deep (objects 100 on): 2^depth drawings for a few kilobytes."""
    for level in range(depth):
        last = level == depth - 1
        body = b"BT /F1 10 Tf 10 10 Td (x) Tj ET\n" if last else b"/X Do /X Do\n"
        resources = b"/Resources << /Font << /F1 5 0 R >> >>" if last else b"/Resources << /XObject << /X %d 0 R >> >>" % (101 + level)
        objects[100 + level] = _stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + resources)
    objects[page] = b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /X 100 0 R >> >> /Contents %d 0 R >>" % (page + 1)
    objects[page + 1] = _stream(_content(_income_statement_lines()) + b"/X Do\n")
    return objects


def nested_forms_pdf(path: Path) -> Path:
    """Page 2 draws forms nested 40 deep, each drawing the next twice: 2^40 drawings."""
    path.write_bytes(pdf_bytes(nest_forms(three_page_objects(), 20, depth=40)))
    return path


def reference_loop_pdf(path: Path) -> Path:
    """Page 3's font is object 6, which is only `7 0 R`, which is only `6 0 R`: followed, it never ends."""
    objects = three_page_objects()
    objects[30] = b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 6 0 R >> >> /Contents 31 0 R >>"
    objects[6], objects[7] = b"7 0 R", b"6 0 R"
    path.write_bytes(pdf_bytes(objects))
    return path


def broken_dictionary_pdf(path: Path) -> Path:
    """The catalog is a dictionary with a key and no value (`<< /Type /Catalog /Pages >>`)."""
    objects = three_page_objects()
    objects[1] = b"<< /Type /Catalog /Pages >>"
    path.write_bytes(pdf_bytes(objects))
    return path


FAULT_MAKERS = {
    "typo_fiscal_year_end.pdf": typo_fiscal_year_end_pdf,
    "zip_archive.pdf": zip_archive_pdf,
    "damaged_pages.pdf": damaged_pages_pdf,
    "damaged_xref.pdf": damaged_cross_references_pdf,
    "empty_page_tree.pdf": empty_page_tree_pdf,
    "unreadable_length.pdf": unreadable_length_pdf,
    "nested_forms.pdf": nested_forms_pdf,
    "reference_loop.pdf": reference_loop_pdf,
    "broken_dictionary.pdf": broken_dictionary_pdf,
}


def write_faults(folder: Path) -> dict[str, Path]:
    """One file of each fault class into `folder`, by file name."""
    return {name: make(folder / name) for name, make in FAULT_MAKERS.items()}
