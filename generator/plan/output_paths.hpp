#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tampon {

/// Why an output path proposed by an emitter is refused, in French; nullopt when it is safe.
/// Safe means: relative, '/'-separated, every component made of [A-Za-z0-9._-] and neither
/// empty, "." nor "..", not starting with ".tampon" (the host's own files), not
/// `manifest.json`, at most 255 bytes. Then it can only name a file under --out.
std::optional<std::string> unsafe_output_path(std::string_view path);

/// Why a safe path cannot be written on every common file system, in French; nullopt when it
/// can: a component whose name before its first dot is reserved by Windows (con, prn, aux, nul,
/// com1–com9, lpt1–lpt9, in any case, whatever the extension: `nul.txt`), or that ends with a
/// dot or a space. Outputs are copied to Windows shares and zipped for download.
std::optional<std::string> unportable_output_path(std::string_view path);

/// Every clash among the planned output paths (safe ones, sorted, each once), in French, each
/// message naming the paths: a file and a folder of the same name (`zz` and `zz/inner.txt`: the
/// commit would fail halfway), two paths or folders that differ only by case (one overwrites
/// the other on a case-insensitive file system: Windows, macOS), and unportable names. Found
/// at plan time, before anything is rendered or written.
std::vector<std::string> output_path_clashes(const std::vector<std::string_view>& sorted_paths);

}  // namespace tampon
