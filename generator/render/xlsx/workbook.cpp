#include "render/xlsx/workbook.hpp"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "io/whole_file.hpp"
#include "render/clock_buffers.hpp"
#include "render/xlsx/library_messages.hpp"
#include "tampon/diagnostic.hpp"

namespace tampon::xlsx {
namespace {

constexpr const char* k_money = "#,##0.00 \"€\"";
constexpr std::uint32_t k_header_fill = 0xE3E3FD;  // DSFR blue-france-950
constexpr std::uint32_t k_flag_fill = 0xFFD8B2;
// The DSFR's text input (`.fr-input`): background-contrast-grey fill, border-plain-grey line
// under the field.
constexpr std::uint32_t k_input_fill = 0xEEEEEE;
constexpr std::uint32_t k_input_border = 0x3A3A3A;

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

/// The cause of a failed system call, as users read it.
std::string cause(int error) {
  switch (error) {
    case ENOSPC:
      return "disque plein";
    case EDQUOT:
      return "quota disque dépassé";
    case EACCES:
    case EPERM:
      return "permission refusée";
    case EROFS:
      return "système de fichiers en lecture seule";
    case ENOMEM:
      return "mémoire insuffisante";
    case EMFILE:
    case ENFILE:
      return "trop de fichiers ouverts";
    default:
      return std::strerror(error);
  }
}

/// The whole content of the memfd.
bool read_memory(int fd, std::string& out) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return false;
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < out.size()) {
    ssize_t got = ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    done += static_cast<std::size_t>(got);
  }
  return true;
}

}  // namespace

Workbook::Workbook(RenderContext& ctx, std::string name, Size size, const DocInfo& info)
    : m_info(info), m_ctx(&ctx), m_path(ctx.output_path()), m_name(std::move(name)) {
  open(size);
}

Workbook::Workbook(const std::filesystem::path& path, Size size, const DocInfo& info)
    : m_info(info), m_path(path), m_name(path.string()) {
  open(size);
}

void Workbook::open(Size size) {
  render::use_clock_buffers_per_thread();  // the creation date below, formatted by gmtime()
  // The zip goes to memory: libxlsxwriter opens a file name, so it gets the memfd's. Without
  // memfd or /proc it writes the file itself, as before.
  m_memory = ::memfd_create("tampon-xlsx", MFD_CLOEXEC);
  m_target = m_path.string();
  if (m_memory >= 0) {
    std::string proc = "/proc/self/fd/" + std::to_string(m_memory);
    if (::access(proc.c_str(), W_OK) == 0) {
      m_target = proc;
    } else {
      ::close(m_memory);
      m_memory = -1;
    }
  }
  lxw_workbook_options options{};
  options.constant_memory = size == Size::Large ? LXW_TRUE : LXW_FALSE;
  if (size == Size::Small) options.tmpdir = memory_scratch_dir();
  {
    CaptureLibraryMessages quiet;
    m_book = workbook_new_opt(m_target.c_str(), &options);
  }
  if (m_book == nullptr) throw Fatal("classeur « " + m_name + " » non créé : mémoire insuffisante");
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
  // Not closed (an exception while filling it): free the memory; nothing reaches out/.
  if (m_book != nullptr) {
    CaptureLibraryMessages quiet;
    workbook_close(m_book);
  }
  if (m_memory >= 0) ::close(m_memory);
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
  make_input_formats();
}

void Workbook::make_input_formats() {
  Formats& f = m_formats;
  f.input_money = with_num(m_book, k_money);
  f.input_date = with_num(m_book, "dd/mm/yyyy");
  f.input_text = workbook_add_format(m_book);
  format_set_text_wrap(f.input_text);
  for (lxw_format* input : {f.input_money, f.input_date, f.input_text}) {
    format_set_unlocked(input);
    format_set_bg_color(input, k_input_fill);
    format_set_bottom(input, LXW_BORDER_MEDIUM);
    format_set_bottom_color(input, k_input_border);
    format_set_align(input, LXW_ALIGN_VERTICAL_TOP);
  }
  f.wrapped = workbook_add_format(m_book);
  format_set_text_wrap(f.wrapped);
  format_set_align(f.wrapped, LXW_ALIGN_VERTICAL_TOP);
}

lxw_worksheet* Workbook::add_sheet(std::string_view name) {
  std::string owned(name);
  lxw_worksheet* sheet = nullptr;
  {
    // In constant-memory mode this creates the sheet's scratch file, which can fail.
    CaptureLibraryMessages quiet;
    errno = 0;
    sheet = workbook_add_worksheet(m_book, owned.c_str());
  }
  if (sheet == nullptr && errno != 0 && errno != EINVAL)
    throw Fatal("classeur « " + m_name + " » non écrit : fichier temporaire impossible à créer (" +
                cause(errno) + ")");
  if (sheet == nullptr) throw Fatal("nom de feuille refusé : " + owned);
  return sheet;
}

void Workbook::close() {
  lxw_workbook* book = m_book;
  m_book = nullptr;
  lxw_error error;
  int system_error;
  {
    CaptureLibraryMessages quiet;  // "[ERROR] workbook_close(): …" lines stay here
    errno = 0;
    error = workbook_close(book);
    system_error = errno;
  }
  if (error != LXW_NO_ERROR) {
    std::string why = system_error != 0 ? cause(system_error) : lxw_strerror(error);
    if (error == LXW_ERROR_CREATING_TMPFILE)
      why = "fichiers temporaires de libxlsxwriter impossibles à écrire (" + why + ")";
    throw Fatal("classeur « " + m_name + " » non écrit : " + why);
  }
  if (m_memory < 0) return;  // written by libxlsxwriter at m_path
  std::string bytes;
  if (!read_memory(m_memory, bytes))
    throw Fatal("classeur « " + m_name + " » non écrit : " + cause(errno));
  ::close(m_memory);
  m_memory = -1;
  if (m_ctx != nullptr) return m_ctx->write(bytes);
  if (!write_whole_file(m_path, bytes))
    throw Fatal("classeur « " + m_name + " » non écrit : " + cause(errno));
}

}  // namespace tampon::xlsx
