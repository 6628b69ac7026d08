#pragma once
/// The closed lists of records.md, with their YAML spellings. Each enum has a names table so
/// the loader can decode it and suggest "vouliez-vous dire …".
#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace tampon {

enum class Family { Collectivite, PublicRattache, AutrePublic, Prive };
enum class StructureType {
  Commune,
  Departement,
  Region,
  CollectiviteStatutParticulier,
  CollectiviteOutreMer,
  Epci,
  SyndicatMixte,
  Metropole,
  Ept,
  Ccas,
  Cias,
  OfficePublicHabitat,
  AutreEtablissementRattache,
  Gip,
  ChambreConsulaire,
  EpaEtat,
  Epic,
  Ars,
  Grades,
  Association,
  EntrepriseEss,
  PriveInteretGeneral,
  Hub,
};
enum class Role { Conseiller, Coordinateur };
enum class ContractType {
  CdiDroitPublic,
  CddDroitPublic,
  ContratDeProjetDroitPublic,
  Titulaire,
  CdiDroitPrive,
  CddDroitPrive,
  ContratDeProjetDroitPrive,
};
enum class AvenantObjet { AjoutPostes, RetraitPostes, SubstitutionCoordinateur, Prolongation };
enum class VersementStatut { Versee, Suspendue };
enum class Theme {
  Equipement,
  Navigation,
  Courriel,
  Smartphone,
  ContenusNumeriques,
  Vocabulaire,
  TraitementDeTexte,
  EchangerProches,
  Emploi,
  Scolarite,
  TpePme,
  DemarchesEnLigne,
  DonneesPersonnelles,
  Sante,
  Budget,
  Securite,
  Autre,
};
inline constexpr std::size_t k_theme_count = 17;
enum class Lieu { Permanence, Itinerance, Domicile, ADistance };
inline constexpr std::size_t k_lieu_count = 4;
/// Tranche status on the reference date, in the order of domain.md §4.1.
enum class TrancheStatus { Versee, Suspendue, Provisoire, AVenir, RisqueSuspension, Exigible };

/// YAML spelling ↔ enum. `names<E>()` lists every spelling in enum order.
template <class E>
std::span<const std::string_view> names();
template <class E>
std::string_view name(E value) {
  return names<E>()[static_cast<std::size_t>(value)];
}
template <class E>
std::optional<E> parse_enum(std::string_view text) {
  auto all = names<E>();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i] == text) return static_cast<E>(i);
  return std::nullopt;
}

Family family_of(StructureType type);
bool is_public_law(ContractType type);  ///< droit public contracts and titulaire
bool is_cdd(ContractType type);
bool is_contrat_de_projet(ContractType type);
/// French label for users: "CDD de droit public", "Centre communal d'action sociale" …
std::string_view label_fr(ContractType type);
std::string_view label_fr(Family family);
std::string_view label_fr(StructureType type);
std::string_view label_fr(Role role);
std::string_view label_fr(Theme theme);
std::string_view label_fr(Lieu lieu);
std::string_view label_fr(TrancheStatus status);
std::string_view label_fr(AvenantObjet objet);

}  // namespace tampon
