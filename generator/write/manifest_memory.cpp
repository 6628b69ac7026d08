#include "write/manifest_memory.hpp"

#include <sys/stat.h>

#include <utility>

namespace tampon {

std::optional<FileIdentity> ManifestMemory::identity_of(const std::filesystem::path& out_dir) {
  struct stat st {};
  if (::lstat((out_dir / "manifest.json").c_str(), &st) != 0) return std::nullopt;
  return file_identity(st);  // nothing for a link, a folder, a FIFO
}

std::optional<Manifest> ManifestMemory::take(const std::filesystem::path& out_dir) {
  if (!identity) return std::nullopt;
  std::optional<FileIdentity> now = identity_of(out_dir);
  std::optional<FileIdentity> kept = std::exchange(identity, std::nullopt);
  if (!now || *now != *kept) return std::nullopt;
  return std::move(manifest);
}

void ManifestMemory::keep(Manifest kept, const std::filesystem::path& out_dir) {
  identity = identity_of(out_dir);
  manifest = std::move(kept);
  if (!identity) manifest = Manifest{};
}

}  // namespace tampon
