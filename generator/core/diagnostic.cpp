#include "tampon/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace tampon {

void sort_diagnostics(Diagnostics& diagnostics) {
  std::stable_sort(
      diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where, a.code, a.message) < std::tie(b.where, b.code, b.message);
      });
}

std::size_t count_errors(const Diagnostics& diagnostics) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t count_warnings(const Diagnostics& diagnostics) {
  return diagnostics.size() - count_errors(diagnostics);
}

}  // namespace tampon
