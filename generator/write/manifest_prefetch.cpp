#include "write/manifest_prefetch.hpp"

#include <utility>

#include "write/manifest_memory.hpp"

namespace tampon {

ManifestPrefetch::ManifestPrefetch(const std::filesystem::path& out_dir)
    : m_reader([this, path = out_dir / "manifest.json", out_dir] {
        // The identity before the bytes: a file changed while it is read then has another
        // identity when the build checks it, and is read again.
        m_identity = ManifestMemory::identity_of(out_dir);
        if (m_identity) m_manifest = Manifest::read(path, &m_problems);
      }) {}

void ManifestPrefetch::wait() {
  if (m_reader.joinable()) m_reader.join();
}

std::optional<Manifest> ManifestPrefetch::take(const std::filesystem::path& out_dir,
                                               std::vector<std::string>& problems) {
  wait();
  std::optional<FileIdentity> kept = std::exchange(m_identity, std::nullopt);
  if (!kept || ManifestMemory::identity_of(out_dir) != kept) return std::nullopt;
  problems.insert(problems.end(), std::make_move_iterator(m_problems.begin()),
                  std::make_move_iterator(m_problems.end()));
  return std::move(m_manifest);
}

}  // namespace tampon
