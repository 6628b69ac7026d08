#include "render/document/paginate.hpp"

#include <limits>

namespace tampon::doc {
namespace {

constexpr double k_epsilon = 0.01;

class Paginator {
 public:
  Paginator(const FlowResult& flow, double height) : m_flow(flow), m_height(height) {
    m_pages.emplace_back();
  }

  std::vector<Page> run() {
    const auto& slices = m_flow.slices;
    std::size_t i = 0;
    while (i < slices.size()) {
      if (slices[i].page_break_before && !empty()) new_page();
      std::size_t j = group_end(i);
      if (fits(i, j)) {
        for (std::size_t k = i; k <= j; ++k) place(k);
      } else if (!empty()) {
        new_page();
        continue;  // try the group again on the fresh page
      } else {
        for (std::size_t k = i; k <= j; ++k) {  // taller than a page: split it
          if (!empty() && !fits(k, k)) new_page();
          place(k);
        }
      }
      i = j + 1;
    }
    return std::move(m_pages);
  }

 private:
  bool empty() const { return m_pages.back().slices.empty(); }
  void new_page() {
    m_pages.emplace_back();
    m_y = 0;
  }

  /// Last slice of the group starting at i: up to the first slice after which a break is
  /// allowed (or before a forced page break).
  std::size_t group_end(std::size_t i) const {
    const auto& slices = m_flow.slices;
    std::size_t j = i;
    while (j + 1 < slices.size() && !slices[j].break_after && !slices[j + 1].page_break_before) ++j;
    return j;
  }

  /// The header row to repeat before slice i when i opens a page, if any.
  std::size_t header_for(std::size_t i) const {
    const Slice& s = m_flow.slices[i];
    if (!empty() || s.table < 0 || s.table_header) return k_none;
    std::size_t header = m_flow.table_headers[static_cast<std::size_t>(s.table)];
    return header < i ? header : k_none;
  }

  bool fits(std::size_t i, std::size_t j) const {
    double y = m_y;
    if (std::size_t h = header_for(i); h != k_none) y += m_flow.slices[h].height;
    for (std::size_t k = i; k <= j; ++k) {
      const Slice& s = m_flow.slices[k];
      if (!(empty() && k == i)) y += s.space_before;
      y += s.height;
    }
    return y <= m_height + k_epsilon;
  }

  void place(std::size_t k) {
    if (std::size_t h = header_for(k); h != k_none) {
      put(h, 0);
      m_pages.back().slices.back().repeated = true;
    }
    put(k, empty() ? 0 : m_flow.slices[k].space_before);
  }

  void put(std::size_t k, double space) {
    m_y += space;
    m_pages.back().slices.push_back({k, m_y});
    m_y += m_flow.slices[k].height;
  }

  static constexpr std::size_t k_none = std::numeric_limits<std::size_t>::max();
  const FlowResult& m_flow;
  double m_height;
  double m_y = 0;
  std::vector<Page> m_pages;
};

}  // namespace

std::vector<Page> paginate(const FlowResult& flow, double page_height) {
  return Paginator(flow, page_height).run();
}

}  // namespace tampon::doc
