#pragma once
/// French words for a failed system call, and the Fatal error that carries them (exit 3).
#include <filesystem>
#include <string>
#include <string_view>

namespace tampon {

/// The cause of `error` (an errno value) as a user reads it: "disque plein",
/// "permission refusée"… Unknown values fall back to strerror's text.
std::string io_cause(int error);

/// Throws Fatal: "<what> <path> : <cause>", e.g. "écriture impossible de out/a.pdf : disque
/// plein".
[[noreturn]] void throw_io(std::string_view what, const std::filesystem::path& path, int error);

}  // namespace tampon
