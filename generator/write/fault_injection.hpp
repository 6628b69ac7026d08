#pragma once
/// A seam for tests: the write layer asks it before each system call that changes --out, so a
/// test can make that call fail (disk full, read-only folder) or end the process there (a
/// crash in the middle of a commit). Production builds pass none.
#include <string_view>

namespace tampon {

enum class FsOp { Write, Sync, Rename, Remove };

class FaultInjector {
 public:
  virtual ~FaultInjector() = default;
  /// 0 to let the call run, or the errno value it fails with. May also never return.
  virtual int before(FsOp op, std::string_view path) const = 0;
};

/// The errno a faulty call fails with, or 0 (no injector, or the injector lets it run).
inline int injected(const FaultInjector* faults, FsOp op, std::string_view path) {
  return faults ? faults->before(op, path) : 0;
}

}  // namespace tampon
