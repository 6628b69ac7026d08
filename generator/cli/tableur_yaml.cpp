#include "cli/tableur_yaml.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace tampon::cli::tableur {

YamlValue* YamlValue::find(std::string_view key) {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return &values[i];
  return nullptr;
}

void YamlValue::set(std::string_view dotted, YamlValue value) {
  auto dot = dotted.find('.');
  if (dot == std::string_view::npos) {
    if (auto* existing = find(dotted))
      *existing = std::move(value);
    else
      keys.emplace_back(dotted), values.push_back(std::move(value));
    return;
  }
  std::string_view head = dotted.substr(0, dot);
  YamlValue* child = find(head);
  if (!child || child->kind != Kind::Map) {
    if (!child) {
      keys.emplace_back(head), values.emplace_back();
      child = &values.back();
    } else {
      *child = YamlValue{};
    }
  }
  child->set(dotted.substr(dot + 1), std::move(value));
}

std::string yaml_quote(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\r':
        out += "\\r";
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
      continue;
    }
    // U+0085, U+2028, U+2029 are line breaks to YAML: folded unless escaped.
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
      out += "\\u0085";
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
         static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
      out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
      continue;
    }
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBB &&
        static_cast<unsigned char>(text[i + 2]) == 0xBF) {
      out += "\\uFEFF";
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  out += '"';
  return out;
}

namespace {

bool plain_key(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return key[0] != '-';
}

std::string key_text(std::string_view key) {
  return plain_key(key) ? std::string(key) : yaml_quote(key);
}

std::string scalar_text(const YamlValue& v) {
  return v.kind == YamlValue::Kind::Plain ? v.text : yaml_quote(v.text);
}

bool is_scalar(const YamlValue& v) {
  return v.kind == YamlValue::Kind::Plain || v.kind == YamlValue::Kind::Quoted;
}

/// Collects LineOrigins while a text is emitted: the line a key starts on is the number of line
/// feeds written so far (counted once each, as the text grows).
class Marks {
 public:
  explicit Marks(std::vector<LineOrigin>* lines) : m_lines(lines) {}
  void mark(const std::string& out, Origin origin) {
    if (!m_lines || !origin.known() || origin.source > INT16_MAX) return;
    // A CSV field past the 65 535th character of its line keeps its line, at that column.
    origin.col = std::clamp(origin.col, 0, static_cast<std::int32_t>(UINT16_MAX));
    m_count += static_cast<std::uint32_t>(
        std::count(out.begin() + static_cast<std::ptrdiff_t>(m_scanned), out.end(), '\n'));
    m_scanned = out.size();
    m_lines->push_back({m_count, origin.row, static_cast<std::uint16_t>(origin.col),
                        static_cast<std::int16_t>(origin.source)});
  }

 private:
  std::vector<LineOrigin>* m_lines;
  std::size_t m_scanned = 0;
  std::uint32_t m_count = 0;
};

Origin closest(const YamlValue& v, Origin around) { return v.origin.known() ? v.origin : around; }

void emit_map(const YamlValue& map, int indent, bool first_inline, std::string& out, Marks& marks,
              Origin around);

void emit_value_after_key(const YamlValue& v, int indent, std::string& out, Marks& marks,
                          Origin around) {
  if (is_scalar(v)) {
    out += ' ';
    out += scalar_text(v);
    out += '\n';
  } else if (v.kind == YamlValue::Kind::Map) {
    if (v.keys.empty()) {
      out += " {}\n";
      return;
    }
    out += '\n';
    emit_map(v, indent + 2, false, out, marks, closest(v, around));
  } else {
    bool all_scalars = true;
    for (auto& item : v.seq) all_scalars = all_scalars && is_scalar(item);
    if (v.seq.empty() || all_scalars) {
      out += " [";
      for (std::size_t i = 0; i < v.seq.size(); ++i) {
        if (i) out += ", ";
        out += scalar_text(v.seq[i]);
      }
      out += "]\n";
      return;
    }
    out += '\n';
    for (auto& item : v.seq) {
      out.append(static_cast<std::size_t>(indent + 2), ' ');
      out += "- ";
      if (item.kind == YamlValue::Kind::Map && !item.keys.empty() &&
          item.values.front().kind == YamlValue::Kind::Placeholder) {
        out.pop_back();  // "-" alone, the item's fields on the lines below
        out += '\n';
        emit_map(item, indent + 4, false, out, marks, closest(item, around));
      } else if (item.kind == YamlValue::Kind::Map && !item.keys.empty()) {
        emit_map(item, indent + 4, true, out, marks, closest(item, around));
      } else if (is_scalar(item)) {
        out += scalar_text(item);
        out += '\n';
      } else {
        out += "{}\n";
      }
    }
  }
}

// `# key:  # hint`, then the block's own placeholders two columns further inside the comment,
// so that deleting "# " gives valid YAML at the right indentation.
void emit_placeholder(std::string_view key, const YamlValue& v, int indent, int inner,
                      std::string& out) {
  out.append(static_cast<std::size_t>(indent), ' ');
  out += "# ";
  out.append(static_cast<std::size_t>(inner), ' ');
  out += key_text(key);
  out += ':';
  if (!v.text.empty()) {
    out += "  # ";
    out += v.text;
  }
  out += '\n';
  for (std::size_t i = 0; i < v.keys.size(); ++i)
    emit_placeholder(v.keys[i], v.values[i], indent, inner + 2, out);
}

void emit_map(const YamlValue& map, int indent, bool first_inline, std::string& out, Marks& marks,
              Origin around) {
  around = closest(map, around);
  bool first = true;
  for (std::size_t i = 0; i < map.keys.size(); ++i) {
    const std::string& key = map.keys[i];
    const YamlValue& value = map.values[i];
    if (value.kind == YamlValue::Kind::Placeholder) {
      first = false;
      emit_placeholder(key, value, indent, 0, out);
      continue;
    }
    marks.mark(out, closest(value, around));
    if (!(first && first_inline)) out.append(static_cast<std::size_t>(indent), ' ');
    first = false;
    out += key_text(key);
    out += ':';
    emit_value_after_key(value, indent, out, marks, around);
  }
}

}  // namespace

std::string emit_record(const YamlValue& record, std::string_view header_comment,
                        std::vector<LineOrigin>* lines) {
  std::string out;
  Marks marks(lines);
  while (!header_comment.empty()) {
    auto eol = header_comment.find('\n');
    out += "# ";
    out += header_comment.substr(0, eol);
    out += '\n';
    header_comment =
        eol == std::string_view::npos ? std::string_view() : header_comment.substr(eol + 1);
  }
  marks.mark(out, record.origin);
  emit_map(record, 0, false, out, marks, record.origin);
  if (record.keys.empty()) out += "{}\n";
  return out;
}

std::string emit_item(const YamlValue& record, std::vector<LineOrigin>* lines) {
  std::string out = "- ";
  Marks marks(lines);
  marks.mark(out, record.origin);  // the item's own line, when its first key has no origin
  if (record.keys.empty()) {
    out += "{}\n";
  } else if (record.values.front().kind == YamlValue::Kind::Placeholder) {
    out.pop_back();  // "-" alone, the fields on the lines below
    out += '\n';
    emit_map(record, 2, false, out, marks, record.origin);
  } else {
    emit_map(record, 2, true, out, marks, record.origin);
  }
  return out;
}

}  // namespace tampon::cli::tableur
