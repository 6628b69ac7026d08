#include "plugin/external_process.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "scratch.hpp"
#include "tampon/diagnostic.hpp"

namespace tampon::external {
namespace {
using namespace std::chrono_literals;
using testing::Scratch;

ProcessRequest shell(const std::string& script, std::string_view input = {}) {
  return ProcessRequest{"/bin/sh", {"-c", script}, input, {}, 10s};
}

TEST(ExternalProcess, PassesStdinThroughAndCollectsStdoutAndExitCode) {
  auto result = run_process(shell("tr a-z A-Z; exit 3", "bonjour"));
  EXPECT_EQ(result.end, ProcessResult::End::Exited);
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.out, "BONJOUR");
}

TEST(ExternalProcess, MovesMegabytesBothWaysWithoutDeadlock) {
  // 8 MiB in and out at once: far more than a pipe buffer in either direction.
  std::string input(8 << 20, 'x');
  for (std::size_t i = 0; i < input.size(); i += 4096) input[i] = '\n';
  auto result = run_process(shell("cat; cat /dev/null >&2", input));
  ASSERT_TRUE(result.ok()) << describe_end(result, 10s);
  EXPECT_EQ(result.out, input);
}

TEST(ExternalProcess, SurvivesAProgramThatExitsWithoutReadingItsInput) {
  std::string input(4 << 20, 'x');  // the write fails with EPIPE: no SIGPIPE may kill us
  auto result = run_process(shell("echo parti >&2; exit 7", input));
  EXPECT_EQ(result.exit_code, 7);
  EXPECT_EQ(result.err, "parti\n");
}

TEST(ExternalProcess, AddsAndReplacesEnvironmentVariables) {
  ::setenv("TAMPON_OUTPUT", "ancienne", 1);
  auto request = shell("printf '%s|%s' \"$TAMPON_OUTPUT\" \"$HOME\"");
  request.env = {{"TAMPON_OUTPUT", "/tmp/sortie"}};
  auto result = run_process(request);
  ::unsetenv("TAMPON_OUTPUT");
  const char* home = std::getenv("HOME");
  EXPECT_EQ(result.out, std::string("/tmp/sortie|") + (home ? home : ""));
}

TEST(ExternalProcess, KillsTheWholeProcessGroupAtTheDeadline) {
  Scratch scratch;
  auto marker = scratch.dir() / "encore-vivant";
  // The child starts a grandchild that would write a marker after 2 s, then hangs itself.
  auto request = shell("(sleep 2; touch '" + marker.string() + "') & sleep 30");
  request.timeout = 1000ms;
  auto start = std::chrono::steady_clock::now();
  auto result = run_process(request);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(result.end, ProcessResult::End::TimedOut);
  EXPECT_LT(took, 5s);
  std::this_thread::sleep_for(2500ms);
  EXPECT_FALSE(std::filesystem::exists(marker)) << "a grandchild outlived the timeout";
  EXPECT_NE(describe_end(result, request.timeout).find("délai de 1 s"), std::string::npos)
      << describe_end(result, request.timeout);
}

TEST(ExternalProcess, ReportsASignalByName) {
  auto result = run_process(shell("kill -SEGV $$"));
  EXPECT_EQ(result.end, ProcessResult::End::Signaled);
  EXPECT_EQ(describe_end(result, 1s), "a été interrompu par le signal 11 (SIGSEGV)");
}

TEST(ExternalProcess, StopsAProgramWhoseOutputExceedsTheCap) {
  auto request = shell("yes");
  request.max_output = 1 << 20;
  auto result = run_process(request);
  EXPECT_EQ(result.end, ProcessResult::End::OutputTooLarge);
}

TEST(ExternalProcess, ExplainsInFrenchWhyAProgramCannotStart) {
  Scratch scratch;
  auto no_shebang = scratch.program("sans-diese", "echo bonjour\n");
  try {
    run_process({no_shebang, {}, {}, {}, 1s});
    FAIL() << "expected Fatal";
  } catch (const Fatal& e) {
    EXPECT_NE(std::string(e.what()).find("ligne #!"), std::string::npos) << e.what();
  }
  EXPECT_THROW(run_process({scratch.dir() / "absent", {}, {}, {}, 1s}), Fatal);
}

TEST(ExternalProcess, KeepsTheLastLinesOfStderrWithoutControlCharacters) {
  std::string text;
  for (int i = 1; i <= 30; ++i) text += "ligne " + std::to_string(i) + "\n";
  text += "fin\x1b[31m\n\n";
  auto lines = last_lines(text, 20);
  ASSERT_EQ(lines.size(), 20u);
  EXPECT_EQ(lines.front(), "ligne 12");
  EXPECT_EQ(lines.back(), "fin?[31m");
  auto cut = last_lines(std::string(290, 'a') + "ééééééééééé", 1);
  EXPECT_EQ(cut[0], std::string(290, 'a') + "éééé…");  // whole "é" only, never half of one
}

TEST(ExternalProcess, ReadsTheTimeoutInSecondsWithDecimals) {
  EXPECT_EQ(parse_timeout("2.5"), 2500ms);
  EXPECT_EQ(parse_timeout("60"), 60000ms);
  EXPECT_EQ(parse_timeout("0"), std::nullopt);
  EXPECT_EQ(parse_timeout("-1"), std::nullopt);
  EXPECT_EQ(parse_timeout("10s"), std::nullopt);
  ::setenv("TAMPON_EXTERNAL_TIMEOUT", "n'importe quoi", 1);
  EXPECT_EQ(timeout_from_env(), 60000ms);
  ::setenv("TAMPON_EXTERNAL_TIMEOUT", "0.25", 1);
  EXPECT_EQ(timeout_from_env(), 250ms);
  ::unsetenv("TAMPON_EXTERNAL_TIMEOUT");
}

}  // namespace
}  // namespace tampon::external
