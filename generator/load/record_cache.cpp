#include "load/record_cache.hpp"

#include <cstring>
#include <fstream>
#include <unordered_set>

#include <unistd.h>

#include "load/record_codec.hpp"

namespace tampon::load {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_magic = "TMPNRC\r\n";  // the CR LF catches text-mode mangling

std::string cache_key() { return std::string(TAMPON_VERSION) + "|" + record_layout_signature(); }

class PackReader {
 public:
  explicit PackReader(std::string_view s) : m_s(s) {}
  bool ok() const { return m_ok; }
  bool done() const { return m_pos == m_s.size(); }
  std::string_view bytes(std::size_t n) {
    if (!m_ok || m_s.size() - m_pos < n) {
      m_ok = false;
      return {};
    }
    auto out = m_s.substr(m_pos, n);
    m_pos += n;
    return out;
  }
  template <class T>
  T number() {
    T v{};
    auto b = bytes(sizeof(T));
    if (m_ok) std::memcpy(&v, b.data(), sizeof(T));
    return v;
  }

 private:
  std::string_view m_s;
  std::size_t m_pos = 0;
  bool m_ok = true;
};

template <class T>
void append_number(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof(T));
}

std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::string data;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size <= 0) return {};
  data.resize(static_cast<std::size_t>(size));
  in.seekg(0);
  in.read(data.data(), size);
  if (!in) return {};
  return data;
}

}  // namespace

std::uint64_t checksum64(std::string_view bytes) {
  // Eight bytes per step (multiply and fold), then the tail byte by byte: a corruption check,
  // not a cryptographic hash.
  std::uint64_t h = 0xcbf29ce484222325ull ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, 8);
    h = (h ^ word) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001b3ull;
  return h;
}

std::size_t RecordCache::DigestHash::operator()(const Sha256& d) const {
  std::size_t h = 0;
  std::memcpy(&h, d.data(), sizeof(h));
  return h;
}

fs::path RecordCache::pack_path(const fs::path& dir, const fs::path& project_dir) {
  std::error_code ec;
  fs::path absolute = normal_dir(fs::absolute(project_dir, ec));
  return dir / ("records-" + hex(sha256(absolute.generic_string())).substr(0, 16) + ".cache");
}

RecordCache RecordCache::open(const fs::path& dir, const fs::path& project_dir) {
  RecordCache cache;
  cache.m_path = pack_path(dir, project_dir);
  cache.m_pack = read_whole(cache.m_path);
  PackReader r(cache.m_pack);
  if (r.bytes(k_magic.size()) != k_magic || r.number<std::uint32_t>() != k_format ||
      r.bytes(r.number<std::uint32_t>()) != cache_key()) {
    cache.m_pack.clear();
    return cache;
  }
  auto count = r.number<std::uint32_t>();
  for (std::uint32_t i = 0; i < count && r.ok(); ++i) {
    Sha256 digest{};
    auto d = r.bytes(digest.size());
    auto checksum = r.number<std::uint64_t>();
    auto payload = r.bytes(r.number<std::uint32_t>());
    if (!r.ok()) break;
    std::memcpy(digest.data(), d.data(), digest.size());
    cache.m_index.emplace(digest, Entry{payload, checksum});
  }
  if (!r.ok() || !r.done()) {  // truncated: trust nothing
    cache.m_index.clear();
    cache.m_pack.clear();
  }
  return cache;
}

std::optional<FileResult> RecordCache::find(const Sha256& digest, std::uint32_t file_index) const {
  auto it = m_index.find(digest);
  if (it == m_index.end()) return std::nullopt;
  if (checksum64(it->second.payload) != it->second.checksum) return std::nullopt;
  return decode_file_result(it->second.payload, file_index);
}

void RecordCache::keep_existing(const Sha256& digest) { m_kept.push_back(digest); }

void RecordCache::keep(const Sha256& digest, std::string payload) {
  m_kept.push_back(digest);
  m_fresh.insert_or_assign(digest, std::move(payload));
  m_changed = true;
}

bool RecordCache::save() {
  std::unordered_set<Sha256, DigestHash> unique(m_kept.begin(), m_kept.end());
  if (!m_changed && unique.size() == m_index.size()) return true;  // nothing new, nothing stale
  std::error_code ec;
  fs::create_directories(m_path.parent_path(), ec);
  fs::path tmp = m_path;
  tmp += ".tmp-" + std::to_string(::getpid());
  bool ok = write_pack(tmp, unique.size());
  if (ok) fs::rename(tmp, m_path, ec);
  if (!ok || ec) fs::remove(tmp, ec);
  return ok && !ec;
}

// Streams the entries to `path`, freeing each fresh payload once written, so saving never
// holds a second copy of the whole pack in memory.
bool RecordCache::write_pack(const fs::path& path, std::size_t count) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  std::string header(k_magic);
  append_number(header, k_format);
  std::string key = cache_key();
  append_number(header, static_cast<std::uint32_t>(key.size()));
  header += key;
  append_number(header, static_cast<std::uint32_t>(count));
  f.write(header.data(), static_cast<std::streamsize>(header.size()));
  std::unordered_set<Sha256, DigestHash> written;
  for (const Sha256& digest : m_kept) {
    if (!written.insert(digest).second) continue;
    auto fresh = m_fresh.find(digest);
    std::string_view payload =
        fresh != m_fresh.end() ? std::string_view(fresh->second) : m_index.at(digest).payload;
    std::string entry(reinterpret_cast<const char*>(digest.data()), digest.size());
    append_number(entry, checksum64(payload));
    append_number(entry, static_cast<std::uint32_t>(payload.size()));
    f.write(entry.data(), static_cast<std::streamsize>(entry.size()));
    f.write(payload.data(), static_cast<std::streamsize>(payload.size()));
    if (fresh != m_fresh.end()) m_fresh.erase(fresh);
  }
  return f.good();
}

}  // namespace tampon::load
