#pragma once
/// PDF objects written by hand, for the parts of a document that have hundreds of small
/// objects (the structure tree of a tagged PDF, the outline). PoDoFo 0.9.8 builds each object
/// as a tree of heap-allocated PdfObjects and writes every token through printf (about 36 000
/// instructions per structure element); these helpers append the same syntax to a string, and
/// `RawObject` hands the bytes to PoDoFo's writer as one indirect object.
#include <podofo/podofo.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace tampon::doc {

/// Appends a decimal integer.
void append_int(std::string& out, std::int64_t value);
/// Appends "N 0 R".
void append_ref(std::string& out, const PoDoFo::PdfReference& ref);
/// Appends a PDF text string for UTF-8 `text`: a literal string `(…)` when every character is
/// printable ASCII (with `(`, `)` and `\` escaped), UTF-16BE with a byte order mark in hex
/// (`<FEFF…>`) otherwise, as ISO 32000-1 §7.9.2.2 allows for text strings.
void append_text_string(std::string& out, std::string_view utf8);

/// An indirect object whose serialisation (the part between "N 0 obj" and "endobj") is given
/// as bytes. PoDoFo writes the object header and trailer and the cross-reference entry; its
/// `Write` is virtual, so the bytes go straight to the output device.
class RawObject final : public PoDoFo::PdfObject {
 public:
  RawObject(const PoDoFo::PdfReference& ref, std::string bytes)
      : PoDoFo::PdfObject(ref, static_cast<const char*>(nullptr)), m_bytes(std::move(bytes)) {}
  using PoDoFo::PdfObject::Write;
  void Write(PoDoFo::PdfOutputDevice* device, PoDoFo::EPdfWriteMode, const PoDoFo::PdfEncrypt*,
             const PoDoFo::PdfName&) const override {
    device->Write(m_bytes.data(), m_bytes.size());
  }

 private:
  std::string m_bytes;
};

/// Sets the stream of `object` (an indirect object of a document) to `data` compressed with
/// FlateDecode at zlib's fastest level (1). PoDoFo's own filter compresses at the default level
/// (6), which took a quarter of the rendering time for streams about 9 % smaller.
void set_flate_stream(PoDoFo::PdfObject& object, std::string_view data);

/// The number the next new object of `objects` gets. Raw objects numbered from it on must be
/// added (`add_raw`, in increasing order) before PoDoFo creates any other object.
std::uint32_t next_object_number(const PoDoFo::PdfVecObjects& objects);
/// Adds `bytes` as indirect object `number`.
void add_raw(PoDoFo::PdfVecObjects& objects, std::uint32_t number, std::string bytes);

}  // namespace tampon::doc
