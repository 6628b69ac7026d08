#pragma once
// Runs an emitter the way the host does (plan, then render each job into its own file) without
// the host, so these tests depend only on the plugin API.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tampon/emitter.hpp"

namespace tampon::testing {

class TestRenderContext final : public RenderContext {
 public:
  TestRenderContext(ProjectContext project, std::filesystem::path output)
      : m_project(std::move(project)), m_output(std::move(output)) {}
  const ProjectContext& project() const override { return m_project; }
  const std::filesystem::path& output_path() const override { return m_output; }
  void report(Diagnostic diagnostic) override { diagnostics.push_back(std::move(diagnostic)); }
  Diagnostics diagnostics;

 private:
  ProjectContext m_project;
  std::filesystem::path m_output;
};

/// Plans and renders every job under `out`; returns the jobs.
std::vector<OutputJob> emit_all(const Emitter& emitter, const Model& model,
                                const std::filesystem::path& out);

/// A fresh empty folder under the system temporary folder.
std::filesystem::path fresh_dir(const std::string& name);

std::string read_bytes(const std::filesystem::path& path);

std::unique_ptr<Emitter> make_tranches();
std::unique_ptr<Emitter> make_justification();

}  // namespace tampon::testing
