// The spreadsheet layout (cli/tableur_layout.cpp) has one column per field the loader accepts:
// it is checked here against the loader's field tables (load/record_fields.cpp), the same
// tables the decoders and the JSON Schemas of schemas/ come from, so a field added to a table
// and forgotten in the workbook (or the reverse) fails here.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "cli/tableur_layout.hpp"
#include "load/record_fields.hpp"

namespace tampon {
namespace {

using load::Field;
using load::FieldType;
namespace tableur = cli::tableur;

/// Dotted column paths of `fields` (lists of blocks have their own sheet and are left out).
void flatten(std::span<const Field> fields, const std::string& prefix, std::set<std::string>& out) {
  for (const Field& f : fields) {
    std::string path = prefix + std::string(f.name);
    switch (f.type) {
      case FieldType::Map:
        flatten(f.fields, path + ".", out);
        break;
      case FieldType::List:
        break;
      case FieldType::Counts:
        for (auto key : f.choices.names()) out.insert(path + "." + std::string(key));
        break;
      default:
        out.insert(path);
    }
  }
}

const Field* field_at(std::span<const Field> fields, std::string_view path) {
  auto dot = path.find('.');
  const Field* f = load::find_field(fields, path.substr(0, dot));
  if (!f || dot == std::string_view::npos || f->type == FieldType::Counts) return f;
  return field_at(f->fields, path.substr(dot + 1));
}

TEST(TableurLayout, HasOneColumnPerFieldOfTheLoadersTables) {
  for (const auto& sheet : tableur::sheets()) {
    auto kind = parse_enum<RecordKind>(sheet.kind);
    ASSERT_TRUE(kind) << sheet.name;
    std::span<const Field> fields = load::record_table(*kind).fields;
    if (!sheet.list.empty()) {
      const Field* list = load::find_field(fields, sheet.list);
      ASSERT_TRUE(list && list->type == FieldType::List) << sheet.name;
      fields = list->fields;
    }
    std::set<std::string> expected, got;
    flatten(fields, "", expected);
    for (const auto& column : sheet.columns) {
      got.insert(std::string(column.path));
      const Field* f = field_at(fields, column.path);
      ASSERT_NE(f, nullptr) << sheet.name << " : " << column.path;
      if (f->type == FieldType::Date) {
        EXPECT_EQ(column.type, tableur::ColumnType::Date) << sheet.name << " : " << column.path;
      }
      if (f->type == FieldType::Choice) {
        auto names = f->choices.names();
        EXPECT_EQ(std::vector<std::string_view>(column.values.begin(), column.values.end()),
                  std::vector<std::string_view>(names.begin(), names.end()))
            << sheet.name << " : " << column.path;
      }
    }
    EXPECT_EQ(got, expected) << sheet.name;
  }
}

}  // namespace
}  // namespace tampon
