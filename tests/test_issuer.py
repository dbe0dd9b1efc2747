"""What a document says about its issuer: ISINs (with their check digit), tickers, the legal name."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.issuer import choose_name, find_isins, find_tickers, isin_is_valid, names_before_tickers, running_title


def check_digit(body: str) -> str:
    """The ISO 6166 check digit of an 11-character ISIN body, computed independently of the code under test."""
    digits = "".join(str(int(char, 36)) for char in body)
    total = sum(sum(divmod(int(d) * (2 if i % 2 == 0 else 1), 10)) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


@pytest.mark.parametrize("code", ["FR0010291245", "FR0000120578", "US0378331005", "DE000BAY0017", "US4581401001"])
def test_published_isins_are_valid(code):
    assert isin_is_valid(code)


@given(
    st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2),
    st.text(alphabet=string.ascii_uppercase + string.digits, min_size=9, max_size=9),
    st.integers(min_value=1, max_value=9),
)
def test_only_the_right_check_digit_passes(country, middle, shift):
    body = country + middle
    good = check_digit(body)
    assert isin_is_valid(body + good)
    assert not isin_is_valid(body + str((int(good) + shift) % 10))


def test_isins_are_found_once_each_and_checksum_filtered():
    text = "VERIMATRIX (Euronext Paris : VMX, FR0010291245) … FR0010291245 … code FR0010291246 … ABCDEFGHIJKL"
    assert find_isins(text) == ["FR0010291245"]


@pytest.mark.parametrize(
    ("text", "tickers"),
    [
        ("VERIMATRIX (Euronext Paris : VMX, FR0010291245), fournisseur", ["EURONEXT PARIS:VMX"]),
        ("NYSE: AMCR; ASX: AMC\nwww.amcor.com", ["NYSE:AMCR", "ASX:AMC"]),
        ("Sanofi est cotée à Paris (Euronext : SAN) et à New York (Nasdaq : SNY).", ["EURONEXT:SAN", "NASDAQ:SNY"]),
        ("Costco Wholesale Corporation (“Costco” or the “Company”)\n(Nasdaq: COST) today", ["NASDAQ:COST"]),
        ("the NYSE rules: listed companies must", []),
    ],
)
def test_tickers(text, tickers):
    assert find_tickers(text) == tickers


def test_the_name_printed_before_the_ticker_even_on_the_previous_line():
    pages = [
        "ISSAQUAH, Wash., May 25, 2023 (GLOBE NEWSWIRE) -- Costco Wholesale Corporation (“Costco” or the “Company”)\n"
        "(Nasdaq: COST) today announced its operating results"
    ]
    assert names_before_tickers(pages) == ["Costco Wholesale Corporation"]
    assert choose_name(pages) == "Costco Wholesale Corporation"


def test_a_short_name_is_completed_with_its_legal_form():
    pages = ["Intel Corporation\n2200 Mission College Blvd.", "About Intel\nIntel (Nasdaq: INTC) is an industry leader"]
    assert choose_name(pages) == "Intel Corporation"


def test_a_sentence_before_a_ticker_is_not_a_name_but_the_running_title_is():
    pages = [f"SANOFI RAPPORT FINANCIER SEMESTRIEL 2025 {n}\nBilans consolidés" for n in range(1, 5)]
    pages.append("Sanofi est cotée à Paris (Euronext : SAN) et à New York (Nasdaq : SNY).")
    assert names_before_tickers(pages) == []
    assert running_title(pages) == "SANOFI"
    assert choose_name(pages) == "SANOFI"


def test_no_name_when_the_document_prints_none():
    assert choose_name(["SOMMAIRE DES HUIT DERNIERS TRIMESTRES\nChiffre d’affaires 105 925 142 326"]) is None
