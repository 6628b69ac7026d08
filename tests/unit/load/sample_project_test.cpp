// The shipped sample project (data/ in the source tree) loads without a finding.
#include <gtest/gtest.h>

#include "load_support.hpp"

namespace tampon {
namespace {

TEST(SampleProject, LoadsEveryRecordWithoutFindings) {
  ProjectContext ctx;
  ctx.project_dir = TAMPON_SOURCE_DIR;
  ctx.shipped_dir = TAMPON_SOURCE_DIR;
  LoadResult r = load_project(ctx, {});
  EXPECT_TRUE(r.diagnostics.empty()) << testing::dump(r.diagnostics);
  EXPECT_FALSE(r.input_failure);
  EXPECT_GT(r.records.structures.size(), 5u);
  EXPECT_GT(r.records.conseillers.size(), 5u);
  EXPECT_GT(r.records.conventions.size(), 3u);
  EXPECT_EQ(r.baremes.regimes.size(), 3u);
  EXPECT_GE(r.smic.rates.size(), 10u);
}

}  // namespace
}  // namespace tampon
