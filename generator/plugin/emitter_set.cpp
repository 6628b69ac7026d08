#include "plugin/emitter_set.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>

#include "plugin/external_emitter.hpp"
#include "plugin/external_protocol.hpp"
#include "tampon/plugin_abi.h"

namespace tampon {
namespace fs = std::filesystem;

/// A dlopen'ed module and the emitter it created. The emitter is destroyed with the
/// module's own `destroy` before the library is closed.
struct EmitterSet::Module {
  void* handle = nullptr;
  const TamponPluginInfo* info = nullptr;
  Emitter* emitter = nullptr;
  ~Module() {
    if (emitter && info && info->destroy) info->destroy(emitter);
    if (handle) dlclose(handle);
  }
};

namespace {

Diagnostic plugin_error(const fs::path& path, std::string message) {
  return Diagnostic::error({path.string(), 0, 0}, "plugin-load", std::move(message));
}

}  // namespace

EmitterSet::EmitterSet() = default;

EmitterSet::~EmitterSet() {
  m_emitters.clear();
  m_modules.clear();  // destroy plugin emitters before unloading their code
}

void EmitterSet::add_builtins(std::span<const BuiltinEmitter> table) {
  for (const auto& entry : table) {
    m_builtins.push_back(entry.create());
    m_emitters.push_back({m_builtins.back().get(), "intégré", TAMPON_PLUGIN_API_VERSION,
                          entry.lists_every_input, entry.prints_public_part_only,
                          entry.reads_every_record});
  }
}

void EmitterSet::load_plugin_dirs(const std::vector<fs::path>& dirs, Diagnostics& diagnostics) {
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      diagnostics.push_back(plugin_error(dir, "dossier de modules introuvable"));
      continue;
    }
    std::vector<fs::path> modules;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".so") modules.push_back(entry.path());
    std::sort(modules.begin(), modules.end());
    for (const auto& path : modules) load_module(path, diagnostics);
    for (const auto& path : find_external_emitters(dir, diagnostics))
      load_external(path, diagnostics);
  }
}

bool EmitterSet::load_module(const fs::path& path, Diagnostics& diagnostics) {
  auto module = std::make_unique<Module>();
  module->handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!module->handle) {
    const char* why = dlerror();
    diagnostics.push_back(plugin_error(
        path, std::string("impossible de charger le module : ") + (why ? why : "raison inconnue")));
    return false;
  }
  using EntryPoint = const TamponPluginInfo* (*)();
  auto entry = reinterpret_cast<EntryPoint>(dlsym(module->handle, "tampon_plugin_info"));
  if (!entry) {
    diagnostics.push_back(plugin_error(
        path,
        "ce module n'est pas un émetteur Tampon : point d'entrée « tampon_plugin_info » absent"));
    return false;
  }
  module->info = entry();
  // The version is checked before anything else of the module is called.
  if (!module->info || module->info->api_version != TAMPON_PLUGIN_API_VERSION) {
    unsigned got = module->info ? module->info->api_version : 0;
    diagnostics.push_back(
        plugin_error(path, "module construit pour l'interface version " + std::to_string(got) +
                               ", version attendue " + std::to_string(TAMPON_PLUGIN_API_VERSION) +
                               " : recompilez-le avec les en-têtes de cette version de Tampon"));
    return false;
  }
  if (!module->info->create || !module->info->destroy || !module->info->name) {
    diagnostics.push_back(plugin_error(path, "module incomplet : fonction de création absente"));
    return false;
  }
  if (find(module->info->name)) {
    diagnostics.push_back(plugin_error(path, std::string("un émetteur nommé « ") +
                                                 module->info->name +
                                                 " » existe déjà : renommez l'émetteur du module"));
    return false;
  }
  module->emitter = module->info->create();
  if (!module->emitter || module->emitter->info().name != module->info->name) {
    diagnostics.push_back(plugin_error(path, "le module n'a pas créé l'émetteur annoncé"));
    return false;
  }
  m_emitters.push_back({module->emitter, path.string(), module->info->api_version, false});
  m_modules.push_back(std::move(module));
  return true;
}

bool EmitterSet::load_external(const fs::path& program, Diagnostics& diagnostics) {
  auto emitter = ExternalEmitter::open(program, diagnostics);
  if (!emitter) return false;
  if (find(emitter->info().name)) {
    diagnostics.push_back(plugin_error(program, "un émetteur nommé « " + emitter->info().name +
                                                    " » existe déjà : renommez le programme"));
    return false;
  }
  m_emitters.push_back({emitter.get(), "programme externe " + program.string(),
                        static_cast<unsigned>(external::k_protocol_version), false});
  m_external.push_back(std::move(emitter));
  return true;
}

const Emitter* EmitterSet::find(std::string_view name) const {
  for (const auto& e : m_emitters)
    if (e.emitter->info().name == name) return e.emitter;
  return nullptr;
}

std::vector<std::string> EmitterSet::names() const {
  std::vector<std::string> out;
  for (const auto& e : m_emitters) out.push_back(e.emitter->info().name);
  return out;
}

std::vector<fs::path> plugin_dirs_from_env() {
  std::vector<fs::path> dirs;
  const char* value = std::getenv("TAMPON_PLUGIN_PATH");
  if (!value) return dirs;
  std::string_view text(value);
  while (!text.empty()) {
    auto colon = text.find(':');
    auto part = text.substr(0, colon);
    if (!part.empty()) dirs.emplace_back(part);
    if (colon == std::string_view::npos) break;
    text.remove_prefix(colon + 1);
  }
  return dirs;
}

}  // namespace tampon
