#pragma once
#include <filesystem>
#include <string>

#include "tampon/emitter.hpp"
#include "write/output_stamps.hpp"

namespace tampon {

/// A job with what the host adds: its emitter, fingerprint and fate.
struct PlannedJob {
  const Emitter* emitter = nullptr;
  const BuildState* state = nullptr;  ///< what the emitter prepared for this build
  OutputJob job;
  std::size_t plan_order = 0;  ///< its place in its emitter's plan: the first of a path owns it
  std::string fingerprint;
  enum class Fate { Render, Unchanged, Skipped } fate = Fate::Render;
  std::string skip_reason;  ///< "fiche en erreur : convention:cv-…"
  // Filled by render:
  std::filesystem::path staged;  ///< the staging file written, renamed into place at commit
  bool ok = false;
  std::uintmax_t size = 0;
  std::string sha256;
  /// Unchanged: the stamp its file had when its SHA-256 was checked (written to the next
  /// stamps file as it is, without another `lstat`).
  FileStamp seen{};
};

}  // namespace tampon
