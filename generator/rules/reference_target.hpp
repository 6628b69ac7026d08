#pragma once
/// Resolving one reference field (records.md): dangling-reference with a hint, and
/// structure-mismatch when the record referenced belongs to another structure.
#include <string>
#include <string_view>
#include <vector>

#include "rules/checker.hpp"

namespace tampon::rules {

/// The ids one reference field may name.
struct Target {
  std::string_view noun;    ///< "la structure", "le conseiller", "la convention"
  std::string_view folder;  ///< "data/structures/"
  std::vector<std::string_view> ids;
  bool has(std::string_view id) const;
};

struct Targets {
  Target structures, conseillers, conventions;
  explicit Targets(const RecordSet& records);
};

/// Reports dangling-reference when `id` is not in `target`; returns whether it resolves.
bool resolve(Checker& check, const Target& target, const std::string& id, SourceLoc at,
             const RecordRef& owner);
/// structure-mismatch: `what` ("le conseiller « cn-1 »") belongs to `theirs`, not `ours`.
void report_mismatch(Checker& check, SourceLoc at, const std::string& what,
                     const std::string& theirs, const std::string& ours, const RecordRef& owner);

/// Versements, rapports, depenses (follow_up_references.cpp).
void check_follow_up_references(Checker& check, const Targets& targets);
/// Post numbers named by avenants and versements (post_references.cpp).
void check_post_references(Checker& check);

}  // namespace tampon::rules
