#include "tampon/suggest.hpp"

#include <algorithm>
#include <vector>

namespace tampon {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus adjacent transpositions ("biuld" → "build"
  // is one edit), the most common typo. Three rolling rows: no allocation per cell.
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::optional<std::string> closest(std::string_view word,
                                   std::span<const std::string_view> candidates) {
  // A typo is at most a third of the word (min 1, max 3 edits); ties go to the first candidate
  // so the hint is deterministic.
  std::size_t budget = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::optional<std::string_view> best;
  std::size_t best_distance = budget + 1;
  for (std::string_view c : candidates) {
    // The distance is at least the difference of lengths: skip what cannot be close without
    // the quadratic table (a hostile 60 000-character key against every field name).
    std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap >= best_distance) continue;
    std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  if (best) return std::string(*best);
  // A longer or shorter spelling of the same name: `heures_hebdomadaires` → `heures_hebdo`.
  for (std::string_view c : candidates) {
    std::string_view shorter = c.size() < word.size() ? c : word;
    std::string_view longer = c.size() < word.size() ? word : c;
    if (shorter.size() >= 4 && longer.starts_with(shorter)) return std::string(c);
  }
  return std::nullopt;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  auto hint = closest(word, candidates);
  return hint ? " ; vouliez-vous dire « " + *hint + " » ?" : "";
}

}  // namespace tampon
