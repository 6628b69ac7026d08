#pragma once
/// The posts that name a conseiller, and what they imply for the rules of domain.md §5.
#include <vector>

#include "rules/checker.hpp"

namespace tampon::rules {

/// A coordinator: by role, or by holding a coordinator post (domain.md §5).
bool is_coordinator(const Checker& check, const Conseiller& c);
/// When the conseiller is a coordinator by the post it holds (not by its own `role`): a note
/// at that post's `role`, the other record that makes the rule apply.
std::vector<Note> coordinator_post_notes(const Checker& check, const Conseiller& c);
/// The grid rows the conseiller is financed on, through the posts naming them.
std::vector<const GridRow*> rows_of(const Checker& check, const Conseiller& c);

}  // namespace tampon::rules
