#pragma once
#include <memory>
#include <span>
#include <string_view>

#include "tampon/emitter.hpp"

namespace tampon {

struct BuiltinEmitter {
  std::string_view name;
  std::unique_ptr<Emitter> (*create)();
  /// Its jobs' `inputs` name every record the output reads (audited: a test changes records
  /// outside a job's inputs and checks its bytes). Such jobs are fingerprinted from those
  /// records alone; the others, like every plugin, from the digest of all data files.
  bool lists_every_input = false;
};

/// Defined in generator/builtin_emitters.cpp (linked into the executable only, so host tests
/// can link a table of their own).
std::span<const BuiltinEmitter> builtin_emitters();

}  // namespace tampon
