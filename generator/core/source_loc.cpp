#include "tampon/source_loc.hpp"

#include <deque>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <unordered_map>

namespace tampon {
namespace {

// Paths live in a deque, whose elements never move, so the map's keys and the views that
// name() returns stay valid while other threads add paths. Readers share the lock: once the
// schema's paths are in, every intern() is a read.
struct PathTable {
  std::shared_mutex mutex;
  std::deque<std::string> paths;
  std::unordered_map<std::string_view, std::uint32_t> ids;
};

PathTable& table() {
  static PathTable* t = new PathTable;  // never destroyed: records may outlive static objects
  return *t;
}

}  // namespace

std::uint32_t FieldPaths::intern(std::string_view path) {
  PathTable& t = table();
  {
    std::shared_lock lock(t.mutex);
    if (auto it = t.ids.find(path); it != t.ids.end()) return it->second;
  }
  std::unique_lock lock(t.mutex);
  if (auto it = t.ids.find(path); it != t.ids.end()) return it->second;  // added meanwhile
  if (t.paths.size() >= UINT32_MAX) throw std::length_error("trop de chemins de champs");
  auto id = static_cast<std::uint32_t>(t.paths.size());
  const std::string& stored = t.paths.emplace_back(path);
  t.ids.emplace(stored, id);
  return id;
}

std::optional<std::uint32_t> FieldPaths::find(std::string_view path) {
  PathTable& t = table();
  std::shared_lock lock(t.mutex);
  if (auto it = t.ids.find(path); it != t.ids.end()) return it->second;
  return std::nullopt;
}

std::string_view FieldPaths::name(std::uint32_t id) {
  PathTable& t = table();
  std::shared_lock lock(t.mutex);
  return t.paths.at(id);
}

std::size_t FieldPaths::size() {
  PathTable& t = table();
  std::shared_lock lock(t.mutex);
  return t.paths.size();
}

SourceLoc FieldLocs::at(std::string_view path) const {
  // Exact field first, then the nearest known parent (`contrat.debut` → `contrat`). A path
  // that no record ever set is in no record either: its parent is tried without a scan.
  while (true) {
    if (auto id = FieldPaths::find(path))
      for (const Entry& e : m_entries)
        if (e.path == *id) return e.loc;
    auto cut = path.find_last_of(".[");
    if (cut == std::string_view::npos) return record;
    path = path.substr(0, cut);
  }
}

}  // namespace tampon
