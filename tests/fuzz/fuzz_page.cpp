// A content page of the site as the communication team writes it: YAML front matter between
// `---` fences, then Markdown, parsed and rendered to HTML with the site's own writer.
// Promises: findings at a line inside the page, never a crash; and, since raw HTML is never
// passed through and every link target is escaped, no tag the page did not come from the
// writer itself (no `<script`, `<iframe`, `<object`, `<style`) ever reaches the HTML.
#include <set>

#include "front_matter.hpp"
#include "fuzz_support.hpp"
#include "markdown.hpp"

namespace {

bool holds_tag(const std::string& html, std::string_view tag) {
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    std::string_view rest = std::string_view(html).substr(at + 1, tag.size());
    bool same = rest.size() == tag.size();
    for (std::size_t i = 0; same && i < tag.size(); ++i) same = (rest[i] | 0x20) == tag[i];
    if (same) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  static const bool ready = (site::init_markdown(), true);
  (void)ready;
  std::string text(fuzz::text_of(data, size));
  Diagnostics found;
  site::SplitPage page = site::split_front_matter(text, "content/page.md", found);
  const std::set<std::string> reserved{"contenu", "pied-de-page"};
  for (bool faq : {false, true}) {
    site::ParsedMarkdown parsed = site::parse_markdown(page.body, page.body_first_line,
                                                       "content/page.md", faq, reserved, found);
    site::RenderHooks hooks;
    // The target as written, so that its escaping in attributes is what is tested.
    hooks.resolve = [](const site::LinkRef& link) {
      return site::ResolvedLink{link.target, link.image ? "" : "PDF – 1 ko"};
    };
    hooks.data_block = [](const site::DataBlockRef&) { return std::string("<p>bloc</p>"); };
    std::string html = site::render_markdown(parsed, hooks);
    for (std::string_view tag : {"script", "iframe", "object", "style"})
      if (holds_tag(html, tag)) fuzz::broken("une balise <" + std::string(tag) + "> dans le HTML");
  }
  fuzz::check_findings(found, text);
  return 0;
}
