#pragma once
/// French wording of the parser's failures: the YAML syntax errors libyaml reports (in English)
/// and the limits the tree builder enforces. Messages say what to change.
#include <yaml.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "load/yaml_tree.hpp"

namespace tampon::load {

YamlError syntax_error(const yaml_parser_t& parser);
std::string unknown_anchor_message(std::string_view anchor);
std::string depth_message(std::uint32_t max_depth);
std::string node_budget_message(std::uint32_t max_nodes);

}  // namespace tampon::load
