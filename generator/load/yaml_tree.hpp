#pragma once
/// A compact YAML document tree built from libyaml's event parser. Nodes live in one arena per
/// file (no per-node allocation, no recursion to destroy), keep their 1-based position, and
/// aliases are shared references whose expanded size is budgeted, so an alias bomb stops early.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tampon::load {

enum class NodeKind : std::uint8_t { Null, Scalar, Sequence, Mapping };

struct YamlNode {
  NodeKind kind = NodeKind::Null;
  bool quoted = false;     ///< scalar written in quotes or as a block (not plain)
  std::uint32_t line = 0;  ///< 1-based
  std::uint32_t column = 0;
  std::uint32_t first = 0;   ///< scalar: offset in the text pool; containers: offset in links
  std::uint32_t count = 0;   ///< scalar: byte length; sequence: items; mapping: pairs
  std::uint32_t weight = 1;  ///< nodes reached when walking this subtree, aliases expanded
};

/// Limits that keep hostile input bounded (load/README.md).
struct YamlLimits {
  std::uint32_t max_depth = 64;         ///< records need 4 levels, baremes 5
  std::uint32_t max_nodes = 2'000'000;  ///< nodes plus alias expansions, per file
};

/// Every document of one file.
class YamlTree {
 public:
  const YamlNode& node(std::uint32_t index) const { return m_nodes[index]; }
  std::span<const std::uint32_t> documents() const { return m_documents; }
  /// A scalar's text; empty for any other node (a list or a block written as a mapping's key:
  /// `? [a, b]`), whose `first` and `count` say where its items are, not its text.
  std::string_view scalar(const YamlNode& n) const {
    if (n.kind != NodeKind::Scalar) return {};
    return std::string_view(m_text).substr(n.first, n.count);
  }
  /// Items of a sequence, as node indexes.
  std::span<const std::uint32_t> items(const YamlNode& n) const {
    return std::span(m_links).subspan(n.first, n.count);
  }
  /// Key of the i-th pair of a mapping, and its value.
  const YamlNode& key(const YamlNode& map, std::uint32_t i) const {
    return m_nodes[m_links[map.first + 2 * i]];
  }
  const YamlNode& value(const YamlNode& map, std::uint32_t i) const {
    return m_nodes[m_links[map.first + 2 * i + 1]];
  }

 private:
  friend class TreeBuilder;
  std::vector<YamlNode> m_nodes;
  std::vector<std::uint32_t> m_links;
  std::vector<std::uint32_t> m_documents;
  std::string m_text;
};

/// Why a file could not be parsed: French message and 1-based position.
struct YamlError {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;
};

struct YamlParse {
  YamlTree tree;
  std::optional<YamlError> error;
};

/// Parses UTF-8 text (checked beforehand by check_text). Never throws for bad input.
YamlParse parse_yaml(std::string_view text, const YamlLimits& limits = {});

}  // namespace tampon::load
