#include "support/pdf_readback.hpp"

#include <unistd.h>
#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace tampon::testing {
namespace {

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace

CommandResult run(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string pdftotext(const std::filesystem::path& pdf, bool layout) {
  return run(std::string("pdftotext ") + (layout ? "-layout " : "") + quoted(pdf) + " -").out;
}

std::string pdffonts(const std::filesystem::path& pdf) {
  return run("pdffonts " + quoted(pdf)).out;
}

std::string pdfinfo(const std::filesystem::path& pdf) { return run("pdfinfo " + quoted(pdf)).out; }

int page_count(const std::filesystem::path& pdf) {
  std::istringstream in(pdfinfo(pdf));
  for (std::string line; std::getline(in, line);)
    if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
  return -1;
}

int qpdf_check(const std::filesystem::path& pdf) {
  return run("qpdf --check " + quoted(pdf) + " > /dev/null 2>&1").status;
}

std::string qdf(const std::filesystem::path& pdf) {
  return run("qpdf --qdf --object-streams=disable " + quoted(pdf) + " -").out;
}

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  m_path = std::filesystem::temp_directory_path() /
           ("tampon-documents-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
    s.replace(at, from.size(), to);
  return s;
}

std::string collapse_spaces(std::string s) {
  s = replace_all(std::move(s), "\u00A0", " ");
  s = replace_all(std::move(s), "\u202F", " ");
  s = replace_all(std::move(s), "\n", " ");
  s = replace_all(std::move(s), "\f", " ");
  std::string out;
  for (char c : s)
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  return out;
}

}  // namespace

bool contains_phrase(const std::string& text, const std::string& phrase) {
  std::string wanted = collapse_spaces(phrase);
  for (const char* joined_hyphen : {"-", ""})
    if (collapse_spaces(replace_all(text, "-\n", joined_hyphen)).find(wanted) != std::string::npos)
      return true;
  return collapse_spaces(text).find(wanted) != std::string::npos;
}

int count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

}  // namespace tampon::testing
