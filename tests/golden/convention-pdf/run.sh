#!/bin/sh
# Golden tests of the convention-pdf emitter (issue #3). Each folder here holding data/ is a
# small project: it is built twice, the two builds must be byte-identical (outputs.md), and
# what a reviewer reads from each PDF — pdftotext -layout, the pdfinfo metadata and page
# count (PDF version, tagged), the pdffonts table, and the structure tree a screen reader
# follows (pdfinfo -struct-text: roles in reading order, without running headers, footers
# or page numbers) — must equal expected/. `qpdf --check` must pass.
#
#   sh run.sh path/to/tampon                   # compare
#   UPDATE_GOLDEN=1 sh run.sh path/to/tampon   # rewrite expected/ (then review the diff)
#
# Through ctest: `ctest -R golden` and `UPDATE_GOLDEN=1 ctest -R golden`.
set -eu
TAMPON=${1:?usage: run.sh path/to/tampon}
HERE=$(cd "$(dirname "$0")" && pwd)
AS_OF=2023-01-01
export TZ=UTC LC_ALL=C.UTF-8
status=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "ÉCHEC [$1] $2" >&2
  status=1
}

extract() {  # extract PDF TARGET_BASE
  pdftotext -layout "$1" "$2.txt"
  pdfinfo "$1" | grep -E '^(Title|Subject|Author|Keywords|Creator|Producer|CreationDate|ModDate|Metadata Stream|Tagged|Form|Pages|Page size|PDF version):' > "$2.info"
  pdffonts "$1" > "$2.fonts"
  pdfinfo -struct-text "$1" > "$2.struct"
}

for case_dir in "$HERE"/*/; do
  name=$(basename "$case_dir")
  [ -d "$case_dir/data" ] || continue
  out1="$work/$name/build-1"
  out2="$work/$name/build-2"
  actual="$work/$name/actual"
  if ! "$TAMPON" build --project "$case_dir" --out "$out1" --only convention-pdf --as-of "$AS_OF" --quiet; then
    fail "$name" "tampon build a échoué"
    continue
  fi
  "$TAMPON" build --project "$case_dir" --out "$out2" --only convention-pdf --as-of "$AS_OF" --jobs 1 --quiet
  pdfs=$(cd "$out1" && find . -name '*.pdf' | sort)
  [ -n "$pdfs" ] || fail "$name" "aucun PDF produit"
  for rel in $pdfs; do
    cmp -s "$out1/$rel" "$out2/$rel" || fail "$name" "$rel diffère d'une construction à l'autre"
    qpdf --check "$out1/$rel" > /dev/null 2>&1 || fail "$name" "qpdf --check refuse $rel"
    base="$actual/${rel#./}"
    mkdir -p "$(dirname "$base")"
    extract "$out1/$rel" "${base%.pdf}"
  done
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    rm -rf "$case_dir/expected"
    cp -r "$actual" "$case_dir/expected"
    echo "mis à jour : $name/expected"
  elif ! diff -ru "$case_dir/expected" "$actual"; then
    fail "$name" "extractions différentes de expected/ (UPDATE_GOLDEN=1 pour les réécrire)"
  fi
done
exit $status
