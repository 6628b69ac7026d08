#pragma once
/// What the import targets share: a scratch project, the command's output silenced, and the
/// promises of every `tampon import` (docs/commandes.md): all or nothing, nothing written
/// outside data/, and every file written reads back through the record loader with no finding
/// of YAML syntax, duplicate or unknown key, or wrong type (a cell that breaks out of its
/// string, or a value the loader refuses, would show as one).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "fuzz_support.hpp"
#include "io/whole_file.hpp"
#include "load/decode_file.hpp"
#include "load/source_files.hpp"

namespace tampon::fuzz {

/// `root/` holds the input files and `root/projet/`, a project with an empty data/.
struct ImportScratch {
  std::filesystem::path root = scratch() / "import";
  std::filesystem::path project = root / "projet";
  std::set<std::string> inputs;  ///< relative to root: the files the import reads

  ImportScratch() {
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
    std::filesystem::create_directories(project / "data");
  }
  void write(const std::string& relative, std::string_view bytes) {
    std::filesystem::create_directories((root / relative).parent_path());
    std::ofstream(root / relative, std::ios::binary) << bytes;
    inputs.insert(relative);
  }
  /// Puts the sample project's data/ in the scratch project. Read once per process, then
  /// written with the tool's own calls: std::filesystem::copy gives up on EINTR, and
  /// libFuzzer's timeout alarm interrupts its sendfile() now and then (a false crash in CI).
  void copy_sample_data() {
    static const std::map<std::string, std::string> sample = [] {
      std::map<std::string, std::string> files;
      const std::filesystem::path data = std::filesystem::path(TAMPON_SOURCE_DIR) / "data";
      for (const auto& entry : std::filesystem::recursive_directory_iterator(data)) {
        if (!entry.is_regular_file()) continue;
        std::string bytes;
        if (!read_whole_file(entry.path(), bytes)) broken("lecture de " + entry.path().string());
        files[entry.path().lexically_relative(data).generic_string()] = std::move(bytes);
      }
      return files;
    }();
    for (const auto& [relative, bytes] : sample) {
      std::filesystem::create_directories((project / "data" / relative).parent_path());
      if (!write_whole_file(project / "data" / relative, bytes)) broken("écriture de " + relative);
    }
  }
  /// Every file under data/, with its bytes.
  std::map<std::string, std::string> data_files() const {
    std::map<std::string, std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(project / "data")) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      out[entry.path().lexically_relative(root).generic_string()] =
          std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return out;
  }
};

/// Diagnostics printed by the command go nowhere while it runs.
struct Silence {
  std::streambuf* saved = std::cerr.rdbuf(nullptr);
  Silence() = default;
  Silence(const Silence&) = delete;
  Silence& operator=(const Silence&) = delete;
  ~Silence() {
    std::cerr.rdbuf(saved);
    std::cerr.clear();
  }
};

/// The promises, once the command returned `status` with data/ holding `before` beforehand;
/// `committed`: it says it wrote its files (its status is then the validation's that follows).
inline void check_import(const ImportScratch& s, int status,
                         const std::map<std::string, std::string>& before, bool committed) {
  namespace fs = std::filesystem;
  if (status < 0 || status > 3) broken("code de sortie " + std::to_string(status));
  for (auto it = fs::recursive_directory_iterator(s.root); it != fs::recursive_directory_iterator();
       ++it) {
    std::string relative = it->path().lexically_relative(s.root).generic_string();
    if (it->is_symlink()) broken("lien symbolique écrit : " + relative);
    if (relative == "projet" || relative == "projet/data" || relative.starts_with("projet/data/") ||
        s.inputs.contains(relative) || (it->is_directory() && !relative.starts_with("projet")))
      continue;
    broken("écrit hors de data/ : " + relative);
  }
  auto after = s.data_files();
  if (status != 0 && !committed && after != before) broken("import refusé, mais data/ a changé");
  if (committed && status != 0 && status != 1 && status != 3)
    broken("import écrit, puis code de sortie " + std::to_string(status));
  Diagnostics listing;
  bool failed = false;
  for (const load::SourceFile& file : load::list_record_files(s.project, listing, failed)) {
    std::string relative = "projet/" + file.relative;
    auto was = before.find(relative);
    if (was != before.end() && was->second == after[relative]) continue;  // not written
    // A finding the file already had before the import (a record edited by hand that the
    // import updated, keeping what it does not manage) is the user's, not the import's.
    auto structural = [&](const std::string& text) {
      std::multiset<std::pair<std::string, std::string>> found;
      for (const Diagnostic& d : load::decode_file(text, file.kind, 0).diagnostics)
        if (d.code == "yaml-syntax" || d.code == "duplicate-key" || d.code == "unknown-field" ||
            d.code == "wrong-type" || d.code == "empty-file")
          found.emplace(d.code, d.message);
      return found;
    };
    const std::string& text = after[relative];
    auto had = was == before.end() ? decltype(structural(text)){} : structural(was->second);
    for (const auto& [code, message] : structural(text)) {
      auto same = had.find({code, message});
      if (same != had.end()) {
        had.erase(same);
        continue;
      }
      broken(file.relative + " relu avec « " + code + " » : " + message + "\n" + text);
    }
  }
}

}  // namespace tampon::fuzz
