#pragma once
/// The file identifier of a PDF (the trailer's `/ID`), derived from the document's own bytes:
/// PoDoFo derives it from the information dictionary only, so two documents with the same
/// title and dates (two avenants of one convention) shared one. PDF/A (ISO 19005-2 §6.1.3)
/// requires the identifier; ISO 32000-1 §14.4 asks that it tell different files apart.
#include <string>

namespace tampon::doc {

/// Replaces both strings of the last `/ID[<…><…>]` of `pdf` with the first 16 bytes of the
/// SHA-256 of the file whose two identifiers are zeros (so anyone can check it the same way),
/// in upper-case hex, the same length as PoDoFo's MD5: no offset moves. Returns false when `pdf`
/// has no such trailer entry.
bool set_content_file_id(std::string& pdf);

}  // namespace tampon::doc
