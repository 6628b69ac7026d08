#pragma once
/// Whether anyone but `serve` changed the website's outputs between two of its builds. The
/// kernel reports every change under out/site (serve/change_feed.hpp); after each build, the
/// changes that build made itself (BuildReport::touched, and the folders on their way) are set
/// aside. While nothing else happened, the next build may take the outputs as this process left
/// them (BuildOptions::outputs_as_left): no `stat` per output and no check of their folders,
/// which were half of a one-page rebuild. Anything else (a file edited or deleted, a link
/// planted, an event lost, no inotify) and the next build checks everything, as `tampon build`
/// always does; the stamps it leaves are still checked by the next `tampon build`.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "serve/change_feed.hpp"

namespace tampon::serve {

class OutWatch {
 public:
  /// Watches `out_dir`/site once it exists.
  explicit OutWatch(const std::filesystem::path& out_dir);
  ~OutWatch();
  OutWatch(const OutWatch&) = delete;
  OutWatch& operator=(const OutWatch&) = delete;

  /// Before a build: whether the outputs are as the previous build left them. When it cannot
  /// tell, it starts watching again from now (the build then checks everything).
  bool as_left();
  /// After each build attempt, with the outputs it placed or removed (relative to --out).
  void settle(const std::vector<std::string>& touched);

 private:
  std::string m_out;   ///< --out, as the feed names paths
  std::string m_site;  ///< --out/site
  std::unique_ptr<ChangeFeed> m_feed;
  bool m_clean = false;  ///< only this process's builds changed the outputs since the watch began
};

}  // namespace tampon::serve
