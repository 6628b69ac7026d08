#include "write/commit_journal.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>

#include "tampon/diagnostic.hpp"
#include "write/out_folder.hpp"

namespace tampon {
namespace {

constexpr std::string_view k_header = "tampon-journal 1";

bool allowed_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-' || c == '/';
}

// A relative path without empty, "." or ".." parts, in the characters output paths use.
bool contained(std::string_view path) {
  if (path.empty() || path.size() > 4096 || path.front() == '/' || path.back() == '/') return false;
  for (char c : path)
    if (!allowed_char(c)) return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

bool staged(std::string_view path) {
  return path.starts_with(std::string(k_staging_name) + "/") && contained(path);
}

// A final path may not point into the tool's own files, but manifest.json and the stamps.
bool final_path(std::string_view path) {
  if (!contained(path) || path.starts_with(k_staging_name) || path.starts_with(k_journal_name))
    return false;
  return !path.starts_with(".tampon-lock");
}

void place(const OutFolder& out, const JournalOp& op, const FaultInjector* faults) {
  auto [from_parent, from_name] = split_parent(op.from);
  Fd from_dir = out.folder(from_parent, false);
  std::string from(from_name);
  struct stat st {};
  if (!from_dir || ::fstatat(from_dir.get(), from.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
    return;  // placed by an interrupted run already
  auto [to_parent, to_name] = split_parent(op.to);
  Fd to_dir = out.folder(to_parent, true, faults);
  out.rename(from_dir.get(), from, to_dir.get(), std::string(to_name), op.to, faults);
}

void remove(const OutFolder& out, const JournalOp& op, const FaultInjector* faults) {
  auto [parent, name] = split_parent(op.to);
  Fd dir = out.folder(parent, false);
  if (!dir) return;
  out.remove_file(dir.get(), std::string(name), op.to, faults);
  dir = Fd();
  out.prune_empty(parent);
}

}  // namespace

std::string journal_text(const std::vector<JournalOp>& ops) {
  std::string text(k_header);
  text += '\n';
  for (const auto& op : ops) {
    if (op.kind == JournalOp::Kind::Remove) {
      text += "remove " + op.to + "\n";
    } else {
      text += "place " + op.from + " " + op.to + "\n";
    }
  }
  text += "end " + std::to_string(ops.size()) + "\n";
  return text;
}

std::optional<std::vector<JournalOp>> parse_journal(std::string_view text) {
  std::vector<JournalOp> ops;
  std::size_t start = 0;
  bool header = false, ended = false;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) return std::nullopt;  // torn: no end of line
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (ended) return std::nullopt;  // nothing after the end line
    if (!header) {
      if (line != k_header) return std::nullopt;
      header = true;
    } else if (line.starts_with("remove ")) {
      JournalOp op{JournalOp::Kind::Remove, {}, std::string(line.substr(7))};
      if (!final_path(op.to)) return std::nullopt;
      ops.push_back(std::move(op));
    } else if (line.starts_with("place ")) {
      std::string_view rest = line.substr(6);
      auto space = rest.find(' ');
      if (space == std::string_view::npos) return std::nullopt;
      JournalOp op{JournalOp::Kind::Place, std::string(rest.substr(0, space)),
                   std::string(rest.substr(space + 1))};
      if (!staged(op.from) || !final_path(op.to)) return std::nullopt;
      ops.push_back(std::move(op));
    } else if (line.starts_with("end ")) {
      std::size_t count = 0;
      auto digits = line.substr(4);
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
      if (ec != std::errc() || ptr != digits.data() + digits.size() || count != ops.size())
        return std::nullopt;
      ended = true;
    } else {
      return std::nullopt;
    }
  }
  if (!ended) return std::nullopt;
  return ops;
}

void apply_journal(const OutFolder& out, const std::vector<JournalOp>& ops,
                   const FaultInjector* faults) {
  for (const auto& op : ops) {
    if (op.kind == JournalOp::Kind::Remove)
      remove(out, op, faults);
    else
      place(out, op, faults);
  }
}

}  // namespace tampon
