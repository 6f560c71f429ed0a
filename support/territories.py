"""The twelve départements of Nouvelle-Aquitaine, by INSEE code, in the forms' order."""

DEPARTEMENTS = [
    ("16", "16 – Charente"),
    ("17", "17 – Charente-Maritime"),
    ("19", "19 – Corrèze"),
    ("23", "23 – Creuse"),
    ("24", "24 – Dordogne"),
    ("33", "33 – Gironde"),
    ("40", "40 – Landes"),
    ("47", "47 – Lot-et-Garonne"),
    ("64", "64 – Pyrénées-Atlantiques"),
    ("79", "79 – Deux-Sèvres"),
    ("86", "86 – Vienne"),
    ("87", "87 – Haute-Vienne"),
]
