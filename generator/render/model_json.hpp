#pragma once
/// The validated model as JSON: the one serialisation shared by the records-json emitter
/// (export/records.json) and external-process emitters (generator/plugin/PROTOCOL.md), so
/// what a third-party program sees is exactly what the published export contains.
#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "tampon/model.hpp"

namespace tampon::render {

/// Every valid record with derived amounts, tranches and statuses. Personal data (domain.md
/// §7) is left out: contacts, e-mails, phones, salaries, and a conseiller's name unless
/// `publication_nom: true`. Money is given twice: integer cents (exact) and a decimal string.
nlohmann::ordered_json model_to_json(const Model& model);

/// The same, restricted to what a reader of `kinds` may see: "structures" only with
/// `structure`, "conseillers" only with `conseiller`, "conventions" (with their avenants and
/// the statuses the versements give their tranches) with `convention`, `avenant` or
/// `versement`. "format" and "date_reference" are always present.
nlohmann::ordered_json model_to_json(const Model& model, std::span<const RecordKind> kinds);

/// The same, further restricted, when `only` is not empty, to the records it names: a
/// structure or conseiller when named, a convention when it, one of its avenants or one of
/// its versements is named. Found by lookup, so a small selection is cheap on a large model.
nlohmann::ordered_json model_to_json(const Model& model, std::span<const RecordKind> kinds,
                                     std::span<const RecordRef> only);

/// `model_to_json(model).dump(2)`, byte for byte, without the document in memory: only one
/// record's tree at a time (a national export is 28 MB of text and several times that as a
/// tree; export/records.json is rewritten whenever any record changes).
std::string model_to_json_text(const Model& model);

}  // namespace tampon::render
