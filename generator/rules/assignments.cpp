// domain.md §6 on the derived conventions: a conseiller holds one post at a time, and a
// structure never has more conseillers in post than conventioned posts.
#include <algorithm>
#include <map>

#include "rules/checks.hpp"
#include "rules/post_sites.hpp"

namespace tampon::rules {
namespace {

struct Period {
  Date start, end;  // both included
  bool covers(Date d) const { return start <= d && d <= end; }
  bool overlaps(const Period& o) const { return start <= o.end && o.start <= end; }
};

// A post runs from the convention's start (or the avenant adding it) to the convention's
// current end, or to its removal.
Period period_of(const Model& model, const PostSite& site) {
  const Convention& c = *site.convention;
  const ConventionState* state = model.convention_state(c.id);
  Date end = state ? state->current().fin : c.fin;
  Date start = site.avenant ? site.avenant->date : c.debut;
  if (state)
    for (const auto& p : state->current().posts)
      if (p.numero == site.poste->numero && p.removed_on) end = *p.removed_on;
  return {start, end};
}

// A coordinator post that replaces a post (`substitue`) continues it: the same person may
// hold both, the first post ending where the coordinator financing starts (domain.md §6).
bool continues(const PostSite& coordinator, const PostSite& replaced) {
  const auto& ref = coordinator.poste->substitue;
  return ref && replaced.convention && ref->convention == replaced.convention->id &&
         ref->poste == replaced.poste->numero;
}

void double_assignment(Checker& check) {
  const Model& model = check.model();
  std::map<std::string, std::vector<std::pair<PostSite, Period>>> by_conseiller;
  for (const auto& site : check.sites())
    if (site.convention && site.poste->conseiller && !check.flagged(site.owner))
      by_conseiller[*site.poste->conseiller].emplace_back(site, period_of(model, site));
  for (auto& [id, posts] : by_conseiller) {
    std::ranges::stable_sort(posts, {}, [&](const auto& p) {
      return std::pair{p.second.start, model.where(p.first.at("conseiller"))};
    });
    for (std::size_t j = 1; j < posts.size(); ++j) {
      for (std::size_t i = 0; i < j; ++i) {
        if (!posts[i].second.overlaps(posts[j].second)) continue;
        const PostSite& first = posts[i].first;
        const PostSite& second = posts[j].first;
        if (continues(first, second) || continues(second, first)) continue;
        check.report("double-assignment", second.at("conseiller"),
                     "le conseiller « " + id + " » occupe déjà le " + first.label() +
                         " sur la même période : un conseiller n'occupe qu'un poste à la fois",
                     second.owner, {check.note(first.at("conseiller"), "premier poste ici")});
        break;
      }
    }
  }
}

Period contract_period(const Conseiller& c) {
  Date end = Date::from_ymd(9999, 12, 31).value();
  if (c.contrat.fin) end = *c.contrat.fin;
  if (c.rupture && c.rupture->date < end) end = c.rupture->date;
  return {c.contrat.debut, end};
}

using States = std::vector<const ConventionState*>;

int posts_of(const Model& model, const ConventionState& state, Date d) {
  int n = 0;
  const ConventionVersion& v = state.current();
  for (const auto& p : v.posts) {
    const Avenant* added = p.added_by.empty() ? nullptr : model.avenant(p.added_by);
    Period period{added ? added->date : state.record->debut, p.removed_on.value_or(v.fin)};
    if (period.covers(d)) ++n;
  }
  return n;
}

int posts_on(const Model& model, const States& states, Date d) {
  int n = 0;
  for (const ConventionState* state : states) n += posts_of(model, *state, d);
  return n;
}

// Where the posts counted on `d` are written: one note per convention in force.
std::vector<Note> posts_notes(const Checker& check, const States& states, Date d) {
  std::vector<Note> notes;
  for (const ConventionState* state : states) {
    int n = posts_of(check.model(), *state, d);
    if (n > 0)
      notes.push_back(check.note(
          state->record->locs.at("postes"),
          std::to_string(n) + " poste(s) de la convention « " + state->record->id + " » ici"));
  }
  return notes;
}

// Checked on each date a conseiller or a convention starts, where some post is in force.
void posts_exceeded(Checker& check, const std::string& structure,
                    std::vector<const Conseiller*> conseillers, const States& states) {
  const Model& model = check.model();
  // A duplicated id is one conseiller (duplicate-id says so), not two in post.
  std::ranges::stable_sort(conseillers, {}, &Conseiller::id);
  conseillers.erase(
      std::unique(conseillers.begin(), conseillers.end(),
                  [](const Conseiller* a, const Conseiller* b) { return a->id == b->id; }),
      conseillers.end());  // std::unique: see model/conventions.cpp
  std::vector<Date> dates;
  for (const Conseiller* c : conseillers) dates.push_back(c->contrat.debut);
  for (const ConventionState* st : states) dates.push_back(st->record->debut);
  std::ranges::sort(dates);
  for (Date d : dates) {
    int posts = posts_on(model, states, d);
    std::vector<const Conseiller*> active;
    for (const Conseiller* c : conseillers)
      if (!check.flagged(*c) && contract_period(*c).covers(d)) active.push_back(c);
    if (posts == 0 || static_cast<int>(active.size()) <= posts) continue;
    const Conseiller* last = *std::ranges::max_element(active, {}, [](const Conseiller* c) {
      return std::pair{c->contrat.debut, std::string_view(c->id)};
    });
    check.report("posts-exceeded", last->locs.at("structure"),
                 std::to_string(active.size()) + " conseillers en poste le " + d.iso() +
                     " dans la structure « " + structure + " » pour " + std::to_string(posts) +
                     " poste(s) conventionné(s) : ajoutez un poste par avenant ou rattachez « " +
                     last->id + " » à une autre structure",
                 ref_of(*last), posts_notes(check, states, d));
    return;  // once per structure
  }
}

}  // namespace

void check_assignments(Checker& check) {
  double_assignment(check);
  const Model& model = check.model();
  // Grouped once: national data has thousands of structures.
  std::map<std::string, std::vector<const Conseiller*>, std::less<>> conseillers;
  for (const auto& c : model.records.conseillers) conseillers[c.structure].push_back(&c);
  std::map<std::string, States, std::less<>> states;
  for (const auto& st : model.conventions) states[st.record->structure].push_back(&st);
  for (auto& [structure, list] : conseillers)
    if (model.structure(structure)) posts_exceeded(check, structure, list, states[structure]);
}

}  // namespace tampon::rules
