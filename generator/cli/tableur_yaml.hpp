#pragma once
/// Writing records as YAML (records.md), for `tampon import`. Text is always double-quoted
/// with escapes, so that no value can change type or meaning (`"non"`, `"0059"`, `"a: b"`,
/// `"#1"`, line breaks); numbers, dates and booleans come out plain, as users write them.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tampon::cli::tableur {

struct YamlValue {
  enum class Kind { Plain, Quoted, Map, Seq };
  Kind kind = Kind::Map;
  std::string text;  ///< Plain / Quoted
  /// Map, in insertion order: keys[i] names values[i]. Two vectors rather than one of pairs:
  /// a pair needs the complete type, which clang (the fuzz build) enforces here.
  std::vector<std::string> keys;
  std::vector<YamlValue> values;
  std::vector<YamlValue> seq;  ///< Seq

  static YamlValue plain(std::string t);
  static YamlValue quoted(std::string t);
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

/// `"text"` with YAML double-quote escapes (\" \\ \n \t \xNN \u0085 \u2028 \u2029).
std::string yaml_quote(std::string_view text);
/// One record as a YAML document (a mapping at the top level), ending with a newline.
std::string emit_record(const YamlValue& record, std::string_view header_comment = {});

}  // namespace tampon::cli::tableur
