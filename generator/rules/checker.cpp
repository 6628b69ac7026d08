#include "rules/checker.hpp"

#include <algorithm>
#include <stdexcept>

#include "rules/record_positions.hpp"
#include "rules/validate.hpp"

namespace tampon::rules {

bool written(const FieldLocs& locs, std::string_view path) {
  auto cut = path.find_last_of(".[");
  SourceLoc own = locs.at(path);
  SourceLoc parent = cut == std::string_view::npos ? locs.record : locs.at(path.substr(0, cut));
  return own.file != parent.file || own.line != parent.line || own.column != parent.column;
}

Checker::Checker(const Model& model, const Diagnostics& earlier, Diagnostics& out)
    : m_model(model), m_out(out) {
  auto shared = std::make_shared<Shared>();
  shared->sites = post_sites(model);
  shared->flagged = records_with_errors(model, earlier);
  for (std::size_t i = 0; i < shared->sites.size(); ++i)
    if (shared->sites[i].poste->conseiller)
      shared->sites_by_conseiller[*shared->sites[i].poste->conseiller].push_back(i);
  m_shared = std::move(shared);
  for (const auto& d : earlier) m_reported.emplace(d.code, d.where);
  for (const auto& d : out) m_reported.emplace(d.code, d.where);
}

Checker::Checker(const Checker& first, Diagnostics& out)
    : m_model(first.m_model), m_out(out), m_reported(first.m_reported), m_shared(first.m_shared) {}

void Checker::absorb(Checker& other) {
  m_faulty.merge(other.m_faulty);  // an error makes its record invalid even when not repeated
  for (auto& d : other.m_out)
    if (m_reported.emplace(d.code, d.where).second) m_out.push_back(std::move(d));
  other.m_out.clear();
}

std::vector<const PostSite*> Checker::sites_of(std::string_view conseiller_id) const {
  std::vector<const PostSite*> out;
  auto it = m_shared->sites_by_conseiller.find(conseiller_id);
  if (it != m_shared->sites_by_conseiller.end())
    for (std::size_t i : it->second) out.push_back(&m_shared->sites[i]);
  return out;
}

const PostSite* Checker::site_of(std::string_view convention, int numero) const {
  for (const auto& site : m_shared->sites) {
    const std::string& conv = site.convention ? site.convention->id : site.avenant->convention;
    if (conv == convention && site.poste->numero == numero) return &site;
  }
  return nullptr;
}

const PostSite* Checker::site_of(const Poste* poste) const {
  for (const auto& site : m_shared->sites)
    if (site.poste == poste) return &site;
  return nullptr;
}

void Checker::report(std::string_view code, SourceLoc at, std::string message,
                     const RecordRef& record, std::vector<Note> notes) {
  const RuleInfo* rule = find_rule(code);
  // A code missing from the table is a programming error: the coverage test relies on it.
  if (!rule) throw std::logic_error("code absent de la table des règles : " + std::string(code));
  Location where = m_model.where(at);
  if (rule->severity == Severity::Error) m_faulty.insert(record);
  if (!m_reported.emplace(std::string(code), where).second) return;
  m_out.push_back(
      Diagnostic(rule->severity, where, std::string(code), std::move(message), std::move(notes)));
}

}  // namespace tampon::rules
