#include "core/suggest.hpp"

#include <algorithm>
#include <vector>

namespace tampon {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest(std::string_view word,
                                   std::span<const std::string_view> candidates) {
  // A typo changes at most a third of the word (and at least one edit is allowed).
  std::size_t best = std::max<std::size_t>(1, word.size() / 3) + 1;
  std::optional<std::string> found;
  for (auto candidate : candidates) {
    std::size_t d = edit_distance(word, candidate);
    if (d < best) {
      best = d;
      found = std::string(candidate);
    }
  }
  return found;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  auto hint = closest(word, candidates);
  return hint ? " ; vouliez-vous dire « " + *hint + " » ?" : "";
}

}  // namespace tampon
