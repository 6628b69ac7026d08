#pragma once
/// The fields of every record kind (records.md), as data: name, type, required or optional,
/// bounds, allowed values and a French description. This is the one description of the record
/// format: the decoders (decode_*.cpp) build their `MapReader`s from these tables (unknown
/// keys, required fields, bounds, the field an avenant's objet needs), and `tampon-schemas`
/// (cli/record_schema.cpp) prints the JSON Schemas of `schemas/` from them, so the schemas
/// editors check against cannot drift from what the loader accepts.
#include <cstdint>
#include <span>
#include <string_view>

#include "tampon/enums.hpp"
#include "tampon/records.hpp"

namespace tampon::load {

enum class Need { Required, Optional };

/// How a value is written. Each type is read by one `MapReader` getter (in parentheses).
enum class FieldType : std::uint8_t {
  Id,           ///< `^[a-z0-9][a-z0-9-]{0,63}$` (id)
  Text,         ///< any text, 32 767 characters at most (text)
  Departement,  ///< a département code (text, then is_valid_departement)
  Siret,        ///< 14 digits with a valid key (text, then check_siret)
  Iban,         ///< ISO 13616, spaces allowed (text, then is_valid_iban)
  Bic,          ///< ISO 9362, spaces allowed (text, then is_valid_bic)
  Date,         ///< AAAA-MM-JJ, from 1900 (date)
  Month,        ///< AAAA-MM (month)
  Quarter,      ///< AAAA-Tn (quarter)
  Money,        ///< euros, at most two decimals (money)
  Integer,      ///< whole number in [min, max] (integer)
  Number,       ///< decimal number in [min, max] (number)
  Boolean,      ///< true / false (boolean)
  Choice,       ///< one of `choices` (choice)
  Map,          ///< a block of `fields` (block)
  List,         ///< a list of blocks of `fields` (block, then one MapReader per item)
  IntList,      ///< a list of whole numbers in [min, max] (block, then decode_int)
  Counts,       ///< a block keyed by `choices`, each a whole number in [min, max] (block)
};

/// The closed list of an enum (tampon/enums.hpp) and its French labels.
struct Choices {
  std::span<const std::string_view> (*names)() = nullptr;
  std::string_view (*label)(std::size_t) = nullptr;
};

/// Who reports a missing required-when field (`missing-field`).
enum class CheckedBy : std::uint8_t {
  Loader,  ///< the decoder, from this table (an avenant's objet field)
  Rules,   ///< generator/rules (it needs the decoded record: contract type, vacant post)
};

/// A field a block must have when another of its fields says so.
struct Requirement {
  std::string_view when;                 ///< the field the condition reads
  bool (*holds)(std::size_t) = nullptr;  ///< for which of its choices; nullptr: when it is absent
  std::string_view then;                 ///< the field then required
  std::string_view fr;                   ///< the condition in words
  CheckedBy by = CheckedBy::Loader;
};

struct Field {
  std::string_view name;
  FieldType type;
  Need need;
  std::string_view fr;                             ///< French description, shown by editors
  std::span<const Field> fields = {};              ///< Map, List: the block's fields
  Choices choices = {};                            ///< Choice, Counts
  int min = 0;                                     ///< Integer, Number, IntList, Counts
  int max = 0;                                     ///< Integer, Number, IntList, Counts
  std::span<const Requirement> requirements = {};  ///< Map, List: conditions on the block
};

/// One record kind: its fields and the conditions on the record itself.
struct RecordTable {
  RecordKind kind;
  std::string_view fr;  ///< what one record is, in French
  std::span<const Field> fields;
  std::span<const Requirement> requirements = {};
};

/// The table of `kind`.
const RecordTable& record_table(RecordKind kind);
/// Every record kind, in RecordKind order.
std::span<const RecordTable> record_tables();

/// The field `name` of `fields`, or nullptr.
const Field* find_field(std::span<const Field> fields, std::string_view name);

/// The getter that reads each type (messages of programming errors).
std::string_view type_name(FieldType type);

/// Regular expressions (ECMAScript, as JSON Schema and editors use them) of the text formats:
/// the schemas carry them; tests/unit/load/record_fields_test.cpp checks them against the
/// decoder's own checks on their boundaries.
std::string_view pattern_of(FieldType type);

/// Every département code `is_valid_departement` accepts, in order.
std::span<const std::string_view> departement_codes();

// ---- Helpers for the tables of record_fields.cpp ----

template <class E>
std::string_view label_at(std::size_t i) {
  return label_fr(static_cast<E>(i));
}
template <class E>
constexpr Choices choices_of() {
  return {&names<E>, &label_at<E>};
}
/// `versee` / `suspendue` have no label_fr.
template <>
constexpr Choices choices_of<VersementStatut>() {
  return {&names<VersementStatut>, nullptr};
}

}  // namespace tampon::load
