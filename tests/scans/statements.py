"""A one-page income statement whose gross margin is misprinted, as a scan would carry it: the identity
checks must fail it, and the report must say that the figures involved were read by OCR."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

# (label, 2024, 2023): the 2024 gross margin is printed 560,3 where revenue less cost of sales is 550,3.
MISPRINTED_ROWS = (
    ("Chiffre d'affaires", "1 250,4", "1 180,2"),
    ("Coût des ventes", "(700,1)", "(650,3)"),
    ("Marge brute", "560,3", "529,9"),
    ("Frais commerciaux", "(200,0)", "(190,5)"),
    ("Frais administratifs", "(95,2)", "(90,1)"),
    ("Résultat opérationnel", "265,1", "249,3"),
    ("Coût de l'endettement financier net", "(12,4)", "(14,0)"),
    ("Résultat avant impôt", "252,7", "235,3"),
    ("Impôt sur le résultat", "(63,2)", "(58,8)"),
    ("Résultat net", "189,5", "176,5"),
)


def misprinted_income_statement(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(60, height - 80, "Acme SA - Résultats annuels 2024")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(60, height - 100, "Exercice clos le 31 décembre 2024")
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(60, height - 150, "Compte de résultat consolidé")
    canvas.setFont("Helvetica", 10)
    canvas.drawString(60, height - 168, "(en millions d'euros)")
    y = height - 200
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawRightString(420, y, "2024")
    canvas.drawRightString(520, y, "2023")
    canvas.setFont("Helvetica", 10)
    for label, current, prior in MISPRINTED_ROWS:
        y -= 20
        canvas.drawString(60, y, label)
        canvas.drawRightString(420, y, current)
        canvas.drawRightString(520, y, prior)
    canvas.showPage()
    canvas.save()
    return path
