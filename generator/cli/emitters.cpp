// The emitter set of a command, apart from cli/session.cpp: only this file names the table of
// built-in emitters (builtin_emitters.cpp, linked into the executable), so that tests and
// benchmarks that open sessions link without it.
#include "cli/session.hpp"

namespace tampon::cli {

EmitterSet* g_emitters_until_exit = nullptr;  // reachable, like the session

EmitterSet& emitter_set_until_exit(const Options& options, Diagnostics& diagnostics) {
  delete g_emitters_until_exit;  // a command run again in the same process (the fuzz targets)
  g_emitters_until_exit = make_emitter_set(options, diagnostics).release();
  return *g_emitters_until_exit;
}

std::unique_ptr<EmitterSet> make_emitter_set(const Options& options, Diagnostics& diagnostics) {
  auto set = std::make_unique<EmitterSet>();
  set->add_builtins(builtin_emitters());
  auto dirs = options.plugin_dirs;
  for (auto& dir : plugin_dirs_from_env()) dirs.push_back(dir);
  set->load_plugin_dirs(dirs, diagnostics);
  return set;
}

}  // namespace tampon::cli
