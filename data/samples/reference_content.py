"""The Verimatrix FY2025 French results release: its content, in one place.

Text, tables and pagination of the reference release (figures copied verbatim from the source,
flaws included: see build_reference_pdf.py for the fidelity rules), as plain data that any
typesetter renders: ``build_reference_pdf.py`` (reportlab, the committed
``verimatrix_FY2025_fr.pdf``) and ``build_reference_html.py`` (HTML for Chromium and LibreOffice).

A page is a list of blocks. Paragraph text carries reportlab's inline markup (``<b>``, ``<br/>``,
``<super>``, ``<a href>``), which HTML readers understand once ``<super>`` is ``<sup>``.
Each table also says which period each of its columns prints (``periods``): the answer key of
whatever typesets it.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


# --------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------
class Para(NamedTuple):
    text: str
    style: str = "body"


class Bullets(NamedTuple):
    items: list
    style: str = "bullet_o"
    mark: str = "o"      # the source uses Word's "o" list marker on page 1 and "•" on page 5


class Space(NamedTuple):
    height: float        # points


class Column(NamedTuple):
    """The period a column prints: a duration (start, end), an instant (end), or a variance (None)."""
    period_type: str | None
    start: date | None
    end: date | None


class FinancialTable(NamedTuple):
    """Label column + period columns. ``header`` rows: the first cell is the caption, "\n" breaks a cell.
    ``spans``: header cells spanning columns, ((first col, row), (last col, row)). ``ruled``: a light
    rule under every body row. ``widths``: column widths in points."""
    header: list
    rows: list
    widths: list
    look: str = "narrative"      # narrative (pp. 2-7) | statement (the IFRS statements of pp. 8-10)
    spans: tuple = ()
    ruled: bool = False
    periods: tuple = ()          # one Column per figure column


class AtPageFoot(NamedTuple):
    """A table set flush with the bottom margin (the original runs it into the foot of its page)."""
    table: FinancialTable
    min_gap: float = 0


class Contacts(NamedTuple):
    """Two contact cards side by side."""
    left: list
    right: list


NARRATIVE, STATEMENT = "narrative", "statement"
BULLET_MARK = "•"

RUNNING_HEADER = "VERIMATRIX — Résultats annuels 2025"
TITLE = "Verimatrix — Chiffre d’affaires et résultats de l’exercice 2025"


def mail(addr: str) -> str:
    return link(addr, f"mailto:{addr}")


# --------------------------------------------------------------------------
# Financial tables
# --------------------------------------------------------------------------
class Row(NamedTuple):
    label: str           # "\n" marks a forced break inside the label cell
    values: tuple
    kind: str = "plain"  # plain | sub | bold | total | pct | spacer


def row(label, *v):
    return Row(label, v)


def sub(label, *v):      # "dont ..." lines, indented
    return Row(label, v, "sub")


def bold(label, *v):
    return Row(label, v, "bold")


def total(label, *v):    # bold, thin rule above
    return Row(label, v, "total")


def pct(label, *v):      # "En % du CA" ratio lines, italic
    return Row(label, v, "pct")


SPACER = Row("", (), "spacer")
def sup(n) -> str:
    # Modest rise keeps the mark on its line for text extractors ("proforma1").
    return f'<super rise="30%" size="70%">{n}</super>'


def link(text: str, url: str) -> str:
    return f'<a href="{url}" color="#1F4E9E"><u>{text}</u></a>'


REVENUE_HEADER = [["(en millions USD)", "T4 2025", "T4 2024", "Var.",
                   "12 mois\n2025", "12 mois\n2024", "Var."]]
REVENUE_ROWS = [
    bold("CA récurrent", "8,0", "8,6", "-7%", "33,1", "34,1", "-3%"),
    sub("dont abonnements", "4,8", "4,6", "+6%", "18,8", "17,3", "+8%"),
    sub("dont maintenance", "3,2", "4,1", "-21%", "14,3", "16,8", "-15%"),
    SPACER,
    bold("CA non récurrent", "2,2", "3,7", "-41%", "13,5", "23,1", "-42%"),
    total("CA total", "10,2", "12,3", "-17%", "46,5", "57,2", "-19%"),
    SPACER,
    SPACER,
    # ARR is a point-in-time figure: only the 12-month columns are filled.
    bold("ARR", "", "", "", "31,0", "33,0", "-6%"),
    sub("dont abonnements", "", "", "", "18,9", "18,0", "+5%"),
    sub("dont maintenance", "", "", "", "12,1", "15,0", "-19%"),
]

ADJUSTED_HEADER = [["En millions de dollars", "2025", "2024", "Var."]]
ADJUSTED_ROWS = [
    row("Chiffre d'affaires (CA)", "46,5", "57,2", "-18,7%"),
    bold("Marge brute", "29,5", "39,1", "-24,4%"),
    pct("En % du CA", "63,5%", "68,3%", ""),
    row("Frais de recherche et développement", "(16,1)", "(18,1)", "-10,7%"),
    row("Frais commerciaux et de marketing", "(9,8)", "(13,5)", "-27,0%"),
    row("Frais généraux et administratifs", "(9,5)", "(10,2)", "-6,8%"),
    row("Autres produits/(charges) opérationnels, nets", "0,3", "(0,3)", "-185,9%"),
    total("Total des dépenses opérationnelles ajustées", "(35,2)", "(42,0)", "-16,2%"),
    pct("En % du CA", "-75,6%", "-73,4%", ""),
    bold("EBITDA ajusté", "(0,2)", "2,8", "-105,6%"),
    pct("En % du CA", "-0,3%", "4,9%", ""),
    bold("Résultat opérationnel ajusté", "(5,7)", "(2,9)", "94,9%"),
    pct("En % du CA", "-12,2%", "-5,1%", ""),
    row("Produits financiers/(perte), net", "(4,9)", "(3,0)", "63,2%"),
    row("Charges d'impôts sur le résultat", "(0,6)", "(1,7)", "-67,7%"),
    total("Résultat net/(perte) ajusté", "(11,2)", "(7,7)", "45,6%"),
]

RECONCILIATION_HEADER = [["(en millions de dollars)", "2025", "2024"]]
RECONCILIATION_ROWS = [
    bold("Résultat opérationnel ajusté", "(5,7)", "(2,9)"),
    row("Amortissement et dépréciation d'actifs reconnus lors d'acquisitions\n"
        "d'activités et/ou d'entreprises (éléments sans impact sur la trésorerie)",
        "0,0", "(0,3)"),
    row("Coûts liés aux acquisitions", "-", "-"),
    row("Coûts non recurrents liés aux restructurations", "(4,2)", "(1,7)"),
    row("Paiements fondés sur des actions", "(0,3)", "(0,6)"),
    row("Perte de valeur / dépréciation du goodwill", "(60,0)", "-"),
    row("Perte de valeur / dépréciation sur les actifs destinés à être cédés",
        "(3,0)", "-"),
    total("Résultat opérationnel", "(73,1)", "(5,6)"),
    row("Produits / (charges) financiers, nets", "(4,9)", "(3,0)"),
    row("Charges d'impôts sur le résultat", "(0,6)", "(1,7)"),
    total("Résultat net consolidé", "(78,6)", "(10,3)"),
]

CASHFLOW_SUMMARY_HEADER = [["(en millions de dollars)", "2025", "2024"]]
CASHFLOW_SUMMARY_ROWS = [
    row("Résultat net", "(78,6)", "(10,3)"),
    row("Elimination des éléments sans incidence de trésorerie", "11,8", "11,1"),
    row("Elimination de la perte de valeur / dépréciation du goodwill", "60,0", "-"),
    row("Elimination de la perte de valeur / dépréciation sur les actifs destinés "
        "à être cédés", "3,0", "-"),
    # "0.8" is printed with a decimal point in the source: kept on purpose.
    bold("Flux de trésorerie générés par les activités hors variation du BFR",
         "(3,8)", "0.8"),
    row("Flux de trésorerie absorbés par le besoin en fonds de roulement", "6,4", "2,7"),
    bold("Trésorerie générée par les activités", "2,6", "3,5"),
    row("Impôts payés", "(0,7)", "(1,6)"),
    row("Intérêts payés", "(2,2)", "(3,5)"),
    bold("Trésorerie nette générée par l'activité opérationnelle", "(0,3)", "(1,6)"),
    row("Flux nets de trésorerie liés aux opérations d'investissement", "(2,0)", "(2,1)"),
    row("Flux nets de trésorerie liés aux opérations de financement", "(1,4)", "(8,1)"),
    total("Variation nette de la trésorerie", "(3,7)", "(11,8)"),
    # -- page break in the original: the rows below open page 5 --
    row("Trésorerie et équivalents de trésorerie à l'ouverture", "11,0", "22,6"),
    row("Effets de change", "(0,1)", "0,2"),
    total("Trésorerie et équivalents de trésorerie à la clôture", "7,1", "11,0"),
]
CASHFLOW_SUMMARY_SPLIT = 13   # rows on page 4; the rest continue on page 5

NET_DEBT_HEADER = [["(en million de dollars)", "31 décembre\n2025", "31 décembre\n2024"]]
NET_DEBT_ROWS = [
    SPACER,
    row("Trésorerie et équivalents de trésorerie", "7,1", "11,0"),
    row("Emprunt privé échéance 2026", "(18,7)", "(18,2)"),
    row("Autres emprunts", "(8,7)", "(7,7)"),
    SPACER,
    total("Trésorerie/(dette) nette", "(20,2)", "(14,9)"),
    SPACER,
    row("Passifs de loyers (IFRS16)", "(4,7)", "(6,4)"),
    SPACER,
    total("Trésorerie/(dette) nette incluant IFRS16", "(24,9)", "(21,3)"),
]

INCOME_HEADER = [["(en million de dollars)", "Exercice clos le 31 décembre", ""],
                 ["", "2025", "2024"]]
INCOME_SPANS = [((1, 0), (2, 0))]
INCOME_ROWS = [
    SPACER,
    row("Chiffre d'affaires", "46,5", "57,2"),
    row("Coût des ventes", "(17,0)", "(18,3)"),
    SPACER,
    total("Marge brute", "29,5", "38,9"),
    SPACER,
    row("Frais de recherche et développement", "(16,1)", "(18,3)"),
    row("Frais commerciaux et de marketing", "(9,8)", "(13,4)"),
    row("Frais généraux et administratifs", "(9,8)", "(10,8)"),
    row("Autres produits / (charges) opérationnels, nets", "(3,9)", "(2,0)"),
    row("Perte de valeur / dépréciation du goodwill", "(60,0)", "-"),
    row("Perte de valeur / dépréciation sur les actifs destinés à être cédés",
        "(3,0)", "-"),
    SPACER,
    total("Résultat opérationnel", "(73,1)", "(5,6)"),
    SPACER,
    row("Coût de l'endettement financier, net", "(3,2)", "(3,8)"),
    row("Autres produits / (charges) financiers, net", "(1,7)", "0,8"),
    SPACER,
    total("Résultat avant impôts", "(78,0)", "(8,6)"),
    row("Charge d'impôts sur le résultat", "(0,6)", "(1,7)"),
    SPACER,
    total("Résultat net consolidé", "(78,6)", "(10,3)"),
]

BALANCE_HEADER = [["(en million de dollars)", "31 décembre 2025", "31 décembre 2024"]]
ASSETS_ROWS = [
    row("Goodwill", "48,2", "115,2"),
    row("Immobilisations incorporelles", "4,2", "10,5"),
    row("Immobilisations corporelles", "3,0", "4,2"),
    row("Autres actifs", "0,8", "1,1"),
    total("Total des actifs non courants", "56,1", "131,0"),
    SPACER,
    row("Stocks", "0,4", "0,4"),
    row("Clients et comptes rattachés", "16,7", "26,8"),
    row("Autres actifs courants", "2,7", "2,7"),
    row("Instruments financiers dérivés actifs", "0,0", "-"),
    row("Trésorerie et équivalents de trésorerie", "7,1", "11,0"),
    row("Actifs destinés à être cédés", "8,3", "-"),
    total("Total des actifs courants", "35,4", "40,9"),
    SPACER,
    total("Total de l'actif", "91,4", "171,9"),
]
LIABILITIES_ROWS = [
    row("Capital", "10,6", "41,5"),
    row("Primes d'émission", "93,9", "94,7"),
    row("Réserves et reports à nouveau", "8,6", "(14,4)"),
    row("Résultat de la période", "(78,6)", "(10,3)"),
    bold("Capitaux propres part du Groupe", "34,6", "111,5"),
    SPACER,
    row("Intérêts non contrôlant", "-", "-"),
    SPACER,
    total("Total des capitaux propres", "34,6", "111,5"),
    SPACER,
    row("Dettes financières", "11,5", "29,9"),
    row("Provisions", "0,5", "1,0"),
    row("Impôt différé passif", "0,0", "1,0"),
    total("Total des passifs non courants", "12,0", "31,8"),
    SPACER,
    row("Dettes financières", "20,6", "2,4"),
    row("Fournisseurs et dettes rattachées", "5,0", "4,2"),
    row("Autres dettes", "6,6", "8,0"),
    row("Dettes fiscales courantes", "1,0", ""),          # no 2024 figure in source
    row("Instruments dérivés", "0,0", "0,3"),
    row("Provisions", "0,4", "0,2"),
    row("Produits constatés d'avance", "9,1", "13,5"),
    row("Passifs liés aux actifs destinés à être cédés", "2,2", ""),  # idem
    total("Total des passifs courants", "44,9", "28,6"),
    SPACER,
    total("Total du passif", "56,9", "60,4"),
    SPACER,
    total("Total du passif et des capitaux propres", "91,4", "171,9"),
]

CASHFLOW_IFRS_HEADER = [["(en millions de dollars)", "31 décembre\n2025",
                         "31 décembre\n2024"]]
CASHFLOW_IFRS_ROWS = [
    row("Résultat net", "(78,6)", "(10,3)"),
    row("Elimination des éléments sans incidence de trésorerie", "11,8", "11,1"),
    row("Elimination de la perte de valeur / dépréciation du goodwill", "60,0", "-"),
    row("Elimination de la perte de valeur / dépréciation sur les actifs destinés à être\n"
        "cédés", "3,0", "-"),
    bold("Flux de trésorerie générés par l'activité hors variation du BFR",
         "(3,8)", "0,8"),
    row("Variation du besoin en fonds de roulement des activités poursuivies",
        "6,4", "2,7"),
    bold("Trésorerie provenant des activités opérationnelles", "2,6", "3,5"),
    row("Impôts payés", "(0,7)", "(1,6)"),
    row("Intérêts payés", "(2,2)", "(3,5)"),
    total("Trésorerie nette provenant des activités opérationnelles", "(0,3)", "(1,6)"),
    row("Acquisitions d'immobilisations corporelles", "(0,4)", "(0,1)"),
    row("Acquisitions d'immobilisations incorporelles", "(1,7)", "(2,0)"),
    total("Flux nets de trésorerie liés aux opérations d'investissement",
          "(2,0)", "(2,1)"),
    row("Remboursement d'emprunt", "-", "(6,5)"),
    row("Remboursement des passifs de loyers sous IFRS16", "(1,4)", "(1,6)"),
    total("Flux nets de trésorerie liés aux opérations de financement",
          "(1,4)", "(8,1)"),
    row("Incidence du taux de change sur la trésorerie", "(0,1)", "(0,2)"),
    total("Variation de trésorerie nette", "(3,9)", "(11,6)"),
    row("Trésorerie et équivalents de trésorerie à l'ouverture de l'exercice",
        "11,0", "22,6"),
    total("Trésorerie et équivalents de trésorerie à la clôture de l'exercice",
          "7,1", "11,0"),
]


# The periods the columns print.  The ARR rows of the revenue table are point-in-time figures under
# the "12 mois" columns: the key keeps the column's period, which is what the header says.
FY2025 = Column("duration", date(2025, 1, 1), date(2025, 12, 31))
FY2024 = Column("duration", date(2024, 1, 1), date(2024, 12, 31))
Q4_2025 = Column("duration", date(2025, 10, 1), date(2025, 12, 31))
Q4_2024 = Column("duration", date(2024, 10, 1), date(2024, 12, 31))
DEC_2025 = Column("instant", None, date(2025, 12, 31))
DEC_2024 = Column("instant", None, date(2024, 12, 31))
VARIANCE = Column(None, None, None)
REVENUE_PERIODS = (Q4_2025, Q4_2024, VARIANCE, FY2025, FY2024, VARIANCE)
YEAR_AND_VARIANCE = (FY2025, FY2024, VARIANCE)
YEARS = (FY2025, FY2024)
YEAR_ENDS = (DEC_2025, DEC_2024)

# Column widths (pt).  Label columns are sized so that every single-line
# label fits and the two forced breaks are the only wraps
# (_check_label_fits enforces it).
W_REVENUE = [128] + [58.5] * 6
W_ADJUSTED = [262, 70, 70, 70]
W_TWO_PERIODS_WIDE = [362, 60, 60]      # summary cash flow (long one-liners)
W_RECONCILIATION = [342, 70, 70]
W_NET_DEBT = [262, 85, 85]
W_INCOME = [322, 80, 80]
W_BALANCE = [282, 100, 100]
W_CASHFLOW_IFRS = [322, 80, 80]


# --------------------------------------------------------------------------
# Prose (verbatim)
# --------------------------------------------------------------------------
TEAMS_URL = ("https://events.teams.microsoft.com/event/"
             "2c04850b-d475-4899-b7e8-51d927706b4f@8dc9ffd3-7cd6-4982-af24-2d6b4a18e5ce")

# Footnotes, keyed by the page whose foot carries them (drawn with the folio).
FOOTNOTES_BY_PAGE = {
    1: f"{sup(1)} Proforma : données non auditées",
    2: f"{sup(2)} L’ARR (Annual Recurring Revenue) correspond à la somme des revenus "
       "récurrents issus des abonnements vendus, projeté sur une année pleine.",
}


def page1():
    return [
        Para("Chiffre d’affaires et résultats de l’exercice 2025", "title"),
        Para("Activité et résultats en retrait malgré une croissance continue des "
          "revenus récurrents issus des abonnements", "subtitle"),
        Para("Nouvelle feuille de route 2026-2028", "kicker"),
        Para("Recentrage sur l'anti-piratage (protection vidéo), cœur de métier du "
          "groupe, et déploiement de relais de croissance sur le marché de l’OTT",
          "kicker_text"),
        Para("Finalisation de la cession de la ligne de produits Extended Threat "
          "Defense (XTD - protection des applications mobiles)", "kicker_text"),
        Para("Chiffre d’affaires annuel 2025", "box_head"),
        Bullets([
            "Chiffre d’affaires consolidé : 46,5 M$ (-19% vs.2024)",
            f"Chiffre d’affaires consolidé proforma{sup(1)} (hors XTD) : 41,7 M$ "
            "(-19% vs.2024)",
            "Chiffre d’affaires récurrent : 71 % du chiffre d’affaires total à "
            "33,1M$ (-9%)",
            "ARR issu des abonnements : 18,9 M$ (+5% vs.2024)",
            f"ARR proforma{sup(1)} issu des abonnements (hors XTD) : 15,2 M€ "
            "(+7% vs.2024)",
        ]),
        Para("Résultats financiers de l’exercice 2025", "box_head"),
        Bullets([
            "EBITDA ajusté : -0,2 M$ (vs 2,8 M$ en 2024)",
            f"EBITDA ajusté proforma{sup(1)} (hors XTD) : 1,1 M$",
            "Réduction de la structure de charges opérationnelles : -16,2%",
            "Résultat net ajusté : -11,2 M$ (vs. -7,7 M$ en 2024)",
            "Trésorerie disponible : 7,1 M$ à fin décembre 2025",
        ]),
        Para("Objectifs horizon 2028", "box_head"),
        Bullets([
            "Reprise de la croissance de l’activité",
            "Progression de l’Ebitda et génération d’un flux de trésorerie positif",
            "80% de revenus récurrents",
        ]),
        Space(8),
        Para("<b>Aix-en-Provence, France et San Diego, États-Unis, 12 mars 2026, "
          "17h45</b> — VERIMATRIX (Euronext Paris : VMX, FR0010291245), fournisseur "
          "leader de solutions de sécurité au service des utilisateurs pour un monde "
          "connecté plus sûr, publie son chiffre d’affaires et ses résultats "
          "financiers de l’exercice 2025 clos au 31 décembre."),
        Para("« En dépit d’une progression continue des revenus issus des abonnements, "
          "les résultats 2025 ne sont pas à la hauteur de nos attentes, en raison des "
          "difficultés de la ligne de produits XTD à s’imposer sur le marché de la "
          "protection mobile. » déclare Laurent DECHAUX, Directeur Général de "
          "VERIMATRIX. « La cession de cette ligne de produits début 2026 et le "
          "recentrage du groupe sur son cœur de métier ouvrent un nouveau chapitre "
          "pour Verimatrix. Nous allons rationaliser notre portefeuille de produits "
          "au profit des plus récurrents et des plus rentables, optimiser "
          "l'allocation de nos ressources et déployer des relais de croissance "
          "innovants sur le marché de l’OTT. Cette feuille de route doit permettre "
          "au groupe de renouer avec une dynamique de croissance rentable dès 2028 "
          "et de retrouver un free cash-flow positif. Verimatrix dispose d'une base "
          "technologique solide et de partenariats stratégiques sur lesquels nos "
          "équipes peuvent s'appuyer pour saisir de nouvelles opportunités "
          "commerciales. »", "quote"),
        Space(6),
        Para("***", "center"),
        Space(4),
        Para("<b>Laurent Dechaux</b>, CEO", "center"),
        Para("<b>Jean-François Labadie</b>, Directeur Financier", "center"),
        Para("animeront un webinaire à 18h00", "center"),
        Para("pour commenter la publication des Résultats annuels 2025.", "center"),
        Space(6),
        Para("Pour rejoindre le webinaire, cliquez sur le lien suivant :", "center"),
        Para(link("Webinaire VERIMATRIX | Rejoindre la réunion | Microsoft Teams",
               TEAMS_URL), "center"),
        Space(4),
        Para("***", "center"),
    ]


def page2():
    return [
        Para("Le Conseil d’administration de VERIMATRIX s’est réuni le 11 mars 2026 sous "
          "la présidence d’Amedeo D’Angelo pour examiner les comptes de l’exercice "
          "2025. Ceux-ci sont en cours d’audit et seront arrêtés définitivement "
          "d’ici fin avril 2026. L’ensemble des résultats mentionnés ci-après "
          "correspondent à des données financières estimées."),
        Para(f"Chiffre d’affaires 2025 et revenu récurrent annuel (ARR{sup(2)})", "h1"),
        Para("Chiffre d’affaires de l’exercice 2025", "h2"),
        Para("VERIMATRIX publie un chiffre d’affaires 2025 de 46,5 M$ contre 57,2 M$ "
          "sur la même période de l’exercice précédent."),
        Para("Chiffre d’affaires récurrent", "h2"),
        Para("Le chiffre d’affaires récurrent s’établit à 33,1 M$, en recul de 3% "
          "(34,1 M$ en 2024) et représente désormais 71% du chiffre d’affaires total "
          "du Groupe, contre 60% en 2024. Cette évolution favorable du mix activité "
          "s’inscrit dans la stratégie du groupe poursuivie avec succès depuis 2021, "
          "visant à déployer un modèle économique de vente de solutions logicielles "
          "de cybersécurité par abonnement."),
        Para("Toutefois, la progression des revenus issus des abonnements (+8% à "
          "18,8 M$ vs 17,3 M$ en 2024), portée par l’activation de nouveaux contrats "
          "avec des opérateurs télécoms, ne suffit pas à compenser la baisse "
          "corrélative des revenus issus de la maintenance (-15% à 14,3 M$ vs "
          "16,8 M$ en 2024)."),
        Space(8),
        FinancialTable(REVENUE_HEADER, REVENUE_ROWS, W_REVENUE, periods=REVENUE_PERIODS),
    ]


def page3():
    return [
        Para("Chiffre d’affaires non récurrent", "h2"),
        Para("Le chiffre d’affaires non récurrent s’établit à 13,5 M$, en recul de 42% "
          "(23,1 M$ en 2024). Conformément à la stratégie et aux prévisions du "
          "Groupe, cette activité intègre une baisse structurelle et continue des "
          "redevances liées à la fourniture de nouveaux décodeurs, accentuée par un "
          "décalage des ventes de licences perpétuelles en Amérique Latine, où le "
          "Brésil et l’Argentine connaissent des contextes économiques difficiles "
          "marqués par un fort attentisme."),
        Para(f"Revenu récurrent annuel (ARR{sup(2)})", "h2"),
        Para("Au 31 décembre 2025, l’ARR s’établit à 31 M$, en baisse de 6% par rapport "
          "au 31 décembre 2024."),
        Para("Cette évolution inclut une progression de 5% de l’ARR issu des abonnements "
          "à 18,9 M$ (contre 18 M$ au 31/12/2024), porté par la dynamique de la ligne "
          "de produits Anti-Piracy (protection vidéo), dont l’ARR issu des "
          "abonnements enregistre une croissance de 7%. Cette performance illustre "
          "la solidité du positionnement de Verimatrix sur ce segment stratégique et "
          "le dynamisme de l’activité commerciale liée aux ventes d’abonnements, "
          "notamment sur les régions Europe et Amérique Latine. À l’inverse, l’ARR "
          "issu des abonnements liés à la ligne de produits Extended Threat Defense "
          "(protection des applications mobiles) recule de 3%, traduisant la "
          "difficulté du groupe à conquérir de nouveaux clients malgré la qualité et "
          "le caractère innovant de son offre."),
        Para("Résultats 2025", "h1"),
        FinancialTable(ADJUSTED_HEADER, ADJUSTED_ROWS, W_ADJUSTED, periods=YEAR_AND_VARIANCE),
        Space(10),
        Para("La marge brute 2025 s’établit à 29,5 M$, contre 39,1 M$ un an plus tôt, "
          "représentant 64 % du chiffre d’affaires (68 % en 2024). Cette baisse "
          "s’explique par le faible niveau des ventes de licences perpétuelles à "
          "forte contribution, par ailleurs Verimatrix a continué à optimiser ses "
          "couts de support et à améliorer l’efficience des solutions proposées en "
          "mode SaaS."),
        Para("Les dépenses de recherche et développement ont été maitrisées et sont en "
          "baisse de 11%. L’évolution des frais commerciaux et marketing, en baisse "
          "de 27% correspond à un recentrage du groupe vers les activités "
          "Anti-Piracy combiné avec un alignement géographique des forces de ventes "
          "sur la dynamique observée dans les région."),
    ]


def page4():
    cash_top = FinancialTable(CASHFLOW_SUMMARY_HEADER,
                               CASHFLOW_SUMMARY_ROWS[:CASHFLOW_SUMMARY_SPLIT],
                               W_TWO_PERIODS_WIDE, periods=YEARS)
    return [
        Para("Le total des dépenses opérationnelles ajustées s’élève à 35,2 M$, en "
          "baisse de 16% par rapport à l’exercice précédent. L’EBITDA ajusté est "
          "ainsi quasiment à l’équilibre (-0,2 M$ contre 2,8 million de dollars en "
          "2024)."),
        Para("Les frais financiers augmentent de 63% et la charge d’impôt est en baisse "
          "de 68% par rapport à l’exercice 2024. Le résultat net représente une "
          "perte de 11,2 M$, contre un résultat net négatif de 7,7 M$ en 2024."),
        Para("Rapprochement du résultat opérationnel ajusté avec le résultat "
          "opérationnel et le résultat net IFRS", "table_title"),
        FinancialTable(RECONCILIATION_HEADER, RECONCILIATION_ROWS, W_RECONCILIATION, periods=YEARS),
        Para("Situation financière et flux de trésorerie", "h1"),
        Para("La dette nette, hors engagements de location selon la norme IFRS 16, "
          "s'élève à 20,1 M$ au 31 décembre 2025, contre 14,9 M$ au 31 décembre "
          "2024."),
        Para("La dette comprend de la dette privée pour un montant de juste valeur de "
          "18,7 M$ et du Prêt Participatif Relance (PPR) contracté pour un montant "
          "total de 8,6 M$. La dette privée a été reclassé en dette financière "
          "courant et fait l’objet de discussion pour redéfinir la maturité et les "
          "nouveaux « covenants » à mettre en place pour les prochaines années."),
        # In the original the table runs into the foot of page 4 and its last
        # rows carry over to page 5: sit this part flush with the bottom margin.
        AtPageFoot(cash_top, min_gap=6),
    ]


def mail(addr: str) -> str:
    return link(addr, f"mailto:{addr}")


def page5():
    return [
        # Continuation of the page-4 table: same columns, no repeated header.
        FinancialTable([], CASHFLOW_SUMMARY_ROWS[CASHFLOW_SUMMARY_SPLIT:],
                        W_TWO_PERIODS_WIDE, periods=YEARS),
        Space(10),
        Para("La trésorerie et les équivalents de trésorerie s'élevaient à 7,1 M$ au "
          "31 décembre 2025, soit une baisse de 3,9 M$ par rapport aux sommes "
          "disponibles à fin décembre 2024."),
        Para("Cette variation de trésorerie s’explique principalement par :"),
        Bullets([
            "une génération négative de flux de trésorerie opérationnels, avant "
            "variation du besoin en fonds de roulement, de 3,8 M$,",
            "une baisse du besoin en fonds de roulement de 3,7 M$,",
            "et des investissements pour 2 M$.",
        ], style="bullet_dot", mark=BULLET_MARK),
        Space(4),
        Para("Par ailleurs, les intérêts financiers net s’élèvent à 2,2 M$ et les taxes "
          "ont représenté 0,7 M$."),
        Para("Nouvelle feuille de route 2026-2028", "h1"),
        Para("Dans un monde de plus en plus digitalisé, le développement accéléré de "
          "l’IA pose de nouveaux défis à relever en matière de sécurité. En "
          "s’appuyant sur son expertise en matière d’anti-piratage et en déployant "
          "de nouveaux relais de croissance sur des segments à fort potentiel comme "
          "le sport et l’Internet des objets (IoT), Verimatrix a pour ambition de "
          "s’imposer comme une référence mondiale de la sécurisation et de "
          "l’authentification des contenus numériques et des objets connectés."),
        Para("Au-delà du secteur télécoms et médias dans lequel le groupe bénéficie "
          "d’un référencement historique, Verimatrix poursuivra sa stratégie de "
          "partenariats avec des distributeurs, revendeurs et intégrateurs de "
          "solutions de cybersécurité afin de conquérir de nouveaux clients, en "
          "France et à l’international, notamment aux Etats-Unis et en Asie."),
        Para("A horizon 2028, le groupe se fixe comme objectifs une reprise de la "
          "croissance de l’activité, associée à une progression de l’Ebitda et un "
          "flux de trésorerie disponible positif."),
        Para("Prochains rendez-vous :", "h2"),
        Para("Chiffre d’affaires du 1er trimestre 2026 : 27 avril 2026 (après bourse)",
          "list"),
        Para("Assemblée générale : 11 juin 2026", "list"),
        Para("Chiffre d’affaires et résultats du 1er semestre 2026 : 27 juillet 2026 "
          "(après bourse)", "list"),
        Para("Chiffre d’affaires du 3e trimestre 2026 : 26 octobre 2026 (après bourse)",
          "list"),
        Space(4),
        Para("Contacts Investisseurs :", "h2"),
        Contacts(["Jean-François Labadie", "Directeur financier",
                       mail("finance@verimatrix.com")],
                      ["Jean-Yves Barbara", "SEITOSEI.ACTIFIN",
                       mail("jean-yves.barbara@seitosei-actifin.com")]),
        Para("Contacts Media :", "h2"),
        Contacts(["Etats-Unis", "Matthew Zintel",
                       mail("matthew.zintel@zintelpr.com")],
                      ["Europe", "SEITOSEI.ACTIFIN",
                       mail("presse@seitosei-actifin.com")]),
        Para("A propos de Verimatrix", "small_bold"),
        Para("Verimatrix (Euronext Paris : VMX) contribue à rendre le monde connecté "
          "plus sûr grâce à ses solutions de sécurité conviviales. Le groupe protège "
          "les contenus, les applications et les objets connectés en fournissant une "
          "sécurité intuitive, sans contrainte et entièrement orientée vers "
          "l'utilisateur. Les principaux acteurs du marché font confiance à "
          "VERIMATRIX pour protéger leurs contenus, notamment les films premium, le "
          "streaming sportif, les données financières et médicales sensibles, ainsi "
          "que les applications mobiles essentielles à leur activité.", "small"),
    ]


def page6():
    return [
        Para("Verimatrix garantit une relation de confiance sur laquelle ses clients "
          "comptent pour fournir des contenus et des services de qualité à des "
          "millions de consommateurs dans le monde entier. Verimatrix soutient ses "
          "partenaires en leur permettant d'accéder plus rapidement au marché et en "
          "les aidant à développer leur activité, à protéger leurs revenus et à "
          "gagner de nouveaux clients. Plus d’information sur "
          + link("www.verimatrix.com", "http://www.verimatrix.com/") + ".", "small"),
        Para("Informations financières complémentaires non IFRS", "small_bold"),
        Para("VERIMATRIX utilise dans le présent communiqué de presse des agrégats "
          "financiers et indicateurs de performance qui ne sont pas des mesures "
          "comptables strictement définies par les normes IFRS. Ils sont définis dans "
          "l’annexe 2 au présent communiqué de presse. Ils doivent être considérés "
          "comme une information complémentaire, non substituable à toute autre "
          "mesure de performance opérationnelle et financière à caractère "
          "strictement comptable, telle que présentée dans les états financiers "
          "consolidés de la Société, notamment dans le compte de résultat qui figure "
          "en Annexe 1 au présent communiqué.", "small"),
        Para("Déclarations prospectives", "small_bold"),
        Para("Ce communiqué de presse contient certaines déclarations prospectives "
          "concernant VERIMATRIX, VERIMATRIX estime que ses anticipations sont "
          "fondées sur des hypothèses raisonnables, mais elles ne constituent pas des "
          "garanties de performance future. Par conséquent, les résultats réels de "
          "la Société peuvent différer sensiblement de ceux anticipés dans ces "
          "énoncés prospectifs en raison d’un certain nombre de risques et "
          "d’incertitudes.", "small"),
    ]


def page7():
    return [
        Para("Annexe 1 — Informations financières complémentaires non IFRS — "
          "Réconciliation des résultats IFRS avec les résultats ajustés", "h1"),
        Para("Les indicateurs de performance à caractère non strictement comptables "
          "présentés dans le présent communiqué sont définis ci-dessous. Ces "
          "indicateurs ne sont pas des agrégats définis par les normes IFRS et ne "
          "constituent pas des éléments de mesure comptable de la performance "
          "financière de la Société. Ils doivent être considérés comme une "
          "information complémentaire, non substituable à toute autre mesure de "
          "performance opérationnelle et financière à caractère strictement "
          "comptable, telle que présentée dans les états financiers consolidés de la "
          "Société et leurs notes annexes. La Société suit ces indicateurs, car il "
          "estime qu’ils sont des mesures pertinentes de sa rentabilité "
          "opérationnelle courante et de la génération de ses flux de trésorerie "
          "opérationnels. Bien que généralement utilisés par les sociétés du même "
          "secteur dans le monde, ces indicateurs peuvent ne pas être strictement "
          "comparables à ceux d’autres sociétés qui pourraient avoir défini ou "
          "calculé de manière différente des indicateurs présentés pourtant sous la "
          "même dénomination."),
        Para("La <b>marge brute ajustée</b> est définie comme la marge brute avant (i) "
          "l’amortissement des actifs incorporels liés aux regroupements "
          "d’entreprises, (ii) les éventuelles dépréciations des écarts "
          "d’acquisition, (iii) la charge comptable liée aux paiements fondés sur "
          "les actions et (iv) les coûts non récurrents liés aux restructurations et "
          "aux acquisitions et cessions conduites par la Société."),
        Para("Le <b>résultat opérationnel ajusté</b> est défini comme le résultat "
          "opérationnel avant (i) l’amortissement des actifs incorporels liés aux "
          "regroupements d’entreprises et des masques achetés via un regroupement "
          "d’entreprises, (ii) les éventuelles dépréciations des écarts "
          "d’acquisition, (iii) la charge comptable liée aux paiements fondés sur "
          "les actions et (iv) les coûts non récurrents liés aux restructurations et "
          "aux acquisitions et cessions conduites par la Société."),
        Para("L’<b>EBITDA</b> est défini comme le résultat opérationnel ajusté avant les "
          "amortissements et dépréciations non liés aux regroupements "
          "d’entreprises."),
        Para("Les <b>revenus récurrents annuels, ou ARR</b>, correspondent à la valeur "
          "annualisée de tous les revenus récurrents des contrats en cours au moment "
          "de la mesure. L'ARR comprend tous les types de contrats de nature "
          "récurrente et pour lesquels des revenus sont actuellement comptabilisés. "
          "L'ARR est un nombre glissant qui s'accumule au fil du temps, tandis que la "
          "mesure de la valeur totale du contrat (ou TCV) également utilisée par la "
          "Société est généralement utilisée pour mesurer les commandes (nouvelles "
          "ou complémentaires) prises au cours d'une période. La Société calcule un "
          "ARR pour les abonnements SaaS et non SaaS et un ARR combinant les "
          "abonnements et la maintenance."),
        Para("Réconciliation de la dette nette", "table_title"),
        FinancialTable(NET_DEBT_HEADER, NET_DEBT_ROWS, W_NET_DEBT, periods=YEAR_ENDS),
    ]


def page8():
    return [
        Para("Annexe 2 — États financiers consolidés (IFRS)", "h1"),
        Space(6),
        Para("Compte de résultat consolidé", "table_title"),
        FinancialTable(INCOME_HEADER, INCOME_ROWS, W_INCOME, STATEMENT,
                        spans=INCOME_SPANS, periods=YEARS),
    ]


def page9():
    return [
        Para("Bilan consolidé", "table_title"),
        Para("Actif", "h2"),
        FinancialTable(BALANCE_HEADER, ASSETS_ROWS, W_BALANCE, STATEMENT,
                        ruled=True, periods=YEAR_ENDS),
        Space(10),
        Para("Passif et capitaux propres", "h2"),
        FinancialTable(BALANCE_HEADER, LIABILITIES_ROWS, W_BALANCE, STATEMENT,
                        ruled=True, periods=YEAR_ENDS),
    ]


def page10():
    return [
        Para("Flux de trésorerie", "table_title"),
        Space(2),
        FinancialTable(CASHFLOW_IFRS_HEADER, CASHFLOW_IFRS_ROWS, W_CASHFLOW_IFRS,
                        STATEMENT, periods=YEARS),
    ]


PAGES = [page1, page2, page3, page4, page5, page6, page7, page8, page9, page10]
