#pragma once
/// `tampon explain convention ID`: the French account of a convention's amounts and tranches.
#include <string>
#include <string_view>

#include "tampon/model.hpp"

namespace tampon {

/// French text for `tampon explain convention ID`: each post's amount and each tranche with
/// its grid row, rule and source. Empty when the convention is unknown.
std::string explain_convention(const Model& model, std::string_view convention_id);

}  // namespace tampon
