"""A damaged or hostile PDF, read for what it holds and no more: pages that cannot be read are counted
and named rather than silently dropped, and files built to make a reader spin are stopped early.

pdfminer recovers from damage quietly: an object whose cross-reference offset is wrong is skipped (the
page it was goes missing), a corrupted compressed stream decodes to whatever came out before the error
(figures cut short or changed), an object that is a reference to itself is followed for ever. This
module checks for each of these where pdfminer lets it, and says what it found in words a user reads.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from pdfminer import settings as pdfminer_settings
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfdocument import PDFXRefFallback
from pdfminer.pdftypes import PDFObjectNotFound, PDFObjRef, PDFStream, dict_value, resolve1
from pdfminer.psparser import LIT

_PAGES, _PAGE, _FORM = LIT("Pages"), LIT("Page"), LIT("Form")
# Fonts whose glyph widths come from the font dictionary's /Widths, or from the metrics every reader
# knows for the standard fonts (pdfminer's FONT_METRICS); pdfminer reads a font without Subtype as Type1.
_SIMPLE_FONTS = (LIT("Type1"), LIT("MMType1"), LIT("TrueType"), None)
# Drawing a page may invoke form XObjects that invoke others: a file can nest them so that a few
# kilobytes ask for billions of drawings (2^30 with 30 forms each drawing the next twice). Real
# releases invoke a few hundred at most (logos, repeated rules); past this many the page is refused.
MAX_FORM_INVOCATIONS = 20_000
_DO_OPERATOR = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")


@dataclass
class Damage:
    """What was found wrong with a document as a whole while it was read."""

    repaired_cross_references: bool = False
    reference_loops: set[int] = field(default_factory=set)
    # The page tree leads to no page; pdfminer found page objects apart from it, which may lack what
    # they would have inherited from the tree (their size).
    detached_pages: bool = False


@dataclass
class PageSlot:
    """A page of the document's page tree, in reading order: the page object, or why it is missing."""

    number: int
    object_id: int | None
    missing_reason: str | None = None


class UnreadablePage(Exception):
    """A page whose content cannot be read as printed; its message says why, in plain words."""


# ------------------------------------------------------------------------------ the whole document


def repair_cross_references(document, data: bytes, damage: Damage) -> None:
    """Where the cross-reference table points at the wrong bytes for an object (a damaged table, or
    bytes inserted or removed since it was written), look the objects up by scanning the file as well,
    as PDF readers do: pdfminer tries the next table when an offset is wrong, so the scan is added
    last and only used for the objects the damaged table cannot find."""
    tables = [xref for xref in document.xrefs if not isinstance(xref, PDFXRefFallback)]
    if any(_offset_is_wrong(data, xref, objid) for xref in tables for objid in xref.get_objids()):
        _add_scanned_table(document, damage)


def _add_scanned_table(document, damage: Damage) -> bool:
    """Add a cross-reference table made by scanning the whole file for objects (once); False if already done."""
    if damage.repaired_cross_references or any(isinstance(xref, PDFXRefFallback) for xref in document.xrefs):
        return False
    damage.repaired_cross_references = True
    fallback = PDFXRefFallback()
    # pdfminer keeps its parser private; its fallback table is loaded from it, as pdfminer itself does.
    fallback.load(document._parser)
    document.xrefs.append(fallback)
    if not document.catalog:  # the catalog itself was lost: find it again through the scan
        for xref in document.xrefs:
            trailer = xref.get_trailer()
            if trailer and "Root" in trailer:
                document.catalog = dict_value(trailer["Root"])
                if document.catalog:
                    break
    return True


def _offset_is_wrong(data: bytes, xref, objid: int) -> bool:
    try:
        stream_id, position, generation = xref.get_pos(objid)
    except KeyError:
        return False
    if stream_id is not None:  # inside an object stream: found through that stream's own entry
        return False
    expected = re.compile(rb"\s*%d\s+%d\s+obj\b" % (objid, generation))
    return expected.match(data, position, position + 40) is None


def guard_lookups(document, damage: Damage) -> None:
    """Every object pdfminer looks up goes through this guard (an attribute of this document object only):

    - an object the cross-reference table does not know (its entry damaged) is looked for once more
      after scanning the file for objects;
    - an object that is only a reference to another (`6 0 obj 7 0 R endobj`) in a loop (`7 0 obj 6 0 R`)
      makes pdfminer's `resolve1` follow it for ever: it is missing instead (pdfminer then uses its
      default), and the loop is reported.
    """
    lookup = document.getobj

    def found(objid: int):
        try:
            return lookup(objid)
        except PDFObjectNotFound:
            if _add_scanned_table(document, damage):
                return lookup(objid)
            raise

    def getobj_guarded(objid: int):
        value = found(objid)
        seen = {objid}
        target = value
        while isinstance(target, PDFObjRef):
            if target.objid in seen:
                damage.reference_loops.update(seen)
                raise PDFObjectNotFound(objid)
            seen.add(target.objid)
            target = found(target.objid)
        return value

    document.getobj = getobj_guarded


def page_slots(document, parsed_ids: list[int], damage: Damage) -> list[PageSlot]:
    """The document's pages in reading order, the missing ones included: the page tree walked as
    pdfminer walks it, a kid that is not a page (its object lost or damaged) counted as a missing page,
    and the root's declared `/Count` trusted for pages below a lost branch."""
    slots: list[PageSlot] = []
    root = document.catalog.get("Pages")
    stack, visited = [root], set()
    while stack and root is not None:
        node = stack.pop()
        object_id = node.objid if isinstance(node, PDFObjRef) else None
        if object_id in visited:
            continue
        if object_id is not None:
            visited.add(object_id)
        value = _resolve_quietly(node)
        kind = value.get("Type") if isinstance(value, dict) else None
        if kind is _PAGES:
            stack.extend(reversed(_list_quietly(value.get("Kids"))))
        elif kind is _PAGE and object_id is not None:
            slots.append(PageSlot(len(slots) + 1, object_id))
        elif kind is _PAGE:  # pdfminer reaches a page through its object number only
            slots.append(PageSlot(len(slots) + 1, None, "its page object is written inside the page tree, where it cannot be reached"))
        else:
            slots.append(PageSlot(len(slots) + 1, None, "its page object is missing or damaged"))
    declared = _declared_count(document)
    for _ in range(len(slots), declared or 0):
        slots.append(PageSlot(len(slots) + 1, None, "the page tree declares it, but it cannot be found"))
    found = {slot.object_id for slot in slots if slot.object_id is not None}
    if not slots or any(pid not in found for pid in parsed_ids):
        # pdfminer found its pages some other way (no page tree: it scans for page objects): trust its order.
        damage.detached_pages = not slots
        return [PageSlot(number, pid) for number, pid in enumerate(parsed_ids, start=1)]
    return slots


def _declared_count(document) -> int | None:
    count = _resolve_quietly(dict_value(_resolve_quietly(document.catalog.get("Pages"))).get("Count"))
    return count if isinstance(count, int) and 0 <= count < 100_000 else None


def _resolve_quietly(value):
    try:
        return resolve1(value)
    except Exception:  # noqa: BLE001 - a damaged object is a missing one here
        return None


def _list_quietly(value) -> list:
    value = _resolve_quietly(value)
    return list(value) if isinstance(value, list) else []


# -------------------------------------------------------------------------------------- one page


def check_page(page_object) -> None:
    """Raise `UnreadablePage` when the page's drawing cannot be read as printed: a corrupted
    compressed content stream, or forms nested to ask for more drawings than any release makes."""
    if page_object.attrs.get("Contents") is not None and not _content_streams(page_object):
        raise UnreadablePage("its content stream is missing from the file, so its drawing cannot be read")
    for stream in _content_streams(page_object):
        if not isinstance(_resolve_quietly(stream.get("Length")), int):
            raise UnreadablePage("its content stream does not say how long it is (no valid /Length), so its drawing cannot be read")
        _decode_strictly(stream)
    font = next(_fonts_without_widths(page_object.resources), None)
    if font is not None:
        raise UnreadablePage(
            f"its font {font} has no glyph widths (its description is damaged), so where its words and figures "
            "stand on the page, hence their columns, cannot be known"
        )
    if _draws_nothing_with_its_fonts(page_object):
        raise UnreadablePage("its page description is damaged: it lists fonts but has no content to draw with them")
    invocations = _form_invocations(page_object.contents, page_object.resources, {}, set())
    if invocations > MAX_FORM_INVOCATIONS:
        raise UnreadablePage(
            f"its drawing nests forms that would be drawn more than {MAX_FORM_INVOCATIONS:,} times "
            "(a damaged or hostile file); the page was not read"
        )


def _fonts_without_widths(resources):
    """Names of the fonts of these resources whose widths nobody knows: a font that is not a dictionary
    (damaged), or a simple font without /Widths that is not a standard font (a damaged /BaseFont, say).
    pdfminer then draws every glyph zero wide."""
    fonts = dict_value(_resolve_quietly(dict_value(_resolve_quietly(resources)).get("Font")))
    for name, spec in fonts.items():
        spec = _resolve_quietly(spec)
        if not isinstance(spec, dict):
            yield name
            continue
        if spec.get("Subtype") not in _SIMPLE_FONTS or "Widths" in spec:
            continue
        base = getattr(spec.get("BaseFont"), "name", None)
        if base is None or base.split("+")[-1] not in FONT_METRICS:
            yield name


def _draws_nothing_with_its_fonts(page_object) -> bool:
    """A page object that lists fonts of its own but has no /Contents: a page without content is blank,
    but one that names fonts to draw with has lost its content reference (a damaged dictionary)."""
    own = _resolve_quietly(PDFObjRef(page_object.doc, page_object.pageid)) if isinstance(page_object.pageid, int) else None
    if not isinstance(own, dict) or "Contents" in own:
        return False
    resources = dict_value(_resolve_quietly(own.get("Resources")))
    return bool(dict_value(_resolve_quietly(resources.get("Font"))))


def _content_streams(page_object) -> list[PDFStream]:
    return [stream for stream in map(_resolve_quietly, page_object.contents) if isinstance(stream, PDFStream)]


@contextmanager
def _strict_pdfminer():
    """pdfminer's own decoders, raising on corrupted data instead of returning what came out before it."""
    previous = pdfminer_settings.STRICT
    pdfminer_settings.STRICT = True
    try:
        yield
    finally:
        pdfminer_settings.STRICT = previous


def _decode_strictly(stream: PDFStream) -> None:
    """Decode the stream once, strictly, and keep the result for pdfminer (which then does not decode it
    again). A compressed stream is checked whole, its checksum included: a flipped bit may change a
    figure without stopping the decompression."""
    if stream.data is not None or stream.rawdata is None:
        return
    try:
        with _strict_pdfminer():
            stream.decode()
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - any decoding failure is damage in the file
        if "insufficient memory" in str(error.__cause__ or ""):  # zlib ran out of memory: over the limit, not damaged
            raise MemoryError from error
        raise UnreadablePage(f"its compressed content is corrupted and cannot be decoded whole ({_filter_names(stream)})") from error


def _filter_names(stream: PDFStream) -> str:
    names = [getattr(name, "name", str(name)) for name, _ in stream.get_filters()]
    return "encoded with " + " then ".join(names) if names else "not encoded"


def _form_invocations(streams, resources, memo: dict, active: set) -> int:
    """How many form drawings the streams ask for, nested forms counted as many times as they are
    drawn (without drawing anything). pdfminer refuses a form that draws itself, so a cycle counts once."""
    xobjects = dict_value(_resolve_quietly(dict_value(_resolve_quietly(resources)).get("XObject")))
    total = 0
    for stream in map(_resolve_quietly, streams):
        if not isinstance(stream, PDFStream):
            continue
        try:
            data = stream.get_data()
        except Exception:  # noqa: BLE001 - a damaged form draws nothing
            continue
        for name in _DO_OPERATOR.findall(data or b""):
            reference = xobjects.get(name.decode("latin-1"))
            form = _resolve_quietly(reference)
            if not isinstance(form, PDFStream) or form.get("Subtype") is not _FORM:
                continue
            key = reference.objid if isinstance(reference, PDFObjRef) else id(form)
            if key in active:
                total += 1
                continue
            if key not in memo:
                active.add(key)
                memo[key] = 1 + _form_invocations([form], form.get("Resources") or resources, memo, active)
                active.discard(key)
            total += memo[key]
            if total > MAX_FORM_INVOCATIONS:
                return total
    return total


__all__ = ["Damage", "PageSlot", "UnreadablePage", "check_page", "guard_lookups", "page_slots", "repair_cross_references"]
