#include <fmt/format.h>

#include "load/bank_formats.hpp"
#include "load/decoders.hpp"
#include "load/value_formats.hpp"

namespace tampon::load {
namespace {

void read_siret(FileDecoder& d, MapReader& r, Structure& s) {
  auto siret = r.text("siret");
  if (!siret) return;
  s.siret = *siret;
  switch (check_siret(*siret)) {
    case SiretCheck::Valid:
      return;
    case SiretCheck::NotFourteenDigits:
      d.report(*r.find("siret"), "siret-checksum",
               fmt::format("SIRET « {} » invalide : il faut exactement 14 chiffres, sans espace "
                           "(écrivez-le entre guillemets)",
                           *siret));
      return;
    case SiretCheck::BadChecksum:
      d.report(*r.find("siret"), "siret-checksum",
               fmt::format("SIRET « {} » invalide : sa clé de contrôle ne correspond pas ; "
                           "vérifiez les chiffres",
                           *siret));
      return;
  }
}

// The bank account the subsidy is paid to: ISO 13616 (mod-97 key) and ISO 9362. Written
// with or without the usual groups of four; kept without spaces, in capitals.
void read_bank(FileDecoder& d, MapReader& r, Structure& s) {
  if (auto iban = r.text("iban")) {
    std::string compact = compact_upper(*iban);
    if (is_valid_iban(compact))
      s.iban = compact;
    else
      d.report(*r.find("iban"), "invalid-iban",
               fmt::format("IBAN « {} » invalide : code pays, clé à deux chiffres puis le compte, "
                           "et une clé de contrôle (modulo 97) qui doit tomber juste ; "
                           "recopiez-le depuis le RIB",
                           *iban));
  }
  if (auto bic = r.text("bic")) {
    std::string compact = compact_upper(*bic);
    if (is_valid_bic(compact))
      s.bic = compact;
    else
      d.report(*r.find("bic"), "invalid-bic",
               fmt::format("BIC « {} » invalide : 8 ou 11 caractères (banque, pays, lieu, "
                           "agence), par exemple « CDCGFRPPXXX »",
                           *bic));
  }
}

void read_departement(FileDecoder& d, MapReader& r, Structure& s) {
  auto dep = r.text("departement");
  if (!dep) return;
  s.departement = *dep;
  if (is_valid_departement(*dep)) return;
  std::string hint;
  if (dep->size() == 1 && (*dep)[0] >= '1' && (*dep)[0] <= '9')
    hint = fmt::format(" ; écrivez « 0{} » entre guillemets", *dep);
  else if (*dep == "20")
    hint = " ; la Corse a deux départements : « 2A » (Corse-du-Sud) et « 2B » (Haute-Corse)";
  else
    hint = " ; écrivez le numéro entre guillemets, par exemple \"59\", \"2A\" ou \"974\"";
  d.report(*r.find("departement"), "invalid-departement",
           fmt::format("département « {} » inconnu{}", *dep, hint));
}

void read_blocks(FileDecoder& d, MapReader& r, Structure& s, LocList& locs) {
  if (auto* b = r.block("adresse")) {
    MapReader a(d, *b, r.field("adresse").fields, "adresse", &locs);
    s.adresse.ligne = a.text("ligne");
    s.adresse.code_postal = a.text("code_postal").value_or("");
    s.adresse.commune = a.text("commune").value_or("");
  }
  if (auto* b = r.block("representant")) {
    MapReader p(d, *b, r.field("representant").fields, "representant", &locs);
    s.representant.nom = p.text("nom").value_or("");
    s.representant.qualite = p.text("qualite").value_or("");
  }
  if (auto* b = r.block("contact")) {
    MapReader c(d, *b, r.field("contact").fields, "contact", &locs);
    s.contact.nom = c.text("nom").value_or("");
    s.contact.courriel = c.text("courriel").value_or("");
    s.contact.telephone = c.text("telephone");
  }
}

}  // namespace

void decode_structure(FileDecoder& d, const YamlNode& map, FileResult& out) {
  Decoded<Structure> rec;
  MapReader r(d, map, record_table(RecordKind::Structure).fields, "", &rec.locs);
  auto id = record_id(d, r, "cette structure est ignorée");
  if (!id) return;
  Structure& s = rec.record;
  s.id = *id;
  s.locs.record = d.loc(map);
  s.nom = r.text("nom").value_or("");
  s.type = r.choice<StructureType>("type").value_or(StructureType{});
  read_siret(d, r, s);
  read_departement(d, r, s);
  read_blocks(d, r, s, rec.locs);
  s.contrat_de_projet_autorise = r.boolean("contrat_de_projet_autorise").value_or(false);
  read_bank(d, r, s);
  s.deliberation = r.date("deliberation");
  (void)r.text("id_pilotage");  // import pilotage's link; no output reads it
  out.structures.push_back(std::move(rec));
}

}  // namespace tampon::load
