// core/ordered_blocks.hpp: blocks made on several threads, consumed in order on the caller's.
#include "core/ordered_blocks.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace tampon {
namespace {

// Each block made with a delay that varies from block to block, so that later blocks are often
// ready first: they are still taken in order, each with its own text, on any number of jobs.
TEST(OrderedBlocks, BlocksAreTakenInOrderWhateverOrderTheyAreMadeIn) {
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{57}}) {
      std::vector<std::size_t> taken;
      std::string all;
      make_in_order(
          count, jobs, 3,
          [](std::size_t i, std::string& text) {
            EXPECT_TRUE(text.empty());  // a reused buffer comes cleared
            std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 400));
            text = "[" + std::to_string(i) + "]";
          },
          [&](std::size_t i, std::string& text) {
            EXPECT_EQ(std::this_thread::get_id(), std::this_thread::get_id());
            taken.push_back(i);
            all += text;
          });
      std::string expected;
      for (std::size_t i = 0; i < count; ++i) expected += "[" + std::to_string(i) + "]";
      EXPECT_EQ(all, expected) << jobs << " jobs, " << count << " blocks";
      ASSERT_EQ(taken.size(), count);
      for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(taken[i], i);
    }
  }
}

// Memory stays flat: never more than `ahead` blocks made and not yet taken, however slow the
// caller is.
TEST(OrderedBlocks, NoMoreThanAheadBlocksWaitAtOnce) {
  std::atomic<int> waiting{0}, most{0};
  make_in_order(
      40, 4, 3,
      [&](std::size_t, std::string& text) {
        int now = ++waiting;
        for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
        }
        text = "x";
      },
      [&](std::size_t, std::string&) {
        std::this_thread::sleep_for(std::chrono::microseconds(300));
        --waiting;
      });
  EXPECT_LE(most.load(), 3);
  EXPECT_GE(most.load(), 1);
}

// A failure while making or taking a block reaches the caller, and the threads stop (the test
// would hang or crash otherwise).
TEST(OrderedBlocks, AFailureInABlockReachesTheCaller) {
  for (unsigned jobs : {1u, 2u, 4u}) {
    std::size_t taken = 0;
    EXPECT_THROW(make_in_order(
                     100, jobs, 4,
                     [](std::size_t i, std::string& text) {
                       if (i == 17) throw std::runtime_error("bloc 17");
                       text = "x";
                     },
                     [&](std::size_t, std::string&) { ++taken; }),
                 std::runtime_error);
    EXPECT_LE(taken, 17u) << jobs;  // never a block after the one that failed
    EXPECT_THROW(make_in_order(
                     100, jobs, 4, [](std::size_t, std::string& text) { text = "x"; },
                     [](std::size_t i, std::string&) {
                       if (i == 5) throw std::runtime_error("écriture");
                     }),
                 std::runtime_error);
  }
}

}  // namespace
}  // namespace tampon
