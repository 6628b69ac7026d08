// The convention-pdf emitter on a hand-built model: one job per convention and per avenant,
// the records each reads, and the documents read back (amounts in figures and in words,
// dates, posts, schedule, signatures).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>

#include "io/source_file.hpp"
#include "support/model_fixture.hpp"
#include "support/pdf_readback.hpp"
#include "tampon/emitter.hpp"

namespace tampon {
std::unique_ptr<Emitter> make_convention_pdf_emitter();

namespace {

using namespace tampon::testing;

class FakeContext final : public RenderContext {
 public:
  FakeContext(const ProjectContext& p, std::filesystem::path out)
      : m_project(p), m_out(std::move(out)) {}
  const ProjectContext& project() const override { return m_project; }
  const std::filesystem::path& output_path() const override { return m_out; }
  void report(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
  Diagnostics diagnostics;

 private:
  const ProjectContext& m_project;
  std::filesystem::path m_out;
};

/// What the host gives `prepare`, on one thread (host/emitter_builds.cpp is not linked here).
class Preparing final : public PrepareContext {
 public:
  explicit Preparing(const ProjectContext& project) : m_project(project) {}
  const ProjectContext& project() const override { return m_project; }
  void for_each(std::size_t count, const std::function<void(std::size_t)>& work) override {
    for (std::size_t i = 0; i < count; ++i) work(i);
  }
  SourceStatus read_source(const std::filesystem::path& path, const SourceRoot& root,
                           std::string& bytes) override {
    return tampon::read_source(path, root, bytes);
  }

 private:
  const ProjectContext& m_project;
};

struct EmitterTest : ::testing::Test {
  ModelFixture fixture;
  TempDir dir;
  ProjectContext project{dir.path(), TAMPON_SOURCE_DIR};
  std::unique_ptr<Emitter> emitter = make_convention_pdf_emitter();
  std::unique_ptr<BuildState> state;

  /// The emitter prepared as the host prepares it, for the model as it is now (the templates
  /// it renders with are read there).
  const BuildState& prepared() {
    Preparing ctx(project);
    state = emitter->prepare(fixture.model, ctx);
    return *state;
  }

  std::string render_text(const OutputJob& job, const std::string& name) {
    FakeContext ctx(project, dir / name);
    emitter->render(job, fixture.model, prepared(), ctx);
    EXPECT_TRUE(ctx.diagnostics.empty())
        << (ctx.diagnostics.empty() ? "" : ctx.diagnostics[0].message);
    EXPECT_EQ(qpdf_check(dir / name), 0);
    return pdftotext(dir / name);
  }
};

TEST_F(EmitterTest, PlansOneDocumentPerConventionAndPerAvenant) {
  auto jobs = emitter->plan(fixture.model, project, prepared());
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].path, "conventions/cv-2021-0042.pdf");
  EXPECT_EQ(jobs[1].path, "avenants/cv-2021-0042-av1.pdf");
  EXPECT_EQ(jobs[0].inputs, (std::vector<RecordRef>{{RecordKind::Structure, "commune-de-bazuel"},
                                                    {RecordKind::Conseiller, "cn-0001"},
                                                    {RecordKind::Convention, "cv-2021-0042"}}));
  EXPECT_EQ(jobs[1].inputs.size(), 4u);
  EXPECT_EQ(jobs[1].inputs.back(), (RecordRef{RecordKind::Avenant, "cv-2021-0042-av1"}));
  // The regime's own template first, then every clause it includes (fingerprints).
  ASSERT_GT(jobs[0].depends_on.size(), 1u);
  EXPECT_NE(jobs[0].depends_on[0].find("templates/documents/convention-relance-2021.md"),
            std::string::npos);
  for (std::size_t i = 1; i < jobs[0].depends_on.size(); ++i)
    EXPECT_NE(jobs[0].depends_on[i].find("templates/documents/clauses/"), std::string::npos);
  EXPECT_NE(jobs[1].depends_on[0].find("templates/documents/avenant.md"), std::string::npos);
}

// Only the host skips (--keep-going): the emitter plans every document and lists the record
// in error among the inputs of those that read it.
TEST_F(EmitterTest, PlansDocumentsThatReadAnInvalidRecordListingIt) {
  auto lists = [](const OutputJob& job, const RecordRef& ref) {
    return std::find(job.inputs.begin(), job.inputs.end(), ref) != job.inputs.end();
  };
  const RecordRef avenant{RecordKind::Avenant, "cv-2021-0042-av1"};
  const RecordRef conseiller{RecordKind::Conseiller, "cn-0001"};
  fixture.model.invalid.insert(avenant);
  auto jobs = emitter->plan(fixture.model, project, prepared());
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_FALSE(lists(jobs[0], avenant));
  EXPECT_TRUE(lists(jobs[1], avenant));
  fixture.model.invalid.insert(conseiller);
  jobs = emitter->plan(fixture.model, project, prepared());
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_TRUE(lists(jobs[0], conseiller));
  EXPECT_TRUE(lists(jobs[1], conseiller));
}

TEST_F(EmitterTest, ConventionShowsPartiesPostsAmountsInFiguresAndWordsAndDates) {
  auto jobs = emitter->plan(fixture.model, project, prepared());
  std::string text = render_text(jobs[0], "convention.pdf");
  for (const char* expected :
       {"Convention n°\u00A0cv-2021-0042",
        "DS-4242424",
        "Commune de Bazuel",
        "215 901 397 00012",
        "2 place de l’Église, 59360 Bazuel",
        "Martine Lefebvre",
        "Banque des Territoires",
        "mandat de gestion",
        "Camille Durand",
        "poste vacant",
        "50 000,00 €",
        "30 765,44 €",
        "80 765,44 €",
        "quatre-vingt mille sept cent soixante-cinq euros et quarante-quatre centimes",
        "1er avril 2021",
        "31 mars 2023",
        "2 avril 2021",
        "12 mai 2021",
        "12 avril 2022",
        "(provisoire)",
        "Temps partiel validé par le comité départemental",
        "Opération soutenue par l’État dans le cadre du dispositif Conseiller numérique",
        "www.conseiller-numerique.gouv.fr",
        "2016/679",
        "Pour la structure accueillante"})
    EXPECT_TRUE(contains_phrase(text, expected)) << expected;
  // Contracts name conseillers, never their e-mail; the structure's contact stays private.
  EXPECT_EQ(text.find("camille.durand@"), std::string::npos);
  EXPECT_EQ(text.find("Jean Secret"), std::string::npos);
  // The overseas paragraph only where it applies (département 59 is not a DROM).
  EXPECT_EQ(text.find("outre-mer"), std::string::npos);
}

TEST_F(EmitterTest, ConventionCarriesTwoSignatureFieldsAndItsOwnMetadata) {
  auto jobs = emitter->plan(fixture.model, project, prepared());
  render_text(jobs[0], "c.pdf");
  EXPECT_EQ(count(qdf(dir / "c.pdf"), "/FT /Sig"), 2);
  std::string info = pdfinfo(dir / "c.pdf");
  EXPECT_NE(info.find("Convention de subvention cv-2021-0042 — Commune de Bazuel"),
            std::string::npos);
  EXPECT_NE(info.find("CreationDate:    Fri Apr  2 00:00:00 2021"), std::string::npos) << info;
}

TEST_F(EmitterTest, OverseasParagraphAppearsForAnIncreasedPost) {
  auto& structure = fixture.model.records.structures.front();
  structure.departement = "974";
  fixture.model.conventions.front().territory = "La Réunion (974)";  // as the model derives it
  fixture.model.conventions.front().versions[0].posts[0].overseas_increase = true;
  auto jobs = emitter->plan(fixture.model, project, prepared());
  std::string text = render_text(jobs[0], "c.pdf");
  // The structure's own territory, not the group of the increase (issue 21).
  EXPECT_TRUE(contains_phrase(text, "La Réunion (974)"));
  EXPECT_EQ(text.find("Mayotte"), std::string::npos);
  EXPECT_NE(text.find("67 500,00 €"), std::string::npos);
}

TEST_F(EmitterTest, AvenantShowsTheConventionBeforeAndAfterAndTheNewSchedule) {
  auto jobs = emitter->plan(fixture.model, project, prepared());
  std::string text = render_text(jobs[1], "avenant.pdf");
  for (const char* expected :
       {"Avenant n°\u00A01 à la convention de subvention n°\u00A0cv-2021-0042", "15 juin 2022",
        "2 avril 2021", "Ouverture d’une seconde permanence", "80 765,44 €",
        "quatre-vingt mille sept cent soixante-cinq euros et quarante-quatre centimes",
        "130 765,44 €",
        "cent trente mille sept cent soixante-cinq euros et quarante-quatre centimes",
        "15 juillet 2022", "signature de l’avenant n°\u00A01",
        "Les autres clauses de la convention n°\u00A0cv-2021-0042 demeurent inchangées"})
    EXPECT_TRUE(contains_phrase(text, expected)) << expected;
  EXPECT_EQ(count(qdf(dir / "avenant.pdf"), "/FT /Sig"), 2);
}

// domain.md §4: "A post added by an avenant is anchored like the others". In relance-2021
// that is the training departure; Article 1 said the avenant's date while the schedule said
// the training departure (issue 21).
TEST_F(EmitterTest, AddedPostsAnchorIsStatedOnceAsTheScheduleCountsIt) {
  auto jobs = emitter->plan(fixture.model, project, prepared());
  std::string text = render_text(jobs[1], "avenant.pdf");
  EXPECT_FALSE(contains_phrase(text, "se comptent à partir de la date du présent avenant"));
  EXPECT_TRUE(contains_phrase(text, "se comptent à partir de la date de départ en formation"));
}

TEST_F(EmitterTest, ShippedTemplatesPassTheCheck) {
  auto found = emitter->check(fixture.model, project, prepared());
  EXPECT_TRUE(found.empty()) << found[0].where.file << ":" << found[0].where.line << " "
                             << found[0].message;
}

TEST_F(EmitterTest, CheckNamesTheTemplateLineOfAnUnknownVariable) {
  std::filesystem::create_directories(dir / "templates/documents");
  std::ofstream(dir / "templates/documents/convention.md")
      << "# Convention\n\nTotal : {{total.montant}}\nMontant : {{total.montnat}}\n";
  auto found = emitter->check(fixture.model, project, prepared());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].where.file, "templates/documents/convention.md");
  EXPECT_EQ(found[0].where.line, 4u);
  EXPECT_EQ(found[0].where.column, 11u);
  EXPECT_EQ(found[0].code, "template-unknown-variable");
}

// The hint comes from the convention view's own names (view_schema.cpp).
TEST_F(EmitterTest, AnUnknownVariableGetsAHintFromTheConventionView) {
  std::filesystem::create_directories(dir / "templates/documents");
  std::ofstream(dir / "templates/documents/convention.md")
      << "# Convention\n\n{{structure.nomm}}\n\n{{#postes}}{{montnat}}{{/postes}}\n";
  auto found = emitter->check(fixture.model, project, prepared());
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].where.line, 3u);
  EXPECT_EQ(found[0].message,
            "variable « structure.nomm » inconnue des données du document ; vouliez-vous dire "
            "« structure.nom » ?");
  EXPECT_EQ(found[1].where.line, 5u);
  EXPECT_NE(found[1].message.find("vouliez-vous dire « montant » ?"), std::string::npos)
      << found[1].message;
}

TEST_F(EmitterTest, CheckReportsARecordCharacterTheFontLacks) {
  fixture.model.records.structures.front().nom = "Association 漢字";
  auto found = emitter->check(fixture.model, project, prepared());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "missing-glyph");
  EXPECT_NE(found[0].message.find("U+6F22"), std::string::npos);
}

TEST_F(EmitterTest, RenderReportsAMissingGlyphInsteadOfPrintingABlankBox) {
  fixture.model.records.structures.front().nom = "Association 漢字";
  auto jobs = emitter->plan(fixture.model, project, prepared());
  FakeContext ctx(project, dir / "x.pdf");
  emitter->render(jobs[0], fixture.model, prepared(), ctx);
  ASSERT_EQ(ctx.diagnostics.size(), 1u);
  EXPECT_EQ(ctx.diagnostics[0].severity, Severity::Error);
  EXPECT_EQ(ctx.diagnostics[0].code, "document-failed");
  EXPECT_NE(ctx.diagnostics[0].message.find("U+6F22"), std::string::npos);
  EXPECT_NE(ctx.diagnostics[0].message.find("conventions/cv-2021-0042.pdf"), std::string::npos);
}

TEST_F(EmitterTest, CheckReportsAnUnclosedSectionAtItsTemplateLine) {
  std::filesystem::create_directories(dir / "templates/documents");
  std::ofstream(dir / "templates/documents/convention.md")
      << "# Convention\n\n{{#postes}}\n| {{numero}} |\n";
  auto found = emitter->check(fixture.model, project, prepared());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].code, "template-syntax");
  EXPECT_EQ(found[0].where.file, "templates/documents/convention.md");
  EXPECT_EQ(found[0].where.line, 3u);
}

TEST_F(EmitterTest, CheckReportsATemplateFoundNeitherInTheProjectNorShipped) {
  ProjectContext bare{dir.path(), dir.path()};
  auto found = emitter->check(fixture.model, bare, prepared());
  ASSERT_EQ(found.size(), 2u);  // the convention's and the avenant's
  for (const auto& d : found) {
    EXPECT_EQ(d.code, "template-missing");
    EXPECT_EQ(d.severity, Severity::Error);
  }
  EXPECT_EQ(found[0].where.file, "templates/documents/avenant.md");
  EXPECT_EQ(found[1].where.file, "templates/documents/convention.md");
}

}  // namespace
}  // namespace tampon
