#pragma once
// Reading PDFs back with the tools a reviewer would use (poppler-utils, qpdf): tests assert on
// what those tools see, not on what the engine believes it wrote.
#include <filesystem>
#include <string>

namespace tampon::testing {

struct CommandResult {
  int status = -1;
  std::string out;
};

/// Runs a shell command and captures its standard output.
CommandResult run(const std::string& command);

std::string pdftotext(const std::filesystem::path& pdf, bool layout = false);
std::string pdffonts(const std::filesystem::path& pdf);
std::string pdfinfo(const std::filesystem::path& pdf);
int page_count(const std::filesystem::path& pdf);
/// `qpdf --check` exit status (0 = no problem found).
int qpdf_check(const std::filesystem::path& pdf);
/// The PDF rewritten uncompressed (qpdf --qdf), to look for dictionary keys.
std::string qdf(const std::filesystem::path& pdf);
std::string read_bytes(const std::filesystem::path& file);
/// What a tagged PDF tells a screen reader and an archive, read with pikepdf (Debian's
/// python3-pikepdf): one line per fact ("lang fr-FR", "marked True", "pdfa 2U pdfua 1",
/// "output-intent ...", "page N tabs /S ...", "annot /Link struct-parent True contents ...",
/// "outline <title>"), then "tree" and the structure elements in reading order, indented,
/// with their /Alt, /Scope, marked-content and annotation counts ("TH scope=Column mc=1").
std::string pdf_structure(const std::filesystem::path& pdf);

/// A fresh folder under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

/// Whether extracted text contains `phrase`, whatever the line breaks between its words (a
/// hyphen at a line end may be the word's own or one added by hyphenation) and whichever
/// space separates them (plain, no-break or narrow no-break).
bool contains_phrase(const std::string& text, const std::string& phrase);

/// Occurrences of `needle` in `haystack`.
int count(const std::string& haystack, const std::string& needle);

}  // namespace tampon::testing
