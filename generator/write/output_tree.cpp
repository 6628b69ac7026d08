#include "write/output_tree.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <set>
#include <streambuf>
#include <system_error>

#include "io/whole_file.hpp"
#include "tampon/diagnostic.hpp"
#include "write/io_error.hpp"
#include "write/output_stamps.hpp"

namespace tampon {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_lock_name = ".tampon-lock";
constexpr std::uintmax_t k_max_journal_bytes = 256u << 20;

[[noreturn]] void cannot_create(const fs::path& dir, int error) {
  throw_io("impossible de créer le dossier", dir, error);
}

// The staged file's name: a number unique in this build, then the final file name, so that
// a library that looks at the extension (or a person looking at a crashed build) sees it.
std::string staged_name(std::uint64_t n, const std::string& relative) {
  fs::path name = fs::path(relative).filename();
  std::string kept = name.native().size() <= 200 ? name.native() : name.extension().native();
  return std::to_string(n) + "-" + kept;
}

// An ostream onto a descriptor that remembers the first write error (errno).
class FdBuffer final : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : m_fd(fd) { setp(m_buffer, m_buffer + sizeof m_buffer); }
  int error() const { return m_error; }
  int sync() override { return flush() ? 0 : -1; }

 protected:
  int_type overflow(int_type c) override {
    if (!flush()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* data, std::streamsize n) override {
    if (n < static_cast<std::streamsize>(sizeof m_buffer)) return std::streambuf::xsputn(data, n);
    if (!flush() || !put(data, static_cast<std::size_t>(n))) return 0;
    return n;
  }

 private:
  bool flush() {
    bool ok = put(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(m_buffer, m_buffer + sizeof m_buffer);
    return ok;
  }
  bool put(const char* data, std::size_t size) {
    while (size > 0 && m_error == 0) {
      ssize_t put = ::write(m_fd, data, size);
      if (put < 0 && errno == EINTR) continue;
      if (put <= 0) {
        m_error = put < 0 ? errno : EIO;
        break;
      }
      data += put;
      size -= static_cast<std::size_t>(put);
    }
    return m_error == 0;
  }
  int m_fd;
  int m_error = 0;
  char m_buffer[1 << 16];
};

// Whether the folder `path` (`relative` under --out) holds only files of `files`, at any depth,
// and no link nor any folder without one of them: then it goes when they are removed (the
// removals prune the folders they empty), and a file may take its place.
bool only_files_of(const fs::path& path, const std::string& relative,
                   const std::unordered_set<std::string>& files) {
  std::error_code ec;
  std::vector<std::string> folders{relative};
  std::size_t found = 0;
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string inside = relative + "/" + it->path().lexically_relative(path).generic_string();
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      folders.push_back(inside);
    } else if (files.contains(inside)) {
      ++found;
    } else {
      return false;
    }
  }
  if (ec || found == 0) return false;
  for (const auto& folder : folders) {
    bool pruned = false;
    for (const auto& file : files) pruned |= file.starts_with(folder + "/");
    if (!pruned) return false;
  }
  return true;
}

std::string read_journal(const OutFolder& out) {
  Fd fd(::openat(out.fd(), std::string(k_journal_name).c_str(),
                 O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::uintmax_t>(st.st_size) > k_max_journal_bytes)
    return {};
  std::string text;
  if (!read_whole_fd(fd.get(), text, static_cast<std::size_t>(st.st_size))) return {};
  return text;
}

}  // namespace

OutputTree::OutputTree(fs::path out_dir, Options options)
    : m_root(std::move(out_dir)), m_options(std::move(options)) {
  m_staging = m_root / k_staging_name;
  m_tree = m_staging / "tree";  // flat names start with a number and a dash: no clash
}

OutputTree::~OutputTree() {
  if (!m_committed) discard();
}

void OutputTree::open() {
  // The build we waited for may have been a first build that failed: it then removes the lock
  // file and the folder it made. Holding a lock on that unlinked file would let a third build
  // lock the new one beside us, so after waiting we check that what we hold is still what
  // --out names, and start again when it is not.
  for (;;) {
    m_out = std::make_unique<OutFolder>(m_root);
    m_lock = Fd(::openat(m_out->fd(), std::string(k_lock_name).c_str(),
                         O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!m_lock) throw_io("impossible d'ouvrir le verrou", m_root / k_lock_name, errno);
    if (::flock(m_lock.get(), LOCK_EX | LOCK_NB) == 0) break;  // nobody before us
    if (errno != EWOULDBLOCK) throw_io("impossible de verrouiller", m_root / k_lock_name, errno);
    if (m_options.on_wait) m_options.on_wait();
    while (::flock(m_lock.get(), LOCK_EX) != 0)
      if (errno != EINTR) throw_io("impossible de verrouiller", m_root / k_lock_name, errno);
    if (holds_current_lock()) break;
  }
  recover();
}

bool OutputTree::holds_current_lock() const {
  struct stat held {
  }, named{}, folder{}, root{};
  return ::fstat(m_lock.get(), &held) == 0 &&
         ::fstatat(m_out->fd(), std::string(k_lock_name).c_str(), &named, AT_SYMLINK_NOFOLLOW) ==
             0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino &&
         ::fstat(m_out->fd(), &folder) == 0 && ::stat(m_root.c_str(), &root) == 0 &&
         folder.st_dev == root.st_dev && folder.st_ino == root.st_ino;
}

// Before anything else: a journal means a commit passed its commit point and may not have
// ended. Replaying it (idempotent) gives the build it was committing; a damaged one was never
// renamed into place whole, so it cannot be past its commit point (it is only dropped).
void OutputTree::recover() {
  struct stat st {};
  std::string journal(k_journal_name);
  if (::fstatat(m_out->fd(), journal.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
    std::string text = read_journal(*m_out);
    if (auto ops = parse_journal(text)) {
      apply_journal(*m_out, *ops, m_options.faults);
      m_out->sync(m_options.faults);
      m_recovery_note =
          "la construction précédente a été interrompue pendant la mise en place de ses "
          "fichiers : elle a été terminée avant celle-ci";
    } else {
      m_recovery_note = "journal de mise en place illisible (" + (m_root / journal).string() +
                        ") : ignoré ; les fichiers produits sont vérifiés un à un";
    }
    if (::unlinkat(m_out->fd(), journal.c_str(), 0) != 0 && errno != ENOENT)
      throw_io("impossible de supprimer", m_root / journal, errno);
  }
  m_out->remove_tree(k_staging_name);  // left by a build that crashed: its names could clash
}

// Creates `dir` (inside the staging folder, which this build made) and the missing folders
// above it, one mkdir per folder and per build. mkdir runs outside the lock, so render
// threads create different folders side by side; a thread that needs a folder another is
// making waits for it.
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
  if (int error = injected(m_options.faults, FsOp::Write, dir.native())) cannot_create(dir, error);
  if (::mkdir(dir.c_str(), 0777) == 0) return true;
  int error = errno;
  if (error == ENOENT && dir != m_staging) {
    ensure_folder(dir.parent_path());
    ++calls;
    if (::mkdir(dir.c_str(), 0777) == 0) return true;
    error = errno;
  }
  if (error != EEXIST) cannot_create(dir, error);
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) cannot_create(dir, ENOTDIR);
  return false;
}

void OutputTree::ensure_staging() {
  if (!m_out) open();
  ensure_folder(m_staging);
}

// Whether --out has `relative_dir` as a real folder (not a link), as it was when first asked.
// Thread-safe.
bool OutputTree::out_has_folder(const std::string& relative_dir) {
  {
    std::lock_guard lock(m_mutex);
    auto it = m_in_out.find(relative_dir);
    if (it != m_in_out.end()) return it->second;
  }
  // Inside a folder --out lacks, no need to ask the file system: a first site build would
  // open a thousand page folders that cannot exist.
  auto [parent, name] = split_parent(relative_dir);
  bool is_folder = parent.empty() || out_has_folder(std::string(parent));
  if (is_folder) {
    try {
      is_folder = static_cast<bool>(m_out->folder(relative_dir, false));
    } catch (const Fatal&) {
      is_folder = false;  // a link or a file: refused before rendering (OutFolder::blocked)
    }
  }
  std::lock_guard lock(m_mutex);
  return m_in_out.emplace(relative_dir, is_folder).first->second;
}

void OutputTree::open_staging() {
  std::call_once(m_staging_once, [this] { ensure_staging(); });
}

fs::path OutputTree::stage(const std::string& relative) {
  open_staging();
  auto [parent, name] = split_parent(relative);
  if (parent.empty() || out_has_folder(std::string(parent)))
    return m_staging / staged_name(m_counter.fetch_add(1), relative);
  fs::path staged = m_tree / relative;
  ensure_folder(staged.parent_path());
  m_staged_in_tree.fetch_add(1, std::memory_order_relaxed);
  return staged;
}

std::string OutputTree::staged_relative(const fs::path& staged) const {
  return std::string(k_staging_name) + "/" + staged.lexically_relative(m_staging).generic_string();
}

void OutputTree::place(const fs::path& staged, const std::string& relative) {
  if (staged.parent_path() == m_staging) {  // flat: its folder is in --out already
    m_placements.push_back({JournalOp::Kind::Place, staged_relative(staged), relative});
    return;
  }
  // Staged in a new folder: the topmost folder --out lacks goes in whole, with every file
  // staged under it.
  std::string folder;
  for (const auto& part : fs::path(relative).parent_path()) {
    folder += folder.empty() ? part.native() : "/" + part.native();
    if (m_moved.contains(folder)) return;  // goes in with its folder
    if (!out_has_folder(folder)) break;
  }
  m_moved.insert(folder);
  m_placements.push_back(
      {JournalOp::Kind::Place, staged_relative(m_tree / folder), std::move(folder)});
}

void OutputTree::remove(const std::string& relative) {
  m_removals.push_back({JournalOp::Kind::Remove, {}, relative});
}

void OutputTree::stage_tool_file(const std::string& name,
                                 const std::function<void(std::ostream&)>& write) {
  open_staging();
  fs::path path = m_staging / ("tool-" + name);
  int error = injected(m_options.faults, FsOp::Write, name);
  Fd fd(error ? -1
              : ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
  if (!fd) throw_io("écriture impossible de", m_root / name, error ? error : errno);
  FdBuffer buffer(fd.get());
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (buffer.error() || !out) throw_io("écriture impossible de", m_root / name, buffer.error());
  if (::close(fd.release()) != 0) throw_io("écriture impossible de", m_root / name, errno);
  m_tool_files.push_back({JournalOp::Kind::Place, staged_relative(path), name});
}

void OutputTree::write_staged(const std::string& name, std::string_view bytes) {
  stage_tool_file(name, [&](std::ostream& out) {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  });
  m_tool_files.pop_back();  // not an output: placed by hand
}

void OutputTree::check_free(const std::vector<std::string>& targets,
                            const std::vector<std::string>& removed,
                            const std::vector<std::string>& folders) const {
  std::unordered_set<std::string> giving_way(removed.begin(), removed.end());
  std::unordered_set<std::string> checked;
  // Folders --out lacks: nothing under them can be in the way. A first build of a 1 000-page
  // site asked the file system about each page's folder and file (5 000 calls, one thread).
  std::unordered_set<std::string> missing;
  FolderWalk walk(*m_out);
  auto any_part_in = [](const std::unordered_set<std::string>& set, std::string_view path) {
    for (std::string_view part = path; !part.empty(); part = split_parent(part).first)
      if (set.contains(std::string(part))) return true;
    return false;
  };
  auto check_folder = [&](const std::string& folder) {
    if (!checked.insert(folder).second || any_part_in(giving_way, folder)) return;
    std::string absent;
    if (auto why = walk.blocked(folder, &absent)) throw Fatal(*why);
    if (!absent.empty()) missing.insert(std::move(absent));
  };
  for (const auto& folder : folders) check_folder(folder);
  for (const auto& target : targets) {
    std::string parent(split_parent(target).first);
    if (!missing.empty() && any_part_in(missing, parent)) continue;
    check_folder(parent);
    if (!missing.empty() && any_part_in(missing, parent)) continue;
    struct stat st {};
    fs::path path = m_root / target;
    if (::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) &&
        !only_files_of(path, target, giving_way))
      throw Fatal(path.string() +
                  " est un dossier, là où Tampon doit écrire un fichier : déplacez-le ou "
                  "choisissez un autre --out");
  }
}

void OutputTree::commit(const std::vector<StampedOutput>& outputs) {
  open_staging();
  const FaultInjector* faults = m_options.faults;
  std::vector<JournalOp> ops = std::move(m_removals);
  ops.insert(ops.end(), m_placements.begin(), m_placements.end());
  ops.insert(ops.end(), m_tool_files.begin(), m_tool_files.end());
  m_placements.clear();
  m_tool_files.clear();
  // Checked again here, after rendering: past the commit point a failure would be replayed.
  {
    std::vector<std::string> targets, removed;
    for (const auto& op : ops) {
      if (op.kind == JournalOp::Kind::Remove) {
        removed.push_back(op.to);
      } else if (op.from.starts_with(std::string(k_staging_name) + "/tree/")) {
        targets.push_back(op.to + "/.");  // a folder moved in whole: its own path must be free
      } else {
        targets.push_back(op.to);
      }
    }
    check_free(targets, removed);
  }

  // 1. Every staged byte on disk before the journal can name it.
  write_staged("journal", journal_text(ops));
  const bool one_by_one = syncs_one_by_one(ops);
  if (one_by_one)
    sync_staged(ops);
  else
    m_out->sync(faults);
  // 2. The commit point: the whole journal appears under its name in one rename.
  Fd staging = m_out->folder(k_staging_name, false);
  m_out->rename(staging.get(), "tool-journal", m_out->fd(), std::string(k_journal_name),
                k_journal_name, faults);
  m_committed = true;  // from here on the journal, not discard(), decides
  if (::fsync(m_out->fd()) != 0) throw_io("impossible d'enregistrer", m_root, errno);
  // 3. Carry it out; a crash from here is finished by the next build's `open`.
  apply_journal(*m_out, ops, faults);
  m_commit_renames = 0;
  for (const auto& op : ops) m_commit_renames += op.kind == JournalOp::Kind::Place;
  // 4. Stamps for the next build's checks; then the end of the transaction.
  write_staged("stamps", OutputStamps::text_of(m_root, outputs));
  m_out->rename(staging.get(), "tool-stamps", m_out->fd(), OutputStamps::k_file_name,
                OutputStamps::k_file_name, faults);
  if (one_by_one)
    sync_placed(ops);
  else
    m_out->sync(faults);
  if (::unlinkat(m_out->fd(), std::string(k_journal_name).c_str(), 0) != 0)
    throw_io("impossible de supprimer", m_root / k_journal_name, errno);
  staging = Fd();
  m_out->remove_tree(k_staging_name);
}

// syncfs is one barrier for the whole file system, but it also waits for every other
// program's unwritten data there (a large copy under way made a one-salary rebuild's commit
// take a second instead of 0.2 s); fsync costs about a journal commit per file on ext4. So
// a commit of a few files flushes its own, and a large one (a first build) the file system.
bool OutputTree::syncs_one_by_one(const std::vector<JournalOp>& ops) const {
  std::size_t files = 2 + m_staged_in_tree.load();  // the journal, the stamps
  for (const auto& op : ops) files += op.kind == JournalOp::Kind::Place;
  return files <= m_options.max_files_synced_one_by_one;
}

// Barrier 1, file by file: each staged file or folder the journal names, and the folders
// holding their names in staging (so that replaying the journal after a crash finds them).
void OutputTree::sync_staged(const std::vector<JournalOp>& ops) const {
  const FaultInjector* faults = m_options.faults;
  const std::string tree_prefix = std::string(k_staging_name) + "/tree/";
  std::set<std::string, std::greater<>> folders;  // deepest first
  for (const auto& op : ops) {
    if (op.kind != JournalOp::Kind::Place) continue;
    if (op.from.starts_with(tree_prefix))
      m_out->sync_tree(op.from, faults);
    else
      m_out->sync_file(op.from, faults);
    for (auto parent = split_parent(op.from).first; !parent.empty();
         parent = split_parent(parent).first)
      folders.emplace(parent);
  }
  m_out->sync_file(std::string(k_staging_name) + "/tool-journal", faults);
  folders.emplace(k_staging_name);
  for (const auto& folder : folders) m_out->sync_folder(folder, faults);
}

// Barrier 2, file by file: the folders whose names the journal changed (a removal may have
// pruned its folder and those above it: each is synced if still there), the stamps, --out.
void OutputTree::sync_placed(const std::vector<JournalOp>& ops) const {
  const FaultInjector* faults = m_options.faults;
  std::set<std::string, std::greater<>> folders;
  for (const auto& op : ops) {
    for (auto parent = split_parent(op.to).first; !parent.empty();
         parent = split_parent(parent).first) {
      folders.emplace(parent);
      if (op.kind == JournalOp::Kind::Place) break;  // its folder was there before
    }
  }
  m_out->sync_file(OutputStamps::k_file_name, faults);
  for (const auto& folder : folders) m_out->sync_folder(folder, faults);
  m_out->sync_folder("", faults);
}

void OutputTree::replace_cache_file(const std::string& name, std::string_view text) {
  if (!m_out) return;
  const std::string fresh = name + ".new";
  ::unlinkat(m_out->fd(), fresh.c_str(), 0);  // left by a crash: a file or a link, never followed
  Fd fd(::openat(m_out->fd(), fresh.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                 0666));
  if (!fd) throw_io("écriture impossible de", m_root / name, errno);
  FdBuffer buffer(fd.get());
  std::ostream out(&buffer);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.flush();
  if (buffer.error() || !out) throw_io("écriture impossible de", m_root / name, buffer.error());
  if (::close(fd.release()) != 0) throw_io("écriture impossible de", m_root / name, errno);
  if (::renameat(m_out->fd(), fresh.c_str(), m_out->fd(), name.c_str()) != 0)
    throw_io("écriture impossible de", m_root / name, errno);
}

void OutputTree::discard() {
  if (!m_out) return;
  m_out->remove_tree(k_staging_name);
  if (m_out->created()) {
    // Nothing of this build may stay: not even the folder it made for itself.
    ::unlinkat(m_out->fd(), std::string(k_lock_name).c_str(), 0);
    std::error_code ec;
    if (fs::is_empty(m_root, ec) && !ec) fs::remove(m_root, ec);
  }
}

std::size_t OutputTree::mkdir_calls() const {
  std::lock_guard lock(m_mutex);
  return m_mkdir_calls;
}

}  // namespace tampon
