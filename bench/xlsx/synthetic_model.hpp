#pragma once
// A national-sized model built in memory (no YAML): 4 000 structures, 10 000 conseillers,
// 5 000 conventions with their posts, tranches, statuses and payments. Deterministic. Used when
// no generated project folder is given.
#include <memory>

#include "tampon/model.hpp"

namespace tampon::bench {

std::unique_ptr<Model> synthetic_national_model(Date as_of);

}  // namespace tampon::bench
