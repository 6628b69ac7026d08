#include "write/manifest.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace tampon {

Manifest Manifest::read(const std::filesystem::path& path) {
  Manifest manifest;
  std::ifstream in(path);
  if (!in) return manifest;
  try {
    auto json = nlohmann::json::parse(in);
    manifest.tool_version = json.value("version", "");
    manifest.as_of = json.value("as_of", "");
    for (const auto& f : json.at("files")) {
      ManifestEntry e;
      e.path = f.at("path").get<std::string>();
      e.emitter = f.at("emitter").get<std::string>();
      e.size = f.at("size").get<std::uintmax_t>();
      e.sha256 = f.at("sha256").get<std::string>();
      e.records = f.value("records", std::vector<std::string>{});
      e.fingerprint = f.value("fingerprint", "");
      manifest.entries.emplace(e.path, std::move(e));
    }
  } catch (const std::exception&) {
    return Manifest{};  // a damaged manifest only costs a full rebuild
  }
  return manifest;
}

std::string Manifest::to_json() const {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& [path, e] : entries) {
    files.push_back({{"path", e.path},
                     {"emitter", e.emitter},
                     {"size", e.size},
                     {"sha256", e.sha256},
                     {"records", e.records},
                     {"fingerprint", e.fingerprint}});
  }
  nlohmann::ordered_json json = {
      {"tool", "tampon"}, {"version", tool_version}, {"as_of", as_of}, {"files", files}};
  return json.dump(2) + "\n";
}

}  // namespace tampon
