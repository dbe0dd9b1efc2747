"""A two-panel statement form (assets left, liabilities right, each with its own labels and value
columns, as SYSCOHADA balance sheets print them), generated with varied font sizes, gaps between the
panels and rows left empty on one side: every label is read whole on its own side, never run into the
other panel's."""

import random
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from extract import extract_document

LEFT = [
    "IMMOBILISATIONS INCORPORELLES", "Frais de développement", "Brevets, licences, logiciels", "IMMOBILISATIONS CORPORELLES",
    "Terrains", "Bâtiments", "Matériel, mobilier et actifs biologiques", "Matériel de transport", "STOCKS ET ENCOURS",
    "CREANCES ET EMPLOIS ASSIMILES", "Fournisseurs avances versées", "Clients", "Autres créances", "TOTAL ACTIF CIRCULANT",
    "Titres de placement", "Valeurs à encaisser", "Banques, chèques postaux, caisse", "TOTAL TRESORERIE-ACTIF",
]
RIGHT = [
    "Capital", "Apporteurs capital non appelé (-)", "Primes liées au capital social", "Ecarts de réévaluation",
    "Réserves indisponibles", "Réserves libres", "Report à nouveau (+ ou -)", "Résultat net de l'exercice",
    "Subventions d'investissement", "TOTAL CAPITAUX PROPRES", "Emprunts et dettes financières",
    "Provisions pour risques et charges", "TOTAL DETTES FINANCIERES", "Dettes circulantes HAO", "Clients, avances reçues",
    "Fournisseurs d'exploitation", "Dettes fiscales et sociales", "TOTAL PASSIF CIRCULANT",
]


def _two_panel_form(seed: int, path: Path) -> dict[tuple[str, str], list[str]]:
    """Draw the form; return {(side, label): its two figures} for the rows printed with figures."""
    rng = random.Random(seed)
    width, height = landscape(A4)
    pdf = canvas.Canvas(str(path), pagesize=(width, height))
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(40, height - 40, "BILAN AU 31 DECEMBRE 2024")
    size = rng.choice([6.5, 7, 8])
    left_x, right_x = 40, width / 2 + rng.choice([0, 10, 20])
    gap = rng.choice([4, 8, 20])  # between the left panel's last figures and the right panel's labels
    columns = {"left": [right_x - 70 - gap, right_x - gap], "right": [width - 110, width - 40]}
    pdf.setFont("Helvetica-Bold", size)
    pdf.drawString(left_x, height - 70, "ACTIF")
    pdf.drawString(right_x, height - 70, "PASSIF")
    for x, year in zip(columns["left"] + columns["right"], ["2024", "2023", "2024", "2023"]):
        pdf.drawRightString(x, height - 70, year)
    pdf.setFont("Helvetica", size)
    printed = {}
    for index, (left, right) in enumerate(zip(LEFT, RIGHT)):
        y = height - 90 - index * size * 1.6
        for side, label, x in (("left", left, left_x), ("right", right, right_x)):
            pdf.drawString(x, y, label)
            if rng.random() < 0.25:
                continue  # a heading or an empty row on this side only
            figures = [f"{rng.randint(1, 999)} {rng.randint(100, 999)}" for _ in columns[side]]
            for column_x, figure in zip(columns[side], figures):
                pdf.drawRightString(column_x, y, figure)
            printed[(side, label)] = figures
    pdf.save()
    return printed


@pytest.mark.parametrize("seed", range(8))
def test_each_panel_keeps_its_own_labels_and_figures(seed, tmp_path):
    printed = _two_panel_form(seed, tmp_path / "form.pdf")
    extraction = extract_document(tmp_path / "form.pdf")
    read = {}
    for item in extraction.line_items:
        read.setdefault(item.label, []).append(item.value_text)
    assert set(read) == {label for _, label in printed}
    for (_, label), figures in printed.items():
        assert read[label] == figures
