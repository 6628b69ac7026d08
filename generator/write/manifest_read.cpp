#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>

#include "io/whole_file.hpp"
#include "plan/output_paths.hpp"
#include "write/manifest.hpp"

namespace tampon {
namespace {

using Json = nlohmann::json;

constexpr std::uintmax_t k_max_manifest_bytes = 1ull << 30;

/// Fills a Manifest from nlohmann's SAX events, without building a JSON tree: a previous
/// manifest of a national build is tens of MB of text, several times that as a tree. Anything
/// that does not have the expected shape (a field of the wrong type, an entry without path,
/// emitter, size or sha256) marks the manifest damaged: it then only costs a full rebuild.
class ManifestSax {
 public:
  explicit ManifestSax(Manifest& manifest) : m_manifest(manifest) {}
  bool complete() const { return m_saw_files && !m_damaged; }

  bool null() { return other_value(); }
  bool boolean(bool value) {
    if (place() == Place::Entry && m_key == "stale") {
      m_entry.stale = value;
      return true;
    }
    return other_value();
  }
  bool number_integer(Json::number_integer_t v) {
    return v < 0 ? other_value() : number_unsigned(static_cast<Json::number_unsigned_t>(v));
  }
  bool number_unsigned(Json::number_unsigned_t v) {
    if (place() == Place::Entry && m_key == "size") {
      m_entry.size = v;
      m_fields |= k_size;
      return true;
    }
    return other_value();
  }
  bool number_float(Json::number_float_t, const std::string&) { return other_value(); }
  bool binary(Json::binary_t&) { return other_value(); }
  bool string(std::string& value);
  bool key(std::string& key) {
    m_key = std::move(key);
    return true;
  }
  bool start_object(std::size_t);
  bool end_object();
  bool start_array(std::size_t);
  bool end_array() {
    m_stack.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return fail();
  }

 private:
  enum class Place { Root, Files, Entry, Records, Skip };
  static constexpr unsigned k_path = 1, k_emitter = 2, k_size = 4, k_sha256 = 8;

  Place place() const { return m_stack.empty() ? Place::Skip : m_stack.back(); }
  bool fail() {
    m_damaged = true;
    return false;  // stops the parser
  }
  // A field the manifest defines, met with a value of another type.
  bool known_field() const {
    switch (place()) {
      case Place::Root:
        return m_key == "version" || m_key == "as_of" || m_key == "files";
      case Place::Entry:
        return m_key == "path" || m_key == "emitter" || m_key == "size" || m_key == "sha256" ||
               m_key == "records" || m_key == "fingerprint";
      case Place::Files:
      case Place::Records:
        return true;
      case Place::Skip:
        return false;
    }
    return false;
  }
  bool other_value() { return m_stack.empty() || known_field() ? fail() : true; }

  Manifest& m_manifest;
  std::vector<Place> m_stack;
  std::string m_key;
  ManifestEntry m_entry;
  unsigned m_fields = 0;
  bool m_saw_files = false, m_damaged = false;
};

bool ManifestSax::string(std::string& value) {
  switch (place()) {
    case Place::Root:
      if (m_key == "version")
        m_manifest.tool_version = std::move(value);
      else if (m_key == "as_of")
        m_manifest.as_of = std::move(value);
      else if (m_key == "files")
        return fail();
      return true;
    case Place::Entry:
      if (m_key == "path")
        m_entry.path = std::move(value), m_fields |= k_path;
      else if (m_key == "emitter")
        m_entry.emitter = std::move(value), m_fields |= k_emitter;
      else if (m_key == "sha256")
        m_entry.sha256 = std::move(value), m_fields |= k_sha256;
      else if (m_key == "fingerprint")
        m_entry.fingerprint = std::move(value);
      else if (m_key == "size" || m_key == "records")
        return fail();
      return true;
    case Place::Records:
      if (!m_entry.records_json.empty()) m_entry.records_json += '\n';
      append_manifest_string(m_entry.records_json, value);
      return true;
    case Place::Files:
      return fail();
    case Place::Skip:
      return !m_stack.empty() || fail();
  }
  return true;
}

bool ManifestSax::start_object(std::size_t) {
  if (m_stack.empty()) {
    m_stack.push_back(Place::Root);
  } else if (place() == Place::Files) {
    m_entry = ManifestEntry{};
    m_fields = 0;
    m_stack.push_back(Place::Entry);
  } else if (known_field()) {
    return fail();
  } else {
    m_stack.push_back(Place::Skip);
  }
  return true;
}

bool ManifestSax::end_object() {
  Place closed = place();
  m_stack.pop_back();
  if (closed != Place::Entry) return true;
  if (m_fields != (k_path | k_emitter | k_size | k_sha256)) return fail();
  std::string path = m_entry.path;
  m_manifest.entries.emplace(std::move(path), std::move(m_entry));
  return true;
}

bool ManifestSax::start_array(std::size_t) {
  if (m_stack.empty()) return fail();
  if (place() == Place::Root && m_key == "files") {
    m_saw_files = true;
    m_stack.push_back(Place::Files);
  } else if (place() == Place::Entry && m_key == "records") {
    m_stack.push_back(Place::Records);
  } else if (known_field()) {
    return fail();
  } else {
    m_stack.push_back(Place::Skip);
  }
  return true;
}

// The lines of a file read through a window of a few hundred KiB rather than whole: a
// national manifest is over 100 MB, and memory a build touches for the first time is among
// its largest costs (the kernel zeroes each page). A line is a view into the window, valid
// until the next call. A line longer than the window widens it.
class FileLines {
 public:
  FileLines(int fd, std::size_t window, std::uintmax_t limit)
      : m_fd(fd), m_capacity(window == 0 ? 1 : window), m_limit(limit) {
    m_data = std::make_unique_for_overwrite<char[]>(m_capacity);
  }

  bool next_line(std::string_view& out) {
    for (;;) {
      const char* begin = m_data.get() + m_begin;
      if (auto* nl = static_cast<const char*>(std::memchr(begin, '\n', m_end - m_begin))) {
        out = std::string_view(begin, static_cast<std::size_t>(nl - begin));
        m_begin += out.size() + 1;
        return true;
      }
      if (!fill()) return false;
    }
  }
  /// The rest of the window holds `needle` (a hint: looks no further than what was read).
  std::size_t find_ahead(std::string_view needle) const {
    std::string_view rest(m_data.get() + m_begin, m_end - m_begin);
    return rest.find(needle);
  }
  /// Nothing is left to read (and nothing went wrong reading).
  bool at_end() {
    while (m_begin == m_end)
      if (!fill()) return !m_failed;
    return false;
  }

 private:
  // More bytes after those not yet taken; false at the end of the file or on an error.
  bool fill() {
    if (m_eof) return false;
    if (m_begin > 0) {  // keep the start of the current line, drop what was taken
      std::memmove(m_data.get(), m_data.get() + m_begin, m_end - m_begin);
      m_end -= m_begin;
      m_begin = 0;
    }
    if (m_end == m_capacity) {  // a line longer than the window
      auto wider = std::make_unique_for_overwrite<char[]>(m_capacity * 2);
      std::memcpy(wider.get(), m_data.get(), m_end);
      m_data = std::move(wider);
      m_capacity *= 2;
    }
    for (;;) {
      ssize_t got = ::read(m_fd, m_data.get() + m_end, m_capacity - m_end);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) m_failed = true;
      if (got <= 0) {
        m_eof = true;
        return false;
      }
      m_end += static_cast<std::size_t>(got);
      m_total += static_cast<std::uintmax_t>(got);
      if (m_total > m_limit) {  // grew past the limit while being read
        m_failed = m_eof = true;
        return false;
      }
      return true;
    }
  }

  int m_fd;
  std::unique_ptr<char[]> m_data;
  std::size_t m_capacity, m_begin = 0, m_end = 0;
  std::uintmax_t m_total = 0, m_limit;
  bool m_eof = false, m_failed = false;
};

// The fast way, for a manifest exactly as ManifestWriter writes it (any manifest Tampon wrote
// whose strings are plain printable ASCII): line by line, each string taken as it is, records
// kept as their literals. A national manifest (115 MB, over a million records) is read in a
// tenth of the time nlohmann's parser takes. Anything else, an edited or unusual manifest
// included, returns false and goes the general way (ManifestSax), so both ways accept the same
// manifests and give the same entries.
class WrittenManifest {
 public:
  explicit WrittenManifest(FileLines& lines) : m_lines(lines) {}

  bool read(Manifest& manifest) {
    if (!line("{") || !line("  \"tool\": \"tampon\",") ||
        !field("  \"version\": ", ",", manifest.tool_version) ||
        !field("  \"as_of\": ", ",", manifest.as_of))
      return false;
    std::string_view files;
    if (!next_line(files)) return false;
    if (files == "  \"files\": []") return line("}") && m_lines.at_end();
    if (files != "  \"files\": [") return false;
    for (;;) {
      ManifestEntry entry;
      if (!line("    {") || !field("      \"path\": ", ",", entry.path) ||
          !field("      \"emitter\": ", ",", entry.emitter) || !size(entry.size) ||
          !field("      \"sha256\": ", ",", entry.sha256) || !records(entry.records_json))
        return false;
      std::string_view rest;
      if (!next_line(rest) || !rest.starts_with("      \"fingerprint\": ")) return false;
      rest.remove_prefix(21);
      bool stale = rest.ends_with(",");
      if (stale) rest.remove_suffix(1);
      if (!plain_literal(rest)) return false;
      entry.fingerprint = std::string(rest.substr(1, rest.size() - 2));
      if (stale && !line("      \"stale\": true")) return false;
      entry.stale = stale;
      std::string_view end;
      if (!next_line(end)) return false;
      bool more = end == "    },";
      if (!more && end != "    }") return false;
      // Sorted as written: each entry goes at the end, without a search among the others
      // (94 000 paths sharing long prefixes).
      std::string path = entry.path;
      std::size_t before = manifest.entries.size();
      manifest.entries.emplace_hint(manifest.entries.end(), std::move(path), std::move(entry));
      if (manifest.entries.size() == before) return false;  // a path listed twice
      if (!more) return line("  ]") && line("}") && m_lines.at_end();
    }
  }

 private:
  bool next_line(std::string_view& out) { return m_lines.next_line(out); }
  bool line(std::string_view expected) {
    std::string_view got;
    return next_line(got) && got == expected;
  }
  // A JSON string literal of printable ASCII without escapes: its text is what it says.
  static bool plain_literal(std::string_view literal) {
    if (literal.size() < 2 || literal.front() != '"' || literal.back() != '"') return false;
    for (char c : literal.substr(1, literal.size() - 2))
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
    return true;
  }
  bool field(std::string_view prefix, std::string_view suffix, std::string& value) {
    std::string_view got;
    if (!next_line(got) || !got.starts_with(prefix) || !got.ends_with(suffix)) return false;
    got = got.substr(prefix.size(), got.size() - prefix.size() - suffix.size());
    if (!plain_literal(got)) return false;
    value = std::string(got.substr(1, got.size() - 2));
    return true;
  }
  bool size(std::uintmax_t& value) {
    std::string_view got;
    constexpr std::string_view prefix = "      \"size\": ";
    if (!next_line(got) || !got.starts_with(prefix) || !got.ends_with(",")) return false;
    got = got.substr(prefix.size(), got.size() - prefix.size() - 1);
    // As nlohmann writes an unsigned number: digits, no leading zero.
    if (got.empty() || (got.size() > 1 && got.front() == '0')) return false;
    auto [end, ec] = std::from_chars(got.data(), got.data() + got.size(), value);
    return ec == std::errc() && end == got.data() + got.size();
  }
  // `"records": [],` or `"records": [` then one literal a line, `],`: the literals joined by
  // line feeds, as ManifestEntry::records_json holds them.
  bool records(std::string& out) {
    std::string_view got;
    if (!next_line(got)) return false;
    if (got == "      \"records\": [],") return true;
    if (got != "      \"records\": [") return false;
    // One allocation per entry when the window holds the whole list (a bulletin lists tens of
    // records): at most the lines' length, indentation included.
    auto end = m_lines.find_ahead("\n      ],\n");
    if (end != std::string_view::npos) out.reserve(end);
    for (;;) {
      if (!next_line(got) || !got.starts_with("        ")) return false;
      got.remove_prefix(8);
      bool more = got.ends_with(",");
      if (more) got.remove_suffix(1);
      if (!plain_literal(got)) return false;
      if (!out.empty()) out += '\n';
      out += got;
      if (!more) return line("      ],");
    }
  }

  FileLines& m_lines;
};

// A whole file read into memory that is never zero-filled first: a national manifest is over
// 100 MB. Read, not mapped: a mapped file that someone truncates meanwhile (a sync client, an
// editor, a second tool writing out/) kills the build with SIGBUS on the next page touched; a
// copy read while it changes is only text that does not parse, and costs a full rebuild.
class ReadText {
 public:
  bool read(int fd, std::size_t size) {
    m_data = std::make_unique_for_overwrite<char[]>(size == 0 ? 1 : size);
    while (m_size < size) {
      ssize_t got = ::read(fd, m_data.get() + m_size, size - m_size);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return false;
      if (got == 0) break;  // shorter than it was: what was read does not parse
      m_size += static_cast<std::size_t>(got);
    }
    return true;
  }
  std::string_view text() const { return {m_data.get(), m_size}; }

 private:
  std::unique_ptr<char[]> m_data;
  std::size_t m_size = 0;
};

}  // namespace

Manifest Manifest::read(const std::filesystem::path& path, std::vector<std::string>* problems,
                        std::size_t window) {
  auto problem = [&](std::string text) {
    if (problems) problems->push_back(path.string() + " " + text);
    return Manifest{};
  };
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return {};  // a first build
  if (!S_ISREG(st.st_mode))
    return problem("n'est pas un fichier ordinaire : ignoré, tout est reconstruit");
  if (static_cast<std::uintmax_t>(st.st_size) > k_max_manifest_bytes)
    return problem("dépasse 1 Gio : ignoré, tout est reconstruit");
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  bool opened = fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                static_cast<std::uintmax_t>(st.st_size) <= k_max_manifest_bytes;
  Manifest manifest;
  bool as_written = false;
  if (opened) {  // the fast way, through a window
    FileLines lines(fd, window, k_max_manifest_bytes);
    as_written = WrittenManifest(lines).read(manifest);
  }
  // Otherwise the whole file again, from its start, for the JSON parser.
  ReadText whole;
  bool read = opened && (as_written || (::lseek(fd, 0, SEEK_SET) == 0 &&
                                        whole.read(fd, static_cast<std::size_t>(st.st_size))));
  if (fd >= 0) ::close(fd);
  if (!read) return problem("illisible : ignoré, tout est reconstruit");
  if (!as_written) {
    manifest = Manifest{};
    ManifestSax sax(manifest);
    bool parsed = false;
    try {
      parsed = Json::sax_parse(whole.text(), &sax);
    } catch (const std::exception&) {
      parsed = false;
    }
    if (!parsed || !sax.complete()) return problem("endommagé : ignoré, tout est reconstruit");
  }
  // Its paths are checked like the paths emitters plan: an edited manifest must not make a
  // build delete or trust a file outside --out.
  for (auto it = manifest.entries.begin(); it != manifest.entries.end();) {
    if (auto why = unsafe_output_path(it->first)) {
      problem("nomme « " + it->first + " » (" + *why + ") : entrée ignorée");
      it = manifest.entries.erase(it);
      as_written = false;
    } else {
      ++it;
    }
  }
  manifest.as_written = as_written;
  return manifest;
}

}  // namespace tampon
