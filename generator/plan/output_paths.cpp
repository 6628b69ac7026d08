#include "plan/output_paths.hpp"

namespace tampon {
namespace {

bool allowed_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

}  // namespace

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
