#include "io/sha256.hpp"

#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>

#include <fstream>
#include <memory>

#include "tampon/diagnostic.hpp"

namespace tampon {
namespace {

/// SHA-256 fetched once: `EVP_sha256()` makes OpenSSL 3 look the algorithm up again at every
/// EVP_DigestInit_ex (a lock, a property query): 2 % of a 1 000-page site build, which hashes
/// every page it reads and every file it writes.
const EVP_MD* sha256_md() {
  static const EVP_MD* const k_md = [] {
    const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md ? md : EVP_sha256();
  }();
  return k_md;
}

struct Hasher {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), EVP_MD_CTX_free};
  Hasher() { EVP_DigestInit_ex(ctx.get(), sha256_md(), nullptr); }
  void update(const void* data, std::size_t size) { EVP_DigestUpdate(ctx.get(), data, size); }
  std::string hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    static const char* k_hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
      out += k_hex[digest[i] >> 4];
      out += k_hex[digest[i] & 15];
    }
    return out;
  }
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Hasher h;
  h.update(bytes.data(), bytes.size());
  return h.hex();
}

std::string sha256_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Fatal("impossible de lire " + path.string());
  Hasher h;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    h.update(buffer, static_cast<std::size_t>(in.gcount()));
  return h.hex();
}

std::string sha256_fd(int fd) {
  Hasher h;
  char buffer[1 << 16];
  while (true) {
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return {};
    if (got == 0) break;
    h.update(buffer, static_cast<std::size_t>(got));
  }
  return h.hex();
}

}  // namespace tampon
