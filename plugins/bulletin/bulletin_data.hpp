#pragma once
/// What one quarterly activity bulletin says (outputs.md "Activity bulletin", domain.md §7):
/// the quarter's totals and the previous quarter's, figures by month, theme and place, the
/// highlights, the months lacking a report. Pure computation over the model; personal data is
/// kept out here already: conseillers are counted, and named only where `publication_nom`.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "tampon/model.hpp"

namespace tampon::bulletin {

/// The activity counts of records.md `rapport`, summed.
struct Totals {
  long long individuels = 0, ateliers = 0, participants = 0, ponctuelles = 0, appels = 0,
            usagers = 0;
  int reports = 0;
  Totals& operator+=(const Rapport& r);
};

struct Indicator {
  std::string_view label;
  long long Totals::*field;
};
/// The six totals in the order bulletins print them.
inline constexpr std::array<Indicator, 6> k_indicators{{
    {"Accompagnements individuels", &Totals::individuels},
    {"Ateliers collectifs", &Totals::ateliers},
    {"Participants aux ateliers", &Totals::participants},
    {"Demandes ponctuelles", &Totals::ponctuelles},
    {"Appels Solidarité Numérique", &Totals::appels},
    {"Usagers accompagnés", &Totals::usagers},
}};

struct Highlight {
  Month month;
  std::string author;    ///< the conseiller's name where publication_nom is true, else empty
  std::string markdown;  ///< as written; rendered with raw HTML dropped
};

/// A month of the quarter in which some conseiller under contract sent no report.
struct MissingMonth {
  Month month;
  int count = 0;                   ///< conseillers without a report that month
  std::vector<std::string> names;  ///< those of them whose name may be published
};

struct BulletinData {
  const Structure* structure = nullptr;
  Quarter quarter;
  Date as_of;
  Totals current, previous;
  std::array<Totals, 3> months{};  ///< the quarter's three months
  std::array<long long, k_theme_count> themes{};
  std::array<long long, k_lieu_count> lieux{};
  bool has_lieux = false;
  int conseillers_in_post = 0;    ///< under contract during part of the quarter, or reporting
  int conseillers_reporting = 0;  ///< distinct conseillers with a report this quarter
  std::vector<std::string> published_names;  ///< those in post with publication_nom, sorted
  std::vector<Highlight> highlights;
  int expected_reports = 0;  ///< reports owed for the quarter's months, seen from `as_of`
  std::vector<MissingMonth> missing;
  int missing_reports() const;
};

/// Quarters with at least one report of the structure, up to `last`, in order.
std::vector<Quarter> report_quarters(const Model& model, std::string_view structure_id,
                                     Quarter last);

/// `as_of` decides which months are owed already (domain.md §4.1: up to the month before it).
BulletinData bulletin_data(const Model& model, const Structure& structure, Quarter quarter,
                           Date as_of);

/// "Camille Durand" where the conseiller agreed to be named, else nothing.
std::optional<std::string> publishable_name(const Conseiller* conseiller);

}  // namespace tampon::bulletin
