"""Fictional names and places for the synthetic data set (bench/gen/generate.py).

Names are drawn from common French first and last names and combined at random, so they
designate nobody; commune names are made from plausible parts ("Saint-Martin-sur-Loire").
"""

PRENOMS = ["Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Laura",
           "Pauline", "Marie", "Anaïs", "Océane", "Clara", "Lucie", "Sophie", "Nadia", "Aïcha",
           "Thomas", "Nicolas", "Julien", "Kévin", "Maxime", "Hugo", "Lucas", "Antoine",
           "Romain", "Mathieu", "Yanis", "Karim", "Mehdi", "Théo", "Quentin", "Alexandre",
           "Sébastien", "Jérôme", "Loïc", "Erwan", "Moana", "Teva", "Dylan", "Steeve"]
NOMS = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
        "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David",
        "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
        "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure",
        "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
        "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier",
        "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire",
        "Payet", "Hoarau", "Grondin", "Madi", "Attoumani", "Tehei", "Jean-Baptiste"]
SAINTS = ["Saint-Martin", "Saint-Pierre", "Saint-Jean", "Sainte-Marie", "Saint-Germain",
          "Saint-Laurent", "Saint-Denis", "Sainte-Croix", "Saint-Hilaire", "Saint-Julien"]
ROOTS = ["Beaumont", "Villeneuve", "Montreuil", "Fontaine", "Bellevue", "Champagnac",
         "Rochefort", "Clairefont", "Longchamp", "Mauriac", "Valbois", "Bourgneuf",
         "Mirande", "Roquevaire", "Lanvallon", "Plouzévin", "Kerbriac", "Haudricourt",
         "Vaulnaveys", "Aubigny", "Montagnac", "Brézolles", "Castelmont", "Serrières"]
RIVERS = ["Loire", "Seine", "Marne", "Garonne", "Dordogne", "Vienne", "Meuse", "Saône",
          "Lot", "Tarn", "Oise", "Aisne", "Cher", "Indre", "Sarthe", "Orne"]

DROM = ["971", "972", "973", "974", "976"]
COM = ["975", "977", "978", "986", "987", "988"]


def person(rnd):
    return rnd.choice(PRENOMS), rnd.choice(NOMS)


def commune_name(rnd):
    r = rnd.random()
    if r < 0.3:
        return f"{rnd.choice(SAINTS)}-sur-{rnd.choice(RIVERS)}"
    if r < 0.55:
        return f"{rnd.choice(ROOTS)}-sur-{rnd.choice(RIVERS)}"
    if r < 0.7:
        return f"{rnd.choice(SAINTS)}-de-{rnd.choice(ROOTS)}"
    return rnd.choice(ROOTS) + ("" if rnd.random() < 0.5 else f"-{rnd.choice(['le-Haut', 'les-Bains', 'la-Forêt', 'le-Vieux'])}")


def departements():
    """(code, weight): mainland by a rough population weight, DROM 3 %, COM 0.5 % overall."""
    mainland = [f"{n:02d}" for n in range(1, 96) if n != 20] + ["2A", "2B"]
    big = {"13", "31", "33", "59", "62", "69", "75", "92", "93", "94", "44", "06", "38",
           "67", "76", "77", "78", "91", "95", "34"}
    out = [(code, 30 if code in big else 10) for code in mainland]
    total = sum(w for _, w in out)
    out += [(code, total * 0.03 / len(DROM)) for code in DROM]
    out += [(code, total * 0.005 / len(COM)) for code in COM]
    return out


def postal_code(rnd, dept):
    if dept in ("2A", "2B"):
        return f"20{rnd.randint(0, 2) if dept == '2A' else rnd.randint(2, 6)}{rnd.randint(0, 9)}0"
    if len(dept) == 3:
        return {"975": "97500", "977": "97133", "978": "97150", "986": "98600"}.get(
            dept, f"{dept}{rnd.randint(0, 9)}{rnd.randint(0, 9)}")
    return f"{dept}{rnd.randint(0, 9)}{rnd.randint(0, 9)}0"
