#pragma once
// A hand-built model for bulletin tests (the loader and the rules are tested elsewhere): one
// structure whose name is a script tag, two conseillers (one who agreed to be named), monthly
// reports over three quarters, hostile Markdown in a highlight, personal data that must never
// be printed.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tampon/emitter.hpp"

namespace tampon::testing {

inline constexpr const char* k_hostile_name = "<script>alert(1)</script> & Cie";

/// as_of 2022-07-15.
std::unique_ptr<Model> bulletin_model();

/// Plans and renders every job under `out`; returns the jobs and collects diagnostics.
std::vector<OutputJob> emit_bulletins(const Model& model, const std::filesystem::path& out,
                                      Diagnostics* diagnostics = nullptr);

/// The emitter's own validation (Emitter::check) on `model`.
Diagnostics check_bulletins(const Model& model);
/// The same with the project folder `project_dir` (its templates/bulletin/ first).
Diagnostics check_bulletins(const Model& model, const std::filesystem::path& project_dir);

std::filesystem::path fresh_dir(const std::string& name);
std::string read_file(const std::filesystem::path& path);
/// Runs a shell command and returns its standard output; throws when it fails.
std::string run(const std::string& command);

}  // namespace tampon::testing
