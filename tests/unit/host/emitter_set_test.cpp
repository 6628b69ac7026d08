#include "plugin/emitter_set.hpp"

#include <gtest/gtest.h>

#include "fake_emitter.hpp"
#include "tampon/plugin_abi.h"

namespace tampon {
namespace {
namespace fs = std::filesystem;

const fs::path k_plugins = TAMPON_TEST_PLUGIN_DIR;

std::unique_ptr<Emitter> make_fake() {
  return std::make_unique<testing::FakeEmitter>("exemple", std::vector<OutputJob>{});
}

TEST(EmitterSet, LoadsAModuleBuiltForThisInterfaceVersion) {
  EmitterSet set;
  Diagnostics d;
  ASSERT_TRUE(set.load_module(k_plugins / "sample/sample.so", d))
      << (d.empty() ? "" : d[0].message);
  const Emitter* e = set.find("exemple");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->info().version, "0.1.0");
  EXPECT_EQ(set.all()[0].origin, (k_plugins / "sample/sample.so").string());
}

TEST(EmitterSet, RefusesAModuleBuiltForAnotherInterfaceVersion) {
  EmitterSet set;
  Diagnostics d;
  EXPECT_FALSE(set.load_module(k_plugins / "wrong_abi/wrong_abi.so", d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "plugin-load");
  std::string expected = "version " + std::to_string(TAMPON_PLUGIN_API_VERSION + 998) +
                         ", version attendue " + std::to_string(TAMPON_PLUGIN_API_VERSION);
  EXPECT_NE(d[0].message.find(expected), std::string::npos) << d[0].message;
  EXPECT_EQ(set.find("exemple"), nullptr);
}

TEST(EmitterSet, RefusesAFileThatIsNotALoadableModule) {
  auto bogus = fs::temp_directory_path() / "tampon-pas-un-module.so";
  { std::ofstream(bogus) << "pas un ELF"; }
  EmitterSet set;
  Diagnostics d;
  EXPECT_FALSE(set.load_module(bogus, d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("impossible de charger le module"), std::string::npos);
  fs::remove(bogus);
}

TEST(EmitterSet, RefusesAModuleWhoseNameClashesWithABuiltin) {
  static const BuiltinEmitter table[] = {{"exemple", make_fake, false}};
  EmitterSet set;
  set.add_builtins(table);
  Diagnostics d;
  EXPECT_FALSE(set.load_module(k_plugins / "sample/sample.so", d));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("existe déjà"), std::string::npos);
}

TEST(EmitterSet, LoadsEveryModuleOfAPluginFolderAndReportsTheBadOnes) {
  EmitterSet set;
  Diagnostics d;
  set.load_plugin_dirs({k_plugins / "sample", k_plugins / "wrong_abi", "/nonexistent-dir"}, d);
  EXPECT_NE(set.find("exemple"), nullptr);
  EXPECT_EQ(d.size(), 2u);
}

}  // namespace
}  // namespace tampon
