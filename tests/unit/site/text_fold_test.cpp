#include <gtest/gtest.h>

#include "text_fold.hpp"

using tampon::site::fold;
using tampon::site::slugify;

TEST(Fold, RemovesFrenchAccentsAndCase) {
  EXPECT_EQ(fold("Démarches ÉLÈVE Noël Ça"), "demarches eleve noel ca");
}

TEST(Fold, ExpandsLigaturesAndTypographicApostrophes) {
  EXPECT_EQ(fold("Œuvre cœur l’État"), "oeuvre coeur l'etat");
}

TEST(Slugify, DropsApostrophesAndJoinsWordsWithOneDash) {
  EXPECT_EQ(slugify("Étape 8 : suivi de l’activité et versements"),
            "etape-8-suivi-de-lactivite-et-versements");
}

TEST(Slugify, NeverReturnsAnEmptyId) { EXPECT_EQ(slugify("« ! »"), "section"); }

TEST(Slugify, KeepsNonLatinTextOutOfTheIdWithoutCrashing) {
  EXPECT_EQ(slugify("Привет 2024"), "2024");
  EXPECT_EQ(slugify(std::string("a\xff\xfe"
                                "b")),
            "a-b");
}
