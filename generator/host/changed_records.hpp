#pragma once
/// The records that may have changed since the last committed build: those read from a data
/// file whose digest is not the one the plan memo recorded then (write/plan_memo.hpp). A
/// record's content is a function of its file's bytes (and of the tool, which the memo's keys
/// name), so the records of a file with the same digest are the same.
///
/// What it is for (issue 13): an emitter that lists every record its outputs read, planned again
/// because some record changed while nothing else it reads did (the same base key and files in
/// the memo: host/unchanged_emitters.hpp), need not fingerprint again an output that reads none
/// of these records and lists exactly the records its previous manifest entry lists: that
/// fingerprint is the previous one (host/plan_jobs.cpp). A salary edited in one file of
/// conseillers leaves 48 000 outputs whose fingerprints, made from 1.7 million record
/// digests, are carried over; the few that read a record of that file are fingerprinted as
/// usual. A record added or removed changes the lists of the outputs that read it, which are
/// then fingerprinted too.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "tampon/model.hpp"

namespace tampon {

class ChangedRecords {
 public:
  using Files = std::vector<std::pair<std::string, std::string>>;  ///< path, digest; by path

  /// From the data files as this build read them and as the memo recorded them. With more
  /// than `max_files` files changed, not usable: a bulk edit fingerprints everything again,
  /// which costs no more than looking each listed record up here.
  ChangedRecords(const Model& model, const Files& now, const Files& before,
                 std::size_t max_files = 64);

  /// Whether the comparison is worth making (few files changed, or none).
  bool usable() const { return m_usable; }
  /// Whether `ref` may have changed (a record of a changed file, or of no known file).
  bool contains(const RecordRef& ref) const;
  /// Whether one of `refs` may have changed.
  bool any_of(const std::vector<RecordRef>& refs) const;
  std::size_t size() const { return m_records.size(); }

 private:
  struct Hash {
    std::size_t operator()(const RecordRef& ref) const;
  };
  bool m_usable = false;
  std::unordered_set<RecordRef, Hash> m_records;
  /// The kinds of m_records, one bit each: a job's reports are not looked up one by one when
  /// only conseillers changed (a justification lists tens of reports).
  unsigned m_kinds = 0;
};

/// Whether `records_json` (ManifestEntry) names exactly `inputs`, in order: compared in place,
/// without a string per record (a national build lists over a million). `literal` is scratch.
bool lists_exactly(std::string_view records_json, const std::vector<RecordRef>& inputs,
                   std::string& literal);

}  // namespace tampon
