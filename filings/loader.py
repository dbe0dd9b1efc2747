"""Load a tagged filing with Arelle, offline, without any taxonomy.

Arelle (`arelle-release`) reads the three forms a filing comes in: an inline XBRL document (`.htm`,
`.xhtml`: the SEC's 10-Q and 10-K), an ESEF report package (`.zip` holding `reports/*.xhtml`) and an
XBRL 2.1 instance (`.xml`). It applies inline XBRL's transformations, scales and signs, which a
hand-written parser would have to re-implement (`ixt:num-dot-decimal`, `ixt:date-monthname-day-year-en`,
`sign="-"`, continuations...).

No taxonomy is downloaded or needed:
- `internetConnectivity="offline"`: Arelle's web cache never fetches; a URL it does not hold locally is
  reported as an IOerror in its log instead.
- `skipDTS=True`: the schemas a filing refers to (the US GAAP, IFRS, dei taxonomies) are not even
  looked for. Without them Arelle cannot tell an instance's facts from other elements by their schema
  type, so with skipDTS it takes every child of `xbrli:xbrl` as a fact, and a fact is numeric when it
  carries a unit (XBRL 2.1 §4.6.2: numeric items must, others must not).
- `disablePersistentConfig=True`: nothing is read from or written to the user's Arelle settings.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

LOADER_VERSION = "0.1.0"

INLINE_SUFFIXES = {".htm", ".html", ".xhtml"}
INSTANCE_SUFFIXES = {".xml", ".xbrl"}
PACKAGE_SUFFIXES = {".zip"}

# The filing's own statement of its period, issuer and securities (SEC dei; ESEF's IFRS equivalents).
PERIOD_END_ELEMENTS = ("DocumentPeriodEndDate",)
ENTITY_NAME_ELEMENTS = ("EntityRegistrantName", "NameOfReportingEntityOrOtherMeansOfIdentification")


# What Arelle puts in place of a value whose inline XBRL format it cannot transform.
TRANSFORM_ERROR = "(ixTransformValueError)"


class FilingError(Exception):
    """The file is not a filing Ledgerline can read; the message says why."""


@dataclass(frozen=True)
class FilingFact:
    concept_prefix: str
    concept_name: str
    namespace: str
    period_type: str  # instant | duration
    period_start: date | None
    period_end: date
    dimensions: tuple[str, ...]  # "axis=member", sorted; empty for the fact of the whole entity
    unit: str  # USD, USD/shares, shares, pure...
    decimals: int | None  # XBRL decimals; None for INF (exact)
    value: Decimal | None  # None for a nil fact or a value Arelle could not transform (see issue)
    issue: str | None = None


@dataclass
class Filing:
    filing_id: str  # SHA-256 of the file's bytes
    source_file: str
    size_bytes: int
    format: str  # inline | report_package | instance
    entry_point: str
    entity_identifier: str | None = None
    entity_name: str | None = None
    tickers: list[str] = field(default_factory=list)  # EXCHANGE:SYMBOL, as raw.documents.tickers
    document_type: str | None = None
    period_end: date | None = None
    non_numeric_facts: int = 0
    facts: list[FilingFact] = field(default_factory=list)
    loader_version: str = LOADER_VERSION


def load_filing(path: str | Path) -> Filing:
    """Every numeric fact of the filing at `path` (exact duplicates once), with what it says about itself."""
    path = Path(path)
    if not path.is_file():
        raise FilingError(f"{path}: no such file")
    filing_format = _filing_format(path)
    entry_point = _package_report(path) if filing_format == "report_package" else str(path)
    data = path.read_bytes()
    filing = Filing(
        filing_id=hashlib.sha256(data).hexdigest(), source_file=path.name, size_bytes=len(data),
        format=filing_format, entry_point=entry_point,
    )
    facts = _arelle_facts(entry_point)
    _read_facts(filing, facts)
    if not filing.facts:
        raise FilingError(f"{path.name}: no numeric XBRL fact found ({filing.non_numeric_facts} non-numeric)")
    return filing


def _filing_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in INLINE_SUFFIXES:
        return "inline"
    if suffix in PACKAGE_SUFFIXES:
        return "report_package"
    if suffix in INSTANCE_SUFFIXES:
        return "instance"
    raise FilingError(f"{path.name}: not a filing (expected .htm/.xhtml inline XBRL, a .zip report package or an .xml instance)")


def _package_report(path: Path) -> str:
    """The report of an XBRL report package (ESEF): the inline document under `<top>/reports/`, as an
    archive path Arelle opens (`package.zip/top/reports/report.xhtml`)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile as error:
        raise FilingError(f"{path.name}: not a readable zip archive ({error})") from None
    reports = sorted(
        name for name in names
        if "/reports/" in f"/{name}" and Path(name).suffix.lower() in INLINE_SUFFIXES | INSTANCE_SUFFIXES
    )
    if not reports:
        raise FilingError(f"{path.name}: a zip without a report (no reports/*.xhtml, *.html or *.xbrl): not an XBRL report package")
    if len({str(Path(name).parent) for name in reports}) > 1:
        raise FilingError(f"{path.name}: several reports in one package ({', '.join(reports)}); load them one at a time")
    return str(path / reports[0])


def _arelle_facts(entry_point: str):
    """Arelle's facts of the document, loaded offline and without the DTS; errors become a FilingError."""
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    options = RuntimeOptions(
        entrypointFile=entry_point,
        internetConnectivity="offline",
        skipDTS=True,
        disablePersistentConfig=True,
        keepOpen=True,
        validate=False,
        logFile="logToBuffer",
    )
    with Session() as session:
        session.run(options)
        models = [model for model in session.get_models() if model.modelDocument is not None]
        if not models:
            errors = [line for line in session.get_logs("text").splitlines() if line.startswith("[")][:3]
            raise FilingError(f"{Path(entry_point).name}: Arelle could not load it: {'; '.join(errors) or 'no document'}")
        # Read everything while the model is open: the Session closes it on exit.
        return [_fact_record(fact) for model in models for fact in model.facts]


def _fact_record(fact) -> dict:
    """What we keep of an Arelle fact, as plain values."""
    context = fact.context
    record = {
        "prefix": fact.qname.prefix or "",
        "name": fact.qname.localName,
        "namespace": fact.qname.namespaceURI or "",
        "numeric": fact.unitID is not None,
        "nil": bool(fact.isNil),
        "text": fact.value,
        "decimals": fact.decimals,
        "unit": _unit_text(fact.unit) if fact.unitID is not None else None,
        "context_id": fact.contextID,
        "entity": None,
        "instant": None,
        "start": None,
        "end": None,
        "dimensions": (),
    }
    if context is None:
        return record
    scheme, identifier = context.entityIdentifier
    record["entity"] = identifier
    if context.isInstantPeriod:
        record["instant"] = context.instantDate
    elif context.isStartEndPeriod:
        record["start"], record["end"] = context.startDatetime.date(), context.endDate
    record["dimensions"] = tuple(sorted(f"{axis}={_member_text(member)}" for axis, member in context.qnameDims.items()))
    return record


def _member_text(dimension) -> str:
    if dimension.isExplicit:
        return str(dimension.memberQname)
    typed = dimension.typedMember
    return typed.stringValue if typed is not None else ""


def _unit_text(unit) -> str:
    if unit is None:
        return ""
    numerators, denominators = unit.measures
    text = "*".join(measure.localName for measure in numerators)
    if denominators:
        text += "/" + "*".join(measure.localName for measure in denominators)
    return text


def _read_facts(filing: Filing, records: list[dict]) -> None:
    """The numeric facts (each distinct one once) and the filing's own statements about itself."""
    seen = set()
    securities: dict[str, dict[str, str]] = {}
    for record in records:
        if record["instant"] is None and record["end"] is None:
            continue  # a forever period or a context Arelle could not resolve: no period to reconcile
        filing.entity_identifier = filing.entity_identifier or record["entity"]
        if not record["numeric"]:
            filing.non_numeric_facts += 1
            _read_statement_about_filing(filing, record, securities)
            continue
        fact = _numeric_fact(record)
        key = (fact.concept_prefix, fact.concept_name, fact.period_start, fact.period_end, fact.dimensions, fact.unit, fact.decimals, fact.value)
        if key not in seen:  # an inline document tags a figure wherever it is printed: the same fact
            seen.add(key)
            filing.facts.append(fact)
    filing.tickers = sorted(
        f"{security['SecurityExchangeName']}:{security['TradingSymbol']}"
        for security in securities.values()
        if security.get("SecurityExchangeName") and security.get("TradingSymbol")
    )
    if filing.period_end is None:  # no dei:DocumentPeriodEndDate (ESEF): the latest period of the whole entity
        ends = [fact.period_end for fact in filing.facts if not fact.dimensions]
        filing.period_end = max(ends) if ends else None


def _read_statement_about_filing(filing: Filing, record: dict, securities: dict) -> None:
    name, text = record["name"], (record["text"] or "").strip()
    if text == TRANSFORM_ERROR:
        return  # a format Arelle has no transformation for (the SEC's `ixt-sec:exchnameen`): not read rather than misread
    if name in PERIOD_END_ELEMENTS and filing.period_end is None:
        try:
            filing.period_end = date.fromisoformat(text)
        except ValueError:
            pass  # an untransformed date: the period is taken from the facts instead
    elif name in ENTITY_NAME_ELEMENTS and not filing.entity_name:
        filing.entity_name = text
    elif name == "DocumentType" and not filing.document_type:
        filing.document_type = text
    elif name in ("TradingSymbol", "SecurityExchangeName"):
        securities.setdefault(record["context_id"], {})[name] = text.upper()


def _numeric_fact(record: dict) -> FilingFact:
    value, issue = None, None
    if record["nil"]:
        issue = "nil"
    else:
        try:
            value = Decimal(record["text"])
        except (InvalidOperation, TypeError):
            issue = f"value not readable: {record['text']!r}"
    decimals = record["decimals"]
    instant = record["instant"]
    return FilingFact(
        concept_prefix=record["prefix"],
        concept_name=record["name"],
        namespace=record["namespace"],
        period_type="instant" if instant is not None else "duration",
        period_start=None if instant is not None else record["start"],
        period_end=instant if instant is not None else record["end"],
        dimensions=record["dimensions"],
        unit=record["unit"] or "",
        decimals=None if decimals in (None, "INF") else int(decimals),
        value=value,
        issue=issue,
    )
