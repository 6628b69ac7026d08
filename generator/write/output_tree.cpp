#include "write/output_tree.hpp"

#include <fstream>
#include <mutex>

#include "tampon/diagnostic.hpp"

namespace tampon {
namespace fs = std::filesystem;

namespace {
std::mutex g_mkdir_mutex;  // create_directories is not safe against itself on one path

void ensure_parent(const fs::path& path) {
  std::lock_guard lock(g_mkdir_mutex);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw Fatal("impossible de créer le dossier " + path.parent_path().string() + " : " +
                ec.message());
}
}  // namespace

OutputTree::OutputTree(fs::path out_dir) : m_root(std::move(out_dir)) {
  std::error_code ec;
  m_root_existed = fs::exists(m_root, ec);
  m_staging = m_root / ".tampon-tmp";
}

OutputTree::~OutputTree() { discard(); }

fs::path OutputTree::stage(const std::string& relative) {
  fs::path path = m_staging / relative;
  ensure_parent(path);
  return path;
}

void OutputTree::commit(const std::string& relative) {
  fs::path target = m_root / relative;
  ensure_parent(target);
  std::error_code ec;
  fs::rename(m_staging / relative, target, ec);
  if (ec) throw Fatal("impossible de placer " + target.string() + " : " + ec.message());
}

void OutputTree::remove_stale(const std::string& relative) {
  std::error_code ec;
  fs::path target = m_root / relative;
  fs::remove(target, ec);
  // Drop folders left empty, up to --out itself.
  for (fs::path dir = target.parent_path(); dir != m_root && fs::is_empty(dir, ec) && !ec;
       dir = dir.parent_path())
    fs::remove(dir, ec);
}

void OutputTree::write_atomically(const std::string& relative, const std::string& bytes) {
  fs::path target = m_root / relative;
  fs::path temp = target;
  temp += ".tampon-tmp";
  ensure_parent(target);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(temp, ec);
      throw Fatal("écriture impossible de " + target.string() + " (disque plein ?)");
    }
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) throw Fatal("impossible de placer " + target.string() + " : " + ec.message());
}

void OutputTree::discard() {
  std::error_code ec;
  fs::remove_all(m_staging, ec);
  if (!m_root_existed && fs::exists(m_root, ec) && fs::is_empty(m_root, ec)) fs::remove(m_root, ec);
}

}  // namespace tampon
