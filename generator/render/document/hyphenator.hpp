#pragma once
/// French hyphenation points through libhyphen and Debian's hyph_fr.dic. The dictionary is
/// loaded once and shared read-only; results are cached per thread (legal text repeats its
/// words from one document to the next).
#include <string>
#include <string_view>
#include <vector>

namespace tampon::doc {

class Hyphenator {
 public:
  /// The hyphenator of a dictionary file, loaded on first use (thread-safe). Throws
  /// std::runtime_error when the file cannot be loaded.
  static const Hyphenator& load(const std::string& dictionary_file);

  /// Byte offsets inside `word` (UTF-8) where a hyphen may be inserted, at least two
  /// characters from the start and three from the end. Only plain lower-case words are
  /// hyphenated: names (capitalised), figures, and abbreviations are left whole.
  std::vector<std::size_t> points(std::string_view word) const;

  explicit Hyphenator(const std::string& dictionary_file);  // use load()
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

 private:
  std::vector<std::size_t> compute(std::string_view word) const;
  void* m_dict = nullptr;  // HyphenDict*
  std::string m_file;
};

}  // namespace tampon::doc
