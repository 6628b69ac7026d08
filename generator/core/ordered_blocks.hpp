#pragma once
/// Text made in blocks on several threads and consumed in order on the calling thread, while
/// the next blocks are being made: `manifest.json` is over 100 MB on a national build, and
/// formatting it on one thread then writing it took 0.2 to 0.5 s of every rebuild that changed
/// a file. At most `ahead` blocks are made or waiting at once, each in a buffer reused from
/// block to block: memory stays flat however long the text.
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tampon {

/// Calls `make(i, text)` for each block i in [0, count) on `jobs` threads (`text` empty, to
/// fill), and `take(i, text)` on the calling thread for i = 0, 1, 2… in that order. With one
/// job, or one block, everything runs on the calling thread. An exception from `make` or `take`
/// stops the others and reaches the caller (the first one thrown).
template <class Make, class Take>
void make_in_order(std::size_t count, unsigned jobs, std::size_t ahead, Make&& make, Take&& take) {
  if (jobs <= 1 || count <= 1) {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
      text.clear();
      make(i, text);
      take(i, text);
    }
    return;
  }
  if (ahead < 1) ahead = 1;
  struct Slot {
    std::string text;
    bool ready = false;
  };
  std::vector<Slot> slots(ahead);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0;   // the next block to make
  std::size_t taken = 0;  // blocks before it are consumed: their slots are free
  bool stop = false;
  std::exception_ptr failure;
  auto worker = [&] {
    std::unique_lock lock(mutex);
    for (;;) {
      changed.wait(lock, [&] { return stop || next >= count || next < taken + ahead; });
      if (stop || next >= count) return;
      std::size_t i = next++;
      std::string text = std::move(slots[i % ahead].text);  // its capacity, reused
      lock.unlock();
      text.clear();
      std::exception_ptr error;
      try {
        make(i, text);
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      if (error) {
        if (!failure) failure = error;
        stop = true;
      } else {
        slots[i % ahead].text = std::move(text);
        slots[i % ahead].ready = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::jthread> pool;
  // Declared after the pool, so destroyed first: whatever way this returns, the workers are
  // told to stop before they are joined.
  struct StopOnExit {
    std::mutex& mutex;
    std::condition_variable& changed;
    bool& stop;
    ~StopOnExit() {
      {
        std::lock_guard lock(mutex);
        stop = true;
      }
      changed.notify_all();
    }
  };
  pool.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);
  StopOnExit stop_on_exit{mutex, changed, stop};
  for (std::size_t i = 0; i < count; ++i) {
    std::string text;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots[i % ahead].ready || failure; });
      if (failure) std::rethrow_exception(failure);
      text = std::move(slots[i % ahead].text);
    }
    take(i, text);
    {
      std::lock_guard lock(mutex);
      slots[i % ahead].text = std::move(text);
      slots[i % ahead].ready = false;
      taken = i + 1;
    }
    changed.notify_all();
  }
}

}  // namespace tampon
