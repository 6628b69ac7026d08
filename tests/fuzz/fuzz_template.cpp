// A document template (mustache over Markdown) as the communication team edits it: checked
// against a view schema, then rendered when the check passes. Promise: findings at a position
// inside the template, never a crash; a template that passes the check renders.
#include "fuzz_support.hpp"
#include "render/template/markdown_template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tampon;
  std::string_view text = fuzz::text_of(data, size);
  tmpl::Template page{"modele.md", std::string(text)};
  kainjow::mustache::data structure;
  structure.set("nom", "Commune de Saint-Lô");
  structure.set("siret", "21500416900013");
  kainjow::mustache::data poste;
  poste.set("numero", "1");
  poste.set("montant", "50 000,00 €");
  kainjow::mustache::data postes{kainjow::mustache::data::type::list};
  postes.push_back(poste);
  kainjow::mustache::data view;
  view.set("structure", structure);
  view.set("postes", postes);
  view.set("signe", true);
  tmpl::Partials partials;
  partials.emplace("article", tmpl::Template{"clauses/article.md", "## {{structure.nom}}\n"});
  Diagnostics found = tmpl::check_template(page, view, partials);
  fuzz::check_findings(found, text);
  if (count_errors(found) == 0) tmpl::render(page, view, partials);
  return 0;
}
