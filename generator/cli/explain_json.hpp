#pragma once
/// `tampon explain convention ID --format json` (explain_json.cpp).
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "tampon/model.hpp"

namespace tampon::cli {

/// Every version of the convention (signed, then after each avenant) with its posts and
/// tranches and how each figure was derived; nullopt when the convention does not exist.
std::optional<nlohmann::ordered_json> explain_convention_json(const Model& model,
                                                              std::string_view convention_id);

}  // namespace tampon::cli
