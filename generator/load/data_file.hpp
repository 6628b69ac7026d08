#pragma once
/// Reads and parses one small data file (baremes, smic) for the rules-as-data loaders: the
/// same checks as record files (size cap, UTF-8, YAML syntax), registered in the LoadResult.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "load/load_project.hpp"
#include "load/yaml_tree.hpp"

namespace tampon::load {

struct DataFile {
  std::string shown;        ///< path as diagnostics print it
  std::uint32_t index = 0;  ///< in RecordSet::files
  YamlTree tree;
  /// The first document's root; nullptr for an empty file.
  const YamlNode* root() const {
    return tree.documents().empty() ? nullptr : &tree.node(tree.documents()[0]);
  }
};

/// nullopt when the file is missing or unusable (a finding and input_failure are recorded).
std::optional<DataFile> open_data_file(const ProjectContext& project, std::string_view relative,
                                       LoadResult& out);

/// Moves findings reported with an empty file into `out`, naming the file.
void adopt(Diagnostics&& found, const std::string& shown, LoadResult& out);

}  // namespace tampon::load
