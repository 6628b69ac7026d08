#include "plan/output_paths.hpp"

#include <algorithm>
#include <array>
#include <deque>
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

char lower_char(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `text` starts with the lower-case `prefix`, ignoring the case of ASCII letters.
bool starts_folded(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower_char(text[i]) != prefix[i]) return false;
  return true;
}

// Without a string per component: a national plan checks some 300 000 of them.
bool reserved_by_windows(std::string_view component) {
  std::string_view base = component.substr(0, component.find('.'));
  if (base.size() == 3) {
    static constexpr std::array<std::string_view, 4> k_names = {"con", "prn", "aux", "nul"};
    for (auto name : k_names)
      if (starts_folded(base, name)) return true;
    return false;
  }
  return base.size() == 4 && (starts_folded(base, "com") || starts_folded(base, "lpt")) &&
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
  // A folder the previous path also lies in was added with it: sorted paths share most of
  // theirs ("bulletins/s-…/" for a structure's forty files), so each is hashed about once.
  std::unordered_map<std::string_view, std::string_view> folders;
  std::string_view previous;
  for (std::string_view path : sorted_paths) {
    each_folder(path, [&](std::string_view folder) {
      bool shared = previous.size() > folder.size() && previous[folder.size()] == '/' &&
                    previous.starts_with(folder);
      if (!shared) folders.emplace(folder, path);
    });
    previous = path;
  }
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
  // Keyed by the name itself when it has no capital (nearly always: no copy), else by a
  // lower-case copy kept in `folded`.
  std::unordered_map<std::string_view, std::string_view> by_lower;
  by_lower.reserve(names.size());
  std::deque<std::string> folded;
  std::unordered_set<std::string> reported;
  for (std::string_view name : names) {
    std::string_view key = name;
    if (std::any_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      key = folded.emplace_back(lower(name));
    auto [it, fresh] = by_lower.emplace(key, name);
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
