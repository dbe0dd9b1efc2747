"""Degenerate text layers, detected per page so that they are reported rather than misread."""

from __future__ import annotations

import re

# Words that lose their `fi`/`fl`/`ff` ligature when a font maps the ligature glyph to nothing.
_LIGATURE_STUMPS = re.compile(
    r"^(ows|ow|nancial|nancing|nance|nances|xed|rst|gures|gure|scal|nanciers|nancier|nancement|liales|liale|"
    r"uctuations|uctuation|ux|ectif|ective|ected|ect|cient|ciency|ced|cation)$",
    re.I,
)


GARBLED_FONT_ENCODING, UNMAPPED_GLYPHS = "garbled_font_encoding", "unmapped_glyphs"
# Page issues whose text (figures included) cannot be read as printed.
UNREADABLE_TEXT = (GARBLED_FONT_ENCODING, UNMAPPED_GLYPHS)


def page_text_issues(page, tokens) -> list[tuple[str, str]]:
    """(kind, detail) for each way this page's text layer cannot be trusted."""
    issues: list[tuple[str, str]] = []
    text = " ".join(t.text for t in tokens)
    if not tokens:
        if page.images:
            issues.append(("no_text_layer", "the page is an image without a text layer"))
        return issues
    cid = text.count("(cid:")
    if cid:
        issues.append((GARBLED_FONT_ENCODING, f"{cid} characters have no Unicode mapping (shown as '(cid:N)')"))
    unmapped = [t.text for t in tokens if "\ufffd" in t.text]
    if unmapped:
        issues.append((UNMAPPED_GLYPHS, f"{len(unmapped)} words hold glyphs with no character (shown as \ufffd), e.g. {', '.join(unmapped[:3])}"))
    private = sum(1 for c in text if 0xE000 <= ord(c) <= 0xF8FF)
    if private and private / max(len(text), 1) > 0.02:
        issues.append((GARBLED_FONT_ENCODING, f"{private} characters are private-use glyphs"))
    stumps = [t.text for t in tokens if _LIGATURE_STUMPS.match(t.text)]
    if len(stumps) >= 2:
        issues.append(("lost_ligatures", f"words missing their fi/fl ligature, e.g. {', '.join(sorted(set(stumps))[:4])}"))
    return issues
