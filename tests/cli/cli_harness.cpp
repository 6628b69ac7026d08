#include "cli_harness.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

extern char** environ;

namespace tampon::testing {
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Project::Project(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string label = !name.empty() ? name
                      : info        ? std::string(info->test_suite_name()) + "-" + info->name()
                                    : "suite";
  // The process id keeps the folder private: ctest runs each test of a suite in its own
  // process, in parallel, and a shared folder would be wiped by a sibling mid-build.
  m_dir = fs::temp_directory_path() / ("tampon-cli-" + label + "-" + std::to_string(getpid()));
  fs::remove_all(m_dir);
  fs::create_directories(m_dir);
}

Project::~Project() { fs::remove_all(m_dir); }

void Project::write(const std::string& relative, const std::string& content) const {
  fs::path path = m_dir / relative;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

RunResult Project::run(const std::vector<std::string>& args) const {
  // Output goes to files, not pipes: no deadlock whatever the output size.
  fs::path out_file = m_dir / ".stdout", err_file = m_dir / ".stderr";
  std::vector<std::string> argv_storage{TAMPON_EXE};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addchdir_np(&actions, m_dir.c_str());
  pid_t pid = 0;
  RunResult result;
  if (posix_spawn(&pid, TAMPON_EXE, &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  result.out = read_file(out_file);
  result.err = read_file(err_file);
  fs::remove(out_file);
  fs::remove(err_file);
  return result;
}

std::map<std::string, std::string> Project::snapshot(const std::string& relative) const {
  std::map<std::string, std::string> files;
  fs::path root = m_dir / relative;
  if (!fs::exists(root)) return files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    std::string rel = fs::relative(e.path(), root).generic_string();
    // The build lock, the stamps and the plan memo (inodes and times, which differ between
    // identical builds): the tool's bookkeeping, not outputs. A leftover journal or staging would
    // show.
    if (rel == ".tampon-lock" || rel == ".tampon-stamps" || rel == ".tampon-plans") continue;
    files[rel] = e.is_directory() ? "<dossier>" : read_file(e.path());
  }
  return files;
}

void write_minimal_valid_project(const Project& p) {
  p.write("data/structures/mairie-de-bazuel.yaml", R"(id: mairie-de-bazuel
nom: Mairie de Bazuel
type: commune
siret: "21590139700012"
adresse:
  code_postal: "59360"
  commune: Bazuel
departement: "59"
representant:
  nom: Claire Dumont
  qualite: Maire
contact:
  nom: Paul Leroy
  courriel: paul.leroy@example.org
)");
  p.write("data/conseillers/cn-0001.yaml", R"(id: cn-0001
prenom: Camille
nom: Durand
courriel: camille.durand@example.org
structure: mairie-de-bazuel
role: conseiller
contrat:
  type: cdd-droit-public
  debut: 2021-04-01
  fin: 2022-09-30
  heures_hebdo: 35
  salaire_brut_mensuel: 1650.00
  aides_emploi: 0
formation:
  depart: 2021-04-12
  heures: 280
  exemption: false
)");
  p.write("data/conventions/cv-2021-0042.yaml", R"(id: cv-2021-0042
structure: mairie-de-bazuel
regime: relance-2021
signature: 2021-04-02
debut: 2021-04-01
fin: 2023-03-31
postes:
  - numero: 1
    role: conseiller
    conseiller: cn-0001
    montant: 50000
)");
}

}  // namespace tampon::testing
