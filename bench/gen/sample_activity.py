#!/usr/bin/env python3
"""Writes the monthly reports and quarterly expenses of the shipped sample (data/rapports,
data/depenses) from the sample conseillers, deterministically.

The figures are plausible, not real: a full-time conseiller sees 30 to 70 people a month
one-to-one, runs a few workshops, answers some Solidarité Numérique calls; activity dips in
December. Run it again after changing a conseiller; review the diff before committing.

    python3 bench/gen/sample_activity.py data
"""
import argparse
import pathlib
import random

# (structure, [(conseiller, monthly gross salary, weekly hours)], convention, months)
T4_T1 = ["2022-10", "2022-11", "2022-12", "2023-01", "2023-02", "2023-03"]
T4_T1_COORD = ["2023-10", "2023-11", "2023-12", "2024-01", "2024-02", "2024-03"]
TEAMS = [
    ("cc-vallee-de-la-selle", "cv-2020-0002", T4_T1,
     [("cn-0002", 1720.00, 35, None), ("cn-0003", 1680.00, 35, None)]),
    ("departement-de-la-creuse", "cv-2021-0005", T4_T1,
     [("cn-0007", 1750.00, 35, None), ("cn-0008", 1700.00, 35, None),
      ("cn-0009", 1950.00, 35, None)]),
    ("les-connectes-du-bocage", "cv-2021-0009", T4_T1,
     [("cn-0014", 1100.00, 24, None), ("cn-0015", 1580.00, 35, "2022-11")]),
    ("la-passerelle-numerique", "cv-2021-0010", T4_T1,
     [("cn-0017", 1700.00, 35, None), ("cn-0018", 1720.00, 35, None)]),
    ("commune-du-port", "cv-2020-0004", T4_T1, [("cn-0005", 1620.00, 35, None)]),
    ("commune-de-mamoudzou", "cv-2021-0011", T4_T1,
     [("cn-0020", 1560.00, 35, None), ("cn-0021", 1640.00, 35, None)]),
    ("commune-de-sainte-anne", "cv-2021-0012", T4_T1, [("cn-0023", 1700.00, 35, None)]),
    ("commune-du-lamentin", "cv-2021-0013", T4_T1, [("cn-0024", 1690.00, 35, None)]),
    ("ccas-de-kourou", "cv-2021-0020", T4_T1, [("cn-0027", 1650.00, 35, None)]),
    ("commune-de-papara", "cv-2021-0014", T4_T1, [("cn-0025", 1700.00, 35, None)]),
    # Coordinators, autumn 2023 to spring 2024.
    ("hub-numerique-lorraine", "cv-2023-0015", T4_T1_COORD, [("cn-0026", 2250.00, 35, None)]),
    ("cias-du-grand-briancon", "cv-2023-0016", T4_T1_COORD, [("cn-0011", 2150.00, 35, None)]),
    ("la-passerelle-numerique", "cv-2023-0019", T4_T1_COORD, [("cn-0019", 2100.00, 35, None)]),
    ("les-connectes-du-bocage", "cv-2023-0017", T4_T1_COORD, [("cn-0016", 1980.00, 35, None)]),
    # Reports complete since the contract start (December 2023): the unpaid tranche of
    # cv-2023-0018 is `exigible` on a reference date in April 2024, not at risk.
    ("ccas-de-kourou", "cv-2023-0018", T4_T1_COORD[2:], [("cn-0028", 2050.00, 35, None)]),
]
PUBLIC = {"cc-vallee-de-la-selle", "departement-de-la-creuse", "commune-du-port",
          "commune-de-mamoudzou", "commune-de-sainte-anne", "commune-du-lamentin",
          "ccas-de-kourou", "commune-de-papara", "cias-du-grand-briancon"}
MOIS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"]

HIGHLIGHTS = {
    "cc-vallee-de-la-selle": [
        "Atelier « repérer les arnaques » avec le club des aînés de Saint-Python.",
        "Permanence au marché du samedi à Solesmes : **23 personnes** renseignées en une "
        "matinée, surtout sur la déclaration de revenus en ligne.",
        "Première session du parcours « Mon smartphone pas à pas » :\n\n"
        "- réglages de base et sécurité ;\n- installation des applications utiles ;\n"
        "- photos et partage avec la famille.",
    ],
    "departement-de-la-creuse": [
        "Tournée dans six bourgs du plateau de Millevaches avec le bus France Services.",
        "Rencontre départementale des aidants numériques à Guéret : 41 participants, "
        "présentation de la carte des lieux de médiation.",
        "Ateliers *Pass numérique* à la médiathèque d'Aubusson, complets deux semaines "
        "à l'avance.",
    ],
    "les-connectes-du-bocage": [
        "Café numérique mensuel au centre social de Flers : thème de la messagerie.",
        "Accompagnement de jeunes en service civique à la recherche d'emploi en ligne.",
    ],
    "la-passerelle-numerique": [
        "Ouverture de la permanence du tiers-lieu de la gare de Redon le mardi matin.",
        "Atelier parents-enfants sur le contrôle parental et l'ENT du collège.",
        "Formation de 8 bénévoles de l'épicerie solidaire à l'orientation des usagers.",
    ],
    "commune-du-port": [
        "Accompagnement à la création d'identité numérique à la mairie annexe de la "
        "Rivière des Galets.",
        "Semaine de la sécurité en ligne au lycée professionnel : 4 ateliers.",
    ],
    "commune-de-mamoudzou": [
        "Permanences à Kawéni pour les démarches de titre de séjour et la CAF.",
        "Atelier en shimaoré sur l'usage de la messagerie et des pièces jointes.",
    ],
    "commune-de-sainte-anne": [
        "Initiation à la visioconférence pour les familles des résidents de l'EHPAD.",
    ],
    "commune-du-lamentin": [
        "Atelier « gérer son budget en ligne » avec l'association des consommateurs.",
    ],
    "ccas-de-kourou": [
        "Permanences mobiles dans les quartiers avec l'équipe du CCAS.",
        "Premier comité des aidants numériques de Kourou réuni par la coordinatrice.",
    ],
    "commune-de-papara": [
        "Ateliers à la mairie de quartier de Taharuu sur les démarches de la CPS.",
    ],
    "hub-numerique-lorraine": [
        "Réunion trimestrielle des **12 conseillers** du réseau mosellan : partage des "
        "outils d'évaluation et des fiches pratiques.",
        "Cartographie des lieux de médiation mise à jour avec les intercommunalités.",
    ],
    "cias-du-grand-briancon": [
        "Lancement du réseau des vallées : Guisane, Clarée et Vallouise se coordonnent.",
        "Journée d'échange de pratiques avec les secrétaires de mairie.",
    ],
}


def counts(rnd, hours, month):
    """Activity of one conseiller for one month, scaled to the weekly hours."""
    f = hours / 35 * (0.7 if month.endswith("-12") else 1.0)
    ind = int(rnd.randint(28, 66) * f)
    ateliers = int(rnd.randint(2, 9) * f)
    participants = sum(rnd.randint(4, 11) for _ in range(ateliers))
    ponct = int(rnd.randint(6, 24) * f)
    appels = rnd.randint(0, 6)
    usagers = ind + participants + ponct // 2 - rnd.randint(0, ind // 4)
    return ind, ateliers, participants, ponct, appels, usagers


def split(rnd, total, keys):
    weights = [rnd.randint(1, 10) for _ in keys]
    out = {k: total * w // sum(weights) for k, w in zip(keys, weights)}
    return {k: v for k, v in out.items() if v > 0}


def rapport(rnd, structure, cid, hours, month, highlight):
    ind, ateliers, participants, ponct, appels, usagers = counts(rnd, hours, month)
    themes = split(rnd, ind + ateliers, rnd.sample(
        ["equipement", "navigation", "courriel", "smartphone", "demarches-en-ligne",
         "donnees-personnelles", "securite", "emploi", "sante", "scolarite", "budget",
         "echanger-proches", "vocabulaire", "traitement-de-texte"], 6))
    lieux = split(rnd, ind, ["permanence", "itinerance", "domicile", "a-distance"])
    lines = [f"- structure: {structure}", f"  conseiller: {cid}", f"  mois: {month}",
             "  activites:", f"    accompagnements_individuels: {ind}",
             f"    ateliers_collectifs: {ateliers}", f"    participants_ateliers: {participants}",
             f"    demandes_ponctuelles: {ponct}", f"    appels_solidarite_numerique: {appels}",
             f"  usagers_accompagnes: {usagers}", "  themes:"]
    lines += [f"    {k}: {v}" for k, v in themes.items()]
    lines += ["  lieux:"] + [f"    {k}: {v}" for k, v in lieux.items()]
    if highlight:
        lines.append("  faits_marquants: |")
        lines += [f"    {line}" if line else "" for line in highlight.split("\n")]
    return "\n".join(lines) + "\n"


def write_rapports(root, rnd):
    files = {}
    for structure, _cv, months, team in TEAMS:
        pool = list(HIGHLIGHTS.get(structure, []))
        for month in months:
            for cid, _salary, hours, last in team:
                if last and month > last:
                    continue
                hl = pool.pop(0) if pool and rnd.random() < 0.5 else None
                key = f"{structure}-{month[:4]}"
                files.setdefault(key, []).append((month, cid, rapport(
                    rnd, structure, cid, hours, month, hl)))
    for key, items in files.items():
        items.sort()
        head = (f"# Rapports mensuels d'activité ({key[-4:]}) : un par conseiller et par mois.\n"
                "# Saisis par la structure ; les faits marquants sont en Markdown.\n")
        body = "\n".join(text for _m, _c, text in items)
        (root / "rapports" / f"{key}.yaml").write_text(head + "\n" + body, encoding="utf-8")


def quarter_months(q):
    year, n = int(q[:4]), int(q[-1])
    return [f"{year}-{m:02d}" for m in range(3 * n - 2, 3 * n + 1)]


def write_depenses(root, rnd):
    for structure, cv, months, team in TEAMS:
        quarters = sorted({f"{m[:4]}-T{(int(m[5:]) - 1) // 3 + 1}" for m in months})
        rate = 0.38 if structure in PUBLIC else 0.31
        docs = []
        for q in quarters:
            ms = quarter_months(q)
            lines = [f"- structure: {structure}", f"  convention: {cv}", f"  trimestre: {q}",
                     "  lignes:"]
            for cid, salary, _h, last in team:
                worked = [m for m in ms if m in months and (not last or m <= last)]
                if not worked:
                    continue
                gross = round(salary * len(worked), 2)
                mois = f"{MOIS_FR[int(worked[0][5:]) - 1]}-{MOIS_FR[int(worked[-1][5:]) - 1]}"
                lines += [f"    - conseiller: {cid}", f"      salaires_bruts: {gross:.2f}",
                          f"      charges_patronales: {round(gross * rate, 2):.2f}",
                          f"      frais: {rnd.randint(60, 650)}.{rnd.choice(['00', '50', '20', '80'])}",
                          f'      justificatif: "Bulletins de paie {mois} {q[:4]}, '
                          f'état de frais {q}-{cid[-2:]}"']
            docs.append("\n".join(lines) + "\n")
        head = (f"# Déclarations trimestrielles de dépenses de {structure} "
                f"(convention {cv}).\n\n")
        (root / "depenses" / f"{structure}-{cv}.yaml").write_text(
            head + "\n".join(docs), encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=pathlib.Path)
    args = ap.parse_args()
    rnd = random.Random(2022)
    for kind in ("rapports", "depenses"):
        (args.folder / kind).mkdir(parents=True, exist_ok=True)
    write_rapports(args.folder, rnd)
    write_depenses(args.folder, rnd)


if __name__ == "__main__":
    main()
