"""What a table is about, read from its caption, headers and labels: scale, currency, statement, basis, scope."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .periods import fold

STATEMENTS = ("income_statement", "balance_sheet", "cash_flow", "revenue", "kpi", "reconciliation", "net_debt", "other")
BASES = ("ifrs", "adjusted", "proforma", "unknown")


@dataclass(frozen=True)
class Unit:
    scale: int | None
    currency: str | None
    # The scale a caption names for share counts apart from its amounts (`in millions, except number of
    # shares, which are reflected in thousands`), or None when it names none.
    share_scale: int | None = None


_SCALES = (
    (r"\b(milliards?|billions?|bn|md)\b", 1_000_000_000),
    (r"\b(millions?|mio|mn|mln|m)\b|\bm(?=[$€£])|\bm(?:usd|eur|cad|gbp|chf)\b", 1_000_000),
    (r"\b(milliers|thousands?|k|000s?|'000)\b|\bk(?=[$€£])|\bk(?:usd|eur|cad|gbp|chf)\b", 1_000),
)
# A bare `$` or `dollars` names no country: US, Canadian and Australian issuers all print it. It means the
# dollar the document names where it states its currency (see `named_dollar`).
BARE_DOLLAR = "$"
_DOLLARS = (
    (r"\bcad\b|\bc\$|\bca\$|\$ ?ca\b|dollars? canadiens?|canadian dollars?", "CAD"),
    (r"\baud\b|\ba\$|\bau\$|dollars? australiens?|australian dollars?", "AUD"),
    (r"\bnzd\b|\bnz\$|new zealand dollars?", "NZD"),
    (r"\busd\b|\bus\$|\bu\.s\. ?\$|\bu\.?s\.? dollars?|dollars? (?:americains?|us|u\.s\.)(?!\w)", "USD"),
)
_CURRENCIES = (
    *_DOLLARS,
    (r"\$|dollars?", BARE_DOLLAR),
    (r"\beur\b|€|euros?", "EUR"),
    (r"\bgbp\b|£|pounds? sterling|livres? sterling", "GBP"),
    (r"\bchf\b|francs? suisses?|swiss francs?", "CHF"),
    (r"\bjpy\b|¥|\byen\b", "JPY"),
)
_UNIT_CAPTION = re.compile(
    r"(\ben |\bin |^\(|\bdollars? in\b|\bamounts? in\b)[^()]{0,40}(milli|thousand|billion|milliard|k€|m€|m\$|k\$|usd|eur|euros?|dollars?)"
    r"|^\(?(m|k|mds?)?\s?(€|\$|usd|eur)\)?$",
)
_PER_SHARE = re.compile(
    r"par (action|part)|per (common |ordinary |diluted |basic )?(share|unit)|per (lp|limited partnership) unit|\bbpa\b|\beps\b|dividende par"
)
_SHARE_COUNT = re.compile(
    r"nombre (moyen )?(pondere )?d'actions|number of shares|shares (outstanding|used)|weighted average (number of )?(common )?shares"
    r"|actions en circulation|^shares\b"
)
# A caption's clause naming the scale of share counts apart from the amounts: `except number of shares,
# which are reflected in thousands`, `shares in thousands`, `share data in millions`. `per share` is not one.
_SHARE_SCALE_CLAUSE = re.compile(
    r"(?<!per )(?<!par )\b(?:number of )?shares?(?: data| counts?| amounts?)?[^;()]{0,30}?\b(?:in|reflected in|en)\s+"
    r"(thousands?|millions?|billions?|milliers|milliards?)\b"
)
# A caption that excepts share counts without naming their scale prints them as they are: `in thousands,
# except share and per share data`.
_SHARES_EXCEPTED = re.compile(r"\bexcept\b[^;()]*?(?<!per )(?<!per-)\b(?:number of )?shares?\b")
# A unit named in brackets on a label or heading: `Shares (million)`, `Shares used in calculation (000s)`.
_BRACKETED_SCALE = re.compile(r"\([^()]*\b(000s?|'000|thousands?|milliers|millions?|billions?|milliards?)\b[^()]*\)")
# Words that only qualify the measure named above them: `From discontinued operations` / `Basic`.
_QUALIFIER_WORDS = frozenset(
    "basic diluted dilutive and et de base dilue diluee from continuing discontinued operations des activites poursuivies "
    "abandonnees cedees total".split()
)


def is_unit_caption(text: str) -> bool:
    return _UNIT_CAPTION.search(fold(text)) is not None


def read_unit(text: str) -> Unit:
    """Scale and currency named in a caption such as `(en millions USD)` or `(in thousands)`."""
    folded = fold(text)
    share_clause = _SHARE_SCALE_CLAUSE.search(folded)
    share_scale = _scale_named(share_clause.group(1)) if share_clause else (1 if _SHARES_EXCEPTED.search(folded) else None)
    # The amounts' scale is named outside the share clause (`in millions, except ... in thousands`).
    amounts = folded[: share_clause.start()] + folded[share_clause.end():] if share_clause else folded
    currency = next((code for pattern, code in _CURRENCIES if re.search(pattern, folded)), None)
    return Unit(_scale_named(amounts), currency, share_scale)


# Where a document states the currency of its amounts: `reported in Canadian dollars`, `presented in
# Australian dollars`, `exprimés en dollars US` (the currency named right after the verb, not a mention of
# exchange rates further on).
_CURRENCY_STATEMENT = re.compile(r"\b(?:presented|expressed|reported|stated|exprimee?s?|presentee?s?) (?:in|en) ")
_STATEMENT_REACH = 40  # characters after the verb in which the currency is named
_CAPTION_LENGTH = 80  # a unit caption is short; a longer line naming a dollar is prose about exchange rates


# A dollar named by a country, in English (`Hong Kong dollars`) or French (`dollars de Singapour`), or by a
# prefix (`HK$`, `S$`, `NT$`): one of `_DOLLARS`, or a dollar this module does not know.
_DOLLAR_WORD = re.compile(r"(?:\b([a-z][a-z.]*) )?dollars?(?: (?:de ([a-z]+)|([a-z]+(?:iens?|ais|ains?))\b))?|\b([a-z]{1,3})\$")
# Words around `dollar(s)` that name no country.
_NO_COUNTRY = {
    "of", "in", "en", "the", "a", "and", "et", "or", "ou", "de", "des", "million", "millions", "thousand", "thousands",
    "billion", "billions", "milliers", "milliards", "constant", "nominal", "current", "courants", "constants", "par", "per",
    "m", "k", "mds", "bn", "mn", "is", "are", "were", "was", "to", "as", "for", "from", "at", "au", "aux", "with", "except",
    "share", "shares",
}


def _unknown_dollar(place: str) -> bool:
    """A dollar named by a country that none of `_DOLLARS` is."""
    for match in _DOLLAR_WORD.finditer(place):
        if any(re.search(pattern, match.group(0)) for pattern, _ in _DOLLARS):
            continue
        if any(word and word not in _NO_COUNTRY for word in match.groups()):
            return True
    return False


def _dollars_stated(line: str) -> set[str]:
    """The dollars a line states as the currency of the amounts; `?` for a country's dollar not known here."""
    text = fold(line)
    if is_unit_caption(line) and len(text) <= _CAPTION_LENGTH:
        places = [text]
    else:
        places = [text[m.end():m.end() + _STATEMENT_REACH] for m in _CURRENCY_STATEMENT.finditer(text)]
    stated = {code for place in places for pattern, code in _DOLLARS if re.search(pattern, place)}
    return stated | ({"?"} if any(_unknown_dollar(place) for place in places) else set())


def named_dollar(lines: list[str]) -> str | None:
    """The dollar the document's unit captions and currency statements name: what its bare `$` means.
    USD when they name no country's dollar (an SEC filing's `$ in millions`: the convention of US filings),
    None when they name several or one this module does not know (a guess would put one issuer's figures
    in another currency)."""
    named = {code for line in lines for code in _dollars_stated(line)}
    if not named:
        return "USD"
    return named.pop() if len(named) == 1 and "?" not in named else None


def _scale_named(text: str) -> int | None:
    return next((factor for pattern, factor in _SCALES if re.search(pattern, text)), None)


def row_scales(rows: list[tuple[str, list[str]]], table_scale: int | None, share_scale: int | None = None) -> list[int | None]:
    """The scale of each (label, headings read above it) row of a table, in order.

    A table's caption names the scale of its amounts (`in millions, except per share data`); per-share
    rows are in currency units, and a label or heading may name its own unit (`Shares used in
    calculation (000s)`). Rows often carry only a qualifier (`Basic`, `Diluted`) under the heading that
    names the measure, itself sometimes refined by qualifier headings (`From discontinued operations`):
    such rows take the unit of the last heading that named one. Share counts take `share_scale` when the
    caption names one for them, unless their label or heading names its own."""
    measure = ""  # the last heading that was not only a qualifier
    scales = []
    for label, headings in rows:
        heading = " ".join(headings)
        if heading and not _is_qualifier(heading):
            measure = heading
        named = _named_scale(label)
        if named is None and measure:
            named = _named_scale(measure, per_share=_is_qualifier(label))
        if named is None and share_scale is not None and _counts_shares(label, measure):
            named = share_scale
        scales.append(table_scale if named is None else named)
    return scales


def _named_scale(text: str, per_share: bool = True) -> int | None:
    """The scale `text` names for the figures under it, or None. A heading's per-share unit reaches only
    qualifier rows (`per_share`): `Earnings per share` may head `Net income attributable` before `Basic`."""
    folded = fold(text)
    if per_share and _PER_SHARE.search(folded) and not _SHARE_COUNT.search(folded):
        return 1
    bracketed = _BRACKETED_SCALE.search(folded)
    return read_unit(bracketed.group(0)).scale if bracketed else None


def _counts_shares(label: str, measure: str) -> bool:
    """A row of share counts: its label says so, or it only qualifies a heading that does (`Basic`)."""
    text = fold(label if not _is_qualifier(label) or not measure else measure)
    return _SHARE_COUNT.search(text) is not None and not (_PER_SHARE.search(text) and not re.search(r"shares used|weighted", text))


def _is_qualifier(text: str) -> bool:
    words = re.findall(r"[a-z]+", fold(text))
    return bool(words) and all(word in _QUALIFIER_WORDS for word in words)


# Title keywords are strong evidence; row labels are weaker evidence, counted per row.
_TITLE_RULES = (
    # A statement of changes in equity prints equity lines but is no balance sheet.
    ("other", r"variations? des capitaux propres|statements? of (changes in )?(stockholders|shareholders|shareowners)'? ?equity|changes in (stockholders'? |shareholders'? )?equity"),
    ("net_debt", r"dette nette|endettement net|net debt|net cash position|tresorerie nette\)?/\(?dette"),
    ("reconciliation", r"rapprochement|reconciliation|passage du|non[- ]gaap|non[- ]ifrs|bridge"),
    ("cash_flow", r"flux de tresorerie|cash flows?|tableau de financement|variation de la tresorerie"),
    ("balance_sheet", r"\bbilans?\b|balance sheets?|situation financiere|financial position|\bactif\b|\bpassif\b"),
    ("income_statement", r"compte de resultat|comptes de resultat|income statements?|statements? of (consolidated )?(income|operations|earnings|profit)|profit (and|or) loss|resultat consolide|statements? of comprehensive"),
    ("revenue", r"chiffre d'affaires par|revenue by|net sales by|sales by|ventilation du chiffre|repartition du chiffre|chiffre d'affaires (trimestriel|annuel|consolide)|revenus? par"),
    ("kpi", r"chiffres? cles|key figures|highlights|indicateurs|kpi|\barr\b"),
)
_LABEL_RULES = (
    ("balance_sheet", r"total (de l'|des )?actifs?|total assets|capitaux propres|stockholders' equity|shareholders' equity|total liabilities|total du passif|goodwill|ecarts d'acquisition|stocks|inventories"),
    ("cash_flow", r"activites operationnelles|operating activities|investing activities|financing activities|operations d'investissement|operations de financement|a l'ouverture|a la cloture|beginning of (the )?(period|year)|end of (the )?(period|year)|variation (nette )?de (la )?tresorerie"),
    ("income_statement", r"chiffre d'affaires|revenue|net sales|cout des ventes|cost of sales|marge brute|gross (profit|margin)|resultat operationnel|operating (income|profit)|resultat net|net (income|earnings)|impots? sur le resultat|income tax"),
    ("revenue", r"recurrent|abonnements|subscription|maintenance|licen[cs]es?"),
    ("kpi", r"\barr\b|effectifs|headcount|employees"),
    ("net_debt", r"dette nette|net debt|emprunts?|borrowings"),
)
_ADJUSTED = re.compile(r"ajuste|adjusted|non[- ]gaap|non[- ]ifrs|courant|core|underlying|recurring operating|sous-jacent|ebitda")
_PROFORMA = re.compile(r"pro ?forma")
_IFRS = re.compile(r"\bifrs\b|\bgaap\b|consolide|consolidated|condensed|condenses|etats financiers|financial statements")


def classify_statement(title: str, labels: list[str]) -> str:
    """The statement a table presents, from its title first and its row labels second."""
    title_text = fold(title)
    for statement, pattern in _TITLE_RULES:
        if re.search(pattern, title_text):
            return statement
    scores = {statement: 0 for statement, _ in _LABEL_RULES}
    for label in labels:
        folded = fold(label)
        for statement, pattern in _LABEL_RULES:
            if re.search(pattern, folded):
                scores[statement] += 1
    best = max(scores, key=lambda s: scores[s])
    return best if scores[best] >= 2 else "other"


def classify_basis(title: str, labels: list[str]) -> str:
    """IFRS/GAAP statements vs adjusted (non-GAAP) measures vs pro forma figures."""
    title_text = fold(title)
    if _PROFORMA.search(title_text):
        return "proforma"
    if re.search(r"non[- ](gaap|ifrs)|ajuste|adjusted", title_text):
        return "adjusted"
    adjusted_rows = sum(1 for label in labels if re.search(r"ajuste|adjusted|non[- ]gaap", fold(label)))
    if adjusted_rows >= 2:
        return "adjusted"
    if _IFRS.search(title_text):
        return "ifrs"
    return "unknown"


# A table of one segment of the reporting entity: its heading names a segment (`Financial Performance by
# Segment`, `Segment information`, `Information sectorielle`, `Résultats par secteur`).
_SEGMENT = re.compile(r"\bsegments?\b|\bsectori(?:el|elle)s?\b|\bpar secteurs?\b|\bsecteurs? operationnels?\b")
SEGMENT, ENTITY = "segment", "entity"


def classify_scope(headings: list[str]) -> str:
    """`segment` when a heading of the table names a segment: its figures are one part of the reporting
    entity, not the same figures as the statements' (`Operating income` of one segment beside the group's)."""
    return SEGMENT if any(_SEGMENT.search(fold(text)) for text in headings) else ENTITY


def looks_french(text: str) -> bool:
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    french = sum(1 for w in words if w in {"de", "des", "et", "le", "la", "les", "du", "en", "au", "aux", "sur", "par"})
    english = sum(1 for w in words if w in {"the", "and", "of", "in", "to", "for", "on", "by", "with", "from"})
    return french > english
