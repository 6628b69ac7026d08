#pragma once
/// Opening the project's own files (records, rules data, content, templates) without being led
/// out of the project or made to wait (issue 13). A project is not trusted: it may come from a
/// pull request or an archive, and a link in it (`content/passwd.txt -> /etc/passwd`) would
/// otherwise publish the build machine's files; a FIFO named `*.yaml` would block the build
/// forever. Every reader of a project file opens it here.
///
/// The rule: a source file is read only if it is a regular file whose real location (links and
/// `..` resolved) is inside its root folder: `data/`, `content/` or `templates/` of the project
/// or of the tool's shipped folder. Links that stay inside their root are followed; a link that
/// leaves it (even for another folder of the same project: a content page linked to a
/// conseiller record would publish an e-mail address) is refused. Nothing is opened in a way
/// that can block (O_NONBLOCK), and the checks are made on the opened descriptor (fstat, and
/// /proc/self/fd for its real path), so swapping a file for a link between check and read does
/// not help.
#include <cstddef>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>

#include "io/file_digests.hpp"
#include "tampon/diagnostic.hpp"

namespace tampon {

struct ProjectContext;

/// The folder a source file must really be in: `base/folder`. The path of `base` itself is
/// trusted (it was named on the command line or is the tool's own folder): it is resolved once;
/// `folder` is not, so a `content` that is a link out of the project contains nothing.
class SourceRoot {
 public:
  /// No containment check: the file still has to be a regular file (digests of dependencies).
  SourceRoot() = default;
  SourceRoot(const std::filesystem::path& base, std::string_view folder);
  /// The root of a file `ProjectContext::find` returned: the project's `folder` when the file
  /// is in the project, else the shipped one.
  static SourceRoot of(const ProjectContext& project, const std::filesystem::path& file,
                       std::string_view folder);
  /// Whether the real (resolved) path `real` is strictly under this root.
  bool contains(std::string_view real) const;
  bool checks() const { return !m_real.empty(); }
  const std::string& real() const { return m_real; }

 private:
  std::string m_real;  ///< resolved base + "/" + folder, without a trailing slash
};

enum class SourceProblem {
  none,
  missing,      ///< absent, or a link to nothing
  denied,       ///< no read permission
  outside,      ///< a link (the file or a folder on its way) that leads out of its root
  not_regular,  ///< FIFO, socket, device
  directory,    ///< a folder where a file is expected
  too_large,    ///< above the caller's cap
  unreadable,   ///< any other system error
};

struct SourceStatus {
  SourceProblem problem = SourceProblem::none;
  int error = 0;       ///< errno, when the system said
  std::string target;  ///< outside: where the link really leads
  explicit operator bool() const { return problem == SourceProblem::none; }
};

/// The diagnostic code for a refused source: `source-outside`, `source-not-regular`,
/// `file-too-large` or `unreadable-file`.
std::string_view source_problem_code(const SourceStatus& status);
/// A French explanation with what to do, without the path (diagnostics carry it).
std::string source_problem_message(const SourceStatus& status);

/// The finding for a refused source at `file` (as diagnostics print it): an error with the code
/// and message above; `generic_code` replaces `unreadable-file` (a reader's own code, such as
/// `site-read`) when given.
Diagnostic source_diagnostic(const SourceStatus& status, std::string file,
                             std::string_view generic_code = {});

/// The finding for an entry a folder walk refused (content/, templates/site/assets/): as
/// `source_diagnostic`, except that a FIFO, socket or device is tooling debris, never content,
/// and is only skipped, with a `source-skipped` warning.
Diagnostic walk_diagnostic(const SourceStatus& status, std::string file,
                           std::string_view generic_code = {});

/// Opens `path` for reading under the rule above; -1 with `status` saying why. The caller
/// closes the descriptor. Never blocks.
int open_source(const std::filesystem::path& path, const SourceRoot& root, SourceStatus& status,
                FileIdentity* identity = nullptr);

/// Reads the whole file into `out` under the rule above, refusing more than `cap` bytes.
SourceStatus read_source(const std::filesystem::path& path, const SourceRoot& root,
                         std::string& out,
                         std::size_t cap = std::numeric_limits<std::size_t>::max() / 2);

/// What a folder walk found, by its own entry (not followed), for walkers that list files
/// before reading them (content/, data/): a regular file, a link whose target is a regular file
/// inside `root`, or something to refuse.
SourceStatus classify_entry(const std::filesystem::path& path, const SourceRoot& root);

}  // namespace tampon
