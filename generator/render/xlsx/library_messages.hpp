#pragma once
/// libxlsxwriter reports its failures by printing lines such as "[ERROR] workbook_close(): Error
/// creating tmpfile(s) …" on the C `stderr`, in English, then returns an error code. Users must
/// see one French message naming the file instead (issue 13). While a `CaptureLibraryMessages`
/// lives, whatever this thread prints on the C `stderr` is kept, not shown; other threads print
/// as before.
///
/// How: the first capture replaces the C `stderr` stream, once for the process, by one that
/// writes to file descriptor 2 unbuffered (as the standard one does) unless the writing thread
/// is capturing. `std::cerr` does not go through `stderr` (libstdc++ binds it to the stream at
/// start-up) and is not affected.
#include <string>

namespace tampon::xlsx {

class CaptureLibraryMessages {
 public:
  CaptureLibraryMessages();
  ~CaptureLibraryMessages();
  CaptureLibraryMessages(const CaptureLibraryMessages&) = delete;
  CaptureLibraryMessages& operator=(const CaptureLibraryMessages&) = delete;
  /// What the library printed on this thread so far.
  const std::string& text() const { return m_text; }

 private:
  std::string m_text;
  std::string* m_outer;  ///< an enclosing capture on this thread, restored at the end
};

}  // namespace tampon::xlsx
