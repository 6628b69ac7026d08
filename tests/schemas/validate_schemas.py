#!/usr/bin/python3
"""The JSON Schemas of schemas/ checked with a real validator (Debian's python3-jsonschema).

Usage: validate_schemas.py SOURCE_DIR accept|reject|project DIR|mutants DIR

accept   every record of the shipped sample (data/), of the skeleton of `tampon init`
         (templates/projet/), of the records.md examples (tests/fixtures/load/records-md) and
         of the manual's examples (docs/fiches.md, the yaml blocks naming a data/ file) is
         accepted;
reject   in every rule fixture (tests/fixtures/rules/<code>/), each record file a finding
         points at is rejected, unless the finding is out of a schema's reach (OUT_OF_REACH
         below says why), and every other record file is accepted;
project  every record of the project DIR is accepted against DIR/schemas/ (what `tampon
         init` wrote);
mutants  the records DIR/mutants.json lists (written by tests/unit/load/record_fields_test.cpp:
         complete records broken one field at a time) are rejected exactly when `tampon
         validate` refuses them.

The YAML is read as editors read it (yaml-language-server): the YAML 1.2 core schema, where
2021-03-15 is a string, not a date. Decimal numbers are read as Decimal, so that `multipleOf:
0.01` (money has at most two decimals) is exact.
"""
import decimal
import glob
import json
import os
import re
import sys
import tempfile

import jsonschema
import yaml

FOLDERS = {
    "structures": "structure",
    "conseillers": "conseiller",
    "conventions": "convention",
    "avenants": "avenant",
    "versements": "versement",
    "rapports": "rapport",
    "depenses": "depense",
}

# Why a schema cannot reject the files these fixtures point at. A schema sees one record,
# with the keys a YAML reader already merged; anything needing another record, the project's
# rules data (baremes.yaml, smic.yaml), a checksum or a rule of domain.md is checked by
# `tampon validate` alone. Keyed by code, or by (code, file) when the fixture holds both.
CROSS = "règle entre fiches : il faut lire d'autres fiches"
DATA = "dépend des données de règles du projet (baremes.yaml, smic.yaml), que le schéma ne lit pas"
DOMAIN = ("règle de domain.md (délais, durées, montants) : le schéma décrit le format des "
          "fiches (records.md), tampon validate applique les règles")
OUT_OF_REACH = {
    # Keys and bytes: the YAML reader keeps one of two equal keys before any schema runs.
    "duplicate-key": "un lecteur YAML garde une seule des deux clés avant que le schéma ne voie la fiche",
    # Checksums: a pattern checks the shape, not the key.
    ("siret-checksum", "data/structures/commune-voisine.yaml"):
        "clé de Luhn du SIRET : un motif vérifie 14 chiffres, pas la clé",
    "invalid-iban": "clé modulo 97 (ISO 13616) : un motif vérifie la forme de l'IBAN, pas la clé",
    # The rules data of the project.
    ("unknown-value", "data/conventions/cv-2021-0001.yaml"):
        "les régimes sont ceux de baremes.yaml, qu'un projet peut compléter : " + DATA,
    "invalid-baremes": "baremes.yaml n'est pas une fiche : " + DATA,
    "invalid-smic": "smic.yaml n'est pas une fiche : " + DATA,
    "smic-territory-unknown": DATA,
    "salary-below-smic": DATA,
    "contract-not-allowed": DATA,
    "amount-mismatch": DATA,
    "amount-above-ceiling": DATA,
    "overseas-amount-unknown": DATA,
    "ineligible-structure": CROSS + " (structure et convention) ; " + DATA,
    # Across records.
    "duplicate-id": CROSS,
    "dangling-reference": CROSS,
    "structure-mismatch": CROSS,
    "double-assignment": CROSS,
    "posts-exceeded": CROSS,
    "occupied-post-removed": CROSS,
    "substitution-incomplete": CROSS,
    "reserved-id": "noms réservés par Windows et par les documents produits : vérifiés par "
                   "tampon validate avec les autres identifiants",
    # domain.md rules inside one record.
    "date-order": DOMAIN,
    "cdd-too-long": DOMAIN,
    "convention-too-long": DOMAIN,
    "coordinator-part-time": DOMAIN,
    "contract-after-training": DOMAIN,
    "late-contract": DOMAIN,
    "late-coordinator-recruitment": DOMAIN,
    "late-selection": DOMAIN,
    "late-training": DOMAIN,
    "training-hours": DOMAIN,
    "personal-data-in-text": "motifs de données personnelles dans un texte libre : un "
                             "avertissement de tampon validate, pas une erreur de format",
}

# Fixtures whose findings a schema must reproduce (records.md format, in one record), with
# what the schema's complaint must name: the field the loader's finding points at.
IN_REACH = {
    "unknown-field": "'telefone' was unexpected",
    "wrong-type": "contrat/heures_hebdo: 'trente-cinq' is not of type 'number'",
    "missing-field": "contrat: 'fin' is a required property",
    "invalid-id": "id: 'Avenant 1' does not match",
    "invalid-date": "signature: '0000-01-01' does not match",
    "invalid-amount": "postes/0/montant: Decimal('50000.005') is not a multiple of 0.01",
    "invalid-departement": "departement: '20' is not one of",
    "siret-checksum": "siret: '2159013970001' does not match",
    "invalid-bic": "bic: 'CDCG-FRPP' does not match",
    "unknown-value": "role: 'conseillere' is not one of",
    "field-too-long": "nom: 'AAAA",
}


class CoreLoader(yaml.SafeLoader):
    """YAML 1.2 core schema: no timestamps, no yes/no booleans, no sexagesimal numbers."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), None)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def construct_float(loader, node):
    text = loader.construct_scalar(node)
    if "inf" in text.lower() or "nan" in text.lower():
        return float(text.replace(".", "", 1))
    return decimal.Decimal(text)


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", construct_float)


def load_validators(schema_dir):
    """kind -> (validator of a file, validator of one record)."""
    validators = {}
    for kind in FOLDERS.values():
        with open(os.path.join(schema_dir, kind + ".schema.json"), encoding="utf-8") as f:
            schema = json.load(f, parse_float=decimal.Decimal)
        jsonschema.Draft7Validator.check_schema(schema)
        # One record on its own, for errors that name the field rather than "not valid under
        # any of the given schemas" (the file's schema: a record or a list of records).
        record = {"allOf": [{"$ref": "#/definitions/" + kind}],
                  "definitions": schema["definitions"]}
        validators[kind] = (jsonschema.Draft7Validator(schema),
                            jsonschema.Draft7Validator(record))
    return validators


def record_files(project):
    """(path relative to the project, kind) of every record file, as the loader lists them."""
    out = []
    for folder, kind in FOLDERS.items():
        root = os.path.join(project, "data", folder)
        for path in glob.glob(os.path.join(root, "**", "*"), recursive=True):
            rel = os.path.relpath(path, project)
            if any(part.startswith(".") for part in rel.split(os.sep)):
                continue
            if os.path.isfile(path) and path.endswith((".yaml", ".yml")):
                out.append((rel, kind))
    return sorted(out)


def problems(validators, project, rel, kind):
    """The schema's complaints about one file: one line each, empty when it is accepted."""
    with open(os.path.join(project, rel), encoding="utf-8") as f:
        documents = list(yaml.load_all(f, Loader=CoreLoader))
    whole, one = validators[kind]
    found = []
    for document in documents:
        if document is None or whole.is_valid(document):
            continue
        records = document if isinstance(document, list) else [document]
        for i, record in enumerate(records):
            for error in one.iter_errors(record):
                where = "/".join(str(p) for p in error.absolute_path)
                prefix = f"[{i}]/" if isinstance(document, list) else ""
                found.append(f"{rel}: {prefix}{where or '(fiche)'}: {error.message[:200]}")
        if not found:
            found.append(f"{rel}: (fichier): ni une fiche ni une liste de fiches")
    return found


def accept(source, project, schema_dir, label):
    validators = load_validators(schema_dir)
    files = record_files(project)
    failures = []
    for rel, kind in files:
        failures += problems(validators, project, rel, kind)
    if not files:
        failures.append(f"{label} : aucune fiche trouvée dans {project}")
    print(f"{label} : {len(files)} fichiers de fiches lus")
    return failures


def expected_files(fixture):
    """The files the fixture's findings point at (expected.txt: `file:line:column: code`)."""
    files = set()
    with open(os.path.join(fixture, "expected.txt"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                files.add(line.split(":", 1)[0])
    return files


def reject(source):
    validators = load_validators(os.path.join(source, "schemas"))
    root = os.path.join(source, "tests", "fixtures", "rules")
    failures = []
    codes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    for code in codes:
        listed = code in IN_REACH or code in OUT_OF_REACH or any(
            isinstance(k, tuple) and k[0] == code for k in OUT_OF_REACH)
        if not listed:
            failures.append(f"{code} : fixture absente des listes IN_REACH / OUT_OF_REACH de ce "
                            "test ; dites si un schéma peut la rejeter")
            continue
        fixture = os.path.join(root, code)
        pointed = expected_files(fixture)
        rejected = 0
        for rel, kind in record_files(fixture):
            found = problems(validators, fixture, rel, kind)
            out_of_reach = code in OUT_OF_REACH or (code, rel) in OUT_OF_REACH
            if rel in pointed and not out_of_reach:
                if not found:
                    failures.append(f"{code} : {rel} est accepté par le schéma {kind}, "
                                    "alors que tampon validate le refuse")
                elif not any(IN_REACH.get(code, "") in line for line in found):
                    failures.append(f"{code} : {rel} est refusé, mais pas pour « "
                                    f"{IN_REACH.get(code)} » :\n    " + "\n    ".join(found))
                rejected += 1
            elif found and rel not in pointed:
                failures.append(f"{code} : {rel} est refusé par le schéma alors que tampon "
                                "validate l'accepte :\n    " + "\n    ".join(found))
        if code in IN_REACH and rejected == 0:
            failures.append(f"{code} : aucun fichier de la fixture n'est rejeté")
    print(f"{len(codes)} fixtures de règles : {len(IN_REACH)} à la portée d'un schéma")
    return failures


def mutants(source, directory):
    validators = load_validators(os.path.join(source, "schemas"))
    with open(os.path.join(directory, "mutants.json"), encoding="utf-8") as f:
        listed = json.load(f)
    failures = []
    for m in listed:
        found = problems(validators, directory, m["file"], m["kind"])
        if m["refused"] and not found:
            failures.append(f"{m['kind']} {m['what']} : accepté par le schéma, refusé par "
                            "tampon validate")
        elif found and not m["refused"]:
            failures.append(f"{m['kind']} {m['what']} : refusé par le schéma, accepté par "
                            "tampon validate :\n    " + "\n    ".join(found))
    print(f"{len(listed)} enregistrements modifiés lus")
    return failures


def manual_examples(source, into):
    """Writes the manual's record examples (docs/fiches.md) as a project under `into`."""
    with open(os.path.join(source, "docs", "fiches.md"), encoding="utf-8") as f:
        blocks = re.findall(r"^```yaml\n(.*?)^```$", f.read(), re.M | re.S)
    for block in blocks:
        first = block.split("\n", 1)[0]
        if not first.startswith("# data/"):
            continue
        path = os.path.join(into, first[2:])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(block)
    return into


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    source, mode = sys.argv[1], sys.argv[2]
    schemas = os.path.join(source, "schemas")
    if mode == "accept":
        failures = []
        for project, label in [(source, "data/"),
                               (os.path.join(source, "templates", "projet"), "templates/projet/"),
                               (os.path.join(source, "tests", "fixtures", "load", "records-md"),
                                "exemples de records.md")]:
            failures += accept(source, project, schemas, label)
        with tempfile.TemporaryDirectory() as manual:
            failures += accept(source, manual_examples(source, manual), schemas,
                               "exemples de docs/fiches.md")
    elif mode == "reject":
        failures = reject(source)
    elif mode == "mutants" and len(sys.argv) == 4:
        failures = mutants(source, sys.argv[3])
    elif mode == "project" and len(sys.argv) == 4:
        project = sys.argv[3]
        failures = accept(source, project, os.path.join(project, "schemas"), project)
    else:
        sys.exit(__doc__)
    for failure in failures:
        print(failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
