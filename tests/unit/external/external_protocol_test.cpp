#include "plugin/external_protocol.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "small_model.hpp"

namespace tampon::external {
namespace {
using Json = nlohmann::json;

const char* k_good = R"({"protocol": 1, "name": "csv", "version": "2.0.0",
  "description": "un CSV", "reads": ["structure", "convention"],
  "outputs": [{"path_pattern": "export/x.csv", "media_type": "text/csv"}],
  "codes": [{"code": "sans-dossier", "severity": "warning", "summary": "Sans dossier."}],
  "capabilities": ["plan", "render", "plus-tard"], "champ_futur": {"a": 1}})";

std::string error_of(auto&& call) {
  try {
    call();
  } catch (const ProtocolError& e) {
    return e.what();
  }
  return "(aucune erreur)";
}

TEST(ExternalProtocol, ReadsADescriptionAndIgnoresUnknownFieldsAndCapabilities) {
  auto d = parse_describe(k_good);
  EXPECT_EQ(d.info.name, "csv");
  EXPECT_EQ(d.info.version, "2.0.0");
  EXPECT_EQ(d.info.description, "un CSV");
  EXPECT_EQ(d.info.reads, (std::vector<RecordKind>{RecordKind::Structure, RecordKind::Convention}));
  ASSERT_EQ(d.info.outputs.size(), 1u);
  EXPECT_EQ(d.info.outputs[0].media_type, "text/csv");
}

TEST(ExternalProtocol, RefusesAnotherMajorVersionBeforeReadingAnythingElse) {
  auto why = error_of([] { parse_describe(R"({"protocol": 2, "nom": "renamed"})"); });
  EXPECT_NE(why.find("version 2 du protocole"), std::string::npos) << why;
  EXPECT_NE(why.find("cette version de Tampon la version 1"), std::string::npos) << why;
}

TEST(ExternalProtocol, NamesTheFieldThatIsMissingOrWrong) {
  EXPECT_NE(error_of([] { parse_describe(R"({"name": "x"})"); }).find("« protocol »"),
            std::string::npos);
  auto why = error_of([] {
    parse_describe(R"({"protocol": 1, "name": "x", "version": "1", "reads": ["convension"],
                       "capabilities": ["plan", "render"]})");
  });
  EXPECT_NE(why.find("« convension »"), std::string::npos) << why;
  EXPECT_NE(why.find("vouliez-vous dire « convention »"), std::string::npos) << why;
  why = error_of([] {
    parse_describe(
        R"({"protocol": 1, "name": "x", "version": "1", "reads": [], "capabilities": ["plan"]})");
  });
  EXPECT_NE(why.find("« render »"), std::string::npos) << why;
}

TEST(ExternalProtocol, QuotesTheStartOfAReplyThatIsNotJson) {
  auto why = error_of([] { parse_describe("Traceback (most recent call last):\n  File"); });
  EXPECT_NE(why.find("n'est pas du JSON valide"), std::string::npos) << why;
  EXPECT_NE(why.find("« Traceback (most recent call last):   File »"), std::string::npos) << why;
  EXPECT_NE(error_of([] { parse_describe(""); }).find("sortie vide"), std::string::npos);
}

// Found by fuzz_external_protocol: a number JSON allows but a double cannot hold escaped as an
// nlohmann out_of_range exception ("erreur interne") instead of a protocol error.
TEST(ExternalProtocol, ANumberTooLargeForADoubleIsAProtocolErrorNotACrash) {
  EmitterInfo info{"externe", "1.0.0", "test", {RecordKind::Convention}, {}, {}};
  auto why = error_of([&] { parse_plan(R"({"jobs": [{"path": 1e999}]})", info); });
  EXPECT_NE(why.find("nombre trop grand"), std::string::npos) << why;
  EXPECT_NE(error_of([] { parse_describe(R"({"protocol": 1e400})"); }).find("nombre trop grand"),
            std::string::npos);
}

TEST(ExternalProtocol, ReadsJobsWithInputsDependenciesAndDiagnostics) {
  auto info = parse_describe(k_good).info;
  auto reply = parse_plan(R"({"jobs": [
      {"path": "a/b.csv", "key": "k", "inputs": [{"kind": "structure", "id": "s-1"}],
       "depends_on": ["templates/x.html"]},
      {"path": "c.csv"}],
    "diagnostics": [{"severity": "warning", "code": "sans-dossier", "message": "pas de dossier",
                     "file": "data/conventions/cv.yaml", "line": 3}]})",
                          info);
  ASSERT_EQ(reply.jobs.size(), 2u);
  EXPECT_EQ(reply.jobs[0].job.path, "a/b.csv");
  EXPECT_EQ(reply.jobs[0].key, "k");
  EXPECT_EQ(reply.jobs[0].job.fingerprint, "k");
  EXPECT_EQ(reply.jobs[0].job.inputs, (std::vector<RecordRef>{{RecordKind::Structure, "s-1"}}));
  EXPECT_EQ(reply.jobs[0].job.depends_on, std::vector<std::string>{"templates/x.html"});
  EXPECT_EQ(reply.jobs[1].key, "");
  ASSERT_EQ(reply.diagnostics.size(), 1u);
  const auto& d = reply.diagnostics[0];
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.code, "sans-dossier");
  EXPECT_EQ(d.message, "émetteur « csv » : pas de dossier");
  EXPECT_EQ(d.where.file, "data/conventions/cv.yaml");
  EXPECT_EQ(d.where.line, 3u);
}

TEST(ExternalProtocol, RefusesAnInputOfAKindTheEmitterDidNotDeclare) {
  auto info = parse_describe(k_good).info;
  auto why = error_of([&] {
    parse_plan(R"({"jobs": [{"path": "x", "inputs": [{"kind": "conseiller", "id": "cn-1"}]}]})",
               info);
  });
  EXPECT_NE(why.find("« conseiller:cn-1 »"), std::string::npos) << why;
  EXPECT_NE(why.find("« reads »"), std::string::npos) << why;
}

TEST(ExternalProtocol, AcceptsAnEmptyRenderReplyAndReadsRenderDiagnostics) {
  auto info = parse_describe(k_good).info;
  EXPECT_TRUE(parse_render("  \n", info).empty());
  auto d = parse_render(R"({"diagnostics": [{"message": "rien"}]})", info);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Severity::Error);
  EXPECT_EQ(d[0].code, "external-emitter");
  EXPECT_FALSE(error_of([&] { parse_render("debug: 42", info); }).empty());
}

// Codes are declared in "describe" (EmitterInfo::codes, like built-in emitters); a finding
// under any other code keeps its words but takes the protocol's default code.
TEST(ExternalProtocol, KeepsTheCodesTheDescriptionDeclaresAndOnlyThose) {
  auto info = parse_describe(R"({"protocol": 1, "name": "csv", "version": "1", "reads": [],
    "codes": [{"code": "notice-sans-dossier", "severity": "warning", "summary": "Sans dossier."}],
    "capabilities": ["plan", "render"]})")
                  .info;
  ASSERT_EQ(info.codes.size(), 1u);
  EXPECT_EQ(info.codes[0].code, "notice-sans-dossier");
  EXPECT_EQ(info.codes[0].severity, Severity::Warning);
  EXPECT_EQ(info.codes[0].summary, "Sans dossier.");
  auto d = parse_render(R"({"diagnostics": [
    {"code": "notice-sans-dossier", "severity": "warning", "message": "cv-2 sans dossier"},
    {"code": "autre-code", "message": "cv-3 bizarre"}]})",
                        info);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].code, "notice-sans-dossier");
  EXPECT_EQ(d[1].code, "external-emitter");
  EXPECT_NE(d[1].message.find("cv-3 bizarre"), std::string::npos) << d[1].message;
  EXPECT_NE(d[1].message.find("« autre-code » non déclaré"), std::string::npos) << d[1].message;
}

TEST(ExternalProtocol, RefusesADeclaredCodeThatIsNotACode) {
  auto why = error_of([] {
    parse_describe(R"({"protocol": 1, "name": "csv", "version": "1", "reads": [],
      "codes": [{"code": "Notice Sans", "summary": "x"}], "capabilities": ["plan", "render"]})");
  });
  EXPECT_NE(why.find("« Notice Sans » n'est pas un code"), std::string::npos) << why;
}

TEST(ExternalProtocol, HandsOnlyTheDeclaredKindsAndNoPersonalData) {
  auto model = testing::small_model();
  RecordKind structures_only[] = {RecordKind::Structure};
  auto j = Json::parse(records_json(*model, structures_only));
  EXPECT_EQ(j["format"], "tampon-records/1");
  EXPECT_EQ(j["date_reference"], "2022-06-15");
  EXPECT_EQ(j["structures"].size(), 2u);
  EXPECT_FALSE(j.contains("conventions"));
  EXPECT_FALSE(j.contains("conseillers"));

  RecordKind all[] = {RecordKind::Structure, RecordKind::Conseiller, RecordKind::Convention};
  std::string text = records_json(*model, all);
  for (const char* secret : testing::k_secrets)
    EXPECT_EQ(text.find(secret), std::string::npos) << secret << " leaked";
  j = Json::parse(text);
  EXPECT_FALSE(j["conseillers"][0].contains("nom_public"));
  EXPECT_EQ(j["conseillers"][1]["nom_public"], "Lou Bernard");  // publication_nom: true
}

TEST(ExternalProtocol, RestrictsRecordsToTheInputsOfAJob) {
  auto model = testing::small_model();
  RecordKind kinds[] = {RecordKind::Structure, RecordKind::Conseiller, RecordKind::Convention,
                        RecordKind::Versement};
  RecordRef only[] = {{RecordKind::Structure, "mairie-de-bazuel"},
                      {RecordKind::Versement, "cv-2021-0002/poste-1/tranche-1"}};
  auto j = Json::parse(records_json(*model, kinds, only));
  ASSERT_EQ(j["structures"].size(), 1u);
  EXPECT_EQ(j["structures"][0]["id"], "mairie-de-bazuel");
  EXPECT_EQ(j["conseillers"].size(), 0u);
  ASSERT_EQ(j["conventions"].size(), 1u);  // through its versement
  EXPECT_EQ(j["conventions"][0]["id"], "cv-2021-0002");
}

TEST(ExternalProtocol, LeavesOutRecordsInError) {
  auto model = testing::small_model();
  model->invalid.insert({RecordKind::Convention, "cv-2021-0001"});
  RecordKind kinds[] = {RecordKind::Convention};
  auto j = Json::parse(records_json(*model, kinds));
  ASSERT_EQ(j["conventions"].size(), 1u);
  EXPECT_EQ(j["conventions"][0]["id"], "cv-2021-0002");
}

TEST(ExternalProtocol, WritesRequestsWithProtocolVersionDateJobAndRecords) {
  auto model = testing::small_model();
  ProgramJob job{{"export/x.csv", {{RecordKind::Structure, "mairie-de-bazuel"}}, {}, {}}, "cle"};
  auto r = Json::parse(render_request(job, *model, R"({"format": "tampon-records/1"})"));
  EXPECT_EQ(r["protocol"], 1);
  EXPECT_EQ(r["tampon_version"], TAMPON_VERSION);
  EXPECT_EQ(r["as_of"], "2022-06-15");
  EXPECT_EQ(r["job"]["path"], "export/x.csv");
  EXPECT_EQ(r["job"]["key"], "cle");
  EXPECT_EQ(r["job"]["inputs"][0]["kind"], "structure");
  EXPECT_EQ(r["records"]["format"], "tampon-records/1");
  auto p = Json::parse(plan_request(*model, "{}"));
  EXPECT_EQ(p["protocol"], 1);
  EXPECT_TRUE(p["records"].is_object());
  EXPECT_FALSE(p.contains("job"));
}

}  // namespace
}  // namespace tampon::external
