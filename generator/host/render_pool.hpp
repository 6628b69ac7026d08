#pragma once
#include <functional>
#include <vector>

#include "host/planned_job.hpp"
#include "write/output_tree.hpp"

namespace tampon {

/// Renders every job marked Render on `threads` worker threads, each into its staging file.
/// Per-job diagnostics are collected, then merged in job order (deterministic output).
void render_jobs(std::vector<PlannedJob>& jobs, const Model& model, const ProjectContext& project,
                 OutputTree& tree, unsigned threads, Diagnostics& diagnostics,
                 const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace tampon
