#pragma once
/// Resolving one reference field (records.md): dangling-reference with a hint, and
/// structure-mismatch when the record referenced belongs to another structure.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "rules/checker.hpp"
#include "tampon/record_refs.hpp"

namespace tampon::rules {

/// The ids one reference field may name.
struct Target {
  /// Where the record of an existing id is written (its `id` field), for the note that shows
  /// the id a dangling reference probably meant.
  using Locate = const FieldLocs* (*)(const Model&, std::string_view id);
  Target(std::string_view noun, std::string_view folder, std::vector<std::string_view> ids,
         Locate locate);
  std::string_view noun;              ///< "la structure", "le conseiller", "la convention"
  std::string_view folder;            ///< "data/structures/"
  std::vector<std::string_view> ids;  ///< sorted, for the "vouliez-vous dire" hint
  Locate locate;
  bool has(std::string_view id) const { return m_index.contains(id); }

 private:
  std::unordered_set<std::string_view> m_index;  // national data: 120 000 reports look up
};

struct Targets {
  Target structures, conseillers, conventions;
  explicit Targets(const RecordSet& records);
};

/// Reports dangling-reference when `id` is not in `target`; returns whether it resolves.
bool resolve(Checker& check, const Target& target, const std::string& id, SourceLoc at,
             const RecordRef& owner);
/// The same for the field `field` of `record`: its place and owner are worked out only when
/// the reference dangles, not for each of the hundreds of thousands that resolve.
template <class R>
bool resolve_field(Checker& check, const Target& target, const std::string& id, const R& record,
                   std::string_view field) {
  return target.has(id) || resolve(check, target, id, record.locs.at(field), ref_of(record));
}
/// structure-mismatch: `what` ("le conseiller « cn-1 »") belongs to `theirs`, not `ours`;
/// `theirs_at` is where that record names its structure (the note).
void report_mismatch(Checker& check, SourceLoc at, const std::string& what,
                     const std::string& theirs, const std::string& ours, const RecordRef& owner,
                     SourceLoc theirs_at);

/// Versements, rapports, depenses (follow_up_references.cpp).
void check_follow_up_references(Checker& check, const Targets& targets);
/// Post numbers named by avenants and versements (post_references.cpp).
void check_post_references(Checker& check);

}  // namespace tampon::rules
