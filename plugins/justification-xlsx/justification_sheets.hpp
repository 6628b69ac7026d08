#pragma once
/// The two sheets of a quarterly justification: `Justification` (header block, one line per
/// convention and post, totals, notes) and `Tranches à venir`.
#include "justification_data.hpp"
#include "render/xlsx/sheet.hpp"

namespace tampon::xlsx {

inline constexpr std::string_view k_justification_sheet = "Justification";
inline constexpr std::string_view k_upcoming_sheet = "Tranches à venir";

void write_justification_sheet(Sheet& sheet, const JustificationData& data);
void write_upcoming_sheet(Sheet& sheet, const JustificationData& data);

}  // namespace tampon::xlsx
