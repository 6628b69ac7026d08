#pragma once
/// One SHA-256 per record of the model, of what an output may print of it: its decoded content
/// without source positions (load/record_codec.hpp) and without the fields only the rules read
/// (the printed part). Editing one name changes the digest of one conseiller, so only the
/// outputs that list it are rendered again; moving a record to another file or line changes
/// nothing, and neither does editing a field no output prints: a conseiller's salary (checked
/// against the SMIC), recruitment dates (deadlines), e-mail address and rupture motive, a
/// structure's contact.
///
/// Each record also has the digest of its public part: what an output without personal data
/// (domain.md §7: the bulletins) can read of it. The printed part of a conseiller without its
/// employment aid, and without its name unless its publication is consented
/// (`publication_nom`), as records-json publishes it (render/model_json.cpp); of a structure
/// without its IBAN and BIC; any other record whole.
///
/// Both parts are audited, field by field, by tests/cli/partial_build_test.cpp: an output that
/// prints a field left out of a part would be left stale by an edit of it, and an incremental
/// build would then differ from a build from scratch.
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tampon/model.hpp"

namespace tampon {

class RecordDigests {
 public:
  using Digest = std::array<std::uint8_t, 32>;
  /// Digests every record of `model.records`, on `threads` threads; with `only`, those of
  /// them it names (--select: the records the selected outputs read).
  RecordDigests(const Model& model, unsigned threads, const std::set<RecordRef>* only = nullptr);
  /// The digest of the printed part of `ref`, or nullptr for a record the model does not have.
  const Digest* find(const RecordRef& ref) const;
  /// The digest of the public part of `ref`, or nullptr for a record the model does not have.
  const Digest* find_public(const RecordRef& ref) const;
  std::size_t size() const { return m_entries.size(); }
  /// Lower-case hex SHA-256 of every record's kind, id and digest (of its printed part, or of
  /// its public part with `public_part`), in the model's order: what changes when what any
  /// output may print of a record does. Only of a table of every record.
  std::string of_all(bool public_part) const;

 private:
  /// One record: its kind and id (in `m_ids`), both digests. A flat, open-addressed table
  /// (`m_slots`), not one node per record: a national build looks up some 2.3 million
  /// references, and each node of a std::unordered_map was a cache miss or two more.
  struct Entry {
    Digest printed, public_part;
    std::uint64_t hash;
    std::uint32_t id_at, id_size;
    RecordKind kind;
  };
  struct Slot {
    std::uint32_t tag = 0;    ///< the hash's high half, to skip most entries unread
    std::uint32_t entry = 0;  ///< index + 1 into m_entries; 0 is empty
  };
  static std::uint64_t hash_of(RecordKind kind, std::string_view id);
  const Entry* lookup(const RecordRef& ref) const;

  std::vector<Entry> m_entries;
  std::vector<Slot> m_slots;  ///< a power of two, at most half full
  std::string m_ids;          ///< every id, one after the other
};

}  // namespace tampon
