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
  std::string text;                                    ///< Plain / Quoted
  std::vector<std::pair<std::string, YamlValue>> map;  ///< Map, in insertion order
  std::vector<YamlValue> seq;                          ///< Seq

  static YamlValue plain(std::string t) { return {Kind::Plain, std::move(t), {}, {}}; }
  static YamlValue quoted(std::string t) { return {Kind::Quoted, std::move(t), {}, {}}; }
  /// Sets `a.b.c` (creating the intermediate mappings in order).
  void set(std::string_view dotted, YamlValue value);
  YamlValue* find(std::string_view key);
};

/// `"text"` with YAML double-quote escapes (\" \\ \n \t \xNN \u0085 \u2028 \u2029).
std::string yaml_quote(std::string_view text);
/// One record as a YAML document (a mapping at the top level), ending with a newline.
std::string emit_record(const YamlValue& record, std::string_view header_comment = {});

}  // namespace tampon::cli::tableur
