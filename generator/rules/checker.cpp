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
    : m_model(model),
      m_earlier(earlier),
      m_out(out),
      m_flagged(records_with_errors(model, earlier)) {}

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
