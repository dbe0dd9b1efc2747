"""Who published a document, as the document itself says: ISIN codes, exchange tickers, a legal name.

This is evidence, not a decision: the warehouse's dbt models resolve the issuer from it, with the
user-maintained seed `issuers.csv` merging names and overriding what the text says.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

# An ISIN: two-letter country code, nine alphanumerics, one check digit (ISO 6166).
_ISIN = re.compile(r"\b([A-Z]{2}[A-Z0-9]{9}[0-9])\b")

# `NYSE: MGM`, `Nasdaq: INTC`, `(Euronext Paris : VMX, FR0010291245)`, `NYSE: AMCR; ASX: AMC`.
_EXCHANGES = {
    "nyse american": "NYSE AMERICAN",
    "nyse": "NYSE",
    "nasdaq": "NASDAQ",
    "euronext paris": "EURONEXT PARIS",
    "euronext amsterdam": "EURONEXT AMSTERDAM",
    "euronext brussels": "EURONEXT BRUSSELS",
    "euronext growth paris": "EURONEXT GROWTH PARIS",
    "euronext growth": "EURONEXT GROWTH",
    "euronext": "EURONEXT",
    "asx": "ASX",
    "tsx venture": "TSX VENTURE",
    "tsxv": "TSX VENTURE",
    "tsx": "TSX",
    "lse": "LSE",
    "six": "SIX",
    "xetra": "XETRA",
}
_EXCHANGE_NAMES = "|".join(sorted((re.escape(name).replace(r"\ ", r"\s+") for name in _EXCHANGES), key=len, reverse=True))
_TICKER = re.compile(rf"\b({_EXCHANGE_NAMES})\s*:\s*([A-Z][A-Z0-9]{{0,5}}(?:\.[A-Z]{{1,2}})?)\b", re.IGNORECASE)

# A legal form closes a company name: `Costco Wholesale Corporation`, `PepsiCo, Inc.`, `Bayer AG`.
_LEGAL_FORM = r"(?:Inc\.?|Incorporated|Corporation|Corp\.|plc|PLC|L\.P\.|Ltd\.?|Limited|AG|SE|S\.A\.|SA|N\.V\.|S\.p\.A\.|GmbH)"
_NAME_WORD = r"[A-Z][A-Za-z0-9&'’.\-]*"
_LEGAL_NAME = re.compile(rf"\b((?:{_NAME_WORD},? ){{1,5}}{_LEGAL_FORM})(?![A-Za-z])")
# Words that start a sentence or a heading, not a company name (`The Company`, `Total Company`).
_NOT_A_NAME_START = re.compile(r"^(the|a|an|total|our|this|each|other|any|all|europe|exchange)\b", re.IGNORECASE)
# A defined term after a name, `(“Costco” or the “Company”)`, and the dashes that end a dateline.
_DEFINED_TERM = re.compile(r"\s*\([“\"‘'][^()]{0,80}\)\s*$")
_DATELINE_DASH = re.compile(r".*\s(?:--|-|–|—)\s")
# A running title names the issuer before the kind of document: `SANOFI RAPPORT FINANCIER SEMESTRIEL 2025`.
_DOCUMENT_KIND = re.compile(
    r"\b(rapport|report|r[ée]sultats?|results?|half-year|annual|financial|communiqu[ée]|press|news|interim|quarterly)\b", re.IGNORECASE
)
_MAX_NAME_WORDS = 6
_NAME_CHARS = re.compile(r"[\w&'’.,\-]+")
_SPLIT_WORD_FRAGMENT = 4  # `MGM Res orts International`: a text layer may cut a word in two


@dataclass(frozen=True)
class IssuerEvidence:
    """Identifiers printed in a document, in order of first appearance."""

    name: str | None = None
    isins: list[str] = field(default_factory=list)
    tickers: list[str] = field(default_factory=list)


def isin_is_valid(code: str) -> bool:
    """ISO 6166 check digit: letters become two digits (A=10 … Z=35), then the Luhn checksum."""
    if not re.fullmatch(r"[A-Z]{2}[A-Z0-9]{9}[0-9]", code):
        return False
    digits = "".join(str(int(char, 36)) for char in code)
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def find_isins(text: str) -> list[str]:
    """Checksum-valid ISINs, each once, in order of first appearance."""
    return list(dict.fromkeys(code for code in _ISIN.findall(text) if isin_is_valid(code)))


def find_tickers(text: str) -> list[str]:
    """`EXCHANGE:SYMBOL` for each ticker printed as `Exchange: SYMBOL`, each once, in order."""
    found = (f"{_EXCHANGES[' '.join(m.group(1).lower().split())]}:{m.group(2).upper()}" for m in _TICKER.finditer(text))
    return list(dict.fromkeys(found))


def _name_ending_the(text: str, initial: str) -> str | None:
    """The company name that ends `text` and starts with the ticker's initial: `… 2023 – MGM Res orts International`."""
    text = _DATELINE_DASH.sub("", _DEFINED_TERM.sub("", text.strip()))
    words = text.split()[-_MAX_NAME_WORDS:]
    for start in range(len(words)):
        name = words[start:]
        first_ok = name[0][:1].upper() == initial and name[0][:1].isupper()
        plain = all(_NAME_CHARS.fullmatch(w) for w in name)
        rest_ok = plain and all(w[:1].isupper() or w[:1].isdigit() or len(w) <= _SPLIT_WORD_FRAGMENT for w in name[1:])
        if first_ok and rest_ok and not _NOT_A_NAME_START.match(name[0]):
            return " ".join(name).rstrip(",")
    return None


def names_before_tickers(page_texts: list[str]) -> list[str]:
    """Names printed right before a ticker: `PepsiCo, Inc. (NASDAQ: PEP)`, the name possibly closing the
    previous line (`Costco Wholesale Corporation (“Costco” or the “Company”)` / `(Nasdaq: COST)`)."""
    names = []
    for text in page_texts:
        lines = text.splitlines()
        for number, line in enumerate(lines):
            for match in _TICKER.finditer(line):
                opening = line.rfind("(", 0, match.start())
                if opening < 0 or line[opening + 1 : match.start()].strip():
                    continue
                before = line[:opening] if line[:opening].strip() or number == 0 else lines[number - 1]
                name = _name_ending_the(before, match.group(2)[:1].upper())
                if name:
                    names.append(name)
    return names


def running_title(page_texts: list[str]) -> str | None:
    """The words before the kind of document in a title repeated at the top or bottom of most pages."""
    counts: Counter = Counter()
    for text in page_texts:
        lines = [line for line in text.splitlines() if line.strip()]
        titles = set()
        for line in lines[:2] + lines[-2:]:
            kind = _DOCUMENT_KIND.search(line)
            words = line[: kind.start()].split() if kind else []
            if 0 < len(words) <= 3 and all(w[:1].isupper() for w in words):
                titles.add(" ".join(words))
        counts.update(titles)
    if not counts:
        return None
    title, pages = counts.most_common(1)[0]
    return title if pages >= 3 and pages >= 0.3 * len(page_texts) else None


def legal_names(text: str) -> Counter:
    """Names ending in a legal form, counted case-insensitively (a title in capitals is the same name)."""
    counts: Counter = Counter()
    spelling: dict[str, str] = {}
    for match in _LEGAL_NAME.finditer(text):
        name = " ".join(match.group(1).split())
        if _NOT_A_NAME_START.match(name):
            continue
        key = name.casefold()
        spelling.setdefault(key, name)
        counts[spelling[key]] += 1
    return counts


def _squashed(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def choose_name(page_texts: list[str]) -> str | None:
    """The issuer's name: printed before its ticker, else in the running title, completed with its legal
    form when the document prints it (`Intel (Nasdaq: INTC)` → `Intel Corporation`); else the most
    frequent name with a legal form."""
    text = "\n".join(page_texts)
    by_form = legal_names(text)
    ranked = sorted(by_form, key=lambda name: (-by_form[name], text.casefold().find(name.casefold())))
    short = next(iter(names_before_tickers(page_texts)), None) or running_title(page_texts)
    if short:
        return next((name for name in ranked if _squashed(name).startswith(_squashed(short))), short)
    return ranked[0] if ranked else None


def read_issuer_evidence(page_texts: list[str]) -> IssuerEvidence:
    """Identifiers of the document's issuer, from the text of its pages (ISINs and tickers anywhere,
    as the "About us" paragraph often ends a release; the name as explained in `choose_name`)."""
    text = "\n".join(page_texts)
    return IssuerEvidence(name=choose_name(page_texts), isins=find_isins(text), tickers=find_tickers(text))
