#pragma once
/// Slices → pages. A page may end only after a slice that allows it (flow_layout.hpp); the
/// slices between two allowed breaks travel together. Space before a slice vanishes at the top
/// of a page. A table row that opens a page is preceded by its table's header row again
/// (PlacedSlice::repeated). A
/// group taller than a page is split slice by slice rather than overflowing.
#include <vector>

#include "render/document/flow_layout.hpp"

namespace tampon::doc {

struct PlacedSlice {
  std::size_t slice = 0;
  double y = 0;  ///< top of the slice, from the top of the text area
  /// A table's header row repeated at the top of a later page: painted as an artifact, so a
  /// screen reader reads the header once, where the table starts.
  bool repeated = false;
};

struct Page {
  std::vector<PlacedSlice> slices;
};

std::vector<Page> paginate(const FlowResult& flow, double page_height);

}  // namespace tampon::doc
