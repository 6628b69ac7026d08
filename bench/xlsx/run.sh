#!/usr/bin/env bash
# XLSX benchmark (issue #4): the global ledger of the national synthetic set and every
# per-convention statement (and, as extra figures, every quarterly justification), against
# Python XlsxWriter writing the same ledger, cell for cell; then, when a `tampon` binary is at
# hand, `tampon build --only tranches-xlsx` on the same data, as a user runs it.
#
#   bench/xlsx/run.sh                  # national data from bench/gen (scale 1), release build
#   SYNTHETIC=1 bench/xlsx/run.sh      # national-sized model built in memory (no YAML)
#   BENCH_XLSX=/path/bench_xlsx bench/xlsx/run.sh   # an already built binary, build nothing
#   TAMPON=/path/tampon bench/xlsx/run.sh           # also time `tampon build` with this binary
#   DATA=build/bench-data/x1-... bench/xlsx/run.sh  # a project generated already
#   TMPDIR=/dev/shm bench/xlsx/run.sh  # outputs in memory rather than on disk (see below)
#   JUSTIFICATIONS=0 bench/xlsx/run.sh # skip the justifications (the longest phase, no target)
#
# Each phase runs in its own process under /usr/bin/time -v (wall time, peak RSS); the render
# times printed are measured inside the process, model loading excluded, as is the Python
# script's (reading its input excluded). CPU times (user + system, all threads) are printed
# too: on a machine shared with other work they stay close to the idle figures when wall times
# do not. Outputs go to a fresh folder under $TMPDIR (default /tmp): on a journal-less ext4,
# creating files right after many were deleted costs more than writing them.
# The ledger is written REPEAT times (default 5) by each side; best and median times are
# compared, as XlsxWriter's time varies by up to a half from one run to the next.
# Exit status 0 when the targets hold (wall times): ledger at least 4 times faster than
# XlsxWriter (best against best), all statements under 10 s, the ledger and statement phases
# under 200 MB each.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jobs="${JOBS:-2}"
repeat="${REPEAT:-5}"  # ledger renderings on each side: best and median compared
build_dir="${BUILD_DIR:-$root/build/xlsx-release}"
bench="${BENCH_XLSX:-$build_dir/bench/xlsx/bench_xlsx}"
tampon="${TAMPON:-}"
data_root="${BENCH_DATA:-$root/build/bench-data}"
as_of="${AS_OF:-2024-06-30}"
python=/usr/bin/python3  # Debian's, with python3-xlsxwriter (a pyenv one may come first)

log() { printf '%s\n' "$*" >&2; }

if [[ -z "${BENCH_XLSX:-}" ]]; then
  log "== construction (Release, $build_dir)"
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build_dir" --target bench_xlsx -j "$jobs" >/dev/null
fi

# The national data set, shared with bench/load (same name: scale, layout, seed, digest of the
# generator), generated on first use.
national_data() {
  local digest
  digest="$(cat "$root"/bench/gen/{generate,gen_names,tampon_rules}.py | sha256sum | cut -c1-10)"
  local dir="$data_root/x1-departement-s2021-$digest"
  if [[ ! -d "$dir/data" ]]; then
    log "== données nationales synthétiques ($dir)"
    rm -rf "$dir.tmp"
    python3 "$root/bench/gen/generate.py" --scale 1 --seed 2021 --out "$dir.tmp" >/dev/null
    mv "$dir.tmp" "$dir"
  fi
  printf '%s\n' "$dir"
}

source_args=()
if [[ -z "${SYNTHETIC:-}" ]]; then
  data="${DATA:-$(national_data)}"
  source_args=(--project "$data" --as-of "$as_of")
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log "== sorties dans $work ; charge : $(uptime | sed 's/.*load average: //')"

# run_timed NAME CMD...: runs CMD, keeps its output in $work/NAME.out and its peak RSS (KB).
run_timed() {
  local name="$1"
  shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out"
  grep -h "Maximum resident" "$work/$name.time" | awk '{print $NF}' >"$work/$name.rss"
  cat "$work/$name.out"
  printf '  (%s : pic mémoire %d Mo, %s au total)\n' "$name" "$(($(cat "$work/$name.rss") / 1024))" \
    "$(grep -h "Elapsed (wall" "$work/$name.time" | awk '{print $NF}')"
}

run_timed model "$bench" "${source_args[@]}" --out "$work/out" --phase none
run_timed ledger "$bench" "${source_args[@]}" --out "$work/out" --phase ledger \
  --tsv "$work/ledger.tsv" --repeat "$repeat"
run_timed statements "$bench" "${source_args[@]}" --out "$work/out" --phase statements \
  --jobs "$jobs"
if [[ "${JUSTIFICATIONS:-1}" != 0 ]]; then
  run_timed justifications "$bench" "${source_args[@]}" --out "$work/out" \
    --phase justifications --jobs "$jobs"
fi
run_timed xlsxwriter "$python" "$root/bench/xlsx/xlsxwriter_ledger.py" "$work/ledger.tsv" \
  "$work/python.xlsx" --repeat "$repeat"
run_timed xlsxwriter_cm "$python" "$root/bench/xlsx/xlsxwriter_ledger.py" "$work/ledger.tsv" \
  "$work/python-cm.xlsx" --constant-memory --repeat "$repeat"
if [[ -n "$tampon" && -z "${SYNTHETIC:-}" ]]; then
  mkdir -p "$work/cache"
  TAMPON_CACHE_DIR="$work/cache" "$tampon" validate --project "$data" --as-of "$as_of" \
    --jobs "$jobs" >/dev/null 2>&1 || true  # fills the parse cache: the build below is warm
  run_timed build env TAMPON_CACHE_DIR="$work/cache" "$tampon" build --project "$data" \
    --out "$work/build" --as-of "$as_of" --only tranches-xlsx --jobs "$jobs"
fi

# field FILE REGEX: the first capture of REGEX (sed -E) in FILE.
field() { sed -En "s/$2/\1/p" "$1" | head -n 1; }
# Ledger and XlsxWriter lines: "... rows in BEST s (cpu BEST s), median MEDIAN s (cpu MEDIAN s) of N"
best='.* rows in ([0-9.]+) s.*'
best_cpu='.* rows in [0-9.]+ s \(cpu ([0-9.]+) s\).*'
median='.*, median ([0-9.]+) s.*'
ledger_s="$(field "$work/ledger.out" "^ledger: $best")"
ledger_cpu="$(field "$work/ledger.out" "^ledger: $best_cpu")"
ledger_med="$(field "$work/ledger.out" "^ledger: $median")"
statements_s="$(field "$work/statements.out" '^statements: .* files in ([0-9.]+) s.*')"
statements_cpu="$(field "$work/statements.out" '^statements: .*\(cpu ([0-9.]+) s.*')"
py_s="$(field "$work/xlsxwriter.out" "^xlsxwriter: $best")"
py_cpu="$(field "$work/xlsxwriter.out" "^xlsxwriter: $best_cpu")"
py_med="$(field "$work/xlsxwriter.out" "^xlsxwriter: $median")"
py_cm_s="$(field "$work/xlsxwriter_cm.out" "^xlsxwriter \(constant_memory\): $best")"
# The faster of XlsxWriter's two modes, best against best, median against median.
py_best="$(awk -v a="$py_s" -v b="$py_cm_s" 'BEGIN { print (a < b ? a : b) }')"
ratio="$(awk -v p="$py_best" -v l="$ledger_s" 'BEGIN { printf "%.1f", p / l }')"
ratio_med="$(awk -v p="$py_med" -v l="$ledger_med" 'BEGIN { printf "%.1f", p / l }')"
ratio_cpu="$(awk -v p="$py_cpu" -v l="$ledger_cpu" 'BEGIN { printf "%.1f", p / l }')"
mb() { echo $(($(cat "$work/$1.rss") / 1024)); }
peak_mb=$(($(mb ledger) > $(mb statements) ? $(mb ledger) : $(mb statements)))

echo
echo "== résultats (charge : $(uptime | sed 's/.*load average: //'))"
echo "grand livre (meilleur de $repeat) : tampon ${ledger_s} s (CPU ${ledger_cpu} s), XlsxWriter ${py_s} s (CPU ${py_cpu} s ; constant_memory ${py_cm_s} s) : ${ratio}× plus rapide, ${ratio_cpu}× en temps CPU (cible ≥ 4×)"
echo "grand livre (médianes) : tampon ${ledger_med} s, XlsxWriter ${py_med} s : ${ratio_med}×"
echo "échéanciers par convention : ${statements_s} s, CPU ${statements_cpu} s sur ${jobs} fils (cible < 10 s)"
echo "pic mémoire : grand livre $(mb ledger) Mo, échéanciers $(mb statements) Mo (cible < 200 Mo), dont le modèle chargé et le plan des échéanciers seuls $(mb model) Mo"
[[ -f "$work/justifications.rss" ]] &&
  echo "justifications : $(field "$work/justifications.out" '^justifications: (.*)$'), pic mémoire $(mb justifications) Mo"
[[ -f "$work/build.rss" ]] &&
  echo "tampon build --only tranches-xlsx : $(grep -h "Elapsed (wall" "$work/build.time" | awk '{print $NF}'), pic mémoire $(mb build) Mo"
ok=0
awk -v r="$ratio" 'BEGIN { exit !(r >= 4) }' || { log "ÉCHEC : rapport ${ratio}× < 4×"; ok=1; }
awk -v s="$statements_s" 'BEGIN { exit !(s < 10) }' || { log "ÉCHEC : ${statements_s} s ≥ 10 s"; ok=1; }
((peak_mb < 200)) || { log "ÉCHEC : pic mémoire ${peak_mb} Mo ≥ 200 Mo"; ok=1; }
exit "$ok"
