// The table of every diagnostic code the tool itself emits: loader codes (records.md), the
// cross-record checks, the domain rules (domain.md), the build pipeline and the shared
// document engine. An emitter's own codes are declared by the emitter (EmitterInfo::codes);
// host/rule_catalog.hpp joins both. Severity is read from here when a
// rule reports, so a code cannot change severity in one place and not another.
#include <algorithm>

#include "rules/validate.hpp"

namespace tampon {
namespace {

constexpr Severity E = Severity::Error;
constexpr Severity W = Severity::Warning;

constexpr RuleInfo k_rules[] = {
    // Record format (records.md), emitted by the loader.
    {"unreadable-file", E, "outputs.md", "Fichier illisible (droits, disque, encodage)."},
    {"file-too-large", E, "outputs.md", "Fichier trop volumineux pour être lu."},
    // Files of the project that are not read (io/source_file.hpp), from every reader.
    {"source-outside", E, "outputs.md",
     "Lien symbolique qui mène hors de son dossier (data/, content/, templates/) : non lu."},
    {"source-not-regular", E, "outputs.md",
     "Tube nommé, socket, périphérique ou dossier à la place d'un fichier à lire."},
    {"source-skipped", W, "outputs.md",
     "Tube nommé, socket ou périphérique dans content/ ou les ressources du site : ignoré."},
    {"empty-file", W, "records.md", "Fichier sans aucun enregistrement."},
    {"yaml-syntax", E, "records.md", "Le fichier n'est pas un YAML valide."},
    {"duplicate-key", E, "records.md", "La même clé est écrite deux fois dans une table."},
    {"unknown-field", E, "records.md", "Champ inconnu (faute de frappe probable)."},
    {"wrong-type", E, "records.md", "Champ présent avec un type YAML inattendu."},
    {"missing-field", E, "records.md", "Champ obligatoire absent."},
    {"invalid-id", E, "records.md", "Identifiant hors du format ^[a-z0-9][a-z0-9-]{0,63}$."},
    {"invalid-date", E, "records.md",
     "Date, mois ou trimestre invalide, ou antérieur au 1900-01-01."},
    {"field-too-long", E, "outputs.md",
     "Texte plus long que 32 767 caractères, ce qu'une cellule de tableur ne peut contenir."},
    {"invalid-amount", E, "records.md", "Montant négatif ou avec plus de deux décimales."},
    {"invalid-departement", E, "records.md", "Code de département inconnu."},
    {"siret-checksum", E, "records.md", "SIRET sans 14 chiffres ou de clé de contrôle fausse."},
    {"invalid-iban", E, "records.md",
     "IBAN mal formé ou de clé de contrôle fausse (ISO 13616, modulo 97)."},
    {"invalid-bic", E, "records.md", "BIC hors du format ISO 9362 (8 ou 11 caractères)."},
    {"unknown-value", E, "records.md",
     "Valeur hors de sa liste (type de structure, thème, régime…)."},
    {"personal-data-in-text", W, "domain.md §7",
     "Adresse électronique, téléphone ou date de naissance dans un texte libre publié (faits "
     "marquants) : le bulletin la masque, retirez-la."},
    {"no-records", W, "records.md",
     "Aucun enregistrement lu : pas de dossier data/ ou aucun fichier de données."},
    // tampon import tableur (cli/tableur_import.cpp): any one of them and nothing is written.
    {"import-file", E, "outputs.md", "Fichier à importer illisible comme classeur XLSX ou CSV."},
    {"import-header", E, "outputs.md",
     "En-tête de colonne inconnu, en double, ou colonne id absente."},
    {"import-cell", E, "outputs.md", "Cellule qui ne peut pas devenir un champ de fiche."},
    {"import-would-overwrite", E, "outputs.md",
     "L'import remplacerait une fiche modifiée depuis : --force pour le permettre."},
    // tampon import pilotage (cli/pilotage_import.cpp): any error and nothing is written.
    {"pilotage-mapping", E, "outputs.md",
     "Fichier de correspondance d'export du tableau de pilotage invalide."},
    {"pilotage-header", E, "outputs.md",
     "Export du tableau de pilotage non reconnu d'après ses en-têtes, ou colonne en double."},
    {"pilotage-cell", E, "outputs.md",
     "Cellule d'un export du tableau de pilotage qui ne peut pas devenir un champ."},
    {"pilotage-link", E, "outputs.md",
     "Identifiant de structure de l'export qu'aucune fiche ne porte (id_pilotage)."},
    {"pilotage-duplicate", E, "outputs.md",
     "Même identifiant du tableau de pilotage sur deux lignes ou deux fiches."},
    {"pilotage-update", E, "outputs.md",
     "Fiche liée à l'export qui ne peut pas être mise à jour (fichier de plusieurs fiches)."},
    {"pilotage-value", W, "outputs.md",
     "Valeur de l'export absente de la correspondance : le champ reste à compléter."},
    // tampon import justification (cli/justification_import.cpp): any one and nothing is written.
    {"import-form-identity", E, "outputs.md",
     "Formulaire d'une autre structure, d'un autre trimestre ou d'une autre version des "
     "conventions que ce que Tampon produit (cellule B6)."},
    {"import-form-changed", E, "outputs.md",
     "Cellule protégée du formulaire de justification modifiée."},
    {"import-form-amount", E, "records.md",
     "Montant du formulaire qui n'est pas un nombre positif ou nul à deux décimales au plus, "
     "dépense sur un poste vacant, ou formulaire sans dépense."},
    {"import-form-date", E, "records.md", "Date des justificatifs hors du trimestre."},
    {"import-form-attestation", E, "outputs.md",
     "Attestation incomplète : nom, qualité, date ou lieu du signataire manquant."},
    {"import-form-text", E, "outputs.md",
     "Référence des justificatifs manquante ou trop longue, ou champ de l'attestation trop "
     "long."},
    {"import-form-target", E, "records.md",
     "Le fichier de déclarations du trimestre ne peut pas être modifié par l'import."},
    {"unknown-folder", W, "records.md",
     "Dossier de data/ que l'outil ne lit pas (faute de frappe probable)."},
    // The rules as data (data/baremes.yaml, data/smic.yaml), emitted by the loader.
    {"invalid-baremes", E, "domain.md §3",
     "Barème incohérent : ligne en double, montant ou durée manquant, majoration inconnue."},
    {"invalid-smic", E, "domain.md §5",
     "Table du SMIC incohérente : deux taux à la même date, mensuel et horaire qui divergent."},
    // Cross-record checks (records.md), emitted by validation.
    {"duplicate-id", E, "records.md", "Le même identifiant est défini deux fois."},
    {"reserved-id", E, "outputs.md",
     "Identifiant inutilisable comme nom de fichier (con, nul, com1… sous Windows) ou pris par "
     "un document (echeancier-global)."},
    {"dangling-reference", E, "records.md", "Référence à un enregistrement qui n'existe pas."},
    {"structure-mismatch", E, "records.md", "Référence à un enregistrement d'une autre structure."},
    {"date-order", E, "records.md", "Date de fin antérieure à la date de début."},
    // Domain rules (domain.md).
    {"ineligible-structure", E, "domain.md §2",
     "La famille de la structure n'est pas éligible au régime de la convention."},
    {"overseas-amount-unknown", E, "domain.md §3.3",
     "Poste outre-mer sans montant connu : un montant et une dérogation sont nécessaires."},
    {"amount-mismatch", E, "domain.md §3.4",
     "Le montant du poste diffère du montant calculé et aucune dérogation n'est donnée."},
    {"amount-above-ceiling", E, "domain.md §3.4",
     "Le montant dérogatoire dépasse le montant maximal du barème."},
    {"contract-not-allowed", E, "domain.md §3.4",
     "Combinaison famille × contrat × régime absente du barème."},
    {"cdd-too-long", E, "domain.md §5", "CDD plus long que la durée maximale du barème."},
    {"salary-below-smic", E, "domain.md §5",
     "Salaire inférieur au SMIC en vigueur proratisé aux heures hebdomadaires."},
    {"smic-territory-unknown", W, "domain.md §5",
     "Territoire au SMIC propre (Mayotte) sans taux connu à la date : comparaison au SMIC "
     "national, à titre indicatif."},
    {"coordinator-part-time", E, "domain.md §5", "Un coordinateur travaille à temps complet."},
    {"late-selection", W, "domain.md §5",
     "Sélection au-delà du délai suivant la présentation du candidat."},
    {"late-contract", W, "domain.md §5", "Contrat signé au-delà du délai suivant la sélection."},
    {"contract-after-training", E, "domain.md §5", "Contrat signé après le départ en formation."},
    {"late-training", W, "domain.md §5",
     "Départ en formation au-delà du délai suivant le début du contrat."},
    {"training-hours", E, "domain.md §5",
     "Durée de formation hors de la liste du barème, sans dispense."},
    {"late-coordinator-recruitment", W, "domain.md §5",
     "Coordinateur recruté au-delà du délai suivant la notification du poste."},
    {"convention-too-long", E, "domain.md §6",
     "Convention plus longue que la durée maximale du barème."},
    {"double-assignment", E, "domain.md §6",
     "Un conseiller occupe deux postes sur la même période."},
    {"posts-exceeded", E, "domain.md §6",
     "Plus de conseillers en poste que de postes conventionnés."},
    {"occupied-post-removed", E, "domain.md §6",
     "Un avenant de retrait ne peut retirer qu'un poste vacant."},
    {"substitution-incomplete", W, "domain.md §6",
     "Substitution de coordinateur sans son avenant ou sans la convention de coordinateur "
     "qui reprend le poste [002 III.b]."},
    // Plugin host and build pipeline (outputs.md).
    {"plugin-load", E, "outputs.md",
     "Module d'émetteur introuvable, illisible ou d'une version d'interface différente."},
    {"emitter-output", E, "outputs.md",
     "Un émetteur annonce un chemin de sortie invalide, hors de out/ ou déjà pris."},
    {"render-failed", E, "outputs.md", "Un document n'a pas pu être produit par son émetteur."},
    {"output-failure", E, "outputs.md", "Écriture impossible dans le dossier de sortie."},
    {"external-emitter-failed", E, "outputs.md",
     "Un émetteur externe a échoué ou a répondu hors du protocole."},
    {"external-emitter", E, "outputs.md",
     "Constat d'un émetteur externe sans code déclaré (erreur ou avertissement, selon lui)."},
    // Document engine and templates (templates/), shared by the PDF emitters.
    {"template-missing", E, "outputs.md", "Gabarit de document absent de templates/."},
    {"template-syntax", E, "outputs.md", "Balise de gabarit mal formée ou non fermée."},
    {"template-unknown-variable", E, "outputs.md",
     "Le gabarit utilise une variable que l'émetteur ne fournit pas."},
    {"missing-glyph", E, "outputs.md", "Caractère absent des polices du document."},
    {"document-resource", E, "outputs.md",
     "Police ou dictionnaire de césure introuvable sur la machine."},
    {"document-failed", E, "outputs.md",
     "Une convention ou un avenant n'a pas pu être mis en page."},
};

// Codes whose findings weigh a field against another record's (two records, or a record and
// the one it names): each carries a note at that other record's field whenever it exists
// (dangling-reference: at the id it probably meant). tests/unit/rules/fixtures_test.cpp
// requires the note on every fixture of these codes, so list a new cross-record code here.
constexpr std::string_view k_cross_record[] = {
    "duplicate-id",           "dangling-reference",      "structure-mismatch",
    "ineligible-structure",   "overseas-amount-unknown", "contract-not-allowed",
    "smic-territory-unknown", "double-assignment",       "posts-exceeded",
    "occupied-post-removed",  "substitution-incomplete",
};

}  // namespace

bool is_cross_record(std::string_view code) {
  return std::ranges::find(k_cross_record, code) != std::end(k_cross_record);
}

std::span<const RuleInfo> rule_table() { return k_rules; }

const RuleInfo* find_rule(std::string_view code) {
  auto it = std::ranges::find(k_rules, code, &RuleInfo::code);
  return it == std::end(k_rules) ? nullptr : &*it;
}

}  // namespace tampon
