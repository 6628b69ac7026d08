#include "load/yaml_tree.hpp"

#include <yaml.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <memory>

#include "load/yaml_messages.hpp"

namespace tampon::load {
namespace {

std::uint32_t saturating_add(std::uint32_t a, std::uint32_t b) {
  return b > std::numeric_limits<std::uint32_t>::max() - a
             ? std::numeric_limits<std::uint32_t>::max()
             : a + b;
}

bool is_null_plain(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string_view anchor_of(const yaml_char_t* anchor) {
  return anchor ? std::string_view(reinterpret_cast<const char*>(anchor)) : std::string_view{};
}

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};

}  // namespace

/// Turns the event stream into the arena. Iterative: an open container is a stack frame, its
/// finished children wait in `m_pending` until its end event copies them into `links`.
class TreeBuilder {
 public:
  TreeBuilder(YamlTree& tree, const YamlLimits& limits, std::size_t text_size)
      : m_tree(tree), m_limits(limits) {
    // About one node per 12 bytes in record files: one allocation instead of a dozen.
    m_tree.m_nodes.reserve(std::min<std::size_t>(text_size / 12 + 16, limits.max_nodes));
  }

  /// Handles one event; returns an error message when a limit is crossed.
  std::optional<YamlError> on_event(const yaml_event_t& event) {
    const auto mark = event.start_mark;
    switch (event.type) {
      case YAML_DOCUMENT_START_EVENT:
        m_anchors.clear();  // anchors are scoped to their document
        return std::nullopt;
      case YAML_ALIAS_EVENT:
        return on_alias(anchor_of(event.data.alias.anchor), mark);
      case YAML_SCALAR_EVENT:
        return on_scalar(event, mark);
      case YAML_SEQUENCE_START_EVENT:
        return open(NodeKind::Sequence, anchor_of(event.data.sequence_start.anchor), mark);
      case YAML_MAPPING_START_EVENT:
        return open(NodeKind::Mapping, anchor_of(event.data.mapping_start.anchor), mark);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        close();
        return std::nullopt;
      default:
        return std::nullopt;
    }
  }

 private:
  struct Frame {
    std::uint32_t node;
    std::size_t pending_start;
    std::string anchor;
  };

  std::optional<YamlError> on_scalar(const yaml_event_t& event, const yaml_mark_t& mark) {
    std::string_view text(reinterpret_cast<const char*>(event.data.scalar.value),
                          event.data.scalar.length);
    bool plain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    YamlNode n;
    n.kind = plain && is_null_plain(text) ? NodeKind::Null : NodeKind::Scalar;
    n.quoted = !plain;
    n.first = static_cast<std::uint32_t>(m_tree.m_text.size());
    n.count = static_cast<std::uint32_t>(text.size());
    m_tree.m_text.append(text);
    auto index = add_node(n, mark);
    if (!index) return budget_error(mark);
    remember(anchor_of(event.data.scalar.anchor), *index);
    attach(*index);
    return std::nullopt;
  }

  std::optional<YamlError> on_alias(std::string_view anchor, const yaml_mark_t& mark) {
    auto it = m_anchors.find(anchor);
    if (it == m_anchors.end())
      return YamlError{static_cast<std::uint32_t>(mark.line + 1),
                       static_cast<std::uint32_t>(mark.column + 1), unknown_anchor_message(anchor)};
    m_total = saturating_add(m_total, m_tree.m_nodes[it->second].weight);
    if (m_total > m_limits.max_nodes) return budget_error(mark);
    attach(it->second);
    return std::nullopt;
  }

  std::optional<YamlError> open(NodeKind kind, std::string_view anchor, const yaml_mark_t& mark) {
    if (m_stack.size() + 1 > m_limits.max_depth)
      return YamlError{static_cast<std::uint32_t>(mark.line + 1),
                       static_cast<std::uint32_t>(mark.column + 1),
                       depth_message(m_limits.max_depth)};
    YamlNode n;
    n.kind = kind;
    auto index = add_node(n, mark);
    if (!index) return budget_error(mark);
    m_stack.push_back({*index, m_pending.size(), std::string(anchor)});
    return std::nullopt;
  }

  void close() {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    auto& links = m_tree.m_links;
    std::uint32_t weight = 1;
    for (std::size_t i = frame.pending_start; i < m_pending.size(); ++i)
      weight = saturating_add(weight, m_tree.m_nodes[m_pending[i]].weight);
    YamlNode& n = m_tree.m_nodes[frame.node];
    n.first = static_cast<std::uint32_t>(links.size());
    std::size_t children = m_pending.size() - frame.pending_start;
    n.count = static_cast<std::uint32_t>(n.kind == NodeKind::Mapping ? children / 2 : children);
    n.weight = weight;
    links.insert(links.end(), m_pending.begin() + static_cast<std::ptrdiff_t>(frame.pending_start),
                 m_pending.end());
    m_pending.resize(frame.pending_start);
    remember(frame.anchor, frame.node);
    attach(frame.node);
  }

  std::optional<std::uint32_t> add_node(YamlNode n, const yaml_mark_t& mark) {
    if (++m_total > m_limits.max_nodes) return std::nullopt;
    n.line = static_cast<std::uint32_t>(mark.line + 1);
    n.column = static_cast<std::uint32_t>(mark.column + 1);
    m_tree.m_nodes.push_back(n);
    return static_cast<std::uint32_t>(m_tree.m_nodes.size() - 1);
  }

  // An anchor is usable only once its node is complete, so `&a [*a]` is an unknown anchor
  // rather than a cycle.
  void remember(std::string_view anchor, std::uint32_t index) {
    if (!anchor.empty()) m_anchors.insert_or_assign(std::string(anchor), index);
  }

  void attach(std::uint32_t index) {
    if (m_stack.empty())
      m_tree.m_documents.push_back(index);
    else
      m_pending.push_back(index);
  }

  YamlError budget_error(const yaml_mark_t& mark) const {
    return {static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1),
            node_budget_message(m_limits.max_nodes)};
  }

  YamlTree& m_tree;
  const YamlLimits& m_limits;
  std::vector<Frame> m_stack;
  std::vector<std::uint32_t> m_pending;
  std::map<std::string, std::uint32_t, std::less<>> m_anchors;
  std::uint32_t m_total = 0;
};

YamlParse parse_yaml(std::string_view text, const YamlLimits& limits) {
  YamlParse result;
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
  if (!yaml_parser_initialize(parser.get())) {
    delete parser.release();
    result.error = YamlError{0, 0, "mémoire insuffisante pour lire le fichier YAML"};
    return result;
  }
  // The encoding is forced (check_text accepted UTF-8 only), so libyaml would keep a BOM as
  // text: drop it here; it takes no column.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  yaml_parser_set_encoding(parser.get(), YAML_UTF8_ENCODING);
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  TreeBuilder builder(result.tree, limits, text.size());
  while (true) {
    yaml_event_t event;
    if (!yaml_parser_parse(parser.get(), &event)) {
      result.error = syntax_error(*parser);
      break;
    }
    bool done = event.type == YAML_STREAM_END_EVENT;
    auto error = builder.on_event(event);
    yaml_event_delete(&event);
    if (error) {
      result.error = std::move(error);
      break;
    }
    if (done) break;
  }
  if (result.error) result.tree = YamlTree{};  // never half a tree
  return result;
}

}  // namespace tampon::load
