#pragma once
/// What every rule gets: the model being validated and one way to report. Severity comes
/// from the rule table, so a rule cannot disagree with it.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <map>
#include <memory>
#include <tuple>

#include "rules/post_sites.hpp"
#include "tampon/model.hpp"
#include "tampon/record_refs.hpp"

namespace tampon::rules {

/// Whether `path` is written in the record: FieldLocs::at falls back to the closest parent,
/// so an absent field has its parent's position.
bool written(const FieldLocs& locs, std::string_view path);

class Checker {
 public:
  /// `earlier`: the loader's findings, so a code already reported at a place is not repeated.
  Checker(const Model& model, const Diagnostics& earlier, Diagnostics& out);
  /// A checker for one rule run beside others (validate runs rules on several threads): it
  /// shares what `first` worked out from the records and reports into `out`, to be handed
  /// back, in the rules' order, by `first.absorb(...)`. Made before `first` reports anything.
  Checker(const Checker& first, Diagnostics& out);
  /// Takes `other`'s findings as if its rule had run here, after those already reported: a
  /// code already reported at a place is dropped, as `report` drops it.
  void absorb(Checker& other);

  const Model& model() const { return m_model; }
  const Baremes& baremes() const { return m_model.baremes; }
  const Limits& limits() const { return m_model.baremes.limits; }

  /// Reports `code` at `at`, against `record` (an error there makes the record invalid).
  void report(std::string_view code, SourceLoc at, std::string message, const RecordRef& record,
              std::vector<Note> notes = {});
  Note note(SourceLoc at, std::string message) const {
    return {m_model.where(at), std::move(message)};
  }

  /// Every post written in the records, listed once (records do not change during checks).
  const std::vector<PostSite>& sites() const { return m_shared->sites; }
  /// The posts that name a conseiller.
  std::vector<const PostSite*> sites_of(std::string_view conseiller_id) const;
  /// The post numbered `numero` of `convention` (its own or added by an avenant), or nullptr.
  /// Linear: only called to place a note once a finding is reported.
  const PostSite* site_of(std::string_view convention, int numero) const;
  /// The place a post is written, for a note: nullptr when it is not among the sites.
  const PostSite* site_of(const Poste* poste) const;

  /// Records that carry an error found by validation.
  const std::set<RecordRef>& faulty() const { return m_faulty; }
  /// Records the loader found a format error in: their fields may hold defaults instead of
  /// what was written, so domain rules skip them rather than report consequences.
  bool flagged(const RecordRef& ref) const { return m_shared->flagged.contains(ref); }
  template <class R>
  bool flagged(const R& record) const {
    return flagged(ref_of(record));
  }

 private:
  /// What the records give every rule, worked out once and shared by the checkers of a run.
  struct Shared {
    std::vector<PostSite> sites;
    std::map<std::string, std::vector<std::size_t>, std::less<>> sites_by_conseiller;
    std::set<RecordRef> flagged;
  };

  const Model& m_model;
  Diagnostics& m_out;
  std::set<std::tuple<std::string, Location>> m_reported;  ///< (code, place), earlier included
  std::shared_ptr<const Shared> m_shared;
  std::set<RecordRef> m_faulty;
};

}  // namespace tampon::rules
