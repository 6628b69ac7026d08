#pragma once
/// A developer's stopwatch for the build's phases: with `TAMPON_TIMINGS=1` in the environment,
/// each `phase_done("manifest lu")` prints to stderr how long the phase took since the previous
/// mark, and the time since the process started. Off (one test of a flag) otherwise. Used by
/// bench/rebuild to tell where a rebuild's time goes.
#include <string_view>

namespace tampon {

void phase_done(std::string_view phase);

}  // namespace tampon
