#pragma once
/// Runs `work(i)` for i in [0, count) on `jobs` threads. Items are claimed in index order
/// from a shared counter, so a slow file never holds up the others; results go to per-index
/// slots, so nothing depends on thread timing.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace tampon {

template <class Work>
void for_each_index(std::size_t count, unsigned jobs, Work&& work) {
  unsigned threads = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, jobs), count));
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < count;) work(i);
  };
  std::vector<std::jthread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();  // the calling thread works too
}

}  // namespace tampon
