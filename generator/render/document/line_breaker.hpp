#pragma once
/// Paragraph line breaking on the box/glue/penalty model of Knuth and Plass ("Breaking
/// paragraphs into lines", 1981): the whole paragraph is considered at once, so interword
/// spaces stay even from line to line (no rivers), hyphens are used only where they improve
/// the paragraph, and two hyphenated lines in a row or a hyphen before the last line cost
/// extra. Pure algorithm: knows nothing about fonts or PDF.
#include <optional>
#include <vector>

namespace tampon::doc {

struct BreakItem {
  enum class Type : unsigned char { Box, Glue, Penalty } type = Type::Box;
  double width = 0;
  double stretch = 0;    ///< glue only
  double shrink = 0;     ///< glue only
  int penalty = 0;       ///< penalty only; ≤ -k_force_break forces, ≥ k_forbid_break forbids
  bool flagged = false;  ///< a hyphen: two flagged breaks in a row cost more
};

inline constexpr int k_force_break = 10000;
inline constexpr int k_forbid_break = 10000;
inline constexpr double k_infinite_stretch = 1e7;

struct BreakParams {
  double line_width = 0;
  double tolerance = 2.0;  ///< largest adjustment ratio accepted (TeX's 200 ≈ 1.26)
  int line_penalty = 10;
  int double_hyphen_demerits = 3000;
  int final_hyphen_demerits = 5000;
  int fitness_demerits = 3000;  ///< a tight line next to a loose one
};

/// Indexes of the items where lines end (each a glue or a penalty, the last one the final
/// forced penalty), or nullopt when no set of breaks keeps every line within the tolerance.
std::optional<std::vector<std::size_t>> knuth_plass(const std::vector<BreakItem>& items,
                                                    const BreakParams& params);

/// First-fit breaking for ragged text and as the last resort: always succeeds, a box wider
/// than the line stays alone on its line (the caller splits it).
std::vector<std::size_t> first_fit(const std::vector<BreakItem>& items, double line_width);

/// Adjustment ratio of the line [start, end) ending at break `end`: >0 stretches, <0 shrinks.
double adjustment_ratio(const std::vector<BreakItem>& items, std::size_t start, std::size_t end,
                        double line_width);

/// First item of the line after a break at `at`: skips the glue and penalties that vanish at
/// a line start.
std::size_t line_start_after(const std::vector<BreakItem>& items, std::size_t at);

}  // namespace tampon::doc
