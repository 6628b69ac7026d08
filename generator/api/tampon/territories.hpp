#pragma once
/// French names of the départements and overseas territories records.md accepts: a
/// convention names the structure's own territory (issue 21), never a group of them.
#include <string>
#include <string_view>

namespace tampon {

/// "Mayotte", "Nord", "Corse-du-Sud"; empty for a code records.md does not accept.
std::string_view departement_name(std::string_view code);
/// "Mayotte (976)", "Nord (59)"; the code alone when it is unknown.
std::string territory_label(std::string_view code);

}  // namespace tampon
