#pragma once
/// The records of records.md as plain values, one struct per record kind. Field names follow
/// the YAML keys. Every record keeps the positions of its fields (`locs`) for diagnostics.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "tampon/date.hpp"
#include "tampon/enums.hpp"
#include "tampon/money.hpp"
#include "tampon/source_loc.hpp"

namespace tampon {

enum class RecordKind { Structure, Conseiller, Convention, Avenant, Versement, Rapport, Depense };
std::string_view name(RecordKind kind);  ///< "structure", "conseiller", …

struct Adresse {
  std::optional<std::string> ligne;
  std::string code_postal;
  std::string commune;
};
struct Personne {
  std::string nom;
  std::string qualite;  ///< representant only
};
/// Personal data (domain.md §7): never published on the website or in a bulletin.
struct Contact {
  std::string nom;
  std::string courriel;
  std::optional<std::string> telephone;
};

struct Structure {
  std::string id;
  std::string nom;
  StructureType type{};
  std::string siret;
  Adresse adresse;
  std::string departement;
  Personne representant;
  Contact contact;
  bool contrat_de_projet_autorise = false;
  /// Bank account the subsidy is paid to (ISO 13616, stored without spaces, upper case);
  /// when absent the convention asks for a RIB as an annex.
  std::optional<std::string> iban;
  std::optional<std::string> bic;
  /// Deliberation authorising the representant to sign (collectivités).
  std::optional<Date> deliberation;
  FieldLocs locs;
  Family family() const { return family_of(type); }
};

struct Recrutement {
  std::optional<Date> presentation, selection, signature_contrat, notification_poste;
};
struct Contrat {
  ContractType type{};
  Date debut;
  std::optional<Date> fin;
  double heures_hebdo = 35;  ///< may be fractional (17.5 h); compared with 35 exactly
  Money salaire_brut_mensuel;
  Money aides_emploi;
};
struct Formation {
  std::optional<Date> depart;
  std::optional<int> heures;
  bool exemption = false;
};
struct Rupture {
  Date date;
  std::string motif;
};

struct Conseiller {
  std::string id;
  std::string prenom;
  std::string nom;
  std::string courriel;  ///< personal data
  std::string structure;
  Role role = Role::Conseiller;
  bool publication_nom = false;
  std::optional<Recrutement> recrutement;
  Contrat contrat;
  std::optional<Formation> formation;
  std::optional<Rupture> rupture;
  FieldLocs locs;
};

/// A post of another convention (`substitue` of a coordinator post, domain.md §6).
struct PosteRef {
  std::string convention;
  int poste = 0;
};

struct Poste {
  int numero = 0;
  Role role = Role::Conseiller;
  std::optional<std::string> conseiller;
  std::optional<ContractType> contrat;  ///< required when vacant, else from the conseiller
  std::optional<Money> montant;
  std::optional<std::string> derogation;
  std::optional<PosteRef> substitue;  ///< coordinateur-2023: the conseiller post it replaces
};

struct Convention {
  std::string id;
  std::string structure;
  std::string regime;  ///< a regime id of baremes.yaml
  Date signature;
  Date debut;
  Date fin;
  std::optional<std::string> dossier;
  /// Deliberation authorising the structure's signatory, when it is specific to this
  /// convention (else the structure's).
  std::optional<Date> deliberation;
  std::vector<Poste> postes;  ///< locs paths: `postes[i].field`
  FieldLocs locs;
};

struct Substitution {
  int poste = 0;
  ContractType contrat{};
};

struct Avenant {
  std::string id;
  std::string convention;
  int numero = 0;
  Date date;
  AvenantObjet objet{};
  std::vector<Poste> postes_ajoutes;
  std::vector<int> postes_retires;
  std::optional<Substitution> substitution;
  std::optional<Date> nouvelle_fin;
  std::string motif;
  FieldLocs locs;
};

/// Versements, rapports and depenses have no id of their own; `key()` names them for
/// diagnostics and the manifest.
struct Versement {
  std::string convention;
  int poste = 0;
  int tranche = 0;
  Date date;
  Money montant;
  VersementStatut statut = VersementStatut::Versee;
  FieldLocs locs;
};

struct Activites {
  int accompagnements_individuels = 0;
  int ateliers_collectifs = 0;
  int participants_ateliers = 0;
  int demandes_ponctuelles = 0;
  int appels_solidarite_numerique = 0;
};

struct Rapport {
  std::string structure;
  std::string conseiller;
  Month mois;
  Activites activites;
  int usagers_accompagnes = 0;
  std::array<int, k_theme_count> themes{};  ///< indexed by Theme
  std::array<int, k_lieu_count> lieux{};    ///< indexed by Lieu
  bool has_lieux = false;
  std::optional<std::string> faits_marquants;  ///< Markdown, raw HTML dropped when rendered
  FieldLocs locs;
};

struct LigneDepense {
  std::string conseiller;
  Money salaires_bruts;
  Money charges_patronales;
  Money frais;
  std::string justificatif;
};

struct Depense {
  std::string structure;
  std::string convention;
  Quarter trimestre;
  std::vector<LigneDepense> lignes;
  FieldLocs locs;
};

/// Every record of a project, each vector sorted by id (or by its natural key for records
/// without an id) so iteration is deterministic.
struct RecordSet {
  SourceFiles files;
  std::vector<Structure> structures;
  std::vector<Conseiller> conseillers;
  std::vector<Convention> conventions;
  std::vector<Avenant> avenants;
  std::vector<Versement> versements;
  std::vector<Rapport> rapports;
  std::vector<Depense> depenses;
};

}  // namespace tampon
