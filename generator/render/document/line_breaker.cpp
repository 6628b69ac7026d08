#include "render/document/line_breaker.hpp"

#include <array>
#include <cmath>
#include <limits>

namespace tampon::doc {
namespace {

using Type = BreakItem::Type;

struct Sums {
  double width = 0, stretch = 0, shrink = 0;
};

/// prefix[i] = totals of items [0, i). Penalties add nothing: their width counts only when
/// the line ends on them.
std::vector<Sums> prefix_sums(const std::vector<BreakItem>& items) {
  std::vector<Sums> prefix(items.size() + 1);
  for (std::size_t i = 0; i < items.size(); ++i) {
    prefix[i + 1] = prefix[i];
    if (items[i].type == Type::Penalty) continue;
    prefix[i + 1].width += items[i].width;
    prefix[i + 1].stretch += items[i].stretch;
    prefix[i + 1].shrink += items[i].shrink;
  }
  return prefix;
}

bool is_forced(const BreakItem& item) {
  return item.type == Type::Penalty && item.penalty <= -k_force_break;
}

bool is_feasible(const std::vector<BreakItem>& items, std::size_t b) {
  const BreakItem& item = items[b];
  if (item.type == Type::Penalty) return item.penalty < k_forbid_break;
  return item.type == Type::Glue && b > 0 && items[b - 1].type == Type::Box;
}

double ratio(const std::vector<Sums>& prefix, const std::vector<BreakItem>& items,
             std::size_t start, std::size_t end, double line_width) {
  double natural = prefix[end].width - prefix[start].width;
  if (items[end].type == Type::Penalty) natural += items[end].width;
  if (natural < line_width) {
    double stretch = prefix[end].stretch - prefix[start].stretch;
    return stretch > 0 ? (line_width - natural) / stretch : std::numeric_limits<double>::infinity();
  }
  if (natural > line_width) {
    double shrink = prefix[end].shrink - prefix[start].shrink;
    return shrink > 0 ? (line_width - natural) / shrink : -std::numeric_limits<double>::infinity();
  }
  return 0;
}

int fitness_class(double r) {
  if (r < -0.5) return 0;  // tight
  if (r <= 0.5) return 1;  // decent
  if (r <= 1.0) return 2;  // loose
  return 3;                // very loose
}

struct Node {
  std::size_t position = 0;  // the break (item index); unused for the paragraph start
  std::size_t start = 0;     // first item of the following line
  int fitness = 1;
  double demerits = 0;
  int previous = -1;
  bool flagged = false;
};

struct Candidate {
  double demerits = std::numeric_limits<double>::infinity();
  int from = -1;
};

double line_demerits(const BreakParams& p, double r, const BreakItem& at, const Node& from,
                     bool final_break) {
  double badness = 100.0 * std::pow(std::abs(r), 3);
  double d = (p.line_penalty + badness) * (p.line_penalty + badness);
  if (at.type == Type::Penalty) {
    if (at.penalty >= 0)
      d += double(at.penalty) * at.penalty;
    else if (at.penalty > -k_force_break)
      d -= double(at.penalty) * at.penalty;
  }
  bool flagged = at.type == Type::Penalty && at.flagged;
  if (flagged && from.flagged) d += p.double_hyphen_demerits;
  if (final_break && from.flagged) d += p.final_hyphen_demerits;
  if (std::abs(fitness_class(r) - from.fitness) > 1) d += p.fitness_demerits;
  return d;
}

std::vector<std::size_t> trace(const std::vector<Node>& nodes, int best) {
  std::vector<std::size_t> breaks;
  for (int n = best; n > 0; n = nodes[static_cast<std::size_t>(n)].previous)
    breaks.insert(breaks.begin(), nodes[static_cast<std::size_t>(n)].position);
  return breaks;
}

}  // namespace

std::size_t line_start_after(const std::vector<BreakItem>& items, std::size_t at) {
  std::size_t i = at + 1;
  while (i < items.size() &&
         (items[i].type == Type::Glue || (items[i].type == Type::Penalty && !is_forced(items[i]))))
    ++i;
  return i;
}

double adjustment_ratio(const std::vector<BreakItem>& items, std::size_t start, std::size_t end,
                        double line_width) {
  auto prefix = prefix_sums(items);
  return ratio(prefix, items, start, end, line_width);
}

std::optional<std::vector<std::size_t>> knuth_plass(const std::vector<BreakItem>& items,
                                                    const BreakParams& params) {
  if (items.empty()) return std::vector<std::size_t>{};
  auto prefix = prefix_sums(items);
  std::vector<Node> nodes{Node{}};
  std::vector<int> active{0};
  for (std::size_t b = 0; b < items.size(); ++b) {
    if (!is_feasible(items, b)) continue;
    bool forced = is_forced(items[b]);
    std::array<Candidate, 4> best{};
    std::vector<int> still_active;
    for (int a : active) {
      const Node& from = nodes[static_cast<std::size_t>(a)];
      double r = ratio(prefix, items, from.start, b, params.line_width);
      if (r >= -1 && r <= params.tolerance) {
        double d = from.demerits +
                   line_demerits(params, r, items[b], from, forced && b + 1 == items.size());
        auto& slot = best[static_cast<std::size_t>(fitness_class(r))];
        if (d < slot.demerits) slot = {d, a};
      }
      // A line already too long stays too long; after a forced break nothing continues.
      if (r >= -1 && !forced) still_active.push_back(a);
    }
    active = std::move(still_active);
    for (int fc = 0; fc < 4; ++fc) {
      const Candidate& c = best[static_cast<std::size_t>(fc)];
      if (c.from < 0) continue;
      Node n{b,      line_start_after(items, b),
             fc,     c.demerits,
             c.from, items[b].type == Type::Penalty && items[b].flagged};
      nodes.push_back(n);
      active.push_back(static_cast<int>(nodes.size() - 1));
    }
    if (active.empty()) return std::nullopt;
  }
  int best = -1;
  for (int a : active)
    if (nodes[static_cast<std::size_t>(a)].position + 1 == items.size() &&
        (best < 0 || nodes[static_cast<std::size_t>(a)].demerits <
                         nodes[static_cast<std::size_t>(best)].demerits))
      best = a;
  if (best <= 0) return std::nullopt;
  return trace(nodes, best);
}

std::vector<std::size_t> first_fit(const std::vector<BreakItem>& items, double line_width) {
  constexpr std::size_t k_none = std::numeric_limits<std::size_t>::max();
  auto prefix = prefix_sums(items);
  std::vector<std::size_t> breaks;
  std::size_t start = 0;
  std::size_t last_fit = k_none;  // last break seen that keeps the line within the width
  auto width_to = [&](std::size_t b) {
    double w = prefix[b].width - prefix[start].width;
    return items[b].type == Type::Penalty ? w + items[b].width : w;
  };
  auto has_box = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i)
      if (items[i].type == Type::Box) return true;
    return false;
  };
  auto break_at = [&](std::size_t b) {
    breaks.push_back(b);
    start = line_start_after(items, b);
    last_fit = k_none;
  };
  for (std::size_t b = 0; b < items.size(); ++b) {
    if (!is_feasible(items, b)) continue;
    // Break at the last fitting place, unless nothing printable would follow it on the line.
    if (width_to(b) > line_width && last_fit != k_none && has_box(last_fit + 1, b))
      break_at(last_fit);
    if (is_forced(items[b]))
      break_at(b);
    else if (width_to(b) <= line_width || last_fit == k_none)
      last_fit = b;  // fits, or is a box wider than the line alone (the caller splits it)
  }
  if (breaks.empty() || breaks.back() + 1 != items.size()) breaks.push_back(items.size() - 1);
  return breaks;
}

}  // namespace tampon::doc
