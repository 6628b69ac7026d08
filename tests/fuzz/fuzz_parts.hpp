#pragma once
/// Several files in one fuzz input: each after a line "=== <name>" (what comes before the
/// first such line is ignored). Text, so that libFuzzer's mutations and a dictionary of the
/// names reach each file, and seeds stay readable.
#include <string>
#include <string_view>
#include <vector>

namespace tampon::fuzz {

struct Part {
  std::string name;
  std::string_view bytes;  ///< a view of the input
};

inline std::vector<Part> parts_of(std::string_view input) {
  std::vector<Part> parts;
  constexpr std::string_view k_mark = "=== ";
  std::size_t at = input.starts_with(k_mark) ? 0 : input.find("\n=== ");
  if (at != std::string_view::npos && at != 0) ++at;
  while (at != std::string_view::npos && at < input.size()) {
    std::size_t name_end = input.find('\n', at);
    if (name_end == std::string_view::npos) break;
    std::string name(input.substr(at + k_mark.size(), name_end - at - k_mark.size()));
    std::size_t next = input.find("\n=== ", name_end);
    std::size_t end = next == std::string_view::npos ? input.size() : next;
    std::size_t length = end > name_end ? end - name_end - 1 : 0;  // empty: a mark right after
    parts.push_back({std::move(name), input.substr(name_end + 1, length)});
    at = next == std::string_view::npos ? next : next + 1;
  }
  return parts;
}

}  // namespace tampon::fuzz
