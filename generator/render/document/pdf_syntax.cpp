#include "render/document/pdf_syntax.hpp"

#include <zlib.h>

#include <charconv>
#include <stdexcept>

#include "render/utf8.hpp"

namespace tampon::doc {

void append_int(std::string& out, std::int64_t value) {
  char buffer[24];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

void append_ref(std::string& out, const PoDoFo::PdfReference& ref) {
  append_int(out, ref.ObjectNumber());
  out += ' ';
  append_int(out, ref.GenerationNumber());
  out += " R";
}

void append_text_string(std::string& out, std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) {
      ascii = false;
      break;
    }
  if (ascii) {
    out += '(';
    for (char c : utf8) {
      if (c == '(' || c == ')' || c == '\\') out += '\\';
      out += c;
    }
    out += ')';
    return;
  }
  static constexpr char k_digits[] = "0123456789ABCDEF";
  auto unit = [&](std::uint32_t u) {
    out += k_digits[(u >> 12) & 15];
    out += k_digits[(u >> 8) & 15];
    out += k_digits[(u >> 4) & 15];
    out += k_digits[u & 15];
  };
  out += "<FEFF";
  for (std::size_t i = 0; i < utf8.size();) {
    std::uint32_t c = render::next_codepoint(utf8, i);
    if (c >= 0x10000) {
      c -= 0x10000;
      unit(0xD800 + (c >> 10));
      unit(0xDC00 + (c & 0x3FF));
    } else {
      unit(c);
    }
  }
  out += '>';
}

void set_flate_stream(PoDoFo::PdfObject& object, std::string_view data) {
  uLongf length = compressBound(static_cast<uLong>(data.size()));
  std::string compressed(length, '\0');
  if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &length,
                reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                Z_BEST_SPEED) != Z_OK)
    throw std::runtime_error("PDF : compression d’un flux impossible (mémoire insuffisante ?)");
  PoDoFo::PdfMemoryInputStream in(compressed.data(), static_cast<PoDoFo::pdf_long>(length));
  object.GetStream()->SetRawData(&in, static_cast<PoDoFo::pdf_long>(length));
  object.GetDictionary().AddKey(PoDoFo::PdfName::KeyFilter, PoDoFo::PdfName("FlateDecode"));
}

std::uint32_t next_object_number(const PoDoFo::PdfVecObjects& objects) {
  // New objects take a freed number first; Tampon never frees one, so the next number is the
  // count. Anything else would make the raw objects clash with PoDoFo's.
  if (!objects.GetFreeObjects().empty())
    throw std::logic_error("PDF : numéros d’objets libérés, objets écrits à la main impossibles");
  return static_cast<std::uint32_t>(objects.GetObjectCount());
}

void add_raw(PoDoFo::PdfVecObjects& objects, std::uint32_t number, std::string bytes) {
  objects.push_back(new RawObject(PoDoFo::PdfReference(number, 0), std::move(bytes)));
}

}  // namespace tampon::doc
