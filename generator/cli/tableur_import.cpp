// `tampon import tableur FICHIER.xlsx|FICHIER.csv…`: a workbook in the layout of `export
// tableur` (or one CSV per sheet, named after it) back into YAML records, one file per record in
// data/<folder>/. All or nothing: any cell in error and nothing is written; a file that exists
// with other content is replaced only with --force.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include "cli/commands.hpp"
#include "cli/import_findings.hpp"
#include "cli/import_support.hpp"
#include "cli/report.hpp"
#include "cli/session.hpp"
#include "cli/tableur.hpp"
#include "cli/tableur_layout.hpp"
#include "cli/tableur_yaml.hpp"
#include "core/parallel.hpp"
#include "core/phase_clock.hpp"
#include "tabular/csv_reader.hpp"
#include "tabular/xlsx_reader.hpp"
#include "tampon/date.hpp"
#include "tampon/money.hpp"
#include "tampon/suggest.hpp"

namespace tampon::cli {
namespace fs = std::filesystem;
using tableur::ColumnType;
using tableur::SheetLayout;
using tableur::YamlValue;
using tabular::Cell;

int tableur_usage(const std::string& message) {
  std::cerr << "tampon: erreur: " << message << "\n(aide : tampon --help)\n";
  return k_exit_usage;
}

namespace {

/// Where a cell is, for diagnostics: an XLSX cell or a CSV line:column.
struct Where {
  std::string file;   // display name
  std::string sheet;  // empty for CSV
  int row = 0, col = 0;
  bool csv = false;
  int source = -1;  // index of its Source
};

/// A table to import: rows with their cells, from a sheet or a CSV file.
struct Source {
  const SheetLayout* layout = nullptr;
  std::string file;  // display name
  bool csv = false;
  const tabular::XlsxWorkbook* book = nullptr;
  fs::path path;   // CSV
  int index = -1;  // in run_import's list: what tableur::Origin::source names
};

/// Where a cell is, as the import's own findings say it: `FICHIER.csv:LIGNE:COLONNE`, or the
/// workbook, sheet and cell in one name.
Location cell_location(const Where& w) {
  Location at;
  if (w.csv) {
    at.file = w.file;
    at.line = static_cast<std::uint32_t>(w.row);
    at.column = static_cast<std::uint32_t>(w.col);
  } else {
    at.file = w.sheet.empty() ? w.file : tabular::cell_position(w.file, w.sheet, w.row, w.col);
  }
  return at;
}

tableur::Origin origin_of(const Where& w) { return {w.source, w.row, w.col}; }

/// Digits of a plain decimal that carry its value (leading zeros do not).
std::size_t significant_digits(std::string_view plain) {
  std::size_t n = 0;
  bool leading = true;
  for (char ch : plain) {
    if (ch < '0' || ch > '9') continue;
    if (leading && ch == '0') continue;
    leading = false;
    ++n;
  }
  return n;
}

/// A number cell's value as YAML: the file's own text when it is a plain decimal of 15
/// significant digits at most, else the shortest text of its value to 15 significant digits.
/// A spreadsheet number holds 15 (what Excel shows and keeps); writers store 16 or 17, whose
/// last ones are binary noise: libxlsxwriter writes 540.43 as "540.4299999999999", Excel a
/// sum as "0.30000000000000004". Taken as written, such an amount has more than two decimals,
/// and the national workbook's round trip failed on 879 of its amounts.
std::string number_text(const Cell& c) {
  std::string plain = french_number(c.text);
  if (!plain.empty() && significant_digits(plain) <= 15) return plain;
  char fifteen[40];
  std::snprintf(fifteen, sizeof fifteen, "%.15g", c.number);
  double value = std::strtod(fifteen, nullptr);
  char buf[400];  // fixed notation of up to 1.8e308
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  return ec == std::errc() ? std::string(buf, end) : c.text;
}

/// What the loader expects of a number it would refuse (load/map_reader.cpp: whole numbers
/// and decimals within the field's bounds, amounts with two decimals at most), or nothing when
/// it takes `text`. Checked here so that the cell is named, and nothing is written.
std::optional<std::string> number_refused(const load::Field* field, std::string_view text) {
  if (field == nullptr) return std::nullopt;
  using load::FieldType;
  switch (field->type) {
    case FieldType::Integer:
    case FieldType::Counts: {
      int value = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec == std::errc{} && end == text.data() + text.size() && value >= field->min &&
          value <= field->max)
        return std::nullopt;
      return fmt::format("nombre entier de {} à {}", field->min, field->max);
    }
    case FieldType::Number: {
      double value = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      bool plain = std::all_of(text.begin(), text.end(),
                               [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
      if (plain && ec == std::errc{} && end == text.data() + text.size() && std::isfinite(value) &&
          value >= field->min && value <= field->max)
        return std::nullopt;
      return fmt::format("nombre de {} à {}", field->min, field->max);
    }
    case FieldType::Money:
      if (Money::parse(text)) return std::nullopt;
      return std::string("montant en euros, positif, deux décimales au plus,");
    default:
      return std::nullopt;
  }
}

bool id_like(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return s[0] != '-';
}

std::string file_stem_for(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (ok)
      out += c;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, 100);
}

/// A sheet this large (uncompressed XML) is parsed on a thread of its own while its rows become
/// records (the national workbook's rapports: 69 MB, 70 % of the reading).
constexpr std::uint64_t k_alongside_bytes = 16u << 20;

/// Reads a sheet's rows on a thread of their own and hands them over to `on_row` on the calling
/// thread, in order, a batch at a time (a few batches at most wait: memory stays bounded).
/// Same contract as XlsxWorkbook::read_rows.
bool read_rows_alongside(const tabular::XlsxWorkbook& book, std::string_view sheet,
                         std::string& error, const tabular::XlsxWorkbook::RowCallback& on_row) {
  using Row = std::pair<int, std::vector<std::pair<int, Cell>>>;
  constexpr std::size_t k_batch = 256, k_waiting = 8;
  std::mutex m;
  std::condition_variable cv;
  std::deque<std::vector<Row>> batches;
  bool done = false, stop = false, ok = true;
  std::string why;
  std::thread reader([&] {
    std::vector<Row> batch;
    auto hand_over = [&] {
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return batches.size() < k_waiting || stop; });
      if (stop) return false;
      batches.push_back(std::move(batch));
      batch = {};
      cv.notify_all();
      return true;
    };
    bool read = book.read_rows(sheet, why, [&](int row, std::vector<std::pair<int, Cell>>& cells) {
      batch.emplace_back(row, std::move(cells));
      return batch.size() < k_batch || hand_over();
    });
    if (read && !batch.empty()) hand_over();
    std::lock_guard lock(m);
    ok = read;
    done = true;
    cv.notify_all();
  });
  for (bool more = true; more;) {
    std::vector<Row> batch;
    {
      std::unique_lock lock(m);
      cv.wait(lock, [&] { return !batches.empty() || done; });
      if (batches.empty()) break;
      batch = std::move(batches.front());
      batches.pop_front();
      cv.notify_all();
    }
    for (auto& [row, cells] : batch) {
      if (on_row(row, cells)) continue;
      std::lock_guard lock(m);
      stop = true;
      cv.notify_all();
      more = false;
      break;
    }
  }
  reader.join();
  if (!ok) error = why;
  return ok;
}

/// A cell's text inside a `#` comment line: control characters (line breaks) become spaces.
std::string one_line(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return text;
}

struct Record {
  YamlValue value;
  std::string owner_key;  // id, or the row number for kinds without one
  Where where;            // the row's first cell
};

class Importer {
 public:
  Importer() = default;
  Importer(Importer&&) = default;

  /// What another importer read (another sheet, on another thread), after this one's.
  void absorb(Importer&& other) {
    m_diagnostics.insert(m_diagnostics.end(), std::make_move_iterator(other.m_diagnostics.begin()),
                         std::make_move_iterator(other.m_diagnostics.end()));
    m_failed_input = m_failed_input || other.m_failed_input;
    for (const auto& [sheet, n] : other.counts) counts[sheet] += n;
    m_emitted.insert(m_emitted.end(), std::make_move_iterator(other.m_emitted.begin()),
                     std::make_move_iterator(other.m_emitted.end()));
    m_placed.insert(m_placed.end(), other.m_placed.begin(), other.m_placed.end());
    m_origins.absorb(std::move(other.m_origins));
    m_departement_of.merge(other.m_departement_of);
    m_structure_of.merge(other.m_structure_of);
    m_structure_of_convention.merge(other.m_structure_of_convention);
  }

  Diagnostics& diagnostics() { return m_diagnostics; }

  void error(const Where& w, std::string message, std::string code = "import-cell") {
    Diagnostic d;
    d.where = cell_location(w);
    d.code = std::move(code);
    d.message = std::move(message);
    m_diagnostics.push_back(std::move(d));
  }

  /// Reads one table (a sheet or a CSV); calls `on_row` with the field → cell mapping.
  void read(const Source& src) {
    const SheetLayout& layout = *src.layout;
    std::vector<int> column_of;  // file column (1-based index) → layout column (-1: owner)
    std::vector<std::string> header_names;
    bool header_done = false, header_ok = true;
    int data_index = 0;
    auto where_of = [&](int row, const Cell& c, int col) {
      Where w{src.file, src.csv ? std::string() : std::string(layout.name), row, col, src.csv,
              src.index};
      if (src.csv) {
        w.row = c.line;
        w.col = c.column;
      }
      return w;
    };
    auto on_row = [&](int row, std::vector<std::pair<int, Cell>>& cells) {
      // Formatted blanks (a style, no value) are not data: a row of them is no record.
      std::erase_if(cells, [](const auto& c) { return c.second.empty(); });
      if (cells.empty()) {
        if (header_done) ++data_index;
        return true;
      }
      if (!header_done) {
        header_done = true;
        header_ok = read_header(layout, cells, column_of,
                                [&](int col, const Cell& c) { return where_of(row, c, col); });
        return header_ok;
      }
      ++data_index;
      int excel_row = src.csv ? data_index + 1 : row;
      record_row(layout, cells, column_of, excel_row,
                 [&](int col, const Cell& c) { return where_of(row, c, col); });
      return true;
    };
    if (src.csv) {
      std::string why;
      auto table = tabular::read_csv(src.path, why, {}, src.file);
      if (!table) {
        Diagnostic d;
        d.where.file = why.substr(0, why.find(':'));
        d.code = "import-file";
        d.message = why.substr(why.find(':') + 1);
        // "f.csv:2:3: message": keep the position.
        auto parts = why.find(": ");
        if (parts != std::string::npos) {
          std::string pos = why.substr(0, parts);
          auto c1 = pos.find(':');
          auto c2 = pos.find(':', c1 + 1);
          if (c1 != std::string::npos && c2 != std::string::npos) {
            d.where.file = pos.substr(0, c1);
            d.where.line = static_cast<std::uint32_t>(std::stoul(pos.substr(c1 + 1, c2 - c1 - 1)));
            d.where.column = static_cast<std::uint32_t>(std::stoul(pos.substr(c2 + 1)));
            d.message = why.substr(parts + 2);
          } else {
            d.where.file = src.file;
            d.message = why.substr(why.find(" : ") == std::string::npos ? 0 : why.find(" : ") + 3);
          }
        }
        m_diagnostics.push_back(std::move(d));
        m_failed_input = true;
        return;
      }
      int index = 0;
      for (auto& row : table->rows) {
        std::vector<std::pair<int, Cell>> cells;
        int col = 0;
        for (auto& c : row) {
          ++col;
          if (c.text.empty()) continue;
          cells.emplace_back(col, std::move(c));
        }
        ++index;
        if (cells.empty()) continue;
        if (!on_row(index, cells)) break;
      }
      if (!header_done) header_missing(src);
      return;
    }
    std::string why;
    bool read = src.book->sheet_size(layout.name) >= k_alongside_bytes
                    ? read_rows_alongside(*src.book, layout.name, why, on_row)
                    : src.book->read_rows(layout.name, why, on_row);
    if (!read) {
      Diagnostic d;
      d.where.file = src.file;
      d.code = "import-file";
      d.message = why.substr(why.find(" : ") == std::string::npos ? 0 : why.find(" : ") + 3);
      if (why.find(", feuille") != std::string::npos) {
        d.where.file = why.substr(0, why.find(" : "));
      }
      m_diagnostics.push_back(std::move(d));
      m_failed_input = true;
    }
    if (!header_done) header_missing(src);
  }

  void header_missing(const Source& src) {
    (void)src;  // an empty sheet or file: nothing to import from it
  }

  template <class WhereFn>
  bool read_header(const SheetLayout& layout, const std::vector<std::pair<int, Cell>>& cells,
                   std::vector<int>& column_of, WhereFn where) {
    std::vector<std::string_view> candidates;
    std::string owner = owner_of(layout);
    if (!owner.empty()) candidates.push_back(owner);
    for (const auto& c : layout.columns) candidates.push_back(c.path);
    std::set<int> seen;
    bool ok = true;
    for (const auto& [col, cell] : cells) {
      if (col >= static_cast<int>(column_of.size()))
        column_of.resize(static_cast<std::size_t>(col) + 1, -2);
      std::string name = cell.text;
      while (!name.empty() && name.back() == ' ') name.pop_back();
      int index = -2;
      if (!owner.empty() && name == owner) index = -1;
      for (std::size_t i = 0; i < layout.columns.size(); ++i)
        if (layout.columns[i].path == name) index = static_cast<int>(i);
      if (index == -2) {
        error(where(col, cell),
              fmt::format("colonne « {} » inconnue dans la feuille {}{}", name, layout.name,
                          did_you_mean(name, candidates)),
              "import-header");
        ok = false;
        continue;
      }
      if (!seen.insert(index).second) {
        error(where(col, cell), fmt::format("colonne « {} » en double", name), "import-header");
        ok = false;
        continue;
      }
      column_of[static_cast<std::size_t>(col)] = index;
    }
    if (!owner.empty() && !seen.contains(-1) && !cells.empty()) {
      error(where(cells.front().first, cells.front().second),
            fmt::format("colonne « {} » absente : elle relie chaque ligne à sa fiche", owner),
            "import-header");
      ok = false;
    }
    if (layout.list.empty() && layout.has_id && !seen.contains(0) && !cells.empty()) {
      error(where(cells.front().first, cells.front().second),
            "colonne « id » absente : chaque fiche a un identifiant", "import-header");
      ok = false;
    }
    return ok;
  }

  std::string owner_of(const SheetLayout& layout) const {
    if (layout.list.empty()) return {};
    for (const auto& s : tableur::sheets())
      if (s.list.empty() && s.folder == layout.folder) return tableur::owner_header(s);
    return {};
  }

  template <class WhereFn>
  void record_row(const SheetLayout& layout, std::vector<std::pair<int, Cell>>& cells,
                  const std::vector<int>& column_of, int excel_row, WhereFn where) {
    Record rec;
    rec.where = where(cells.front().first, cells.front().second);
    rec.value.origin = origin_of(rec.where);
    std::string owner;
    Where owner_where = rec.where;
    for (auto& [col, cell] : cells) {
      if (col >= static_cast<int>(column_of.size())) continue;
      int index = column_of[static_cast<std::size_t>(col)];
      if (index == -2) continue;
      if (cell.empty()) continue;
      Where w = where(col, cell);
      if (cell.type == Cell::Type::Error) {
        error(w, fmt::format("cellule en erreur ({}) : remplacez-la par sa valeur", cell.text));
        continue;
      }
      if (index == -1) {
        owner = cell.type == Cell::Type::Number ? number_text(cell) : cell.text;
        owner_where = w;
        continue;
      }
      const auto& column = layout.columns[static_cast<std::size_t>(index)];
      if (auto value = convert(layout, column, cell, w)) {
        value->origin = origin_of(w);
        rec.value.set(column.path, std::move(*value));
      }
    }
    if (!layout.list.empty()) {
      if (owner.empty()) {
        error(rec.where, fmt::format("ligne sans « {} » : à quelle fiche appartient-elle ?",
                                     owner_of(layout)));
        return;
      }
      auto& items = m_lists[std::string(layout.name)][owner];
      items.first.push_back(std::move(rec.value));
      items.second = owner_where;
      return;
    }
    if (layout.has_id) {
      YamlValue* id = rec.value.find("id");
      std::string id_text = id ? id->text : std::string();
      if (!id_like(id_text)) {
        error(rec.where,
              id_text.empty()
                  ? std::string("fiche sans « id » : chaque fiche a un identifiant")
                  : fmt::format("identifiant « {} » invalide : minuscules, chiffres et tirets "
                                "(il nomme le fichier)",
                                id_text));
        return;
      }
      rec.owner_key = id_text;
    } else {
      rec.owner_key = std::to_string(excel_row);
    }
    // Its lists (read before the main sheets), then the YAML text at once: only the text
    // stays in memory (the national set: 160 000 records).
    for (const auto* list : tableur::list_sheets_of(layout)) {
      auto lists = m_lists.find(std::string(list->name));
      if (lists == m_lists.end()) continue;
      auto items = lists->second.find(rec.owner_key);
      if (items == lists->second.end()) continue;
      YamlValue seq;
      seq.kind = YamlValue::Kind::Seq;
      seq.seq = std::move(items->second.first);
      rec.value.set(list->list, std::move(seq));
      lists->second.erase(items);
    }
    // Where it goes is decided once every sheet is read (its département may come from
    // another sheet): until then, the item's text and the fields that decide.
    Emitted e;
    e.layout = &layout;
    auto text_of = [&](std::string_view key) {
      YamlValue* f = rec.value.find(key);
      return f && (f->kind == YamlValue::Kind::Plain || f->kind == YamlValue::Kind::Quoted)
                 ? f->text
                 : std::string();
    };
    if (layout.kind == "structure") {
      e.departement = text_of("departement");
      m_departement_of.try_emplace(rec.owner_key, e.departement);
    } else if (layout.kind == "avenant" || layout.kind == "versement") {
      e.convention = text_of("convention");
    } else {
      e.structure = text_of("structure");
      if (layout.kind == "conseiller") m_structure_of.try_emplace(rec.owner_key, e.structure);
      if (layout.kind == "convention")
        m_structure_of_convention.try_emplace(rec.owner_key, e.structure);
      if (layout.kind == "rapport") {
        e.conseiller = text_of("conseiller");
        e.mois = text_of("mois");
      }
    }
    // A record the tableau de pilotage keeps up to date keeps a file of its own, named after
    // its id, as `import pilotage` writes it: the next `import pilotage` rewrites such a file
    // only (it does not edit a file of several records: pilotage-update).
    const YamlValue* id_pilotage = rec.value.find("id_pilotage");
    m_scratch.clear();
    if (layout.has_id && id_pilotage && !id_pilotage->text.empty()) {
      e.own_file = rec.owner_key;
      e.text = tableur::emit_record(rec.value, {}, &m_scratch);
    } else {
      e.text = "\n" + tableur::emit_item(rec.value, &m_scratch);  // a blank line between
      for (auto& line : m_scratch) ++line.line;                   // records
    }
    Placed placed;
    placed.first = m_origins.keep(m_scratch);
    placed.count = static_cast<std::uint32_t>(m_scratch.size());
    placed.line_count = static_cast<std::uint32_t>(std::count(e.text.begin(), e.text.end(), '\n'));
    m_placed.push_back(placed);
    m_emitted.push_back(std::move(e));
    ++counts[std::string(layout.name)];
  }

  /// A file to write: its header comment, then its records' texts (pieces, not copied).
  struct PlannedFile {
    std::string path;  // data/<folder>/<file>.yaml
    std::string header;
    std::vector<std::string_view> records;
    // For findings at their cells, once the texts are freed: the header's lines, and each
    // record's index in Importer::placed().
    std::uint32_t header_lines = 0;
    std::vector<std::size_t> items;
  };

  /// The files to write, data/<folder>/<file>.yaml, by path: each a sequence of the
  /// records it holds, in the order of the sheet. Records are grouped by département (the
  /// structure's, or that of the structure they belong to), rapports by département and month:
  /// the layout of the national export (a few thousand files rather than one per record).
  std::vector<PlannedFile> files() const {
    auto lookup = [](const auto& map, const std::string& key) {
      auto it = map.find(key);
      return it == map.end() ? std::string() : it->second;
    };
    auto departement_of_structure = [&](const std::string& structure) {
      return lookup(m_departement_of, structure);
    };
    std::map<std::string, std::vector<std::size_t>> by_file;
    std::map<std::string, std::string> header_of;
    for (std::size_t i = 0; i < m_emitted.size(); ++i) {
      const Emitted& e = m_emitted[i];
      if (!e.own_file.empty()) {
        std::string path = fmt::format("data/{}/{}.yaml", e.layout->folder, e.own_file);
        for (int n = 2; by_file.contains(path); ++n)
          path = fmt::format("data/{}/{}-{}.yaml", e.layout->folder, e.own_file, n);
        by_file[path].push_back(i);
        header_of.try_emplace(path);
        continue;
      }
      std::string dep = e.departement;
      if (e.layout->kind != "structure") {
        std::string structure = e.structure;
        if (!e.convention.empty()) structure = lookup(m_structure_of_convention, e.convention);
        if (structure.empty() && !e.conseiller.empty())
          structure = lookup(m_structure_of, e.conseiller);
        dep = departement_of_structure(structure);
      }
      std::string stem = file_stem_for(dep);
      std::string header = fmt::format("{} du département {}", e.layout->folder, one_line(dep));
      if (stem.empty()) {
        stem = "sans-departement";
        header = fmt::format("{} sans département connu", e.layout->folder);
      }
      if (e.layout->kind == "rapport" && !file_stem_for(e.mois).empty()) {
        stem += "-" + file_stem_for(e.mois);
        header += fmt::format(", mois {}", one_line(e.mois));
      }
      std::string path = fmt::format("data/{}/{}.yaml", e.layout->folder, stem);
      by_file[path].push_back(i);
      header_of.try_emplace(path, std::move(header));
    }
    std::vector<PlannedFile> out;
    out.reserve(by_file.size());
    for (auto& [path, items] : by_file) {
      const std::string& header = header_of[path];
      PlannedFile file{
          path,
          header.empty() ? std::string() : fmt::format("# {} (tampon import tableur)\n", header),
          {},
          0,
          {}};
      file.header_lines =
          static_cast<std::uint32_t>(std::count(file.header.begin(), file.header.end(), '\n'));
      file.records.reserve(items.size());
      for (std::size_t i : items) file.records.push_back(m_emitted[i].text);
      file.items = std::move(items);
      out.push_back(std::move(file));
    }
    return out;
  }

  std::optional<YamlValue> convert(const SheetLayout& layout, const tableur::Column& column,
                                   const Cell& cell, const Where& w) {
    switch (column.type) {
      case ColumnType::Text:
        if (cell.type == Cell::Type::Number) return YamlValue::quoted(number_text(cell));
        if (cell.type == Cell::Type::Bool)
          return YamlValue::quoted(cell.text == "1" ? "true" : "false");
        return YamlValue::quoted(cell.text);
      case ColumnType::Date: {
        if (cell.type == Cell::Type::Date) {
          if (cell.text.size() == 10) return YamlValue::plain(cell.text);
          error(w, fmt::format("« {} » : une date sans heure est attendue, trouvé {}", column.path,
                               cell.text));
          return std::nullopt;
        }
        if (cell.type == Cell::Type::Text) {
          if (auto iso = date_text(cell.text)) return YamlValue::plain(*iso);
        }
        error(w, fmt::format("« {} » : date attendue (JJ/MM/AAAA ou AAAA-MM-JJ), trouvé « {} »",
                             column.path, cell.text));
        return std::nullopt;
      }
      case ColumnType::Number: {
        std::string n;
        if (cell.type == Cell::Type::Number)
          n = number_text(cell);
        else if (cell.type == Cell::Type::Text)
          n = french_number(cell.text);
        if (n.empty()) {
          error(w, fmt::format("« {} » : nombre attendu (par exemple 1850,50), trouvé « {} »",
                               column.path, cell.text));
          return std::nullopt;
        }
        if (auto expected = number_refused(tableur::record_field(layout, column), n)) {
          error(w, fmt::format("« {} » : {} attendu, trouvé « {} »", column.path, *expected,
                               cell.text));
          return std::nullopt;
        }
        return YamlValue::plain(n);
      }
      case ColumnType::Bool: {
        std::string t = cell.text;
        std::transform(t.begin(), t.end(), t.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (cell.type == Cell::Type::Bool || cell.type == Cell::Type::Number)
          return YamlValue::plain(cell.number != 0 ? "true" : "false");
        if (t == "vrai" || t == "true" || t == "oui") return YamlValue::plain("true");
        if (t == "faux" || t == "false" || t == "non") return YamlValue::plain("false");
        error(w,
              fmt::format("« {} » : VRAI ou FAUX attendu, trouvé « {} »", column.path, cell.text));
        return std::nullopt;
      }
      case ColumnType::IntList: {
        YamlValue seq;
        seq.kind = YamlValue::Kind::Seq;
        if (cell.type == Cell::Type::Number) {
          seq.seq.push_back(YamlValue::plain(number_text(cell)));
          return seq;
        }
        std::string text = cell.text;
        if (text == "[]") return seq;
        std::size_t start = 0;
        while (start <= text.size()) {
          auto end = text.find_first_of(",;", start);
          if (end == std::string::npos) end = text.size();
          std::string item = text.substr(start, end - start);
          item.erase(0, item.find_first_not_of(' '));
          while (!item.empty() && item.back() == ' ') item.pop_back();
          int value = 0;
          auto [p, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
          if (item.empty() || ec != std::errc() || p != item.data() + item.size()) {
            error(w, fmt::format("« {} » : des numéros séparés par des virgules sont attendus "
                                 "(« 2, 3 »), trouvé « {} »",
                                 column.path, text));
            return std::nullopt;
          }
          seq.seq.push_back(YamlValue::plain(std::to_string(value)));
          start = end + 1;
        }
        return seq;
      }
    }
    return std::nullopt;
  }

  /// List rows left once every main sheet is read name an owner that does not exist.
  void report_orphans() {
    for (const auto& [sheet, lists] : m_lists) {
      const SheetLayout* layout = tableur::find_sheet(sheet);
      for (const auto& [owner, items] : lists)
        error(items.second, fmt::format("« {} » ne correspond à aucune fiche de la feuille {}",
                                        owner, layout ? layout->folder : ""));
    }
  }

  bool failed_input() const { return m_failed_input; }
  /// Where each record read went in its text: m_emitted's, kept once the texts are freed.
  /// The cells of its lines are first[0, count).
  struct Placed {
    const tableur::LineOrigin* first = nullptr;
    std::uint32_t count = 0;
    std::uint32_t line_count = 0;  // of the record's text
  };
  const std::vector<Placed>& placed() const { return m_placed; }
  /// Once written, the records' texts are not needed (their lines' cells are): the project's
  /// validation then loads it all again, and peak memory stays that of the import alone.
  void release_texts() {
    m_emitted = {};
    m_departement_of = {};
    m_structure_of = {};
    m_structure_of_convention = {};
  }
  std::map<std::string, std::size_t> counts;

 private:
  Diagnostics m_diagnostics;
  bool m_failed_input = false;
  /// One record read, as a sequence item, with what decides its file.
  struct Emitted {
    const SheetLayout* layout = nullptr;
    std::string text;
    std::string departement, structure, convention, conseiller, mois;
    std::string own_file;  // the id, for a record kept in a file of its own
  };
  std::vector<Emitted> m_emitted;
  std::vector<Placed> m_placed;  // one per m_emitted
  tableur::LineOriginStore m_origins;
  std::vector<tableur::LineOrigin> m_scratch;                     // one record's, as it is emitted
  std::unordered_map<std::string, std::string> m_departement_of;  // structure → département
  std::unordered_map<std::string, std::string> m_structure_of;    // conseiller → structure
  std::unordered_map<std::string, std::string> m_structure_of_convention;
  // list sheet → owner key → (items, where the owner was named)
  std::map<std::string, std::map<std::string, std::pair<std::vector<YamlValue>, Where>>> m_lists;
};

/// The file the import planned at `path` (files come sorted by path), or nullptr.
const Importer::PlannedFile* planned_file(const std::vector<Importer::PlannedFile>& files,
                                          std::string_view path) {
  auto it = std::lower_bound(
      files.begin(), files.end(), path,
      [](const Importer::PlannedFile& f, std::string_view p) { return f.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

/// Each line of the file that writes a key, with its cell (lines 0-based in the whole file).
std::vector<tableur::LineOrigin> lines_of(const Importer::PlannedFile& file,
                                          const Importer& importer) {
  std::vector<tableur::LineOrigin> out;
  std::uint32_t line = file.header_lines;
  for (std::size_t i : file.items) {
    const Importer::Placed& placed = importer.placed()[i];
    for (std::size_t k = 0; k < placed.count; ++k) {
      tableur::LineOrigin o = placed.first[k];
      o.line += line;
      out.push_back(o);
    }
    line += placed.line_count;
  }
  return out;
}

}  // namespace

int run_import(const Options& options, bool* committed) {
  if (options.subcommand == "pilotage") return run_import_pilotage(options);
  if (options.subcommand != "tableur")
    return tableur_usage(
        "usage : tampon import tableur FICHIER.xlsx|FICHIER.csv… --project DIR, tampon import "
        "pilotage FICHIER.csv --project DIR, ou tampon import justification FICHIER.xlsx… "
        "--project DIR");
  if (options.files.empty())
    return tableur_usage("usage : tampon import tableur FICHIER.xlsx|FICHIER.csv… --project DIR");
  std::vector<tabular::XlsxWorkbook> books;
  books.reserve(options.files.size());
  std::vector<Source> sources;
  std::set<std::string> seen_csv;
  for (const auto& file : options.files) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string display = file.filename().string();
    if (ext == ".xlsx") {
      std::string why;
      auto book = tabular::XlsxWorkbook::open(file, why, {}, display);
      if (!book) {
        std::cerr << "tampon: erreur: " << why << "\n";
        return k_exit_io;
      }
      books.push_back(std::move(*book));
      bool any = false;
      for (const auto& layout : tableur::sheets()) {
        if (!books.back().has_sheet(layout.name)) continue;
        any = true;
        sources.push_back(
            {&layout, display, false, &books.back(), {}, static_cast<int>(sources.size())});
      }
      if (!any) {
        std::string names;
        for (const auto& layout : tableur::sheets())
          if (layout.list.empty()) names += (names.empty() ? "" : ", ") + std::string(layout.name);
        std::cerr << "tampon: erreur: " << display
                  << " : aucune feuille de fiches (attendu : " << names
                  << " ; voir tampon export tableur)\n";
        return k_exit_invalid;
      }
    } else if (ext == ".csv") {
      // The sheet is the file's name: structures.csv, conventions.postes.csv. A main sheet
      // brings its list sheets from the same folder when they are there.
      std::string stem = file.stem().string();
      const SheetLayout* layout = tableur::find_sheet(stem);
      if (!layout) {
        std::vector<std::string_view> names;
        for (const auto& l : tableur::sheets()) names.push_back(l.name);
        std::cerr << "tampon: erreur: " << display
                  << " : le nom du fichier dit quelles fiches il contient (structures.csv, "
                     "conventions.csv, conventions.postes.csv…)"
                  << did_you_mean(stem, names) << "\n";
        return k_exit_usage;
      }
      auto add = [&](const SheetLayout* l, const fs::path& p) {
        if (!seen_csv.insert(fs::absolute(p).lexically_normal().string()).second) return;
        sources.push_back(
            {l, p.filename().string(), true, nullptr, p, static_cast<int>(sources.size())});
      };
      add(layout, file);
      if (layout->list.empty()) {
        for (const auto* list : tableur::list_sheets_of(*layout)) {
          fs::path sibling =
              file.parent_path() / (std::string(list->name) + file.extension().string());
          std::error_code ec;
          if (fs::exists(sibling, ec)) add(list, sibling);
        }
      }
    } else {
      return tableur_usage("« " + file.string() +
                           " » : un classeur .xlsx ou un fichier .csv est attendu");
    }
  }
  // One part per main sheet, read with its list sheets (lists first, kept by owner; each main
  // row then takes its lists and becomes YAML text). Parts are read at once on `jobs` threads
  // (each sheet opens its own handle on the workbook), then put together in sheet order.
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::vector<const Source*>> parts;
  {
    std::map<std::size_t, std::vector<const Source*>> by_main;  // main sheet's index → sources
    const auto& all = tableur::sheets();
    auto index_of = [&](const SheetLayout* l) { return static_cast<std::size_t>(l - all.data()); };
    for (const auto& src : sources) {
      const SheetLayout* main = src.layout;
      if (!main->list.empty())
        for (const auto& s : all)
          if (s.list.empty() && s.folder == main->folder) main = &s;
      by_main[index_of(main)].push_back(&src);
    }
    for (auto& [main, list] : by_main) {
      std::stable_sort(list.begin(), list.end(), [](const Source* a, const Source* b) {
        return !a->layout->list.empty() && b->layout->list.empty();
      });
      parts.push_back(std::move(list));
    }
  }
  // The largest parts first (rapports: 70 % of the national workbook), so that the threads
  // share the work evenly.
  std::vector<std::uint64_t> weight(parts.size(), 0);
  for (std::size_t i = 0; i < parts.size(); ++i)
    for (const Source* src : parts[i]) {
      std::error_code ec;
      auto bytes = src->csv ? fs::file_size(src->path, ec) : 0;
      weight[i] += src->csv ? (ec ? 0 : static_cast<std::uint64_t>(bytes))
                            : src->book->sheet_size(src->layout->name);
    }
  std::vector<std::size_t> order(parts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return weight[a] > weight[b]; });
  std::vector<Importer> importers(parts.size());
  for_each_index(parts.size(), jobs, [&](std::size_t k) {
    std::size_t i = order[k];
    for (const Source* src : parts[i]) importers[i].read(*src);
    importers[i].report_orphans();
  });
  Importer importer;
  for (auto& part : importers) importer.absorb(std::move(part));
  importers.clear();  // their arrays of moved-from records: 40 MB on the national set
  Diagnostics& diagnostics = importer.diagnostics();
  phase_done("import : classeur lu, fiches en YAML");
  if (importer.failed_input() || count_errors(diagnostics) > 0) {
    if (!options.quiet && options.format == Format::Text)
      std::cerr << "rien n'a été écrit : corrigez le classeur puis relancez\n";
    print_diagnostics(diagnostics, options);
    return importer.failed_input() ? k_exit_io : k_exit_invalid;
  }
  auto files = importer.files();
  phase_done("import : fichiers composés");
  // Never replace a file that says something else without --force: compare them all first
  // (read side by side), and write only the files whose content changes.
  std::vector<FileToWrite> planned;
  planned.reserve(files.size());
  const std::string project = options.project.string() + "/";
  for (const auto& file : files) {
    FileToWrite f{project + file.path, nullptr, false};
    f.pieces.reserve(file.records.size() + 1);
    f.pieces.push_back(file.header);
    f.pieces.insert(f.pieces.end(), file.records.begin(), file.records.end());
    planned.push_back(std::move(f));
  }
  auto on_disk = compare_on_disk(planned, jobs);
  phase_done("import : fichiers comparés");
  std::vector<FileToWrite> to_write;
  std::vector<const std::string*> rel_of;  // to_write[i]'s path relative to the project
  std::size_t unchanged = 0;
  for (std::size_t i = 0; i < planned.size(); ++i) {
    if (on_disk[i] == OnDisk::Same) {
      ++unchanged;
      continue;
    }
    if (on_disk[i] == OnDisk::Different && !options.force) {
      Diagnostic d;
      d.where.file = files[i].path;
      d.code = "import-would-overwrite";
      d.message =
          "ce fichier existe et dit autre chose : relancez avec --force pour le "
          "remplacer par la fiche du classeur";
      diagnostics.push_back(std::move(d));
      continue;
    }
    planned[i].replaces = on_disk[i] == OnDisk::Different;
    to_write.push_back(std::move(planned[i]));
    rel_of.push_back(&files[i].path);
  }
  if (count_errors(diagnostics) > 0) {
    if (!options.quiet && options.format == Format::Text) std::cerr << "rien n'a été écrit\n";
    print_diagnostics(diagnostics, options);
    return k_exit_invalid;
  }
  std::size_t written = write_files_atomically(to_write, jobs);
  phase_done("import : fichiers écrits");
  if (!options.quiet && options.format == Format::Text) {
    std::string said;
    for (std::size_t i = 0; i < written; ++i) said += "écrit : " + *rel_of[i] + "\n";
    std::cerr << said;
  }
  if (written < to_write.size()) {
    std::cerr << "tampon: erreur: impossible d'écrire « " << to_write[written].path << " »\n";
    return k_exit_io;
  }
  if (committed) *committed = true;
  if (!options.quiet) {
    std::string summary;
    for (const auto& layout : tableur::sheets()) {
      if (!layout.list.empty()) continue;
      auto n = importer.counts[std::string(layout.name)];
      if (!n) continue;
      summary += (summary.empty() ? "" : ", ") + records_of_kind_fr(layout.kind, n);
    }
    std::cerr << fmt::format("import : {} fichier{} écrit{}, {} inchangé{} ({})\n", to_write.size(),
                             to_write.size() > 1 ? "s" : "", to_write.size() > 1 ? "s" : "",
                             unchanged, unchanged > 1 ? "s" : "",
                             summary.empty() ? "aucune fiche" : summary);
  }
  // The project as it is now, validated like `tampon validate` (with --as-of), the findings in
  // the records written shown at the cells they came from. What the import holds goes first.
  planned = {};
  to_write = {};
  for (auto& file : files) file.records = {};
  importer.release_texts();
  books.clear();
  release_freed_memory();
  Session& session = open_session_until_exit(options);
  Diagnostics& found = session.diagnostics;
  std::map<std::string, std::vector<tableur::LineOrigin>, std::less<>> tables;
  std::size_t moved = findings_to_cells(
      found, [&](std::string_view path, std::uint32_t line) -> std::optional<Location> {
        const auto* file = planned_file(files, path);
        if (!file) return std::nullopt;
        auto table = tables.find(path);
        if (table == tables.end()) table = tables.emplace(path, lines_of(*file, importer)).first;
        const auto& lines = table->second;
        // The last key written on or above the line (lines are 0-based in the table).
        auto after = std::upper_bound(
            lines.begin(), lines.end(), line - 1,
            [](std::uint32_t l, const tableur::LineOrigin& o) { return l < o.line; });
        if (after == lines.begin()) return std::nullopt;
        const tableur::Origin o = std::prev(after)->origin();
        const Source& src = sources[static_cast<std::size_t>(o.source)];
        return cell_location(Where{src.file,
                                   src.csv ? std::string() : std::string(src.layout->name), o.row,
                                   o.col, src.csv, o.source});
      });
  phase_done("import : fiches vérifiées");
  if (!options.quiet && options.format == Format::Text)
    std::cerr << findings_to_cells_summary(moved);
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()),
                     std::make_move_iterator(found.end()));
  apply_strict(diagnostics, options);
  print_diagnostics(diagnostics, options, &session.model.records);
  if (session.input_failure) return k_exit_io;
  return exit_code_for(diagnostics);
}

}  // namespace tampon::cli
