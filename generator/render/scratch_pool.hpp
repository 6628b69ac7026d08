#pragma once
/// Scratch for work done side by side, such as the renders of one build: each task takes an
/// object (a new one when none is free) and gives it back when done, so there are as many as
/// tasks at once, and each is used by one task at a time. What an emitter keeps from one
/// render to the next (menus built once per folder depth, say) lives in a pool held by its
/// `BuildState`, never in the emitter, a static or a thread_local.
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace tampon::render {

template <class T>
class ScratchPool {
 public:
  /// One object, given back to the pool when the lease ends.
  class Lease {
   public:
    Lease(const ScratchPool& pool, std::unique_ptr<T> object)
        : m_pool(pool), m_object(std::move(object)) {}
    ~Lease() { m_pool.give_back(std::move(m_object)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    T& operator*() const { return *m_object; }
    T* operator->() const { return m_object.get(); }

   private:
    const ScratchPool& m_pool;
    std::unique_ptr<T> m_object;
  };

  /// Thread-safe; callable on a const pool (a build's state is read-only to renders). A new
  /// object is made by `make()`.
  template <class Make>
  Lease take(Make&& make) const {
    {
      std::lock_guard lock(m_mutex);
      if (!m_free.empty()) {
        std::unique_ptr<T> object = std::move(m_free.back());
        m_free.pop_back();
        return Lease(*this, std::move(object));
      }
    }
    return Lease(*this, make());
  }
  Lease take() const {
    return take([] { return std::make_unique<T>(); });
  }

 private:
  void give_back(std::unique_ptr<T> object) const {
    std::lock_guard lock(m_mutex);
    m_free.push_back(std::move(object));
  }
  mutable std::mutex m_mutex;
  mutable std::vector<std::unique_ptr<T>> m_free;
};

}  // namespace tampon::render
