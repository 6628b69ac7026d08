#!/usr/bin/env bash
# Load and validation benchmark: `tampon validate` on synthetic national-scale projects.
#
#   bench/load/run.sh                 # builds the release preset, runs 1×, 2× and 4×
#   SCALES="1" bench/load/run.sh      # only the national size
#   LAYOUT=structure bench/load/run.sh  # one file per structure instead of per département
#   TAMPON=path/to/tampon bench/load/run.sh  # measure an existing binary, build nothing
#   bench/load/run.sh --generate-only   # only prepare the data sets
#
# For each scale: one cold run (the parse cache emptied first) and one warm run (same
# files, cache hit), each timed with /usr/bin/time (wall seconds, peak RSS). Data sets are
# generated once under build/bench-data/ and reused while the generator is unchanged.
# Exit status: 0 when every run validated with no error and the 1× targets hold, 1 if not.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scales="${SCALES:-1 2 4}"
layout="${LAYOUT:-departement}"
seed="${SEED:-2021}"
jobs="${JOBS:-2}"
data_root="${BENCH_DATA:-$root/build/bench-data}"
tampon="${TAMPON:-$root/build/release/generator/tampon}"
# Targets of issue #2 for the national size (1×) on a 2-core machine.
target_cold_s=8
target_warm_s=1.5
target_rss_kb=$((400 * 1024))

log() { printf '%s\n' "$*" >&2; }

build() {
  if [[ -n "${TAMPON:-}" ]]; then return; fi  # an explicit binary: use it as it is
  log "== construction (preset release)"
  local blog="$data_root/build.log"
  mkdir -p "$data_root"
  if ! (cd "$root" && cmake --preset release && cmake --build --preset release --target tampon \
    -j "$jobs") >"$blog" 2>&1; then
    grep -E -m 5 "error|FAILED" "$blog" >&2 || tail -n 20 "$blog" >&2
    log "échec de la construction (journal complet : $blog)"
    exit 1
  fi
}

# Data set folder for one scale, generated on first use. The name carries a digest of the
# generator so that changing it regenerates instead of benchmarking stale data.
dataset() {
  local scale="$1" digest dir
  digest="$(cat "$root"/bench/gen/{generate,gen_names,tampon_rules}.py | sha256sum | cut -c1-10)"
  dir="$data_root/x$scale-$layout-s$seed-$digest"
  if [[ ! -d "$dir/data" ]]; then
    log "== génération ${scale}× ($layout) dans $dir"
    rm -rf "$dir.tmp"
    python3 "$root/bench/gen/generate.py" --scale "$scale" --seed "$seed" --layout "$layout" \
      --out "$dir.tmp" >&2
    mv "$dir.tmp" "$dir"
  fi
  printf '%s\n' "$dir"
}

# Runs `tampon validate` once; prints "seconds rss_kb exit_code cpu_seconds" (user + system:
# less sensitive than wall time to other work on the machine).
timed_validate() {
  local dir="$1" cache="$2" out="$3"
  local tfile status wall rss user sys
  tfile="$(mktemp)"
  set +e
  TAMPON_CACHE_DIR="$cache" /usr/bin/time -f "%e %M %U %S" -o "$tfile" \
    "$tampon" validate --project "$dir" --jobs "$jobs" --quiet >"$out" 2>&1
  status=$?
  set -e
  read -r wall rss user sys <"$tfile"
  printf '%s %s %s %s\n' "$wall" "$rss" "$status" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
  rm -f "$tfile"
}

# Whole-number comparison helpers on decimals, through awk.
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

main() {
  if [[ "${1:-}" == "--generate-only" ]]; then  # prepare the data sets, measure nothing
    for scale in $scales; do dataset "$scale" >/dev/null; done
    return 0
  fi
  build
  [[ -x "$tampon" ]] || { log "tampon introuvable : $tampon"; exit 1; }
  mkdir -p "$data_root"
  local failed=0 scale dir files mb cache cold warm
  declare -A cold_s warm_s rss_cold
  printf '%-5s %7s %6s %10s %9s %9s %10s %9s %9s  %s\n' échelle fichiers "Mo" \
    "froid (s)" "CPU (s)" "RSS (Mo)" "chaud (s)" "CPU (s)" "RSS (Mo)" "résultat"
  for scale in $scales; do
    dir="$(dataset "$scale")"
    files="$(find "$dir/data" -name '*.yaml' | wc -l)"
    mb="$(du -sm "$dir/data" | cut -f1)"
    cache="$data_root/cache-x$scale-$layout"
    rm -rf "$cache"
    read -r c_s c_kb c_rc c_cpu < <(timed_validate "$dir" "$cache" "$data_root/cold-x$scale.log")
    read -r w_s w_kb w_rc w_cpu < <(timed_validate "$dir" "$cache" "$data_root/warm-x$scale.log")
    local verdict="ok"
    if [[ "$c_rc" != 0 || "$w_rc" != 0 ]]; then
      verdict="ÉCHEC: exit $c_rc/$w_rc, voir $data_root/cold-x$scale.log"
      failed=1
    fi
    printf '%-5s %7d %6d %10.2f %9.2f %9d %10.2f %9.2f %9d  %s\n' "${scale}×" "$files" "$mb" \
      "$c_s" "$c_cpu" $((c_kb / 1024)) "$w_s" "$w_cpu" $((w_kb / 1024)) "$verdict"
    cold_s[$scale]="$c_s"; warm_s[$scale]="$w_s"; rss_cold[$scale]="$c_kb"
  done

  if [[ -n "${cold_s[1]:-}" ]]; then
    echo
    echo "Charge moyenne de la machine à la fin : $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cœurs)"
    echo "Objectifs à 1× : froid < ${target_cold_s} s, chaud < ${target_warm_s} s, pic < 400 Mo"
    for check in "froid ${cold_s[1]} $target_cold_s" "chaud ${warm_s[1]} $target_warm_s" \
      "mémoire ${rss_cold[1]} $target_rss_kb"; do
      read -r what got want <<<"$check"
      if le "$got" "$want"; then echo "  $what : tenu ($got ≤ $want)"; else
        echo "  $what : NON TENU ($got > $want)"; failed=1; fi
    done
    echo
    echo "Croissance (rapport au 1×, linéaire ≈ l'échelle ; tolérance +25 %) :"
    for scale in $scales; do
      [[ "$scale" == 1 ]] && continue
      local rc rw rmem lin="linéaire"
      rc="$(ratio "${cold_s[$scale]}" "${cold_s[1]}")"
      rw="$(ratio "${warm_s[$scale]}" "${warm_s[1]}")"
      rmem="$(ratio "${rss_cold[$scale]}" "${rss_cold[1]}")"
      le "$rc" "$(awk -v s="$scale" 'BEGIN { print s * 1.25 }')" || lin="SURLINÉAIRE (temps froid)"
      le "$rmem" "$(awk -v s="$scale" 'BEGIN { print s * 1.25 }')" || lin="SURLINÉAIRE (mémoire)"
      echo "  ${scale}× : froid ×$rc, chaud ×$rw, mémoire ×$rmem — $lin"
    done
  fi
  return "$failed"
}

main "$@"
