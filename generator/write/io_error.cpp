#include "write/io_error.hpp"

#include <cerrno>
#include <cstring>

#include "tampon/diagnostic.hpp"

namespace tampon {

std::string io_cause(int error) {
  switch (error) {
    case ENOSPC:
      return "disque plein (libérez de la place, il en faut assez pour une seconde copie des "
             "fichiers produits)";
    case EDQUOT:
      return "quota de disque dépassé";
    case EACCES:
    case EPERM:
      return "permission refusée";
    case EROFS:
      return "système de fichiers en lecture seule";
    case EIO:
      return "erreur d'entrée-sortie du disque";
    case ENOENT:
      return "fichier ou dossier introuvable";
    case ENOTDIR:
      return "un fichier se trouve là où il faut un dossier";
    case EISDIR:
      return "un dossier se trouve là où il faut un fichier";
    case ELOOP:
      return "lien symbolique refusé (Tampon n'écrit ni ne supprime à travers un lien)";
    case EEXIST:
      return "le fichier existe déjà";
    case ENAMETOOLONG:
      return "nom trop long";
    case EMFILE:
    case ENFILE:
      return "trop de fichiers ouverts";
    case EFBIG:
      return "fichier trop grand";
    default:
      return std::strerror(error);
  }
}

void throw_io(std::string_view what, const std::filesystem::path& path, int error) {
  throw Fatal(std::string(what) + " " + path.string() + " : " + io_cause(error));
}

}  // namespace tampon
