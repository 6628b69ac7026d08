#pragma once
// Hand-built projects for rule tests: a Baremes and SmicTable encoding domain.md, valid
// default records that tests then break one field at a time, and a runner that gives every
// field a distinct position so a test can check where a finding points.
#include <string>
#include <vector>

#include "rules/validate.hpp"

namespace tampon::testing {

Date d(std::string_view iso);
Money eur(double euros);  // test literal only: rounded to the cent at once

/// domain.md §2–4 as data, as data/baremes.yaml encodes it.
Baremes domain_baremes();
/// A few real SMIC values (monthly gross, 35 h).
SmicTable domain_smic();
/// The shipped data/baremes.yaml and data/smic.yaml, through the real loader.
const LoadResult& shipped_defaults();

Structure structure(std::string id, StructureType type = StructureType::Commune,
                    std::string departement = "59");
/// A conseiller on a public-law CDD from 2021-04-01 to 2022-09-30, 35 h, paid 1 700 €,
/// recruited and trained within every delay.
Conseiller conseiller(std::string id, std::string structure);
Poste poste(int numero, std::optional<std::string> conseiller,
            std::optional<ContractType> contrat = std::nullopt);
/// Signed 2021-04-02, from 2021-04-01 to 2023-03-31.
Convention convention(std::string id, std::string structure, std::string regime,
                      std::vector<Poste> postes);
Avenant avenant(std::string id, std::string convention, int numero, std::string date,
                AvenantObjet objet);
Rapport rapport(std::string structure, std::string conseiller, std::string mois);

/// What validate returned, with helpers to find findings.
struct Outcome {
  Model model;
  Diagnostics diagnostics;
  std::vector<Diagnostic> with(std::string_view code) const;
  bool has(std::string_view code) const { return !with(code).empty(); }
  /// Where a field of a record was placed by Project::run.
  Location at(const FieldLocs& locs, std::string_view path) const;
  const Structure& structure(std::string_view id) const { return *model.structure(id); }
  const Conseiller& conseiller(std::string_view id) const { return *model.conseiller(id); }
  const Convention& convention(std::string_view id) const { return *model.convention(id); }
  const Avenant& avenant(std::string_view id) const { return *model.avenant(id); }
  const ConventionState& state(std::string_view id) const;
  const PostState& post(std::string_view convention, int numero) const;
  std::string codes() const;  ///< "code@file:line, …" for failure messages
};

struct Project {
  LoadResult input;
  /// Findings already in the output vector when validate is called (the CLI moves the
  /// loader's findings there before validating).
  Diagnostics passed_in;
  Project();
  Project& add(Structure s);
  Project& add(Conseiller c);
  Project& add(Convention c);
  Project& add(Avenant a);
  Project& add(Versement v);
  Project& add(Rapport r);
  Project& add(Depense d);
  /// Gives each record its own file and each field its own line, then validates.
  Outcome run(Date as_of = d("2024-01-01"));
};

/// One valid project: commune `s-1` (59), conseiller `cn-1` on post 1 of relance-2021
/// convention `cv-1`.
Project valid_project();

}  // namespace tampon::testing
