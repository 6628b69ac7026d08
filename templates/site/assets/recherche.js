// Offline search over the index written by tampon: recherche/index.json lists its parts
// (index-1.json, …, fifty pages each), loaded together. Every word of the query must
// occur in the page; accents and case are ignored on both sides ("demarches" finds
// "démarches"). Results are built with DOM nodes and textContent only.
(function () {
  "use strict";
  var box = document.getElementById("resultats-recherche");
  if (!box) return;
  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  var input = document.getElementById("q");
  if (input) input.value = query;
  if (!query) return;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/[\u2019\u2018]/g, "'");
  }
  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at !== -1 && n < 20) { n++; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }
  function score(page, terms) {
    var title = fold(page.t), total = 0;
    for (var i = 0; i < terms.length; i++) {
      var hits = count(page.f, terms[i]);
      if (hits === 0) return 0;
      total += hits + (title.indexOf(terms[i]) !== -1 ? 20 : 0);
    }
    return total;
  }
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  function show(pages) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    var hits = pages.map(function (p) { return { page: p, score: score(p, terms) }; })
      .filter(function (h) { return h.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.page.t.localeCompare(b.page.t); });
    box.textContent = "";
    var summary = hits.length === 0 ? "Aucun résultat pour « " + query + " »."
      : hits.length + (hits.length > 1 ? " résultats" : " résultat") + " pour « " + query + " »";
    box.appendChild(element("p", "fr-text--bold", summary));
    var list = element("ul", "tampon-resultats");
    hits.forEach(function (hit) {
      var item = element("li");
      var title = element("h2", "fr-h5 fr-mb-1v");
      var link = element("a", null, hit.page.t);
      link.href = box.dataset.root + hit.page.u;
      title.appendChild(link);
      item.appendChild(title);
      if (hit.page.s) item.appendChild(element("p", "tampon-rubrique", hit.page.s));
      item.appendChild(element("p", "fr-mb-0", hit.page.d));
      list.appendChild(item);
    });
    box.appendChild(list);
  }
  function load(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url);
      return r.json();
    });
  }
  var manifest = new URL(box.dataset.index, window.location.href);
  load(manifest).then(function (parts) {
    return Promise.all(parts.map(function (name) { return load(new URL(name, manifest)); }));
  }).then(function (lists) {
    show([].concat.apply([], lists));
  }).catch(function () {
    box.textContent = "La recherche est indisponible : l'index n'a pas pu être chargé.";
  });
})();
