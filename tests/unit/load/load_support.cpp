#include "load_support.hpp"

#include <atomic>
#include <fstream>
#include <random>

#include "load/record_codec.hpp"

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

template <class T>
void add(std::vector<load::Decoded<T>>& to, const std::vector<T>& from) {
  for (const auto& record : from) to.push_back({record, {}});
}

std::string fingerprint(const LoadResult& r) {
  load::FileResult all;
  add(all.structures, r.records.structures);
  add(all.conseillers, r.records.conseillers);
  add(all.conventions, r.records.conventions);
  add(all.avenants, r.records.avenants);
  add(all.versements, r.records.versements);
  add(all.rapports, r.records.rapports);
  add(all.depenses, r.records.depenses);
  std::string out = load::encode_file_result(all) + "\n" + dump(r.diagnostics);
  for (const auto& f : r.files) out += f.path + " " + f.sha256 + "\n";
  for (std::size_t i = 1; i < r.records.files.size(); ++i) out += r.records.files.path(i) + "\n";
  return out;
}

}  // namespace tampon::testing
