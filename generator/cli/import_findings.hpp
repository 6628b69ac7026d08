#pragma once
/// After an import has written its files, the project is validated as `tampon validate` does;
/// what is found in the files the import wrote is then shown where the user fixes it, at the
/// cell (or CSV line and column) the value came from, rather than at a line of YAML they never
/// edited. The YAML place stays, as a note.
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

#include "tampon/diagnostic.hpp"

namespace tampon::cli {

/// The cell line `line` (1-based) of `path` (relative to the project) came from; nullopt when
/// the file is not one the import wrote, or the line has no known cell.
using CellOfLine =
    std::function<std::optional<Location>(std::string_view path, std::uint32_t line)>;

/// Moves each finding (and its notes) placed at a line `cell_of_line` knows to that cell, with
/// a note for the line written. Returns how many findings were moved.
std::size_t findings_to_cells(Diagnostics& diagnostics, const CellOfLine& cell_of_line);

/// "vérification : 2 constats dans les fiches importées, montrés à la cellule d'où vient leur
/// valeur", or empty when `moved` is 0.
std::string findings_to_cells_summary(std::size_t moved);

}  // namespace tampon::cli
