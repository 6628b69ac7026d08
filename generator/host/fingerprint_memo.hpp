#pragma once
/// The fingerprints of a process's previous builds (`tampon serve`), each with the text it was
/// hashed from (host/plan_jobs.cpp): a job whose text is the same, byte for byte, gets the same
/// fingerprint without hashing a thousand texts again. Exact, so it can never be stale; only
/// worth its memory in a process that builds again (a one-shot build keeps none).
#include <string>
#include <unordered_map>

namespace tampon {

class FingerprintMemo {
 public:
  /// The fingerprint of `path` when it was last made from exactly `text`, or nullptr. Safe to
  /// call from several threads while nothing is kept.
  const std::string* find(const std::string& path, const std::string& text) const {
    auto it = m_entries.find(path);
    return it != m_entries.end() && it->second.text == text ? &it->second.fingerprint : nullptr;
  }
  void keep(const std::string& path, std::string text, std::string fingerprint) {
    m_entries[path] = Entry{std::move(text), std::move(fingerprint)};
  }
  std::size_t size() const { return m_entries.size(); }

 private:
  struct Entry {
    std::string text, fingerprint;
  };
  std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace tampon
