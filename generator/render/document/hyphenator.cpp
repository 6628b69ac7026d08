#include "render/document/hyphenator.hpp"

#include <hyphen.h>
#include <unicode/uchar.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "render/document/font_face.hpp"

namespace tampon::doc {
namespace {

constexpr int k_left_min = 2;   // French typography: at least two letters before the hyphen
constexpr int k_right_min = 3;  // and three after it
constexpr std::size_t k_cache_limit = 50000;

/// The part of a token that may be hyphenated: after an elided article ("l’activité"), before
/// trailing punctuation. Returns [begin, end) in bytes, empty when the token is not a plain
/// lower-case word.
std::pair<std::size_t, std::size_t> hyphenable_core(std::string_view token) {
  std::size_t begin = 0, end = 0;
  std::size_t i = 0;
  while (i < token.size()) {
    std::size_t at = i;
    char32_t c = next_codepoint(token, i);
    if (c == U'\'' || c == U'\u2019') {
      begin = i;
      end = i;
    } else if (u_islower(static_cast<UChar32>(c))) {
      if (end != at) return {0, 0};  // letters after punctuation: not a plain word
      end = i;
    } else if (u_ispunct(static_cast<UChar32>(c)) && c != U'-' && end == at && end > begin) {
      // trailing punctuation: stop the core here, keep scanning to reject "abc.def"
      end = at;
      while (i < token.size()) {
        char32_t t = next_codepoint(token, i);
        if (!u_ispunct(static_cast<UChar32>(t))) return {0, 0};
      }
      return {begin, end};
    } else {
      return {0, 0};
    }
  }
  return {begin, end};
}

}  // namespace

Hyphenator::Hyphenator(const std::string& dictionary_file) : m_file(dictionary_file) {
  m_dict = hnj_hyphen_load(dictionary_file.c_str());
  if (!m_dict) throw std::runtime_error("dictionnaire de césure illisible : " + dictionary_file);
}

Hyphenator::~Hyphenator() {
  if (m_dict) hnj_hyphen_free(static_cast<HyphenDict*>(m_dict));
}

const Hyphenator& Hyphenator::load(const std::string& dictionary_file) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Hyphenator>> loaded;
  std::lock_guard lock(mutex);
  auto& slot = loaded[dictionary_file];
  if (!slot) slot = std::make_unique<Hyphenator>(dictionary_file);
  return *slot;
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
  thread_local std::unordered_map<std::string, std::vector<std::size_t>> cache;
  std::string key = m_file + '\n' + std::string(word);
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  auto result = compute(word);
  if (cache.size() > k_cache_limit) cache.clear();
  cache.emplace(std::move(key), result);
  return result;
}

std::vector<std::size_t> Hyphenator::compute(std::string_view token) const {
  auto [begin, end] = hyphenable_core(token);
  std::string_view core = token.substr(begin, end - begin);
  std::vector<std::size_t> offsets;  // byte offset of each character of the core
  for (std::size_t i = 0; i < core.size();) {
    offsets.push_back(i);
    next_codepoint(core, i);
  }
  int chars = static_cast<int>(offsets.size());
  if (chars < k_left_min + k_right_min) return {};
  std::vector<char> hyphens(core.size() + 5, '0');
  std::vector<char> hyphenated(core.size() * 2 + 10, 0);
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  {
    // libhyphen only reads the dictionary, but nothing in its documentation promises
    // reentrancy; misses are rare once the per-thread cache is warm, so serialise them.
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    hnj_hyphen_hyphenate3(static_cast<HyphenDict*>(m_dict), core.data(),
                          static_cast<int>(core.size()), hyphens.data(), hyphenated.data(), &rep,
                          &pos, &cut, k_left_min, k_right_min, k_left_min, k_right_min);
  }
  std::vector<std::size_t> points;
  // For a UTF-8 dictionary the marks are per character: an odd digit after character k allows
  // a break between characters k and k+1. Non-standard breaks (rep) do not occur in French.
  for (int k = k_left_min - 1; k < chars - k_right_min; ++k)
    if ((hyphens[static_cast<std::size_t>(k)] - '0') % 2 == 1 && !(rep && rep[k]))
      points.push_back(begin + offsets[static_cast<std::size_t>(k) + 1]);
  if (rep) {
    for (int k = 0; k < static_cast<int>(core.size()); ++k) free(rep[k]);
    free(rep);
    free(pos);
    free(cut);
  }
  return points;
}

}  // namespace tampon::doc
