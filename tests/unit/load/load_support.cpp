#include "load_support.hpp"

#include <atomic>
#include <fstream>
#include <random>

namespace tampon::testing {

namespace fs = std::filesystem;

TempProject::TempProject() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  m_dir = fs::temp_directory_path() /
          ("tampon-load-test-" + std::to_string(rd()) + "-" + std::to_string(counter++));
  fs::create_directories(m_dir);
}

TempProject::~TempProject() {
  std::error_code ec;
  fs::remove_all(m_dir, ec);
}

void TempProject::write(std::string_view relative, std::string_view text) const {
  fs::path p = m_dir / relative;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

ProjectContext TempProject::context() const {
  ProjectContext ctx;
  ctx.project_dir = m_dir;
  ctx.shipped_dir = TAMPON_SOURCE_DIR;
  return ctx;
}

LoadResult TempProject::load(unsigned jobs, const fs::path& cache) const {
  LoadOptions options;
  options.jobs = jobs;
  options.cache_dir = cache;
  return load_project(context(), options);
}

std::vector<const Diagnostic*> with_code(const LoadResult& r, std::string_view code) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code) out.push_back(&d);
  return out;
}

std::string dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics)
    out += d.where.file + ":" + std::to_string(d.where.line) + ":" +
           std::to_string(d.where.column) + ": " + d.code + ": " + d.message + "\n";
  return out;
}

}  // namespace tampon::testing
