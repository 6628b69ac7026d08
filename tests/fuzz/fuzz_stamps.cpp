// The output stamps (`out/.tampon-stamps`): inode, size and times of each output with its
// SHA-256, read at the start of every build; anyone with write access to out/ can edit them.
// Promise: a damaged file gives fewer stamps, never a crash; a file a stamp does not match is
// hashed, so an output whose bytes are not the recorded ones is never "unchanged".
// The same bytes are also read as the plan memo (`out/.tampon-plans`, write/plan_memo.hpp), the
// other line-based file of the tool in out/: never a crash, and what it reads it writes back
// as a file that reads the same.
#include <fstream>

#include "fuzz_support.hpp"
#include "io/sha256.hpp"
#include "write/output_stamps.hpp"
#include "write/plan_memo.hpp"

namespace {
namespace fs = std::filesystem;

void write(const fs::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  const fs::path out = fuzz::scratch() / "stamps";
  std::error_code ec;
  fs::remove_all(out, ec);
  fs::create_directories(out / "site");
  // Written afresh for each input: their inodes and times are new, so no stamp of the input
  // can match them unless it was made from them.
  const std::string pdf = "contenu du document", page = "<p>page</p>";
  write(out / "a.pdf", pdf);
  write(out / "site" / "index.html", page);
  write(out / OutputStamps::k_file_name, fuzz::text_of(data, size));
  OutputStamps stamps = OutputStamps::read(out);
  // The right digest is always recognised (by stamp or by hashing the file); a wrong one never
  // is, whatever the stamps say, since no stamp of the input describes these new files.
  if (!stamps.holds(out, "a.pdf", pdf.size(), sha256_hex(pdf)))
    fuzz::broken("un fichier intact n'est pas reconnu");
  if (stamps.holds(out, "site/index.html", page.size(), sha256_hex("autre chose")))
    fuzz::broken("un fichier est pris pour un autre d'après les tampons");
  if (stamps.holds(out, "absent.pdf", 3, sha256_hex("abc")))
    fuzz::broken("un fichier absent est reconnu");
  const std::string pdf_digest = sha256_hex(pdf), page_digest = sha256_hex(page);
  std::vector<StampedOutput> files = {{"a.pdf", pdf_digest, nullptr},
                                      {"site/index.html", page_digest, nullptr}};
  (void)OutputStamps::text_of(out, files);
  if (stamps.known(out, "site/index.html", page.size(), sha256_hex("autre chose")))
    fuzz::broken("un fichier est tenu pour connu avec une autre empreinte");

  write(out / PlanMemo::k_file_name, fuzz::text_of(data, size));
  PlanMemo memo = PlanMemo::read(out);
  write(out / PlanMemo::k_file_name, memo.text());
  if (!(PlanMemo::read(out) == memo)) fuzz::broken("le mémo des plans relu diffère de l'écrit");
  return 0;
}
