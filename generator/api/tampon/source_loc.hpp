#pragma once
/// Where a value came from: a file of the project and a 1-based line and column.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tampon {

/// Compact position of a YAML node. `file` indexes `SourceFiles`; line 0 means unknown.
struct SourceLoc {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool known() const { return line != 0; }
};

/// Positions of the fields of one record, keyed by dotted path: `contrat.debut`,
/// `postes[1].montant` (index is the 0-based position in the YAML sequence), `lignes[0].frais`.
class FieldLocs {
 public:
  SourceLoc record;  ///< the record's mapping node
  void set(std::string path, SourceLoc loc) { m_entries.emplace_back(std::move(path), loc); }
  /// The field's position, or the closest known parent's, or the record's.
  SourceLoc at(std::string_view path) const;

 private:
  std::vector<std::pair<std::string, SourceLoc>> m_entries;
};

/// The table of files that `SourceLoc::file` indexes. Paths are relative to the project
/// folder, as diagnostics print them (outputs.md); index 0 is "no file".
class SourceFiles {
 public:
  SourceFiles() { m_paths.emplace_back(); }
  std::uint32_t add(std::string relative_path) {
    m_paths.push_back(std::move(relative_path));
    return static_cast<std::uint32_t>(m_paths.size() - 1);
  }
  const std::string& path(std::uint32_t index) const { return m_paths.at(index); }
  std::size_t size() const { return m_paths.size(); }

 private:
  std::vector<std::string> m_paths;
};

}  // namespace tampon
