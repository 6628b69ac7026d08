#pragma once
#include <nlohmann/json.hpp>

#include "tampon/model.hpp"

namespace tampon::records_json {

/// The validated model as JSON, with derived amounts, tranches and statuses, for other
/// systems. Personal data (domain.md §7) is left out: contacts, e-mails, phones, salaries,
/// and a conseiller's name unless `publication_nom: true`. Money is given twice: integer
/// cents (exact) and a decimal string.
nlohmann::ordered_json model_to_json(const Model& model);

}  // namespace tampon::records_json
