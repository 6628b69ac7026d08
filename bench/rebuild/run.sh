#!/usr/bin/env bash
# Incremental rebuild benchmark (issue 13): `tampon build` on a synthetic national project,
# five runs in a row on the same --out, each under /usr/bin/time -v:
#   1. full build (empty --out; the parse cache warmed first by one `validate`);
#   2. rebuild with nothing changed;
#   3. rebuild after editing one conseiller's salary (target: < 20 files rewritten, < 1 s);
#   4. rebuild after editing that conseiller's name (printed: its documents are rendered);
#   5. `--select convention=ID` for one convention (target: < 1 s).
# For each: wall and CPU seconds, files written / unchanged / removed (tampon's summary line),
# peak RSS; then the phases of the salary rebuild (TAMPON_TIMINGS=1: wall and CPU per phase).
#
#   bench/rebuild/run.sh                        # build release, generate --scale 1, measure
#   SCALE=0.02 bench/rebuild/run.sh             # a small set (checks the script works)
#   TAMPON=build/release/generator/tampon DATA=/tmp/national bench/rebuild/run.sh   # existing binary, data
#   ONLY=convention-pdf,tranches-xlsx bench/rebuild/run.sh                # some emitters only
#
# Environment: SCALE (default 1), SEED (2021), JOBS (2: the reference machine), AS_OF
# (2024-06-30), DATA (a project folder with data/, left as found: it is copied first), WORK
# (outputs; a temporary folder removed at the end unless given), TAMPON (a binary: build
# nothing), ONLY (--only list; default every emitter).
# Run it on an otherwise idle machine. Exit status 1 when a run fails or a target is missed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scale="${SCALE:-1}"
seed="${SEED:-2021}"
jobs="${JOBS:-2}"
as_of="${AS_OF:-2024-06-30}"
tampon="${TAMPON:-$root/build/release/generator/tampon}"

log() { printf '%s\n' "$*" >&2; }

if [[ -z "${TAMPON:-}" ]]; then
  log "== construction (preset release)"
  (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release \
    --target tampon -j "$jobs" >/dev/null)
fi
[[ -x "$tampon" ]] || { log "tampon introuvable : $tampon"; exit 1; }

if [[ -n "${WORK:-}" ]]; then mkdir -p "$WORK"; else
  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
fi
project="$WORK/project"
rm -rf "$project" "$WORK/out" "$WORK/cache"
if [[ -n "${DATA:-}" ]]; then
  mkdir -p "$project" && cp -r "$DATA/data" "$project/data"
else
  log "== génération ${scale}× dans $project"
  python3 "$root/bench/gen/generate.py" --scale "$scale" --seed "$seed" --out "$project" >&2
fi
only=()
[[ -n "${ONLY:-}" ]] && only=(--only "$ONLY")
export TAMPON_CACHE_DIR="$WORK/cache"
export TAMPON_TIMINGS=1  # each build's log then says where its time went (core/phase_clock.hpp)
"$tampon" validate --project "$project" --as-of "$as_of" --jobs "$jobs" --quiet >/dev/null 2>&1 || true

failed=0
# Runs one build; prints "label | seconds | CPU seconds | written | unchanged | removed | peak MB".
run() {
  local label="$1"
  shift
  local tfile="$WORK/time.txt" log="$WORK/$label.log" status=0
  /usr/bin/time -v -o "$tfile" "$tampon" build --project "$project" --out "$WORK/out" \
    --as-of "$as_of" --jobs "$jobs" "${only[@]}" "$@" >"$log" 2>&1 || status=$?
  local wall rss cpu summary written unchanged removed
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
    for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$tfile")"
  rss="$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$tfile")"
  # CPU seconds (user + system): what a run costs when the machine is shared.
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$tfile")"
  summary="$(grep -E 'fichier\(s\) écrit\(s\)' "$log" | tail -n 1 || true)"
  written="$(sed -E 's/^([0-9]+) fichier.*/\1/' <<<"$summary")"
  unchanged="$(sed -E 's/.* ([0-9]+) inchangé.*/\1/' <<<"$summary")"
  removed="$(sed -E 's/.* ([0-9]+) supprimé.*/\1/' <<<"$summary")"
  printf '%-28s %8s %8s %9s %10s %9s %9s' "$label" "$wall" "$cpu" "${written:-?}" \
    "${unchanged:-?}" "${removed:-?}" "$rss"
  if [[ "$status" != 0 ]]; then
    printf '  ÉCHEC (code %s, voir %s)' "$status" "$log"
    failed=1
  fi
  printf '\n'
  LAST_WALL="$wall"
  LAST_WRITTEN="${written:-999999}"
}

files="$(find "$project/data" -name '*.yaml' | wc -l)"
printf 'Projet : %s (%s fichiers YAML), %s cœur(s) utilisés, --as-of %s\n\n' "$project" "$files" \
  "$jobs" "$as_of"
printf '%-28s %8s %8s %9s %10s %9s %9s\n' "construction" "durée (s)" "CPU (s)" "écrits" \
  "inchangés" "supprimés" "pic (Mo)"
run "complète"
run "sans changement"

# One conseiller's salary, one euro more (still above the SMIC).
salary_file="$(grep -rl --include='*.yaml' -m1 'salaire_brut_mensuel:' "$project/data/conseillers" | sort | head -n 1)"
python3 - "$salary_file" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
def bump(m):
    return f"{m.group(1)}{float(m.group(2)) + 1:.2f}"
new = re.sub(r"(salaire_brut_mensuel: )([0-9.]+)", bump, text, count=1)
assert new != text, "aucun salaire trouvé"
open(path, "w", encoding="utf-8").write(new)
PY
run "un salaire modifié"
salary_wall="$LAST_WALL"
salary_written="$LAST_WRITTEN"

# The same conseiller's name, which its conventions, justifications and the ledger print (the
# salary is read by the rules alone, so its edit renders no document again).
python3 - "$salary_file" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
new = re.sub(r"(\n  nom: )([^\n]+)", lambda m: m.group(1) + m.group(2) + "-Martin", text, count=1)
assert new != text, "aucun nom trouvé"
open(path, "w", encoding="utf-8").write(new)
PY
run "un nom modifié"

convention="$(grep -rhoE --include='*.yaml' -m1 'id: cv-[0-9a-z-]+' "$project/data/conventions" | sort | head -n 1 | cut -d' ' -f2)"
run "--select convention=$convention" --select "convention=$convention"
select_wall="$LAST_WALL"

echo
echo "Où passe le temps de la reconstruction après un salaire modifié :"
grep "^\[temps\]" "$WORK/un salaire modifié.log" | sed "s/^\[temps\] /  /" || true
echo
echo "Et après un nom modifié :"
grep "^\[temps\]" "$WORK/un nom modifié.log" | sed "s/^\[temps\] /  /" || true
echo
echo "Charge moyenne à la fin : $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cœurs)"
check() {
  if awk -v a="$2" -v b="$3" 'BEGIN { exit !(a < b) }'; then echo "  $1 : tenu ($2 < $3)"; else
    echo "  $1 : NON TENU ($2 ≥ $3)"; failed=1; fi
}
echo "Objectifs :"
check "salaire modifié, fichiers réécrits" "$salary_written" 20
check "salaire modifié, durée (s)" "$salary_wall" 1
check "--select convention, durée (s)" "$select_wall" 1
exit "$failed"
