#include "write/output_tree.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <system_error>

#include "tampon/diagnostic.hpp"

namespace tampon {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void cannot_create(const fs::path& dir, int error) {
  throw Fatal("impossible de créer le dossier " + dir.string() + " : " +
              std::error_code(error, std::generic_category()).message());
}

// The staged file's name: a number unique in this build, then the final file name, so that
// a library that looks at the extension (or a person looking at a crashed build) sees it.
std::string staged_name(std::uint64_t n, const std::string& relative) {
  fs::path name = fs::path(relative).filename();
  std::string kept = name.native().size() <= 200 ? name.native() : name.extension().native();
  return std::to_string(n) + "-" + kept;
}

}  // namespace

OutputTree::OutputTree(fs::path out_dir) : m_root(std::move(out_dir)) {
  std::error_code ec;
  m_root_existed = fs::exists(m_root, ec);
  m_staging = m_root / ".tampon-tmp";
  m_tree = m_staging / "tree";  // flat names start with a number and a dash: no clash
}

OutputTree::~OutputTree() { discard(); }

// Creates `dir` and the missing folders above it, one mkdir per folder and per build: folders
// already made or met are remembered. mkdir runs outside the lock, so render threads create
// different folders side by side; a thread that needs a folder another is making waits for it.
void OutputTree::ensure_folder(const fs::path& dir) {
  if (dir.empty()) return;
  {
    std::unique_lock lock(m_mutex);
    m_folder_made.wait(lock, [&] { return !m_making.contains(dir.native()); });
    if (m_folders.contains(dir.native())) return;
    m_making.insert(dir.native());
  }
  std::size_t calls = 0;
  try {
    make_folder(dir, calls);
  } catch (...) {
    std::lock_guard lock(m_mutex);
    m_making.erase(dir.native());
    m_mkdir_calls += calls;
    m_folder_made.notify_all();
    throw;
  }
  std::lock_guard lock(m_mutex);
  m_making.erase(dir.native());
  m_mkdir_calls += calls;
  m_folders.insert(dir.native());
  m_folder_made.notify_all();
}

// mkdir, and the parent first when it is missing; true if this call created `dir`.
bool OutputTree::make_folder(const fs::path& dir, std::size_t& calls) {
  ++calls;
  if (::mkdir(dir.c_str(), 0777) == 0) return true;
  int error = errno;
  if (error == ENOENT) {
    ensure_folder(dir.parent_path());
    ++calls;
    if (::mkdir(dir.c_str(), 0777) == 0) return true;
    error = errno;
  }
  if (error != EEXIST) cannot_create(dir, error);
  if (std::error_code ec; !fs::is_directory(dir, ec)) cannot_create(dir, ENOTDIR);
  return false;
}

void OutputTree::ensure_staging() {
  std::error_code ec;
  fs::remove_all(m_staging, ec);  // left by a build that crashed: its names could clash
  ensure_folder(m_staging);
}

// Whether --out has `dir` as a folder, as it was when first asked (a folder this build moves
// in is recorded by commit). Thread-safe.
bool OutputTree::out_has_folder(const fs::path& dir) {
  {
    std::lock_guard lock(m_mutex);
    auto it = m_in_out.find(dir.native());
    if (it != m_in_out.end()) return it->second;
  }
  // Inside a folder --out lacks, no need to ask the file system: a first site build would
  // stat a thousand page folders that cannot exist.
  const fs::path parent = dir.parent_path();
  bool below_root = parent.native().size() > m_root.native().size() &&
                    parent.native().starts_with(m_root.native());
  bool is_folder = true;
  if (below_root) is_folder = out_has_folder(parent);
  if (is_folder) {
    std::error_code ec;
    is_folder = fs::is_directory(dir, ec);
  }
  std::lock_guard lock(m_mutex);
  return m_in_out.emplace(dir.native(), is_folder).first->second;
}

void OutputTree::open_staging() {
  std::call_once(m_staging_once, [this] { ensure_staging(); });
}

fs::path OutputTree::stage(const std::string& relative) {
  open_staging();
  if (out_has_folder((m_root / relative).parent_path()))
    return m_staging / staged_name(m_counter.fetch_add(1), relative);
  fs::path staged = m_tree / relative;
  ensure_folder(staged.parent_path());
  return staged;
}

void OutputTree::rename_into_place(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) throw Fatal("impossible de placer " + to.string() + " : " + ec.message());
  std::lock_guard lock(m_mutex);
  ++m_commit_renames;
}

void OutputTree::commit(const fs::path& staged, const std::string& relative) {
  fs::path target = m_root / relative;
  if (staged.parent_path() == m_staging) {  // flat: its folder is in --out already
    std::error_code ec;
    fs::rename(staged, target, ec);
    if (ec == std::errc::no_such_file_or_directory) {  // the folder went while the build ran
      ensure_folder(target.parent_path());
      ec.clear();
      fs::rename(staged, target, ec);
    }
    if (ec) throw Fatal("impossible de placer " + target.string() + " : " + ec.message());
    std::lock_guard lock(m_mutex);
    ++m_commit_renames;
    return;
  }
  // Staged in a new folder: the topmost folder --out lacks goes in whole, with every file
  // staged under it, when its first file is committed. One decision at a time: a folder that
  // another thread is moving in must be seen as moved, not as missing.
  std::lock_guard serialize(m_commit_mutex);
  fs::path folder;  // relative to --out
  for (const auto& part : fs::path(relative).parent_path()) {
    folder /= part;
    std::lock_guard lock(m_mutex);
    if (m_moved.contains(folder.native())) return;  // in place with its folder
  }
  folder.clear();
  for (const auto& part : fs::path(relative).parent_path()) {
    folder /= part;
    if (!out_has_folder(m_root / folder)) break;
  }
  rename_into_place(m_tree / folder, m_root / folder);
  std::lock_guard lock(m_mutex);
  m_moved.insert(folder.native());
  m_in_out[(m_root / folder).native()] = true;
}

void OutputTree::remove_stale(const std::string& relative) {
  std::error_code ec;
  fs::path target = m_root / relative;
  fs::remove(target, ec);
  // Drop folders left empty, up to --out itself.
  std::lock_guard lock(m_mutex);
  for (fs::path dir = target.parent_path(); dir != m_root && fs::is_empty(dir, ec) && !ec;
       dir = dir.parent_path()) {
    fs::remove(dir, ec);
    m_folders.erase(dir.native());
  }
}

void OutputTree::write_atomically(const std::string& relative, const std::string& bytes) {
  write_atomically(relative, [&bytes](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
}

void OutputTree::write_atomically(const std::string& relative,
                                  const std::function<void(std::ostream&)>& write) {
  fs::path target = m_root / relative;
  fs::path temp = target;
  temp += ".tampon-tmp";
  ensure_folder(target.parent_path());
  std::error_code ec;
  try {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    write(out);
    out.close();
    if (!out) throw Fatal("écriture impossible de " + target.string() + " (disque plein ?)");
  } catch (...) {
    fs::remove(temp, ec);
    throw;
  }
  fs::rename(temp, target, ec);
  if (ec) throw Fatal("impossible de placer " + target.string() + " : " + ec.message());
}

void OutputTree::discard() {
  std::error_code ec;
  fs::remove_all(m_staging, ec);
  if (!m_root_existed && fs::exists(m_root, ec) && fs::is_empty(m_root, ec)) fs::remove(m_root, ec);
}

std::size_t OutputTree::mkdir_calls() const {
  std::lock_guard lock(m_mutex);
  return m_mkdir_calls;
}

std::size_t OutputTree::commit_renames() const {
  std::lock_guard lock(m_mutex);
  return m_commit_renames;
}

}  // namespace tampon
