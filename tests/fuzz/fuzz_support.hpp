#pragma once
/// What every fuzz target shares: the input as text, the invariants every reader promises
/// (ARCHITECTURE.md: a hostile file ends in a diagnostic, in bounded time and memory), and a
/// private scratch folder for readers that take a path.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include <unistd.h>

#include "tampon/diagnostic.hpp"

namespace tampon::fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Stops the run with a message libFuzzer keeps beside the input that broke the promise.
[[noreturn]] inline void broken(const std::string& promise) {
  std::fprintf(stderr, "promesse non tenue : %s\n", promise.c_str());
  std::abort();
}

/// Every finding has a code and a message, and points inside the text it is about.
inline void check_findings(const Diagnostics& found, std::string_view text) {
  // An upper bound of the lines as YAML counts them: LF, CR (alone or before LF), NEL, LS, PS.
  std::uint32_t lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i)
    lines += text[i] == '\n' || text[i] == '\r' || text.substr(i, 2) == "\xC2\x85" ||
             text.substr(i, 3) == "\xE2\x80\xA8" || text.substr(i, 3) == "\xE2\x80\xA9";
  for (const Diagnostic& d : found) {
    if (d.code.empty()) broken("un constat sans code");
    if (d.message.empty()) broken("un constat sans message (" + d.code + ")");
    if (d.where.line > lines + 1)
      broken("le constat " + d.code + " pointe la ligne " + std::to_string(d.where.line) +
             " d'un texte de " + std::to_string(lines) + " lignes");
  }
}

/// A folder of this process, removed at exit, for readers that take a path.
inline const std::filesystem::path& scratch() {
  struct Folder {
    std::filesystem::path path;
    Folder()
        : path(std::filesystem::temp_directory_path() /
               ("tampon-fuzz-" + std::to_string(static_cast<long>(::getpid())))) {
      std::filesystem::create_directories(path);
    }
    ~Folder() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  };
  static const Folder folder;
  return folder.path;
}

}  // namespace tampon::fuzz
