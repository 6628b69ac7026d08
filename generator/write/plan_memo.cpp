#include "write/plan_memo.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <string_view>

#include "io/whole_file.hpp"

namespace tampon {
namespace {

constexpr std::string_view k_header = "tampon-plans 3";
constexpr std::uintmax_t k_max_bytes = 64u << 20;

// The next space-separated word of `line`, removed from it; false when there is none.
bool word(std::string_view& line, std::string_view& out) {
  auto space = line.find(' ');
  if (space == 0 || space == std::string_view::npos) return false;
  out = line.substr(0, space);
  line.remove_prefix(space + 1);
  return true;
}

template <typename T>
bool number(std::string_view& line, T& value) {
  std::string_view text;
  if (!word(line, text)) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

bool is_digest(std::string_view text) {
  if (text == "absent") return true;
  if (text.size() != 64) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool parse(std::string_view rest, PlanMemo& memo) {
  std::string_view line;
  auto next_line = [&] {
    auto end = rest.find('\n');
    if (end == std::string_view::npos) return false;
    line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return true;
  };
  if (!next_line() || line != k_header) return false;
  if (!next_line() || !line.starts_with("manifest ")) return false;
  line.remove_prefix(9);
  FileStamp& m = memo.manifest;
  std::string with_end = std::string(line) + ' ';  // each number then ends with a space
  std::string_view fields(with_end);
  if (!number(fields, m.inode) || !number(fields, m.size) || !number(fields, m.mtime_ns) ||
      !number(fields, m.ctime_ns) || !fields.empty())
    return false;
  EmitterPlanMemo* current = nullptr;
  while (!rest.empty()) {
    if (!next_line()) return false;
    if (line.starts_with("emitter ")) {
      line.remove_prefix(8);
      EmitterPlanMemo e;
      std::string_view key, data_key, base_key;
      if (!number(line, e.outputs) || !word(line, key) || key.size() != 64 || !is_digest(key) ||
          !word(line, data_key) || data_key.size() != 64 || !is_digest(data_key) ||
          !word(line, base_key) || base_key.size() != 64 || !is_digest(base_key) || line.empty())
        return false;
      e.key = std::string(key);
      e.data_key = std::string(data_key);
      e.base_key = std::string(base_key);
      auto [it, fresh] = memo.emitters.emplace(std::string(line), std::move(e));
      if (!fresh) return false;
      current = &it->second;
    } else if (line.starts_with("data ") && !current) {
      line.remove_prefix(5);
      std::string_view digest;
      if (!word(line, digest) || digest.size() != 64 || !is_digest(digest) || line.empty())
        return false;
      if (!memo.data_files.empty() && memo.data_files.back().first >= line) return false;
      memo.data_files.emplace_back(std::string(line), std::string(digest));
    } else if (line.starts_with("file ") && current) {
      line.remove_prefix(5);
      std::string_view digest;
      if (!word(line, digest) || !is_digest(digest) || line.empty()) return false;
      current->files.emplace_back(std::string(line), std::string(digest));
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

PlanMemo PlanMemo::read(const std::filesystem::path& out_dir) {
  std::filesystem::path path = out_dir / k_file_name;
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::uintmax_t>(st.st_size) > k_max_bytes)
    return {};
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return {};
  std::string text;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
            static_cast<std::uintmax_t>(st.st_size) <= k_max_bytes &&
            read_whole_fd(fd, text, static_cast<std::size_t>(st.st_size));
  ::close(fd);
  PlanMemo memo;
  if (!ok || !parse(text, memo)) return {};
  return memo;
}

std::string PlanMemo::text() const {
  std::string out(k_header);
  out += "\nmanifest " + std::to_string(manifest.inode) + " " + std::to_string(manifest.size) +
         " " + std::to_string(manifest.mtime_ns) + " " + std::to_string(manifest.ctime_ns) + "\n";
  // The data files only when all can be read back (sorted, one line each): else none, and
  // the next build narrows nothing (host/changed_records.hpp).
  bool data_plain = true;
  for (std::size_t i = 0; i < data_files.size(); ++i) {
    const auto& [file, digest] = data_files[i];
    data_plain = data_plain && !file.empty() && file.find('\n') == std::string::npos &&
                 digest.size() == 64 && is_digest(digest) &&
                 (i == 0 || data_files[i - 1].first < file);
  }
  if (data_plain)
    for (const auto& [file, digest] : data_files) out += "data " + digest + " " + file + "\n";
  for (const auto& [name, e] : emitters) {
    bool plain = name.find('\n') == std::string::npos && !name.empty() && e.key.size() == 64 &&
                 is_digest(e.key) && e.data_key.size() == 64 && is_digest(e.data_key) &&
                 e.base_key.size() == 64 && is_digest(e.base_key);
    for (const auto& [file, digest] : e.files)
      plain = plain && !file.empty() && file.find('\n') == std::string::npos;
    if (!plain) continue;  // never recorded: planned again next time
    out += "emitter " + std::to_string(e.outputs) + " " + e.key + " " + e.data_key + " " +
           e.base_key + " " + name + "\n";
    for (const auto& [file, digest] : e.files) out += "file " + digest + " " + file + "\n";
  }
  return out;
}

}  // namespace tampon
