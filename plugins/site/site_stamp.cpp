#include "site_stamp.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "site_model.hpp"

namespace tampon::site {
namespace {

namespace fs = std::filesystem;

void add_tree(const fs::path& root, std::vector<StampEntry>& out) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;  // the type comes with the listing
    struct stat st {};
    if (::stat(it->path().c_str(), &st) != 0) continue;  // one call for size and time
    StampEntry e;
    e.path = it->path().string();
    e.size = static_cast<std::uintmax_t>(st.st_size);
    e.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    out.push_back(std::move(e));
  }
}

}  // namespace

Stamp stamp_of(const ProjectContext& project) {
  Stamp stamp;
  stamp.project = project.project_dir.string();
  stamp.shipped = project.shipped_dir.string();
  add_tree(content_dir_of(project), stamp.files);
  add_tree(project.project_dir / "templates" / "site", stamp.files);
  if (project.shipped_dir != project.project_dir)
    add_tree(project.shipped_dir / "templates" / "site", stamp.files);
  std::sort(stamp.files.begin(), stamp.files.end(),
            [](const StampEntry& a, const StampEntry& b) { return a.path < b.path; });
  return stamp;
}

std::vector<fs::path> changed_between(const Stamp& before, const Stamp& after) {
  std::map<std::string, const StampEntry*> old;
  for (const auto& e : before.files) old.emplace(e.path, &e);
  std::vector<fs::path> changed;
  for (const auto& e : after.files) {
    auto it = old.find(e.path);
    if (it == old.end() || !(*it->second == e)) changed.emplace_back(e.path);
    if (it != old.end()) old.erase(it);
  }
  for (const auto& [path, entry] : old) changed.emplace_back(path);
  return changed;
}

}  // namespace tampon::site
