"""Units named by captions and headings: the amounts' scale, and the share counts' when a caption names it apart."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract import extract_document
from extract.context import classify_statement, named_dollar, read_unit, row_scales

WIDE_KEYS = Path(__file__).parent / "gold" / "wide"
SCALE_WORDS = {"thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}


@given(amounts=st.sampled_from(sorted(SCALE_WORDS)), shares=st.sampled_from(sorted(SCALE_WORDS)), per_share=st.booleans())
def test_a_caption_names_the_share_counts_scale_apart_from_the_amounts(amounts, shares, per_share):
    extra = ", and per-share amounts" if per_share else ""
    unit = read_unit(f"(In {amounts}, except number of shares, which are reflected in {shares}{extra})")
    assert (unit.scale, unit.share_scale) == (SCALE_WORDS[amounts], SCALE_WORDS[shares])


@pytest.mark.parametrize(
    "caption, scale, share_scale",
    [
        ("(in millions, except per share amounts)", 1_000_000, None),  # per-share figures are not share counts
        ("(in millions, except per-share data and shares in thousands)", 1_000_000, 1_000),
        ("(in thousands, except share and per share data)", 1_000, 1),  # share counts printed as they are
        ("(en millions d'euros)", 1_000_000, None),
    ],
)
def test_captions(caption, scale, share_scale):
    unit = read_unit(caption)
    assert (unit.scale, unit.share_scale) == (scale, share_scale)


def test_share_counts_take_the_share_scale_and_per_share_figures_stay_in_units():
    rows = [("Net income", []), ("Basic", ["Earnings per share:"]), ("Diluted", []),
            ("Basic", ["Shares used in computing earnings per share:"]), ("Diluted", []), ("Shares outstanding (millions)", [])]
    assert row_scales(rows, 1_000_000, 1_000) == [1_000_000, 1, 1, 1_000, 1_000, 1_000_000]
    assert row_scales(rows, 1_000_000) == [1_000_000, 1, 1, 1_000_000, 1_000_000, 1_000_000]


def test_a_statement_of_changes_in_equity_is_not_a_balance_sheet():
    for title in ("CONDENSED CONSOLIDATED STATEMENTS OF SHAREHOLDERS’ EQUITY (Unaudited)",
                  "Tableau de variation des capitaux propres consolidés", "Consolidated Statement of Changes in Equity"):
        assert classify_statement(title, ["Total shareholders' equity", "Common stock"]) == "other"
    assert classify_statement("Consolidated Balance Sheets", []) == "balance_sheet"


def test_apple_share_counts_are_in_thousands_as_its_caption_says():
    """Apple's 10-Q: `(In millions, except number of shares, which are reflected in thousands, and per-share
    amounts)`; the filing tags 15,697,614 thousand shares (its XBRL), once stored as millions."""
    items = extract_document(WIDE_KEYS / "apple_FY2023Q3_10q_en.pdf").line_items
    shares = [i for i in items if i.page == 4 and i.section and i.section.startswith("Shares used")]
    per_share = [i for i in items if i.page == 4 and i.section and i.section.startswith("Earnings per share")]
    assert len(shares) == 8 and {i.scale for i in shares} == {1_000}
    assert len(per_share) == 8 and {i.scale for i in per_share} == {1}


@pytest.mark.parametrize(
    ("lines", "dollar"),
    [
        # An SEC filing names no country's dollar; mentioning a Canadian program or operations names none.
        (["(in millions, except per share data)", "$ 16,693", "$100 million on the Canadian Maritime Helicopter Program"], "USD"),
        (["fiscal year ends on January 31 for the United States (\"U.S.\") and Canadian operations."], "USD"),
        (["(in millions of Canadian dollars)", "$ 30,162.4"], "CAD"),
        (["The consolidated financial statements are reported in Canadian dollars (“CAD”)."], "CAD"),
        (["The financial statements are presented in Australian dollars, the functional currency"], "AUD"),
        (["(en millions de dollars US)"], "USD"),
        # Two dollars stated: which one a bare `$` means is unknown.
        (["(in millions of Canadian dollars)", "(in millions of U.S. dollars)"], None),
        # A country's dollar this extractor does not know: unknown, not the US dollar.
        (["(in millions of Hong Kong dollars)", "$ 1,234"], None),
        (["Les comptes sont présentés en dollars de Singapour.", "$ 1 234"], None),
        (["(HK$ million)"], None),
        (["(in millions of dollars, except per share amounts)", "(in thousands of U.S. dollars)"], "USD"),
        (["(in C$ millions)"], "CAD"),
        (["(in millions of dollars unless otherwise stated)", "(in thousands, except per-share dollar amounts)"], "USD"),
        (["(en millions de dollars canadiens)"], "CAD"),
        # Prose about exchange rates states no currency of the amounts.
        (["$ 81,797", "The strength of the U.S. dollar relative to the Canadian dollar had an unfavorable year-over-year impact"
          " on net sales during the third quarter and first nine months of 2023."], "USD"),
    ],
)
def test_a_bare_dollar_is_the_dollar_the_document_states(lines, dollar):
    assert named_dollar(lines) == dollar
