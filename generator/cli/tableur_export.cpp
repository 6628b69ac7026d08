// `tampon export tableur FICHIER.xlsx`: every record of the project in one workbook, in the
// layout of cli/tableur_layout.hpp (docs/tableur.md). Streams: each record file is parsed,
// written row by row (libxlsxwriter's constant_memory mode) and dropped.
#include <dlfcn.h>
#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <atomic>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <future>
#include <iostream>
#include <map>
#include <thread>
#include <unordered_map>

#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/tableur.hpp"
#include "cli/tableur_layout.hpp"
#include "core/parallel.hpp"
#include "load/source_files.hpp"
#include "load/yaml_tree.hpp"
#include "tampon/date.hpp"

// ---- The workbook's compression level --------------------------------------------------------
// libxlsxwriter 1.1 (Debian 12) compresses every part of a workbook through minizip at zlib's
// default level (6) and has no option to change it. For the national set (97 MB of sheet XML,
// 161 000 rows) that deflate was a third of the export's CPU time, on one thread, after every
// row is written (perf, bench/tableur/README.md). While `export tableur` closes its workbook,
// minizip's entry point is called with level 1 (Z_BEST_SPEED) instead: the same workbook,
// about a third larger, deflated about three times faster. The definition below interposes
// minizip's own (the executable's symbols come first and are exported: ENABLE_EXPORTS) and
// forwards every call to it (dlsym RTLD_NEXT); outside that window, or with a libxlsxwriter
// that does not call minizip through its dynamic symbol, nothing changes. Checked by
// ExportTableur.TheWorkbookIsDeflatedAtTheFastestLevel (the level flags of each zip entry).
namespace {
std::atomic<bool> g_fast_deflate{false};
}  // namespace

extern "C" int zipOpenNewFileInZip4_64(
    void* file, const char* filename, const void* zipfi, const void* extrafield_local,
    unsigned size_extrafield_local, const void* extrafield_global, unsigned size_extrafield_global,
    const char* comment, int method, int level, int raw, int window_bits, int mem_level,
    int strategy, const char* password, unsigned long crc_for_crypting,
    unsigned long version_made_by, unsigned long flag_base, int zip64);

extern "C" int zipOpenNewFileInZip4_64(
    void* file, const char* filename, const void* zipfi, const void* extrafield_local,
    unsigned size_extrafield_local, const void* extrafield_global, unsigned size_extrafield_global,
    const char* comment, int method, int level, int raw, int window_bits, int mem_level,
    int strategy, const char* password, unsigned long crc_for_crypting,
    unsigned long version_made_by, unsigned long flag_base, int zip64) {
  using Next = int (*)(void*, const char*, const void*, const void*, unsigned, const void*,
                       unsigned, const char*, int, int, int, int, int, int, const char*,
                       unsigned long, unsigned long, unsigned long, int);
  static const Next next = reinterpret_cast<Next>(::dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64"));
  if (!next) return -104;  // ZIP_INTERNALERROR: cannot happen when minizip called us
  constexpr int k_deflated = 8, k_best_speed = 1;
  if (g_fast_deflate.load() && method == k_deflated && level != 0) level = k_best_speed;
  return next(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
              size_extrafield_global, comment, method, level, raw, window_bits, mem_level, strategy,
              password, crc_for_crypting, version_made_by, flag_base, zip64);
}

namespace tampon::cli {
namespace fs = std::filesystem;
using load::NodeKind;
using load::YamlNode;
using load::YamlTree;
using tableur::ColumnType;
using tableur::SheetLayout;

namespace {

struct SheetOut {
  const SheetLayout* layout = nullptr;
  lxw_worksheet* ws = nullptr;
  lxw_row_t next_row = 1;                        // row 0 is the header
  int owner_col = 0;                             // list sheets: 1 (the owner key is column 0)
  std::unordered_map<std::string, int> columns;  // field path → 0-based column
};

bool is_plain_number(std::string_view s) {
  // -?digits(.digits)? with at most 15 significant digits: a double gives it back exactly.
  std::size_t i = 0, digits = 0;
  if (i < s.size() && s[i] == '-') ++i;
  std::size_t start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i == start) return false;
  if (s[start] == '0' && i - start > 1) return false;  // leading zeros are text ("0059")
  if (i < s.size() && s[i] == '.') {
    ++i;
    std::size_t frac = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (i == frac) return false;
  }
  return i == s.size() && digits <= 15;
}

bool yaml_true(std::string_view s) { return s == "true" || s == "True" || s == "TRUE"; }
bool yaml_false(std::string_view s) { return s == "false" || s == "False" || s == "FALSE"; }

class Exporter {
 public:
  Exporter(lxw_workbook* wb, Diagnostics& diagnostics) : m_wb(wb), m_diagnostics(diagnostics) {
    m_bold = workbook_add_format(wb);
    format_set_bold(m_bold);
    format_set_bg_color(m_bold, 0xE3E3FD);  // DSFR blue-france 925
    m_date = workbook_add_format(wb);
    format_set_num_format(m_date, "dd/mm/yyyy");
    m_text = workbook_add_format(wb);
    format_set_num_format(m_text, "@");
    for (const auto& layout : tableur::sheets()) add_sheet(layout);
  }

  void add_sheet(const SheetLayout& layout) {
    SheetOut out;
    out.layout = &layout;
    out.ws = workbook_add_worksheet(m_wb, std::string(layout.name).c_str());
    int col = 0;
    if (!layout.list.empty()) {
      const SheetLayout* main = nullptr;
      for (const auto& s : tableur::sheets())
        if (s.list.empty() && s.folder == layout.folder) main = &s;
      std::string owner = tableur::owner_header(*main);
      header(out.ws, 0, owner,
             main->has_id
                 ? fmt::format("Identifiant de la fiche {} (feuille {}) à laquelle cette ligne "
                               "appartient",
                               main->kind, main->name)
                 : fmt::format("Numéro de ligne, dans la feuille {}, de la fiche à laquelle "
                               "cette ligne appartient",
                               main->name),
             ColumnType::Text);
      out.owner_col = 1;
      col = 1;
    }
    for (const auto& c : layout.columns) {
      out.columns[std::string(c.path)] = col;
      header(out.ws, col, std::string(c.path), std::string(c.comment), c.type);
      ++col;
    }
    worksheet_freeze_panes(out.ws, 1, 0);
    m_sheets[std::string(layout.name)] = std::move(out);
  }

  void header(lxw_worksheet* ws, int col, const std::string& name, const std::string& comment,
              ColumnType type) {
    auto c = static_cast<lxw_col_t>(col);
    worksheet_write_string(ws, 0, c, name.c_str(), m_bold);
    worksheet_write_comment(ws, 0, c, comment.c_str());
    double width = std::max(12.0, std::min(40.0, static_cast<double>(name.size()) + 2));
    lxw_format* fmt = type == ColumnType::Date   ? m_date
                      : type == ColumnType::Text ? m_text
                                                 : nullptr;
    worksheet_set_column(ws, c, c, width, fmt);
  }

  /// Drop-down lists, once the row counts are known.
  void finish() {
    for (auto& [name, out] : m_sheets) {
      lxw_row_t last = std::max<lxw_row_t>(out.next_row + 500, 1000);
      for (const auto& c : out.layout->columns) {
        if (c.values.empty()) continue;
        std::vector<char*> values;
        std::size_t chars = 0;
        for (auto v : c.values) {
          values.push_back(const_cast<char*>(v.data()));  // the table's literals end with '\0'
          chars += v.size() + 1;
        }
        if (chars > 255) continue;  // Excel's limit for a literal list
        values.push_back(nullptr);
        lxw_data_validation dv{};
        dv.validate = LXW_VALIDATION_TYPE_LIST;
        dv.value_list = values.data();
        dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;  // validate says the rest
        dv.error_title = const_cast<char*>("Valeur inconnue");
        std::string message = "Choisissez une valeur de la liste : " + std::string(c.comment);
        dv.error_message = message.data();
        auto col = static_cast<lxw_col_t>(out.columns.at(std::string(c.path)));
        worksheet_data_validation_range(out.ws, 1, col, last, col, &dv);
      }
    }
  }

  void file(const load::SourceFile& source, const YamlTree& tree) {
    const SheetLayout* main = nullptr;
    for (const auto& s : tableur::sheets())
      if (s.list.empty() && s.folder == folder_of(source)) main = &s;
    if (!main) return;
    m_file = &source;
    m_tree = &tree;
    for (auto doc : tree.documents()) {
      const YamlNode& root = tree.node(doc);
      if (root.kind == NodeKind::Mapping) {
        record(*main, root);
      } else if (root.kind == NodeKind::Sequence) {
        for (auto item : tree.items(root)) {
          const YamlNode& n = tree.node(item);
          if (n.kind == NodeKind::Mapping)
            record(*main, n);
          else
            warn(n, "élément qui n'est pas une fiche (une liste de champs) : non exporté");
        }
      }
    }
  }

  std::map<std::string, std::size_t> counts;

 private:
  static std::string folder_of(const load::SourceFile& source) {
    // data/<folder>/…
    auto rel = fs::path(source.relative);
    auto it = rel.begin();
    if (it != rel.end()) ++it;
    return it != rel.end() ? it->string() : std::string();
  }

  void warn(const YamlNode& at, std::string message) {
    Diagnostic d;
    d.where.file = m_file->relative;
    d.where.line = at.line;
    d.where.column = at.column;
    d.severity = Severity::Warning;
    d.code = "unknown-field";
    d.message = std::move(message);
    m_diagnostics.push_back(std::move(d));
  }

  std::string text(const YamlNode& n) const { return std::string(m_tree->scalar(n)); }

  void record(const SheetLayout& main, const YamlNode& map) {
    SheetOut& out = m_sheets.at(std::string(main.name));
    lxw_row_t row = out.next_row++;
    ++counts[std::string(main.name)];
    std::string owner;
    if (main.has_id) {
      for (std::uint32_t i = 0; i < map.count; ++i)
        if (m_tree->scalar(m_tree->key(map, i)) == "id" &&
            m_tree->value(map, i).kind == NodeKind::Scalar)
          owner = text(m_tree->value(map, i));
    } else {
      owner = std::to_string(row + 1);
    }
    fields(out, row, map, "", &main, owner);
  }

  /// Writes the scalars of `map` (recursively) into `row`; lists of mappings go to their sheet.
  void fields(SheetOut& out, lxw_row_t row, const YamlNode& map, const std::string& prefix,
              const SheetLayout* main, const std::string& owner) {
    for (std::uint32_t i = 0; i < map.count; ++i) {
      const YamlNode& k = m_tree->key(map, i);
      const YamlNode& v = m_tree->value(map, i);
      std::string path = prefix + std::string(m_tree->scalar(k));
      if (v.kind == NodeKind::Mapping) {
        fields(out, row, v, path + ".", main, owner);
        continue;
      }
      if (v.kind == NodeKind::Sequence && main && prefix.empty()) {
        const SheetLayout* list = tableur::find_sheet(std::string(main->name) + "." + path);
        if (list) {
          SheetOut& lout = m_sheets.at(std::string(list->name));
          for (auto item : m_tree->items(v)) {
            const YamlNode& n = m_tree->node(item);
            if (n.kind != NodeKind::Mapping) {
              warn(n, fmt::format("élément de « {} » qui n'est pas un poste ou une ligne : non "
                                  "exporté",
                                  path));
              continue;
            }
            lxw_row_t lrow = lout.next_row++;
            worksheet_write_string(lout.ws, lrow, 0, owner.c_str(), nullptr);
            fields(lout, lrow, n, "", nullptr, owner);
          }
          continue;
        }
      }
      auto col = out.columns.find(path);
      if (col == out.columns.end()) {
        warn(k, fmt::format("« {} » n'est pas un champ des fiches de la feuille {} : non exporté "
                            "(tampon validate le signale aussi)",
                            path, out.layout->name));
        continue;
      }
      const auto& column =
          out.layout->columns[static_cast<std::size_t>(col->second - out.owner_col)];
      cell(out.ws, row, static_cast<lxw_col_t>(col->second), v, column.type);
    }
  }

  void cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const YamlNode& v, ColumnType type) {
    if (v.kind == NodeKind::Null) return;
    if (v.kind == NodeKind::Sequence) {
      std::string joined;
      for (auto item : m_tree->items(v)) {
        const YamlNode& n = m_tree->node(item);
        if (!joined.empty()) joined += ", ";
        joined += n.kind == NodeKind::Scalar ? text(n) : "?";
      }
      if (joined.empty()) joined = "[]";
      worksheet_write_string(ws, row, col, joined.c_str(), nullptr);
      return;
    }
    if (v.kind != NodeKind::Scalar) return;
    std::string s = text(v);
    if (!v.quoted && (s == "~" || s == "null" || s.empty())) return;
    switch (type) {
      case ColumnType::Date:
        if (auto d = Date::parse(s); d && !v.quoted) {
          lxw_datetime dt{};
          dt.year = d->year();
          dt.month = static_cast<int>(d->month());
          dt.day = static_cast<int>(d->day());
          worksheet_write_datetime(ws, row, col, &dt, m_date);
          return;
        }
        break;
      case ColumnType::Number:
        if (is_plain_number(s)) {
          worksheet_write_number(ws, row, col, std::strtod(s.c_str(), nullptr), nullptr);
          return;
        }
        break;
      case ColumnType::Bool:
        if (yaml_true(s) || yaml_false(s)) {
          worksheet_write_boolean(ws, row, col, yaml_true(s), nullptr);
          return;
        }
        break;
      case ColumnType::Text:
      case ColumnType::IntList:
        break;
    }
    // Text, always as text: never a formula, whatever it starts with.
    worksheet_write_string(ws, row, col, s.c_str(), nullptr);
  }

  lxw_workbook* m_wb;
  Diagnostics& m_diagnostics;
  lxw_format* m_bold = nullptr;
  lxw_format* m_date = nullptr;
  lxw_format* m_text = nullptr;
  std::map<std::string, SheetOut> m_sheets;
  const load::SourceFile* m_file = nullptr;
  const YamlTree* m_tree = nullptr;
};

}  // namespace

int run_export(const Options& options) {
  if (options.subcommand != "tableur")
    return tableur_usage("usage : tampon export tableur FICHIER.xlsx --project DIR");
  if (options.files.size() != 1 || options.files[0].extension() != ".xlsx")
    return tableur_usage(
        "usage : tampon export tableur FICHIER.xlsx --project DIR (un seul "
        "fichier, d'extension .xlsx)");
  const fs::path target = options.files[0];
  Diagnostics diagnostics;
  bool input_failure = false;
  fs::path project = load::normal_dir(options.project);
  auto files = load::list_record_files(project, diagnostics, input_failure);

  fs::path parent = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(parent, ec)) {
    std::cerr << "tampon: erreur: le dossier de « " << target.string() << " » n'existe pas\n";
    return k_exit_io;
  }
  fs::path temp = parent / fmt::format(".{}.tampon-{}.tmp", target.filename().string(), ::getpid());
  lxw_workbook_options wopts{};
  wopts.constant_memory = LXW_TRUE;
  lxw_workbook* wb = workbook_new_opt(temp.c_str(), &wopts);
  if (!wb) {
    std::cerr << "tampon: erreur: impossible de créer « " << target.string() << " »\n";
    return k_exit_io;
  }
  // Deterministic properties: the same records give the same bytes.
  lxw_doc_properties props{};
  props.title = const_cast<char*>("Fiches Tampon");
  props.author = const_cast<char*>("tampon");
  props.created = static_cast<time_t>(options.as_of.days()) * 86400;  // --as-of, not the clock
  workbook_set_properties(wb, &props);
  Exporter exporter(wb, diagnostics);
  SourceRoot root(project, "data");
  // Files are read and parsed side by side (--jobs), a chunk at a time so that memory stays
  // bounded, while the previous chunk is written: the workbook is written in file order, so it
  // does not depend on thread timing.
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t chunk = 32 * static_cast<std::size_t>(jobs);
  struct Parsed {
    std::optional<Diagnostic> failure;
    load::YamlParse parse;
  };
  auto parse_chunk = [&](std::size_t start) {
    std::vector<Parsed> parsed(std::min(chunk, files.size() - start));
    for_each_index(parsed.size(), jobs, [&](std::size_t i) {
      const auto& file = files[start + i];
      auto bytes = load::read_file_capped(file.absolute, root);
      if (bytes.failure) {
        bytes.failure->where.file = file.relative;
        parsed[i].failure = std::move(bytes.failure);
        return;
      }
      parsed[i].parse = load::parse_yaml(bytes.bytes);
    });
    return parsed;
  };
  std::future<std::vector<Parsed>> next;
  if (!files.empty()) next = std::async(std::launch::async, parse_chunk, std::size_t{0});
  for (std::size_t start = 0; start < files.size(); start += chunk) {
    std::vector<Parsed> parsed = next.get();
    if (start + chunk < files.size())
      next = std::async(std::launch::async, parse_chunk, start + chunk);
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      const auto& file = files[start + i];
      if (parsed[i].failure) {
        diagnostics.push_back(*parsed[i].failure);
        input_failure = true;
        continue;
      }
      if (const auto& error = parsed[i].parse.error) {
        Diagnostic d;
        d.where.file = file.relative;
        d.where.line = error->line;
        d.where.column = error->column;
        d.code = "yaml-syntax";
        d.message = error->message;
        diagnostics.push_back(std::move(d));
        input_failure = true;
        continue;
      }
      exporter.file(file, parsed[i].parse.tree);
    }
  }
  exporter.finish();
  g_fast_deflate = true;
  lxw_error closed = workbook_close(wb);
  g_fast_deflate = false;
  if (input_failure || closed != LXW_NO_ERROR) {
    fs::remove(temp, ec);
    if (closed != LXW_NO_ERROR) {
      Diagnostic d;
      d.where.file = target.string();
      d.code = "io-error";
      d.message = fmt::format("écriture impossible ({})", lxw_strerror(closed));
      diagnostics.push_back(std::move(d));
    }
    print_diagnostics(diagnostics, options);
    return k_exit_io;
  }
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    std::cerr << "tampon: erreur: impossible d'écrire « " << target.string() << " »\n";
    return k_exit_io;
  }
  if (!options.quiet) {
    std::string summary;
    for (const auto& layout : tableur::sheets()) {
      if (!layout.list.empty()) continue;
      auto n = exporter.counts[std::string(layout.name)];
      if (!summary.empty()) summary += ", ";
      summary += records_of_kind_fr(layout.kind, n);
    }
    std::cerr << "classeur écrit : " << target.string() << " (" << summary << ")\n";
  }
  print_diagnostics(diagnostics, options);
  return exit_code_for(diagnostics);
}

}  // namespace tampon::cli
