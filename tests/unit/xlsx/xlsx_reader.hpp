#pragma once
// The XLSX reader of the tests: the project's one reader (generator/tabular, libzip + expat),
// which is independent of the writer (libxlsxwriter), so the assertions check what a
// spreadsheet program would find in the file, not what our writer meant to put there.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tampon::testing {

struct XCell {
  std::string type;        ///< the `t` attribute: "" or "n" (number), "s", "inlineStr", "str", "b"
  std::string value;       ///< text for strings (resolved), the number as written otherwise
  std::string formula;     ///< without the leading `=`; empty for plain values
  std::string num_format;  ///< the format code of its style ("General" when none)
  int style = 0;
  bool locked = true;  ///< its style's `<protection locked="0"/>` unlocks it
  bool is_text() const { return type == "s" || type == "inlineStr"; }
  double number() const;
};

/// One `<dataValidation>`: attributes as written, formulas unescaped.
struct XValidation {
  std::string type, op, sqref, error_title, error, prompt, formula1, formula2;
  bool allow_blank = false;
};

struct XSheet {
  std::string name;
  std::string xml;
  std::map<std::string, XCell> cells;  ///< by reference, "H12"
  std::vector<XValidation> validations;
  bool is_protected() const;  ///< `<sheetProtection sheet="1"…>` (or `"true"`)
  const XValidation* validation_of(const std::string& sqref) const;
  const XCell& at(const std::string& ref) const;  ///< throws when absent
  bool has(const std::string& ref) const { return cells.contains(ref); }
  std::optional<double> column_width(int col) const;  ///< 1-based
  int max_row() const;
};

class XlsxFile {
 public:
  explicit XlsxFile(const std::filesystem::path& path);
  /// The raw XML of a part, e.g. "docProps/core.xml".
  std::string part(const std::string& name) const;
  std::vector<std::string> sheet_names() const { return m_names; }
  XSheet sheet(const std::string& name) const;
  std::string defined_names() const { return m_workbook; }

 private:
  std::filesystem::path m_path;
  std::vector<std::string> m_names;
  std::vector<bool> m_style_unlocked;  // cellXfs index -> locked="0"
  std::string m_workbook;
};

/// `&amp;` … and numeric references back to UTF-8.
std::string xml_unescape(const std::string& text);
/// Runs a command, returns its standard output; throws on failure.
std::string run(const std::string& command);

}  // namespace tampon::testing
