// The site's configuration file (content/site.yaml), read from disk as the site emitter reads
// it. Promise: findings at a line inside the file, never a crash; a base URL, when accepted,
// always ends with '/'.
#include <fstream>

#include "fuzz_support.hpp"
#include "site_config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  std::string_view text = fuzz::text_of(data, size);
  const std::filesystem::path content = fuzz::scratch() / "content";
  std::filesystem::create_directories(content);
  const std::filesystem::path file = content / "site.yaml";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  Diagnostics found;
  site::SiteConfig config = site::load_site_config(file, SourceRoot(fuzz::scratch(), "content"),
                                                   "content/site.yaml", found);
  fuzz::check_findings(found, text);
  if (!config.base_url.empty() && config.base_url.back() != '/')
    fuzz::broken("une adresse de base acceptée sans « / » final : " + config.base_url);
  return 0;
}
