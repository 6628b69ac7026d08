#pragma once
/// The commit journal: the list of renames and removals that turn --out from the previous
/// build into the new one (ARCHITECTURE.md, "The commit protocol").
///
/// It is written whole into the staging folder, flushed to disk, then renamed to
/// `out/.tampon-journal`: that rename is the commit point. A journal present at the start of a
/// build is replayed to its end first (every operation is idempotent), so after a crash at
/// any instant --out holds the previous build (no journal yet) or the new one (journal
/// replayed), never a mix.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "write/fault_injection.hpp"

namespace tampon {

class OutFolder;

struct JournalOp {
  enum class Kind { Remove, Place } kind = Kind::Place;
  std::string from;  ///< Place: the staged file or folder, relative to --out (in .tampon-tmp/)
  std::string to;    ///< Place: its final path; Remove: the stale output
  friend bool operator==(const JournalOp&, const JournalOp&) = default;
};

inline constexpr std::string_view k_journal_name = ".tampon-journal";
inline constexpr std::string_view k_staging_name = ".tampon-tmp";

/// The journal's text: a header line, one line per operation, an end line with the count.
std::string journal_text(const std::vector<JournalOp>& ops);
/// The operations of a journal, or nullopt when the text is damaged or names a path that
/// leaves --out (it was read from disk: trusted no more than any file of --out).
std::optional<std::vector<JournalOp>> parse_journal(std::string_view text);

/// Carries out `ops` in order. Idempotent: an operation whose source is already gone was done
/// by an earlier, interrupted run. Removals come before placements in a journal, so a file
/// can give way to a folder of the same name and back. Throws Fatal on failure.
void apply_journal(const OutFolder& out, const std::vector<JournalOp>& ops,
                   const FaultInjector* faults);

}  // namespace tampon
