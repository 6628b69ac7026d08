#include "emit.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace tampon {
std::unique_ptr<Emitter> make_tranches_xlsx_emitter();
std::unique_ptr<Emitter> make_justification_xlsx_emitter();
}  // namespace tampon

namespace tampon::testing {

std::unique_ptr<Emitter> make_tranches() { return make_tranches_xlsx_emitter(); }
std::unique_ptr<Emitter> make_justification() { return make_justification_xlsx_emitter(); }

std::vector<OutputJob> emit_all(const Emitter& emitter, const Model& model,
                                const std::filesystem::path& out) {
  ProjectContext project{out.parent_path(), TAMPON_SOURCE_DIR};
  std::vector<OutputJob> jobs = emitter.plan(model, project, BuildState{});
  for (const OutputJob& job : jobs) {
    std::filesystem::path target = out / job.path;
    std::filesystem::create_directories(target.parent_path());
    TestRenderContext ctx(project, target);
    emitter.render(job, model, BuildState{}, ctx);
  }
  return jobs;
}

std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("tampon-xlsx-" + std::to_string(getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace tampon::testing
