// The commit journal (`out/.tampon-journal`), which the next build replays when a build died
// after its commit point: anyone with write access to out/ can edit it. Promise: a damaged
// journal is dropped; one that parses only renames and removes inside --out, never through a
// link, and a failure is a Fatal with a message, never a crash. Each input is replayed on a
// fresh out/ holding staged files, outputs, and links to a folder and a file outside it.
#include <fstream>
#include <set>

#include "fuzz_support.hpp"
#include "tampon/diagnostic.hpp"
#include "write/commit_journal.hpp"
#include "write/out_folder.hpp"

namespace {
namespace fs = std::filesystem;

void write(const fs::path& path, std::string_view text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

constexpr std::string_view k_witness = "témoin : ne doit pas changer";

void lay_out(const fs::path& root) {
  std::error_code ec;
  fs::remove_all(root, ec);  // links are removed, never followed
  fs::create_directories(root / "out" / ".tampon-tmp");
  fs::create_directories(root / "out" / "site" / "guide");
  fs::create_directories(root / "dehors");
  write(root / "out" / ".tampon-tmp" / "1-a.pdf", "nouveau");
  write(root / "out" / ".tampon-tmp" / "2-index.html", "nouvelle page");
  write(root / "out" / "a.pdf", "ancien");
  write(root / "out" / "site" / "index.html", "ancienne page");
  write(root / "out" / "site" / "guide" / "page.html", "page");
  write(root / "out" / "manifest.json", "{}");
  write(root / "dehors" / "temoin.txt", k_witness);
  write(root / "temoin.txt", k_witness);
  fs::create_directory_symlink("../dehors", root / "out" / "lien");
  fs::create_symlink("../temoin.txt", root / "out" / "lien-fichier");
}

// Outside out/: the witness beside it and the folder the link points to, exactly as laid out.
void check_outside(const fs::path& root) {
  if (read(root / "temoin.txt") != k_witness) tampon::fuzz::broken("fichier hors de --out modifié");
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(root / "dehors"))
    names.insert(entry.path().filename().string());
  if (names != std::set<std::string>{"temoin.txt"} ||
      read(root / "dehors" / "temoin.txt") != k_witness)
    tampon::fuzz::broken("dossier hors de --out modifié (à travers un lien)");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  auto ops = parse_journal(fuzz::text_of(data, size));
  if (!ops) return 0;
  for (const JournalOp& op : *ops) {
    for (const std::string* path : {&op.from, &op.to}) {
      if (op.kind == JournalOp::Kind::Remove && path == &op.from) continue;
      bool inside = !path->empty() && path->front() != '/';
      for (const auto& part : fs::path(*path)) inside = inside && part != ".." && part != ".";
      if (!inside) fuzz::broken("opération de journal hors de --out acceptée : " + *path);
    }
  }
  const fs::path root = fuzz::scratch() / "journal";
  lay_out(root);
  try {
    apply_journal(OutFolder(root / "out"), *ops, nullptr);
  } catch (const Fatal& e) {
    if (std::string_view(e.what()).empty()) fuzz::broken("Fatal sans message");
  }
  check_outside(root);
  return 0;
}
