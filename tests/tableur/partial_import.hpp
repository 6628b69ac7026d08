#pragma once
// Tests of the import's mechanics (escaping, file layout, --force) feed it records reduced to
// the fields they are about. Such an import writes its files, then the project's validation
// (docs/tableur.md) finds what the records leave out: exit 1, and nothing else wrong.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "cli_harness.hpp"

namespace tampon::testing {

/// The import wrote (or kept) its files, and validation found only fields left out or records
/// named but not imported (or, `also`, findings the test makes on purpose).
inline ::testing::AssertionResult imported_partial_records(const RunResult& r,
                                                           std::set<std::string> also = {}) {
  if (r.err.find("import : ") == std::string::npos ||
      r.err.find("rien n'a été écrit") != std::string::npos)
    return ::testing::AssertionFailure() << "l'import n'a rien écrit :\n" << r.err;
  if (r.exit_code != 0 && r.exit_code != 1)
    return ::testing::AssertionFailure() << "code " << r.exit_code << "\n" << r.err;
  static const std::set<std::string> left_out = {"missing-field", "dangling-reference"};
  static const std::regex code(R"(: (?:erreur|avertissement): .*\[([a-z0-9-]+)\]$)",
                               std::regex::multiline);
  for (std::sregex_iterator it(r.err.begin(), r.err.end(), code), end; it != end; ++it)
    if (!left_out.contains((*it)[1].str()) && !also.contains((*it)[1].str()))
      return ::testing::AssertionFailure() << "constat inattendu " << (*it)[1] << "\n" << r.err;
  return ::testing::AssertionSuccess();
}

}  // namespace tampon::testing
