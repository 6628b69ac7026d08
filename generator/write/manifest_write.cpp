#include <algorithm>
#include <charconv>
#include <sstream>

#include "core/ordered_blocks.hpp"
#include "render/json_text.hpp"
#include "write/manifest.hpp"

namespace tampon {

// The manifest's strings are written as nlohmann's serializer writes them, so a manifest read
// back and written again keeps its bytes (render/json_text.hpp, checked against nlohmann).
void append_manifest_string(std::string& out, std::string_view text) {
  append_json_string(out, text);
}

std::string ManifestEntry::records_of(const std::vector<std::string>& records) {
  std::string out;
  for (const auto& r : records) {
    if (!out.empty()) out += '\n';
    append_manifest_string(out, r);
  }
  return out;
}

ManifestWriter::ManifestWriter(std::ostream& out, std::string_view tool_version,
                               std::string_view as_of)
    : m_out(&out), m_buffer(m_own) {
  m_buffer.reserve(1 << 17);
  m_buffer += "{\n  \"tool\": \"tampon\",\n  \"version\": ";
  append_manifest_string(m_buffer, tool_version);
  m_buffer += ",\n  \"as_of\": ";
  append_manifest_string(m_buffer, as_of);
  m_buffer += ",\n  \"files\": ";
}

ManifestWriter::ManifestWriter(std::string& text, bool first)
    : m_buffer(text), m_entries(first ? 0 : 1) {}

void ManifestWriter::begin_entry(std::string_view path, std::string_view emitter,
                                 std::uintmax_t size, std::string_view sha256) {
  m_buffer += m_entries == 0 ? "[\n    {\n      \"path\": " : ",\n    {\n      \"path\": ";
  append_manifest_string(m_buffer, path);
  m_buffer += ",\n      \"emitter\": ";
  append_manifest_string(m_buffer, emitter);
  m_buffer += ",\n      \"size\": ";
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, size).ptr;
  m_buffer.append(digits, end);
  m_buffer += ",\n      \"sha256\": ";
  append_manifest_string(m_buffer, sha256);
  m_buffer += ",\n      \"records\": ";
  m_records = 0;
}

void ManifestWriter::record_literal(std::string_view literal) {
  m_buffer += m_records++ == 0 ? "[\n        " : ",\n        ";
  m_buffer += literal;
}

void ManifestWriter::record(std::string_view kind, std::string_view id) {
  m_buffer += m_records++ == 0 ? "[\n        " : ",\n        ";
  if (json_plain(kind) && json_plain(id)) {  // no string built per record
    m_buffer.append("\"").append(kind).append(":").append(id).append("\"");
    return;
  }
  std::string text;
  text.append(kind).append(":").append(id);
  append_manifest_string(m_buffer, text);
}

void ManifestWriter::records_json(std::string_view records_json) {
  while (!records_json.empty()) {
    auto cut = records_json.find('\n');  // never inside a literal: JSON escapes line feeds
    record_literal(records_json.substr(0, cut));
    records_json =
        cut == std::string_view::npos ? std::string_view{} : records_json.substr(cut + 1);
  }
}

void ManifestWriter::end_entry(std::string_view fingerprint, bool stale) {
  m_buffer +=
      m_records == 0 ? "[],\n      \"fingerprint\": " : "\n      ],\n      \"fingerprint\": ";
  append_manifest_string(m_buffer, fingerprint);
  if (stale) m_buffer += ",\n      \"stale\": true";
  m_buffer += "\n    }";
  ++m_entries;
  flush_if_full();
}

void ManifestWriter::entry(const ManifestEntry& e) {
  begin_entry(e.path, e.emitter, e.size, e.sha256);
  records_json(e.records_json);
  end_entry(e.fingerprint, e.stale);
}

void ManifestWriter::flush_if_full() {
  if (!m_out || m_buffer.size() < (1 << 16)) return;
  m_out->write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
  m_buffer.clear();
}

void ManifestWriter::entries_block(std::string_view text, std::size_t entries) {
  if (entries == 0) return;
  if (!m_out) {  // a block into a block
    m_buffer += text;
  } else {
    m_out->write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
    m_out->write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  m_entries += entries;
}

void ManifestWriter::finish() {
  m_buffer += m_entries == 0 ? "[]\n}\n" : "\n  ]\n}\n";
  if (m_out) m_out->write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
  m_buffer.clear();
}

void write_manifest_in_blocks(std::ostream& out, std::string_view tool_version,
                              std::string_view as_of, std::size_t count, unsigned threads,
                              const std::function<void(std::size_t, ManifestWriter&)>& entry,
                              std::size_t block) {
  if (block == 0) block = 1;
  ManifestWriter writer(out, tool_version, as_of);
  std::size_t blocks = (count + block - 1) / block;
  auto entries_of = [&](std::size_t i) { return std::min(count, (i + 1) * block) - i * block; };
  make_in_order(
      blocks, threads, 4 * std::size_t{threads},
      [&](std::size_t i, std::string& text) {
        ManifestWriter entries(text, /*first=*/i == 0);
        for (std::size_t k = i * block, end = k + entries_of(i); k < end; ++k) entry(k, entries);
      },
      [&](std::size_t i, std::string& text) { writer.entries_block(text, entries_of(i)); });
  writer.finish();
}

std::string Manifest::to_json() const {
  std::ostringstream out;
  ManifestWriter writer(out, tool_version, as_of);
  for (const auto& [path, e] : entries) writer.entry(e);
  writer.finish();
  return std::move(out).str();
}

}  // namespace tampon
