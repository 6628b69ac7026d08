#pragma once
/// The JSON messages of the external-emitter protocol (generator/plugin/PROTOCOL.md): what
/// the host writes on a program's stdin and how it reads its replies. Pure functions: no
/// process is run here.
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tampon/emitter.hpp"

namespace tampon::external {

/// The major version this host speaks. Adding fields keeps it; removing or renaming bumps it.
inline constexpr int k_protocol_version = 1;

/// A reply that breaks the protocol, with a French explanation (no program name: the caller
/// adds it).
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Description {
  EmitterInfo info;
  std::vector<std::string> capabilities;
};

/// Reads `describe`'s stdout. Throws ProtocolError, first of all for another major version.
Description parse_describe(std::string_view text);

/// A job as the program planned it: the host's job, and the program's own `key`, handed back
/// as it came to its `render` (the host never reads it; it is also the job's fingerprint).
struct ProgramJob {
  OutputJob job;
  std::string key;
};

struct PlanReply {
  std::vector<ProgramJob> jobs;
  Diagnostics diagnostics;  ///< the program's own findings, messages prefixed with its name
};

/// Reads `plan`'s stdout. Inputs must be of a kind the emitter declared in `reads`.
PlanReply parse_plan(std::string_view text, const EmitterInfo& info);

/// Reads `render`'s stdout: empty, or an object with optional "diagnostics".
Diagnostics parse_render(std::string_view text, const EmitterInfo& info);

/// The "records" value handed to a program: render::model_to_json restricted to the kinds
/// it reads and, when `only` is not empty, to those records (and the conventions their
/// avenants and versements belong to).
std::string records_json(const Model& model, std::span<const RecordKind> reads,
                         std::span<const RecordRef> only = {});

/// `plan`'s stdin: protocol, tampon_version, as_of, records.
std::string plan_request(const Model& model, const std::string& records);
/// `render`'s stdin: protocol, tampon_version, as_of, job, records.
std::string render_request(const ProgramJob& job, const Model& model, const std::string& records);

}  // namespace tampon::external
