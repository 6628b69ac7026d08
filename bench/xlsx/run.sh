#!/usr/bin/env bash
# XLSX benchmark (issue #4): the global ledger of the national synthetic set and every
# per-convention statement (and, as extra figures, every quarterly justification), against
# Python XlsxWriter writing the same ledger, cell for cell.
#
#   bench/xlsx/run.sh                  # national data from bench/gen (scale 1), release build
#   SYNTHETIC=1 bench/xlsx/run.sh      # national-sized model built in memory (no YAML)
#   BENCH_XLSX=/path/bench_xlsx bench/xlsx/run.sh   # an already built binary
#   DATA=build/bench-data/x1-... bench/xlsx/run.sh  # a project generated already
#
# Each phase runs in its own process under /usr/bin/time -v (wall time, peak RSS); the render
# times printed are measured inside the process, model loading excluded, as is the Python
# script's (reading its input excluded). Exit status 0 when the targets hold: ledger at least
# 4 times faster than XlsxWriter, all statements under 10 s, every phase under 200 MB.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jobs="${JOBS:-2}"
build_dir="${BUILD_DIR:-$root/build/xlsx-release}"
bench="${BENCH_XLSX:-$build_dir/bench/xlsx/bench_xlsx}"
data_root="${BENCH_DATA:-$root/build/bench-data}"
as_of="${AS_OF:-2024-06-30}"
python=/usr/bin/python3  # Debian's, with python3-xlsxwriter (a pyenv one may come first)

log() { printf '%s\n' "$*" >&2; }

if [[ -z "${BENCH_XLSX:-}" ]]; then
  log "== construction (Release, $build_dir)"
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build_dir" --target bench_xlsx -j "$jobs" >/dev/null
fi

source_args=()
if [[ -z "${SYNTHETIC:-}" ]]; then
  data="${DATA:-$data_root/xlsx-national-s2021}"
  if [[ ! -d "$data/data" ]]; then
    log "== données nationales synthétiques ($data)"
    python3 "$root/bench/gen/generate.py" --scale 1 --seed 2021 --out "$data" >/dev/null
  fi
  source_args=(--project "$data" --as-of "$as_of")
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# run_timed NAME CMD...: runs CMD, keeps its output in $work/NAME.out and its peak RSS (KB).
run_timed() {
  local name="$1"
  shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out"
  grep -h "Maximum resident" "$work/$name.time" | awk '{print $NF}' >"$work/$name.rss"
  cat "$work/$name.out"
  printf '  (%s : pic mémoire %d Mo, %s s au total)\n' "$name" "$(( $(cat "$work/$name.rss") / 1024 ))" \
    "$(grep -h "Elapsed (wall" "$work/$name.time" | awk '{print $NF}')"
}

run_timed model "$bench" "${source_args[@]}" --out "$work/out" --phase none
run_timed ledger "$bench" "${source_args[@]}" --out "$work/out" --phase ledger \
  --tsv "$work/ledger.tsv"
run_timed statements "$bench" "${source_args[@]}" --out "$work/out" --phase statements \
  --jobs "$jobs"
run_timed justifications "$bench" "${source_args[@]}" --out "$work/out" \
  --phase justifications --jobs "$jobs"
run_timed xlsxwriter "$python" "$root/bench/xlsx/xlsxwriter_ledger.py" "$work/ledger.tsv" \
  "$work/python.xlsx"
run_timed xlsxwriter_cm "$python" "$root/bench/xlsx/xlsxwriter_ledger.py" "$work/ledger.tsv" \
  "$work/python-cm.xlsx" --constant-memory

ledger_s="$(sed -n 's/^ledger: .* in \([0-9.]*\) s.*/\1/p' "$work/ledger.out")"
statements_s="$(sed -n 's/^statements: .* in \([0-9.]*\) s.*/\1/p' "$work/statements.out")"
py_s="$(sed -n 's/^xlsxwriter: .* in \([0-9.]*\) s.*/\1/p' "$work/xlsxwriter.out")"
py_cm_s="$(sed -n 's/^xlsxwriter (constant_memory): .* in \([0-9.]*\) s.*/\1/p' \
  "$work/xlsxwriter_cm.out")"
py_best="$(awk -v a="$py_s" -v b="$py_cm_s" 'BEGIN { print (a < b ? a : b) }')"
ratio="$(awk -v p="$py_best" -v l="$ledger_s" 'BEGIN { printf "%.1f", p / l }')"
peak_kb=0
for phase in ledger statements justifications; do
  rss="$(cat "$work/$phase.rss")"
  ((rss > peak_kb)) && peak_kb="$rss"
done

echo
echo "== résultats"
echo "grand livre : tampon ${ledger_s} s, XlsxWriter ${py_s} s (constant_memory ${py_cm_s} s) : ${ratio}× plus rapide (cible ≥ 4×)"
echo "échéanciers par convention : ${statements_s} s (cible < 10 s)"
echo "pic mémoire : $((peak_kb / 1024)) Mo (cible < 200 Mo), dont le modèle seul $(( $(cat "$work/model.rss") / 1024 )) Mo"
ok=0
awk -v r="$ratio" 'BEGIN { exit !(r >= 4) }' || { log "ÉCHEC : rapport ${ratio}× < 4×"; ok=1; }
awk -v s="$statements_s" 'BEGIN { exit !(s < 10) }' || { log "ÉCHEC : ${statements_s} s ≥ 10 s"; ok=1; }
((peak_kb < 200 * 1024)) || { log "ÉCHEC : pic mémoire ≥ 200 Mo"; ok=1; }
exit "$ok"
