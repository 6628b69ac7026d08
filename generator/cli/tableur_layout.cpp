#include "cli/tableur_layout.hpp"

#include <algorithm>

#include "tampon/enums.hpp"

namespace tampon::cli::tableur {
namespace {

using T = ColumnType;

// The closed lists come from records.md's enums (tampon/enums.hpp), spelt once; regimes and
// training hours are not enums (the rules data and domain.md name them).
const auto k_structure_types = names<StructureType>();
const auto k_roles = names<Role>();
const auto k_contrats = names<ContractType>();
const auto k_objets = names<AvenantObjet>();
const auto k_statuts = names<VersementStatut>();
constexpr std::string_view k_regimes[] = {"relance-2020", "relance-2021", "coordinateur-2023"};
constexpr std::string_view k_heures[] = {"105", "280", "350", "420"};

const Column k_structure[] = {
    {"id", T::Text, "Identifiant unique : minuscules, chiffres et tirets (il nomme les fichiers)"},
    {"nom", T::Text, "Nom de la structure"},
    {"type", T::Text, "Type de structure (liste : il donne la famille)", k_structure_types},
    {"siret", T::Text, "SIRET : 14 chiffres, clé de contrôle valide"},
    {"adresse.ligne", T::Text, "Adresse (facultatif)"},
    {"adresse.code_postal", T::Text, "Code postal"},
    {"adresse.commune", T::Text, "Commune"},
    {"departement", T::Text, "Département : 01 à 95, 2A, 2B, 971 à 976…"},
    {"representant.nom", T::Text, "Qui signe la convention"},
    {"representant.qualite", T::Text, "Qualité du signataire (Maire, Président…)"},
    {"contact.nom", T::Text, "Contact (donnée personnelle : jamais publiée)"},
    {"contact.courriel", T::Text, "Courriel du contact (jamais publié)"},
    {"contact.telephone", T::Text, "Téléphone du contact (facultatif, jamais publié)"},
    {"contrat_de_projet_autorise", T::Bool,
     "Structures privées : contrat de projet autorisé (VRAI/FAUX, facultatif)"},
    {"iban", T::Text, "IBAN du compte de versement (facultatif)"},
    {"bic", T::Text, "BIC (facultatif)"},
    {"deliberation", T::Date, "Date de la délibération (facultatif)"},
    {"id_pilotage", T::Text, "Identifiant au tableau de pilotage (facultatif, posé par l'import)"},
};

const Column k_conseiller[] = {
    {"id", T::Text, "Identifiant unique du conseiller"},
    {"prenom", T::Text, "Prénom"},
    {"nom", T::Text, "Nom"},
    {"courriel", T::Text, "Courriel (donnée personnelle : jamais publiée)"},
    {"structure", T::Text, "Identifiant de la structure employeuse (feuille structures)"},
    {"role", T::Text, "conseiller ou coordinateur", k_roles},
    {"publication_nom", T::Bool, "Nom publié sur le site (VRAI/FAUX, défaut FAUX)"},
    {"recrutement.presentation", T::Date, "Candidat présenté sur la plateforme (facultatif)"},
    {"recrutement.selection", T::Date, "Date de sélection (facultatif)"},
    {"recrutement.signature_contrat", T::Date, "Signature du contrat (facultatif)"},
    {"recrutement.notification_poste", T::Date, "Coordinateurs : notification du poste"},
    {"contrat.type", T::Text, "Type de contrat", k_contrats},
    {"contrat.debut", T::Date, "Début du contrat"},
    {"contrat.fin", T::Date, "Fin du contrat (obligatoire pour un CDD ou un contrat de projet)"},
    {"contrat.heures_hebdo", T::Number, "Heures par semaine"},
    {"contrat.salaire_brut_mensuel", T::Number, "Salaire brut mensuel en euros"},
    {"contrat.aides_emploi", T::Number, "Aides à l'emploi reçues (CUI-CIE/PEC), en euros"},
    {"formation.depart", T::Date, "Date de départ en formation"},
    {"formation.heures", T::Number, "Heures de formation : 105, 280, 350 ou 420", k_heures},
    {"formation.exemption", T::Bool, "Titulaire du titre RMN : pas de formation (VRAI/FAUX)"},
    {"rupture.date", T::Date, "Fin anticipée du contrat (facultatif)"},
    {"rupture.motif", T::Text, "Motif de la fin anticipée"},
    {"id_pilotage", T::Text, "Identifiant au tableau de pilotage (facultatif, posé par l'import)"},
};

const Column k_convention[] = {
    {"id", T::Text, "Identifiant unique de la convention"},
    {"structure", T::Text, "Identifiant de la structure (feuille structures)"},
    {"regime", T::Text, "Régime de la convention", k_regimes},
    {"signature", T::Date, "Date de signature par toutes les parties"},
    {"debut", T::Date, "Début de la période couverte"},
    {"fin", T::Date, "Fin de la période couverte (36 mois au plus)"},
    {"dossier", T::Text, "Numéro de dossier externe (facultatif)"},
    {"deliberation", T::Date, "Date de la délibération (facultatif)"},
    {"id_pilotage", T::Text, "Identifiant au tableau de pilotage (facultatif, posé par l'import)"},
};

const Column k_poste[] = {
    {"numero", T::Number, "Numéro du poste dans la convention"},
    {"role", T::Text, "conseiller ou coordinateur", k_roles},
    {"conseiller", T::Text, "Identifiant du conseiller (vide : poste vacant)"},
    {"contrat", T::Text, "Type de contrat (obligatoire si le poste est vacant)", k_contrats},
    {"montant", T::Number, "Montant en euros (facultatif : vérifié contre la grille)"},
    {"derogation", T::Text, "Motif d'un montant dérogatoire (facultatif)"},
    {"substitue.convention", T::Text, "Coordinateurs 2023 : convention du poste remplacé"},
    {"substitue.poste", T::Number, "Coordinateurs 2023 : numéro du poste remplacé"},
};

const Column k_avenant[] = {
    {"id", T::Text, "Identifiant unique de l'avenant"},
    {"convention", T::Text, "Identifiant de la convention modifiée"},
    {"numero", T::Number, "Numéro de l'avenant"},
    {"date", T::Date, "Date de l'avenant"},
    {"objet", T::Text, "Objet de l'avenant", k_objets},
    {"postes_retires", T::IntList, "Retrait : numéros des postes vacants retirés (« 2, 3 »)"},
    {"substitution.poste", T::Number, "Substitution : numéro du poste"},
    {"substitution.contrat", T::Text, "Substitution : type de contrat", k_contrats},
    {"nouvelle_fin", T::Date, "Prolongation : nouvelle date de fin"},
    {"motif", T::Text, "Motif de l'avenant"},
};

const Column k_versement[] = {
    {"convention", T::Text, "Identifiant de la convention"},
    {"poste", T::Number, "Numéro du poste"},
    {"tranche", T::Number, "Numéro de la tranche"},
    {"date", T::Date, "Date du versement"},
    {"montant", T::Number, "Montant en euros"},
    {"statut", T::Text, "versee ou suspendue", k_statuts},
};

const Column k_rapport[] = {
    {"structure", T::Text, "Identifiant de la structure"},
    {"conseiller", T::Text, "Identifiant du conseiller"},
    {"mois", T::Text, "Mois du rapport : AAAA-MM"},
    {"activites.accompagnements_individuels", T::Number, "Accompagnements individuels"},
    {"activites.ateliers_collectifs", T::Number, "Ateliers collectifs"},
    {"activites.participants_ateliers", T::Number, "Participants aux ateliers"},
    {"activites.demandes_ponctuelles", T::Number, "Demandes ponctuelles"},
    {"activites.appels_solidarite_numerique", T::Number, "Appels « Solidarité Numérique »"},
    {"usagers_accompagnes", T::Number, "Usagers accompagnés"},
    {"themes.equipement", T::Number, "Thème : équipement"},
    {"themes.navigation", T::Number, "Thème : navigation"},
    {"themes.courriel", T::Number, "Thème : courriel"},
    {"themes.smartphone", T::Number, "Thème : smartphone"},
    {"themes.contenus-numeriques", T::Number, "Thème : contenus numériques"},
    {"themes.vocabulaire", T::Number, "Thème : vocabulaire"},
    {"themes.traitement-de-texte", T::Number, "Thème : traitement de texte"},
    {"themes.echanger-proches", T::Number, "Thème : échanger avec ses proches"},
    {"themes.emploi", T::Number, "Thème : emploi"},
    {"themes.scolarite", T::Number, "Thème : scolarité"},
    {"themes.tpe-pme", T::Number, "Thème : TPE-PME"},
    {"themes.demarches-en-ligne", T::Number, "Thème : démarches en ligne"},
    {"themes.donnees-personnelles", T::Number, "Thème : données personnelles"},
    {"themes.sante", T::Number, "Thème : santé"},
    {"themes.budget", T::Number, "Thème : budget"},
    {"themes.securite", T::Number, "Thème : sécurité"},
    {"themes.autre", T::Number, "Thème : autre"},
    {"lieux.permanence", T::Number, "Lieu : permanence"},
    {"lieux.itinerance", T::Number, "Lieu : itinérance"},
    {"lieux.domicile", T::Number, "Lieu : domicile"},
    {"lieux.a-distance", T::Number, "Lieu : à distance"},
    {"faits_marquants", T::Text, "Faits marquants (Markdown, publié : aucune donnée personnelle)"},
};

const Column k_depense[] = {
    {"structure", T::Text, "Identifiant de la structure"},
    {"convention", T::Text, "Identifiant de la convention"},
    {"trimestre", T::Text, "Trimestre : AAAA-Tn"},
};

const Column k_ligne[] = {
    {"conseiller", T::Text, "Identifiant du conseiller"},
    {"salaires_bruts", T::Number, "Salaires bruts du trimestre, en euros"},
    {"charges_patronales", T::Number, "Charges patronales, en euros"},
    {"frais", T::Number, "Frais imputables au poste, en euros"},
    {"justificatif", T::Text, "Référence du justificatif"},
};

constexpr SheetLayout k_sheets[] = {
    {"structures", "structure", "structures", "", true, k_structure},
    {"conseillers", "conseiller", "conseillers", "", true, k_conseiller},
    {"conventions", "convention", "conventions", "", true, k_convention},
    {"avenants", "avenant", "avenants", "", true, k_avenant},
    {"versements", "versement", "versements", "", false, k_versement},
    {"rapports", "rapport", "rapports", "", false, k_rapport},
    {"depenses", "depense", "depenses", "", false, k_depense},
    {"conventions.postes", "convention", "conventions", "postes", true, k_poste},
    {"avenants.postes_ajoutes", "avenant", "avenants", "postes_ajoutes", true, k_poste},
    {"depenses.lignes", "depense", "depenses", "lignes", false, k_ligne},
};

}  // namespace

std::span<const SheetLayout> sheets() { return k_sheets; }

const SheetLayout* find_sheet(std::string_view name) {
  for (const auto& s : k_sheets)
    if (s.name == name) return &s;
  return nullptr;
}

std::vector<const SheetLayout*> list_sheets_of(const SheetLayout& main) {
  std::vector<const SheetLayout*> out;
  for (const auto& s : k_sheets)
    if (!s.list.empty() && s.folder == main.folder) out.push_back(&s);
  return out;
}

namespace {
const load::Field* field_at(std::span<const load::Field> fields, std::string_view path) {
  auto dot = path.find('.');
  const load::Field* f = load::find_field(fields, path.substr(0, dot));
  if (!f || dot == std::string_view::npos || f->type == load::FieldType::Counts) return f;
  return field_at(f->fields, path.substr(dot + 1));
}
}  // namespace

const load::Field* record_field(const SheetLayout& sheet, const Column& column) {
  auto kind = parse_enum<RecordKind>(sheet.kind);
  if (!kind) return nullptr;
  std::span<const load::Field> fields = load::record_table(*kind).fields;
  if (!sheet.list.empty()) {
    const load::Field* list = load::find_field(fields, sheet.list);
    if (!list) return nullptr;
    fields = list->fields;
  }
  return field_at(fields, column.path);
}

std::string owner_header(const SheetLayout& main) {
  return main.has_id ? std::string(main.kind) : std::string(main.kind) + " (ligne)";
}

}  // namespace tampon::cli::tableur
