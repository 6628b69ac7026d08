#!/usr/bin/env bash
# Pilotage import benchmark (issue 16): `tampon import pilotage` of a 10 000-row structures
# export into an empty project, the same export again (every record read back, none
# rewritten), then a 10 000-row conseillers export linked to those structures. Each run timed
# with /usr/bin/time (wall seconds, peak RSS). Target for each: under 3 s and 300 MB.
#
#   bench/pilotage/run.sh                     # builds the release preset, 10 000 rows
#   ROWS=500 bench/pilotage/run.sh            # a small export, to check the script
#   TAMPON=path/to/tampon bench/pilotage/run.sh   # measure an existing binary, build nothing
#   BENCH_DATA=/tmp/x bench/pilotage/run.sh   # where exports and results go
#
# Exit status: 0 when every run succeeds within the targets, 1 if not.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${ROWS:-10000}"
seed="${SEED:-2021}"
data_root="${BENCH_DATA:-$root/build/bench-data}"
tampon="${TAMPON:-$root/build/release/generator/tampon}"
target_s=3
target_kb=$((300 * 1024))

log() { printf '%s\n' "$*" >&2; }

if [[ -z "${TAMPON:-}" ]]; then
  log "== construction (preset release)"
  mkdir -p "$data_root"
  (cd "$root" && cmake --preset release && cmake --build --preset release --target tampon -j 2) \
    >"$data_root/build-pilotage.log" 2>&1 || { log "échec de la construction"; exit 1; }
fi
[[ -x "$tampon" ]] || { log "tampon introuvable : $tampon"; exit 1; }

work="$data_root/pilotage-$rows"
rm -rf "$work" && mkdir -p "$work/projet"
python3 "$root/bench/pilotage/gen_export.py" --rows "$rows" --seed "$seed" --out "$work"

# Prints "seconds rss_kb exit_code cpu_seconds" (user + system: what the wall time would be on an
# idle core, as the reference machine is shared).
timed() {
  local tfile status wall rss
  tfile="$(mktemp)"
  set +e
  /usr/bin/time -f "%e %M %U %S" -o "$tfile" "$@" >"$work/last.log" 2>&1
  status=$?
  set -e
  read -r wall rss user sys <"$tfile"
  rm -f "$tfile"
  printf '%s %s %s %s\n' "$wall" "$rss" "$status" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}

failed=0
report() {
  local what="$1" s="$2" kb="$3" rc="$4" cpu="$5" verdict="ok"
  if [[ "$rc" != 0 ]]; then verdict="ÉCHEC (code $rc) : $(tail -n 3 "$work/last.log")"; failed=1
  elif ! awk -v a="$s" -v b="$target_s" 'BEGIN { exit !(a <= b) }' || ((kb > target_kb)); then
    verdict="NON TENU (objectif < ${target_s} s et < $((target_kb / 1024)) Mo)"; failed=1; fi
  printf '%-24s %8.2f s (processeur %5.2f s) %6d Mo  %s\n' "$what" "$s" "$cpu" $((kb / 1024)) \
    "$verdict"
}

echo "Export de $rows lignes : structures.csv $(du -k "$work/structures.csv" | cut -f1) Ko," \
  "conseillers.csv $(du -k "$work/conseillers.csv" | cut -f1) Ko"
p="$work/projet"
read -r s kb rc cpu < <(timed "$tampon" import pilotage "$work/structures.csv" --project "$p" -q)
report "structures (création)" "$s" "$kb" "$rc" "$cpu"
read -r s kb rc cpu < <(timed "$tampon" import pilotage "$work/structures.csv" --project "$p")
report "structures (réimport)" "$s" "$kb" "$rc" "$cpu"
grep -o "[0-9]* inchangées" "$work/last.log" | sed 's/^/  /' || true
read -r s kb rc cpu < <(timed "$tampon" import pilotage "$work/conseillers.csv" --project "$p" -q)
report "conseillers (liés)" "$s" "$kb" "$rc" "$cpu"
echo "  fiches écrites : $(find "$p/data" -name '*.yaml' | wc -l)"
echo "Charge de la machine : $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cœurs)"
exit "$failed"
