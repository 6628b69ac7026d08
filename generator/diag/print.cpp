#include "diag/print.hpp"

#include <ostream>

namespace tampon {
namespace {

std::string location_prefix(const Location& where) {
  if (where.file.empty()) return "tampon: ";
  std::string s = where.file;
  if (where.line) s += ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
  return s + ": ";
}

// French: 0 and 1 take the singular ("0 erreur", "1 erreur", "2 erreurs").
std::string count_fr(std::size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n <= 1 ? singular : plural);
}

void json_string(std::ostream& out, std::string_view s) {
  out << '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out << "\\\"";
        break;
      case '\\':
        out << "\\\\";
        break;
      case '\n':
        out << "\\n";
        break;
      case '\r':
        out << "\\r";
        break;
      case '\t':
        out << "\\t";
        break;
      default:
        if (c < 0x20) {
          const char* hex = "0123456789abcdef";
          out << "\\u00" << hex[c >> 4] << hex[c & 15];
        } else {
          out << static_cast<char>(c);
        }
    }
  }
  out << '"';
}

}  // namespace

void print_text(std::ostream& out, const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) {
    out << location_prefix(d.where)
        << (d.severity == Severity::Error ? "erreur: " : "avertissement: ") << d.message << " ["
        << d.code << "]\n";
    for (const auto& note : d.notes)
      out << location_prefix(note.where) << "note: " << note.message << "\n";
  }
}

std::string summary_line(const Diagnostics& diagnostics) {
  return count_fr(count_errors(diagnostics), "erreur", "erreurs") + ", " +
         count_fr(count_warnings(diagnostics), "avertissement", "avertissements");
}

void print_json(std::ostream& out, const Diagnostics& diagnostics) {
  out << "[";
  bool first = true;
  for (const auto& d : diagnostics) {
    out << (first ? "\n  " : ",\n  ") << "{\"file\": ";
    first = false;
    json_string(out, d.where.file);
    out << ", \"line\": " << d.where.line << ", \"column\": " << d.where.column
        << ", \"severity\": \"" << (d.severity == Severity::Error ? "error" : "warning")
        << "\", \"code\": ";
    json_string(out, d.code);
    out << ", \"message\": ";
    json_string(out, d.message);
    if (!d.notes.empty()) {  // extra key (duplicate-id's first place); readers ignore it
      out << ", \"notes\": [";
      for (std::size_t i = 0; i < d.notes.size(); ++i) {
        const Note& n = d.notes[i];
        out << (i ? ", " : "") << "{\"file\": ";
        json_string(out, n.where.file);
        out << ", \"line\": " << n.where.line << ", \"column\": " << n.where.column
            << ", \"message\": ";
        json_string(out, n.message);
        out << "}";
      }
      out << "]";
    }
    out << "}";
  }
  out << (first ? "]\n" : "\n]\n");
}

}  // namespace tampon
