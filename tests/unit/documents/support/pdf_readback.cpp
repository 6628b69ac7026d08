#include "support/pdf_readback.hpp"

#include <unistd.h>
#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace tampon::testing {
namespace {

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

}  // namespace

CommandResult run(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string pdftotext(const std::filesystem::path& pdf, bool layout) {
  return run(std::string("pdftotext ") + (layout ? "-layout " : "") + quoted(pdf) + " -").out;
}

std::string pdffonts(const std::filesystem::path& pdf) {
  return run("pdffonts " + quoted(pdf)).out;
}

std::string pdfinfo(const std::filesystem::path& pdf) { return run("pdfinfo " + quoted(pdf)).out; }

int page_count(const std::filesystem::path& pdf) {
  std::istringstream in(pdfinfo(pdf));
  for (std::string line; std::getline(in, line);)
    if (line.rfind("Pages:", 0) == 0) return std::stoi(line.substr(6));
  return -1;
}

int qpdf_check(const std::filesystem::path& pdf) {
  return run("qpdf --check " + quoted(pdf) + " > /dev/null 2>&1").status;
}

std::string qdf(const std::filesystem::path& pdf) {
  return run("qpdf --qdf --object-streams=disable " + quoted(pdf) + " -").out;
}

namespace {

constexpr const char* k_structure_script = R"PY(
import re, sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
root = pdf.Root
print("version", pdf.pdf_version)
print("lang", str(root.get("/Lang", "")))
mi = root.get("/MarkInfo")
print("marked", bool(mi.get("/Marked", False)) if mi is not None else False)
vp = root.get("/ViewerPreferences")
print("display-doc-title", bool(vp.get("/DisplayDocTitle", False)) if vp is not None else False)
xmp = root.Metadata.read_bytes().decode() if "/Metadata" in root else ""
def tag(name):
    m = re.search("<%s>(.*?)</%s>" % (name, name), xmp, re.S)
    return m.group(1) if m else ""
print("pdfa", tag("pdfaid:part") + tag("pdfaid:conformance"), "pdfua", tag("pdfuaid:part"))
t = re.search(r"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", xmp, re.S)
print("xmp-title", t.group(1) if t else "")
for oi in root.get("/OutputIntents", []):
    p = oi.DestOutputProfile
    print("output-intent", str(oi.S), "N=%d" % int(p.N), "profile-bytes=%d" % len(p.read_bytes()))
for i, page in enumerate(pdf.pages):
    print("page", i + 1, "tabs", str(page.obj.get("/Tabs", "")), "struct-parents", "/StructParents" in page.obj)
    for a in page.obj.get("/Annots", []):
        print("annot", str(a.Subtype), "struct-parent", "/StructParent" in a,
              "contents", str(a.get("/Contents", a.get("/TU", ""))))
def walk(e, depth):
    line = "  " * depth + str(e.S)[1:]
    if "/Alt" in e: line += " alt=" + str(e.Alt)
    a = e.get("/A")
    if a is not None and "/Scope" in a: line += " scope=" + str(a.Scope)[1:]
    k = e.get("/K")
    kids = list(k) if isinstance(k, pikepdf.Array) else ([] if k is None else [k])
    mc = sum(1 for x in kids if isinstance(x, int) or (isinstance(x, pikepdf.Dictionary) and x.get("/Type") == "/MCR"))
    objr = sum(1 for x in kids if isinstance(x, pikepdf.Dictionary) and x.get("/Type") == "/OBJR")
    if mc: line += " mc=%d" % mc
    if objr: line += " objr=%d" % objr
    print(line)
    for x in kids:
        if isinstance(x, pikepdf.Dictionary) and "/S" in x: walk(x, depth + 1)
if "/StructTreeRoot" in root:
    print("tree")
    k = root.StructTreeRoot.K
    for e in (list(k) if isinstance(k, pikepdf.Array) else [k]): walk(e, 1)
with pdf.open_outline() as outline:
    def show(items, depth):
        for it in items:
            print("outline", "  " * depth + it.title)
            show(it.children, depth + 1)
    show(outline.root, 0)
)PY";

}  // namespace

std::string pdf_structure(const std::filesystem::path& pdf) {
  static const std::filesystem::path script = [] {
    auto path = std::filesystem::temp_directory_path() /
                ("tampon-pdf-structure-" + std::to_string(getpid()) + ".py");
    std::ofstream(path) << k_structure_script;
    return path;
  }();
  // Debian's interpreter, where python3-pikepdf is installed (not a python3 found first on PATH).
  return run("/usr/bin/python3 " + quoted(script) + " " + quoted(pdf) + " 2>&1").out;
}

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  m_path = std::filesystem::temp_directory_path() /
           ("tampon-documents-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

namespace {

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
    s.replace(at, from.size(), to);
  return s;
}

std::string collapse_spaces(std::string s) {
  s = replace_all(std::move(s), "\u00A0", " ");
  s = replace_all(std::move(s), "\u202F", " ");
  s = replace_all(std::move(s), "\n", " ");
  s = replace_all(std::move(s), "\f", " ");
  std::string out;
  for (char c : s)
    if (!(c == ' ' && !out.empty() && out.back() == ' ')) out += c;
  return out;
}

}  // namespace

bool contains_phrase(const std::string& text, const std::string& phrase) {
  std::string wanted = collapse_spaces(phrase);
  for (const char* joined_hyphen : {"-", ""})
    if (collapse_spaces(replace_all(text, "-\n", joined_hyphen)).find(wanted) != std::string::npos)
      return true;
  return collapse_spaces(text).find(wanted) != std::string::npos;
}

int count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

}  // namespace tampon::testing
