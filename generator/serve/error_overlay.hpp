#pragma once
/// The build errors of `tampon serve`, shown where the author looks: over the page being
/// previewed, as Hugo and Vite do. The server keeps the last rebuild's errors as an HTML
/// fragment (every text escaped) and hands it, with the reload counter, to the small script
/// each previewed page loads (`/__tampon/apercu.js`); the fragment is empty once a rebuild
/// succeeds, and the page then reloads with the fixed content.
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "tampon/diagnostic.hpp"

namespace tampon::serve {

/// "Corriger : …" of each rule code, from the users' manual (docs/regles.md): the fix hint.
using FixHints = std::map<std::string, std::string, std::less<>>;
FixHints read_fix_hints(const std::filesystem::path& rules_page);

/// The overlay for `findings`: empty when there is no error (warnings stay in the terminal).
std::string error_overlay_html(const Diagnostics& findings, const FixHints& hints);

/// The page served for an address that has no file while the site has errors (the first
/// build failed, so nothing was written): the overlay alone, with the reload script.
std::string error_page_html(const std::string& overlay);

/// The script of every previewed page (served at /__tampon/apercu.js).
std::string_view preview_script();

/// The overlay of the last build attempt, shared by the watch loop and the server's threads.
class PreviewStatus {
 public:
  void set_overlay(std::string html) {
    std::lock_guard lock(m_mutex);
    m_overlay = std::move(html);
  }
  std::string overlay() const {
    std::lock_guard lock(m_mutex);
    return m_overlay;
  }
  /// {"version":"3","overlay":"<div …>"} for /__tampon/status (`version`: the reload counter).
  std::string json(long version) const;

 private:
  mutable std::mutex m_mutex;
  std::string m_overlay;
};

}  // namespace tampon::serve
