#include "render/document/font_subset.hpp"

#include <array>
#include <stdexcept>

namespace tampon::doc {
namespace {

// Composite glyph flags (OpenType 'glyf').
constexpr std::uint16_t k_arg_words = 0x0001;
constexpr std::uint16_t k_scale = 0x0008;
constexpr std::uint16_t k_more = 0x0020;
constexpr std::uint16_t k_xy_scale = 0x0040;
constexpr std::uint16_t k_two_by_two = 0x0080;

std::uint16_t u16(std::string_view s, std::size_t at) {
  if (at + 2 > s.size()) throw std::runtime_error("table TrueType tronquée");
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at]) << 8 |
                                    static_cast<unsigned char>(s[at + 1]));
}

std::uint32_t u32(std::string_view s, std::size_t at) {
  return static_cast<std::uint32_t>(u16(s, at)) << 16 | u16(s, at + 2);
}

void put16(std::string& s, std::size_t at, std::uint16_t v) {
  s[at] = static_cast<char>(v >> 8);
  s[at + 1] = static_cast<char>(v & 0xFF);
}

void put32(std::string& s, std::size_t at, std::uint32_t v) {
  put16(s, at, static_cast<std::uint16_t>(v >> 16));
  put16(s, at + 2, static_cast<std::uint16_t>(v & 0xFFFF));
}

void append16(std::string& s, std::uint16_t v) {
  s += static_cast<char>(v >> 8);
  s += static_cast<char>(v & 0xFF);
}

void append32(std::string& s, std::uint32_t v) {
  append16(s, static_cast<std::uint16_t>(v >> 16));
  append16(s, static_cast<std::uint16_t>(v & 0xFFFF));
}

/// The bytes of one glyph of the original font.
std::string_view glyph_data(const FontFace& face, std::uint16_t gid) {
  std::string_view loca = face.table("loca"), glyf = face.table("glyf");
  bool long_offsets = u16(face.table("head"), 50) == 1;
  std::size_t start = long_offsets ? u32(loca, 4u * gid) : 2u * u16(loca, 2u * gid);
  std::size_t end = long_offsets ? u32(loca, 4u * gid + 4) : 2u * u16(loca, 2u * gid + 2);
  if (end < start || end > glyf.size()) throw std::runtime_error("table loca incohérente");
  return glyf.substr(start, end - start);
}

/// Visits the component glyph ids of a composite glyph (none for a simple one); `at` is the
/// byte offset of each id in the glyph data, for renumbering.
template <class Visit>
void for_each_component(std::string_view glyph, Visit visit) {
  if (glyph.size() < 10 || static_cast<std::int16_t>(u16(glyph, 0)) >= 0) return;
  std::size_t at = 10;
  std::uint16_t flags;
  do {
    flags = u16(glyph, at);
    visit(u16(glyph, at + 2), at + 2);
    at += 4 + ((flags & k_arg_words) ? 4 : 2);
    if (flags & k_scale)
      at += 2;
    else if (flags & k_xy_scale)
      at += 4;
    else if (flags & k_two_by_two)
      at += 8;
  } while (flags & k_more);
}

std::uint32_t checksum(std::string_view table) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < table.size(); i += 4) {
    std::uint32_t word = 0;
    for (std::size_t k = 0; k < 4; ++k)
      word = word << 8 | (i + k < table.size() ? static_cast<unsigned char>(table[i + k]) : 0u);
    sum += word;
  }
  return sum;
}

/// An sfnt file from its tables, given sorted by tag.
std::string assemble(const std::vector<std::pair<std::string, std::string>>& tables) {
  std::uint16_t count = static_cast<std::uint16_t>(tables.size());
  std::uint16_t power = 1, log2 = 0;
  while (power * 2 <= count) {
    power = static_cast<std::uint16_t>(power * 2);
    ++log2;
  }
  std::string out;
  append32(out, 0x00010000);
  append16(out, count);
  append16(out, static_cast<std::uint16_t>(power * 16));
  append16(out, log2);
  append16(out, static_cast<std::uint16_t>(count * 16 - power * 16));
  std::size_t offset = 12 + 16u * count;
  for (const auto& [tag, data] : tables) {
    out += tag;
    append32(out, checksum(data));
    append32(out, static_cast<std::uint32_t>(offset));
    append32(out, static_cast<std::uint32_t>(data.size()));
    offset += (data.size() + 3) & ~std::size_t{3};
  }
  std::size_t head_at = 0;
  for (const auto& [tag, data] : tables) {
    if (tag == "head") head_at = out.size();
    out += data;
    out.append((4 - data.size() % 4) % 4, '\0');
  }
  put32(out, head_at + 8, 0xB1B0AFBAu - checksum(out));  // head.checkSumAdjustment
  return out;
}

}  // namespace

GlyphSubset::GlyphSubset(const FontFace& face) : m_face(face), m_old{0} { m_new[0] = 0; }

std::uint16_t GlyphSubset::map_glyph(std::uint16_t old_gid) {
  auto [it, added] = m_new.try_emplace(old_gid, static_cast<std::uint16_t>(m_old.size()));
  if (added) m_old.push_back(old_gid);
  return it->second;
}

std::uint16_t GlyphSubset::use(char32_t c) {
  if (auto it = m_chars.find(c); it != m_chars.end()) return it->second;
  std::uint16_t old_gid = m_face.glyph(c);
  bool first = !m_new.contains(old_gid);
  std::uint16_t gid = old_gid ? map_glyph(old_gid) : 0;
  // One glyph may serve two characters (the space and the no-break space): the first one
  // printed names it for text extraction.
  if (gid && first) m_unicode.emplace_back(gid, c);
  m_chars.emplace(c, gid);
  return gid;
}

void GlyphSubset::add_components() {
  for (std::size_t i = 0; i < m_old.size(); ++i)
    for_each_component(glyph_data(m_face, m_old[i]),
                       [&](std::uint16_t component, std::size_t) { map_glyph(component); });
}

std::vector<double> GlyphSubset::widths() const {
  std::vector<double> out;
  for (std::uint16_t old_gid : m_old) out.push_back(m_face.glyph_advance(old_gid));
  return out;
}

std::string GlyphSubset::tag() const {
  std::uint64_t hash = 1469598103934665603ull;  // FNV-1a over the face and its glyphs
  for (char c : m_face.postscript_name())
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  for (std::uint16_t g : m_old) hash = (hash ^ g) * 1099511628211ull;
  std::string tag;
  for (int i = 0; i < 6; ++i, hash /= 26) tag += static_cast<char>('A' + hash % 26);
  return tag;
}

std::string GlyphSubset::font_program() {
  add_components();
  auto n = static_cast<std::uint16_t>(m_old.size());
  std::string glyf, loca, hmtx;
  std::string_view old_hmtx = m_face.table("hmtx");
  std::uint16_t metrics = u16(m_face.table("hhea"), 34);
  for (std::uint16_t gid = 0; gid < n; ++gid) {
    std::uint16_t old_gid = m_old[gid];
    append32(loca, static_cast<std::uint32_t>(glyf.size()));
    std::string data(glyph_data(m_face, old_gid));
    for_each_component(glyph_data(m_face, old_gid), [&](std::uint16_t component, std::size_t at) {
      put16(data, at, m_new.at(component));
    });
    glyf += data;
    glyf.append((4 - glyf.size() % 4) % 4, '\0');
    std::uint16_t advance = u16(old_hmtx, 4u * (old_gid < metrics ? old_gid : metrics - 1u));
    std::uint16_t lsb = old_gid < metrics ? u16(old_hmtx, 4u * old_gid + 2)
                                          : u16(old_hmtx, 4u * metrics + 2u * (old_gid - metrics));
    append16(hmtx, advance);
    append16(hmtx, lsb);
  }
  append32(loca, static_cast<std::uint32_t>(glyf.size()));
  std::string head(m_face.table("head")), hhea(m_face.table("hhea")), maxp(m_face.table("maxp"));
  put32(head, 8, 0);   // checkSumAdjustment, set by assemble()
  put16(head, 50, 1);  // indexToLocFormat: long offsets
  put16(hhea, 34, n);  // numberOfHMetrics
  put16(maxp, 4, n);   // numGlyphs
  std::vector<std::pair<std::string, std::string>> tables;
  auto optional = [&](const char* tag) {
    if (auto t = m_face.table(tag); !t.empty()) tables.emplace_back(tag, std::string(t));
  };
  optional("cvt ");
  optional("fpgm");
  tables.emplace_back("glyf", std::move(glyf));
  tables.emplace_back("head", std::move(head));
  tables.emplace_back("hhea", std::move(hhea));
  tables.emplace_back("hmtx", std::move(hmtx));
  tables.emplace_back("loca", std::move(loca));
  tables.emplace_back("maxp", std::move(maxp));
  optional("prep");
  return assemble(tables);
}

}  // namespace tampon::doc
