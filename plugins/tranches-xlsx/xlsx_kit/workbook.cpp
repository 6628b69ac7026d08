#include "xlsx_kit/workbook.hpp"

#include <unistd.h>

#include <string>

#include "tampon/diagnostic.hpp"

namespace tampon::xlsx {
namespace {

constexpr const char* k_money = "#,##0.00 \"€\"";
constexpr std::uint32_t k_header_fill = 0xE3E3FD;  // DSFR blue-france-950
constexpr std::uint32_t k_flag_fill = 0xFFD8B2;

lxw_format* with_num(lxw_workbook* book, const char* num_format) {
  lxw_format* f = workbook_add_format(book);
  format_set_num_format(f, num_format);
  return f;
}

/// `/dev/shm` when it is a folder we may write in, else null (libxlsxwriter's default folder).
/// Decided once: every workbook of a build then scratches in the same place.
char* memory_scratch_dir() {
  static char* const dir = [] {
    static char shm[] = "/dev/shm";
    std::error_code ec;
    bool usable = std::filesystem::is_directory(shm, ec) && ::access(shm, W_OK | X_OK) == 0;
    return usable ? shm : nullptr;
  }();
  return dir;
}

}  // namespace

Workbook::Workbook(const std::filesystem::path& path, Size size, const DocInfo& info)
    : m_info(info), m_path(path.string()) {
  lxw_workbook_options options{};
  options.constant_memory = size == Size::Large ? LXW_TRUE : LXW_FALSE;
  if (size == Size::Small) options.tmpdir = memory_scratch_dir();
  m_book = workbook_new_opt(m_path.c_str(), &options);
  if (m_book == nullptr) throw Fatal("impossible de créer le classeur " + m_path);
  lxw_doc_properties props{};
  props.title = m_info.title.data();
  props.subject = m_info.subject.data();
  props.keywords = m_info.keywords.data();
  props.author = const_cast<char*>("Tampon");
  props.company = const_cast<char*>("Dispositif Conseiller numérique");
  // Seconds since 1970 at midnight UTC of the reference date: libxlsxwriter would otherwise
  // stamp the current time and two builds would differ.
  props.created = static_cast<time_t>(m_info.created.days()) * 86400;
  workbook_set_properties(m_book, &props);
  make_formats();
}

Workbook::~Workbook() {
  // Not closed (an exception while filling it): free the memory; the host discards the
  // temporary file.
  if (m_book != nullptr) workbook_close(m_book);
}

void Workbook::make_formats() {
  Formats& f = m_formats;
  for (lxw_format** slot : {&f.header, &f.header_wrap}) {
    *slot = workbook_add_format(m_book);
    format_set_bold(*slot);
    format_set_align(*slot, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(*slot, k_header_fill);
    format_set_bottom(*slot, LXW_BORDER_THIN);
  }
  format_set_text_wrap(f.header_wrap);
  f.text = nullptr;  // the default format (see Formats::text)
  f.bold = workbook_add_format(m_book);
  format_set_bold(f.bold);
  f.integer = with_num(m_book, "0");
  f.money = with_num(m_book, k_money);
  f.money_total = with_num(m_book, k_money);
  format_set_bold(f.money_total);
  format_set_top(f.money_total, LXW_BORDER_THIN);
  f.date = with_num(m_book, "dd/mm/yyyy");
  f.month = with_num(m_book, "mm/yyyy");
  f.percent = with_num(m_book, "0%");
  f.rate = with_num(m_book, "0.0%");
  f.flagged = workbook_add_format(m_book);
  format_set_bg_color(f.flagged, k_flag_fill);
  f.title = workbook_add_format(m_book);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.note = workbook_add_format(m_book);
  format_set_italic(f.note);
}

lxw_worksheet* Workbook::add_sheet(std::string_view name) {
  std::string owned(name);
  lxw_worksheet* sheet = workbook_add_worksheet(m_book, owned.c_str());
  if (sheet == nullptr) throw Fatal("nom de feuille refusé : " + owned);
  return sheet;
}

void Workbook::close() {
  lxw_workbook* book = m_book;
  m_book = nullptr;
  lxw_error error = workbook_close(book);
  if (error != LXW_NO_ERROR)
    throw Fatal("écriture du classeur " + m_path + " impossible : " + lxw_strerror(error));
}

}  // namespace tampon::xlsx
