#pragma once
#include <memory>
#include <span>
#include <string_view>

#include "tampon/emitter.hpp"

namespace tampon {

struct BuiltinEmitter {
  std::string_view name;
  std::unique_ptr<Emitter> (*create)();
};

/// Defined in generator/builtin_emitters.cpp (linked into the executable only, so host tests
/// can link a table of their own).
std::span<const BuiltinEmitter> builtin_emitters();

}  // namespace tampon
