#pragma once
/// Writing records as YAML (records.md), for `tampon import`. Text is always double-quoted
/// with escapes, so that no value can change type or meaning (`"non"`, `"0059"`, `"a: b"`,
/// `"#1"`, line breaks); numbers, dates and booleans come out plain, as users write them.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tampon::cli::tableur {

/// The cell a value was read from (`source`: the importer's table, a sheet or a CSV file), so
/// that a finding `tampon validate` makes later in the YAML written can be shown at that cell.
struct Origin {
  std::int32_t source = -1;  ///< none when negative: the value's place is its parent's
  std::int32_t row = 0, col = 0;
  bool known() const { return source >= 0; }
};
/// Line `line` (0-based, in the emitted text) writes a value read from a cell. Twelve bytes:
/// the national workbook's records write about two million lines.
struct LineOrigin {
  std::uint32_t line = 0;
  std::int32_t row = 0;
  std::uint16_t col = 0;
  std::int16_t source = -1;
  Origin origin() const { return {source, row, col}; }
};

/// The line cells of every record an import reads, in blocks of 64 Ki that never move: not a
/// small array per record, whose leftovers between the freed texts kept whole pages resident
/// (the national import held 240 MB after freeing its texts), nor one growing array copied as
/// it doubles.
class LineOriginStore {
 public:
  const LineOrigin* keep(const std::vector<LineOrigin>& lines) {
    if (m_blocks.empty() || m_used + lines.size() > k_block) {
      m_blocks.push_back(
          std::make_unique<LineOrigin[]>(std::max<std::size_t>(k_block, lines.size())));
      m_used = 0;
    }
    LineOrigin* at = m_blocks.back().get() + m_used;
    std::copy(lines.begin(), lines.end(), at);
    m_used += lines.size();
    return at;
  }
  void absorb(LineOriginStore&& other) {
    for (auto& block : other.m_blocks) m_blocks.push_back(std::move(block));
    m_used = k_block;  // the last block may be another's: start a new one
    other.m_blocks.clear();
  }

 private:
  static constexpr std::size_t k_block = 1 << 16;
  std::vector<std::unique_ptr<LineOrigin[]>> m_blocks;
  std::size_t m_used = 0;
};

struct YamlValue {
  /// Placeholder: a field to complete, written as a comment (`# key:  # text`); its `keys` and
  /// `values` (placeholders too) are the block's own fields (`# representant:` then
  /// `#   nom:`). `tampon import pilotage` writes one for each required field an export lacks.
  enum class Kind { Plain, Quoted, Map, Seq, Placeholder };
  Kind kind = Kind::Map;
  std::string text;  ///< Plain / Quoted
  /// Map, in insertion order: keys[i] names values[i]. Two vectors rather than one of pairs:
  /// a pair needs the complete type, which clang (the fuzz build) enforces here.
  std::vector<std::string> keys;
  std::vector<YamlValue> values;
  std::vector<YamlValue> seq;  ///< Seq
  Origin origin;               ///< where it was read, when it was (a map: its row's first cell)

  static YamlValue plain(std::string t);
  static YamlValue quoted(std::string t);
  static YamlValue placeholder(std::string hint);
  /// Sets `a.b.c` (creating the intermediate mappings in order).
  void set(std::string_view dotted, YamlValue value);
  YamlValue* find(std::string_view key);
};

inline YamlValue YamlValue::plain(std::string t) {
  YamlValue v;
  v.kind = Kind::Plain;
  v.text = std::move(t);
  return v;
}
inline YamlValue YamlValue::quoted(std::string t) {
  YamlValue v;
  v.kind = Kind::Quoted;
  v.text = std::move(t);
  return v;
}

inline YamlValue YamlValue::placeholder(std::string hint) {
  YamlValue v;
  v.kind = Kind::Placeholder;
  v.text = std::move(hint);
  return v;
}

/// `"text"` with YAML double-quote escapes (\" \\ \n \t \xNN \u0085 \u2028 \u2029).
std::string yaml_quote(std::string_view text);
/// One record as a YAML document (a mapping at the top level), ending with a newline. Each line
/// of `header_comment` becomes a `# ` line above it. With `lines`, each line that writes a key
/// gets the origin of its value (or, unknown, of the closest map around it that has one).
std::string emit_record(const YamlValue& record, std::string_view header_comment = {},
                        std::vector<LineOrigin>* lines = nullptr);
/// One record as an item of a block sequence (`- id: …`, its other fields two columns in),
/// ending with a newline: files that hold several records are sequences of these.
std::string emit_item(const YamlValue& record, std::vector<LineOrigin>* lines = nullptr);

}  // namespace tampon::cli::tableur
