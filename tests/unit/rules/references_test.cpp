// records.md cross-record checks: duplicate-id, dangling-reference, structure-mismatch,
// unknown-value (regime), date-order.
#include <gtest/gtest.h>

#include <algorithm>

#include "support.hpp"

namespace tampon::testing {
namespace {

TEST(ValidProject, HasNoFindingAndIsFullyDerived) {
  Outcome out = valid_project().run();
  EXPECT_TRUE(out.diagnostics.empty()) << out.codes();
  EXPECT_TRUE(out.model.invalid.empty());
  ASSERT_EQ(out.model.conventions.size(), 1u);
  EXPECT_EQ(out.post("cv-1", 1).amount, Money::euros(50000));
}

TEST(DuplicateId, IsReportedAtTheSecondPlaceWithANoteAtTheFirst) {
  Project p = valid_project();
  p.add(conseiller("cn-1", "s-1"));
  Outcome out = p.run();
  auto found = out.with("duplicate-id");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where.file, "data/conseillers/zz/cn-1.yaml");
  EXPECT_EQ(found[0].where.line, 2u);  // the `id` field
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].where.file, "data/conseillers/cn-1.yaml");
  EXPECT_EQ(found[0].notes[0].message, "première définition ici");
  EXPECT_EQ(found[0].severity, Severity::Error);
  EXPECT_FALSE(out.model.is_valid({RecordKind::Conseiller, "cn-1"}));
}

TEST(DuplicateId, CoversPostNumbersAvenantNumbersAndNaturalKeys) {
  Project p = valid_project();
  p.input.records.conventions[0].postes.push_back(
      poste(1, std::nullopt, ContractType::CddDroitPublic));
  Avenant a1 = avenant("av-1", "cv-1", 1, "2021-06-01", AvenantObjet::Prolongation);
  a1.nouvelle_fin = d("2023-06-30");
  Avenant a2 = a1;
  a2.id = "av-2";
  p.add(a1).add(a2);
  p.add(rapport("s-1", "cn-1", "2021-05")).add(rapport("s-1", "cn-1", "2021-05"));
  Outcome out = p.run();
  auto found = out.with("duplicate-id");
  ASSERT_EQ(found.size(), 3u) << out.codes();
  const Convention& cv = out.convention("cv-1");
  // Sorted by file: avenants, conventions, rapports.
  EXPECT_EQ(found[0].where, out.at(out.avenant("av-2").locs, "numero"));
  EXPECT_EQ(found[1].where, out.at(cv.locs, "postes[1].numero"));
  EXPECT_EQ(found[2].where.file, "data/rapports/zz/cn-1-2021-05.yaml");
}

// Repeats are looked for among neighbours of the sorted records: a versement repeated three
// times (each with its own date, which sorts after the key), two reports of one conseiller
// and month under two structures (sorted apart, by structure first, with another report
// between them) and a repeated déclaration de dépenses are each found, every repeat once.
TEST(DuplicateId, RepeatsOfFollowUpRecordsAreFoundWhereverTheySort) {
  Project p = valid_project();
  p.add(structure("s-2"));
  for (const char* date : {"2021-05-14", "2021-05-10", "2021-05-20"})
    p.add(Versement{"cv-1", 1, 1, d(date), Money::euros(1000), VersementStatut::Versee, {}});
  p.add(rapport("s-2", "cn-1", "2021-05"))
      .add(rapport("s-1", "cn-2", "2021-05"))
      .add(rapport("s-1", "cn-1", "2021-05"))
      .add(rapport("s-1", "cn-1", "2021-06"));
  Depense dep;
  dep.structure = "s-1";
  dep.convention = "cv-1";
  dep.trimestre = {2021, 2};
  p.add(dep).add(dep);
  Outcome out = p.run();
  std::vector<std::string> messages;
  for (const auto& f : out.with("duplicate-id")) messages.push_back(f.message);
  auto count = [&](std::string_view what) {
    return std::ranges::count_if(messages,
                                 [&](const std::string& m) { return m.starts_with(what); });
  };
  EXPECT_EQ(count("versement « cv-1/poste-1/tranche-1 »"), 2) << out.codes();
  EXPECT_EQ(count("rapport mensuel « cn-1/2021-05 »"), 1) << out.codes();
  EXPECT_EQ(count("déclaration de dépenses « s-1/cv-1/2021-T2 »"), 1) << out.codes();
  EXPECT_EQ(messages.size(), 4u) << out.codes();
}

TEST(DanglingReference, EveryReferenceFieldIsChecked) {
  Project p = valid_project();
  Conseiller orphan = conseiller("cn-2", "s-404");
  p.add(orphan);
  p.add(convention("cv-2", "s-1", "relance-2021", {poste(1, "cn-9")}));
  p.add(avenant("av-1", "cv-9", 1, "2021-06-01", AvenantObjet::Prolongation));
  p.add(Versement{"cv-1", 7, 1, d("2021-05-14"), Money::euros(10000), VersementStatut::Versee, {}});
  p.add(rapport("s-9", "cn-8", "2021-05"));
  Depense dep;
  dep.structure = "s-1";
  dep.convention = "cv-7";
  dep.trimestre = {2021, 2};
  dep.lignes.push_back({"cn-6", Money{}, Money{}, Money{}, "bulletins"});
  p.add(dep);
  Outcome out = p.run();
  auto found = out.with("dangling-reference");
  std::vector<Location> places;
  for (const auto& f : found) places.push_back(f.where);
  auto has = [&](const Location& l) { return std::ranges::find(places, l) != places.end(); };
  const RecordSet& r = out.model.records;
  EXPECT_TRUE(has(out.at(out.conseiller("cn-2").locs, "structure"))) << out.codes();
  EXPECT_TRUE(has(out.at(out.convention("cv-2").locs, "postes[0].conseiller")));
  EXPECT_TRUE(has(out.at(out.avenant("av-1").locs, "convention")));
  EXPECT_TRUE(has(out.at(r.versements[0].locs, "poste")));
  EXPECT_TRUE(has(out.at(r.rapports[0].locs, "structure")));
  EXPECT_TRUE(has(out.at(r.rapports[0].locs, "conseiller")));
  EXPECT_TRUE(has(out.at(r.depenses[0].locs, "convention")));
  EXPECT_TRUE(has(out.at(r.depenses[0].locs, "lignes[0].conseiller")));
  EXPECT_EQ(found.size(), 8u) << out.codes();
}

TEST(DanglingReference, SuggestsTheClosestId) {
  Project p = valid_project();
  p.input.records.conventions[0].structure = "s-11";
  Outcome out = p.run();
  auto found = out.with("dangling-reference");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_NE(found[0].message.find("vouliez-vous dire « s-1 »"), std::string::npos)
      << found[0].message;
  EXPECT_FALSE(out.model.is_valid({RecordKind::Convention, "cv-1"}));
  EXPECT_EQ(out.model.convention_state("cv-1"), nullptr);  // not derivable
}

TEST(DanglingReference, VersementTrancheBeyondTheScheduleAndAvenantPostNumbers) {
  Project p = valid_project();
  p.add(Versement{"cv-1", 1, 4, d("2021-05-14"), Money::euros(10000), VersementStatut::Versee, {}});
  Avenant a = avenant("av-1", "cv-1", 1, "2021-06-01", AvenantObjet::RetraitPostes);
  a.postes_retires = {5};
  p.add(a);
  Outcome out = p.run();
  auto found = out.with("dangling-reference");
  ASSERT_EQ(found.size(), 2u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.avenant("av-1").locs, "postes_retires[0]"));
  EXPECT_EQ(found[1].where, out.at(out.model.records.versements[0].locs, "tranche"));
}

TEST(StructureMismatch, ConseillerOfAnotherStructureInAPost) {
  Project p = valid_project();
  p.add(structure("s-2")).add(conseiller("cn-2", "s-2"));
  p.input.records.conventions[0].postes.push_back(poste(2, "cn-2"));
  Outcome out = p.run();
  auto found = out.with("structure-mismatch");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.convention("cv-1").locs, "postes[1].conseiller"));
}

TEST(UnknownValue, RegimeAbsentFromBaremesWithAHint) {
  Project p = valid_project();
  p.input.records.conventions[0].regime = "relanse-2021";
  Outcome out = p.run();
  auto found = out.with("unknown-value");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.convention("cv-1").locs, "regime"));
  EXPECT_NE(found[0].message.find("relance-2021"), std::string::npos);
  EXPECT_EQ(out.model.conventions.size(), 0u);
}

TEST(DateOrder, ContractEndingBeforeItStarts) {
  Project p = valid_project();
  p.input.records.conseillers[0].contrat.fin = d("2021-03-31");
  Outcome out = p.run();
  auto found = out.with("date-order");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.conseiller("cn-1").locs, "contrat.fin"));
}

TEST(MissingField, CddWithoutEndAndVacantPostWithoutContract) {
  Project p = valid_project();
  p.input.records.conseillers[0].contrat.fin.reset();
  p.input.records.conventions[0].postes.push_back(poste(2, std::nullopt));
  Outcome out = p.run();
  auto found = out.with("missing-field");
  ASSERT_EQ(found.size(), 2u) << out.codes();
  // Each says what to write: its format and an example.
  std::string messages = found[0].message + "\n" + found[1].message;
  EXPECT_NE(messages.find("CDD de droit public sans date de fin : ajoutez « contrat.fin » (une "
                          "date AAAA-MM-JJ après le début 2021-04-01, par exemple « fin: "
                          "2022-09-30 » pour 18 mois)"),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find("poste 2 de la convention cv-1 vacant sans « contrat » : indiquez le "
                          "type de contrat prévu, l'un de : "),
            std::string::npos)
      << messages;
  EXPECT_NE(messages.find("cdi-droit-public"), std::string::npos) << messages;
  EXPECT_NE(messages.find("(par exemple « contrat: "), std::string::npos) << messages;
}

}  // namespace
}  // namespace tampon::testing

namespace tampon::testing {
namespace {

// reserved-id: ids become file names (conventions/<id>.pdf, bulletins/<structure-id>/…).
TEST(ReservedId, WindowsDeviceNamesAreRefusedForEveryKindAtTheIdField) {
  for (const char* id : {"con", "prn", "aux", "nul", "com1", "com9", "lpt0", "lpt9"}) {
    Project p = valid_project();
    p.input.records.conseillers[0].id = id;
    p.input.records.conventions[0].postes[0].conseiller = id;
    Outcome out = p.run();
    auto found = out.with("reserved-id");
    ASSERT_EQ(found.size(), 1u) << id << " " << out.codes();
    EXPECT_EQ(found[0].where, out.at(out.conseiller(id).locs, "id"));
    EXPECT_NE(found[0].message.find("réservé par Windows"), std::string::npos);
    EXPECT_FALSE(out.model.is_valid({RecordKind::Conseiller, id}));
  }
}

TEST(ReservedId, NearbyNamesAreFine) {
  for (const char* id : {"cons", "con-1", "nul1", "com10", "com", "lpt", "aux-59", "com-1"}) {
    Project p = valid_project();
    p.input.records.structures[0].id = id;
    p.input.records.conseillers[0].structure = id;
    p.input.records.conventions[0].structure = id;
    Outcome out = p.run();
    EXPECT_FALSE(out.has("reserved-id")) << id << " " << out.codes();
  }
}

TEST(ReservedId, EcheancierGlobalIsTakenForConventionsOnly) {
  Project p = valid_project();
  p.input.records.conventions[0].id = "echeancier-global";
  Outcome out = p.run();
  auto found = out.with("reserved-id");
  ASSERT_EQ(found.size(), 1u) << out.codes();
  EXPECT_EQ(found[0].where, out.at(out.convention("echeancier-global").locs, "id"));
  EXPECT_NE(found[0].message.find("echeanciers/echeancier-global.xlsx"), std::string::npos);
  Project s = valid_project();
  s.input.records.conseillers[0].id = "echeancier-global";
  s.input.records.conventions[0].postes[0].conseiller = "echeancier-global";
  EXPECT_FALSE(s.run().has("reserved-id"));
}

}  // namespace
}  // namespace tampon::testing
