#pragma once
#include "cli/options.hpp"
#include "tampon/diagnostic.hpp"
#include "tampon/records.hpp"

namespace tampon::cli {

/// Under --strict, warnings count as errors (outputs.md): they are reported as errors.
void apply_strict(Diagnostics& diagnostics, const Options& options);
/// Text to stderr (with the summary line unless --quiet and clean), or JSON to stdout. With
/// `read`, the summary line starts with how many records of each kind were read; it still ends
/// with "N erreurs, M avertissements", as scripts read it.
void print_diagnostics(Diagnostics diagnostics, const Options& options,
                       const RecordSet* read = nullptr);
/// "lus : 1 structure, 2 conseillers, 0 convention, …".
std::string records_read_fr(const RecordSet& read);
/// `n` records of a kind (records.md's name: "structure", "depense"), in French: "1 structure",
/// "2 déclarations de dépenses".
std::string records_of_kind_fr(std::string_view kind, std::size_t n);
/// The exit code for findings: 0 without errors; 3 when an error is a project file that was not
/// read (`source-outside`, `source-not-regular`: an input failure, outputs.md), found by an
/// emitter's check after loading; else 1.
int exit_code_for(const Diagnostics& diagnostics);

}  // namespace tampon::cli
