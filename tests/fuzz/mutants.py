"""Damaged and hostile PDFs, generated from a seed: the fault classes a fault campaign found, each a
function of a random generator and a sound seed document.

Every mutant knows the sound document it came from, so that what the extraction says about it can be
judged: a mutant read as `extracted` must have every page and every figure of its seed (else half a
document was reported as a whole one), a reason must name what is wrong in words (no parser
internals), and a container that is not a PDF must be refused as one.
"""

from __future__ import annotations

import gzip
import io
import random
import re
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests import bad_pdfs
from tests.bad_pdfs import _content, _income_statement_lines, _stream, pdf_bytes
from tests.layouts.generator import random_options, render_statements


@dataclass(frozen=True)
class Seed:
    name: str
    data: bytes


@dataclass(frozen=True)
class Mutant:
    fault: str
    seed: Seed
    data: bytes
    note: str


# ------------------------------------------------------------------------------------------ seeds


@cache
def release_seed(work_dir: Path) -> Seed:
    """A three-page generated release (income statement, balance sheet, cash flow), compressed streams."""
    path = work_dir / "seed_release.pdf"
    render_statements(path, seed=3, options=random_options(3))
    return Seed("release", path.read_bytes())


@cache
def statement_seed(work_dir: Path) -> Seed:
    """The one-page income statement of the bad-input suite, drawn by reportlab."""
    return Seed("statement", bad_pdfs.income_statement_pdf(work_dir / "seed_statement.pdf").read_bytes())


# A real release (4 pages, its own producer's object layout and fonts), small enough to read in a second.
REAL_RELEASE = Path(__file__).resolve().parents[2] / "data" / "samples" / "costco_FY2023Q3_en.pdf"


@cache
def real_seed() -> Seed:
    return Seed("costco", REAL_RELEASE.read_bytes())


PAGES_OF_HANDMADE = 3


def handmade_objects() -> dict[int, bytes]:
    """Three pages each printing the income statement, uncompressed, written object by object so that
    structural faults can be placed exactly: page n is object 10n, its content 10n+1, the font 5."""
    return bad_pdfs.three_page_objects()


@cache
def handmade_seed() -> Seed:
    return Seed("handmade", pdf_bytes(handmade_objects()))


# ------------------------------------------------------------------------------------ byte faults


def byte_flips(rng: random.Random, seed: Seed) -> Mutant:
    data = bytearray(seed.data)
    flips = rng.randint(1, 4)
    for _ in range(flips):
        position = rng.randrange(len(data))
        data[position] ^= 1 << rng.randrange(8)
    return Mutant("byte_flip", seed, bytes(data), f"{flips} bits flipped")


def truncation(rng: random.Random, seed: Seed) -> Mutant:
    """Cut short; half the time with an end-of-file marker appended, as a tool that 'repairs' files does."""
    cut = rng.randrange(len(seed.data) // 10, len(seed.data) - 16)
    marker = rng.random() < 0.5
    return Mutant("truncation", seed, seed.data[:cut] + (b"\n%%EOF\n" if marker else b""), f"cut at {cut}{' + %%EOF' if marker else ''}")


def duplicated_chunk(rng: random.Random, seed: Seed) -> Mutant:
    start = rng.randrange(len(seed.data))
    length = rng.randint(16, 4096)
    return Mutant("duplicated_chunk", seed, seed.data[: start + length] + seed.data[start : start + length] + seed.data[start + length :], f"{length} bytes at {start} twice")


def damaged_cross_references(rng: random.Random, seed: Seed) -> Mutant:
    """Some offsets of the cross-reference table moved: the objects are intact but not where it says.
    The seeds have classical tables (`xref` then lines of `offset generation n`), found from `startxref`."""
    xref = int(re.findall(rb"startxref\s+(\d+)", seed.data)[-1])
    entries = [m for m in re.finditer(rb"(\d{10}) (\d{5}) n", seed.data[xref:])]
    assert entries, f"the {seed.name} seed has no classical cross-reference table"
    chosen = rng.sample(entries, rng.randint(1, min(4, len(entries))))
    data = bytearray(seed.data)
    for entry in chosen:
        offset = int(entry.group(1)) + rng.choice((-9, -3, 5, 7, 40, 200))
        data[xref + entry.start(1) : xref + entry.end(1)] = b"%010d" % max(offset, 0)
    return Mutant("damaged_xref", seed, bytes(data), f"{len(chosen)} offsets moved")


# ------------------------------------------------------------------------------- structure faults


def reference_loop(rng: random.Random, seed: Seed) -> Mutant:
    """An object that is only a reference to another, which refers back: the font, a content stream's
    length, or a page of the tree."""
    objects = handmade_objects()
    target = rng.choice(("font", "length", "page"))
    page = 10 * rng.randint(1, PAGES_OF_HANDMADE)
    if target == "font":
        objects[5], objects[6] = b"6 0 R", b"5 0 R"
    elif target == "length":
        content = _content(_income_statement_lines())
        objects[page + 1] = b"<< /Length 6 0 R >>\nstream\n" + content + b"\nendstream"
        objects[6], objects[7] = b"7 0 R", b"6 0 R"
    else:
        objects[page] = b"%d 0 R" % page
    return Mutant("reference_loop", seed, pdf_bytes(objects), f"{target} loop (page {page // 10})")


def nested_forms(rng: random.Random, seed: Seed) -> Mutant:
    """Forms each drawing the next twice, `depth` deep on one page: 2^depth drawings for a few kilobytes."""
    depth = rng.randint(18, 40)
    page = 10 * rng.randint(1, PAGES_OF_HANDMADE)
    return Mutant("nested_forms", seed, pdf_bytes(bad_pdfs.nest_forms(handmade_objects(), page, depth)), f"depth {depth} on page {page // 10}")


def deflate_bomb(rng: random.Random, seed: Seed) -> Mutant:
    """A page whose small content stream inflates to megabytes of spaces (the bad-input suite has the gigabyte one)."""
    objects = handmade_objects()
    mebibytes = rng.randint(1, 3)
    page = 10 * rng.randint(1, PAGES_OF_HANDMADE)
    stream = zlib.compress(b" " * (mebibytes << 20) + _content(_income_statement_lines()), 9)
    objects[page + 1] = _stream(stream, b"/Filter /FlateDecode")
    return Mutant("deflate_bomb", seed, pdf_bytes(objects), f"{mebibytes} MiB on page {page // 10}")


def broken_font(rng: random.Random, seed: Seed) -> Mutant:
    """The page's font replaced by one that cannot be used: a composite font without its glyphs, a
    font that is not a dictionary, or one whose Unicode map is garbage."""
    objects = handmade_objects()
    kind = rng.choice(("no_descendants", "not_a_dictionary", "garbage_unicode_map"))
    if kind == "no_descendants":
        objects[5] = b"<< /Type /Font /Subtype /Type0 /BaseFont /Broken /Encoding /Identity-H >>"
    elif kind == "not_a_dictionary":
        objects[5] = b"(a font)"
    else:
        objects[5] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"
        objects[6] = _stream(bytes(rng.randrange(256) for _ in range(200)))
    return Mutant("broken_font", seed, pdf_bytes(objects), kind)


def damaged_page_tree(rng: random.Random, seed: Seed) -> Mutant:
    """A page tree without pages, a page object gone, or a content stream of `/Length abc`."""
    objects = handmade_objects()
    kind = rng.choice(("empty_tree", "missing_page", "length_abc"))
    page = 10 * rng.randint(1, PAGES_OF_HANDMADE)
    if kind == "empty_tree":
        objects[2] = b"<< /Type /Pages /Kids [] /Count 0 >>"
    elif kind == "missing_page":
        del objects[page]
    else:
        objects[page + 1] = b"<< /Length abc >>\nstream\n" + _content(_income_statement_lines()) + b"\nendstream"
    return Mutant("damaged_page_tree", seed, pdf_bytes(objects), f"{kind} (page {page // 10})")


def container(rng: random.Random, seed: Seed) -> Mutant:
    """The PDF inside an archive, saved under a `.pdf` name: stored in a ZIP (its `%PDF-` header shows
    within the first bytes), deflated in a ZIP, or gzip-compressed."""
    kind = rng.choice(("zip_stored", "zip_deflated", "gzip"))
    if kind == "gzip":
        return Mutant("container", seed, gzip.compress(seed.data, mtime=0), kind)
    buffer = io.BytesIO()
    method = zipfile.ZIP_STORED if kind == "zip_stored" else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr(zipfile.ZipInfo("release.pdf", date_time=(2025, 1, 1, 0, 0, 0)), seed.data, compress_type=method)
    return Mutant("container", seed, buffer.getvalue(), kind)


# Byte faults damage the seed releases as they are; structure faults are placed in the hand-made one.
BYTE_FAULTS = (byte_flips, truncation, duplicated_chunk, damaged_cross_references)
STRUCTURE_FAULTS = (reference_loop, nested_forms, deflate_bomb, broken_font, damaged_page_tree)


def generate(count: int, work_dir: Path, *, seed: int = 0) -> list[Mutant]:
    """`count` mutants, the classes in turn (so that every class is drawn however small `count` is)."""
    rng = random.Random(f"ledgerline-fuzz/{seed}")
    seeds = [release_seed(work_dir), statement_seed(work_dir), real_seed()]
    makers = [(maker, None) for maker in BYTE_FAULTS] + [(maker, handmade_seed()) for maker in STRUCTURE_FAULTS] + [(container, None)]
    mutants = []
    for index in range(count):
        maker, fixed_seed = makers[index % len(makers)]
        mutants.append(maker(rng, fixed_seed or rng.choice(seeds)))
    return mutants

