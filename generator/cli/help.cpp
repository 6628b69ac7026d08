#include "cli/help.hpp"

#include <ostream>

namespace tampon::cli {

void print_help(std::ostream& out) {
  out << R"(tampon — générateur de documents et de site du dispositif Conseiller numérique

Usage : tampon COMMANDE [OPTIONS]

Commandes :
  init DOSSIER                crée un projet : une fiche d'exemple de chaque sorte, commentée
  build                       charge, vérifie, puis produit tous les documents dans out/
  validate                    charge et vérifie seulement ; n'écrit rien
  serve                       construit le site et le sert sur 127.0.0.1, rechargé à chaque modification
  plugins                     liste les émetteurs (intégrés et chargés), leur version et ce qu'ils lisent
  explain convention ID       détaille le calcul de chaque montant et de chaque tranche
  explain rule CODE           explique une règle (code entre crochets d'un diagnostic) et sa correction
  explain rule                liste tous les codes de règle (ceux de l'outil et des émetteurs)
  export tableur F.xlsx       écrit toutes les fiches dans un classeur (une feuille par sorte de fiche)
  import tableur F.xlsx|F.csv relit un classeur (ou un CSV par feuille) en fiches YAML dans data/
  import pilotage F.csv       lit un export CSV du tableau de pilotage (structures, conseillers,
                              historique des conventions) en fiches YAML ; --mapping F.yaml
                              pour un autre export
  import justification F.xlsx relit des justifications trimestrielles remplies en déclarations
                              de dépenses (data/depenses/), puis vérifie le projet

Options :
  --project DIR               dossier du projet (contenant data/, content/, templates/) ; défaut « . »
  --out DIR                   dossier de sortie ; défaut « out »
  --as-of AAAA-MM-JJ          date de référence des statuts de tranches ; défaut : aujourd'hui
  --only EMETTEUR[,…]         ne lance que ces émetteurs (voir « tampon plugins »)
  --select CLÉ=ID[,…]         build partiel : seulement les fichiers qui lisent ces fiches
                              (convention=, structure=, departement=, regime= ; répétable)
  --jobs N, -j N              travaux en parallèle (lecture, règles, rendus) ; défaut : un par cœur
  --keep-going                produit ce qui est valide, liste ce qui est ignoré (code de sortie 1)
  --strict                    les avertissements comptent comme des erreurs
  --format text|json          format des diagnostics (json : un tableau sur la sortie standard)
  --quiet, -q                 n'affiche que les diagnostics
  --force                     reconstruit tout, même ce qui n'a pas changé ; import : remplace
                              les fiches modifiées
  --mapping F.yaml            import pilotage : la correspondance colonnes → champs à utiliser
  --no-cache                  n'utilise pas le cache d'analyse des fichiers YAML
  --plugin-dir DIR            charge les émetteurs (.so) de ce dossier (aussi : TAMPON_PLUGIN_PATH)
  --port N                    port de « serve » ; défaut 8000 (toujours sur 127.0.0.1)
  --help, -h                  cette aide
  --version                   version de l'outil

Codes de sortie : 0 succès, 1 erreurs de validation, 2 erreur d'utilisation,
3 échec de lecture ou d'écriture (fichier illisible, YAML invalide, disque plein).
)";
}

}  // namespace tampon::cli
