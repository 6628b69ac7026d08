#include "plugin/external_protocol.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "render/model_json.hpp"
#include "tampon/suggest.hpp"

namespace tampon::external {
namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// A reply is parsed as a whole; its first characters help when a program printed a
// traceback or debugging text instead of JSON.
Json parse_reply(std::string_view text, const char* command) {
  try {
    Json reply = Json::parse(text);
    if (!reply.is_object())
      throw ProtocolError(std::string("la réponse à « ") + command + " » doit être un objet JSON");
    return reply;
  } catch (const Json::out_of_range&) {
    // A number JSON allows but a double cannot hold (1e999): found by fuzz_external_protocol.
    throw ProtocolError(std::string("la réponse à « ") + command +
                        " » contient un nombre trop grand pour être lu");
  } catch (const Json::parse_error& e) {
    std::string start(text.substr(0, 60));
    std::replace_if(
        start.begin(), start.end(), [](unsigned char c) { return c < 0x20; }, ' ');
    throw ProtocolError(std::string("la réponse à « ") + command +
                        " » n'est pas du JSON valide (octet " + std::to_string(e.byte) +
                        (start.empty() ? ", sortie vide" : ", début : « " + start + " »") + ")");
  }
}

const Json& member(const Json& object, const char* key, Json::value_t type, const char* what) {
  auto it = object.find(key);
  if (it == object.end() || it->type() != type)
    throw ProtocolError(std::string("champ « ") + key + " » absent ou invalide (" + what +
                        " attendu)");
  return *it;
}

std::string text_member(const Json& object, const char* key) {
  return member(object, key, Json::value_t::string, "texte").get<std::string>();
}

std::string optional_text(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string())
    throw ProtocolError(std::string("champ « ") + key + " » invalide (texte attendu)");
  return it->get<std::string>();
}

RecordKind record_kind(const Json& value) {
  std::string text = value.is_string() ? value.get<std::string>() : value.dump();
  if (auto kind = parse_enum<RecordKind>(text)) return *kind;
  throw ProtocolError("type d'enregistrement inconnu « " + text + " »" +
                      did_you_mean(text, names<RecordKind>()));
}

void check_protocol(const Json& reply) {
  auto it = reply.find("protocol");
  if (it == reply.end() || !it->is_number_integer())
    throw ProtocolError("champ « protocol » absent ou invalide (entier attendu)");
  int version = it->get<int>();
  if (version != k_protocol_version)
    throw ProtocolError("ce programme parle la version " + std::to_string(version) +
                        " du protocole des émetteurs externes, cette version de Tampon la "
                        "version " +
                        std::to_string(k_protocol_version) +
                        " : mettez à jour le programme ou Tampon (generator/plugin/PROTOCOL.md)");
}

std::vector<OutputKind> output_kinds(const Json& reply) {
  std::vector<OutputKind> outputs;
  auto it = reply.find("outputs");
  if (it == reply.end()) return outputs;
  if (!it->is_array()) throw ProtocolError("champ « outputs » invalide (liste attendue)");
  for (const auto& output : *it) {
    if (!output.is_object()) throw ProtocolError("« outputs » : objet attendu");
    outputs.push_back({text_member(output, "path_pattern"), optional_text(output, "media_type")});
  }
  return outputs;
}

// "codes": [{"code": "notice-sans-dossier", "severity": "warning", "summary": "…"}].
std::vector<DiagnosticCode> declared_codes(const Json& reply) {
  std::vector<DiagnosticCode> codes;
  auto it = reply.find("codes");
  if (it == reply.end()) return codes;
  if (!it->is_array()) throw ProtocolError("champ « codes » invalide (liste attendue)");
  for (const auto& item : *it) {
    if (!item.is_object())
      throw ProtocolError("« codes » : objet {code, severity, summary} attendu");
    DiagnosticCode c;
    c.code = text_member(item, "code");
    bool well_formed = !c.code.empty() && c.code.size() <= 64 && c.code.front() != '-';
    for (char ch : c.code)
      well_formed &= (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    if (!well_formed)
      throw ProtocolError("« codes » : « " + c.code +
                          " » n'est pas un code (minuscules, chiffres et tirets)");
    std::string severity = optional_text(item, "severity");
    if (!severity.empty() && severity != "error" && severity != "warning")
      throw ProtocolError("« severity » vaut « error » ou « warning », pas « " + severity + " »");
    c.severity = severity == "warning" ? Severity::Warning : Severity::Error;
    c.summary = text_member(item, "summary");
    codes.push_back(std::move(c));
  }
  return codes;
}

std::vector<std::string> text_list(const Json& reply, const char* key) {
  std::vector<std::string> out;
  auto it = reply.find(key);
  if (it == reply.end()) return out;
  if (!it->is_array()) throw ProtocolError(std::string("champ « ") + key + " » : liste attendue");
  for (const auto& item : *it) {
    if (!item.is_string())
      throw ProtocolError(std::string("champ « ") + key + " » : liste de textes attendue");
    out.push_back(item.get<std::string>());
  }
  return out;
}

RecordRef record_ref(const Json& input, const EmitterInfo& info) {
  if (!input.is_object()) throw ProtocolError("« inputs » : objet {kind, id} attendu");
  RecordRef ref{record_kind(member(input, "kind", Json::value_t::string, "texte")),
                text_member(input, "id")};
  if (std::find(info.reads.begin(), info.reads.end(), ref.kind) == info.reads.end())
    throw ProtocolError("l'entrée « " + std::string(name(ref.kind)) + ":" + ref.id +
                        " » est d'un type absent de « reads » dans la réponse à « describe »");
  return ref;
}

ProgramJob output_job(const Json& job, const EmitterInfo& info) {
  if (!job.is_object()) throw ProtocolError("« jobs » : objet attendu");
  ProgramJob program;
  OutputJob& out = program.job;
  out.path = text_member(job, "path");  // its safety is checked by the host, as for built-ins
  program.key = optional_text(job, "key");
  out.fingerprint = program.key;  // what the program renders there
  if (auto it = job.find("inputs"); it != job.end()) {
    if (!it->is_array()) throw ProtocolError("« inputs » : liste attendue");
    for (const auto& input : *it) out.inputs.push_back(record_ref(input, info));
  }
  out.depends_on = text_list(job, "depends_on");
  return program;
}

Diagnostic reported(const Json& item, const EmitterInfo& info) {
  if (!item.is_object()) throw ProtocolError("« diagnostics » : objet attendu");
  std::string severity = optional_text(item, "severity");
  if (!severity.empty() && severity != "error" && severity != "warning")
    throw ProtocolError("« severity » vaut « error » ou « warning », pas « " + severity + " »");
  Diagnostic d;
  d.severity = severity == "warning" ? Severity::Warning : Severity::Error;
  d.code = optional_text(item, "code");
  d.message = "émetteur « " + info.name + " » : " + text_member(item, "message");
  // Only the codes its "describe" declared (so `tampon explain rule` knows them); any other
  // is kept in the message, under the protocol's default code.
  if (!d.code.empty() && d.code != "external-emitter" &&
      std::ranges::find(info.codes, d.code, &DiagnosticCode::code) == info.codes.end())
    d.message += " [code « " + d.code + " » non déclaré dans la réponse à « describe »]";
  if (d.code.empty() ||
      std::ranges::find(info.codes, d.code, &DiagnosticCode::code) == info.codes.end())
    d.code = "external-emitter";
  d.where.file = optional_text(item, "file");
  auto number = [&](const char* key) {
    auto it = item.find(key);
    return it != item.end() && it->is_number_unsigned() ? it->get<std::uint32_t>() : 0u;
  };
  d.where.line = number("line");
  d.where.column = number("column");
  return d;
}

Diagnostics diagnostics_of(const Json& reply, const EmitterInfo& info) {
  Diagnostics out;
  auto it = reply.find("diagnostics");
  if (it == reply.end()) return out;
  if (!it->is_array()) throw ProtocolError("champ « diagnostics » : liste attendue");
  for (const auto& item : *it) out.push_back(reported(item, info));
  return out;
}

// The message head, then the records already serialised (they can be large and are shared
// by many jobs, so they are spliced in rather than parsed again).
std::string with_records(const OrderedJson& head, const std::string& records) {
  std::string text = head.dump(-1, ' ', false, Json::error_handler_t::replace);
  text.pop_back();  // the closing brace
  text += ",\"records\":";
  text += records;
  text += "}\n";
  return text;
}

OrderedJson header(const Model& model) {
  return OrderedJson{{"protocol", k_protocol_version},
                     {"tampon_version", TAMPON_VERSION},
                     {"as_of", model.as_of.iso()}};
}

}  // namespace

Description parse_describe(std::string_view text) {
  Json reply = parse_reply(text, "describe");
  check_protocol(reply);  // before anything else: other fields may mean other things
  Description d;
  d.info.name = text_member(reply, "name");
  d.info.version = text_member(reply, "version");
  d.info.description = optional_text(reply, "description");
  for (const auto& kind : member(reply, "reads", Json::value_t::array, "liste"))
    d.info.reads.push_back(record_kind(kind));
  d.info.outputs = output_kinds(reply);
  d.info.codes = declared_codes(reply);
  d.capabilities = text_list(reply, "capabilities");
  for (const char* needed : {"plan", "render"})
    if (std::find(d.capabilities.begin(), d.capabilities.end(), needed) == d.capabilities.end())
      throw ProtocolError(std::string("la capacité « ") + needed +
                          " » manque dans « capabilities »");
  return d;
}

PlanReply parse_plan(std::string_view text, const EmitterInfo& info) {
  Json reply = parse_reply(text, "plan");
  PlanReply out;
  for (const auto& job : member(reply, "jobs", Json::value_t::array, "liste"))
    out.jobs.push_back(output_job(job, info));
  out.diagnostics = diagnostics_of(reply, info);
  return out;
}

Diagnostics parse_render(std::string_view text, const EmitterInfo& info) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return {};
  return diagnostics_of(parse_reply(text, "render"), info);
}

std::string records_json(const Model& model, std::span<const RecordKind> reads,
                         std::span<const RecordRef> only) {
  return render::model_to_json(model, reads, only)
      .dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string plan_request(const Model& model, const std::string& records) {
  return with_records(header(model), records);
}

std::string render_request(const ProgramJob& job, const Model& model, const std::string& records) {
  OrderedJson inputs = OrderedJson::array();
  for (const auto& ref : job.job.inputs)
    inputs.push_back({{"kind", name(ref.kind)}, {"id", ref.id}});
  OrderedJson head = header(model);
  head["job"] = {{"path", job.job.path}, {"key", job.key}, {"inputs", inputs}};
  return with_records(head, records);
}

}  // namespace tampon::external
