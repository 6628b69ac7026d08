"""The figures of domain.md that the sample checker and the generator share.

Kept apart from the C++ tool on purpose: an independent re-statement of the rules lets the
sample data be checked before (and against) the real validator. Standard library only.
"""
import calendar
import math
from fractions import Fraction
import datetime as dt

# SMIC, monthly gross for 35 h, by date of effect (the same values as data/smic.yaml).
SMIC = [
    (dt.date(2020, 1, 1), 153922),
    (dt.date(2021, 1, 1), 155458),
    (dt.date(2021, 10, 1), 158947),
    (dt.date(2022, 1, 1), 160312),
    (dt.date(2022, 5, 1), 164558),
    (dt.date(2022, 8, 1), 167895),
    (dt.date(2023, 1, 1), 170928),
    (dt.date(2023, 5, 1), 174720),
    (dt.date(2024, 1, 1), 176692),
]

FAMILY = {}
for _fam, _types in {
    "collectivite": ["commune", "departement", "region", "collectivite-statut-particulier",
                     "collectivite-outre-mer", "epci", "syndicat-mixte", "metropole", "ept"],
    "public-rattache": ["ccas", "cias", "office-public-habitat", "autre-etablissement-rattache"],
    "autre-public": ["gip", "chambre-consulaire", "epa-etat", "epic", "ars", "grades"],
    "prive": ["association", "entreprise-ess", "prive-interet-general", "hub"],
}.items():
    for _t in _types:
        FAMILY[_t] = _fam

PUBLIC_LAW = {"cdi-droit-public", "cdd-droit-public", "contrat-de-projet-droit-public", "titulaire"}
PRIVATE_LAW = {"cdi-droit-prive", "cdd-droit-prive", "contrat-de-projet-droit-prive"}
CDD = {"cdd-droit-public", "cdd-droit-prive"}
PROJET = {"contrat-de-projet-droit-public", "contrat-de-projet-droit-prive"}

ELIGIBLE = {
    "relance-2020": {"collectivite", "public-rattache"},
    "relance-2021": {"collectivite", "public-rattache", "autre-public", "prive"},
    "coordinateur-2023": {"collectivite", "public-rattache", "autre-public", "prive"},
}
ROLE = {"relance-2020": "conseiller", "relance-2021": "conseiller",
        "coordinateur-2023": "coordinateur"}

# Grid rows: (families, contracts, euros, overseas policy) per regime, domain.md §3.
_RELANCE = [
    ({"collectivite", "public-rattache"}, PUBLIC_LAW, 50000, "increased"),
    ({"prive"}, {"cdi-droit-prive", "contrat-de-projet-droit-prive"}, 40000, None),
    ({"prive"}, {"cdd-droit-prive"}, 32000, None),
    ({"autre-public"}, CDD, 37500, "unknown"),
]
GRID = {
    "relance-2020": [_RELANCE[0]],
    "relance-2021": _RELANCE,
    "coordinateur-2023": [
        ({"collectivite"}, PUBLIC_LAW, 50000, "increased"),
        ({"public-rattache", "autre-public"}, CDD, 37500, "unknown"),
        ({"prive"}, {"cdi-droit-prive"}, 40000, None),
        ({"prive"}, {"cdd-droit-prive"}, 32000, None),
        ({"prive"}, {"contrat-de-projet-droit-prive"}, 40000, None),
    ],
}
DROM = {"974": 67500, "976": 67500, "971": 70000, "972": 70000, "973": 70000}

TRANCHES = {  # (percent, months after the anchor)
    "relance-2020": [(20, 1), (30, 6), (50, 12)],
    "relance-2021": [(20, 1), (30, 6), (50, 12)],
    "coordinateur-2023": [(100, 1)],
}
TRAINING_HOURS = {105, 280, 350, 420}
THEMES = ["equipement", "navigation", "courriel", "smartphone", "contenus-numeriques",
          "vocabulaire", "traitement-de-texte", "echanger-proches", "emploi", "scolarite",
          "tpe-pme", "demarches-en-ligne", "donnees-personnelles", "sante", "budget",
          "securite", "autre"]
LIEUX = ["permanence", "itinerance", "domicile", "a-distance"]


def smic_cents(day):
    """SMIC in force on `day`, in cents for 35 h."""
    rate = None
    for effective, cents in SMIC:
        if effective <= day:
            rate = cents
    return rate


def smic_prorated_cents(day, hours):
    """Prorated SMIC, rounded up to the cent so that a salary equal to it is compliant."""
    exact = Fraction(smic_cents(day)) * Fraction(str(hours)) / 35
    return math.ceil(exact)


def grid_row(regime, family, contract):
    for fams, contracts, euros, overseas in GRID[regime]:
        if family in fams and contract in contracts:
            return euros, overseas
    return None


def grid_amount_cents(regime, family, contract, departement, aides_cents=0):
    """Computed post amount in cents, or None when the grid says nothing (needs a derogation)."""
    row = grid_row(regime, family, contract)
    if row is None:
        return None
    euros, overseas = row
    if overseas == "increased" and departement in DROM:
        euros = DROM[departement]
    if overseas == "unknown" and departement in DROM:
        return None
    return max(0, euros * 100 - aides_cents)


def plus_months(day, months):
    m = day.month - 1 + months
    y, m = day.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def months_covered(start, end_inclusive):
    """Mirror of tampon::months_covered: a started month counts."""
    after = end_inclusive + dt.timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    if after.day < start.day and plus_months(start, months) > after:
        months -= 1
    if plus_months(start, months) < after:
        months += 1
    return months


def tranches(regime, total_cents, anchor):
    """[(number, pct, due date, cents)], the last tranche taking the remainder."""
    out, paid = [], 0
    rules = TRANCHES[regime]
    for i, (pct, offset) in enumerate(rules, start=1):
        cents = total_cents - paid if i == len(rules) else total_cents * pct // 100
        paid += cents
        out.append((i, pct, plus_months(anchor, offset), cents))
    return out


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix):
    """Appends the digit that makes `prefix` + digit pass the Luhn check."""
    for d in "0123456789":
        if luhn_ok(prefix + d):
            return prefix + d
    raise AssertionError("unreachable")


def siret_ok(siret):
    if len(siret) != 14 or not siret.isdigit():
        return False
    if siret.startswith("356000000"):  # La Poste: sum of digits multiple of 5
        return sum(int(c) for c in siret) % 5 == 0
    return luhn_ok(siret)


def make_siret(siren8, nic4):
    """A SIRET whose SIREN (8 digits + key) and whole 14 digits both pass Luhn."""
    siren = luhn_complete(siren8)
    assert not siren.startswith("356000000")
    return luhn_complete(siren + nic4)
