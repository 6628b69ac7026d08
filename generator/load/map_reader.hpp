#pragma once
/// Reading YAML mappings into typed fields, with the diagnostics of records.md: unknown-field
/// (with a "vouliez-vous dire" hint), wrong-type, missing-field, invalid-date, invalid-amount,
/// unknown-value, invalid-id. Every getter reports and returns nullopt on a bad value, so a
/// decoder keeps going and a record with a broken field is still kept.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "load/file_result.hpp"
#include "load/record_fields.hpp"
#include "load/yaml_tree.hpp"
#include "tampon/date.hpp"
#include "tampon/diagnostic.hpp"
#include "tampon/enums.hpp"
#include "tampon/money.hpp"

namespace tampon::load {

/// Findings of one file, capped so a hostile file cannot produce millions of them.
class FileDecoder {
 public:
  /// `source`: the file's bytes, for findings placed inside a scalar (personal data).
  FileDecoder(const YamlTree& tree, std::uint32_t file_index, Diagnostics& out,
              std::string_view source = {})
      : m_tree(tree), m_file(file_index), m_out(out), m_source(source) {}

  const YamlTree& tree() const { return m_tree; }
  std::string_view text(const YamlNode& n) const { return m_tree.scalar(n); }
  SourceLoc loc(const YamlNode& n) const { return {m_file, n.line, n.column}; }
  void report(const YamlNode& at, std::string_view code, std::string message,
              Severity severity = Severity::Error);
  /// A finding at a place inside a value (1-based line, column in characters).
  void report_at(std::uint32_t line, std::uint32_t column, std::string_view code,
                 std::string message, Severity severity);
  std::string_view source() const { return m_source; }
  /// Adds the "N more findings" note when the cap was reached.
  void finish();
  /// Findings reported so far, shown or not.
  std::size_t reported() const { return m_out.size() + m_dropped; }
  /// Appends to the message of the last finding shown (context a getter cannot know).
  void amend_last(std::string_view text);

  static constexpr std::size_t k_max_reports = 200;

 private:
  const YamlTree& m_tree;
  std::uint32_t m_file;
  Diagnostics& m_out;
  std::string_view m_source;
  std::size_t m_dropped = 0;
};

/// One mapping with a fixed list of keys. The constructor reports unknown and duplicate keys
/// and records the position of every known key present under `path`.
///
/// Built from a field table (load/record_fields.hpp), the getters without a `Need` take it,
/// and the bounds, from the table, and check that the table gives the field the type the
/// getter reads (a mismatch is a programming error: std::logic_error).
class MapReader {
 public:
  static constexpr std::size_t k_max_keys = 24;

  MapReader(FileDecoder& d, const YamlNode& map, std::span<const std::string_view> keys,
            std::string path, LocList* locs);
  MapReader(FileDecoder& d, const YamlNode& map, std::span<const Field> fields, std::string path,
            LocList* locs);

  // ---- Table-driven getters (the field's need and bounds come from the table) ----
  std::optional<std::string> text(std::string_view key);
  std::optional<std::string> id(std::string_view key);
  std::optional<Date> date(std::string_view key);
  std::optional<Month> month(std::string_view key);
  std::optional<Quarter> quarter(std::string_view key);
  std::optional<Money> money(std::string_view key);
  std::optional<int> integer(std::string_view key);
  std::optional<double> number(std::string_view key);
  std::optional<bool> boolean(std::string_view key);
  /// A Map, List, IntList or Counts field: the mapping or sequence, wrong-type otherwise.
  const YamlNode* block(std::string_view key);
  template <class E>
  std::optional<E> choice(std::string_view key) {
    return choice<E>(key, field(key, {FieldType::Choice}).need);
  }
  /// The table's entry for `key`.
  const Field& field(std::string_view key, std::initializer_list<FieldType> types = {}) const;

  const YamlNode& node() const { return m_map; }
  /// The value node of `key` (null nodes included), or nullptr when the key is absent.
  const YamlNode* find(std::string_view key) const;
  /// `path.key` as shown in messages and FieldLocs.
  std::string path_of(std::string_view key) const;

  std::optional<std::string> text(std::string_view key, Need need);
  std::optional<std::string> id(std::string_view key, Need need);
  std::optional<Date> date(std::string_view key, Need need);
  std::optional<Month> month(std::string_view key, Need need);
  std::optional<Quarter> quarter(std::string_view key, Need need);
  std::optional<Money> money(std::string_view key, Need need);
  std::optional<int> integer(std::string_view key, Need need, int min, int max);
  std::optional<double> number(std::string_view key, Need need, double min, double max);
  std::optional<bool> boolean(std::string_view key, Need need);
  /// A mapping or a sequence value; wrong-type for anything else.
  const YamlNode* block(std::string_view key, Need need, NodeKind kind);

  /// Index of the value in `allowed`; unknown-value with a hint otherwise.
  std::optional<std::size_t> one_of(std::string_view key, Need need,
                                    std::span<const std::string_view> allowed);

  template <class E>
  std::optional<E> choice(std::string_view key, Need need) {
    auto i = one_of(key, need, names<E>());
    return i ? std::optional<E>(static_cast<E>(*i)) : std::nullopt;
  }

 private:
  /// The scalar value of `key`: reports missing-field (absent, null or blank when required)
  /// and wrong-type (a block where a value is expected).
  /// Absent, null or blank.
  bool absent(std::string_view key) const;
  /// `expected`: what the value looks like, for the missing-field message.
  const YamlNode* scalar(std::string_view key, Need need, std::string_view expected);
  void report_missing(std::string_view key, bool present_but_empty, std::string_view expected);
  void report_unknown_value(const YamlNode& v, std::string_view key,
                            std::span<const std::string_view> allowed);

  void start(LocList* locs);

  FileDecoder& m_d;
  const YamlNode& m_map;
  std::span<const Field> m_fields;
  /// The known keys: `m_keys`, or the names of `m_fields` (a copy stays valid).
  std::span<const std::string_view> keys() const {
    return m_fields.empty() ? m_keys
                            : std::span<const std::string_view>(m_names.data(), m_fields.size());
  }

  std::array<std::string_view, k_max_keys> m_names{};  // names of m_fields
  std::span<const std::string_view> m_keys;            // from the key-list constructor
  std::array<const YamlNode*, k_max_keys> m_values{};
  std::string m_path;
};

/// The longest text every output can hold: a spreadsheet cell holds 32 767 characters
/// (counted in UTF-16 units, as Excel does), the smallest limit among the outputs.
inline constexpr std::size_t k_max_text_units = 32767;
/// Length of UTF-8 text in UTF-16 units; the byte count when that is within the limit.
std::size_t text_units(std::string_view text);

/// "« x » ; vouliez-vous dire « y » ?" helpers shared by decoders.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
std::string list_fr(std::span<const std::string_view> words);
/// "une liste", "un bloc de champs", "une valeur": what the user wrote.
std::string_view kind_fr(NodeKind kind);

}  // namespace tampon::load
