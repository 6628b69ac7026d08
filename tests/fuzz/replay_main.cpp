// Replays a fuzz target's code over files and folders (recursively) without libFuzzer: the
// committed regression inputs and the seed corpora run in every ordinary test build, ASan +
// UBSan included, so a bug fuzzing found stays fixed even where clang is absent.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {
void replay(const std::filesystem::path& file, std::size_t& count) {
  std::ifstream in(file, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  ++count;
}
}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    fs::path root(argv[i]);
    if (fs::is_regular_file(root)) {
      replay(root, count);
    } else if (fs::is_directory(root)) {
      for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().filename() != "README.md")
          replay(entry.path(), count);
    } else {
      std::fprintf(stderr, "introuvable : %s\n", argv[i]);
      return 2;
    }
  }
  std::printf("%zu entrées rejouées\n", count);
  return count == 0 ? 1 : 0;
}
