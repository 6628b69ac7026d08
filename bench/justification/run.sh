#!/usr/bin/env bash
# Justification import benchmark (issue 17): `tampon import justification` of COUNT (1 000)
# filled forms at once, timed with /usr/bin/time (wall seconds, peak RSS). Target: under 10 s.
#
#   bench/justification/run.sh                      # builds the release preset, 0.05× set
#   SCALE=0.1 COUNT=1000 bench/justification/run.sh
#   TAMPON=path/to/tampon bench/justification/run.sh  # measure an existing binary, build nothing
#   BENCH_DATA=/tmp/x bench/justification/run.sh    # where data sets and results go
#
# Steps: generate the synthetic set (bench/gen/generate.py), build its justifications
# (--only justification-xlsx), fill the first COUNT forms with openpyxl (fill_forms.py, not
# timed), copy the project, then time the import (every form compared with the form generated
# again, COUNT declaration files written, the project validated), and a second import of the
# same files (every form "inchangé"). Checks on the way: COUNT files in data/depenses/ named
# <structure>-<YYYY>-T<n>.yaml, and the second run writes nothing.
# Exit status: 0 when both runs succeed within the target, 1 if not.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scale="${SCALE:-0.05}"
count="${COUNT:-1000}"
seed="${SEED:-2021}"
as_of="${AS_OF:-2024-06-30}"
data_root="${BENCH_DATA:-$root/build/bench-data}"
tampon="${TAMPON:-$root/build/release/generator/tampon}"
target_s=10

log() { printf '%s\n' "$*" >&2; }

if [[ -z "${TAMPON:-}" ]]; then
  log "== construction (preset release)"
  mkdir -p "$data_root"
  (cd "$root" && cmake --preset release && cmake --build --preset release --target tampon -j 2) \
    >"$data_root/build-justification.log" 2>&1 || { log "échec de la construction"; exit 1; }
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

work="$data_root/justification-x$scale-n$count"
rm -rf "$work" && mkdir -p "$work"
log "== justifications de $dir (--as-of $as_of)"
"$tampon" build --project "$dir" --out "$work/out" --as-of "$as_of" --only justification-xlsx -q
log "== $count formulaires remplis (openpyxl)"
/usr/bin/python3 "$root/bench/justification/fill_forms.py" "$work/out" "$work/forms" "$count"
cp -r "$dir" "$work/project"

# Prints "seconds rss_kb exit_code".
timed() {
  local tfile status wall rss
  tfile="$(mktemp)"
  set +e
  /usr/bin/time -f "%e %M" -o "$tfile" "$@" >"$work/last.log" 2>&1
  status=$?
  set -e
  read -r wall rss <"$tfile"
  rm -f "$tfile"
  printf '%s %s %s\n' "$wall" "$rss" "$status"
}

failed=0
report() {  # label seconds rss status
  local verdict="ok"
  if [[ "$4" != 0 ]]; then verdict="ÉCHEC (code $4, voir $work/$1.log)"; failed=1;
  elif awk -v t="$2" -v m="$target_s" 'BEGIN { exit !(t >= m) }'; then
    verdict="trop lent (objectif < $target_s s)"; failed=1; fi
  cp "$work/last.log" "$work/$1.log"
  printf '%-28s %7s s %8s Mo  %s\n' "$1" "$2" "$(( $3 / 1024 ))" "$verdict"
}

log "== import (charge : $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cœurs)"
read -r s rss st < <(timed "$tampon" import justification "$work"/forms/*.xlsx \
  --project "$work/project" --as-of "$as_of")
report "import ($count formulaires)" "$s" "$rss" "$st"
written=$(ls "$work/project/data/depenses" | grep -c -E -- '-[0-9]{4}-T[1-4]\.yaml$' || true)
[[ "$written" == "$count" ]] || { log "attendu $count fichiers de déclaration, trouvé $written"; failed=1; }
read -r s rss st < <(timed "$tampon" import justification "$work"/forms/*.xlsx \
  --project "$work/project" --as-of "$as_of")
report "réimport (inchangés)" "$s" "$rss" "$st"
grep -q "0 formulaire importé (dont 0 remplaçant une déclaration), $count inchangés" \
  "$work/réimport (inchangés).log" || { log "le second import a changé quelque chose"; failed=1; }
tail -1 "$work/import ($count formulaires).log" >&2
exit "$failed"
