#include "plan/output_paths.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace tampon {
namespace {

bool allowed_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool reserved_by_windows(std::string_view component) {
  std::string base = lower(component.substr(0, component.find('.')));
  static constexpr std::array<std::string_view, 4> k_names = {"con", "prn", "aux", "nul"};
  for (auto name : k_names)
    if (base == name) return true;
  return base.size() == 4 && (base.starts_with("com") || base.starts_with("lpt")) &&
         base[3] >= '1' && base[3] <= '9';
}

/// Calls `fn(folder)` for each folder of `path`: "a/b/c.pdf" gives "a" then "a/b".
template <class Fn>
void each_folder(std::string_view path, Fn fn) {
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1))
    fn(path.substr(0, slash));
}

std::string quoted(std::string_view path) { return "« " + std::string(path) + " »"; }

}  // namespace

std::optional<std::string> unportable_output_path(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = std::min(path.find('/', start), path.size());
    std::string_view part = path.substr(start, end - start);
    if (reserved_by_windows(part))
      return quoted(path) + " : « " + std::string(part) +
             " » est un nom réservé sous Windows (con, prn, aux, nul, com1 à com9, lpt1 à lpt9, "
             "avec ou sans extension)";
    if (!part.empty() && (part.back() == '.' || part.back() == ' '))
      return quoted(path) + " : « " + std::string(part) +
             " » finit par un point ou une espace, ce que Windows refuse";
    start = end + 1;
  }
  return std::nullopt;
}

std::vector<std::string> output_path_clashes(const std::vector<std::string_view>& sorted_paths) {
  std::vector<std::string> clashes;
  // Folders, each with the first file found in it (for the message).
  std::unordered_map<std::string_view, std::string_view> folders;
  for (std::string_view path : sorted_paths)
    each_folder(path, [&](std::string_view folder) { folders.emplace(folder, path); });
  for (std::string_view path : sorted_paths) {
    if (auto it = folders.find(path); it != folders.end())
      clashes.push_back(quoted(path) +
                        " est à la fois un fichier et un dossier (qui contiendrait " +
                        quoted(it->second) + ")");
    if (auto why = unportable_output_path(path)) clashes.push_back(*why);
  }
  // Names differing only by case, files and folders alike: the first one seen stands for its
  // lower-case form. Files first, in order, then folders in order, so messages are stable.
  std::vector<std::string_view> names(sorted_paths.begin(), sorted_paths.end());
  std::vector<std::string_view> folder_names;
  for (const auto& [folder, file] : folders) folder_names.push_back(folder);
  std::sort(folder_names.begin(), folder_names.end());
  names.insert(names.end(), folder_names.begin(), folder_names.end());
  std::unordered_map<std::string, std::string_view> by_lower;
  std::unordered_set<std::string> reported;
  for (std::string_view name : names) {
    auto [it, fresh] = by_lower.emplace(lower(name), name);
    if (fresh || it->second == name) continue;
    if (!reported.insert(std::string(name)).second) continue;
    clashes.push_back(quoted(it->second) + " et " + quoted(name) +
                      " ne diffèrent que par la casse : un système de fichiers qui l'ignore "
                      "(Windows, macOS) n'en garderait qu'un");
  }
  return clashes;
}

std::optional<std::string> unsafe_output_path(std::string_view path) {
  if (path.empty()) return "chemin de sortie vide";
  if (path.size() > 255) return "chemin de sortie trop long (255 octets au plus)";
  if (path.front() == '/') return "chemin de sortie absolu";
  if (path == "manifest.json") return "« manifest.json » est réservé à l'outil";
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part.empty()) return "composant vide dans le chemin de sortie";
    if (part == "." || part == "..") return "le chemin de sortie remonte hors du dossier de sortie";
    if (part.starts_with(".tampon")) return "les noms « .tampon… » sont réservés à l'outil";
    for (char c : part)
      if (!allowed_char(c)) return "caractère interdit dans le chemin de sortie";
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace tampon
