#include "tabular/xlsx_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <cstring>

namespace tampon::tabular {

struct XlsxWorkbook::Zip {
  zip_t* archive = nullptr;
  std::string path;  // read_rows opens its own handle: libzip's are not shared by threads
  mutable std::atomic<std::uint64_t> read_total = 0;
  ~Zip() {
    if (archive) zip_discard(archive);
  }
};

namespace {

using Attrs = const XML_Char**;

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attr(Attrs attrs, std::string_view wanted) {
  for (int i = 0; attrs[i]; i += 2)
    if (local_name(attrs[i]) == wanted) return attrs[i + 1];
  return nullptr;
}

int to_int(const char* text, int fallback = 0) {
  if (!text) return fallback;
  int value = fallback;
  auto [p, ec] = std::from_chars(text, text + std::strlen(text), value);
  return ec == std::errc() ? value : fallback;
}

/// Receives the events of one part. `stop` aborts the parse with a message.
struct XmlHandler {
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, Attrs attrs) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view chars) = 0;
  std::string failure;  // set to stop parsing
};

struct ParseState {
  XML_Parser parser;
  XmlHandler* handler;
  std::string refusal;
};

void stop(ParseState& st, std::string message) {
  if (st.refusal.empty()) st.refusal = std::move(message);
  XML_StopParser(st.parser, XML_FALSE);
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto& st = *static_cast<ParseState*>(data);
  st.handler->start(local_name(name), attrs);
  if (!st.handler->failure.empty()) stop(st, st.handler->failure);
}
void XMLCALL on_end(void* data, const XML_Char* name) {
  auto& st = *static_cast<ParseState*>(data);
  st.handler->end(local_name(name));
  if (!st.handler->failure.empty()) stop(st, st.handler->failure);
}
void XMLCALL on_text(void* data, const XML_Char* s, int len) {
  auto& st = *static_cast<ParseState*>(data);
  st.handler->text(std::string_view(s, static_cast<std::size_t>(len)));
}
void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  stop(*static_cast<ParseState*>(data),
       "déclaration de type de document (DTD) refusée : un classeur n'en contient pas");
}
void XMLCALL on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                       const XML_Char*, const XML_Char*, const XML_Char*) {
  stop(*static_cast<ParseState*>(data), "déclaration d'entité XML refusée");
}

std::string size_text(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " Mo"; }

}  // namespace

// ---- Streaming one part through expat -------------------------------------------------------

namespace {

/// Reads the part `name` in chunks, to `sink` (raw bytes) and/or `handler` (XML events).
/// Returns false with a French `error` (without the file name) on any failure.
bool stream_part(zip_t* archive, std::atomic<std::uint64_t>& read_total, const XlsxLimits& limits,
                 const std::string& name, XmlHandler* handler, std::string* sink,
                 std::string& error) {
  zip_int64_t index = zip_name_locate(archive, name.c_str(), 0);
  if (index < 0) {
    error = "partie « " + name + " » absente : le fichier n'est pas un classeur complet";
    return false;
  }
  zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    error = "partie « " + name + " » illisible (" + zip_strerror(archive) + ")";
    return false;
  }
  ParseState st{nullptr, handler, {}};
  if (handler) {
    st.parser = XML_ParserCreate(nullptr);
    XML_SetUserData(st.parser, &st);
    XML_SetElementHandler(st.parser, on_start, on_end);
    XML_SetCharacterDataHandler(st.parser, on_text);
    XML_SetStartDoctypeDeclHandler(st.parser, on_doctype);
    XML_SetEntityDeclHandler(st.parser, on_entity);
    XML_SetParamEntityParsing(st.parser, XML_PARAM_ENTITY_PARSING_NEVER);
  }
  std::uint64_t part_bytes = 0;
  std::vector<char> buffer(1 << 16);
  bool ok = true;
  for (;;) {
    zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
    if (n < 0) {
      error = "partie « " + name + " » illisible (" + zip_file_strerror(file) +
              ") : archive corrompue ?";
      ok = false;
      break;
    }
    part_bytes += static_cast<std::uint64_t>(n);
    std::uint64_t total = read_total += static_cast<std::uint64_t>(n);
    if (part_bytes > limits.max_part_bytes) {
      error = "partie « " + name + " » trop grande une fois décompressée (plus de " +
              size_text(limits.max_part_bytes) + ") : fichier refusé";
      ok = false;
      break;
    }
    if (total > limits.max_total_bytes) {
      error = "classeur trop grand une fois décompressé (plus de " +
              size_text(limits.max_total_bytes) + ") : fichier refusé";
      ok = false;
      break;
    }
    if (sink) sink->append(buffer.data(), static_cast<std::size_t>(n));
    if (handler) {
      if (XML_Parse(st.parser, buffer.data(), static_cast<int>(n), n == 0) != XML_STATUS_OK) {
        if (!st.refusal.empty())
          error = "partie « " + name + " » : " + st.refusal;
        else
          error = "partie « " + name + " » : XML invalide ligne " +
                  std::to_string(XML_GetCurrentLineNumber(st.parser)) + " (" +
                  XML_ErrorString(XML_GetErrorCode(st.parser)) + ")";
        ok = false;
        break;
      }
    }
    if (n == 0) break;
  }
  zip_fclose(file);
  if (handler) XML_ParserFree(st.parser);
  return ok;
}

// ---- The index parts --------------------------------------------------------------------------

struct WorkbookHandler : XmlHandler {
  std::vector<std::pair<std::string, std::string>> sheets;  // name, r:id
  std::map<std::string, std::string> defined;
  bool date1904 = false;
  std::string defined_name, defined_text;
  bool in_defined = false;
  void start(std::string_view name, Attrs attrs) override {
    if (name == "sheet") {
      const char* n = attr(attrs, "name");
      const char* id = attr(attrs, "id");
      if (n && id) sheets.emplace_back(n, id);
    } else if (name == "workbookPr") {
      const char* d = attr(attrs, "date1904");
      date1904 = d && (std::strcmp(d, "1") == 0 || std::strcmp(d, "true") == 0);
    } else if (name == "definedName") {
      const char* n = attr(attrs, "name");
      defined_name = n ? n : "";
      defined_text.clear();
      in_defined = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "definedName") {
      defined[defined_name] = defined_text;
      in_defined = false;
    }
  }
  void text(std::string_view chars) override {
    if (in_defined) defined_text += chars;
  }
};

struct RelsHandler : XmlHandler {
  std::map<std::string, std::string> targets;
  void start(std::string_view name, Attrs attrs) override {
    if (name != "Relationship") return;
    const char* id = attr(attrs, "Id");
    const char* target = attr(attrs, "Target");
    if (id && target) targets[id] = target;
  }
  void end(std::string_view) override {}
  void text(std::string_view) override {}
};

struct SharedStringsHandler : XmlHandler {
  std::vector<std::string> strings;
  std::string current;
  bool in_si = false, in_t = false;
  int skip = 0;  // inside <rPh> (phonetic guides), whose text is not the cell's
  std::size_t bytes = 0, max_bytes;
  explicit SharedStringsHandler(std::size_t max) : max_bytes(max) {}
  void start(std::string_view name, Attrs) override {
    if (name == "si") {
      in_si = true;
      current.clear();
    } else if (name == "rPh") {
      ++skip;
    } else if (name == "t") {
      in_t = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      bytes += current.size() + sizeof(std::string);
      if (bytes > max_bytes) failure = "trop de textes partagés";
      strings.push_back(std::move(current));
      current.clear();
      in_si = false;
    } else if (name == "rPh") {
      --skip;
    } else if (name == "t") {
      in_t = false;
    }
  }
  void text(std::string_view chars) override {
    if (in_si && in_t && skip == 0) current += chars;
  }
};

struct StylesHandler : XmlHandler {
  std::map<int, std::string> formats;
  std::vector<int> xf_ids;
  bool in_cell_xfs = false;
  void start(std::string_view name, Attrs attrs) override {
    if (name == "numFmt") {
      const char* code = attr(attrs, "formatCode");
      formats[to_int(attr(attrs, "numFmtId"), -1)] = code ? code : "";
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      xf_ids.push_back(to_int(attr(attrs, "numFmtId"), 0));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
  void text(std::string_view) override {}
};

std::string builtin_format(int id) {
  switch (id) {
    case 0:
      return "General";
    case 1:
      return "0";
    case 2:
      return "0.00";
    case 3:
      return "#,##0";
    case 4:
      return "#,##0.00";
    case 9:
      return "0%";
    case 10:
      return "0.00%";
    case 14:
      return "mm-dd-yy";
    case 15:
      return "d-mmm-yy";
    case 16:
      return "d-mmm";
    case 17:
      return "mmm-yy";
    case 18:
      return "h:mm AM/PM";
    case 19:
      return "h:mm:ss AM/PM";
    case 20:
      return "h:mm";
    case 21:
      return "h:mm:ss";
    case 22:
      return "m/d/yy h:mm";
    case 49:
      return "@";
    default:
      return "General";
  }
}

/// "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml".
std::string resolve_target(const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string path = "xl/" + target;
  // Resolve "../" segments.
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string seg = path.substr(start, slash - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = slash + 1;
  }
  std::string out;
  for (auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace

// ---- The sheet parser -------------------------------------------------------------------------

struct SheetParser : XmlHandler {
  XlsxSheet& sheet;
  const std::vector<std::string>& shared;
  const std::vector<std::string>& xf_formats;
  const std::vector<bool>& xf_dates;
  bool date1904;
  std::size_t max_cells;
  std::string display;

  int row = 0, col = 0;
  std::size_t cells = 0;
  std::vector<std::pair<int, Cell>> current;  // cells of the row being read
  int current_row = 0;
  const XlsxWorkbook::RowCallback* on_row = nullptr;  // streaming; else stored in `sheet`
  bool stopped = false;
  bool in_cell = false, in_v = false, in_f = false, in_is = false, in_t = false;
  int rph = 0;
  char type = 'n';  // as Cell::xml_type
  std::string v, f, inline_text;
  int style = 0;

  SheetParser(XlsxSheet& s, const std::vector<std::string>& sh,
              const std::vector<std::string>& formats, const std::vector<bool>& dates, bool d1904,
              std::size_t max, std::string disp)
      : sheet(s),
        shared(sh),
        xf_formats(formats),
        xf_dates(dates),
        date1904(d1904),
        max_cells(max),
        display(std::move(disp)) {}

  std::string here() const { return cell_position(display, sheet.m_name, row, col); }

  void start(std::string_view name, Attrs attrs) override {
    if (name == "row") {
      const char* r = attr(attrs, "r");
      int next = r ? to_int(r, -1) : row + 1;
      if (next < 1 || next > 1048576) {
        failure = "feuille « " + sheet.m_name + " » : numéro de ligne invalide";
        return;
      }
      flush();
      row = next;
      col = 0;
    } else if (name == "c") {
      // One pass over the attributes (a sheet has a million cells).
      const char *r = nullptr, *t = nullptr, *st = nullptr;
      for (int i = 0; attrs[i]; i += 2) {
        std::string_view key = local_name(attrs[i]);
        if (key == "r")
          r = attrs[i + 1];
        else if (key == "t")
          t = attrs[i + 1];
        else if (key == "s")
          st = attrs[i + 1];
      }
      if (r) {
        auto ref = parse_cell_ref(r);
        if (!ref) {
          failure =
              "feuille « " + sheet.m_name + " » : référence de cellule « " + r + " » invalide";
          return;
        }
        row = ref->row;
        col = ref->col;
      } else {
        ++col;
        if (row == 0) row = 1;
      }
      if (++cells > max_cells) {
        failure = "feuille « " + sheet.m_name + " » : plus de " + std::to_string(max_cells) +
                  " cellules, fichier refusé";
        return;
      }
      std::string_view type_text = t ? std::string_view(t) : std::string_view("n");
      type = type_text == "s"           ? 's'
             : type_text == "inlineStr" ? 'i'
             : type_text == "str"       ? 'f'
             : type_text == "b"         ? 'b'
             : type_text == "e"         ? 'e'
             : type_text == "d"         ? 'd'
                                        : 'n';
      style = to_int(st, 0);
      v.clear();
      f.clear();
      inline_text.clear();
      in_cell = true;
    } else if (in_cell && name == "v") {
      in_v = true;
    } else if (in_cell && name == "f") {
      in_f = true;
    } else if (in_cell && name == "is") {
      in_is = true;
    } else if (in_is && name == "rPh") {
      ++rph;
    } else if (in_is && name == "t") {
      in_t = true;
    } else if (name == "col") {
      int min = to_int(attr(attrs, "min"), 0), max = to_int(attr(attrs, "max"), 0);
      const char* w = attr(attrs, "width");
      if (w && min >= 1 && max >= min && max <= 16384) {
        double width = std::strtod(w, nullptr);
        for (int c = min; c <= max && c < min + 1024; ++c) sheet.m_widths[c] = width;
      }
    }
  }

  void end(std::string_view name) override {
    if (name == "v") {
      in_v = false;
    } else if (name == "f") {
      in_f = false;
    } else if (name == "is") {
      in_is = false;
    } else if (name == "rPh") {
      --rph;
    } else if (name == "t") {
      in_t = false;
    } else if (name == "c" && in_cell) {
      in_cell = false;
      finish_cell();
    } else if (name == "row" || name == "sheetData") {
      flush();
    }
  }

  /// Hands the current row over (sorted by column).
  void flush() {
    if (current.empty() || stopped) {
      current.clear();
      return;
    }
    if (on_row &&
        std::adjacent_find(current.begin(), current.end(), [](const auto& a, const auto& b) {
          return a.first >= b.first;
        }) == current.end()) {
      // Already in order, each column once (as spreadsheets write rows): handed over as is.
      if (!(*on_row)(current_row, current)) {
        stopped = true;
        failure = "\x01stop";
      }
      current.clear();
      return;
    }
    std::stable_sort(current.begin(), current.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    // A column written twice keeps its last value.
    std::vector<std::pair<int, Cell>> cells_out;
    cells_out.reserve(current.size());
    for (auto& c : current) {
      if (!cells_out.empty() && cells_out.back().first == c.first)
        cells_out.back() = std::move(c);
      else
        cells_out.push_back(std::move(c));
    }
    current.clear();
    if (on_row) {
      if (!(*on_row)(current_row, cells_out)) {
        stopped = true;
        failure = "\x01stop";
      }
      return;
    }
    auto& stored = sheet.m_rows[current_row];
    for (auto& c : cells_out) {
      auto it = std::lower_bound(stored.begin(), stored.end(), c.first,
                                 [](const auto& p, int x) { return p.first < x; });
      if (it != stored.end() && it->first == c.first)
        it->second = std::move(c.second);
      else
        stored.insert(it, std::move(c));
    }
  }

  void text(std::string_view chars) override {
    if (in_v)
      v += chars;
    else if (in_f)
      f += chars;
    else if (in_is && in_t && rph == 0)
      inline_text += chars;
  }

  void finish_cell() {
    Cell cell;
    cell.formula = f;
    cell.style = style;
    bool known_style = style >= 0 && static_cast<std::size_t>(style) < xf_formats.size();
    cell.num_format = known_style ? xf_formats[static_cast<std::size_t>(style)] : "General";
    switch (type) {
      case 's': {
        char* end = nullptr;
        long index = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0' || index < 0 ||
            static_cast<std::size_t>(index) >= shared.size()) {
          failure = here() + " : texte partagé n° « " + v + " » introuvable";
          return;
        }
        cell.type = Cell::Type::Text;
        cell.text = shared[static_cast<std::size_t>(index)];
        break;
      }
      case 'i':
        cell.type = Cell::Type::Text;
        cell.text = std::move(inline_text);
        inline_text.clear();
        break;
      case 'f':
        cell.type = Cell::Type::Text;
        cell.text = v;
        break;
      case 'b':
        cell.type = Cell::Type::Bool;
        cell.text = (v == "1" || v == "true") ? "1" : "0";
        cell.number = cell.text == "1" ? 1 : 0;
        break;
      case 'e':
        cell.type = Cell::Type::Error;
        cell.text = v;
        break;
      case 'd':
        cell.type = Cell::Type::Date;
        cell.text = v.size() >= 10 && v.substr(10) == "T00:00:00" ? v.substr(0, 10) : v;
        if (cell.text.size() > 10 && cell.text.back() == 'Z') cell.text.pop_back();
        break;
      default:  // "n" or absent
        if (v.empty()) {
          cell.type = Cell::Type::Empty;
        } else {
          char* end = nullptr;
          double number = std::strtod(v.c_str(), &end);
          if (*end != '\0') {
            failure = here() + " : nombre « " + v + " » illisible";
            return;
          }
          cell.number = number;
          cell.type = Cell::Type::Number;
          if (known_style && xf_dates[static_cast<std::size_t>(style)]) {
            if (auto iso = serial_to_iso(number, date1904)) {
              cell.type = Cell::Type::Date;
              cell.text = *iso;
            }
          }
          if (cell.type == Cell::Type::Number) cell.text = v;
        }
    }
    cell.xml_type = type;
    if (cell.type == Cell::Type::Empty && cell.formula.empty() && style == 0) return;
    if (!current.empty() && current_row != row) flush();
    current_row = row;
    current.emplace_back(col, std::move(cell));
    sheet.m_max_row = std::max(sheet.m_max_row, row);
    sheet.m_max_col = std::max(sheet.m_max_col, col);
  }
};

// ---- XlsxSheet ------------------------------------------------------------------------------

const Cell* XlsxSheet::at(int row, int col) const {
  auto it = m_rows.find(row);
  if (it == m_rows.end()) return nullptr;
  auto& cells = it->second;
  auto c = std::lower_bound(cells.begin(), cells.end(), col,
                            [](const auto& p, int x) { return p.first < x; });
  return c != cells.end() && c->first == col ? &c->second : nullptr;
}

const Cell* XlsxSheet::at(std::string_view ref) const {
  auto r = parse_cell_ref(ref);
  return r ? at(r->row, r->col) : nullptr;
}

const std::vector<std::pair<int, Cell>>& XlsxSheet::row(int row) const {
  static const std::vector<std::pair<int, Cell>> k_none;
  auto it = m_rows.find(row);
  return it == m_rows.end() ? k_none : it->second;
}

std::optional<double> XlsxSheet::column_width(int col) const {
  auto it = m_widths.find(col);
  if (it == m_widths.end()) return std::nullopt;
  return it->second;
}

// ---- XlsxWorkbook -----------------------------------------------------------------------------

XlsxWorkbook::XlsxWorkbook() : m_zip(std::make_unique<Zip>()) {}
XlsxWorkbook::~XlsxWorkbook() = default;
XlsxWorkbook::XlsxWorkbook(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook& XlsxWorkbook::operator=(XlsxWorkbook&&) noexcept = default;

std::optional<XlsxWorkbook> XlsxWorkbook::open(const std::filesystem::path& path,
                                               std::string& error, const XlsxLimits& limits,
                                               std::string display_name) {
  XlsxWorkbook book;
  book.m_display = display_name.empty() ? path.filename().string() : std::move(display_name);
  book.m_limits = limits;
  const std::string& disp = book.m_display;
  int code = 0;
  book.m_zip->path = path.string();
  book.m_zip->archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (!book.m_zip->archive) {
    if (code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ) {
      error = disp + " : fichier introuvable ou illisible";
    } else if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_COMPNOTSUPP) {
      error = disp +
              " : ce n'est pas un classeur XLSX (archive zip illisible) ; enregistrez-le "
              "au format « Classeur Excel (.xlsx) »";
    } else {
      zip_error_t ze;
      zip_error_init_with_code(&ze, code);
      error = disp + " : archive illisible (" + zip_error_strerror(&ze) + ")";
      zip_error_fini(&ze);
    }
    return std::nullopt;
  }
  zip_int64_t entries = zip_get_num_entries(book.m_zip->archive, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries) {
    error = disp + " : l'archive contient trop de fichiers (" + std::to_string(entries) +
            ", au plus " + std::to_string(limits.max_entries) + ") : fichier refusé";
    return std::nullopt;
  }
  auto read = [&](const std::string& part, XmlHandler& handler) {
    std::string why;
    if (stream_part(book.m_zip->archive, book.m_zip->read_total, limits, part, &handler, nullptr,
                    why))
      return true;
    error = disp + " : " + why;
    return false;
  };
  WorkbookHandler wb;
  if (!read("xl/workbook.xml", wb)) return std::nullopt;
  RelsHandler rels;
  if (!read("xl/_rels/workbook.xml.rels", rels)) return std::nullopt;
  for (auto& [name, id] : wb.sheets) {
    auto it = rels.targets.find(id);
    if (it == rels.targets.end()) {
      error = disp + " : la feuille « " + name + " » n'a pas de contenu (relation « " + id +
              " » absente)";
      return std::nullopt;
    }
    book.m_names.push_back(name);
    book.m_parts[name] = resolve_target(it->second);
  }
  book.m_date1904 = wb.date1904;
  book.m_defined = std::move(wb.defined);
  // Shared strings and styles are optional parts (a workbook of numbers needs neither).
  if (zip_name_locate(book.m_zip->archive, "xl/sharedStrings.xml", 0) >= 0) {
    SharedStringsHandler ss(limits.max_part_bytes * 4);
    if (!read("xl/sharedStrings.xml", ss)) return std::nullopt;
    book.m_shared = std::move(ss.strings);
  }
  if (zip_name_locate(book.m_zip->archive, "xl/styles.xml", 0) >= 0) {
    StylesHandler st;
    if (!read("xl/styles.xml", st)) return std::nullopt;
    for (int id : st.xf_ids) {
      auto custom = st.formats.find(id);
      std::string code = custom != st.formats.end() ? custom->second : builtin_format(id);
      book.m_xf_dates.push_back(is_date_format(custom != st.formats.end() ? -1 : id, code));
      book.m_xf_formats.push_back(std::move(code));
    }
  }
  return book;
}

bool XlsxWorkbook::has_sheet(std::string_view name) const { return m_parts.contains(name); }

std::uint64_t XlsxWorkbook::sheet_size(std::string_view name) const {
  auto it = m_parts.find(name);
  zip_stat_t st;
  zip_stat_init(&st);
  if (it == m_parts.end() || zip_stat(m_zip->archive, it->second.c_str(), 0, &st) != 0 ||
      !(st.valid & ZIP_STAT_SIZE))
    return 0;
  return st.size;
}

bool XlsxWorkbook::read_rows(std::string_view name, std::string& error,
                             const RowCallback& on_row) const {
  auto it = m_parts.find(name);
  if (it == m_parts.end()) {
    error = m_display + " : pas de feuille « " + std::string(name) + " »";
    return false;
  }
  XlsxSheet sheet;
  sheet.m_name = std::string(name);
  SheetParser parser(sheet, m_shared, m_xf_formats, m_xf_dates, m_date1904,
                     static_cast<std::size_t>(-1), m_display);
  parser.on_row = &on_row;
  // A handle of its own, so that several sheets are read at once (libzip's handles are not
  // shared between threads); the bounds on what is read stay the workbook's.
  int code = 0;
  zip_t* own = zip_open(m_zip->path.c_str(), ZIP_RDONLY, &code);
  if (!own) {
    error = m_display + " : fichier devenu illisible pendant sa lecture";
    return false;
  }
  struct Discard {
    zip_t* archive;
    ~Discard() { zip_discard(archive); }
  } discard{own};
  std::string why;
  if (!stream_part(own, m_zip->read_total, m_limits, it->second, &parser, nullptr, why)) {
    if (parser.stopped) return true;
    auto at = why.find(m_display + ", feuille");
    error = at != std::string::npos ? why.substr(at) : m_display + " : " + why;
    return false;
  }
  parser.flush();
  return true;
}

std::optional<XlsxSheet> XlsxWorkbook::sheet(std::string_view name, std::string& error,
                                             bool keep_xml) const {
  auto it = m_parts.find(name);
  if (it == m_parts.end()) {
    error = m_display + " : pas de feuille « " + std::string(name) + " »";
    return std::nullopt;
  }
  XlsxSheet sheet;
  sheet.m_name = std::string(name);
  SheetParser parser(sheet, m_shared, m_xf_formats, m_xf_dates, m_date1904, m_limits.max_cells,
                     m_display);
  std::string why;
  if (!stream_part(m_zip->archive, m_zip->read_total, m_limits, it->second, &parser,
                   keep_xml ? &sheet.m_xml : nullptr, why)) {
    // A failure inside a cell already names the file and the cell.
    error = why.find(m_display + ", feuille") != std::string::npos
                ? why.substr(why.find(m_display + ", feuille"))
                : m_display + " : " + why;
    return std::nullopt;
  }
  parser.flush();
  return sheet;
}

std::optional<std::string> XlsxWorkbook::part(const std::string& name, std::string& error) const {
  std::string bytes, why;
  if (!stream_part(m_zip->archive, m_zip->read_total, m_limits, name, nullptr, &bytes, why)) {
    error = m_display + " : " + why;
    return std::nullopt;
  }
  return bytes;
}

}  // namespace tampon::tabular
