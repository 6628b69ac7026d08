#pragma once
/// One build of the site (the emitter's BuildState): the site read once (pages parsed and
/// checked on the build's threads), its findings by origin, the files it produces, and scratch
/// for rendering pages side by side. A build in the same process as the previous one
/// (`tampon serve`) updates the previous state in place when only pages' Markdown changed,
/// re-reading and re-checking only what the change can affect.
#include <filesystem>
#include <memory>
#include <set>
#include <vector>

#include "page_render.hpp"
#include "site_build.hpp"
#include "site_model.hpp"
#include "tampon/emitter.hpp"

namespace tampon::site {

/// The findings of a site, kept by origin so that an edit re-checks only what it can affect:
/// the edited page's links and data blocks, and the links of the pages pointing to it (an
/// anchor may have gone). `all` gives them in check_site's order.
class SiteFindings {
 public:
  /// Every page on `ctx`'s threads when given.
  void check_all(const SiteModel& site, const Model& model, PrepareContext* ctx = nullptr);
  /// After `touched` pages were replaced in place (same navigation).
  void recheck(const SiteModel& site, const Model& model, const std::vector<std::size_t>& touched);
  Diagnostics all(const SiteModel& site) const;

 private:
  void add_targets(const SiteModel& site, std::size_t i);

  Diagnostics m_structure;
  std::vector<Diagnostics> m_pages;
  std::vector<std::set<std::size_t>> m_targets;  ///< per page: the other pages it links to
};

struct SiteBuild final : BuildState {
  std::shared_ptr<SiteModel> site;
  SiteFindings by_origin;
  Diagnostics findings;  ///< what check() reports
  ViewDigests views;     ///< what pages show of each other, for `files`
  std::vector<SiteFile> files;
  std::unique_ptr<ScratchPool> scratch = std::make_unique<ScratchPool>();
};

/// Emitter::prepare of the site: the previous build's state updated in place when `ctx` hands
/// one back and the change allows it, else everything read again.
std::unique_ptr<SiteBuild> prepare_site(const Model& model, PrepareContext& ctx);

}  // namespace tampon::site
