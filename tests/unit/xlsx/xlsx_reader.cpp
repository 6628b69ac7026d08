#include "xlsx_reader.hpp"

#include <charconv>
#include <cstdio>
#include <regex>
#include <stdexcept>

#include "tabular/xlsx_reader.hpp"

namespace tampon::testing {
std::string xml_unescape(const std::string& text);
namespace {

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

tabular::XlsxWorkbook open_book(const std::filesystem::path& path) {
  std::string error;
  auto book = tabular::XlsxWorkbook::open(path, error);
  if (!book) throw std::runtime_error(error);
  return std::move(*book);
}

std::string type_of(const tabular::Cell& c) {
  switch (c.xml_type) {
    case 's':
      return "s";
    case 'i':
      return "inlineStr";
    case 'f':
      return "str";
    case 'b':
      return "b";
    case 'e':
      return "e";
    case 'd':
      return "d";
    default:
      return "";
  }
}

/// The value as written in the file: text for strings, the number's text otherwise (a date
/// cell keeps its serial, as a spreadsheet stores it).
std::string value_of(const tabular::Cell& c) {
  using T = tabular::Cell::Type;
  if (c.type == T::Date && c.xml_type == 'n') {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, c.number);
    return ec == std::errc() ? std::string(buf, end) : c.text;
  }
  return c.text;
}

/// The attribute `name` of an XML start tag, unescaped; "" when absent.
std::string attr(const std::string& tag, const std::string& name) {
  std::size_t at = tag.find(" " + name + "=\"");
  if (at == std::string::npos) return {};
  at += name.size() + 3;
  return xml_unescape(tag.substr(at, tag.find('"', at) - at));
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
  // The sheet's own <col> elements, read by the shared reader from the same XML.
  std::string error;
  (void)error;
  for (std::size_t at = xml.find("<col "); at != std::string::npos;
       at = xml.find("<col ", at + 1)) {
    std::string tag = xml.substr(at, xml.find('>', at) - at);
    auto attr = [&](const std::string& name) {
      auto p = tag.find(" " + name + "=\"");
      if (p == std::string::npos) return std::string();
      p += name.size() + 3;
      return tag.substr(p, tag.find('"', p) - p);
    };
    if (std::stoi(attr("min")) <= col && col <= std::stoi(attr("max")))
      return std::stod(attr("width"));
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
  auto book = open_book(path);
  m_names = book.sheet_names();
  m_workbook = part("xl/workbook.xml");
  // Cell locking lives in the styles' cellXfs (`<protection locked="0"/>`), which the shared
  // reader does not need; read here from the raw part.
  std::string styles = part("xl/styles.xml");
  std::size_t xfs = styles.find("<cellXfs");
  if (xfs != std::string::npos) {
    std::string cell_xfs = styles.substr(xfs, styles.find("</cellXfs>", xfs) - xfs);
    static const std::regex xf_re("<xf [^>]*?(?:/>|>[\\s\\S]*?</xf>)");
    for (auto it = std::sregex_iterator(cell_xfs.begin(), cell_xfs.end(), xf_re);
         it != std::sregex_iterator(); ++it) {
      std::string xf = it->str();
      m_style_unlocked.push_back(xf.find("locked=\"0\"") != std::string::npos ||
                                 xf.find("locked=\"false\"") != std::string::npos);
    }
  }
}

std::string XlsxFile::part(const std::string& name) const {
  auto book = open_book(m_path);
  std::string error;
  auto bytes = book.part(name, error);
  if (!bytes) throw std::runtime_error(error);
  return *bytes;
}

XSheet XlsxFile::sheet(const std::string& name) const {
  auto book = open_book(m_path);
  std::string error;
  auto sheet = book.sheet(name, error, /*keep_xml=*/true);
  if (!sheet) throw std::out_of_range("no sheet " + name + ": " + error);
  XSheet out;
  out.name = name;
  out.xml = sheet->xml();
  for (int row = 1; row <= sheet->max_row(); ++row) {
    for (const auto& [col, c] : sheet->row(row)) {
      XCell cell;
      cell.type = type_of(c);
      cell.value = value_of(c);
      cell.formula = c.formula;
      cell.num_format = c.num_format;
      cell.style = c.style;
      auto style = static_cast<std::size_t>(c.style);
      cell.locked = !(style < m_style_unlocked.size() && m_style_unlocked[style]);
      out.cells[tabular::cell_name(row, col)] = std::move(cell);
    }
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
    v.error_title = attr(tag, "errorTitle");
    v.error = attr(tag, "error");
    v.prompt = attr(tag, "prompt");
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
