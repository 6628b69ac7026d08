#!/usr/bin/env bash
# Spreadsheet export and import benchmark (issue 16): `tampon export tableur` of the national
# synthetic set, then `tampon import tableur` of that workbook into an empty project, each timed
# with /usr/bin/time (wall seconds, CPU seconds, peak RSS), then the same import again (every
# file read back, none rewritten). Target for each: under 3 s and 300 MB.
#
#   bench/tableur/run.sh                     # builds the release preset, national size (1×)
#   SCALE=0.05 bench/tableur/run.sh          # a small set, to check the script
#   TAMPON=path/to/tampon bench/tableur/run.sh   # measure an existing binary, build nothing
#   BENCH_DATA=/tmp/x bench/tableur/run.sh   # where data sets and results go
#
# Also prints how many files the import wrote (records grouped by département, rapports by
# département and month: about 5 200 files for 161 087 records; the byte-identical build
# comparison is a test: tests/tableur/). TAMPON_TIMINGS=1 prints each run's phases.
# Exit status: 0 when both runs succeed within the targets, 1 if not.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scale="${SCALE:-1}"
seed="${SEED:-2021}"
data_root="${BENCH_DATA:-$root/build/bench-data}"
tampon="${TAMPON:-$root/build/release/generator/tampon}"
target_s=3
# The import validates the project once written (as `tampon validate`): at the date the
# generated set is valid at, like the other benchmarks.
as_of="${AS_OF:-2024-06-30}"
target_kb=$((300 * 1024))

log() { printf '%s\n' "$*" >&2; }

if [[ -z "${TAMPON:-}" ]]; then
  log "== construction (preset release)"
  mkdir -p "$data_root"
  (cd "$root" && cmake --preset release && cmake --build --preset release --target tampon -j 2) \
    >"$data_root/build-tableur.log" 2>&1 || { log "échec de la construction"; exit 1; }
fi
[[ -x "$tampon" ]] || { log "tampon introuvable : $tampon"; exit 1; }

digest="$(cat "$root"/bench/gen/*.py | sha256sum | cut -c1-10)"
dir="$data_root/x$scale-departement-s$seed-$digest"
if [[ ! -d "$dir/data" ]]; then
  log "== génération ${scale}× dans $dir"
  rm -rf "$dir.tmp"
  python3 "$root/bench/gen/generate.py" --scale "$scale" --seed "$seed" --out "$dir.tmp" >&2
  mv "$dir.tmp" "$dir"
fi

work="$data_root/tableur-x$scale"
# The previous run's files are deleted at the end, after the timings: this file system
# (ext4 without a journal) skips inodes freed in the last minute or more when it allocates new
# ones, and an import right after deleting the previous one measured ten times its system time.
trash="$data_root/.tableur-corbeille-$$"
if [[ -e "$work" ]]; then mv "$work" "$trash"; fi
mkdir -p "$work/import"
# The parse cache of this run only: the first import's validation parses every file it wrote,
# as on a user's machine; the unchanged re-import finds them in the cache.
export TAMPON_CACHE_DIR="$work/cache"

# Prints "seconds rss_kb exit_code cpu_seconds" (user + system: what the wall time would be on
# an idle core, as the reference machine is shared).
timed() {
  local tfile status wall rss user sys
  tfile="$(mktemp)"
  set +e
  /usr/bin/time -f "%e %M %U %S" -o "$tfile" "$@" >"$work/last.log" 2>&1
  status=$?
  set -e
  # The last line: GNU time puts "Command exited with non-zero status N" above it.
  read -r wall rss user sys < <(tail -n 1 "$tfile")
  rm -f "$tfile"
  printf '%s %s %s %s\n' "$wall" "$rss" "$status" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}

failed=0
report() {
  local what="$1" s="$2" kb="$3" rc="$4" cpu="$5" verdict="ok"
  if [[ "$rc" != 0 ]]; then verdict="ÉCHEC (code $rc) : $(tail -n 3 "$work/last.log")"; failed=1
  elif ! awk -v a="$s" -v b="$target_s" 'BEGIN { exit !(a <= b) }' || ((kb > target_kb)); then
    verdict="NON TENU (objectif < ${target_s} s et < $((target_kb / 1024)) Mo)"; failed=1; fi
  printf '%-20s %8.2f s (processeur %5.2f s) %6d Mo  %s\n' "$what" "$s" "$cpu" $((kb / 1024)) \
    "$verdict"
}

records="$(find "$dir/data" -name '*.yaml' | wc -l) fichiers YAML"
read -r s kb rc cpu < <(timed "$tampon" export tableur "$work/fiches.xlsx" --project "$dir" --quiet)
report export "$s" "$kb" "$rc" "$cpu"
echo "  classeur : $(du -m "$work/fiches.xlsx" 2>/dev/null | cut -f1) Mo (projet : $records)"
read -r s kb rc cpu < <(TAMPON_TIMINGS=1 timed "$tampon" import tableur "$work/fiches.xlsx" --project "$work/import" --as-of "$as_of" --quiet)
report import "$s" "$kb" "$rc" "$cpu"
echo "  fichiers écrits : $(find "$work/import/data" -name '*.yaml' 2>/dev/null | wc -l)"
# The import then validates the project, as `tampon validate` (its phases: TAMPON_TIMINGS).
awk '/^\[temps\] (chargement|validation) / { s += $3 }
  END { if (s) printf "  dont vérification du projet (chargement et validation) : %.2f s\n", s / 1000 }' \
  "$work/last.log"
read -r s kb rc cpu < <(timed "$tampon" import tableur "$work/fiches.xlsx" --project "$work/import" --as-of "$as_of")
report "import (inchangé)" "$s" "$kb" "$rc" "$cpu"
grep -o "[0-9]* fichiers\? écrits\?, [0-9]* inchangés\?" "$work/last.log" | sed 's/^/  /' || true
echo "Charge de la machine : $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cœurs)"
rm -rf "$trash"
exit "$failed"
