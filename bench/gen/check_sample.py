#!/usr/bin/env python3
"""Independent sanity check of a Tampon data folder (domain.md, records.md).

Used to write the shipped sample data before `tampon validate` existed, and kept as a
second opinion on the generator's output. It re-states the rules in a few lines each; the
real validator is the authority. Needs PyYAML (Debian: python3-yaml).

    python3 bench/gen/check_sample.py data            # findings, exit 1 on error
    python3 bench/gen/check_sample.py data --tranches # also print every tranche
"""
import argparse
import datetime as dt
import pathlib
import re
import sys

import yaml

import tampon_rules as R

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
KINDS = ["structures", "conseillers", "conventions", "avenants", "versements", "rapports",
         "depenses"]


class Checker:
    def __init__(self):
        self.errors, self.warnings = [], []

    def err(self, where, msg):
        self.errors.append(f"{where}: erreur: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: avertissement: {msg}")


def as_date(value):
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def load(folder):
    records = {k: [] for k in KINDS}
    for kind in KINDS:
        for path in sorted((folder / kind).glob("**/*.yaml")):
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            for rec in doc if isinstance(doc, list) else [doc]:
                rec["_file"] = str(path.relative_to(folder))
                records[kind].append(rec)
    return records


def index(ck, recs, kind):
    out = {}
    for r in recs:
        if not ID_RE.match(str(r["id"])):
            ck.err(r["_file"], f"id invalide {r['id']!r}")
        if r["id"] in out:
            ck.err(r["_file"], f"{kind} {r['id']} en double")
        out[r["id"]] = r
    return out


def check_structure(ck, s):
    if not R.siret_ok(str(s["siret"])):
        ck.err(s["_file"], f"SIRET {s['siret']} invalide ({s['id']})")
    if s["type"] not in R.FAMILY:
        ck.err(s["_file"], f"type inconnu {s['type']}")
    if s.get("contrat_de_projet_autorise") and R.FAMILY[s["type"]] != "prive":
        ck.warn(s["_file"], "contrat_de_projet_autorise hors structure privée")


def check_conseiller(ck, c, structures):
    where = f"{c['_file']} ({c['id']})"
    s = structures.get(c["structure"])
    if s is None:
        return ck.err(where, f"structure inconnue {c['structure']}")
    k = c["contrat"]
    debut, fin = as_date(k["debut"]), k.get("fin")
    family = R.FAMILY[s["type"]]
    if family != "autre-public" and (k["type"] in R.PUBLIC_LAW) == (family == "prive"):
        ck.err(where, f"contrat {k['type']} impossible pour la famille {family}")
    if (k["type"] in R.CDD or k["type"] in R.PROJET) and fin is None:
        ck.err(where, "fin de contrat manquante")
    if fin is not None:
        months = R.months_covered(debut, as_date(fin))
        capped = k["type"] == "cdd-droit-prive" or (
            k["type"] in R.CDD and family in ("autre-public", "public-rattache")
            and c["role"] == "coordinateur") or (k["type"] in R.CDD and family == "autre-public")
        if capped and months > 18:
            ck.err(where, f"CDD de {months} mois (18 au plus)")
    floor = R.smic_prorated_cents(debut, k["heures_hebdo"])
    salary = round(k["salaire_brut_mensuel"] * 100)
    if salary < floor:
        ck.err(where, f"salaire {salary} < SMIC proratisé {floor}")
    if c["role"] == "coordinateur" and k["heures_hebdo"] != 35:
        ck.err(where, "coordinateur à temps partiel")
    rec = c.get("recrutement") or {}
    dates = {key: as_date(v) for key, v in rec.items()}
    if "presentation" in dates and "selection" in dates and (
            dates["selection"] - dates["presentation"]).days > 15:
        ck.warn(where, "sélection tardive")
    if "selection" in dates and "signature_contrat" in dates and (
            dates["signature_contrat"] - dates["selection"]).days > 15:
        ck.warn(where, "contrat tardif")
    if "notification_poste" in dates and "signature_contrat" in dates and R.plus_months(
            dates["notification_poste"], 6) < dates["signature_contrat"]:
        ck.warn(where, "recrutement du coordinateur tardif")
    if "signature_contrat" in dates and dates["signature_contrat"] > debut:
        ck.warn(where, "contrat signé après son début")
    f = c.get("formation") or {}
    if f.get("depart") is not None:
        depart = as_date(f["depart"])
        if "signature_contrat" in dates and dates["signature_contrat"] >= depart:
            ck.err(where, "contrat signé après le départ en formation")
        if depart < debut or (depart - debut).days > 15:
            ck.warn(where, f"formation {(depart - debut).days} jours après le début du contrat")
    if f and not f.get("exemption") and f.get("heures") not in R.TRAINING_HOURS:
        ck.err(where, f"heures de formation {f.get('heures')}")
    if c.get("rupture") and not debut <= as_date(c["rupture"]["date"]):
        ck.err(where, "rupture avant le début du contrat")


def post_amount(ck, where, regime, s, poste, conseiller):
    contract = conseiller["contrat"]["type"] if conseiller else poste.get("contrat")
    aides = round((conseiller or {}).get("contrat", {}).get("aides_emploi", 0) * 100)
    family = R.FAMILY[s["type"]]
    if R.grid_row(regime, family, contract) is None:
        ck.err(where, f"contrat {contract} non prévu pour {family} en {regime}")
        return 0
    if contract in R.PROJET and family == "prive" and not s.get("contrat_de_projet_autorise"):
        ck.err(where, "contrat de projet non autorisé")
    computed = R.grid_amount_cents(regime, family, contract, s["departement"], aides)
    given = poste.get("montant")
    given = None if given is None else round(given * 100)
    ceiling = R.grid_row(regime, family, contract)[0] * 100
    if computed is None:
        if given is None or not poste.get("derogation"):
            ck.err(where, "montant outre-mer inconnu: montant et dérogation requis")
            return 0
        if given > ceiling:
            ck.err(where, "montant au-dessus du plafond")
        return given
    if given is not None and given != computed:
        if not poste.get("derogation"):
            ck.err(where, f"montant {given} ≠ barème {computed}")
        elif given > ceiling:
            ck.err(where, "dérogation au-dessus du plafond")
        return given
    return computed


def check_conventions(ck, conventions, avenants, structures, conseillers):
    """Returns {(convention, poste): [tranches]} for the versement checks."""
    schedules, holder, holders = {}, {}, {}
    periods = {}  # structure -> [(first day, last day)] of every post
    by_conv = {}
    for a in avenants.values():
        if a["convention"] not in conventions:
            ck.err(a["_file"], f"convention inconnue {a['convention']}")
        by_conv.setdefault(a["convention"], []).append(a)
    for cv in conventions.values():
        where = f"{cv['_file']} ({cv['id']})"
        s = structures.get(cv["structure"])
        if s is None:
            ck.err(where, "structure inconnue")
            continue
        regime = cv["regime"]
        if R.FAMILY[s["type"]] not in R.ELIGIBLE[regime]:
            ck.err(where, f"structure inéligible au régime {regime}")
        debut, fin = as_date(cv["debut"]), as_date(cv["fin"])
        posts = [(p, as_date(cv["signature"])) for p in cv["postes"]]
        starts = {p["numero"]: debut for p in cv["postes"]}
        removed = {}
        for a in sorted(by_conv.get(cv["id"], []), key=lambda a: a["numero"]):
            if a["objet"] == "prolongation":
                fin = as_date(a["nouvelle_fin"])
            elif a["objet"] == "ajout-postes":
                posts += [(p, as_date(a["date"])) for p in a["postes_ajoutes"]]
                starts.update({p["numero"]: as_date(a["date"]) for p in a["postes_ajoutes"]})
            elif a["objet"] == "retrait-postes":
                for n in a["postes_retires"]:
                    p = next((p for p, _ in posts if p["numero"] == n), None)
                    if p is None or p.get("conseiller"):
                        ck.err(a["_file"], f"poste {n} absent ou pourvu")
                posts = [(p, d) for p, d in posts if p["numero"] not in a["postes_retires"]]
                removed.update({n: as_date(a["date"]) for n in a["postes_retires"]})
        for n, start in starts.items():
            periods.setdefault(cv["structure"], []).append((start, removed.get(n, fin)))
        if R.months_covered(debut, fin) > 36:
            ck.err(where, f"convention de {R.months_covered(debut, fin)} mois")
        for p, signed in posts:
            pw = f"{where} poste {p['numero']}"
            c = conseillers.get(p.get("conseiller")) if p.get("conseiller") else None
            if p.get("conseiller"):
                if c is None:
                    ck.err(pw, f"conseiller inconnu {p['conseiller']}")
                    continue
                if c["structure"] != cv["structure"]:
                    ck.err(pw, "conseiller d'une autre structure")
                if p["conseiller"] in holder:
                    ck.err(pw, f"{p['conseiller']} déjà sur {holder[p['conseiller']]}")
                holder[p["conseiller"]] = f"{cv['id']}#{p['numero']}"
                holders.setdefault(cv["id"], set()).add(p["conseiller"])
            elif not p.get("contrat"):
                ck.err(pw, "poste vacant sans contrat")
            total = post_amount(ck, pw, regime, s, p, c)
            anchor, provisional = signed, False
            if R.TRANCHES[regime] and regime == "relance-2021":
                depart = ((c or {}).get("formation") or {}).get("depart")
                anchor, provisional = (as_date(depart), False) if depart else (signed, True)
            schedules[(cv["id"], p["numero"])] = (R.tranches(regime, total, anchor), provisional)
    for c in conseillers.values():
        if c["id"] not in holder:
            ck.warn(c["_file"], f"{c['id']} n'occupe aucun poste")
    schedules["holders"] = holders
    schedules["periods"] = periods
    return schedules


def check_versements(ck, versements, schedules):
    seen = set()
    for v in versements:
        key = (v["convention"], v["poste"])
        where = f"{v['_file']} ({key[0]}#{key[1]} T{v['tranche']})"
        if key not in schedules or key in ("holders", "periods"):
            ck.err(where, "poste inconnu")
            continue
        sched, provisional = schedules[key]
        t = next((t for t in sched if t[0] == v["tranche"]), None)
        if t is None:
            ck.err(where, "tranche inconnue")
            continue
        if round(v["montant"] * 100) != t[3]:
            ck.err(where, f"montant {v['montant']} ≠ tranche {t[3] / 100}")
        if as_date(v["date"]) < t[2]:
            ck.warn(where, f"versé le {v['date']} avant l'échéance {t[2]}")
        if provisional:
            ck.warn(where, "versement sur un échéancier provisoire")
        if (key, v["tranche"]) in seen:
            ck.err(where, "versement en double")
        seen.add((key, v["tranche"]))


def check_rapports(ck, rapports, conseillers):
    seen = set()
    for r in rapports:
        where = f"{r['_file']} ({r['conseiller']} {r['mois']})"
        c = conseillers.get(r["conseiller"])
        if c is None or c["structure"] != r["structure"]:
            ck.err(where, "conseiller inconnu ou d'une autre structure")
            continue
        month = dt.date.fromisoformat(f"{r['mois']}-01")
        start = as_date(c["contrat"]["debut"]).replace(day=1)
        end = c["contrat"].get("fin") or (c.get("rupture") or {}).get("date")
        if c.get("rupture"):
            end = c["rupture"]["date"]
        if month < start or (end and month > as_date(end)):
            ck.err(where, "rapport hors de la période du contrat")
        for key in r.get("themes") or {}:
            if key not in R.THEMES:
                ck.err(where, f"thème inconnu {key}")
        for key in r.get("lieux") or {}:
            if key not in R.LIEUX:
                ck.err(where, f"lieu inconnu {key}")
        if (r["conseiller"], r["mois"]) in seen:
            ck.err(where, "rapport en double")
        seen.add((r["conseiller"], r["mois"]))


def check_depenses(ck, depenses, conventions, schedules):
    for d in depenses:
        where = f"{d['_file']} ({d['convention']} {d['trimestre']})"
        cv = conventions.get(d["convention"])
        if cv is None or cv["structure"] != d["structure"]:
            ck.err(where, "convention inconnue ou d'une autre structure")
            continue
        if not re.match(r"^\d{4}-T[1-4]$", str(d["trimestre"])):
            ck.err(where, "trimestre invalide")
        holders = schedules["holders"].get(cv["id"], set())
        for ligne in d["lignes"]:
            if ligne["conseiller"] not in holders:
                ck.warn(where, f"{ligne['conseiller']} n'occupe aucun poste de la convention")


def posts_exceeded(ck, structures, conventions, conseillers, schedules):
    """On each date a conseiller or a convention starts, staff in post ≤ posts in force."""
    periods = schedules["periods"]
    staff = {}
    for c in conseillers.values():
        k = c["contrat"]
        end = as_date(k["fin"]) if k.get("fin") else dt.date(9999, 12, 31)
        if c.get("rupture"):
            end = min(end, as_date(c["rupture"]["date"]))
        staff.setdefault(c["structure"], []).append((as_date(k["debut"]), end, c["id"]))
    for sid, people in staff.items():
        days = {start for start, _e, _i in people} | {start for start, _e in periods.get(sid, [])}
        for d in sorted(days):
            posts = sum(1 for a, b in periods.get(sid, []) if a <= d <= b)
            active = sum(1 for a, b, _i in people if a <= d <= b)
            if posts and active > posts:
                ck.err(sid, f"{active} conseillers en poste le {d} pour {posts} postes")
                break


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=pathlib.Path)
    ap.add_argument("--tranches", action="store_true")
    args = ap.parse_args()
    ck = Checker()
    recs = load(args.folder)
    structures = index(ck, recs["structures"], "structure")
    conseillers = index(ck, recs["conseillers"], "conseiller")
    conventions = index(ck, recs["conventions"], "convention")
    avenants = index(ck, recs["avenants"], "avenant")
    for s in structures.values():
        check_structure(ck, s)
    for c in conseillers.values():
        check_conseiller(ck, c, structures)
    schedules = check_conventions(ck, conventions, avenants, structures, conseillers)
    posts_exceeded(ck, structures, conventions, conseillers, schedules)
    check_versements(ck, recs["versements"], schedules)
    check_rapports(ck, recs["rapports"], conseillers)
    check_depenses(ck, recs["depenses"], conventions, schedules)
    if args.tranches:
        for key, (sched, prov) in sorted(i for i in schedules.items() if i[0] not in ("holders", "periods")):
            for n, pct, due, cents in sched:
                print(f"{key[0]} #{key[1]} T{n} {pct:3}% {due} {cents / 100:>10.2f}"
                      + (" provisoire" if prov else ""))
    for line in ck.errors + ck.warnings:
        print(line, file=sys.stderr)
    counts = ", ".join(f"{len(v)} {k}" for k, v in recs.items())
    print(f"{counts}\n{len(ck.errors)} erreurs, {len(ck.warnings)} avertissements",
          file=sys.stderr)
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main())
