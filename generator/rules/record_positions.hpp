#pragma once
/// Maps a finding's position to the record it falls in, so the loader's findings (which
/// carry only a position) can mark records invalid.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tampon/model.hpp"

namespace tampon::rules {

class RecordPositions {
 public:
  explicit RecordPositions(const Model& model);
  /// The record whose mapping starts last at or before `where`, in the same file.
  const RecordRef* record_at(const Location& where) const;

 private:
  struct Start {
    std::uint32_t line;
    RecordRef ref;
  };
  template <class R>
  void add_all(const Model& model, const std::vector<R>& records);
  std::map<std::string, std::vector<Start>> m_by_file;
};

/// Records in which an error of `diagnostics` falls.
std::set<RecordRef> records_with_errors(const Model& model, const Diagnostics& diagnostics);

}  // namespace tampon::rules
