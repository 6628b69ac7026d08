#include "markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cctype>
#include <cstring>
#include <tuple>

#include "render/html_escape.hpp"
#include "render/markdown_parser.hpp"
#include "text_fold.hpp"

namespace tampon::site {
namespace {

using render::append_escaped;
using render::html_escape;

std::string_view type_of(cmark_node* node) { return cmark_node_get_type_string(node); }
std::string str(const char* text) { return text ? std::string(text) : std::string(); }
/// A node's literal without copying it (text nodes are most of a page).
std::string_view view(const char* text) {
  return text ? std::string_view(text) : std::string_view();
}

/// Plain text of a node's inline content (headings, captions, image alt text).
std::string plain_text_of(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  for (auto ev = cmark_iter_next(iter); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter)) {
    cmark_node* cur = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(cur)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += str(cmark_node_get_literal(cur));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return out;
}

std::string trim(std::string text) {
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

/// "Tableau : Répartition des rôles" just before a table: its caption text, else empty.
std::string caption_of(cmark_node* paragraph) {
  if (cmark_node_get_type(paragraph) != CMARK_NODE_PARAGRAPH) return {};
  cmark_node* next = cmark_node_next(paragraph);
  if (!next || type_of(next) != "table") return {};
  std::string text = plain_text_of(paragraph);
  if (text.rfind(k_caption_prefix, 0) != 0) return {};
  return trim(text.substr(k_caption_prefix.size()));
}

/// Explicit anchor at the end of a heading: "Titre {#mon-id}" → "mon-id" (and strips it).
std::string take_explicit_id(cmark_node* heading) {
  cmark_node* last = cmark_node_last_child(heading);
  if (!last || cmark_node_get_type(last) != CMARK_NODE_TEXT) return {};
  std::string text = str(cmark_node_get_literal(last));
  auto open = text.rfind("{#");
  if (open == std::string::npos || text.back() != '}') return {};
  std::string id = text.substr(open + 2, text.size() - open - 3);
  if (id.empty() || id.find_first_of(" \"'<>&") != std::string::npos) return {};
  cmark_node_set_literal(last, trim(text.substr(0, open)).c_str());
  return id;
}

/// The words of a raw HTML block, which the site does not pass through (safe mode), so that
/// an author's text inside <div>…</div> or <a href="…">…</a> is not lost with the tags:
/// comments, processing instructions, declarations, CDATA and the content of <script> and
/// <style> go; tags go; the rest is kept, white space collapsed. "&amp;", "&lt;", "&gt;",
/// "&quot;", "&#39;" and "&nbsp;" are read as the characters they stand for.
std::string text_of_html_block(std::string_view html) {
  std::string out;
  auto lower_starts = [&](std::size_t at, std::string_view word) {
    if (html.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(html[at + i])) != word[i]) return false;
    return true;
  };
  auto skip_past = [&](std::size_t from, std::string_view end) {
    std::size_t at = html.find(end, from);
    return at == std::string_view::npos ? html.size() : at + end.size();
  };
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        i = skip_past(i + 4, "-->");
        continue;
      }
      if (html.compare(i, 9, "<![CDATA[") == 0) {
        i = skip_past(i + 9, "]]>");
        continue;
      }
      if (html.compare(i, 2, "<?") == 0) {
        i = skip_past(i + 2, "?>");
        continue;
      }
      bool closing = i + 1 < html.size() && html[i + 1] == '/';
      std::size_t name = i + (closing ? 2 : 1);
      bool tag = name < html.size() && (std::isalpha(static_cast<unsigned char>(html[name])) ||
                                        (html[name] == '!' && !closing));
      std::size_t end = tag ? html.find('>', name) : std::string_view::npos;
      if (end != std::string_view::npos) {
        bool raw_text = !closing && (lower_starts(name, "script") || lower_starts(name, "style"));
        i = end + 1;
        if (raw_text) {
          std::string_view close = lower_starts(name, "script") ? "</script" : "</style";
          while (i < html.size() && !lower_starts(i, close)) ++i;
          i = skip_past(i, ">");
        }
        out += ' ';
        continue;
      }
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, std::string_view> k_entities[] = {
          {"&amp;", "&"},   {"&lt;", "<"},  {"&gt;", ">"},
          {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", "\xc2\xa0"}};
      bool found = false;
      for (const auto& [entity, character] : k_entities)
        if (html.compare(i, entity.size(), entity) == 0) {
          out += character;
          i += entity.size();
          found = true;
          break;
        }
      if (found) continue;
    }
    out += c;
    ++i;
  }
  std::string collapsed;
  for (char ch : out) {
    bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : ch;
  }
  if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

/// Walks a cmark document once and writes HTML segments.
class Writer {
 public:
  Writer(ParsedMarkdown& out, const std::string& body, int first_line, const std::string& file,
         const std::set<std::string>& reserved, Diagnostics& diagnostics)
      : m_out(out),
        m_first_line(first_line),
        m_file(file),
        m_reserved(reserved),
        m_diagnostics(diagnostics) {
    std::size_t pos = 0;
    while (pos <= body.size()) {
      std::size_t eol = body.find('\n', pos);
      if (eol == std::string::npos) eol = body.size();
      m_lines.emplace_back(body.data() + pos, eol - pos);
      pos = eol + 1;
    }
  }

  void run(cmark_node* document) {
    prepare_headings(document);
    cmark_iter* iter = cmark_iter_new(document);
    for (auto ev = cmark_iter_next(iter); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter)) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (ev == CMARK_EVENT_ENTER)
        enter(node, iter);
      else
        leave(node);
    }
    cmark_iter_free(iter);
    close_accordion();
    close_group();
    flush();
  }

 private:
  int line_of(cmark_node* node) const {
    int line = cmark_node_get_start_line(node);
    for (cmark_node* p = node; line == 0 && p; p = cmark_node_parent(p))
      line = cmark_node_get_start_line(p);
    return m_first_line + (line > 0 ? line - 1 : 0);
  }

  void warn(cmark_node* node, std::string code, std::string message) {
    Diagnostic d;
    d.where = {m_file, static_cast<std::uint32_t>(line_of(node)),
               static_cast<std::uint32_t>(std::max(1, cmark_node_get_start_column(node)))};
    d.severity = Severity::Warning;
    d.code = std::move(code);
    d.message = std::move(message);
    m_diagnostics.push_back(std::move(d));
  }

  /// cmark-gfm keeps no positions for inline nodes: find the link's target in the source
  /// lines of its block, after the previous link found (links come in document order).
  std::pair<int, int> locate(cmark_node* node, const std::string& needle) {
    cmark_node* block = node;
    while (block && cmark_node_get_start_line(block) == 0) block = cmark_node_parent(block);
    int start = block ? cmark_node_get_start_line(block) : 1;
    int end =
        block ? std::max(start, cmark_node_get_end_line(block)) : static_cast<int>(m_lines.size());
    if (m_cursor_line < start) m_cursor_line = start, m_cursor_col = 0;
    for (int l = m_cursor_line;
         !needle.empty() && l <= end && l <= static_cast<int>(m_lines.size()); ++l) {
      std::size_t from = l == m_cursor_line ? m_cursor_col : 0;
      std::size_t pos = m_lines[l - 1].find(needle, from);
      if (pos == std::string::npos) continue;
      m_cursor_line = l;
      m_cursor_col = pos + 1;
      return {m_first_line + l - 1, static_cast<int>(pos) + 1};
    }
    return {m_first_line + start - 1, 1};
  }

  /// Ids are decided before writing so every heading is known (duplicates get -2, -3 …).
  void prepare_headings(cmark_node* document) {
    cmark_iter* iter = cmark_iter_new(document);
    for (auto ev = cmark_iter_next(iter); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter)) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HEADING) continue;
      Heading h;
      h.level = cmark_node_get_heading_level(node);
      std::string explicit_id = take_explicit_id(node);
      h.text = trim(plain_text_of(node));
      h.id = unique(explicit_id.empty() ? slugify(h.text) : explicit_id);
      h.line = line_of(node);
      m_out.headings.push_back(std::move(h));
    }
    cmark_iter_free(iter);
  }

  std::string unique(const std::string& base) {
    std::string id = base;
    for (int n = 2; m_reserved.contains(id) || m_used.contains(id); ++n)
      id = base + "-" + std::to_string(n);
    m_used.insert(id);
    return id;
  }

  void html(std::string_view text) { m_html += text; }
  void flush() {
    if (!m_html.empty()) m_out.segments.push_back({Segment::Kind::Html, std::move(m_html), 0});
    m_html.clear();
  }
  void hole(Segment::Kind kind, std::size_t ref) {
    flush();
    m_out.segments.push_back({kind, {}, ref});
  }
  void text(std::string_view t) {
    append_escaped(m_html, t);
    m_out.plain_text.append(t);
  }
  void space() { m_out.plain_text += ' '; }

  bool in_tight_list(cmark_node* paragraph) const {
    cmark_node* item = cmark_node_parent(paragraph);
    if (!item || cmark_node_get_type(item) != CMARK_NODE_ITEM) return false;
    cmark_node* list = cmark_node_parent(item);
    return list && cmark_node_get_list_tight(list);
  }

  void enter(cmark_node* node, cmark_iter* iter);
  void leave(cmark_node* node);
  void enter_block(cmark_node* node, cmark_iter* iter);
  void enter_heading(cmark_node* node);
  void leave_heading(cmark_node* node);
  void enter_link(cmark_node* node, bool image, cmark_iter* iter);
  void enter_table(cmark_node* node);
  void enter_code_block(cmark_node* node);

  void close_accordion() {
    if (m_accordion_open) html("</div></section>\n");
    m_accordion_open = false;
  }
  void close_group() {
    if (m_group_open) html("</div>\n");
    m_group_open = false;
  }

  ParsedMarkdown& m_out;
  int m_first_line;
  const std::string& m_file;
  const std::set<std::string>& m_reserved;  ///< the template's ids (not copied per page)
  std::set<std::string> m_used;             ///< the page's own heading ids
  Diagnostics& m_diagnostics;
  std::string m_html;
  std::vector<std::string_view> m_lines;  ///< into the body, which outlives the writer
  int m_cursor_line = 0;
  std::size_t m_cursor_col = 0;
  std::size_t m_next_heading = 0;
  bool m_accordion_open = false, m_group_open = false;
  bool m_in_header_row = false, m_tbody_open = false;
  std::vector<char> m_align;  ///< the current table's columns: 'l', 'c', 'r' or 0
  std::size_t m_column = 0;   ///< the current cell's column
};

void Writer::enter(cmark_node* node, cmark_iter* iter) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
      text(view(cmark_node_get_literal(node)));
      return;
    case CMARK_NODE_SOFTBREAK:
      html("\n");
      space();
      return;
    case CMARK_NODE_LINEBREAK:
      html("<br>\n");
      space();
      return;
    case CMARK_NODE_CODE:
      html("<code>");
      text(view(cmark_node_get_literal(node)));
      html("</code>");
      return;
    case CMARK_NODE_EMPH:
      html("<em>");
      return;
    case CMARK_NODE_STRONG:
      html("<strong>");
      return;
    case CMARK_NODE_LINK:
      enter_link(node, false, iter);
      return;
    case CMARK_NODE_IMAGE:
      enter_link(node, true, iter);
      return;
    case CMARK_NODE_HTML_INLINE:
      warn(node, "site-raw-html", "HTML brut ignoré : le site n'accepte que du Markdown");
      return;
    default:
      break;
  }
  if (type_of(node) == "strikethrough") return html("<del>");
  enter_block(node, iter);
}

void Writer::enter_block(cmark_node* node, cmark_iter* iter) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_BLOCK_QUOTE:
      html("<blockquote>\n");
      return;
    case CMARK_NODE_LIST:
      if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
        int start = cmark_node_get_list_start(node);
        html(start == 1 ? "<ol>\n" : "<ol start=\"" + std::to_string(start) + "\">\n");
      } else {
        html("<ul>\n");
      }
      return;
    case CMARK_NODE_ITEM:
      html("<li>");
      return;
    case CMARK_NODE_PARAGRAPH:
      if (!caption_of(node).empty()) {
        cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);  // written inside the table
        return;
      }
      if (!in_tight_list(node)) html("<p>");
      return;
    case CMARK_NODE_HEADING:
      enter_heading(node);
      return;
    case CMARK_NODE_THEMATIC_BREAK:
      html("<hr>\n");
      return;
    case CMARK_NODE_CODE_BLOCK:
      enter_code_block(node);
      return;
    case CMARK_NODE_HTML_BLOCK: {
      warn(node, "site-raw-html",
           "bloc HTML brut ignoré (son texte est gardé) : le site n'accepte que du Markdown");
      std::string words = text_of_html_block(view(cmark_node_get_literal(node)));
      if (words.empty()) return;
      html("<p>");
      text(words);
      html("</p>\n");
      space();
      return;
    }
    default:
      break;
  }
  std::string_view type = type_of(node);
  if (type == "table") return enter_table(node);
  if (type == "table_row" || type == "table_header") {
    m_in_header_row = cmark_gfm_extensions_get_table_row_is_header(node);
    m_column = 0;
    if (m_in_header_row) return html("<thead><tr>");
    if (!m_tbody_open) html("<tbody>");
    m_tbody_open = true;
    return html("<tr>");
  }
  if (type == "table_cell") {
    // Column alignment (|:---:|---:|) as the DSFR's cell classes; left is the default.
    char align = m_column < m_align.size() ? m_align[m_column] : 0;
    ++m_column;
    std::string_view cls = align == 'c'   ? " class=\"fr-cell--center\""
                           : align == 'r' ? " class=\"fr-cell--right\""
                                          : "";
    html(m_in_header_row ? "<th scope=\"col\"" : "<td");
    html(cls);
    html(">");
  }
}

void Writer::leave(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_EMPH:
      html("</em>");
      return;
    case CMARK_NODE_STRONG:
      html("</strong>");
      return;
    case CMARK_NODE_LINK:
      hole(Segment::Kind::Detail, m_out.links.size() - 1);
      html("</a>");
      return;
    case CMARK_NODE_BLOCK_QUOTE:
      html("</blockquote>\n");
      space();
      return;
    case CMARK_NODE_LIST:
      html(cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? "</ol>\n" : "</ul>\n");
      return;
    case CMARK_NODE_ITEM:
      html("</li>\n");
      space();
      return;
    case CMARK_NODE_PARAGRAPH:
      if (!in_tight_list(node)) html("</p>\n");
      space();
      return;
    case CMARK_NODE_HEADING:
      leave_heading(node);
      return;
    default:
      break;
  }
  std::string_view type = type_of(node);
  if (type == "strikethrough") return html("</del>");
  if (type == "table") {
    if (m_tbody_open) html("</tbody>");
    m_tbody_open = false;
    return html("</table></div></div></div></div>\n");
  }
  if (type == "table_row" || type == "table_header") {
    html(m_in_header_row ? "</tr></thead>\n" : "</tr>\n");
    m_in_header_row = false;
    return;
  }
  if (type == "table_cell") {
    html(m_in_header_row ? "</th>" : "</td>");
    space();
  }
}

void Writer::enter_heading(cmark_node* node) {
  const Heading& h = m_out.headings.at(m_next_heading);
  if (m_out.faq && h.level <= 3) close_accordion();
  if (m_out.faq && h.level <= 2) close_group();
  if (m_out.faq && h.level == 3) {
    html(
        "<section class=\"fr-accordion\"><h3 class=\"fr-accordion__title\">"
        "<button type=\"button\" class=\"fr-accordion__btn\" aria-expanded=\"false\" "
        "aria-controls=\"" +
        h.id + "\">");
    return;
  }
  (void)node;
  html("<h" + std::to_string(h.level) + " id=\"" + h.id + "\">");
}

void Writer::leave_heading(cmark_node* node) {
  const Heading& h = m_out.headings.at(m_next_heading++);
  space();
  (void)node;
  if (m_out.faq && h.level == 3) {
    html("</button></h3>\n<div class=\"fr-collapse\" id=\"" + h.id + "\">\n");
    m_accordion_open = true;
    return;
  }
  html("</h" + std::to_string(h.level) + ">\n");
  if (m_out.faq && h.level == 2) {
    html("<div class=\"fr-accordions-group\">\n");
    m_group_open = true;
  }
}

void Writer::enter_link(cmark_node* node, bool image, cmark_iter* iter) {
  LinkRef ref;
  ref.target = str(cmark_node_get_url(node));
  std::tie(ref.line, ref.column) = locate(node, ref.target);
  ref.image = image;
  m_out.links.push_back(ref);
  std::size_t index = m_out.links.size() - 1;
  if (!image) {
    html("<a ");
    hole(Segment::Kind::LinkAttrs, index);
    std::string title = str(cmark_node_get_title(node));
    html(title.empty() ? ">" : " title=\"" + html_escape(title) + "\">");
    return;
  }
  html("<img src=\"");
  hole(Segment::Kind::Href, index);
  html("\" alt=\"" + html_escape(plain_text_of(node)) + "\"");
  std::string title = str(cmark_node_get_title(node));
  html(title.empty() ? ">" : " title=\"" + html_escape(title) + "\">");
  cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
}

void Writer::enter_table(cmark_node* node) {
  html(
      "<div class=\"fr-table\"><div class=\"fr-table__wrapper\"><div class=\"fr-table__container\" "
      "tabindex=\"0\">"
      "<div class=\"fr-table__content\"><table>");
  cmark_node* previous = cmark_node_previous(node);
  std::string caption = previous ? caption_of(previous) : std::string();
  if (caption.empty()) {
    warn(node, "site-table-caption",
         "tableau sans titre : ajoutez juste avant lui un paragraphe « Tableau : … »");
  } else {
    html("<caption>");
    text(caption);
    html("</caption>");
    space();
  }
  m_tbody_open = false;
  m_align.assign(cmark_gfm_extensions_get_table_columns(node), 0);
  if (const uint8_t* align = cmark_gfm_extensions_get_table_alignments(node))
    for (std::size_t c = 0; c < m_align.size(); ++c) m_align[c] = static_cast<char>(align[c]);
}

void Writer::enter_code_block(cmark_node* node) {
  std::string info = trim(str(cmark_node_get_fence_info(node)));
  std::string literal = str(cmark_node_get_literal(node));
  if (info == "tampon") {
    m_out.blocks.push_back({trim(literal), line_of(node)});
    hole(Segment::Kind::Block, m_out.blocks.size() - 1);
    return;
  }
  std::string lang = info.substr(0, info.find(' '));
  html(lang.empty() ? "<pre><code>" : "<pre><code class=\"language-" + html_escape(lang) + "\">");
  text(literal);
  html("</code></pre>\n");
}

/// Safe mode (no CMARK_OPT_UNSAFE): raw HTML never reaches the page.
const render::MarkdownSettings k_settings{
    CMARK_OPT_SOURCEPOS | CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8,
    render::k_gfm_table | render::k_gfm_strikethrough | render::k_gfm_autolink};

}  // namespace

void init_markdown() { render::ensure_markdown_registered(); }

ParsedMarkdown parse_markdown(const std::string& body, int first_line,
                              const std::string& display_path, bool faq,
                              const std::set<std::string>& reserved_ids, Diagnostics& diagnostics) {
  render::MarkdownTree document = render::parse_markdown_tree(body, k_settings);
  ParsedMarkdown parsed;
  parsed.faq = faq;
  Writer(parsed, body, first_line, display_path, reserved_ids, diagnostics).run(document.root());
  return parsed;
}

std::string render_markdown(const ParsedMarkdown& parsed, const RenderHooks& hooks) {
  std::string out;
  std::size_t size = 0;
  for (const Segment& segment : parsed.segments) size += segment.html.size();
  out.reserve(size + size / 8);
  std::vector<ResolvedLink> resolved(parsed.links.size());
  for (std::size_t i = 0; i < parsed.links.size(); ++i)
    resolved[i] = hooks.resolve(parsed.links[i]);
  for (const Segment& segment : parsed.segments) {
    switch (segment.kind) {
      case Segment::Kind::Html:
        out += segment.html;
        break;
      case Segment::Kind::Href:
        render::append_href_escaped(out, resolved[segment.ref].href);
        break;
      case Segment::Kind::LinkAttrs:
        out += "href=\"";
        render::append_href_escaped(out, resolved[segment.ref].href);
        out += '"';
        if (!resolved[segment.ref].download_detail.empty())
          out += " class=\"fr-link fr-link--download\" download";
        break;
      case Segment::Kind::Detail:
        if (!resolved[segment.ref].download_detail.empty())
          out += " <span class=\"fr-link__detail\">" +
                 html_escape(resolved[segment.ref].download_detail) + "</span>";
        break;
      case Segment::Kind::Block:
        out += hooks.data_block(parsed.blocks[segment.ref]);
        break;
    }
  }
  return out;
}

}  // namespace tampon::site
