#include "tampon/enums.hpp"

#include "tampon/records.hpp"

namespace tampon {
namespace {
constexpr std::string_view k_families[] = {"collectivite", "public-rattache", "autre-public",
                                           "prive"};
constexpr std::string_view k_structure_types[] = {"commune",
                                                  "departement",
                                                  "region",
                                                  "collectivite-statut-particulier",
                                                  "collectivite-outre-mer",
                                                  "epci",
                                                  "syndicat-mixte",
                                                  "metropole",
                                                  "ept",
                                                  "ccas",
                                                  "cias",
                                                  "office-public-habitat",
                                                  "autre-etablissement-rattache",
                                                  "gip",
                                                  "chambre-consulaire",
                                                  "epa-etat",
                                                  "epic",
                                                  "ars",
                                                  "grades",
                                                  "association",
                                                  "entreprise-ess",
                                                  "prive-interet-general",
                                                  "hub"};
constexpr std::string_view k_roles[] = {"conseiller", "coordinateur"};
constexpr std::string_view k_contracts[] = {
    "cdi-droit-public", "cdd-droit-public", "contrat-de-projet-droit-public", "titulaire",
    "cdi-droit-prive",  "cdd-droit-prive",  "contrat-de-projet-droit-prive"};
constexpr std::string_view k_objets[] = {"ajout-postes", "retrait-postes",
                                         "substitution-coordinateur", "prolongation"};
constexpr std::string_view k_statuts[] = {"versee", "suspendue"};
constexpr std::string_view k_themes[] = {"equipement",
                                         "navigation",
                                         "courriel",
                                         "smartphone",
                                         "contenus-numeriques",
                                         "vocabulaire",
                                         "traitement-de-texte",
                                         "echanger-proches",
                                         "emploi",
                                         "scolarite",
                                         "tpe-pme",
                                         "demarches-en-ligne",
                                         "donnees-personnelles",
                                         "sante",
                                         "budget",
                                         "securite",
                                         "autre"};
constexpr std::string_view k_lieux[] = {"permanence", "itinerance", "domicile", "a-distance"};
constexpr std::string_view k_tranche_statuses[] = {"versee",  "suspendue",         "provisoire",
                                                   "a-venir", "risque-suspension", "exigible"};
constexpr std::string_view k_record_kinds[] = {"structure", "conseiller", "convention", "avenant",
                                               "versement", "rapport",    "depense"};
static_assert(std::size(k_themes) == k_theme_count);
static_assert(std::size(k_lieux) == k_lieu_count);
}  // namespace

template <>
std::span<const std::string_view> names<Family>() {
  return k_families;
}
template <>
std::span<const std::string_view> names<StructureType>() {
  return k_structure_types;
}
template <>
std::span<const std::string_view> names<Role>() {
  return k_roles;
}
template <>
std::span<const std::string_view> names<ContractType>() {
  return k_contracts;
}
template <>
std::span<const std::string_view> names<AvenantObjet>() {
  return k_objets;
}
template <>
std::span<const std::string_view> names<VersementStatut>() {
  return k_statuts;
}
template <>
std::span<const std::string_view> names<Theme>() {
  return k_themes;
}
template <>
std::span<const std::string_view> names<Lieu>() {
  return k_lieux;
}
template <>
std::span<const std::string_view> names<TrancheStatus>() {
  return k_tranche_statuses;
}
template <>
std::span<const std::string_view> names<RecordKind>() {
  return k_record_kinds;
}

std::string_view name(RecordKind kind) { return name<RecordKind>(kind); }

Family family_of(StructureType type) {
  switch (type) {
    case StructureType::Commune:
    case StructureType::Departement:
    case StructureType::Region:
    case StructureType::CollectiviteStatutParticulier:
    case StructureType::CollectiviteOutreMer:
    case StructureType::Epci:
    case StructureType::SyndicatMixte:
    case StructureType::Metropole:
    case StructureType::Ept:
      return Family::Collectivite;
    case StructureType::Ccas:
    case StructureType::Cias:
    case StructureType::OfficePublicHabitat:
    case StructureType::AutreEtablissementRattache:
      return Family::PublicRattache;
    case StructureType::Gip:
    case StructureType::ChambreConsulaire:
    case StructureType::EpaEtat:
    case StructureType::Epic:
    case StructureType::Ars:
    case StructureType::Grades:
      return Family::AutrePublic;
    default:
      return Family::Prive;
  }
}

bool is_public_law(ContractType t) {
  return t == ContractType::CdiDroitPublic || t == ContractType::CddDroitPublic ||
         t == ContractType::ContratDeProjetDroitPublic || t == ContractType::Titulaire;
}
bool is_cdd(ContractType t) {
  return t == ContractType::CddDroitPublic || t == ContractType::CddDroitPrive;
}
bool is_contrat_de_projet(ContractType t) {
  return t == ContractType::ContratDeProjetDroitPublic ||
         t == ContractType::ContratDeProjetDroitPrive;
}

std::string_view label_fr(ContractType t) {
  constexpr std::string_view labels[] = {"CDI de droit public",
                                         "CDD de droit public",
                                         "contrat de projet de droit public",
                                         "fonctionnaire titulaire",
                                         "CDI de droit privé",
                                         "CDD de droit privé",
                                         "contrat de projet de droit privé"};
  return labels[static_cast<std::size_t>(t)];
}
std::string_view label_fr(Family f) {
  constexpr std::string_view labels[] = {"collectivité territoriale ou groupement",
                                         "établissement public rattaché", "autre organisme public",
                                         "structure privée"};
  return labels[static_cast<std::size_t>(f)];
}
std::string_view label_fr(StructureType t) {
  constexpr std::string_view labels[] = {
      "commune",
      "département",
      "région",
      "collectivité à statut particulier",
      "collectivité d'outre-mer",
      "EPCI",
      "syndicat mixte",
      "métropole",
      "établissement public territorial",
      "centre communal d'action sociale (CCAS)",
      "centre intercommunal d'action sociale (CIAS)",
      "office public de l'habitat",
      "autre établissement public rattaché",
      "groupement d'intérêt public",
      "chambre consulaire",
      "établissement public administratif de l'État",
      "établissement public industriel et commercial",
      "agence régionale de santé",
      "groupement régional d'appui au développement de la e-santé",
      "association",
      "entreprise de l'économie sociale et solidaire",
      "personne morale de droit privé d'intérêt général",
      "hub territorial"};
  return labels[static_cast<std::size_t>(t)];
}
std::string_view label_fr(Role r) {
  return r == Role::Conseiller ? "conseiller numérique" : "conseiller numérique coordinateur";
}
std::string_view label_fr(Theme t) {
  constexpr std::string_view labels[] = {"Prendre en main un équipement",
                                         "Naviguer sur internet",
                                         "Courriels",
                                         "Smartphone et tablette",
                                         "Contenus numériques",
                                         "Vocabulaire numérique",
                                         "Traitement de texte",
                                         "Échanger avec ses proches",
                                         "Emploi et formation",
                                         "Scolarité des enfants",
                                         "Numérique pour les TPE et PME",
                                         "Démarches en ligne",
                                         "Données personnelles",
                                         "Santé",
                                         "Budget",
                                         "Sécurité en ligne",
                                         "Autre"};
  return labels[static_cast<std::size_t>(t)];
}
std::string_view label_fr(Lieu l) {
  constexpr std::string_view labels[] = {"Permanence", "Itinérance", "À domicile", "À distance"};
  return labels[static_cast<std::size_t>(l)];
}
std::string_view label_fr(TrancheStatus s) {
  constexpr std::string_view labels[] = {
      "versée", "suspendue", "provisoire", "à venir", "risque de suspension", "exigible"};
  return labels[static_cast<std::size_t>(s)];
}
std::string_view label_fr(AvenantObjet o) {
  constexpr std::string_view labels[] = {"ajout de postes", "retrait de postes",
                                         "substitution d'un poste de coordinateur", "prolongation"};
  return labels[static_cast<std::size_t>(o)];
}

}  // namespace tampon
