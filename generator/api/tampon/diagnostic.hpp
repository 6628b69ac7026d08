#pragma once
/// Findings. Load and validate collect them and always finish (they never throw for bad
/// input); only I/O and internal failures throw `Fatal`.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace tampon {

enum class Severity { Error, Warning };

/// A resolved place in a file, as printed: `file:line:column`. line 0 = whole file / unknown.
struct Location {
  std::string file;  ///< relative to the project folder; empty when not about a file
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  friend auto operator<=>(const Location&, const Location&) = default;
};

struct Note {
  Location where;
  std::string message;  ///< French, e.g. "première définition ici"
};

struct Diagnostic {
  Location where;
  Severity severity = Severity::Error;
  std::string code;     ///< stable rule code from domain.md / records.md, e.g. `salary-below-smic`
  std::string message;  ///< French, says what to change
  std::vector<Note> notes;

  Diagnostic() = default;
  Diagnostic(Severity severity, Location where, std::string code, std::string message,
             std::vector<Note> notes = {})
      : where(std::move(where)),
        severity(severity),
        code(std::move(code)),
        message(std::move(message)),
        notes(std::move(notes)) {}
  /// `Diagnostic::error(where, "salary-below-smic", "…")`: the usual way to make one.
  static Diagnostic error(Location where, std::string code, std::string message,
                          std::vector<Note> notes = {}) {
    return {Severity::Error, std::move(where), std::move(code), std::move(message),
            std::move(notes)};
  }
  static Diagnostic warning(Location where, std::string code, std::string message,
                            std::vector<Note> notes = {}) {
    return {Severity::Warning, std::move(where), std::move(code), std::move(message),
            std::move(notes)};
  }
};

using Diagnostics = std::vector<Diagnostic>;

/// Sorts by (file, line, column, code, message) so output never depends on thread timing.
void sort_diagnostics(Diagnostics& diagnostics);
std::size_t count_errors(const Diagnostics& diagnostics);
std::size_t count_warnings(const Diagnostics& diagnostics);

/// Input or output failure (unreadable file, disk full): exit code 3 (outputs.md).
class Fatal : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tampon
