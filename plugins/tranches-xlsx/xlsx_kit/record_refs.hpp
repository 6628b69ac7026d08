#pragma once
/// Provenance for the spreadsheet emitters: the records an output reads (manifest.json,
/// --keep-going), built from indexes made once per plan rather than by scanning every record
/// kind for every output.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tampon/model.hpp"

namespace tampon::xlsx {

/// Natural keys of the records without an id (model.hpp, RecordRef).
RecordRef versement_ref(const Versement& v);
RecordRef rapport_ref(const Rapport& r);
RecordRef depense_ref(const Depense& d);

class RefIndex {
 public:
  explicit RefIndex(const Model& model);
  /// Convention, structure, avenants, conseillers of its posts (in any version), their monthly
  /// reports (they decide `risque-suspension`) and the convention's versements.
  std::vector<RecordRef> convention_inputs(const ConventionState& convention) const;
  const std::vector<RecordRef>& versements_of(std::string_view convention_id) const;
  const std::vector<RecordRef>& rapports_of(std::string_view conseiller_id) const;

 private:
  std::map<std::string, std::vector<RecordRef>, std::less<>> m_versements, m_rapports;
  std::vector<RecordRef> m_none;
};

bool all_valid(const Model& model, const std::vector<RecordRef>& refs);
/// Sorts and removes duplicates (stable manifest output).
void normalize(std::vector<RecordRef>& refs);

}  // namespace tampon::xlsx
