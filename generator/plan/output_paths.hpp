#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace tampon {

/// Why an output path proposed by an emitter is refused, in French; nullopt when it is safe.
/// Safe means: relative, '/'-separated, every component made of [A-Za-z0-9._-] and neither
/// empty, "." nor "..", not starting with ".tampon" (the host's own files), not
/// `manifest.json`, at most 255 bytes. Then it can only name a file under --out.
std::optional<std::string> unsafe_output_path(std::string_view path);

}  // namespace tampon
