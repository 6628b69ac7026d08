#!/usr/bin/env python3
"""Writes synthetic CSV exports of the tableau de pilotage for `tampon import pilotage`
(bench/pilotage/run.sh): a structures export and a conseillers export of N rows each, as the
tableau de pilotage and Excel write them (';', CRLF, dates JJ/MM/AAAA, French decimals,
quoted multi-line addresses, "non renseignée" cells, UTF-8 with BOM for the structures,
Windows-1252 for the conseillers). Standard library only, deterministic for a given --seed.

    python3 bench/pilotage/gen_export.py --rows 10000 --out /tmp/pilotage
"""
import argparse
import os
import random

CATEGORIES = [
    ("Commune et commune nouvelle", "public"),
    ("Communauté de communes", "public"),
    ("Communauté d'agglomération", "public"),
    ("Centre communal d'action sociale", "public"),
    ("Département", "public"),
    ("Association déclarée", "prive"),
    ("Association déclarée, reconnue d'utilité publique", "prive"),
]
PRENOMS = ["Hélène", "Jérôme", "Zoé", "Noël", "Agnès", "Cédric", "Françoise", "Loïc", "Maëlle"]
NOMS = ["Durand", "Lefèvre", "Nguyen", "Da Silva", "Benoît", "Müller", "Gaëtan", "Rivière"]
VILLES = ["Lille", "Arras", "Bazuel", "Saint-Étienne", "Évreux", "Châlons", "Orléans"]


def siret(rng):
    base = [rng.randrange(10) for _ in range(13)]
    for last in range(10):
        digits = base + [last]
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return "".join(map(str, digits))
    raise AssertionError


def field(text):
    if any(c in text for c in ';"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def line(cells):
    return ";".join(field(c) for c in cells) + "\r\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    header = ["SIRET structure", "ID Structure", "Dénomination", "Type", "Statut", "Code postal",
              "Code commune", "Code département", "Code région", "Téléphone", "Email",
              "Nombre de conseillers validés par le COSELEC", "Numéro COSELEC",
              "Adresse postale", "Libellé catégorie juridique niv III", "Nom commune INSEE"]
    families = {}
    with open(os.path.join(args.out, "structures.csv"), "wb") as out:
        out.write(b"\xef\xbb\xbf" + line(header).encode("utf-8"))
        for i in range(args.rows):
            idp = str(10000 + i)
            category, family = rng.choice(CATEGORIES)
            families[idp] = family
            ville = rng.choice(VILLES)
            dep = rng.choice([f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "974"])
            cp = {"2A": "20", "974": "97"}.get(dep, dep) + f"{rng.randrange(1000):03d}"
            adresse = f"{rng.randrange(1, 200)} rue de la République\n{cp} {ville.upper()}"
            email = "non renseignée" if i % 7 == 0 else f"contact{i}@structure.example"
            row = [siret(rng), idp, f"Structure {ville}; n° {i}", "publique" if family == "public"
                   else "privée", "VALIDATION_COSELEC", cp, dep + "001", dep, "32",
                   "03 27 00 00 00", email, str(rng.randrange(1, 4)), "12", adresse, category,
                   ville]
            out.write(line(row).encode("utf-8"))
    header = ["Id conseiller", "Id de la structure", "Nom de la structure", "Nom", "Prénom",
              "Email pro", "Statut", "Date de début de contrat", "Date de fin de contrat",
              "Type de contrat", "Salaire", "Date d'entrée en formation",
              "Date de sortie de formation", "Coordinateur", "CRA Saisis"]
    ids = sorted(families)
    with open(os.path.join(args.out, "conseillers.csv"), "wb") as out:
        out.write(line(header).encode("cp1252"))
        for i in range(args.rows):
            sid = rng.choice(ids)
            kind = rng.choice(["CDI", "CDD", "PEC"])
            start = f"{rng.randrange(1, 28):02d}/{rng.randrange(1, 13):02d}/2021"
            end = "non renseignée" if kind == "CDI" else start[:6] + "2022"
            salaire = f"{rng.randrange(1650, 2400)} {rng.randrange(100):02d}".replace(" ", ",")
            if rng.random() < 0.5:
                salaire = "1 " + salaire[1:]
            row = [str(50000 + i), sid, "Structure", rng.choice(NOMS), rng.choice(PRENOMS),
                   f"cn{i}@conseiller-numerique.example", "Recruté", start, end, kind, salaire,
                   start, "non renseignée", "Oui" if i % 20 == 0 else "Non", str(rng.randrange(50))]
            out.write(line(row).encode("cp1252"))


if __name__ == "__main__":
    main()
