// Each finding of records.md on a boundary case, with its exact position and wording.
#include <gtest/gtest.h>

#include <string>

#include "load_support.hpp"

namespace tampon {
namespace {

using testing::dump;
using testing::TempProject;
using testing::with_code;

constexpr std::string_view k_conseiller = R"(id: cn-0001
prenom: Camille
nom: Durand
courriel: camille@example.org
structure: mairie-x
role: conseiller
contrat:
  type: cdd-droit-public
  debut: 2021-04-01
  fin: 2022-09-30
  heures_hebdo: 35
  salaire_brut_mensuel: 1650.00
)";

constexpr std::string_view k_structure = R"(id: mairie-x
nom: Mairie X
type: commune
siret: "20004020400014"
adresse:
  code_postal: "59540"
  commune: Caudry
departement: "59"
representant:
  nom: A
  qualite: Maire
contact:
  nom: B
  courriel: b@example.org
)";

std::string with(std::string_view base, std::string_view from, std::string_view to) {
  std::string s(base);
  auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

LoadResult load_file(std::string_view relative, const std::string& text) {
  TempProject p;
  p.write(relative, text);
  return p.load();
}

/// The only finding of the load, checked for code and position.
const Diagnostic& only(const LoadResult& r, std::string_view code, std::uint32_t line,
                       std::uint32_t column) {
  static const Diagnostic none;
  EXPECT_EQ(r.diagnostics.size(), 1u) << dump(r.diagnostics);
  if (r.diagnostics.empty()) return none;
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.code, code) << dump(r.diagnostics);
  EXPECT_EQ(d.where.line, line) << dump(r.diagnostics);
  EXPECT_EQ(d.where.column, column) << dump(r.diagnostics);
  return d;
}

TEST(Baseline, TheBaseRecordsHaveNoFinding) {
  TempProject p;
  p.write("data/conseillers/cn-0001.yaml", std::string(k_conseiller));
  p.write("data/structures/mairie-x.yaml", std::string(k_structure));
  LoadResult r = p.load();
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
}

TEST(UnknownField, SuggestsTheClosestKnownKeyInFrench) {
  auto r = load_file("data/conseillers/c.yaml",
                     with(k_conseiller, "  heures_hebdo: 35", "  heures_hebdomadaires: 35"));
  auto found = with_code(r, "unknown-field");
  ASSERT_EQ(found.size(), 1u) << dump(r.diagnostics);
  EXPECT_EQ(found[0]->where.file, "data/conseillers/c.yaml");
  EXPECT_EQ(found[0]->where.line, 11u);
  EXPECT_EQ(found[0]->where.column, 3u);
  EXPECT_EQ(found[0]->message,
            "champ inconnu « heures_hebdomadaires » dans « contrat » ; vouliez-vous dire "
            "« heures_hebdo » ?");
  EXPECT_EQ(with_code(r, "missing-field").size(), 1u);  // heures_hebdo itself is now missing
}

TEST(UnknownField, ListsTheKeysWhenNothingIsClose) {
  auto r = load_file("data/conseillers/c.yaml", std::string(k_conseiller) + "couleur: bleu\n");
  const Diagnostic& d = only(r, "unknown-field", 13, 1);
  EXPECT_EQ(d.message,
            "champ inconnu « couleur » ; champs possibles ici : id, prenom, nom, courriel, "
            "structure, role, publication_nom, recrutement, contrat, formation, rupture, "
            "id_pilotage");
}

TEST(WrongType, ABlockWhereAValueIsExpectedAndTheReverse) {
  auto r = load_file("data/conseillers/c.yaml", with(k_conseiller, "nom: Durand", "nom: [a, b]"));
  EXPECT_EQ(only(r, "wrong-type", 3, 6).message,
            "« nom » doit être une valeur simple, pas une liste");
  std::string flat = std::string(k_conseiller.substr(0, k_conseiller.find("contrat:"))) +
                     "contrat: cdd-droit-public\n";
  r = load_file("data/conseillers/c.yaml", flat);
  EXPECT_EQ(only(r, "wrong-type", 7, 10).message,
            "« contrat » doit être un bloc de champs, pas une valeur simple");
}

TEST(MissingField, PointsAtTheBlockThatLacksIt) {
  auto r = load_file("data/conseillers/c.yaml", with(k_conseiller, "  debut: 2021-04-01\n", ""));
  EXPECT_EQ(only(r, "missing-field", 8, 3).message,
            "champ obligatoire « contrat.debut » manquant : ajoutez-le (une date AAAA-MM-JJ, "
            "par exemple 2021-03-15). Début du contrat.");
  r = load_file("data/conseillers/c.yaml", with(k_conseiller, "nom: Durand", "nom:"));
  EXPECT_EQ(only(r, "missing-field", 3, 5).message,
            "champ obligatoire « nom » vide : indiquez une valeur (un texte)");
}

// Issue 15: the message says what to write, from the loader's field table: a block's own
// fields, and the field's description (format, example) when it says more than its name.
TEST(MissingField, SaysWhatToWriteFromTheFieldTable) {
  auto r =
      load_file("data/structures/s.yaml", with(k_structure, "siret: \"20004020400014\"\n", ""));
  EXPECT_EQ(only(r, "missing-field", 1, 1).message,
            "champ obligatoire « siret » manquant : ajoutez-le (un texte). SIRET : 14 chiffres "
            "entre guillemets ; sa clé de contrôle est vérifiée par « tampon validate ».");
  r = load_file("data/structures/s.yaml",
                with(k_structure, "representant:\n  nom: A\n  qualite: Maire\n", ""));
  EXPECT_EQ(only(r, "missing-field", 1, 1).message,
            "champ obligatoire « representant » manquant : ajoutez-le (un bloc de champs : nom, "
            "qualite). Qui signe la convention pour la structure.");
}

TEST(MissingField, OptionalBlocksMayBeAbsentOrNull) {
  auto r = load_file("data/conseillers/c.yaml", std::string(k_conseiller) + "formation: null\n");
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  ASSERT_EQ(r.records.conseillers.size(), 1u);
  EXPECT_FALSE(r.records.conseillers[0].formation);
  EXPECT_EQ(r.records.conseillers[0].contrat.aides_emploi.cents(), 0);
}

TEST(InvalidId, SixtyFourCharactersPassAndSixtyFiveDropTheRecordWithAMessage) {
  std::string id64(64, 'a'), id65(65, 'a');
  auto r = load_file("data/conseillers/c.yaml", with(k_conseiller, "cn-0001", id64));
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  EXPECT_EQ(r.records.conseillers.size(), 1u);
  r = load_file("data/conseillers/c.yaml", with(k_conseiller, "cn-0001", id65));
  const Diagnostic& d = only(r, "invalid-id", 1, 5);
  EXPECT_NE(d.message.find("64 caractères au plus"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("ce conseiller est ignoré tant que son « id » n'est pas corrigé"),
            std::string::npos)
      << d.message;
  EXPECT_TRUE(r.records.conseillers.empty());
}

TEST(InvalidId, SuggestsAValidSpelling) {
  auto r = load_file("data/conseillers/c.yaml",
                     with(k_conseiller, "structure: mairie-x", "structure: Mairie de Bazuel"));
  const Diagnostic& d = only(r, "invalid-id", 5, 12);
  EXPECT_NE(d.message.find("par exemple « mairie-de-bazuel »"), std::string::npos) << d.message;
  EXPECT_EQ(r.records.conseillers.size(), 1u);  // a bad reference keeps the record
}

TEST(InvalidDate, RejectsTheTwentyNinthOfFebruaryOutsideLeapYears) {
  auto r = load_file("data/conseillers/c.yaml",
                     with(k_conseiller, "fin: 2022-09-30", "fin: 2023-02-29"));
  EXPECT_EQ(only(r, "invalid-date", 10, 8).message,
            "date « 2023-02-29 » invalide pour « contrat.fin » : ce jour n'existe pas dans le "
            "calendrier");
  r = load_file("data/conseillers/c.yaml",
                with(k_conseiller, "fin: 2022-09-30", "fin: 2024-02-29"));
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  EXPECT_EQ(r.records.conseillers[0].contrat.fin->iso(), "2024-02-29");
}

TEST(InvalidDate, ExplainsTheIsoFormat) {
  auto r = load_file("data/conseillers/c.yaml",
                     with(k_conseiller, "debut: 2021-04-01", "debut: 01/04/2021"));
  EXPECT_EQ(only(r, "invalid-date", 9, 10).message,
            "date « 01/04/2021 » invalide pour « contrat.debut » : écrivez-la au format "
            "AAAA-MM-JJ, par exemple 2021-03-15");
  EXPECT_EQ(r.records.conseillers.size(), 1u);  // kept despite the broken required date
}

TEST(InvalidDate, QuotedAndPlainDatesAreTheSame) {
  auto plain = load_file("data/conseillers/c.yaml", std::string(k_conseiller));
  auto quoted = load_file("data/conseillers/c.yaml",
                          with(k_conseiller, "debut: 2021-04-01", "debut: \"2021-04-01\""));
  auto single = load_file("data/conseillers/c.yaml",
                          with(k_conseiller, "debut: 2021-04-01", "debut: '2021-04-01'"));
  ASSERT_TRUE(quoted.diagnostics.empty()) << dump(quoted.diagnostics);
  ASSERT_TRUE(single.diagnostics.empty()) << dump(single.diagnostics);
  EXPECT_EQ(plain.records.conseillers[0].contrat.debut,
            quoted.records.conseillers[0].contrat.debut);
  EXPECT_EQ(plain.records.conseillers[0].contrat.debut,
            single.records.conseillers[0].contrat.debut);
}

TEST(InvalidDate, MonthsAndQuartersHaveTheirOwnFormat) {
  auto r = load_file("data/rapports/r.yaml",
                     "structure: s\nconseiller: c\nmois: 2022-13\nactivites: {}\n"
                     "usagers_accompagnes: 0\n");
  EXPECT_EQ(only(r, "invalid-date", 3, 7).message,
            "mois « 2022-13 » invalide pour « mois » : écrivez-le au format AAAA-MM, par exemple "
            "2022-03");
  r = load_file("data/depenses/d.yaml",
                "structure: s\nconvention: c\ntrimestre: 2022-T5\nlignes: []\n");
  EXPECT_EQ(only(r, "invalid-date", 3, 12).code, "invalid-date");
  r = load_file("data/depenses/d.yaml",
                "structure: s\nconvention: c\ntrimestre: 2022-T4\nlignes: []\n");
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
}

TEST(InvalidAmount, KeepsExactCentsFromTheScalarText) {
  auto r = load_file("data/conseillers/c.yaml", with(k_conseiller, "1650.00", "1645.58"));
  ASSERT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  EXPECT_EQ(r.records.conseillers[0].contrat.salaire_brut_mensuel.cents(), 164558);
  r = load_file("data/conseillers/c.yaml", with(k_conseiller, "1650.00", "0.1"));
  EXPECT_EQ(r.records.conseillers[0].contrat.salaire_brut_mensuel.cents(), 10);
}

TEST(InvalidAmount, SaysWhatIsWrongWithTheNumber) {
  struct Case {
    std::string_view text, reason;
  };
  for (const Case& c : {Case{"1650.005", "deux décimales au plus (les centimes)"},
                        Case{"-1650", "un montant ne peut pas être négatif"},
                        Case{"1 650,00",
                             "écrivez le nombre avec un point décimal et sans espace, "
                             "par exemple 1645.58"},
                        Case{"1e3",
                             "écrivez un nombre d'euros avec au plus deux décimales, par "
                             "exemple 1645.58"}}) {
    auto r = load_file("data/conseillers/c.yaml", with(k_conseiller, "1650.00", c.text));
    const Diagnostic& d = only(r, "invalid-amount", 12, 25);
    EXPECT_EQ(d.message,
              "montant « " + std::string(c.text) +
                  " » invalide pour « contrat.salaire_brut_mensuel » : " + std::string(c.reason));
  }
}

TEST(InvalidDepartement, HintsForCorsicaAndMissingZeros) {
  auto r = load_file("data/structures/s.yaml", with(k_structure, "\"59\"", "20"));
  EXPECT_EQ(only(r, "invalid-departement", 8, 14).message,
            "département « 20 » inconnu ; la Corse a deux départements : « 2A » (Corse-du-Sud) "
            "et « 2B » (Haute-Corse)");
  r = load_file("data/structures/s.yaml", with(k_structure, "\"59\"", "5"));
  EXPECT_EQ(only(r, "invalid-departement", 8, 14).message,
            "département « 5 » inconnu ; écrivez « 05 » entre guillemets");
  r = load_file("data/structures/s.yaml", with(k_structure, "\"59\"", "2A"));
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  r = load_file("data/structures/s.yaml", with(k_structure, "\"59\"", "976"));
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
}

TEST(SiretChecksum, LengthAndKeyAreReportedDifferently) {
  auto r =
      load_file("data/structures/s.yaml", with(k_structure, "20004020400014", "20004020400015"));
  EXPECT_EQ(only(r, "siret-checksum", 4, 8).message,
            "SIRET « 20004020400015 » invalide : sa clé de contrôle ne correspond pas ; vérifiez "
            "les chiffres");
  r = load_file("data/structures/s.yaml", with(k_structure, "20004020400014", "2000402040001"));
  EXPECT_NE(only(r, "siret-checksum", 4, 8).message.find("exactement 14 chiffres"),
            std::string::npos);
  // Unquoted, the SIRET is still read from its text, leading zeros included.
  r = load_file("data/structures/s.yaml",
                with(k_structure, "\"20004020400014\"", "20004020400014"));
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
}

TEST(UnknownValue, SuggestsTheClosestValueOfEachList) {
  struct Case {
    std::string_view file, text, code_value, message;
    std::uint32_t line, column;
  };
  const std::string structure(k_structure), conseiller(k_conseiller);
  auto r = load_file("data/structures/s.yaml", with(structure, "type: commune", "type: comune"));
  EXPECT_EQ(only(r, "unknown-value", 3, 7).message,
            "valeur « comune » inconnue pour « type » ; vouliez-vous dire « commune » ?");
  r = load_file("data/conseillers/c.yaml",
                with(conseiller, "role: conseiller", "role: coordonateur"));
  EXPECT_EQ(
      only(r, "unknown-value", 6, 7).message,
      "valeur « coordonateur » inconnue pour « role » ; vouliez-vous dire « coordinateur » ?");
  r = load_file("data/conseillers/c.yaml",
                with(conseiller, "type: cdd-droit-public", "type: cdd-droit-publique"));
  EXPECT_EQ(only(r, "unknown-value", 8, 9).message,
            "valeur « cdd-droit-publique » inconnue pour « contrat.type » ; vouliez-vous dire "
            "« cdd-droit-public » ?");
  r = load_file("data/structures/s.yaml", with(structure, "type: commune", "type: mairie"));
  EXPECT_NE(only(r, "unknown-value", 3, 7).message.find("valeurs possibles : commune, departement"),
            std::string::npos);
}

TEST(UnknownValue, CoversObjetStatutThemesAndLieux) {
  auto r = load_file("data/versements/v.yaml",
                     "convention: cv-1\nposte: 1\ntranche: 1\ndate: 2021-05-14\nmontant: 10000\n"
                     "statut: versé\n");
  EXPECT_EQ(only(r, "unknown-value", 6, 9).message,
            "valeur « versé » inconnue pour « statut » ; vouliez-vous dire « versee » ?");
  r = load_file("data/avenants/a.yaml",
                "id: av-1\nconvention: cv-1\nnumero: 1\ndate: 2022-06-15\nobjet: prolongations\n"
                "nouvelle_fin: 2024-03-31\nmotif: m\n");
  EXPECT_EQ(
      only(r, "unknown-value", 5, 8).message,
      "valeur « prolongations » inconnue pour « objet » ; vouliez-vous dire « prolongation » ?");
  r = load_file(
      "data/rapports/r.yaml",
      "structure: s\nconseiller: c\nmois: 2022-03\nactivites: {}\nusagers_accompagnes: 1\n"
      "themes:\n  equippement: 3\nlieux:\n  permanance: 2\n");
  ASSERT_EQ(r.diagnostics.size(), 2u) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].where.line, 7u);
  EXPECT_EQ(r.diagnostics[0].message,
            "clé « equippement » inconnue dans « themes » ; vouliez-vous dire « equipement » ?");
  EXPECT_EQ(r.diagnostics[1].code, "unknown-value");
  EXPECT_EQ(r.diagnostics[1].message,
            "clé « permanance » inconnue dans « lieux » ; vouliez-vous dire « permanence » ?");
}

TEST(YamlSyntax, GivesThePositionAndMarksAnInputFailure) {
  auto r = load_file("data/conseillers/c.yaml", "id: cn-0001\nnom: Durand\n  prenom: Camille\n");
  const Diagnostic& d = only(r, "yaml-syntax", 3, 9);
  EXPECT_TRUE(r.input_failure);
  EXPECT_NE(d.message.find("« : » inattendu ici"), std::string::npos) << d.message;
  r = load_file("data/conseillers/c.yaml", "id: \"cn-0001\nnom: Durand\n");
  EXPECT_EQ(only(r, "yaml-syntax", 3, 1).message,
            "fin de fichier inattendue : un guillemet, un crochet ou une accolade n'est pas fermé "
            "(élément commencé ligne 1)");
}

TEST(YamlSyntax, AnUndefinedAliasIsASyntaxError) {
  auto r = load_file("data/conseillers/c.yaml", "id: *nulle\n");
  EXPECT_EQ(only(r, "yaml-syntax", 1, 5).message,
            "alias « *nulle » sans ancre « &nulle » définie avant lui dans le document");
}

TEST(DuplicateKey, KeepsTheFirstValueAndSaysSo) {
  auto r = load_file("data/conseillers/c.yaml",
                     with(k_conseiller, "nom: Durand\n", "nom: Durand\nnom: Dupont\n"));
  EXPECT_EQ(only(r, "duplicate-key", 4, 1).message,
            "champ « nom » écrit deux fois dans le même bloc : gardez-en un seul (seul le premier "
            "est lu)");
  EXPECT_EQ(r.records.conseillers[0].nom, "Durand");
}

TEST(Avenant, EachObjetNeedsItsOwnField) {
  auto r =
      load_file("data/avenants/a.yaml",
                "id: av-1\nconvention: cv-1\nnumero: 1\ndate: 2022-06-15\nobjet: prolongation\n"
                "motif: m\n");
  EXPECT_EQ(only(r, "missing-field", 1, 1).message,
            "un avenant d'objet « prolongation » doit indiquer le champ « nouvelle_fin » : "
            "nouvelle date de fin (36 mois au plus après le début).");
}

TEST(EmptyFile, IsAWarningNotAnError) {
  auto r = load_file("data/conseillers/c.yaml", "# rien encore\n");
  const Diagnostic& d = only(r, "empty-file", 0, 0);
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_FALSE(r.input_failure);
}

TEST(Records, OneFileMayHoldOneRecordOrASequence) {
  TempProject p;
  p.write("data/conseillers/one.yaml", std::string(k_conseiller));
  std::string many;
  for (int i = 2; i <= 4; ++i) {
    std::string item = with(k_conseiller, "cn-0001", "cn-000" + std::to_string(i));
    std::string indented = "- ";
    for (char c : item) {
      indented += c;
      if (c == '\n') indented += "  ";
    }
    many += indented.substr(0, indented.size() - 2);
  }
  p.write("data/conseillers/many.yaml", many);
  LoadResult r = p.load();
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  ASSERT_EQ(r.records.conseillers.size(), 4u);
  EXPECT_EQ(r.records.conseillers[0].id, "cn-0001");
  EXPECT_EQ(r.records.conseillers[3].id, "cn-0004");
  EXPECT_EQ(r.records.conseillers[3].locs.record.line, 25u);  // third item of many.yaml
}

TEST(Records, ANonMappingItemIsReportedNotSilentlyDropped) {
  auto r = load_file("data/conseillers/c.yaml", "- 42\n");
  EXPECT_EQ(only(r, "wrong-type", 1, 3).message,
            "chaque élément de la liste doit être un enregistrement (conseiller : un bloc de "
            "champs « clé: valeur »), pas une valeur simple ; élément ignoré");
}

TEST(Records, SeveralYamlDocumentsInOneFileAreSeveralRecords) {
  std::string two = std::string(k_conseiller) + "---\n" + with(k_conseiller, "cn-0001", "cn-0002");
  auto r = load_file("data/conseillers/c.yaml", two);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  ASSERT_EQ(r.records.conseillers.size(), 2u);
  EXPECT_EQ(r.records.conseillers[1].locs.record.line, 14u);
}

TEST(Records, AByteOrderMarkIsAcceptedAndTakesNoColumn) {
  auto r = load_file("data/conseillers/c.yaml", "\xEF\xBB\xBF" + std::string(k_conseiller));
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r.diagnostics);
  r = load_file("data/conseillers/c.yaml", "\xEF\xBB\xBFid: \x01\n");
  EXPECT_EQ(only(r, "yaml-syntax", 1, 5).code, "yaml-syntax");
}

TEST(Folders, PathsAreRelativeWhateverTheSpellingOfTheProjectFolder) {
  TempProject p;
  p.write("data/conseillers/sub/c.yaml", std::string(k_conseiller) + "x: 1\n");
  for (const std::string& spelling :
       {p.dir().string(), p.dir().string() + "/", p.dir().string() + "/./",
        (p.dir() / "data" / "..").string()}) {
    ProjectContext ctx = p.context();
    ctx.project_dir = spelling;
    LoadResult r = load_project(ctx, {});
    ASSERT_EQ(r.diagnostics.size(), 1u) << spelling << "\n" << dump(r.diagnostics);
    EXPECT_EQ(r.diagnostics[0].where.file, "data/conseillers/sub/c.yaml") << spelling;
  }
}

TEST(Folders, AMisspeltDataFolderIsReportedNotIgnored) {
  TempProject p;
  p.write("data/structure/mairie-x.yaml", std::string(k_structure));
  p.write("data/notes.txt", "pas un enregistrement");
  p.write("data/conseiller.yaml", std::string(k_conseiller));
  LoadResult r = p.load();
  ASSERT_EQ(r.diagnostics.size(), 2u) << dump(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].where.file, "data/conseiller.yaml");
  EXPECT_EQ(r.diagnostics[0].message,
            "« data/conseiller.yaml » n'est pas lu ; vouliez-vous dire « data/conseillers » ?");
  EXPECT_EQ(r.diagnostics[1].code, "unknown-folder");
  EXPECT_EQ(r.diagnostics[1].severity, Severity::Warning);
  EXPECT_EQ(r.diagnostics[1].message,
            "« data/structure/ » n'est pas lu ; vouliez-vous dire « data/structures » ?");
}

}  // namespace
}  // namespace tampon
