#pragma once
/// What the preview server needs from the site emitter beyond the Emitter interface: a build
/// that stays in memory and re-renders only what a change touches. The site emitter implements
/// it; `serve_site` finds it with dynamic_cast on the emitter it is given.
#include <filesystem>
#include <memory>
#include <vector>

#include "tampon/emitter.hpp"

namespace tampon::serve {

struct UpdateStats {
  std::size_t pages_rendered = 0;  ///< files rewritten by this update
  std::size_t files_removed = 0;   ///< outputs of deleted pages
  bool full = false;               ///< everything was rebuilt (templates, data, navigation)
};

/// A site kept in memory between rebuilds. Not thread-safe: one owner (the serve loop).
class SiteSession {
 public:
  virtual ~SiteSession() = default;
  /// Plans, checks and renders every file into `site_dir` (created if needed). Returns the
  /// findings; on errors nothing is written and the previous files stay.
  virtual Diagnostics build_all(const Model& model, const std::filesystem::path& site_dir,
                                UpdateStats& stats) = 0;
  /// Re-reads the given content or template files (absolute paths; deleted ones too) and
  /// rewrites only the outputs they affect. Files that are not the site's (hidden editor files
  /// such as ".page.md.swp") write nothing: `stats` stays empty.
  virtual Diagnostics update(const Model& model, const std::vector<std::filesystem::path>& changed,
                             const std::filesystem::path& site_dir, UpdateStats& stats) = 0;
  /// Files and folders to watch (content/, templates/site/, the site configuration).
  virtual std::vector<std::filesystem::path> watched() const = 0;
};

/// Implemented by emitters that support the live preview.
class PreviewSource {
 public:
  virtual ~PreviewSource() = default;
  /// `live_reload` injects the small reload script into every page (serve mode only).
  virtual std::unique_ptr<SiteSession> open_session(const ProjectContext& project,
                                                    bool live_reload) const = 0;
};

}  // namespace tampon::serve
