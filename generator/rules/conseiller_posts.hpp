#pragma once
/// The posts that name a conseiller, and what they imply for the rules of domain.md §5.
#include <vector>

#include "rules/post_sites.hpp"

namespace tampon::rules {

/// Posts (signed or added) that name `conseiller_id`.
std::vector<PostSite> posts_of(const Model& model, std::string_view conseiller_id);
/// A coordinator: by role, or by holding a coordinator post (domain.md §5).
bool is_coordinator(const Model& model, const Conseiller& c);
/// The grid rows the conseiller is financed on, through the posts naming them.
std::vector<const GridRow*> rows_of(const Model& model, const Conseiller& c);

}  // namespace tampon::rules
