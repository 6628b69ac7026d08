#!/usr/bin/env python3
"""Writes a synthetic site of N pages twice: as a Tampon project (content/ with the shipped
configuration and mandatory pages) and as a Hugo site with a comparable minimal layout
(header with the section menu, breadcrumb, side menu of the section, body, footer).

    make_sites.py OUT_DIR [--pages 1000] [--sections 20]
"""
import argparse
import os
import random
import shutil

WORDS = ("structure conseiller numérique démarches accompagnement formation subvention convention "
         "tranche versement collectivité association usager atelier territoire préfecture "
         "coordination médiation inclusion autonomie équipement contrat recrutement").split()


def paragraph(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def page_body(rng, section, index, pages_per_section):
    other = (index + 1) % pages_per_section
    parts = []
    for h in range(4):
        parts.append(f"## Partie {h + 1} de la page {index}\n")
        parts.append(paragraph(rng, 60) + "\n")
        parts.append(f"- {paragraph(rng, 8)}\n- {paragraph(rng, 8)}\n- {paragraph(rng, 8)}\n")
    parts.append(f"Voir aussi [la page suivante](page-{other:03d}.md#partie-2-de-la-page-{other}).\n")
    return "\n".join(parts)


def front_matter(title, order, extra=""):
    return f"---\ntitle: \"{title}\"\ndescription: \"Description de {title}\"\norder: {order}\n{extra}---\n\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def tampon_site(out, repo, pages, sections):
    root = os.path.join(out, "tampon")
    shutil.rmtree(root, ignore_errors=True)
    content = os.path.join(root, "content")
    os.makedirs(content)
    shutil.copy(os.path.join(repo, "content", "site.yaml"), content)
    for name in ("accessibilite.md", "mentions-legales.md", "donnees-personnelles.md",
                 "plan-du-site.md", "404.md", "recherche.md"):
        shutil.copy(os.path.join(repo, "content", name), content)
    write(os.path.join(content, "_index.md"),
          front_matter("Accueil", 0, "layout: home\nmenu: principal\n") + "Site de mesure.\n")
    generate_pages(content, pages, sections, tampon=True)
    return root


def generate_pages(content, pages, sections, tampon):
    rng = random.Random(42)
    per = pages // sections
    for s in range(sections):
        sec = f"rubrique-{s:02d}"
        menu = "menu: principal\n" if tampon and s < 6 else ""
        write(os.path.join(content, sec, "_index.md"),
              front_matter(f"Rubrique {s}", s + 1, menu) + paragraph(rng, 40) + "\n")
        for i in range(per - 1 if tampon else per - 1):
            body = page_body(rng, sec, i, per - 1)
            write(os.path.join(content, sec, f"page-{i:03d}.md"),
                  front_matter(f"Page {i} de la rubrique {s}", i) + body)


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }} — {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}"><link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="{{ "dsfr/dsfr.min.css" | relURL }}"></head><body>
<header class="fr-header"><p class="fr-logo">République<br>Française</p><p>{{ site.Title }}</p>
<nav class="fr-nav"><ul>{{ range first 6 site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav></header>
<main id="contenu"><nav class="fr-breadcrumb"><a href="{{ "/" | relURL }}">Accueil</a>{{ with .Parent }} › <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ block "main" . }}{{ end }}</main>
<footer class="fr-footer"><p>Opération soutenue par l'État dans le cadre du dispositif Conseiller numérique</p></footer>
</body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<nav class="fr-sidemenu"><ul>{{ range .CurrentSection.RegularPages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<h1>{{ .Title }}</h1><p class="fr-text--lead">{{ .Description }}</p>{{ .TableOfContents }}{{ .Content }}{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


def hugo_site(out, pages, sections):
    root = os.path.join(out, "hugo")
    shutil.rmtree(root, ignore_errors=True)
    content = os.path.join(root, "content")
    os.makedirs(content)
    write(os.path.join(root, "hugo.toml"),
          'baseURL = "https://exemple.gouv.fr/"\ntitle = "Guide"\nlanguageCode = "fr"\n'
          'disableKinds = ["taxonomy", "term", "RSS"]\n'
          '[markup.goldmark.renderer]\nunsafe = false\n')
    write(os.path.join(root, "layouts", "_default", "baseof.html"), HUGO_BASEOF)
    write(os.path.join(root, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(root, "layouts", "_default", "list.html"), HUGO_LIST)
    write(os.path.join(content, "_index.md"), front_matter("Accueil", 0) + "Site de mesure.\n")
    generate_pages(content, pages, sections, tampon=False)
    # Hugo resolves .md links only through ref shortcodes; plain relative links stay as written.
    return root


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--sections", type=int, default=20)
    parser.add_argument("--repo", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    a = parser.parse_args()
    print(tampon_site(a.out, a.repo, a.pages, a.sections))
    print(hugo_site(a.out, a.pages, a.sections))


if __name__ == "__main__":
    main()
