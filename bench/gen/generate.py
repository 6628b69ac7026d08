#!/usr/bin/env python3
"""Synthetic national-scale Tampon project, for the load and validation benchmarks.

    python3 bench/gen/generate.py --scale 1 --out build/bench-data/x1

At scale K it writes K × (4 000 structures, 10 000 conseillers, 5 000 conventions,
120 000 monthly reports), plus avenants, versements and quarterly expenses, into
OUT/data/. Everything is valid for domain.md (the benchmark measures the happy path) unless
--inject-errors N asks for N deliberate faults, which are then listed on standard output.
Standard library only; the same seed and scale always give byte-identical files.

Layouts (--layout):
  departement  one file per département and record kind, reports one file per département
               and month (about 4 000 files at 1×): the shape of a national export, coarse
               enough that per-file overhead stays small and fine enough to parse in parallel.
  structure    one file per structure for structures, conseillers, conventions and
               expenses, reports one file per structure and year (about 20 000 files at 1×):
               the shape of hand-kept folders, which stresses per-file costs.
"""
import argparse
import datetime as dt
import pathlib
import random
import sys

import tampon_rules as R
from gen_names import commune_name, departements, person, postal_code

UNIT = {"structures": 4000, "conseillers": 10000, "conventions": 5000, "rapports": 120000}
REPORT_MONTHS = 12  # reports per conseiller: UNIT rapports / UNIT conseillers
CONTRACT_MONTHS = 24


def euros(cents):
    return f"{cents // 100}" if cents % 100 == 0 else f"{cents // 100}.{cents % 100:02d}"


def day(rnd, d, quoted):
    return f'"{d.isoformat()}"' if quoted else d.isoformat()


class Project:
    """Every record as a dict of already-formatted YAML lines, grouped for writing."""

    def __init__(self, rnd):
        self.rnd = rnd
        self.structures, self.conseillers, self.conventions = [], [], []
        self.avenants, self.versements, self.rapports, self.depenses = [], [], [], []


# ---------------------------------------------------------------------------------------
# Structures

FAMILY_MIX = [("collectivite", 45), ("public-rattache", 15), ("autre-public", 5), ("prive", 35)]
TYPES = {
    "collectivite": [("commune", 60), ("epci", 25), ("departement", 3), ("syndicat-mixte", 5),
                     ("metropole", 2), ("ept", 2), ("region", 1),
                     ("collectivite-statut-particulier", 1), ("collectivite-outre-mer", 1)],
    "public-rattache": [("ccas", 60), ("cias", 25), ("office-public-habitat", 10),
                        ("autre-etablissement-rattache", 5)],
    "autre-public": [("gip", 40), ("chambre-consulaire", 40), ("epa-etat", 10), ("epic", 5),
                     ("ars", 3), ("grades", 2)],
    "prive": [("association", 70), ("entreprise-ess", 20), ("prive-interet-general", 7),
              ("hub", 3)],
}
NOM_PREFIX = {
    "commune": "Commune de", "epci": "Communauté de communes de", "departement": "Département de",
    "syndicat-mixte": "Syndicat mixte numérique de", "metropole": "Métropole de",
    "ept": "Établissement public territorial de", "region": "Région de",
    "collectivite-statut-particulier": "Collectivité de", "collectivite-outre-mer":
    "Collectivité de", "ccas": "CCAS de", "cias": "CIAS de",
    "office-public-habitat": "Office public de l'habitat de",
    "autre-etablissement-rattache": "Régie numérique de", "gip": "GIP numérique de",
    "chambre-consulaire": "Chambre de métiers de", "epa-etat": "Établissement public de",
    "epic": "EPIC de", "ars": "Agence régionale de santé de", "grades": "GRADeS de",
    "association": "Association numérique de", "entreprise-ess": "SCIC numérique de",
    "prive-interet-general": "Fondation numérique de", "hub": "Hub territorial de",
}
SIREN_PREFIX = {"collectivite": "21", "public-rattache": "26", "autre-public": "18",
                "prive": "8"}
COLLECTIVITE_OUTRE_MER = {"975", "977", "978", "986", "987", "988"}


def weighted(rnd, pairs):
    return rnd.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def make_structures(p, count, depts):
    rnd = p.rnd
    for i in range(count):
        family = weighted(rnd, FAMILY_MIX)
        dept = weighted(rnd, depts)
        stype = weighted(rnd, TYPES[family])
        if stype == "collectivite-outre-mer" and dept not in COLLECTIVITE_OUTRE_MER:
            stype = "commune"
        commune = commune_name(rnd)
        sid = f"s{i + 1:06d}-{stype}"
        prefix = SIREN_PREFIX[family]
        siren8 = prefix + f"{i + 1:0{8 - len(prefix)}d}"
        siret = R.make_siret(siren8, f"{rnd.randint(1, 99):04d}")
        rep_first, rep_last = person(rnd)
        c_first, c_last = person(rnd)
        p.structures.append({
            "id": sid, "dept": dept, "family": family, "type": stype,
            "projet": family == "prive" and stype in ("association", "entreprise-ess")
            and rnd.random() < 0.4,
            "lines": [
                f"id: {sid}",
                f"nom: {NOM_PREFIX[stype]} {commune}",
                f"type: {stype}",
                f'siret: "{siret}"',
                "adresse:",
                f"  ligne: {rnd.randint(1, 120)} rue de la {rnd.choice(STREETS)}",
                f'  code_postal: "{postal_code(rnd, dept)}"',
                f"  commune: {commune}",
                f'departement: "{dept}"',
                "representant:",
                f"  nom: {rep_first} {rep_last}",
                f"  qualite: {QUALITE[family]}",
                "contact:",
                f"  nom: {c_first} {c_last}",
                f"  courriel: contact.{i + 1}@example.org",
            ],
        })
        if p.structures[-1]["projet"]:
            p.structures[-1]["lines"].append("contrat_de_projet_autorise: true")


STREETS = ["Mairie", "République", "Gare", "Poste", "Liberté", "Fontaine", "Paix", "Libération"]
QUALITE = {"collectivite": "Maire", "public-rattache": "Vice-président",
           "autre-public": "Directeur", "prive": "Président"}


# ---------------------------------------------------------------------------------------
# Conventions, posts, conseillers

def relance_regime(rnd, family):
    if family in ("collectivite", "public-rattache") and rnd.random() < 0.45:
        return "relance-2020"
    return "relance-2021"


def contract_for(rnd, family, role, structure):
    if family in ("collectivite", "public-rattache") and role == "conseiller":
        return weighted(rnd, [("cdd-droit-public", 55), ("cdi-droit-public", 15),
                              ("titulaire", 15), ("contrat-de-projet-droit-public", 15)])
    if family == "collectivite":
        return weighted(rnd, [("cdd-droit-public", 50), ("cdi-droit-public", 25),
                              ("titulaire", 25)])
    if family == "public-rattache":
        return "cdd-droit-public"
    if family == "autre-public":  # the 37 500 € rows allow either law for a CDD
        return weighted(rnd, [("cdd-droit-public", 70), ("cdd-droit-prive", 30)])
    choices = [("cdi-droit-prive", 50), ("cdd-droit-prive", 35)]
    if structure["projet"]:
        choices.append(("contrat-de-projet-droit-prive", 30))
    return weighted(rnd, choices)


def signature_window(regime):
    return {"relance-2020": (dt.date(2021, 1, 11), 170), "relance-2021": (dt.date(2021, 5, 3),
            400), "coordinateur-2023": (dt.date(2023, 2, 6), 240)}[regime]


def make_convention(p, s, regime, cid, n_filled, n_vacant, next_cn, role, months=24):
    rnd = p.rnd
    start, spread = signature_window(regime)
    signature = start + dt.timedelta(days=rnd.randint(0, spread))
    debut = R.plus_months(signature.replace(day=1), 1)
    contracts = [contract_for(rnd, s["family"], role, s) for _ in range(n_filled + n_vacant)]
    if role == "coordinateur":  # coordinator CDD rows finance 18 months
        months = 18 if contracts[0] in R.CDD else rnd.choice([18, 24])
    fin = R.plus_months(debut, months) - dt.timedelta(days=1)
    posts, staff = [], []
    for n, contract in enumerate(contracts, start=1):
        post = {"numero": n, "role": role, "contrat": contract}
        if n <= n_filled:
            cn = make_conseiller(p, s, next_cn + n - 1, role, contract, debut, fin, regime)
            post["conseiller"] = cn["id"]
            post["aides"] = cn["aides"]
            post["depart"] = cn["depart"]
            staff.append(cn)
        posts.append(post)
    conv = {"id": cid, "structure": s, "regime": regime, "signature": signature,
            "debut": debut, "fin": fin, "posts": posts, "staff": staff}
    p.conventions.append(conv)
    return conv


def contract_end(rnd, contract, debut, conv_fin, s, role):
    capped = contract == "cdd-droit-prive" or (contract in R.CDD and (
        s["family"] == "autre-public" or (role == "coordinateur" and s["family"] != "collectivite")))
    if capped:
        return R.plus_months(debut, 17) + dt.timedelta(days=rnd.randint(0, 20))
    if contract in R.CDD or contract in R.PROJET:
        return conv_fin
    return None


def make_conseiller(p, s, number, role, contract, conv_debut, conv_fin, regime):
    rnd = p.rnd
    debut = conv_debut + dt.timedelta(days=rnd.randint(0, 45))
    fin = contract_end(rnd, contract, debut, conv_fin, s, role)
    if fin is not None and fin > conv_fin:
        fin = conv_fin
    hours = 35 if role == "coordinateur" or rnd.random() < 0.9 else rnd.choice([24, 28, 30, 17.5])
    floor = R.smic_prorated_cents(debut, hours)
    salary = floor + rnd.randint(1, 400) * 100 + rnd.choice([0, 50, 25])
    signature = debut - dt.timedelta(days=rnd.randint(2, 10))
    selection = signature - dt.timedelta(days=rnd.randint(1, 14))
    presentation = selection - dt.timedelta(days=rnd.randint(1, 14))
    exemption = role == "coordinateur" and rnd.random() < 0.1
    depart = None if exemption else debut + dt.timedelta(days=rnd.randint(3, 14))
    aides = 0
    if s["family"] == "prive" and role == "conseiller" and rnd.random() < 0.05:
        aides = rnd.randint(2, 8) * 100000
    first, last = person(rnd)
    cid = f"cn-{number:06d}"
    q = rnd.random() < 0.3
    lines = [f"id: {cid}", f"prenom: {first}", f"nom: {last}",
             f"courriel: {cid}@example.org", f"structure: {s['id']}", f"role: {role}"]
    if rnd.random() < 0.2:
        lines.append("publication_nom: true")
    lines += ["recrutement:"]
    if role == "coordinateur":
        notified = signature - dt.timedelta(days=rnd.randint(20, 150))
        lines.append(f"  notification_poste: {day(rnd, notified, q)}")
    lines += [f"  presentation: {day(rnd, presentation, q)}",
              f"  selection: {day(rnd, selection, q)}",
              f"  signature_contrat: {day(rnd, signature, q)}",
              "contrat:", f"  type: {contract}", f"  debut: {day(rnd, debut, q)}"]
    if fin is not None:
        lines.append(f"  fin: {day(rnd, fin, q)}")
    lines += [f"  heures_hebdo: {hours}", f"  salaire_brut_mensuel: {euros(salary)}"]
    if aides:
        lines.append(f"  aides_emploi: {euros(aides)}")
    lines.append("formation:")
    if exemption:
        lines.append("  exemption: true")
    else:
        lines += [f"  depart: {day(rnd, depart, q)}",
                  f"  heures: {rnd.choice(sorted(R.TRAINING_HOURS))}"]
    last_day = fin
    if rnd.random() < 0.02:
        # Early end, after the twelve reported months.
        rupture = R.plus_months(debut, REPORT_MONTHS + 2)
        if fin is None or rupture < fin:
            lines += ["rupture:", f"  date: {day(rnd, rupture, q)}",
                      f"  motif: {rnd.choice(['démission', 'fin de période d’essai', 'mutation'])}"]
            last_day = rupture
    cn = {"id": cid, "structure": s, "debut": debut, "last_day": last_day, "salary": salary,
          "aides": aides, "depart": depart, "lines": lines, "role": role}
    p.conseillers.append(cn)
    return cn


def post_lines(rnd, conv, post, derog):
    lines = [f"  - numero: {post['numero']}", f"    role: {post['role']}"]
    if post.get("conseiller"):
        lines.append(f"    conseiller: {post['conseiller']}")
    else:
        lines.append(f"    contrat: {post['contrat']}")
    if derog or rnd.random() < 0.6:
        lines.append(f"    montant: {euros(post['amount'])}")
    if derog:
        lines.append("    derogation: >-")
        lines.append("      Majoration outre-mer non chiffrée par l'appel : montant de base retenu")
    return lines


def price_post(conv, post):
    s = conv["structure"]
    grid = R.grid_amount_cents(conv["regime"], s["family"], post["contrat"], s["dept"],
                               post.get("aides", 0))
    post["derog"] = grid is None
    if grid is None:  # 37 500 € row overseas: explicit amount with its reason
        grid = R.grid_row(conv["regime"], s["family"], post["contrat"])[0] * 100
    post["amount"] = grid


def price_posts(conv):
    for post in conv["posts"]:
        price_post(conv, post)


def convention_lines(rnd, conv):
    q = rnd.random() < 0.5
    lines = [f"id: {conv['id']}", f"structure: {conv['structure']['id']}",
             f"regime: {conv['regime']}", f"signature: {day(rnd, conv['signature'], q)}",
             f"debut: {day(rnd, conv['debut'], q)}", f"fin: {day(rnd, conv['fin'], q)}",
             f'dossier: "DS-{rnd.randint(1000000, 9999999)}"', "postes:"]
    for post in conv["posts"]:
        lines += post_lines(rnd, conv, post, post["derog"])
    return lines


# ---------------------------------------------------------------------------------------
# Avenants, versements, reports, expenses

def make_avenants(p):
    rnd = p.rnd
    for conv in p.conventions:
        if conv["regime"] == "coordinateur-2023" or rnd.random() > 0.1:
            continue
        vacant = [x for x in conv["posts"] if not x.get("conseiller")]
        when = conv["signature"] + dt.timedelta(days=rnd.randint(120, 400))
        base = [f"id: {conv['id']}-av1", f"convention: {conv['id']}", "numero: 1",
                f"date: {when.isoformat()}"]
        if vacant:
            lines = base + ["objet: retrait-postes",
                            f"postes_retires: [{', '.join(str(x['numero']) for x in vacant)}]",
                            "motif: Postes restés vacants"]
        elif rnd.random() < 0.5 and R.months_covered(conv["debut"], conv["fin"]) < 36:
            nouvelle = R.plus_months(conv["debut"], 36) - dt.timedelta(days=1)
            lines = base + ["objet: prolongation", f"nouvelle_fin: {nouvelle.isoformat()}",
                            "motif: Prolongation dans la limite de 36 mois"]
        else:
            post = {"numero": len(conv["posts"]) + 1, "role": "conseiller",
                    "contrat": conv["posts"][0]["contrat"]}
            price_post(conv, post)
            lines = base + ["objet: ajout-postes", "postes_ajoutes:"]
            lines += [x[2:] for x in post_lines(rnd, conv, post, post["derog"])]
            lines.append("motif: Ouverture d'une permanence supplémentaire")
        p.avenants.append({"structure": conv["structure"], "lines": lines})


def make_versements(p, cutoff):
    rnd = p.rnd
    for conv in p.conventions:
        for post in conv["posts"]:
            if not post.get("conseiller"):
                continue
            if conv["regime"] == "relance-2021":
                if post["depart"] is None:
                    continue
                anchor = post["depart"]
            else:
                anchor = conv["signature"]
            for n, _pct, due, cents in R.tranches(conv["regime"], post["amount"], anchor):
                paid_at = due + dt.timedelta(days=rnd.randint(5, 30))
                if paid_at > cutoff or rnd.random() > (0.95 if n == 1 else 0.5 / n):
                    break
                statut = "suspendue" if rnd.random() < 0.01 else "versee"
                p.versements.append({"structure": conv["structure"], "date": paid_at, "lines": [
                    f"convention: {conv['id']}", f"poste: {post['numero']}", f"tranche: {n}",
                    f"date: {paid_at.isoformat()}", f"montant: {euros(cents)}",
                    f"statut: {statut}"]})
                if statut == "suspendue":
                    break


HIGHLIGHTS = [
    "Atelier « repérer les arnaques en ligne » avec le club des aînés.",
    "Permanence au marché hebdomadaire : **déclaration de revenus** en ligne.",
    "Nouveau parcours *smartphone* en quatre séances, complet.",
    "Rencontre avec les secrétaires de mairie du canton :\n\n- orientation des usagers ;\n"
    "- fiches pratiques partagées.",
    "Ateliers parents-enfants sur l'espace numérique de travail du collège.",
]


def make_rapports(p):
    rnd = p.rnd
    for cn in p.conseillers:
        first = R.plus_months(cn["debut"].replace(day=1), 1)
        for k in range(REPORT_MONTHS):
            month = R.plus_months(first, k)
            ind = rnd.randint(15, 70)
            ateliers = rnd.randint(0, 8)
            part = ateliers * rnd.randint(3, 10)
            ponct = rnd.randint(0, 25)
            lines = [f"structure: {cn['structure']['id']}", f"conseiller: {cn['id']}",
                     f"mois: {month.strftime('%Y-%m')}", "activites:",
                     f"  accompagnements_individuels: {ind}",
                     f"  ateliers_collectifs: {ateliers}",
                     f"  participants_ateliers: {part}",
                     f"  demandes_ponctuelles: {ponct}",
                     f"  appels_solidarite_numerique: {rnd.randint(0, 6)}",
                     f"usagers_accompagnes: {ind + part + ponct // 2}", "themes:"]
            for theme in rnd.sample(R.THEMES, 4):
                lines.append(f"  {theme}: {rnd.randint(1, 20)}")
            lines += ["lieux:", f"  permanence: {ind // 2}", f"  itinerance: {ind // 4}",
                      f"  a-distance: {ind - ind // 2 - ind // 4}"]
            if rnd.random() < 0.08:
                lines.append("faits_marquants: |")
                lines += [f"  {x}" if x else "" for x in rnd.choice(HIGHLIGHTS).split("\n")]
            p.rapports.append({"structure": cn["structure"], "month": month, "lines": lines})


def quarter_of(d):
    return d.year, (d.month - 1) // 3 + 1


def make_depenses(p):
    rnd = p.rnd
    for conv in p.conventions:
        if not conv["staff"]:
            continue
        year, q = quarter_of(R.plus_months(conv["debut"], 3))
        for _ in range(2):
            q_first = dt.date(year, 3 * q - 2, 1)
            q_last = R.plus_months(q_first, 3) - dt.timedelta(days=1)
            rows = []
            for cn in conv["staff"]:
                if cn["debut"] > q_first or (cn["last_day"] and cn["last_day"] < q_last):
                    continue
                gross = cn["salary"] * 3
                rows += [f"  - conseiller: {cn['id']}", f"    salaires_bruts: {euros(gross)}",
                         f"    charges_patronales: {euros(gross * 38 // 100)}",
                         f"    frais: {euros(rnd.randint(0, 60000))}",
                         f'    justificatif: "Bulletins de paie {year}-T{q}"']
            if rows:
                p.depenses.append({"structure": conv["structure"], "lines": [
                    f"structure: {conv['structure']['id']}", f"convention: {conv['id']}",
                    f"trimestre: {year}-T{q}", "lignes:"] + rows})
            year, q = (year + 1, 1) if q == 4 else (year, q + 1)


# ---------------------------------------------------------------------------------------
# Planning and writing

def plan(p, scale):
    """Splits the conseillers over the conventions so every count matches the scale."""
    rnd = p.rnd
    n_struct = round(UNIT["structures"] * scale)
    n_conv = round(UNIT["conventions"] * scale)
    n_cons = round(UNIT["conseillers"] * scale)
    make_structures(p, n_struct, departements())
    n_coord = n_conv - n_struct
    n_relance_staff = n_cons - n_coord
    sizes = [1] * n_struct
    for _ in range(n_relance_staff - n_struct):
        sizes[rnd.randrange(n_struct)] += 1
    number = 1
    coordinated = set(rnd.sample(range(n_struct), n_coord))
    for i, s in enumerate(p.structures):
        regime = relance_regime(rnd, s["family"])
        vacant = 1 if rnd.random() < 0.05 else 0
        # Where a coordinator comes later, the first convention runs 36 months so that it
        # is still in force when the coordinator starts: conseillers on CDI or titulaires
        # stay in post, and posts-exceeded counts them.
        make_convention(p, s, regime, f"cv-{regime[-4:]}-{i + 1:06d}", sizes[i], vacant,
                        number, "conseiller", 36 if i in coordinated else CONTRACT_MONTHS)
        number += sizes[i]
    for i in sorted(coordinated):
        s = p.structures[i]
        make_convention(p, s, "coordinateur-2023", f"cv-2023-{i + 1:06d}", 1, 0, number,
                        "coordinateur")
        number += 1
    for conv in p.conventions:
        price_posts(conv)
    make_avenants(p)
    make_versements(p, cutoff=dt.date(2024, 6, 30))
    make_rapports(p)
    make_depenses(p)


def record_text(lines):
    return "\n".join(lines) + "\n"


def sequence_text(records, header):
    out = [f"# {header}\n"]
    for lines in records:
        out.append("\n- " + "\n  ".join(lines) + "\n")
    return "".join(out)


def write(root, p, layout):
    data = root / "data"
    files = {}

    def add(kind, key, lines):
        files.setdefault((kind, key), []).append(lines)

    per_struct = layout == "structure"
    for s in p.structures:
        add("structures", s["id"] if per_struct else s["dept"], s["lines"])
    for cn in p.conseillers:
        add("conseillers", cn["structure"]["id"] if per_struct else cn["structure"]["dept"],
            cn["lines"])
    for conv in p.conventions:
        s = conv["structure"]
        add("conventions", conv["id"] if per_struct else s["dept"], convention_lines(p.rnd, conv))
    for kind, items in (("avenants", p.avenants), ("versements", p.versements),
                        ("depenses", p.depenses)):
        for rec in items:
            add(kind, rec["structure"]["id"] if per_struct else rec["structure"]["dept"],
                rec["lines"])
    for r in p.rapports:
        s = r["structure"]
        key = f"{s['id']}-{r['month'].year}" if per_struct else \
            f"{s['dept']}-{r['month'].strftime('%Y-%m')}"
        add("rapports", key, r["lines"])
    for (kind, key), records in sorted(files.items()):
        folder = data / kind
        folder.mkdir(parents=True, exist_ok=True)
        text = record_text(records[0]) if len(records) == 1 and kind in (
            "structures", "conventions") else sequence_text(records, f"{kind} {key}")
        (folder / f"{key}.yaml").write_text(text, encoding="utf-8")
    return len(files)


# ---------------------------------------------------------------------------------------
# Optional faults, to check that the benchmark's tool really validates

FAULTS = [  # (folder, field, new value, expected code)
    ("conseillers", "salaire_brut_mensuel", "900", "salary-below-smic"),
    ("structures", "siret", '"12345678901234"', "siret-checksum"),
    ("conventions", "dossier", None, "unknown-field"),
    ("conventions", "structure", "structure-inexistante", "dangling-reference"),
]


def inject(root, count, rnd):
    """Breaks `count` records, one field each; returns `file:line: code` for each."""
    done = []
    for k in range(count):
        kind, field, value, code = FAULTS[k % len(FAULTS)]
        path = rnd.choice(sorted((root / "data" / kind).glob("*.yaml")))
        text = path.read_text(encoding="utf-8").split("\n")
        hits = [i for i, line in enumerate(text) if line.lstrip(" -").startswith(field + ":")]
        i = rnd.choice(hits)
        head = text[i][:text[i].index(field)]
        text[i] = head + (f"{field}s: {text[i].split(': ', 1)[1]}" if value is None
                          else f"{field}: {value}")
        done.append(f"{path.relative_to(root)}:{i + 1}: {code}")
        path.write_text("\n".join(text), encoding="utf-8")
    return done


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[8:]))
    ap.add_argument("--scale", type=float, default=1.0, help="multiple of the national size")
    ap.add_argument("--out", type=pathlib.Path, required=True, help="project folder to create")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--layout", choices=["departement", "structure"], default="departement")
    ap.add_argument("--inject-errors", type=int, default=0, metavar="N")
    args = ap.parse_args()
    if (args.out / "data").exists():
        sys.exit(f"{args.out}/data existe déjà : choisissez un dossier neuf")
    p = Project(random.Random(args.seed))
    plan(p, args.scale)
    n_files = write(args.out, p, args.layout)
    faults = inject(args.out, args.inject_errors, random.Random(args.seed + 1))
    print(f"{len(p.structures)} structures, {len(p.conseillers)} conseillers, "
          f"{len(p.conventions)} conventions, {len(p.avenants)} avenants, "
          f"{len(p.versements)} versements, {len(p.rapports)} rapports, "
          f"{len(p.depenses)} depenses in {n_files} files under {args.out}/data")
    for line in faults:
        print(f"injected: {line}")


if __name__ == "__main__":
    main()
