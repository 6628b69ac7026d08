#include "rules/checker.hpp"

#include <algorithm>
#include <stdexcept>

#include "rules/validate.hpp"

namespace tampon::rules {

Checker::Checker(const Model& model, const Diagnostics& earlier, Diagnostics& out)
    : m_model(model), m_earlier(earlier), m_out(out) {}

bool Checker::already_reported(std::string_view code, const Location& where) const {
  auto same = [&](const Diagnostic& d) { return d.code == code && d.where == where; };
  return std::ranges::any_of(m_earlier, same) || std::ranges::any_of(m_out, same);
}

void Checker::report(std::string_view code, SourceLoc at, std::string message,
                     const RecordRef& record, std::vector<Note> notes) {
  const RuleInfo* rule = find_rule(code);
  // A code missing from the table is a programming error: the coverage test relies on it.
  if (!rule) throw std::logic_error("code absent de la table des règles : " + std::string(code));
  Location where = m_model.where(at);
  if (rule->severity == Severity::Error) m_faulty.insert(record);
  if (already_reported(code, where)) return;
  m_out.push_back({where, rule->severity, std::string(code), std::move(message), std::move(notes)});
}

}  // namespace tampon::rules
