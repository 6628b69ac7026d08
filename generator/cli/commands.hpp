#pragma once
#include "cli/options.hpp"

namespace tampon::cli {

/// Each returns the process exit code (outputs.md: 0 ok, 1 validation, 2 usage, 3 I/O).
int run_validate(const Options& options);
int run_build(const Options& options);
int run_plugins(const Options& options);
int run_explain(const Options& options);
/// `tampon explain rule CODE`: the rule's page of the manual (explain_rule.cpp).
int run_explain_rule(const Options& options);
int run_serve(const Options& options);
/// `tampon init DIR`: a new project from the shipped skeleton (init.cpp).
int run_init(const Options& options);
/// `tampon export tableur FICHIER.xlsx` and `tampon import tableur FICHIER…` (tableur_*.cpp).
/// The imports that validate the project once their files are written (`tableur`,
/// `justification`) set `*committed` then: their status is the validation's, not a refusal.
int run_export(const Options& options);
int run_import(const Options& options, bool* committed = nullptr);
/// `tampon import pilotage FICHIER.csv [--mapping F.yaml]` (pilotage_import.cpp).
int run_import_pilotage(const Options& options);
/// `tampon import justification FICHIER.xlsx…`: filled justification forms into `depense`
/// records (justification_import.cpp).
int run_import_justification(const Options& options, bool* committed = nullptr);

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_invalid = 1;
inline constexpr int k_exit_usage = 2;
inline constexpr int k_exit_io = 3;

}  // namespace tampon::cli
