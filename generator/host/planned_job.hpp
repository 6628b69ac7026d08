#pragma once
#include <filesystem>
#include <string>

#include "tampon/emitter.hpp"

namespace tampon {

/// A job with what the host adds: its emitter, fingerprint and fate.
struct PlannedJob {
  const Emitter* emitter = nullptr;
  OutputJob job;
  std::string fingerprint;
  enum class Fate { Render, Unchanged, Skipped } fate = Fate::Render;
  std::string skip_reason;
  // Filled by render:
  std::filesystem::path staged;  ///< the staging file written, renamed into place at commit
  bool ok = false;
  std::uintmax_t size = 0;
  std::string sha256;
};

}  // namespace tampon
