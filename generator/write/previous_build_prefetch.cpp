#include "write/previous_build_prefetch.hpp"

#include <sys/stat.h>

#include <utility>

#include "write/manifest_memory.hpp"

namespace tampon {
namespace {

// The identity of `out_dir`/.tampon-stamps, by lstat: nothing for a link, a folder, a FIFO.
std::optional<FileIdentity> stamps_identity(const std::filesystem::path& out_dir) {
  struct stat st {};
  if (::lstat((out_dir / OutputStamps::k_file_name).c_str(), &st) != 0) return std::nullopt;
  return file_identity(st);
}

}  // namespace

PreviousBuildPrefetch::PreviousBuildPrefetch(const std::filesystem::path& out_dir)
    : m_reader([this, path = out_dir / "manifest.json", out_dir] {
        // The identity before the bytes: a file changed while it is read then has another
        // identity when the build checks it, and is read again.
        m_identity = ManifestMemory::identity_of(out_dir);
        if (m_identity) m_manifest = Manifest::read(path, &m_problems);
        m_stamps_identity = stamps_identity(out_dir);
        if (m_stamps_identity) m_stamps = OutputStamps::read(out_dir);
      }) {}

void PreviousBuildPrefetch::wait() {
  if (m_reader.joinable()) m_reader.join();
}

std::optional<Manifest> PreviousBuildPrefetch::take(const std::filesystem::path& out_dir,
                                                    std::vector<std::string>& problems) {
  wait();
  std::optional<FileIdentity> kept = std::exchange(m_identity, std::nullopt);
  if (!kept || ManifestMemory::identity_of(out_dir) != kept) return std::nullopt;
  problems.insert(problems.end(), std::make_move_iterator(m_problems.begin()),
                  std::make_move_iterator(m_problems.end()));
  return std::move(m_manifest);
}

std::optional<OutputStamps> PreviousBuildPrefetch::take_stamps(
    const std::filesystem::path& out_dir) {
  wait();
  std::optional<FileIdentity> kept = std::exchange(m_stamps_identity, std::nullopt);
  if (!kept || stamps_identity(out_dir) != kept) return std::nullopt;
  // --out as the build now holds it, not the folder of that name when the stamps were read.
  if (!m_stamps.rebind(out_dir)) return std::nullopt;
  return std::move(m_stamps);
}

}  // namespace tampon
