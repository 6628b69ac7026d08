#pragma once
/// Provenance for the spreadsheet emitters: the records an output reads (manifest.json,
/// --keep-going), built from indexes made once per plan rather than by scanning every record
/// kind for every output.
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tampon/model.hpp"
#include "tampon/record_refs.hpp"

namespace tampon::xlsx {

/// References of records, natural keys included (model/record_refs.hpp).
using tampon::ref_of;

/// Which versements and reports each convention and conseiller has. It points into the model
/// rather than holding references: the reports' references (120 000 on the national set) are
/// made once, for the jobs that list them, not a second time for the index.
class RefIndex {
 public:
  explicit RefIndex(const Model& model);
  /// Convention, structure, avenants, conseillers of its posts (in any version), their monthly
  /// reports (they decide `risque-suspension`) and the convention's versements.
  std::vector<RecordRef> convention_inputs(const ConventionState& convention) const;
  std::span<const Versement* const> versements_of(std::string_view convention_id) const;
  std::span<const Rapport* const> rapports_of(std::string_view conseiller_id) const;

 private:
  std::map<std::string_view, std::vector<const Versement*>, std::less<>> m_versements;
  std::map<std::string_view, std::vector<const Rapport*>, std::less<>> m_rapports;
};

/// Sorts and removes duplicates (stable manifest output).
void normalize(std::vector<RecordRef>& refs);

}  // namespace tampon::xlsx
