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
  /// Its outputs print no personal data (domain.md §7): with `lists_every_input`, the
  /// conseillers and structures they list are fingerprinted from their public part
  /// (host/record_digests.hpp), so a salary or an e-mail address edit renders none of them.
  /// Audited like `lists_every_input` (tests/cli/partial_build_test.cpp edits every field).
  bool prints_public_part_only = false;
  /// Its outputs read every valid record and list none (records-json: listing 160 000 records
  /// in its manifest entry would cost more than it saves). It is fingerprinted from the data
  /// files, like a plugin, but not planned again while every record's printed part is the
  /// same (host/unchanged_emitters.hpp): a salary edit leaves the export as it is. Audited like
  /// `lists_every_input` (tests/cli/partial_build_test.cpp).
  bool reads_every_record = false;
};

/// Defined in generator/builtin_emitters.cpp (linked into the executable only, so host tests
/// can link a table of their own).
std::span<const BuiltinEmitter> builtin_emitters();

}  // namespace tampon
