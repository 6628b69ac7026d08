#pragma once
// A scratch folder per test, and small programs written into it (shell scripts standing for
// misbehaving emitters: they must be caught whatever language they are written in).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace tampon::testing {

class Scratch {
 public:
  Scratch() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = std::filesystem::temp_directory_path() /
            ("tampon-external-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(m_dir);
    std::filesystem::create_directories(m_dir);
  }
  ~Scratch() { std::filesystem::remove_all(m_dir); }
  const std::filesystem::path& dir() const { return m_dir; }

  /// Writes an executable file `name` with `body` (which starts with its #! line).
  std::filesystem::path program(const std::string& name, const std::string& body,
                                std::filesystem::perms perms = std::filesystem::perms(0755)) const {
    auto path = m_dir / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << body;
    std::filesystem::permissions(path, perms);
    return path;
  }

 private:
  std::filesystem::path m_dir;
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A shell emitter that describes itself as `name` with `reads`, then runs `plan` and
/// `render` (shell snippets) for the other two commands.
inline std::string shell_emitter(const std::string& name, const std::string& plan,
                                 const std::string& render,
                                 const std::string& reads = R"("structure", "convention")",
                                 int protocol = 1) {
  return "#!/bin/sh\n"
         "case \"$1\" in\n"
         "  describe) echo '{\"protocol\": " +
         std::to_string(protocol) + ", \"name\": \"" + name +
         "\", \"version\": \"0.1.0\", \"reads\": [" + reads +
         "], \"capabilities\": [\"plan\", \"render\"]}' ;;\n"
         "  plan) cat > /dev/null; " +
         plan +
         " ;;\n"
         "  render) " +
         render +
         " ;;\n"
         "esac\n";
}

}  // namespace tampon::testing
