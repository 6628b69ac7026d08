#pragma once
/// Where a value came from: a file of the project and a 1-based line and column.
#include <cstdint>
#include <optional>
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

/// The process-wide table of field paths (`contrat.debut`, `postes[1].montant`): each distinct
/// path is stored once and named by a small number, so a record's positions cost 16 bytes a
/// field instead of a string each. Thread-safe (records are decoded on several threads).
/// Paths are never removed: the table holds the schema's paths and, for lists, one path per
/// index and field up to the longest list read (bounded by the input, as records are).
class FieldPaths {
 public:
  /// The number of `path`, added to the table if new.
  static std::uint32_t intern(std::string_view path);
  /// The number of `path` if some record has set it, without adding it.
  static std::optional<std::uint32_t> find(std::string_view path);
  /// The path numbered `id` (valid for the life of the process).
  static std::string_view name(std::uint32_t id);
  /// Distinct paths so far.
  static std::size_t size();
};

/// Positions of the fields of one record, keyed by dotted path: `contrat.debut`,
/// `postes[1].montant` (index is the 0-based position in the YAML sequence), `lignes[0].frais`.
class FieldLocs {
 public:
  struct Entry {
    std::uint32_t path;  ///< FieldPaths number
    SourceLoc loc;
  };

  SourceLoc record;  ///< the record's mapping node
  void set(std::string_view path, SourceLoc loc) {
    m_entries.push_back({FieldPaths::intern(path), loc});
  }
  /// The field's position, or the closest known parent's, or the record's.
  SourceLoc at(std::string_view path) const;
  /// Room for `count` more fields (the loader knows how many a record has).
  void reserve(std::size_t count) { m_entries.reserve(m_entries.size() + count); }
  void shrink_to_fit() { m_entries.shrink_to_fit(); }
  const std::vector<Entry>& entries() const { return m_entries; }

 private:
  std::vector<Entry> m_entries;
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
