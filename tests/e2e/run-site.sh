#!/bin/sh
# Builds the shipped website with tampon into a fresh folder, then runs the browser tests.
#   run-site.sh TAMPON_EXE SOURCE_DIR WORK_DIR
# The project folder is empty, so the site comes from the shipped content/, templates/ and
# data/baremes.yaml (records.md: a folder may omit them). Screenshots land in WORK_DIR/captures.
# TAMPON lets run.mjs also test the error overlay of `tampon serve`.
set -eu
tampon=$1
source_dir=$2
work=$3
rm -rf "$work"
mkdir -p "$work/projet"
"$tampon" build --only site --project "$work/projet" --out "$work/out" --quiet
TAMPON="$tampon" exec node "$source_dir/tests/e2e/run.mjs" "$work/out/site" --screenshots "$work/captures"
