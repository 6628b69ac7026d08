#include "render/template/markdown_template.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace tampon::tmpl {
namespace {

/// A mustache tag as written in the template, with its position.
struct Tag {
  char kind = 0;  ///< 0 variable, '#', '^', '/', '!', '>', '=', '&' (includes {{{ }}})
  std::string name;
  std::uint32_t line = 1, column = 1;
};

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

/// Splits the template into tags, or reports an unclosed one.
std::vector<Tag> scan_tags(const Template& t, Diagnostics& out) {
  std::vector<Tag> tags;
  const std::string& s = t.text;
  std::uint32_t line = 1, column = 1;
  std::size_t i = 0;
  auto advance_to = [&](std::size_t to) {
    for (; i < to; ++i) {
      if (s[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
        ++column;  // count characters, not UTF-8 continuation bytes
      }
    }
  };
  while (true) {
    std::size_t open = s.find("{{", i);
    if (open == std::string::npos) break;
    advance_to(open);
    Tag tag;
    tag.line = line;
    tag.column = column;
    bool triple = s.compare(open, 3, "{{{") == 0;
    std::string_view closing = triple ? "}}}" : "}}";
    std::size_t body = open + (triple ? 3 : 2);
    std::size_t close = s.find(closing, body);
    if (close == std::string::npos) {
      out.push_back(Diagnostic::error({t.file, line, column}, std::string(k_template_syntax),
                                      "balise « {{ » jamais refermée"));
      return tags;
    }
    std::string content = trim(std::string_view(s).substr(body, close - body));
    if (triple) {
      tag.kind = '&';
    } else if (!content.empty() &&
               std::string_view("#^/!>=&").find(content[0]) != std::string_view::npos) {
      tag.kind = content[0];
      content = trim(std::string_view(content).substr(1));
    }
    tag.name = std::move(content);
    tags.push_back(std::move(tag));
    advance_to(close + closing.size());
  }
  return tags;
}

std::vector<std::string> split_dots(const std::string& name) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = name.find('.', start);
    parts.push_back(name.substr(start, dot - start));
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

/// Name resolution as kainjow does it: the innermost context that has the first part, then
/// down the dotted path.
const Data* resolve(const std::vector<const Data*>& stack, const std::string& name) {
  if (name == ".") return stack.back();
  auto parts = split_dots(name);
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    if (!*it) continue;  // an inverted section pushes nothing
    const Data* value = *it;
    for (const auto& part : parts) {
      value = value ? value->get(part) : nullptr;
      if (!value) break;
    }
    if (value) return value;
  }
  return nullptr;
}

// kainjow's data looks a key up but cannot list its keys, so a hint for an unknown name tries
// the spellings near it (Norvig's corrector): every string one edit away, then two for names
// of 6 to 10 characters (as core/suggest's budget allows two edits from 6), some 600 000
// lookups at most (10 ms in a release build) and only once a name is unknown. Keys are
// lower-case letters, digits and '_'.
constexpr std::string_view k_key_chars = "abcdefghijklmnopqrstuvwxyz0123456789_";

template <class F>
void for_each_edit(const std::string& w, F&& f) {
  std::string e;  // one buffer: names are short, so no allocation per candidate
  e.reserve(w.size() + 1);
  for (std::size_t i = 0; i < w.size(); ++i) {  // deletions
    e.assign(w, 0, i);
    e.append(w, i + 1);
    f(e);
  }
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {  // adjacent transpositions
    e = w;
    std::swap(e[i], e[i + 1]);
    f(e);
  }
  for (std::size_t i = 0; i <= w.size(); ++i)
    for (char c : k_key_chars) {
      if (i < w.size() && w[i] != c) {  // replacements
        e = w;
        e[i] = c;
        f(e);
      }
      e.assign(w, 0, i);  // insertions
      e += c;
      e.append(w, i);
      f(e);
    }
}

/// How much hint searching one check may do: a template with thousands of misspelt names
/// (hostile, or a bad paste) must still be checked in bounded time. The first names get the
/// two-edit search, the next ones one edit, the rest no hint (the error itself stays).
struct HintBudget {
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  // Instrumented, one two-edit search takes seconds and stalls the fuzzer; the unit tests
  // (TemplateCheck.*) cover it.
  int two_edits = 0;
#else
  int two_edits = 4;
#endif
  int searches = 64;
};

std::optional<std::string> near_key(const Data& object, const std::string& word,
                                    HintBudget& budget) {
  if (budget.searches <= 0) return std::nullopt;
  --budget.searches;
  std::optional<std::string> best;
  auto keep = [&](const std::string& candidate) {
    if (!best || candidate < *best)
      if (object.get(candidate)) best = candidate;
  };
  for_each_edit(word, keep);
  if (!best && word.size() >= 6 && word.size() <= 10 && budget.two_edits > 0) {
    --budget.two_edits;
    for_each_edit(word, [&](const std::string& once) { for_each_edit(once, keep); });
  }
  return best;
}

/// " ; vouliez-vous dire « structure.nom » ?" when a name one or two edits away from one part
/// of `name` exists where that part is looked up, and the corrected name resolves; else "".
std::string name_hint(const std::vector<const Data*>& stack, const std::string& name,
                      HintBudget& budget) {
  if (name == ".") return "";
  auto parts = split_dots(name);
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    const Data* value = *it;
    for (std::size_t i = 0; value && i < parts.size(); ++i) {
      const Data* next = value->get(parts[i]);
      if (!next) {
        if (!value->is_object() || parts[i].empty() || parts[i].size() > 64) break;
        auto fixed = near_key(*value, parts[i], budget);
        if (!fixed) break;
        std::vector<std::string> corrected = parts;
        corrected[i] = *fixed;
        std::string full;
        for (const auto& p : corrected) full += (full.empty() ? "" : ".") + p;
        if (resolve(stack, full)) return " ; vouliez-vous dire « " + full + " » ?";
        break;
      }
      value = next;
    }
  }
  return "";
}

Diagnostic error_at(const Template& t, const Tag& tag, std::string_view code, std::string message) {
  return Diagnostic::error({t.file, tag.line, tag.column}, std::string(code), std::move(message));
}

void check_tags(const Template& t, const std::vector<Tag>& tags, std::vector<const Data*> stack,
                const Partials* partials, HintBudget& budget, Diagnostics& out);

void check_partial(const Template& t, const Tag& tag, const std::vector<const Data*>& stack,
                   const Partials* partials, HintBudget& budget, Diagnostics& out) {
  if (!partials) {
    out.push_back(error_at(t, tag, k_template_syntax,
                           "un gabarit partiel n’en inclut pas d’autre ({{>" + tag.name + "}})"));
    return;
  }
  auto found = partials->find(tag.name);
  if (found == partials->end()) {
    out.push_back(
        error_at(t, tag, k_template_missing, "gabarit partiel « " + tag.name + " » introuvable"));
    return;
  }
  const Template& partial = found->second;
  std::vector<Tag> inner = scan_tags(partial, out);
  check_tags(partial, inner, stack, nullptr, budget, out);  // one level: a partial includes none
}

void check_tags(const Template& t, const std::vector<Tag>& tags, std::vector<const Data*> stack,
                const Partials* partials, HintBudget& budget, Diagnostics& out) {
  std::vector<const Tag*> sections;
  for (const Tag& tag : tags) {
    switch (tag.kind) {
      case '!':
        break;
      case '>':
        check_partial(t, tag, stack, partials, budget, out);
        break;
      case '=':
        out.push_back(error_at(t, tag, k_template_syntax,
                               "le changement de délimiteurs n’est pas pris en charge"));
        break;
      case '/':
        if (sections.empty() || sections.back()->name != tag.name) {
          out.push_back(
              error_at(t, tag, k_template_syntax,
                       "fermeture de section « " + tag.name + " » sans ouverture correspondante"));
          break;
        }
        sections.pop_back();
        stack.pop_back();
        break;
      default: {
        const Data* value = resolve(stack, tag.name);
        if (!value)
          out.push_back(error_at(t, tag, k_unknown_variable,
                                 "variable « " + tag.name + " » inconnue des données du document" +
                                     name_hint(stack, tag.name, budget)));
        if (tag.kind == '#' || tag.kind == '^') {
          sections.push_back(&tag);
          const Data* inner = nullptr;
          if (tag.kind == '#' && value)
            inner = value->is_list()
                        ? (value->list_value().empty() ? nullptr : &value->list_value().front())
                        : value;
          stack.push_back(inner);
        }
      }
    }
  }
  for (const Tag* open : sections)
    out.push_back(
        error_at(t, *open, k_template_syntax, "section « " + open->name + " » jamais refermée"));
}

/// Reports names the view lacks, the way kainjow would render nothing for them, and serves
/// the partials by name.
class StrictContext : public kainjow::mustache::context<std::string> {
 public:
  StrictContext(const Data* data, const Partials& partials)
      : kainjow::mustache::context<std::string>(data) {
    for (const auto& [name, partial] : partials) m_partials.emplace(name, Data(partial.text));
  }
  const Data* get(const std::string& name) const override {
    const Data* found = kainjow::mustache::context<std::string>::get(name);
    if (!found && !name.empty()) missing.push_back(name);
    return found;
  }
  const Data* get_partial(const std::string& name) const override {
    auto found = m_partials.find(name);
    if (found != m_partials.end()) return &found->second;
    missing.push_back(">" + name);
    return nullptr;
  }
  mutable std::vector<std::string> missing;

 private:
  std::map<std::string, Data, std::less<>> m_partials;
};

}  // namespace

Template load_template(const std::filesystem::path& path, std::string display_name,
                       const SourceRoot& root) {
  std::string text;
  if (SourceStatus status = read_source(path, root, text); !status)
    throw Fatal("gabarit « " + display_name + " » illisible : " + source_problem_message(status));
  return {std::move(display_name), std::move(text)};
}

Diagnostics check_template(const Template& t, const Data& schema, const Partials& partials) {
  Diagnostics out;
  std::vector<Tag> tags = scan_tags(t, out);
  HintBudget budget;
  check_tags(t, tags, {&schema}, &partials, budget, out);
  return out;
}

bool is_valid_partial_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::ranges::all_of(name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::vector<std::string> partial_names(const Template& t) {
  Diagnostics ignored;
  std::vector<std::string> names;
  for (const Tag& tag : scan_tags(t, ignored))
    if (tag.kind == '>') names.push_back(tag.name);
  std::ranges::sort(names);
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string render(const Template& t, const Data& view, const Partials& partials) {
  kainjow::mustache::mustache engine(t.text);
  if (!engine.is_valid())
    throw std::runtime_error(t.file + " : gabarit invalide : " + engine.error_message());
  engine.set_custom_escape([](const std::string& s) { return escape_markdown(s); });
  StrictContext context(&view, partials);
  std::string out = engine.render(context);
  if (!context.missing.empty())
    throw std::runtime_error(
        t.file + " : " +
        (context.missing.front().starts_with(">")
             ? "gabarit partiel « " + context.missing.front().substr(1) + " » introuvable"
             : "variable « " + context.missing.front() + " » absente des données du document"));
  return out;
}

std::string escape_markdown(std::string_view text) {
  // Every ASCII punctuation character CommonMark gives a meaning to. Quotes are left alone so
  // smart punctuation turns the apostrophes of names into typographic ones.
  static constexpr std::string_view k_special = "\\`*_{}[]()<>#+-.!|~&=:$%^;,/?@";
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      if (k_special.find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

}  // namespace tampon::tmpl
