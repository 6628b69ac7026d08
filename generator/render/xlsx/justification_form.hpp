#pragma once
/// The layout of the `Justification` sheet, a form the structure fills in and sends back. It is
/// stable so an import reads it without guessing (ARCHITECTURE.md, "Justification form"): every
/// position below is 0-based (row 0 is the sheet's row 1, column 0 is column A). A change of
/// layout changes `k_form_version`, written in the identity cell.
#include <string_view>

namespace tampon::xlsx::form {

/// What the form was generated from, in cell B6 (row 5, column 1), one `key=value` list:
/// `tampon-justification/1;structure=<id>;trimestre=<YYYY-Tn>;arrete-au=<YYYY-MM-DD>;`
/// `conventions=<id>@<avenant id or "initiale">,…` (conventions by id).
inline constexpr std::string_view k_form_version = "tampon-justification/1";
inline constexpr int k_identity_row = 5, k_identity_col = 1;

/// Attestation inputs, column C (2): signatory's name, quality, date (a date serial), place.
inline constexpr int k_attestation_col = 2;
inline constexpr int k_signataire_row = 14, k_qualite_row = 15, k_date_row = 16, k_lieu_row = 17;

/// The table: its header row, then one row per post (or per declared conseiller without a post)
/// from `k_first_line_row`, until the first empty row; the totals row follows after one empty
/// row.
inline constexpr int k_header_row = 19;
inline constexpr int k_first_line_row = 20;

enum Col {
  kConvention,     ///< A, convention id (text)
  kPoste,          ///< B, post number; empty for a conseiller without a post
  kConseiller,     ///< C, "Prénom Nom (conseiller id)", or the id alone
  kReceived,       ///< D, tranches paid by the quarter's end
  kQSalaires,      ///< E, input: gross salaries of the quarter
  kQCharges,       ///< F, input: employer charges of the quarter
  kQFrais,         ///< G, input: other costs of the quarter
  kQTotal,         ///< H, =SUM(E:G)
  kPrevious,       ///< I, expenses declared for the earlier quarters (locked)
  kCumulated,      ///< J, =I+H
  kBalance,        ///< K, =D-J
  kRate,           ///< L, =IF(D=0,"",J/D)
  kJustificatifs,  ///< M, input: references of the supporting documents (≤ 200 characters)
  kJustifDate,     ///< N, input: date of the supporting documents, inside the quarter
  kCols
};

inline constexpr int k_reference_max_length = 200;
inline constexpr int k_attestation_max_length = 100;

}  // namespace tampon::xlsx::form
