#include "cli/import_findings.hpp"

#include <fmt/format.h>

namespace tampon::cli {
namespace {

/// Moves `at` to its cell when it is a line of an imported file; false when it stays.
bool to_cell(Location& at, const CellOfLine& cell_of_line) {
  if (at.file.empty() || at.line == 0) return false;
  auto cell = cell_of_line(at.file, at.line);
  if (!cell) return false;
  at = std::move(*cell);
  return true;
}

}  // namespace

std::size_t findings_to_cells(Diagnostics& diagnostics, const CellOfLine& cell_of_line) {
  std::size_t moved = 0;
  for (Diagnostic& d : diagnostics) {
    for (Note& note : d.notes) to_cell(note.where, cell_of_line);
    Location written = d.where;
    if (!to_cell(d.where, cell_of_line)) continue;
    d.notes.insert(d.notes.begin(), Note{std::move(written), "écrit ici par l'import"});
    ++moved;
  }
  return moved;
}

std::string findings_to_cells_summary(std::size_t moved) {
  if (moved == 0) return {};
  return fmt::format(
      "vérification : {} constat{} dans les fiches importées, montré{} à la cellule d'où vient "
      "la valeur : corrigez le classeur, puis importez-le de nouveau\n",
      moved, moved > 1 ? "s" : "", moved > 1 ? "s" : "");
}

}  // namespace tampon::cli
