#include "render/document/font_face.hpp"

#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>

namespace tampon::doc {
namespace {

struct Reader {
  const std::vector<unsigned char>& data;
  void need(std::size_t offset, std::size_t size) const {
    if (offset + size > data.size()) throw std::runtime_error("fichier de police tronqué");
  }
  std::uint16_t u16(std::size_t at) const {
    need(at, 2);
    return static_cast<std::uint16_t>(data[at] << 8 | data[at + 1]);
  }
  std::int16_t i16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
  std::uint32_t u32(std::size_t at) const {
    need(at, 4);
    return static_cast<std::uint32_t>(data[at]) << 24 |
           static_cast<std::uint32_t>(data[at + 1]) << 16 |
           static_cast<std::uint32_t>(data[at + 2]) << 8 | data[at + 3];
  }
};

std::vector<unsigned char> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("police illisible : " + file.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

using TableMap = std::map<std::string, std::pair<std::size_t, std::size_t>, std::less<>>;

/// Offset and length of the tables of an sfnt file, by tag.
TableMap table_directory(const Reader& r) {
  TableMap tables;
  std::uint16_t count = r.u16(4);
  for (std::uint16_t i = 0; i < count; ++i) {
    std::size_t entry = 12 + 16u * i;
    r.need(entry, 16);
    std::string tag(reinterpret_cast<const char*>(&r.data[entry]), 4);
    std::size_t offset = r.u32(entry + 8), length = r.u32(entry + 12);
    r.need(offset, length);
    tables[tag] = {offset, length};
  }
  return tables;
}

std::size_t require(const TableMap& tables, const char* tag) {
  auto it = tables.find(tag);
  if (it == tables.end()) throw std::runtime_error(std::string("table TrueType absente : ") + tag);
  return it->second.first;
}

}  // namespace

FontFace::FontFace(std::filesystem::path file)
    : m_file(std::move(file)), m_data(read_file(m_file)), m_bmp(65536, 0) {
  parse(m_data);
  parse_names();
}

const FontFace& FontFace::load(const std::filesystem::path& file) {
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::unique_ptr<FontFace>> faces;
  std::lock_guard lock(mutex);
  auto& slot = faces[file];
  if (!slot) slot = std::make_unique<FontFace>(file);
  return *slot;
}

void FontFace::parse(const std::vector<unsigned char>& data) {
  Reader r{data};
  m_tables = table_directory(r);
  const TableMap& tables = m_tables;
  std::size_t head = require(tables, "head"), hhea = require(tables, "hhea");
  std::size_t hmtx = require(tables, "hmtx"), maxp = require(tables, "maxp");
  require(tables, "glyf");
  require(tables, "loca");
  double units = r.u16(head + 18);
  if (units <= 0) throw std::runtime_error("unitsPerEm nul");
  m_units = units;
  for (int i = 0; i < 4; ++i) m_bbox[i] = r.i16(head + 36 + 2u * i) * 1000.0 / units;
  if (auto post = tables.find("post"); post != tables.end())
    m_italic_angle = static_cast<std::int32_t>(r.u32(post->second.first + 4)) / 65536.0;
  m_ascent = r.i16(hhea + 4) * 1000.0 / units;
  m_descent = r.i16(hhea + 6) * 1000.0 / units;
  m_cap_height = m_ascent;
  if (auto os2 = tables.find("OS/2"); os2 != tables.end() && r.u16(os2->second.first) >= 2)
    m_cap_height = r.i16(os2->second.first + 88) * 1000.0 / units;
  std::uint16_t metrics = r.u16(hhea + 34);
  std::uint16_t glyphs = r.u16(maxp + 4);
  if (metrics == 0) throw std::runtime_error("hmtx vide");
  m_advances.resize(glyphs);
  for (std::uint16_t g = 0; g < glyphs; ++g) {
    // Glyphs past numberOfHMetrics repeat the last advance (monospaced tails).
    std::uint16_t index = g < metrics ? g : static_cast<std::uint16_t>(metrics - 1);
    m_advances[g] = r.u16(hmtx + 4u * index) * 1000.0 / units;
  }
  parse_cmap(data, require(tables, "cmap"));
}

void FontFace::parse_cmap(const std::vector<unsigned char>& data, std::size_t cmap) {
  Reader r{data};
  std::size_t format4 = 0, format12 = 0;
  std::uint16_t count = r.u16(cmap + 2);
  for (std::uint16_t i = 0; i < count; ++i) {
    std::size_t rec = cmap + 4 + 8u * i;
    std::uint16_t platform = r.u16(rec), encoding = r.u16(rec + 2);
    std::size_t sub = cmap + r.u32(rec + 4);
    std::uint16_t format = r.u16(sub);
    bool unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
    if (!unicode) continue;
    if (format == 4 && !format4) format4 = sub;
    if (format == 12 && !format12) format12 = sub;
  }
  if (format12) {
    std::uint32_t groups = r.u32(format12 + 12);
    for (std::uint32_t g = 0; g < groups; ++g) {
      std::size_t at = format12 + 16 + 12u * g;
      std::uint32_t first = r.u32(at), last = r.u32(at + 4), gid = r.u32(at + 8);
      for (std::uint32_t c = first; c <= last && c <= 0x10FFFF; ++c, ++gid) {
        if (c < 65536)
          m_bmp[c] = static_cast<std::uint16_t>(gid);
        else
          m_astral[c] = static_cast<std::uint16_t>(gid);
      }
    }
    return;
  }
  if (!format4) throw std::runtime_error("pas de table cmap Unicode");
  std::uint16_t segments = r.u16(format4 + 6) / 2;
  std::size_t ends = format4 + 14, starts = ends + 2u * segments + 2;
  std::size_t deltas = starts + 2u * segments, ranges = deltas + 2u * segments;
  for (std::uint16_t s = 0; s < segments; ++s) {
    std::uint16_t end = r.u16(ends + 2u * s), start = r.u16(starts + 2u * s);
    std::uint16_t delta = r.u16(deltas + 2u * s), range = r.u16(ranges + 2u * s);
    for (std::uint32_t c = start; c <= end && c != 0xFFFF; ++c) {
      std::uint16_t gid = 0;
      if (range == 0) {
        gid = static_cast<std::uint16_t>(c + delta);
      } else {
        std::size_t at = ranges + 2u * s + range + 2u * (c - start);
        gid = r.u16(at);
        if (gid != 0) gid = static_cast<std::uint16_t>(gid + delta);
      }
      m_bmp[c] = gid;
    }
  }
}

void FontFace::parse_names() {
  Reader r{m_data};
  m_postscript_name = m_file.stem().string();
  auto it = m_tables.find("name");
  if (it == m_tables.end()) return;
  std::size_t name = it->second.first;
  std::uint16_t count = r.u16(name + 2), strings = r.u16(name + 4);
  for (std::uint16_t i = 0; i < count; ++i) {
    std::size_t rec = name + 6 + 12u * i;
    std::uint16_t platform = r.u16(rec), id = r.u16(rec + 6);
    std::uint16_t length = r.u16(rec + 8), offset = r.u16(rec + 10);
    if (id != 6) continue;
    std::size_t at = name + strings + offset;
    r.need(at, length);
    std::string ps;
    // PostScript names are ASCII: UTF-16BE on Windows/Unicode platforms, bytes on Mac.
    bool wide = platform == 0 || platform == 3;
    for (std::size_t k = wide ? 1 : 0; k < length; k += wide ? 2 : 1)
      ps += static_cast<char>(m_data[at + k]);
    if (!ps.empty()) m_postscript_name = ps;
    return;
  }
}

std::string_view FontFace::table(std::string_view tag) const {
  auto it = m_tables.find(tag);
  if (it == m_tables.end()) return {};
  return {reinterpret_cast<const char*>(m_data.data()) + it->second.first, it->second.second};
}

std::uint16_t FontFace::glyph(char32_t c) const {
  if (c < 65536) return m_bmp[c];
  auto it = m_astral.find(c);
  return it == m_astral.end() ? 0 : it->second;
}

double FontFace::glyph_advance(std::uint16_t gid) const {
  return gid < m_advances.size() ? m_advances[gid] : 0.0;
}

double FontFace::width(std::string_view utf8, double size) const {
  double total = 0;
  for (std::size_t i = 0; i < utf8.size();) total += advance(next_codepoint(utf8, i));
  return total * size / 1000.0;
}

}  // namespace tampon::doc
