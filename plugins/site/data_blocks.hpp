#pragma once
/// Pages generated from the rules as data (data/baremes.yaml): ```tampon blocks in Markdown
/// become tables built from the same Baremes the conventions are priced with, so the site and
/// the conventions can never disagree.
///
///   grille <régime>     amount grid of a regime       tranches <régime>  tranche schedule
///   outre-mer           DROM increases                durees             financed periods
///   eligibilite         families per regime           formation          training lengths
#include <string>

#include "tampon/baremes.hpp"

namespace tampon::site {

/// Empty when the directive is valid for these baremes, else a French message.
std::string check_data_block(const std::string& directive, const Baremes& baremes);

/// The HTML (DSFR table with caption and header scopes). Assumes check_data_block passed.
std::string render_data_block(const std::string& directive, const Baremes& baremes);

/// The amount grid as CSV (semicolon-separated, UTF-8), offered for download.
std::string grid_csv(const Baremes& baremes);

}  // namespace tampon::site
