#include "xlsx_reader.hpp"

#include <cstdio>
#include <regex>
#include <stdexcept>

namespace tampon::testing {
namespace {

std::string attr(const std::string& tag, const std::string& name) {
  std::regex re("\\s" + name + "=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(tag, m, re) ? xml_unescape(m[1].str()) : std::string();
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

/// Concatenated `<t>` texts of a string item (handles rich text runs).
std::string texts_of(const std::string& xml) {
  static const std::regex t_re("<t(?:\\s[^>]*)?>([\\s\\S]*?)</t>");
  std::string out;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), t_re); it != std::sregex_iterator();
       ++it)
    out += xml_unescape((*it)[1].str());
  return out;
}

std::string builtin_format(int id) {
  static const std::map<int, std::string> k_builtin{{0, "General"}, {1, "0"},         {2, "0.00"},
                                                    {3, "#,##0"},   {4, "#,##0.00"},  {9, "0%"},
                                                    {10, "0.00%"},  {14, "mm-dd-yy"}, {49, "@"}};
  auto it = k_builtin.find(id);
  return it == k_builtin.end() ? "builtin-" + std::to_string(id) : it->second;
}

}  // namespace

std::string run(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen: " + command);
  std::string out;
  char buffer[65536];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int status = pclose(pipe);
  if (status != 0) throw std::runtime_error("command failed: " + command);
  return out;
}

std::string xml_unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    std::size_t end = text.find(';', i);
    std::string entity = text.substr(i + 1, end - i - 1);
    if (entity == "amp")
      out += '&';
    else if (entity == "lt")
      out += '<';
    else if (entity == "gt")
      out += '>';
    else if (entity == "quot")
      out += '"';
    else if (entity == "apos")
      out += '\'';
    else if (entity.size() > 1 && entity[0] == '#')
      append_utf8(out, entity[1] == 'x' ? std::stoul(entity.substr(2), nullptr, 16)
                                        : std::stoul(entity.substr(1)));
    i = end;
  }
  return out;
}

double XCell::number() const { return std::stod(value); }

const XCell& XSheet::at(const std::string& ref) const {
  auto it = cells.find(ref);
  if (it == cells.end()) throw std::out_of_range("no cell " + ref + " in sheet " + name);
  return it->second;
}

std::optional<double> XSheet::column_width(int col) const {
  static const std::regex col_re("<col [^>]*/>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), col_re); it != std::sregex_iterator();
       ++it) {
    std::string tag = it->str();
    if (std::stoi(attr(tag, "min")) <= col && col <= std::stoi(attr(tag, "max")))
      return std::stod(attr(tag, "width"));
  }
  return std::nullopt;
}

int XSheet::max_row() const {
  int max = 0;
  for (const auto& [ref, cell] : cells) {
    std::size_t digits = ref.find_first_of("0123456789");
    max = std::max(max, std::stoi(ref.substr(digits)));
  }
  return max;
}

XlsxFile::XlsxFile(const std::filesystem::path& path) : m_path(path) {
  m_workbook = part("xl/workbook.xml");
  std::string rels = part("xl/_rels/workbook.xml.rels");
  std::map<std::string, std::string> targets;
  static const std::regex rel_re("<Relationship [^>]*/>");
  for (auto it = std::sregex_iterator(rels.begin(), rels.end(), rel_re);
       it != std::sregex_iterator(); ++it)
    targets[attr(it->str(), "Id")] = "xl/" + attr(it->str(), "Target");
  static const std::regex sheet_re("<sheet [^>]*/>");
  for (auto it = std::sregex_iterator(m_workbook.begin(), m_workbook.end(), sheet_re);
       it != std::sregex_iterator(); ++it) {
    std::string name = attr(it->str(), "name");
    m_names.push_back(name);
    m_parts[name] = targets[attr(it->str(), "r:id")];
  }
  std::string listing = run("unzip -Z1 '" + m_path.string() + "'");
  if (listing.find("xl/sharedStrings.xml") != std::string::npos) {
    std::string shared = part("xl/sharedStrings.xml");
    static const std::regex si_re("<si>([\\s\\S]*?)</si>");
    for (auto it = std::sregex_iterator(shared.begin(), shared.end(), si_re);
         it != std::sregex_iterator(); ++it)
      m_shared.push_back(texts_of((*it)[1].str()));
  }
  std::string styles = part("xl/styles.xml");
  std::map<int, std::string> custom;
  static const std::regex fmt_re("<numFmt [^>]*/>");
  for (auto it = std::sregex_iterator(styles.begin(), styles.end(), fmt_re);
       it != std::sregex_iterator(); ++it)
    custom[std::stoi(attr(it->str(), "numFmtId"))] = attr(it->str(), "formatCode");
  std::size_t xfs = styles.find("<cellXfs");
  std::string cell_xfs = styles.substr(xfs, styles.find("</cellXfs>", xfs) - xfs);
  static const std::regex xf_re("<xf [^>]*?(?:/>|>[\\s\\S]*?</xf>)");
  for (auto it = std::sregex_iterator(cell_xfs.begin(), cell_xfs.end(), xf_re);
       it != std::sregex_iterator(); ++it) {
    int id = std::stoi(attr(it->str(), "numFmtId"));
    m_style_formats.push_back(custom.contains(id) ? custom[id] : builtin_format(id));
    std::string xf = it->str();
    m_style_unlocked.push_back(xf.find("locked=\"0\"") != std::string::npos ||
                               xf.find("locked=\"false\"") != std::string::npos);
  }
}

std::string XlsxFile::part(const std::string& name) const {
  return run("unzip -p '" + m_path.string() + "' '" + name + "'");
}

XSheet XlsxFile::sheet(const std::string& name) const {
  XSheet out;
  out.name = name;
  auto it = m_parts.find(name);
  if (it == m_parts.end()) throw std::out_of_range("no sheet " + name);
  out.xml = part(it->second);
  static const std::regex cell_re("<c ([^>]*?)(?:/>|>([\\s\\S]*?)</c>)");
  static const std::regex f_re("<f(?:\\s[^>]*)?>([\\s\\S]*?)</f>");
  static const std::regex v_re("<v>([\\s\\S]*?)</v>");
  for (auto c = std::sregex_iterator(out.xml.begin(), out.xml.end(), cell_re);
       c != std::sregex_iterator(); ++c) {
    std::string tag = " " + (*c)[1].str();
    std::string body = (*c)[2].str();
    XCell cell;
    cell.type = attr(tag, "t");
    std::string s = attr(tag, "s");
    cell.style = s.empty() ? 0 : std::stoi(s);
    cell.num_format = m_style_formats.at(static_cast<std::size_t>(cell.style));
    cell.locked = !m_style_unlocked.at(static_cast<std::size_t>(cell.style));
    std::smatch m;
    if (std::regex_search(body, m, f_re)) cell.formula = xml_unescape(m[1].str());
    if (cell.type == "inlineStr")
      cell.value = texts_of(body);
    else if (std::regex_search(body, m, v_re))
      cell.value = xml_unescape(m[1].str());
    if (cell.type == "s") cell.value = m_shared.at(std::stoul(cell.value));
    out.cells[attr(tag, "r")] = cell;
  }
  static const std::regex dv_re("<dataValidation ([^>]*)>([\\s\\S]*?)</dataValidation>");
  static const std::regex f1_re("<formula1>([\\s\\S]*?)</formula1>");
  static const std::regex f2_re("<formula2>([\\s\\S]*?)</formula2>");
  for (auto d = std::sregex_iterator(out.xml.begin(), out.xml.end(), dv_re);
       d != std::sregex_iterator(); ++d) {
    std::string tag = " " + (*d)[1].str();
    std::string body = (*d)[2].str();
    XValidation v;
    v.type = attr(tag, "type");
    v.op = attr(tag, "operator");
    v.sqref = attr(tag, "sqref");
    v.error_title = xml_unescape(attr(tag, "errorTitle"));
    v.error = xml_unescape(attr(tag, "error"));
    v.prompt = xml_unescape(attr(tag, "prompt"));
    v.allow_blank = attr(tag, "allowBlank") == "1" || attr(tag, "allowBlank") == "true";
    std::smatch m;
    if (std::regex_search(body, m, f1_re)) v.formula1 = xml_unescape(m[1].str());
    if (std::regex_search(body, m, f2_re)) v.formula2 = xml_unescape(m[1].str());
    out.validations.push_back(v);
  }
  return out;
}

bool XSheet::is_protected() const {
  std::size_t at = xml.find("<sheetProtection ");
  if (at == std::string::npos) return false;
  std::string tag = xml.substr(at, xml.find('>', at) - at);
  return tag.find("sheet=\"1\"") != std::string::npos ||
         tag.find("sheet=\"true\"") != std::string::npos;
}

const XValidation* XSheet::validation_of(const std::string& sqref) const {
  for (const XValidation& v : validations)
    if (v.sqref == sqref) return &v;
  return nullptr;
}

}  // namespace tampon::testing
