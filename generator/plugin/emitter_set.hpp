#pragma once
/// The emitters of one run: the built-in table plus modules loaded with dlopen from explicit
/// plugin folders (--plugin-dir, TAMPON_PLUGIN_PATH). Loading code is running code, so
/// nothing is ever loaded from an implicit place.
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "plugin/builtin_emitters.hpp"
#include "tampon/diagnostic.hpp"
#include "tampon/emitter.hpp"

namespace tampon {

struct LoadedEmitter {
  const Emitter* emitter = nullptr;
  std::string origin;  ///< "intégré" or the module's path
  unsigned abi_version = 0;
  bool lists_every_input = false;        ///< BuiltinEmitter::lists_every_input; false for plugins
  bool prints_public_part_only = false;  ///< BuiltinEmitter::prints_public_part_only
  bool reads_every_record = false;       ///< BuiltinEmitter::reads_every_record
};

class EmitterSet {
 public:
  EmitterSet();
  ~EmitterSet();
  EmitterSet(const EmitterSet&) = delete;
  EmitterSet& operator=(const EmitterSet&) = delete;

  void add_builtins(std::span<const BuiltinEmitter> table);
  /// Loads every `*.so` of each folder (sorted by name), then every external-process emitter
  /// `tampon-emitter-<name>` (PROTOCOL.md). Each failure is an error diagnostic in French
  /// naming the module or program; a refused one is not loaded.
  void load_plugin_dirs(const std::vector<std::filesystem::path>& dirs, Diagnostics& diagnostics);
  /// Loads one module; returns false (with a diagnostic) when refused.
  bool load_module(const std::filesystem::path& path, Diagnostics& diagnostics);
  /// Asks one program to describe itself; returns false (with a diagnostic) when refused.
  bool load_external(const std::filesystem::path& program, Diagnostics& diagnostics);

  std::span<const LoadedEmitter> all() const { return m_emitters; }
  const Emitter* find(std::string_view name) const;
  std::vector<std::string> names() const;

 private:
  struct Module;
  std::vector<std::unique_ptr<Emitter>> m_builtins;
  std::vector<std::unique_ptr<Module>> m_modules;
  std::vector<std::unique_ptr<Emitter>> m_external;
  std::vector<LoadedEmitter> m_emitters;
};

/// Folders named by TAMPON_PLUGIN_PATH (':'-separated).
std::vector<std::filesystem::path> plugin_dirs_from_env();

}  // namespace tampon
