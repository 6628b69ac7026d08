#pragma once
/// Every post written in the records: the conventions' `postes` and the avenants'
/// `postes_ajoutes`, with where each one is and which record owns it.
#include <string>
#include <vector>

#include "tampon/model.hpp"
#include "tampon/record_refs.hpp"

namespace tampon::rules {

struct PostSite {
  const Poste* poste = nullptr;
  const Convention* convention = nullptr;  ///< nullptr when the avenant's reference dangles
  const Avenant* avenant = nullptr;        ///< nullptr for a convention's own posts
  const FieldLocs* locs = nullptr;
  std::string path;  ///< `postes[0]` or `postes_ajoutes[0]`
  RecordRef owner;   ///< the convention or the avenant

  SourceLoc at(std::string_view field) const { return locs->at(path + "." + std::string(field)); }
  /// Whether the field is written (FieldLocs falls back to the post's own position).
  bool written(std::string_view field) const;
  /// "poste 2 de la convention cv-1" / "poste 3 ajouté par l'avenant cv-1-av1"
  std::string label() const;
};

std::vector<PostSite> post_sites(const Model& model);

}  // namespace tampon::rules
