#include "host/changed_records.hpp"

#include <algorithm>
#include <functional>

#include "render/json_text.hpp"
#include "tampon/record_refs.hpp"
#include "write/manifest.hpp"

namespace tampon {
namespace {

using Files = ChangedRecords::Files;

// The digest `files` (sorted by path) records for `path`, or nullptr.
const std::string* digest_in(const Files& files, std::string_view path) {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const auto& entry, std::string_view p) { return entry.first < p; });
  return it != files.end() && it->first == path ? &it->second : nullptr;
}

}  // namespace

std::size_t ChangedRecords::Hash::operator()(const RecordRef& ref) const {
  return std::hash<std::string_view>{}(ref.id) * 31 + static_cast<std::size_t>(ref.kind);
}

ChangedRecords::ChangedRecords(const Model& model, const Files& now, const Files& before,
                               std::size_t max_files) {
  const SourceFiles& files = model.records.files;
  std::size_t count = 0;  // files read now that were not read, or not with these bytes, then
  for (const auto& [path, digest] : now) {
    const std::string* then = digest_in(before, path);
    if (digest.empty() || !then || *then != digest) ++count;
  }
  if (count > max_files) return;
  // By file of the model: changed unless read now with the digest recorded then. Index 0 (no
  // file known) and a file this build did not list stay changed.
  std::vector<bool> changed(files.size(), true);
  for (std::uint32_t id = 1; id < files.size(); ++id) {
    const std::string* digest = digest_in(now, files.path(id));
    const std::string* then = digest_in(before, files.path(id));
    changed[id] = !digest || digest->empty() || !then || *then != *digest;
  }
  auto add = [&](const auto& list) {
    for (const auto& record : list) {
      std::uint32_t file = record.locs.record.file;
      if (file >= changed.size() || changed[file]) {
        RecordRef ref = ref_of(record);
        m_kinds |= 1u << static_cast<unsigned>(ref.kind);
        m_records.insert(std::move(ref));
      }
    }
  };
  const RecordSet& r = model.records;
  add(r.structures);
  add(r.conseillers);
  add(r.conventions);
  add(r.avenants);
  add(r.versements);
  add(r.rapports);
  add(r.depenses);
  m_usable = true;
}

bool ChangedRecords::contains(const RecordRef& ref) const {
  return (m_kinds >> static_cast<unsigned>(ref.kind) & 1u) && m_records.contains(ref);
}

bool ChangedRecords::any_of(const std::vector<RecordRef>& refs) const {
  if (m_records.empty()) return false;
  return std::any_of(refs.begin(), refs.end(), [&](const RecordRef& ref) { return contains(ref); });
}

bool lists_exactly(std::string_view records_json, const std::vector<RecordRef>& inputs,
                   std::string& literal) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (i > 0) {
      if (at >= records_json.size() || records_json[at] != '\n') return false;
      ++at;
    }
    std::string_view kind = name(inputs[i].kind), id = inputs[i].id;
    std::string_view rest = records_json.substr(at);
    if (json_plain(kind) && json_plain(id)) {  // "kind:id" as it is
      std::size_t size = kind.size() + id.size() + 3;
      if (rest.size() < size || rest[0] != '"' || rest.substr(1, kind.size()) != kind ||
          rest[kind.size() + 1] != ':' || rest.substr(kind.size() + 2, id.size()) != id ||
          rest[size - 1] != '"')
        return false;
      at += size;
      continue;
    }
    literal.clear();
    append_manifest_string(literal, std::string(kind) + ":" + std::string(id));
    if (!rest.starts_with(literal)) return false;
    at += literal.size();
  }
  return at == records_json.size();
}

}  // namespace tampon
