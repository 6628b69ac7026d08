#pragma once
// Runs the real `tampon` executable in a temporary project folder and captures its exit
// code, standard output and standard error.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tampon::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class Project {
 public:
  /// A fresh empty folder named after the current test (or `name` outside a test body).
  explicit Project(const std::string& name = "");
  ~Project();
  const std::filesystem::path& dir() const { return m_dir; }
  /// Writes a file relative to the project folder (parents created).
  void write(const std::string& relative, const std::string& content) const;
  /// Runs `tampon ARGS…` with the project folder as working directory.
  RunResult run(const std::vector<std::string>& args) const;
  /// Every file under a folder of the project with its bytes.
  std::map<std::string, std::string> snapshot(const std::string& relative) const;

 private:
  std::filesystem::path m_dir;
};

/// A small valid project: one collectivité, one conseiller, one relance-2021 convention.
void write_minimal_valid_project(const Project& project);

}  // namespace tampon::testing
