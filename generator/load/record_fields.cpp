#include "load/record_fields.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "load/value_formats.hpp"

namespace tampon::load {
namespace {

using T = FieldType;
constexpr Need R = Need::Required;
constexpr Need O = Need::Optional;

constexpr int k_max_count = 1'000'000;  // rapport counts

// ---- Conditions (the decoder checks the avenant's; generator/rules the two others: the
// contract's end in rules/contracts.cpp, the vacant post's contract in rules/amounts.cpp) ----

bool needs_contract_end(std::size_t i) {  // rules/contracts.cpp, missing-field
  auto type = static_cast<ContractType>(i);
  return is_cdd(type) || is_contrat_de_projet(type);
}
template <AvenantObjet objet>
bool is_objet(std::size_t i) {
  return i == static_cast<std::size_t>(objet);
}

constexpr Requirement k_contrat_rules[] = {
    {"type", &needs_contract_end, "fin",
     "un CDD ou un contrat de projet indique sa date de fin « fin »", CheckedBy::Rules},
};
constexpr Requirement k_poste_rules[] = {
    {"conseiller", nullptr, "contrat",
     "un poste vacant (sans « conseiller ») indique le type de contrat prévu « contrat »",
     CheckedBy::Rules},
};
constexpr Requirement k_avenant_rules[] = {
    {"objet", &is_objet<AvenantObjet::AjoutPostes>, "postes_ajoutes",
     "un avenant d'objet « ajout-postes » indique « postes_ajoutes »"},
    {"objet", &is_objet<AvenantObjet::RetraitPostes>, "postes_retires",
     "un avenant d'objet « retrait-postes » indique « postes_retires »"},
    {"objet", &is_objet<AvenantObjet::SubstitutionCoordinateur>, "substitution",
     "un avenant d'objet « substitution-coordinateur » indique « substitution »"},
    {"objet", &is_objet<AvenantObjet::Prolongation>, "nouvelle_fin",
     "un avenant d'objet « prolongation » indique « nouvelle_fin »"},
};

// ---- structure ----

constexpr Field k_adresse[] = {
    {"ligne", T::Text, O, "Numéro et voie (facultatif)."},
    {"code_postal", T::Text, R, "Code postal, entre guillemets : \"59540\"."},
    {"commune", T::Text, R, "Commune."},
};
constexpr Field k_representant[] = {
    {"nom", T::Text, R, "Nom de la personne qui signe la convention pour la structure."},
    {"qualite", T::Text, R, "Sa qualité, imprimée sous sa signature : Maire, Président…"},
};
constexpr Field k_contact[] = {
    {"nom", T::Text, R, "Nom de la personne qui suit le dossier (jamais publié)."},
    {"courriel", T::Text, R, "Son adresse électronique (jamais publiée)."},
    {"telephone", T::Text, O, "Son téléphone, entre guillemets (facultatif, jamais publié)."},
};
constexpr Field k_structure[] = {
    {"id", T::Id, R,
     "Identifiant unique de la structure : minuscules sans accent, chiffres et tirets "
     "(commune-de-bazuel). D'autres fiches le citent."},
    {"nom", T::Text, R, "Nom officiel de la structure, imprimé sur la convention."},
    {"type",
     T::Choice,
     R,
     "Nature juridique de la structure ; elle donne sa famille (éligibilité).",
     {},
     choices_of<StructureType>()},
    {"siret", T::Siret, R,
     "SIRET : 14 chiffres entre guillemets ; sa clé de contrôle est vérifiée par « tampon "
     "validate »."},
    {"adresse", T::Map, R, "Adresse de la structure.", k_adresse},
    {"departement", T::Departement, R,
     "Département, entre guillemets : \"01\" à \"95\", \"2A\", \"2B\", \"971\" à \"978\", "
     "\"986\" à \"988\". Il donne la majoration outre-mer et le SMIC applicable."},
    {"representant", T::Map, R, "Qui signe la convention pour la structure.", k_representant},
    {"contact", T::Map, R, "Qui suit le dossier : donnée personnelle, jamais publiée.", k_contact},
    {"contrat_de_projet_autorise", T::Boolean, O,
     "Structure privée autorisée à recruter en contrat de projet (défaut : false)."},
    {"iban", T::Iban, O,
     "IBAN du compte où la subvention est versée (facultatif ; espaces permis). Sa clé "
     "(modulo 97, ISO 13616) est vérifiée par « tampon validate » (invalid-iban). Absent, la "
     "convention demande un RIB en annexe."},
    {"bic", T::Bic, O,
     "BIC de la banque : 8 ou 11 lettres et chiffres (ISO 9362), par exemple CDCGFRPPXXX "
     "(facultatif)."},
    {"deliberation", T::Date, O,
     "Date de la délibération qui autorise le représentant à signer (collectivités ; "
     "facultatif), citée dans la convention."},
    {"id_pilotage", T::Text, O,
     "Identifiant de la fiche dans le tableau de pilotage, écrit par « tampon import pilotage » "
     "pour relier les exports successifs (facultatif ; aucun document ne l'imprime)."},
};

// ---- conseiller ----

constexpr Field k_recrutement[] = {
    {"presentation", T::Date, O, "Candidat présenté sur la plateforme nationale."},
    {"selection", T::Date, O, "Candidat retenu par la structure."},
    {"signature_contrat", T::Date, O, "Contrat de travail signé."},
    {"notification_poste", T::Date, O, "Coordinateurs : date de notification du poste."},
};
constexpr Field k_contrat[] = {
    {"type", T::Choice, R, "Type du contrat de travail.", {}, choices_of<ContractType>()},
    {"debut", T::Date, R, "Début du contrat."},
    {"fin", T::Date, O, "Fin du contrat : obligatoire pour un CDD ou un contrat de projet."},
    {"heures_hebdo",
     T::Number,
     R,
     "Heures par semaine, de 1 à 48 (35 = temps complet ; 17.5 possible).",
     {},
     {},
     1,
     48},
    {"salaire_brut_mensuel", T::Money, R,
     "Salaire brut mensuel en euros, comparé au SMIC proratisé."},
    {"aides_emploi", T::Money, O,
     "Aide à l'emploi CUI-CIE ou PEC reçue pour ce poste, déduite de la subvention (défaut 0)."},
};
constexpr Field k_formation[] = {
    {"depart", T::Date, O, "Départ en formation ; point de départ des tranches en relance-2021."},
    {"heures", T::Integer, O, "Heures de formation : 105, 280, 350 ou 420.", {}, {}, 0, 10000},
    {"exemption", T::Boolean, O, "Titulaire du titre RMN, dispensé de formation (défaut false)."},
};
constexpr Field k_rupture[] = {
    {"date", T::Date, R, "Date de la fin anticipée du contrat."},
    {"motif", T::Text, R, "Motif : démission, fin de période d'essai…"},
};
constexpr Field k_conseiller[] = {
    {"id", T::Id, R, "Identifiant unique du conseiller, de préférence un numéro stable : cn-0001."},
    {"prenom", T::Text, R, "Prénom."},
    {"nom", T::Text, R, "Nom."},
    {"courriel", T::Text, R, "Adresse électronique : donnée personnelle, jamais publiée."},
    {"structure", T::Id, R, "Identifiant de la structure qui l'emploie."},
    {"role", T::Choice, R, "conseiller ou coordinateur.", {}, choices_of<Role>()},
    {"publication_nom", T::Boolean, O,
     "Son nom peut paraître dans les bulletins (défaut : false)."},
    {"recrutement", T::Map, O, "Dates du recrutement, vérifiées quand elles sont données.",
     k_recrutement},
    {"contrat", T::Map, R, "Le contrat de travail.", k_contrat, {}, 0, 0, k_contrat_rules},
    {"formation", T::Map, O, "La formation initiale.", k_formation},
    {"rupture", T::Map, O, "Fin anticipée du contrat.", k_rupture},
    {"id_pilotage", T::Text, O,
     "Identifiant de la fiche dans le tableau de pilotage, écrit par « tampon import pilotage » "
     "pour relier les exports successifs (facultatif ; aucun document ne l'imprime)."},
};

// ---- convention (and the posts an avenant adds) ----

constexpr Field k_substitue[] = {
    {"convention", T::Id, R, "Convention du poste de conseiller remplacé."},
    {"poste", T::Integer, R, "Numéro du poste remplacé dans cette convention.", {}, {}, 1, 999},
};
constexpr Field k_poste[] = {
    {"numero", T::Integer, R, "Numéro du poste dans la convention, de 1 à 999.", {}, {}, 1, 999},
    {"role", T::Choice, R, "conseiller ou coordinateur.", {}, choices_of<Role>()},
    {"conseiller", T::Id, O, "Le conseiller qui occupe le poste ; absent pour un poste vacant."},
    {"contrat",
     T::Choice,
     O,
     "Type de contrat prévu : obligatoire pour un poste vacant, sinon pris dans la fiche du "
     "conseiller.",
     {},
     choices_of<ContractType>()},
    {"montant", T::Money, O,
     "Montant du poste en euros (facultatif) : il doit égaler le barème, sauf dérogation."},
    {"derogation", T::Text, O,
     "Motif d'un montant fixé au cas par cas, imprimé dans la convention."},
    {"substitue", T::Map, O,
     "Coordinateurs (coordinateur-2023) : le poste de conseiller que ce poste remplace "
     "(avenant de substitution).",
     k_substitue},
};
constexpr Field k_convention[] = {
    {"id", T::Id, R, "Identifiant unique de la convention (cv-2021-0042) ; il nomme le PDF."},
    {"structure", T::Id, R, "Identifiant de la structure signataire."},
    {"regime", T::Text, R,
     "Régime de data/baremes.yaml : relance-2020, relance-2021 ou coordinateur-2023 pour les "
     "barèmes livrés."},
    {"signature", T::Date, R, "Date de signature par toutes les parties."},
    {"debut", T::Date, R, "Début de la période couverte."},
    {"fin", T::Date, R, "Fin de la période couverte : 36 mois au plus après le début."},
    {"dossier", T::Text, O, "Numéro de dossier externe, imprimé sur le PDF (facultatif)."},
    {"deliberation", T::Date, O,
     "Date de la délibération qui autorise la signature de cette convention (facultatif ; "
     "prime sur celle de la structure)."},
    {"postes",
     T::List,
     R,
     "Les postes financés (la liste peut être vide).",
     k_poste,
     {},
     0,
     0,
     k_poste_rules},
    {"id_pilotage", T::Text, O,
     "Identifiant de la fiche dans le tableau de pilotage, écrit par « tampon import pilotage » "
     "pour relier les exports successifs (facultatif ; aucun document ne l'imprime)."},
};

// ---- avenant ----

constexpr Field k_substitution[] = {
    {"poste",
     T::Integer,
     R,
     "Le poste de conseiller qui devient poste de coordinateur.",
     {},
     {},
     1,
     999},
    {"contrat", T::Choice, R, "Type du nouveau contrat.", {}, choices_of<ContractType>()},
};
constexpr Field k_avenant[] = {
    {"id", T::Id, R, "Identifiant unique de l'avenant (cv-2021-0042-av1) ; il nomme le PDF."},
    {"convention", T::Id, R, "Identifiant de la convention modifiée."},
    {"numero", T::Integer, R, "Numéro de l'avenant, de 1 à 999.", {}, {}, 1, 999},
    {"date", T::Date, R, "Date de l'avenant."},
    {"objet",
     T::Choice,
     R,
     "Ce que change l'avenant ; chaque objet demande son champ.",
     {},
     choices_of<AvenantObjet>()},
    {"postes_ajoutes",
     T::List,
     O,
     "ajout-postes : les postes ajoutés, comme dans une convention.",
     k_poste,
     {},
     0,
     0,
     k_poste_rules},
    {"postes_retires",
     T::IntList,
     O,
     "retrait-postes : numéros des postes vacants retirés, par exemple [2, 3].",
     {},
     {},
     1,
     999},
    {"substitution", T::Map, O,
     "substitution-coordinateur : le poste qui devient poste de coordinateur.", k_substitution},
    {"nouvelle_fin", T::Date, O,
     "prolongation : nouvelle date de fin (36 mois au plus après le début)."},
    {"motif", T::Text, R, "Motif de l'avenant, imprimé dans l'avenant."},
};

// ---- versement ----

constexpr Field k_versement[] = {
    {"convention", T::Id, R, "Identifiant de la convention."},
    {"poste", T::Integer, R, "Numéro du poste dans la convention.", {}, {}, 1, 999},
    {"tranche",
     T::Integer,
     R,
     "Numéro de la tranche dans l'échéancier du poste, de 1 à 99.",
     {},
     {},
     1,
     99},
    {"date", T::Date, R, "Date du paiement."},
    {"montant", T::Money, R, "Montant versé en euros."},
    {"statut", T::Choice, R, "versee ou suspendue.", {}, choices_of<VersementStatut>()},
};

// ---- rapport ----

constexpr Field k_activites[] = {
    {"accompagnements_individuels",
     T::Integer,
     O,
     "Accompagnements individuels (défaut 0).",
     {},
     {},
     0,
     k_max_count},
    {"ateliers_collectifs",
     T::Integer,
     O,
     "Ateliers collectifs (défaut 0).",
     {},
     {},
     0,
     k_max_count},
    {"participants_ateliers",
     T::Integer,
     O,
     "Participants aux ateliers (défaut 0).",
     {},
     {},
     0,
     k_max_count},
    {"demandes_ponctuelles",
     T::Integer,
     O,
     "Demandes ponctuelles (défaut 0).",
     {},
     {},
     0,
     k_max_count},
    {"appels_solidarite_numerique",
     T::Integer,
     O,
     "Appels reçus de la ligne nationale Solidarité Numérique (défaut 0).",
     {},
     {},
     0,
     k_max_count},
};
constexpr Field k_rapport[] = {
    {"structure", T::Id, R, "Identifiant de la structure."},
    {"conseiller", T::Id, R, "Identifiant du conseiller."},
    {"mois", T::Month, R, "Mois du rapport, AAAA-MM."},
    {"activites", T::Map, R, "Nombres de séances ; chaque clé est facultative.", k_activites},
    {"usagers_accompagnes",
     T::Integer,
     R,
     "Personnes accompagnées dans le mois.",
     {},
     {},
     0,
     k_max_count},
    {"themes",
     T::Counts,
     O,
     "Nombre d'accompagnements par thème.",
     {},
     choices_of<Theme>(),
     0,
     k_max_count},
    {"lieux",
     T::Counts,
     O,
     "Nombre d'accompagnements par lieu.",
     {},
     choices_of<Lieu>(),
     0,
     k_max_count},
    {"faits_marquants", T::Text, O,
     "Texte Markdown repris dans le bulletin de la structure : aucune donnée personnelle "
     "(courriel, téléphone, date de naissance)."},
};

// ---- depense ----

constexpr Field k_ligne[] = {
    {"conseiller", T::Id, R, "Identifiant du conseiller."},
    {"salaires_bruts", T::Money, R, "Salaires bruts du trimestre, en euros."},
    {"charges_patronales", T::Money, R, "Charges patronales du trimestre, en euros."},
    {"frais", T::Money, R, "Frais du poste (déplacements, équipement), en euros."},
    {"justificatif", T::Text, R, "Référence de la pièce justificative."},
};
constexpr Field k_depense[] = {
    {"structure", T::Id, R, "Identifiant de la structure."},
    {"convention", T::Id, R, "Identifiant de la convention."},
    {"trimestre", T::Quarter, R, "Trimestre déclaré, AAAA-Tn (n de 1 à 4)."},
    {"lignes", T::List, R, "Une ligne par conseiller.", k_ligne},
};

constexpr RecordTable k_tables[] = {
    {RecordKind::Structure,
     "Une structure employeuse : elle signe la convention et emploie les "
     "conseillers.",
     k_structure},
    {RecordKind::Conseiller, "Un conseiller numérique ou un coordinateur, avec son contrat.",
     k_conseiller},
    {RecordKind::Convention, "Une convention de subvention, avec ses postes.", k_convention},
    {RecordKind::Avenant, "Un avenant à une convention.", k_avenant, k_avenant_rules},
    {RecordKind::Versement, "Une tranche versée (ou suspendue) par la Banque des Territoires.",
     k_versement},
    {RecordKind::Rapport, "Le rapport mensuel d'activité d'un conseiller.", k_rapport},
    {RecordKind::Depense, "La déclaration trimestrielle des dépenses d'une convention.", k_depense},
};

}  // namespace

const RecordTable& record_table(RecordKind kind) {
  return k_tables[static_cast<std::size_t>(kind)];
}

std::span<const RecordTable> record_tables() { return k_tables; }

const Field* find_field(std::span<const Field> fields, std::string_view name) {
  for (const Field& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string_view type_name(FieldType type) {
  constexpr std::string_view names[] = {
      "id",    "text",    "departement", "siret",   "iban",   "bic", "date", "month",    "quarter",
      "money", "integer", "number",      "boolean", "choice", "map", "list", "int-list", "counts"};
  return names[static_cast<std::size_t>(type)];
}

std::string_view pattern_of(FieldType type) {
  // Years from 1900 (MapReader: spreadsheets count days from 1900), four digits.
#define TAMPON_YEAR "(?:19[0-9]{2}|[2-9][0-9]{3})"
  // 29 February: years divisible by 4 but not by 100, or by 400 (1900 is not one).
#define TAMPON_LEAP                                                                     \
  "(?:19(?:0[48]|[2468][048]|[13579][26])|[2-9][0-9](?:0[48]|[2468][048]|[13579][26])|" \
  "(?:[2468][048]|[3579][26])00)"
  switch (type) {
    case FieldType::Id:
      return "^[a-z0-9][a-z0-9-]{0,63}$";
    case FieldType::Siret:
      return "^[0-9]{14}$";
    case FieldType::Iban:
      return "^[ \\t]*[A-Za-z][ \\t]*[A-Za-z][ \\t]*[0-9][ \\t]*[0-9](?:[ \\t]*[A-Za-z0-9]){11,30}"
             "[ \\t]*$";
    case FieldType::Bic:
      return "^[ \\t]*(?:[A-Za-z][ \\t]*){6}(?:[A-Za-z0-9][ \\t]*){2}(?:(?:[A-Za-z0-9][ "
             "\\t]*){3})?$";
    case FieldType::Date:
      return "^(?:" TAMPON_YEAR
             "-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|"
             "30)"
             "|02-(?:0[1-9]|1[0-9]|2[0-8]))|" TAMPON_LEAP "-02-29)$";
    case FieldType::Month:
      return "^" TAMPON_YEAR "-(?:0[1-9]|1[0-2])$";
    case FieldType::Quarter:
      return "^" TAMPON_YEAR "-T[1-4]$";
    default:
      return {};
  }
#undef TAMPON_YEAR
#undef TAMPON_LEAP
}

std::span<const std::string_view> departement_codes() {
  // Every code of two or three characters that the decoder's own check accepts: the list
  // cannot differ from it.
  static const std::vector<std::string_view> codes = [] {
    static std::vector<std::string> storage;
    const std::string alphabet = "0123456789AB";
    for (std::size_t length = 2; length <= 3; ++length) {
      std::size_t total = 1;
      for (std::size_t i = 0; i < length; ++i) total *= alphabet.size();
      for (std::size_t n = 0; n < total; ++n) {
        std::string code(length, '0');
        for (std::size_t i = 0, rest = n; i < length; ++i, rest /= alphabet.size())
          code[length - 1 - i] = alphabet[rest % alphabet.size()];
        if (is_valid_departement(code)) storage.push_back(code);
      }
    }
    std::sort(storage.begin(), storage.end());
    std::vector<std::string_view> views(storage.begin(), storage.end());
    return views;
  }();
  return codes;
}

}  // namespace tampon::load
