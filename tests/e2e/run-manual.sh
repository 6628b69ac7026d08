#!/bin/sh
# Builds the users' manual as a site (scripts/manual-site) into a fresh folder, then runs the
# browser checks that hold for any Tampon site (run.mjs --manuel).
#   run-manual.sh TAMPON_EXE SOURCE_DIR WORK_DIR
set -eu
tampon=$1
source_dir=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
python3 "$source_dir/scripts/manual-site" "$work/out" --tampon "$tampon" >/dev/null
exec node "$source_dir/tests/e2e/run.mjs" "$work/out/site" --manuel
